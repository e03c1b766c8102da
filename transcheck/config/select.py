"""Which rules run: ``--select``, ``--ignore``, ``--extend-select`` and their
configuration keys, entries being codes, prefixes, names or categories."""

from __future__ import annotations

from collections.abc import Iterable

from transcheck.rules.base import Rule


class UnknownRule(ValueError):
    pass


def select_rules(
    rules: Iterable[Rule],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    extend: Iterable[str] = (),
) -> tuple[Rule, ...]:
    """Rules enabled by ``select`` (default: the rules on by default) plus ``extend``,
    minus ``ignore``.

    Entries are codes (``TC101``), code prefixes (``TC1``, ``TC``), rule names
    (``duplicate-block``) or categories (``duplication``); ``ALL`` selects everything,
    opt-in rules included. An entry that matches no rule raises ``UnknownRule`` naming it.
    """
    rules = tuple(rules)

    def matching(entries: Iterable[str]) -> set[str]:
        return set().union(*(resolve_codes(rules, e) for e in entries))

    select, ignore, extend = tuple(select), tuple(ignore), tuple(extend)
    chosen = matching(select) if select else {r.code for r in rules if r.default}
    chosen |= matching(extend)
    return tuple(r for r in rules if r.code in chosen - matching(ignore))


def resolve_codes(rules: Iterable[Rule], entry: str) -> set[str]:
    """The codes one selection entry stands for (code, prefix, name, category, ALL);
    ``UnknownRule`` when it matches none."""
    e = entry.strip()
    hits = {
        r.code
        for r in rules
        if e
        and (
            e.upper() == "ALL"
            or r.code.startswith(e.upper())
            or r.name == e.lower()
            or r.category.value == e.lower()
        )
    }
    if not hits:
        raise UnknownRule(f"unknown rule code or name: {entry!r}")
    return hits
