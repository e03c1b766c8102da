"""Every output format, run through the command line on one small fixture and compared
with its snapshot in ``tests/snapshots/``: the command, the exit code, stdout and
stderr, with version numbers redacted.

After an intended change of output, review the diff and refresh the snapshots with
``TRANSCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report_snapshots.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli import transcheck
from transcheck.report import Format
from tools.regenerate import redact

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "data" / "fixture"
SNAPSHOTS = HERE / "snapshots"
# The rules whose behaviour the fixture was written for: the snapshots test the
# formats, and should not change each time a new rule is added.
RULES = "TC101,TC202,TC301,TC302"
UPDATE = os.environ.get("TRANSCHECK_UPDATE_SNAPSHOTS") == "1"


def run_fixture(tmp_path: Path, *args: str) -> tuple[str, subprocess.CompletedProcess]:
    # A copy in a fresh directory: relative paths in the output, and no configuration
    # file of the repository around it.
    shutil.copytree(FIXTURE, tmp_path / "fixture")
    argv = ["check", "fixture/", "--select", RULES, *args]
    result = transcheck(*argv, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"})
    return "transcheck " + " ".join(argv), result


# The thresholds in the signature grow with every new rule; the formats only carry them.
_THRESHOLDS = re.compile(r"""("thresholds"\s*:\s*|transcheck\.thresholds" value=')\{[^{}]*\}""")


def snapshot_text(command: str, result: subprocess.CompletedProcess) -> str:
    text = redact(
        "---\n"
        f"command: {command}\n"
        f"exit_code: {result.returncode}\n"
        "----- stdout -----\n"
        f"{result.stdout}"
        "----- stderr -----\n"
        f"{result.stderr}"
    )
    return _THRESHOLDS.sub(r"\1{...}", text)


def without_rule_docs(sarif_text: str) -> str:
    """The SARIF log with each rule's full documentation shortened to a placeholder:
    rule docstrings are edited with the rules, and test_report_sarif checks that the
    documentation is there and well formed."""
    log = json.loads(sarif_text)
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        rule["fullDescription"] = {"text": "[rule documentation]"}
        rule["help"] = {"text": "[rule documentation]", "markdown": "[rule documentation]"}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_format_snapshot(tmp_path, fmt):
    command, result = run_fixture(tmp_path, "--format", fmt)
    if fmt == "sarif" and result.stdout:
        result.stdout = without_rule_docs(result.stdout)
    got = snapshot_text(command, result)
    path = SNAPSHOTS / f"fixture.{fmt}.snap"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot {path.name}; create it with TRANSCHECK_UPDATE_SNAPSHOTS=1"
    expected = path.read_text(encoding="utf-8")
    assert got == expected, f"{path.name} differs; if intended, refresh with TRANSCHECK_UPDATE_SNAPSHOTS=1"


def test_fixture_exercises_what_the_formats_must_show(tmp_path):
    """The fixture keeps its purpose: an error spanning lines, a warning, findings with
    related locations in other documents, a missing segment, a right-to-left document,
    text that every format must escape, and a repeated block whose copy is a repeat
    alone (no extra segments inside it)."""
    _, result = run_fixture(tmp_path, "--format", "json")
    data = json.loads(result.stdout)
    findings = data["findings"]
    assert {f["code"] for f in findings} == set(RULES.split(","))
    assert any(f["end_line"] > f["line"] for f in findings)
    assert {f["severity"] for f in findings} == {"error", "warning"}
    assert any(r["path"] != f["path"] for f in findings for r in f["related"])
    assert "ar" in {d["language"] for d in data["documents"]}
    assert any("<Save & Exit>" in f["message"] for f in findings)
    repeat = [f for f in findings if f["code"] == "TC101"]
    assert [(f["line"], f["end_line"]) for f in repeat] == [(10, 11)]
    assert not [f for f in findings if f["code"] == "TC302" and f["line"] >= 10 and f["path"] == repeat[0]["path"]]
    assert result.returncode == 1


def test_every_format_is_byte_identical_across_runs(tmp_path):
    for fmt in (f.value for f in Format):
        _, first = run_fixture(tmp_path / f"{fmt}-1", "--format", fmt)
        _, second = run_fixture(tmp_path / f"{fmt}-2", "--format", fmt)
        assert first.stdout == second.stdout, fmt
