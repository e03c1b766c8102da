"""Reports and baselines are written atomically, never through a symbolic link and never
over a read-only file: an untrusted pull request cannot make transcheck write outside
the tree, and a failed run leaves the previous report whole."""

from __future__ import annotations

import os
import subprocess
import sys

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


def test_a_link_to_a_device_is_not_written_through(tmp_path):
    """A pull request's ``transcheck.md -> /dev/null`` made the report vanish."""
    os.symlink(os.devnull, tmp_path / "transcheck.md")
    done = run("--output", "transcheck.md", "--format", "markdown", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["transcheck: transcheck.md: is a symbolic link; not written"]


def test_a_fifo_that_no_process_reads_is_refused_at_once(tmp_path):
    """A FIFO in the report's place made the step hang."""
    os.mkfifo(tmp_path / "pipe")
    done = subprocess.run([sys.executable, "-m", "transcheck", "check", str(FIXTURE), "-q", "--output", "pipe"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["transcheck: pipe: a FIFO that no process reads; not written"]


def test_dash_is_standard_output(tmp_path):
    done = run("--output", "-", "--format", "json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith("{") and not (tmp_path / "-").exists()


def test_a_report_inside_the_checked_tree_is_refused(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    for name in ("en.txt", "fr.txt"):
        (repo / "docs" / name).write_text((FIXTURE / name).read_text(encoding="utf-8"), encoding="utf-8")
    for target in ("report.md", "docs/report.md", str(repo / "out" / "report.md")):
        done = subprocess.run([sys.executable, "-m", "transcheck", "check", "docs", "-q", "--output", target],
                              cwd=repo, capture_output=True, text=True)
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().splitlines() == [
            f"transcheck: {target}: inside the checked tree ({repo}), whose files a pull request may have "
            "placed; write the report outside it"
        ]
    assert sorted(p.name for p in repo.rglob("report.md")) == []
    done = subprocess.run([sys.executable, "-m", "transcheck", "check", "docs", "-q", "--output", str(tmp_path / "r.md")],
                          cwd=repo, capture_output=True, text=True)
    assert done.returncode in (0, 1) and (tmp_path / "r.md").read_text(encoding="utf-8")
