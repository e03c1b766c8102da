"""Two decisions, each made here and nowhere else: which rules run, and the exit code."""

from __future__ import annotations

from collections.abc import Iterable

from transcheck.model import Finding, Severity
from transcheck.rules.base import Rule

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

FAIL_ON = ("error", "warning", "info", "never")


class UnknownRule(ValueError):
    pass


def select_rules(
    rules: Iterable[Rule],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[Rule, ...]:
    """Rules enabled by ``select`` (default: all) minus ``ignore``.

    Entries are codes (``TC101``), code prefixes (``TC1``, ``TC``), rule names
    (``duplicate-block``) or categories (``duplication``); ``ALL`` selects everything.
    An entry that matches no rule raises ``UnknownRule`` naming it.
    """
    rules = tuple(rules)

    def matching(entry: str) -> set[str]:
        e = entry.strip()
        hits = {
            r.code
            for r in rules
            if e.upper() == "ALL"
            or r.code.startswith(e.upper())
            or r.name == e.lower()
            or r.category.value == e.lower()
        }
        if not hits:
            raise UnknownRule(f"unknown rule code or name: {entry!r}")
        return hits

    chosen = set().union(*(matching(e) for e in select)) if select else {r.code for r in rules}
    dropped = set().union(*(matching(e) for e in ignore)) if ignore else set()
    return tuple(r for r in rules if r.code in chosen - dropped)


def blocking_problems(problems: Iterable, strict: bool = False) -> int:
    """How many input problems force exit code 2.

    Errors always do: a file that was asked for and could not be read or decoded. Files
    skipped by design (severity "warning" or "info": no language in the name inside a
    walked directory, another file type) do only under ``--strict``.
    """
    return sum(1 for p in problems if strict or p.severity == "error")


def exit_code(findings: Iterable[Finding], fail_on: str, input_problems: int = 0) -> int:
    """2 for any input or usage problem; 1 for a finding at or above ``fail_on``; else 0."""
    if input_problems:
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in findings) else EXIT_OK
