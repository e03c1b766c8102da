"""The directory walk that file-name discovery and layouts share: the same odd tree is
reported the same way whichever of the two finds its files."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from transcheck.read.discover import discover
from transcheck.read.layout import parse_layout
from transcheck.read.walk import LOOP

MODES = ("names", "layout")
DE = "Unser Team beantwortet alle Kundenfragen innerhalb eines Arbeitstages.\n"
EN = "Our team answers every customer question within one working day.\n"


def _tree(tmp_path: Path) -> Path:
    """``docs/LANG/page.md``: a document for the file-name rules (LANG/NAME.EXT) and for
    the layout ``docs/{lang}/**/*.md`` alike."""
    tree = tmp_path / "tree"
    for lang, text in (("de", DE), ("en", EN)):
        (tree / "docs" / lang).mkdir(parents=True)
        (tree / "docs" / lang / "page.md").write_text(text, encoding="utf-8")
    return tree


def _discover(mode: str, tree: Path, monkeypatch):
    monkeypatch.chdir(tree)
    if mode == "names":
        return discover(["docs"])
    return discover([], layouts=(parse_layout("docs/{lang}/**/*.md", "."),), source="en")


def _problems(found) -> list[tuple[str, str, str]]:
    return [(p.path, p.severity, p.message) for p in found.problems]


def _files(found) -> list[str]:
    return sorted(f.path for g in found.groups for f in g.files)


@pytest.mark.parametrize("mode", MODES)
def test_a_directory_that_cannot_be_listed_is_one_problem_naming_it(tmp_path, monkeypatch, mode):
    tree = _tree(tmp_path)
    locked = tree / "docs" / "de" / "locked"
    locked.mkdir()
    (locked / "other.md").write_text(DE, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root lists anything: refuse it as the kernel would
            scandir = os.scandir

            def refusing(path="."):
                if os.path.basename(os.fspath(path)) == "locked":
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
                return scandir(path)

            monkeypatch.setattr(os, "scandir", refusing)
        found = _discover(mode, tree, monkeypatch)
    finally:
        locked.chmod(0o755)
    # The path as every other problem of the mode names it (relative, as given), and the
    # rest of the tree is still read.
    assert _problems(found) == [("docs/de/locked", "error", "cannot list directory: Permission denied")]
    assert _files(found) == ["docs/de/page.md", "docs/en/page.md"]


@pytest.mark.parametrize("mode", MODES)
def test_a_link_back_up_is_a_loop_warning(tmp_path, monkeypatch, mode):
    tree = _tree(tmp_path)
    (tree / "docs" / "de" / "sub").mkdir()
    os.symlink("..", tree / "docs" / "de" / "sub" / "up")
    found = _discover(mode, tree, monkeypatch)
    assert _problems(found) == [("docs/de/sub/up", "warning", LOOP)]
    assert _files(found) == ["docs/de/page.md", "docs/en/page.md"]


@pytest.mark.parametrize("mode", MODES)
def test_a_directory_reached_twice_is_read_once_without_a_word(tmp_path, monkeypatch, mode):
    # "latest" -> "en", as documentation sites keep it: not a loop, nothing to report.
    tree = _tree(tmp_path)
    os.symlink("en", tree / "docs" / "latest")
    found = _discover(mode, tree, monkeypatch)
    assert _problems(found) == []
    assert _files(found) == ["docs/de/page.md", "docs/en/page.md"]


@pytest.mark.parametrize("mode", MODES)
def test_hidden_and_tool_directories_are_never_walked(tmp_path, monkeypatch, mode):
    tree = _tree(tmp_path)
    for name in (".cache", "node_modules", ".git"):
        (tree / "docs" / "de" / name).mkdir()
        (tree / "docs" / "de" / name / "page.md").write_text("Nicht gelesen.\n", encoding="utf-8")
    (tree / "docs" / "de" / ".draft.md").write_text("Nicht gelesen.\n", encoding="utf-8")
    found = _discover(mode, tree, monkeypatch)
    assert _problems(found) == []
    assert _files(found) == ["docs/de/page.md", "docs/en/page.md"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
@pytest.mark.parametrize("mode", MODES)
def test_a_file_name_that_is_not_utf8_is_one_problem(tmp_path, monkeypatch, mode):
    tree = _tree(tmp_path)
    with open(os.path.join(os.fsencode(tree), b"docs", b"de", b"gu\xefde.md"), "w") as fh:
        fh.write(DE)
    found = _discover(mode, tree, monkeypatch)
    assert _problems(found) == [
        ("docs/de/gu\\xefde.md", "error", "file name is not valid UTF-8; skipped")
    ]


def _stack_depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


@pytest.mark.parametrize("mode", MODES)
def test_a_tree_deeper_than_the_recursion_limit(tmp_path, monkeypatch, mode):
    # A walk that recursed once a directory would need a stack as deep as the tree:
    # here, with a limit lowered to keep the test quick, one 150 directories deep.
    tree = _tree(tmp_path)
    depth = 150
    monkeypatch.chdir(tree / "docs" / "de")
    for _ in range(depth):  # one step at a time: rmdir and mkdir are slow on long paths
        os.mkdir("d")
        os.chdir("d")
    Path("deep.de.md").write_text(DE, encoding="utf-8")
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(_stack_depth() + 100)
        found = _discover(mode, tree, monkeypatch)
    finally:
        sys.setrecursionlimit(limit)
    assert "/".join(["docs", "de", *["d"] * depth, "deep.de.md"]) in _files(found)


@pytest.mark.parametrize("mode", MODES)
def test_problems_come_in_one_sorted_order(tmp_path, monkeypatch, mode):
    # Depth first, a directory's entries where its name falls: "a/" before "b.md".
    tree = _tree(tmp_path)
    (tree / "docs" / "de" / "a").mkdir()
    for name in ("c.md", "b.md", "a/z.md", "a/y.md"):
        os.symlink("nowhere", tree / "docs" / "de" / name)
    found = _discover(mode, tree, monkeypatch)
    assert [p.path for p in found.problems] == [
        "docs/de/a/y.md", "docs/de/a/z.md", "docs/de/b.md", "docs/de/c.md"
    ]
    assert {p.message.removesuffix("; skipped") for p in found.problems} == {"broken symbolic link"}
    # A file of a language that cannot be read fails the run; one that names no
    # language (a/…, read by its name alone) is no page of the check and is skipped.
    assert {p.path: p.severity for p in found.problems}["docs/de/b.md"] == "error"
