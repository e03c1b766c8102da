"""git runs in the run's own repository only, whatever a pull request commits.

A pull request can commit a git directory as ordinary files (``docs/x/HEAD``,
``config``, ``objects``, ``refs``). Had transcheck asked git about a file from the file's
own directory, git would have found that directory, taken it for a repository and
obeyed its configuration: ``core.fsmonitor`` and ``gpg.program`` name commands.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import transcheck

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

EN = "Install the package with pip before you run the first command of the guide.\n"
FR = "Installez le paquet avec pip avant de lancer la première commande du guide.\n"


def _git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_NOSYSTEM="1", HOME=str(cwd))
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env,
                          check=True, capture_output=True)
    return done.stdout.decode().strip()


def _planted(tmp_path: Path, config: str) -> tuple[Path, Path]:
    """A repository whose last commit adds docs/x: a git directory as ordinary files,
    with ``config`` (``{marker}`` and ``{here}`` filled in), holding en.txt and fr.txt.
    Returns the repository and the marker file a command would create."""
    marker = tmp_path / "command-ran"
    src = tmp_path / "src"
    src.mkdir()
    _git(src, "init", "-q")
    (src / "en.txt").write_text(EN, encoding="utf-8")
    _git(src, "add", ".")
    _git(src, "commit", "-q", "-m", "source")
    # A commit that claims a signature: ``log.showSignature`` has git verify it.
    (src / "fr.txt").write_text(FR, encoding="utf-8")
    _git(src, "add", ".")
    tree = _git(src, "write-tree")
    parent = _git(src, "rev-parse", "HEAD")
    signed = (f"tree {tree}\nparent {parent}\nauthor t <t@example.org> 1700000000 +0000\n"
              "committer t <t@example.org> 1700000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n"
              " \n x\n -----END PGP SIGNATURE-----\n\nsigned\n")
    (tmp_path / "commit.txt").write_text(signed, encoding="utf-8")
    sha = _git(src, "hash-object", "-t", "commit", "-w", str(tmp_path / "commit.txt"))
    _git(src, "update-ref", "refs/heads/main", sha)
    _git(src, "symbolic-ref", "HEAD", "refs/heads/main")

    repo = tmp_path / "repo"
    planted = repo / "docs" / "x"
    planted.mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "README.txt").write_text("A project.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    for name in ("HEAD", "objects", "refs"):
        source = src / ".git" / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, planted / name)
    for name in ("en.txt", "fr.txt"):
        shutil.copy(src / name, planted / name)
    script = planted / "evil.sh"
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    (planted / "config").write_text(config.format(marker=marker, here=planted), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "a pull request")
    return repo, marker


FSMONITOR = "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n\tfsmonitor = touch '{marker}'; true\n"
SIGNATURE = ("[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n"
             "[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ./evil.sh\n")


def test_a_committed_git_directory_runs_no_command_under_changed_since(tmp_path):
    repo, marker = _planted(tmp_path, FSMONITOR)
    result = transcheck("check", "docs", "--changed-since", "HEAD~1", "-q", cwd=repo)
    assert not marker.exists(), "git obeyed the configuration a pull request committed"
    assert result.returncode in (0, 1), result.stderr
    # The planted files are the pull request's own: new in it, so checked in full.
    assert "docs/x/en.txt:1  added" in result.stdout


def test_a_committed_git_directory_runs_no_command_for_translation_lag(tmp_path):
    repo, marker = _planted(tmp_path, SIGNATURE)
    result = transcheck("check", "docs", "--source", "en", "-q", cwd=repo)
    assert not marker.exists(), "git obeyed the configuration a pull request committed"
    assert result.returncode in (0, 1), result.stderr


def test_the_planted_directory_would_run_the_command_if_git_were_asked_there(tmp_path):
    """The fixtures are real attacks: git run from the planted directory obeys them."""
    repo, marker = _planted(tmp_path, FSMONITOR)
    subprocess.run(["git", "-C", str(repo / "docs" / "x"), "diff", "--name-only", "HEAD", "--"], capture_output=True)
    assert marker.exists()
    (tmp_path / "second").mkdir()
    repo2, marker2 = _planted(tmp_path / "second", SIGNATURE)
    subprocess.run(["git", "-C", str(repo2 / "docs" / "x"), "log", "-1", "HEAD", "--"], capture_output=True)
    assert marker2.exists()


def test_a_file_under_another_repository_is_not_judged_through_git(tmp_path):
    """A nested clone (or a submodule) has its own history; --changed-since compares
    the run's repository only, so the nested files count as new, wholly in scope."""
    repo = tmp_path / "repo"
    (repo / "docs" / "sub").mkdir(parents=True)
    _git(repo, "init", "-q")
    for directory in (repo / "docs", repo / "docs" / "sub"):
        (directory / "en.txt").write_text(EN, encoding="utf-8")
        (directory / "fr.txt").write_text(FR, encoding="utf-8")
    _git(repo / "docs" / "sub", "init", "-q")
    _git(repo / "docs" / "sub", "add", ".")
    _git(repo / "docs" / "sub", "commit", "-q", "-m", "nested")
    _git(repo, "add", "docs/en.txt", "docs/fr.txt")
    _git(repo, "commit", "-q", "-m", "outer")
    result = transcheck("check", "docs", "--changed-since", "HEAD", "-q", cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    assert "docs/sub/en.txt:1  added" in result.stdout and "docs/sub/fr.txt:1  added" in result.stdout
    assert "docs/en.txt" not in result.stdout


def test_paths_in_two_repositories_are_one_line_and_exit_2(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        _git(tmp_path / name, "init", "-q")
        (tmp_path / name / "en.txt").write_text(EN, encoding="utf-8")
    result = transcheck("check", "a", "b", "--changed-since", "HEAD", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "different trees" in result.stderr


def test_owns_names_only_the_repositorys_own_files(tmp_path):
    from transcheck.git import Repository

    repo = tmp_path / "repo"
    (repo / "docs" / "sub" / "deep").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "docs" / "sub" / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")
    r = Repository.at(str(repo))
    assert r is not None and r.top == str(repo)
    assert r.owns(str(repo / "docs" / "en.md")) == "docs/en.md"
    assert r.owns(str(repo / "docs" / "sub" / "deep" / "en.md")) is None
    assert r.owns(str(tmp_path / "elsewhere.md")) is None
    assert Repository.at(str(repo / "docs")) is None  # a directory without .git is no repository
