"""Measures compared across a row: a translation whose measure is another quantity than
the source's (or, without a source, than most translations'), as a unit changed
without converting its number (8 km written "8 miles") or a wrong conversion (6 ft 6
in written "1 м 82 см"). Used by the number check (TC401)."""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.rules._quantities import Quantity, quantities, same_quantity, show
from transcheck.rules.base import GroupView


@dataclass(frozen=True)
class Measures:
    # language -> (what is wrong, the languages that state the expected measure)
    notes: dict[str, tuple[str, list[str]]]
    # language -> its text with the measures of two parts blanked out, for the
    # comparison of bare numbers (1 м 98 см is neither 1 nor 98)
    bare: dict[str, str]
    # language -> the numbers of measures it states as another language does (its own
    # and theirs: 10 °F and 5,6 °C): no number missing or added there
    covered: dict[str, set[str]]


def measure_notes(view: GroupView, texts: dict[str, str]) -> Measures:
    from transcheck.rules._numbers import values

    found = {lang: quantities(text, lang) for lang, text in texts.items()}
    bare = {lang: _blanked(text, found[lang]) for lang, text in texts.items()}
    covered: dict[str, set[str]] = {lang: set() for lang in texts}
    if sum(bool(qs) for qs in found.values()) < 2:
        return Measures({}, bare, covered)
    for lang, mine in found.items():
        for other, theirs in found.items():
            for q in mine:
                for p in theirs:
                    if other != lang and same_quantity(q, p):
                        covered[lang].update(values(q.surface, lang))
                        covered[lang].update(values(p.surface, other))
    source = view.source if view.source in found else None
    notes: dict[str, tuple[str, list[str]]] = {}
    for lang, mine in found.items():
        if lang == source or not mine:
            continue
        for dimension in sorted({q.dimension for q in mine}):
            own = [q for q in mine if q.dimension == dimension]
            note = _against(lang, own, dimension, found, source)
            if note:
                notes[lang] = note
                # The note says which numbers differ: they are not said again.
                for o in [lang, *note[1]]:
                    covered[lang].update(n for q in found[o] for n in values(q.surface, o))
                break
    return Measures(notes, bare, covered)


def _blanked(text: str, found: list[Quantity]) -> str:
    """``text`` without its measures of two parts (6-foot-6, 5′11″, 1 м 98 см): their
    digits are no numbers of their own (1 м 98 см is neither 1 nor 98), and this
    comparison judges them whole. A measure of one number stays, for the comparison
    of numbers knows conversions in every language (76 000 hectares, 760 000 dunams)."""
    for q in reversed(found):
        if q.compound:
            text = text[:q.start] + " " * (q.end - q.start) + text[q.end:]
    return text


def _states(qs: list[Quantity], q: Quantity) -> bool:
    return any(same_quantity(q, x) for x in qs)


def _held(q: Quantity, peers: dict[str, list[Quantity]]) -> bool:
    holders = sum(_states(qs, q) for qs in peers.values())
    return holders >= 2 and 2 * holders >= len(peers)


def _part_of(q: Quantity, expected: list[Quantity]) -> bool:
    # One part read alone is that part exactly: "1 м 82 см" for 6-foot-6 (1.83 m) is no part.
    return not q.compound and any(abs(q.value - part) <= 0.001 * part for e in expected for part in e.parts)


def _against(lang: str, own: list[Quantity], dimension: str, found: dict, source: str | None):
    peers = {o: [q for q in qs if q.dimension == dimension] for o, qs in found.items()
             if o not in (lang, source)}
    peers = {o: qs for o, qs in peers.items() if qs}
    if source:
        expected = [q for q in found[source] if q.dimension == dimension]
    else:
        # Without a source: a measure stated by at least three translations, more than
        # half of those that give one of this dimension.
        from transcheck.rules.missing_segment import witness_language

        expected = []
        # The most readable holder's measure first: it is the one the message quotes.
        order = sorted(peers)
        if order:
            first = witness_language(order)
            order = [first] + [o for o in order if o != first]
        for o in order:
            for q in peers[o]:
                holders = [p for p, qs in peers.items() if _states(qs, q)]
                if len(holders) >= 3 and 2 * len(holders) > len(peers) and not _states(expected, q):
                    expected.append(q)
    for want in expected:
        if _states(own, want):
            continue
        agree = sorted(o for o, qs in peers.items() if _states(qs, want))
        # A peer that gives only a part of the source's height says nothing either way.
        judged = [o for o, qs in peers.items() if not all(_part_of(q, expected) for q in qs)]
        if source and len(judged) >= 2 and 2 * len(agree) < len(judged):
            continue  # the other translations do not state the source's measure either
        # A measure two peers and half of them state too is no error of this translation:
        # its number is the one they converted to, where the source's form is not read
        # ("six meters (18 feet)"); nor is one part of a height the source states whole
        # (the "6 फुट" of "6 फुट 6 इंच", whose other part is written in a form not read).
        wrong = [q for q in own if not _states(expected, q) and not _part_of(q, expected)
                 and not _held(q, peers)]
        if not wrong:
            continue
        witness = f"{source} has" if source else f"{', '.join(agree)} have"
        return (f"{show(wrong[0])} here, where {witness} {show(want)}",
                ([source] if source else []) + agree)
    return None
