"""The README's two set-up commands are the ones CI and users run; the README stays
short, and its links into docs/ (and the links between the pages there) resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.docs import anchor

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    before_first_section = text.split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", before_first_section, flags=re.S)


def test_readme_starts_with_exactly_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2
    assert "transcheck check corpus/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _setup_commands()[1] in ci.splitlines()


def test_ci_runs_the_slow_tests_after_the_readme_test_command():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines.index("python -m pytest -m slow") > lines.index(_setup_commands()[1])


def test_readme_is_at_most_300_lines():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 300


def _prose(text: str) -> str:
    """``text`` without its fenced code blocks: a link inside one is an example."""
    return re.sub(r"(?ms)^```.*?^```", "", text)


def _anchors(path: Path) -> set[str]:
    return {anchor(line.lstrip("#")) for line in _prose(path.read_text(encoding="utf-8")).splitlines()
            if line.startswith("#")}


def _links(path: Path) -> list[str]:
    """The link targets of ``path``, outside code (``[Guide](…)`` in a code span is text)."""
    return _LINK.findall(re.sub(r"`[^`\n]*`", "", _prose(path.read_text(encoding="utf-8"))))


def _broken_links(path: Path) -> list[str]:
    broken = []
    for target in _links(path):
        if re.match(r"[a-z]+:", target):
            continue  # a URL
        name, _, fragment = target.partition("#")
        linked = (path.parent / name).resolve() if name else path
        if not linked.exists() or (fragment and linked.suffix == ".md" and fragment not in _anchors(linked)):
            broken.append(target)
    return broken


def test_readme_links_into_docs_and_every_link_resolves():
    readme = ROOT / "README.md"
    assert "docs/index.md" in _links(readme)
    assert _broken_links(readme) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_between_the_docs_pages_resolve(page):
    assert _broken_links(page) == []


def test_the_index_lists_every_page():
    listed = set(_links(DOCS / "index.md"))
    assert {p.name for p in PAGES if p.name != "index.md"} <= listed
