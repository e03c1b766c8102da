"""A configuration file may come from a pull request: it is untrusted input.

It names files of its own tree only, and regular ones (a FIFO is refused, not waited
on); its patterns cannot backtrack for minutes; it cannot turn the check off and pass
as "0 errors"; and whatever is wrong with it is one line naming the file, exit 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SV = "Vårt team svarar på alla kundfrågor inom en arbetsdag och hjälper dig gärna.\n"
IT = "Il nostro team risponde a tutte le domande dei clienti entro un giorno lavorativo.\n"
SECRET = "token-3f9a1c,password-hunter2\nrow,value\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # A time limit: a run that waits on a FIFO must fail the test, not hang it.
    return subprocess.run([sys.executable, "-m", "transcheck", "check", "docs", "-q", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))


def tree(tmp_path: Path, config: str) -> Path:
    """A repository with two translations under docs/, the configuration at its top, and
    a secret file beside (outside) it."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.csv").write_text(SECRET, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    (repo / "docs" / "sv.txt").write_text(SV, encoding="utf-8")
    (repo / "docs" / "it.txt").write_text(IT, encoding="utf-8")
    (repo / "transcheck.toml").write_text(config, encoding="utf-8")
    return repo


def one_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("key", ["glossary", "suppressions"])
@pytest.mark.parametrize("name", ["../outside/secret.csv", "{outside}", "docs/../../outside/secret.csv"])
def test_a_file_outside_the_tree_is_refused_unread(tmp_path, key, name):
    name = name.format(outside=tmp_path / "outside" / "secret.csv")
    repo = tree(tmp_path, f"{key} = {str(name)!r}\n".replace("'", '"'))
    line = one_line(run(repo))
    assert f"transcheck.toml: {key}: " in line and "outside the checked tree" in line
    assert "token" not in line and "password" not in line


def test_a_link_out_of_the_tree_and_a_hidden_directory_are_refused(tmp_path):
    repo = tree(tmp_path, 'glossary = "docs/terms.csv"\n')
    os.symlink(tmp_path / "outside" / "secret.csv", repo / "docs" / "terms.csv")
    assert "glossary: 'docs/terms.csv' is outside the checked tree" in one_line(run(repo))
    (repo / ".git" / "config").write_text(SECRET, encoding="utf-8")
    (repo / "transcheck.toml").write_text('glossary = ".git/config"\n', encoding="utf-8")
    line = one_line(run(repo))
    assert "glossary: '.git/config' is outside the checked tree" in line and "token" not in line


@pytest.mark.parametrize("key", ["glossary", "suppressions"])
def test_a_fifo_in_place_of_a_file_is_refused_not_waited_on(tmp_path, key):
    repo = tree(tmp_path, f'{key} = "docs/named.csv"\n')
    os.mkfifo(repo / "docs" / "named.csv")
    assert "not a regular file" in one_line(run(repo))


def test_a_pattern_that_backtracks_polynomially_is_refused(tmp_path):
    """``\\w*\\w*\\w*\\w*x`` took 85 s on a line of 300 letters."""
    repo = tree(tmp_path, 'do-not-translate-patterns = ["\\\\w*\\\\w*\\\\w*\\\\w*x"]\n')
    line = one_line(run(repo))
    assert "transcheck.toml: do-not-translate-patterns[1]: " in line and "two repeats in a row" in line


@pytest.mark.parametrize(("config", "message"), [
    ('ignore = ["ALL"]\n', "transcheck.toml: select/ignore: no rule is left to run"),
    ('select = ["TC101"]\nignore = ["duplication"]\n', "transcheck.toml: select/ignore: no rule is left to run"),
    ('[per-file-ignores]\n"**" = ["ALL"]\n', "transcheck.toml: per-file-ignores.**: ignores every rule for every file"),
    ('exclude = ["*"]\n', "docs: the exclude patterns leave none of the 2 files found"),
    ('exclude = ["docs/**"]\n', "docs: the exclude patterns leave none of the 2 files found"),
])
def test_a_configuration_that_turns_the_check_off_is_an_error(tmp_path, config, message):
    line = one_line(run(tree(tmp_path, config)))
    assert message in line


def test_no_rule_left_by_the_command_line_is_an_error_too(tmp_path):
    line = one_line(run(tree(tmp_path, ""), "--select", "TC101", "--ignore", "TC101"))
    assert "--select/--ignore: no rule is left to run" in line


def test_a_deeply_nested_configuration_is_one_line_naming_the_file(tmp_path):
    depth = 100_000
    repo = tree(tmp_path, "a = " + "[" * depth + "]" * depth + "\n")
    line = one_line(run(repo))
    assert "transcheck.toml: invalid TOML" in line and "internal error" not in line


def test_the_configuration_names_files_of_its_own_tree(tmp_path):
    """The usual cases keep working: a glossary beside the configuration, or one level
    up from a configuration in a subdirectory of the repository."""
    repo = tree(tmp_path, 'glossary = "docs/glossary.csv"\n')
    (repo / "docs" / "glossary.csv").write_text("en,sv,it\nteam,team,team\n", encoding="utf-8")
    done = run(repo)
    assert done.returncode in (0, 1), done.stderr
    (repo / "transcheck.toml").unlink()
    (repo / "docs" / "transcheck.toml").write_text('glossary = "../terms/glossary.csv"\n', encoding="utf-8")
    (repo / "terms").mkdir()
    (repo / "docs" / "glossary.csv").rename(repo / "terms" / "glossary.csv")
    done = run(repo)
    assert done.returncode in (0, 1), done.stderr
