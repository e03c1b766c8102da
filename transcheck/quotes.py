"""The one table of double quotation marks: which marks exist, which pairs are some
language's convention, and each language's settled style. The punctuation rule (TC601)
reads it to find a mixed pair; ``fix --quotes`` reads it to repair one, so what the
rule reports as a slip is what fix knows how to rewrite.
"""

from __future__ import annotations

# Each opening mark and the closing mark it pairs with in the language that uses it
# most (German „“, Swedish ” ”).
PARTNER = {
    '"': '"', "“": "”", "„": "“", "‟": "”", "”": "”", "«": "»", "「": "」", "『": "』",
}
OPENERS = frozenset(PARTNER)
CLOSERS = frozenset(PARTNER.values())
QUOTES = '"“”„‟«»「」『』'  # every double mark; apostrophes and single quotes are not
# Pairs that are some language's convention; any other pairing of two marks is mixed.
KNOWN_PAIRS = frozenset({
    ('"', '"'), ("“", "”"), ("„", "“"), ("„", "”"), ("”", "”"), ("«", "»"), ("»", "«"),
    ("»", "»"), ("「", "」"), ("『", "』"),
})
# Marks of one family: a mixed pair inside a family (「…』) shows which style was meant,
# a pair across families («…”) does not.
_FAMILY = {
    **dict.fromkeys('"', "straight"),
    **dict.fromkeys("“”„‟", "curly"),
    **dict.fromkeys("«»", "guillemet"),
    **dict.fromkeys("「」『』", "corner"),
}

# Corner brackets: 「」 outside and 『』 inside are one East Asian convention, so a
# document's corner pairs are never rewritten into another style, nor the other way.
CORNER = frozenset("「」『』")

# Each language's accepted double-quote styles, its convention first. Only languages
# whose convention is settled are listed.
STYLES: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("«", "»"),),
    "uk": (("«", "»"),),
    "de": (("„", "“"),),
    "fr": (("«", "»"),),
    "es": (("«", "»"), ("“", "”")),
    "it": (("«", "»"), ("“", "”")),
    "pl": (("„", "”"),),
    "sv": (("”", "”"),),
    "fi": (("”", "”"),),
    "en": (("“", "”"),),
}
# Languages that set their guillemets off with no-break spaces.
SPACED = frozenset({"fr"})


def same_family_repair(open_mark: str, close_mark: str) -> tuple[str, str] | None:
    """The pair meant by a mixed pair whose marks are of one family (「…』 is 「…」, the
    opening mark decides), or None when the marks do not say."""
    family = _FAMILY.get(open_mark)
    if family is None or family != _FAMILY.get(close_mark) or open_mark not in PARTNER:
        return None
    return open_mark, PARTNER[open_mark]
