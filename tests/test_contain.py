"""Symbolic links that lead out of the checked tree are reported, never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli import transcheck
from transcheck.read.contain import LEAVES_TREE
from transcheck.read.discover import discover

SECRET = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA=="
SV = "Vårt team svarar på alla kundfrågor inom en arbetsdag, även på helger."
DE = "Unser Team beantwortet alle Kundenfragen innerhalb eines Arbeitstages."
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")


def _repository(tmp_path: Path) -> Path:
    """A checkout as CI has it: .git/config holding the token, and a PR that links to it."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text(
        f'[http "https://github.com/"]\n\textraheader = {SECRET}\n', encoding="utf-8"
    )
    (repo / "docs" / "tr").mkdir(parents=True)
    (repo / "docs" / "tr" / "x.sv.txt").write_text(SV + "\n", encoding="utf-8")
    os.symlink("../../.git/config", repo / "docs" / "tr" / "x.de.txt")
    return repo


@pytest.mark.parametrize("fmt", FORMATS)
def test_link_to_git_config_leaks_nothing_in_any_format(tmp_path, fmt):
    repo = _repository(tmp_path)
    out = tmp_path / f"report.{fmt}"
    result = transcheck("check", "docs", "--format", fmt, "--output", str(out), cwd=repo)
    written = out.read_text(encoding="utf-8")
    for text in (result.stdout, result.stderr, written):
        assert "AUTHORIZATION" not in text and "extraheader" not in text
        assert ".git/config" not in text  # the target is not named either
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"transcheck: {os.path.join('docs', 'tr', 'x.de.txt')}: {LEAVES_TREE}"
    ]


def test_link_given_on_the_command_line_is_refused_too(tmp_path):
    repo = _repository(tmp_path)
    result = transcheck("check", "docs/tr/x.de.txt", "docs/tr/x.sv.txt", "-f", "json", cwd=repo)
    assert result.returncode == 2
    assert "AUTHORIZATION" not in result.stdout + result.stderr
    assert result.stderr.strip() == f"transcheck: docs/tr/x.de.txt: {LEAVES_TREE}"


def test_outside_a_repository_the_given_directory_is_the_root(tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "de.txt").write_text(DE + "\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "sv.txt").write_text(SV + "\n", encoding="utf-8")
    os.symlink("../outside/de.txt", tree / "de.txt")
    os.symlink("../outside", tree / "fr")  # a directory link
    found = discover([str(tree)])
    assert sorted((Path(p.path).name, p.message) for p in found.problems) == [
        ("de.txt", LEAVES_TREE),
        ("fr", LEAVES_TREE),
    ]
    assert [f.language for g in found.groups for f in g.files] == ["sv"]
    # The explicit opt-in reads them, under the names they were found by.
    followed = discover([str(tree)], follow_symlinks=True)
    assert not followed.problems
    assert sorted(f.path for g in followed.groups for f in g.files) == [
        str(tree / "de.txt"), str(tree / "sv.txt")
    ]


def test_follow_symlinks_option(tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "de.txt").write_text(DE + "\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "sv.txt").write_text(SV + "\n", encoding="utf-8")
    os.symlink("../outside/de.txt", tree / "de.txt")
    assert transcheck("check", "tree", cwd=tmp_path).returncode == 2
    result = transcheck("check", "tree", "--follow-symlinks", "-f", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert '"tree/de.txt"' in result.stdout and "outside" not in result.stdout
    assert transcheck("fix", "tree", "--follow-symlinks", cwd=tmp_path).returncode == 0


def test_links_inside_the_tree_work_and_keep_their_name(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "shared").mkdir()
    (repo / "shared" / "german").write_text(DE + "\n", encoding="utf-8")  # no suffix: not walked
    (repo / "docs").mkdir()
    (repo / "docs" / "sv.txt").write_text(SV + "\n", encoding="utf-8")
    os.symlink("../shared/german", repo / "docs" / "de.txt")
    found = discover([str(repo / "docs")])
    assert not found.problems
    assert sorted(f.path for g in found.groups for f in g.files) == [
        str(repo / "docs" / "de.txt"), str(repo / "docs" / "sv.txt")
    ]


def test_link_into_a_hidden_directory_of_the_tree_is_refused(tmp_path):
    tree = tmp_path / "tree"
    (tree / ".secrets").mkdir(parents=True)
    (tree / ".secrets" / "token").write_text(SECRET + "\n", encoding="utf-8")
    (tree / "sv.txt").write_text(SV + "\n", encoding="utf-8")
    os.symlink(".secrets/token", tree / "de.txt")
    found = discover([str(tree)])
    assert [(Path(p.path).name, p.message) for p in found.problems] == [("de.txt", LEAVES_TREE)]


def _glossary_outside(tmp_path: Path) -> Path:
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "sv.txt").write_text(SV + "\n", encoding="utf-8")
    (tree / "de.txt").write_text(DE + "\n", encoding="utf-8")
    os.symlink("../etc/passwd", tree / "glossary.csv")
    return tree


def test_glossary_found_beside_the_documents_is_contained(tmp_path):
    _glossary_outside(tmp_path)
    result = transcheck("check", "tree", "-f", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert "root:x" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines() == [f"transcheck: tree/glossary.csv: {LEAVES_TREE}"]


def test_glossary_named_is_contained(tmp_path):
    _glossary_outside(tmp_path)
    result = transcheck("check", "tree", "--glossary", "tree/glossary.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "root:x" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines() == [f"transcheck: tree/glossary.csv: {LEAVES_TREE}"]


def test_glossary_shared_by_many_groups_is_one_line(tmp_path):
    tree = _glossary_outside(tmp_path)
    for name in ("a", "b", "c"):
        (tree / f"{name}.sv.txt").write_text(SV + "\n", encoding="utf-8")
        (tree / f"{name}.de.txt").write_text(DE + "\n", encoding="utf-8")
    result = transcheck("check", "tree", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"transcheck: tree/glossary.csv: {LEAVES_TREE}"]
