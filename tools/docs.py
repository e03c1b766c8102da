"""The rule documentation, generated from the rules themselves.

    python -m tools.docs           # rewrite README.md's rule table and docs/rules.md
    python -m tools.docs --check   # exit 1 when either is out of date

README.md's table (code, name, category, default severity) sits between
``<!-- rules:start -->`` and ``<!-- rules:end -->``; everything else in the README is
left alone. docs/rules.md is generated whole: a table with each rule's summary (the
first paragraph of its docstring, the text ``transcheck rules`` prints), then each
rule's full documentation, the Markdown ``transcheck explain CODE --markdown`` prints.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

START = "<!-- rules:start -->"
END = "<!-- rules:end -->"
ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RULES_PAGE = ROOT / "docs" / "rules.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _severity(rule) -> str:
    return rule.severity.value if rule.default else f"{rule.severity.value} (opt-in)"


def anchor(heading: str) -> str:
    """The fragment a Markdown renderer such as GitHub's gives ``heading``: lower case,
    punctuation other than ``-`` and ``_`` dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _heading(rule) -> str:
    return f"{rule.code} `{rule.name}`"


def rules_table(rules: Iterable) -> str:
    """Every rule with its summary: the table at the top of docs/rules.md."""
    lines = [
        "| Code | Name | Category | Default severity | Summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        lines.append(
            f"| [{r.code}](#{anchor(_heading(r))}) | `{r.name}` | {r.category.value} | {_severity(r)} | {_cell(r.summary)} |"
        )
    return "\n".join(lines) + "\n"


def readme_table(rules: Iterable) -> str:
    """The README's table: one line per rule, each code linking to its documentation."""
    lines = [
        "| Code | Name | Category | Default severity |",
        "| --- | --- | --- | --- |",
    ]
    for r in rules:
        lines.append(
            f"| [{r.code}](docs/rules.md#{anchor(_heading(r))}) | `{r.name}` | {r.category.value} | {_severity(r)} |"
        )
    return "\n".join(lines) + "\n"


def rules_page(rules: Iterable) -> str:
    """docs/rules.md, whole."""
    from transcheck.report.common import rule_markdown

    rules = list(rules)
    parts = [
        "# Rules\n\n"
        "Generated from the rules' docstrings by `python -m tools.docs`; do not edit by hand\n"
        "(a test fails when this page is stale). `transcheck rules` lists the same rules and\n"
        "`transcheck explain CODE` prints one rule's section. Which rules run, and at which\n"
        "severity, is set in the configuration ([configuration.md](configuration.md)); why\n"
        "each rule has its default severity is in [precision.md](precision.md).\n",
        rules_table(rules),
    ]
    for r in rules:
        parts.append(
            f"## {_heading(r)}\n\n*{r.category.value}, default {_severity(r)}*\n\n{rule_markdown(r)}\n"
        )
    return "\n".join(parts)


def with_table(readme: str, table: str) -> str:
    """``readme`` with the text between the markers replaced by ``table``."""
    if readme.count(START) != 1 or readme.count(END) != 1 or readme.index(START) > readme.index(END):
        raise ValueError(f"README must hold {START} and then {END}, once each")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}{END}{tail}"


def wanted() -> dict[Path, str]:
    """Each generated file's text, as the rules say it should be."""
    from transcheck.rules.registry import RULES

    return {
        README: with_table(README.read_text(encoding="utf-8"), readme_table(RULES)),
        RULES_PAGE: rules_page(RULES),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    stale = [
        path for path, text in wanted().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if "--check" in args:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date; run: python -m tools.docs", file=sys.stderr)
        return 1 if stale else 0
    for path, text in wanted().items():
        if path in stale:
            path.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
