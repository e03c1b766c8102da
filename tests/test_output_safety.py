"""Reports and baselines are written atomically, never through a symbolic link and never
over a read-only file: an untrusted pull request cannot make transcheck write outside
the tree, and a failed run leaves the previous report whole."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.cli import transcheck
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "data" / "fixture"


def run(*args, cwd):
    return transcheck("check", str(FIXTURE), "-q", *args, cwd=cwd)


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_symbolic_link_is_not_written_through(tmp_path, option):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "work").mkdir()
    os.symlink(outside, tmp_path / "work" / "report.out")
    done = run(option, "report.out", "--format", "json", cwd=tmp_path / "work")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "transcheck: report.out: is a symbolic link; not written"
    ]
    assert outside.read_text(encoding="utf-8") == "keep me\n"


def test_a_read_only_report_is_not_replaced(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    done = run("--output", str(target), "--format", "json", cwd=tmp_path)
    assert done.returncode == 2 and "read-only; not written" in done.stderr
    assert target.read_text(encoding="utf-8") == "old\n"


def test_the_report_is_replaced_whole_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    done = run("--output", str(target), "--format", "json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert target.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_stream_is_written_as_it_is(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    done = run("--output", str(fifo), "--format", "json", cwd=tmp_path)
    out, _ = reader.communicate(timeout=60)
    assert done.returncode in (0, 1), done.stderr
    assert out.startswith("{")
