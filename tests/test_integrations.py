"""The pre-commit hook and the example GitHub workflow are valid and call transcheck
the way its command line expects."""

from __future__ import annotations

import shlex

import yaml

from tests.conftest import ROOT
from transcheck.cli import app


def _check_options() -> set[str]:
    import typer.main

    command = typer.main.get_command(app).commands["check"]
    return {opt for param in command.params for opt in getattr(param, "opts", [])}


def test_pre_commit_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "transcheck"
    assert hook["entry"] == "transcheck check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False and hook["require_serial"] is True
    assert hook["args"]  # the paths to check: pass_filenames is off


def test_example_workflow():
    flow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers and triggers["pull_request"]["paths"]
    assert flow["permissions"]["security-events"] == "write"
    steps = flow["jobs"]["transcheck"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    runs = [s["run"] for s in steps if "run" in s]
    commands = [line for run in runs for line in run.replace("\\\n", " ").splitlines() if "transcheck check" in line]
    formats = set()
    known = _check_options()
    for line in commands:
        words = shlex.split(line.strip())
        formats.add(words[words.index("--format") + 1])
        for word in words:
            if word.startswith("-"):
                assert word in known, f"workflow uses unknown option {word}"
    assert formats == {"sarif", "markdown"}
    assert any("gh pr comment" in run for run in runs)
