"""Rule documentation comes from the code: docstrings are complete, codes unique and
in the right hundred for their category, and README's rule table and docs/rules.md are
the generated ones."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tools.docs import END, START, anchor, readme_table, rules_page, rules_table, with_table
from transcheck.model import Category
from transcheck.rules.base import SECTIONS
from transcheck.rules.registry import RULES

HUNDREDS = {
    "1": {Category.DUPLICATION},
    "2": {Category.LANGUAGE, Category.UNTRANSLATED},
    "3": {Category.ALIGNMENT, Category.FORMAT},  # alignment and document structure
    "4": {Category.NUMBER, Category.ENTITY},
    "5": {Category.TERMINOLOGY, Category.SEMANTIC},
    "6": {Category.PUNCTUATION, Category.LENGTH, Category.SPELLING},
    "7": {Category.FORMAT},
}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_has_summary_and_every_section(rule):
    assert rule.summary and not rule.summary.startswith(SECTIONS), rule.code
    sections = rule.sections
    for title in SECTIONS:
        assert sections.get(title, "").strip(), f"{rule.code}: section {title!r} missing or empty"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_code_and_category_agree(rule):
    assert re.fullmatch(r"TC[1-7]\d\d", rule.code), rule.code
    assert isinstance(rule.category, Category)
    assert rule.category in HUNDREDS[rule.code[2]], f"{rule.code} is {rule.category.value}"
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name


def test_codes_and_names_are_unique():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_readme_rule_table_is_generated_from_the_rules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == with_table(readme, readme_table(RULES)), (
        "README.md rule table is out of date: run `python -m tools.docs`"
    )
    between = readme.split(START, 1)[1].split(END, 1)[0]
    assert all(f"/rules.md#{anchor(f'{r.code} `{r.name}`')}) | `{r.name}` |" in between for r in RULES)


def test_rules_page_is_generated_from_the_rules():
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_page(RULES), "docs/rules.md is out of date: run `python -m tools.docs`"
    for r in RULES:
        assert f"\n## {r.code} `{r.name}`\n" in page
        assert all(f"**{title}:**" in page.split(f"## {r.code} ", 1)[1] for title in r.sections)


def test_anchor_is_the_headings_fragment():
    assert anchor("TC101 `duplicate-block`") == "tc101-duplicate-block"
    assert anchor("Large groups, long lines, reordered files") == "large-groups-long-lines-reordered-files"


def test_table_escapes_pipes_and_markers_are_required():
    class Fake:
        code, name, summary = "TC999", "x", "a | b"
        category = Category.FORMAT
        default = True

        class severity:
            value = "info"

    assert "a \\| b" in rules_table([Fake])
    with pytest.raises(ValueError):
        with_table("no markers here", "table")
