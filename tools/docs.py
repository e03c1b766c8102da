"""The README's rule table, generated from the rules themselves.

    python -m tools.docs           # rewrite the table in README.md
    python -m tools.docs --check   # exit 1 when README.md is out of date

The table sits between ``<!-- rules:start -->`` and ``<!-- rules:end -->``; everything
else in the README is left alone. The summary column is the first paragraph of each
rule's docstring, the same text ``transcheck rules`` prints.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

START = "<!-- rules:start -->"
END = "<!-- rules:end -->"


def rules_table(rules: Iterable) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        "| Code | Name | Category | Default severity | Summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        severity = r.severity.value if r.default else f"{r.severity.value} (opt-in)"
        lines.append(
            f"| {r.code} | `{r.name}` | {r.category.value} | {severity} | {cell(r.summary)} |"
        )
    return "\n".join(lines) + "\n"


def with_table(readme: str, table: str) -> str:
    """``readme`` with the text between the markers replaced by ``table``."""
    if readme.count(START) != 1 or readme.count(END) != 1 or readme.index(START) > readme.index(END):
        raise ValueError(f"README must hold {START} and then {END}, once each")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    from transcheck.rules.registry import RULES

    args = sys.argv[1:] if argv is None else argv
    path = Path(__file__).resolve().parent.parent / "README.md"
    current = path.read_text(encoding="utf-8")
    wanted = with_table(current, rules_table(RULES))
    if "--check" in args:
        if current != wanted:
            print("README.md rule table is out of date; run: python -m tools.docs", file=sys.stderr)
            return 1
        return 0
    if current != wanted:
        path.write_text(wanted, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
