"""The pre-commit hook and the example GitHub workflow are valid and call transcheck
the way its command line expects."""

from __future__ import annotations

import re
import shlex

import yaml

from tests.cli import transcheck
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
    assert formats == {"github", "sarif", "markdown"}
    assert any("gh pr comment" in run for run in runs)


def _workflow_commands(base: str, temp: str = "/tmp") -> list[list[str]]:
    """The workflow's transcheck commands, with the base branch named by ``base`` and
    the runner's temporary directory by ``temp``."""
    flow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    runs = [s["run"] for s in flow["jobs"]["transcheck"]["steps"] if "run" in s]
    lines = [line for run in runs for line in run.replace("\\\n", " ").splitlines()]
    return [
        shlex.split(line.strip().replace("origin/${{ github.base_ref }}", base).replace("$RUNNER_TEMP", temp))
        for line in lines
        if line.strip().startswith("transcheck check")
    ]


def test_example_workflow_on_a_pull_request(tmp_path):
    """The workflow's own commands, run on a repository with a base commit and a pull
    request: annotations only for what the pull request introduced, on its real paths,
    and a summary that lists the page its source change made outdated."""
    import os
    import shutil
    import subprocess

    repo = tmp_path / "site"
    shutil.copytree(ROOT / "tests" / "data" / "layouts" / "mkdocs", repo)
    (repo / "transcheck.toml").write_text('source = "en"\nlayout = ["docs/{lang}/**/*.md"]\n', encoding="utf-8")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")

    def git(*args, when):
        stamp = f"{1_700_000_000 + when * 3600} +0000"
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                       env=dict(env, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp))

    git("init", "-q", when=0)
    git("add", "-A", when=1)
    git("commit", "-q", "-m", "docs", when=1)
    base = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    # The pull request: a German paragraph pasted twice, and a reworded English paragraph.
    de = repo / "docs" / "de" / "index.md"
    paragraphs = de.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    de.write_text("\n\n".join(paragraphs + paragraphs[1:]) + "\n", encoding="utf-8")
    en = repo / "docs" / "en" / "guide" / "settings.md"
    en_text = en.read_text(encoding="utf-8").split("\n\n")
    en_text[1] = en_text[1].rstrip(".\n") + ", and again after every upgrade."
    en.write_text("\n\n".join(en_text), encoding="utf-8")
    git("add", "-A", when=2)
    git("commit", "-q", "-m", "docs: pull request", when=2)

    temp = tmp_path / "runner-temp"
    temp.mkdir()
    annotate, summarise, whole = _workflow_commands(base, str(temp))
    done = transcheck(*annotate[1:], cwd=repo)
    assert done.returncode == 1, done.stderr  # a new error: the step fails the job
    lines = done.stdout.splitlines()
    failing = [line for line in lines if line.startswith(("::error", "::warning"))]
    assert failing and all("file=docs/de/index.md," in a for a in failing), failing
    assert any("TC101" in a for a in failing)
    # The source change outdates the German settings page: a notice, not a failure.
    # The source change outdates the German settings page: info, so no annotation on the
    # diff unless asked, and the summary's status table lists the page as outdated.
    assert not any("docs/de/guide/settings.md" in a for a in lines)
    asked = transcheck(*annotate[1:], "--show-info", cwd=repo).stdout.splitlines()
    assert any(a.startswith("::notice file=docs/de/guide/settings.md,") and "TC304" in a for a in asked)
    done = transcheck(*summarise[1:], cwd=repo)
    assert done.returncode == 0, done.stderr
    summary = (temp / "transcheck.md").read_text(encoding="utf-8")
    assert re.search(r"^\| `[^`]*settings.md` \| de \(1 segment since ", summary, re.M), summary
    assert "TC304 outdated" not in summary
