"""Languages whose written standards can be the same text: one family for language
identification and for the comparison of translations.

Croatian, Bosnian, Serbian (in Latin letters) and Montenegrin are one language with
several standards, and Norwegian is written in Bokmål and Nynorsk (``no`` names either);
Malay and Indonesian share most of their written words. A line of one that equals the
line of another ("Autori originalne liste" in the Croatian and the Serbian pages), or
that identification gives to the other, is no text left in a foreign language.
"""

from __future__ import annotations

from transcheck.model import base_language

_FAMILIES = (
    frozenset({"hr", "bs", "sr", "cnr", "sh"}),
    frozenset({"nb", "nn", "no"}),
    frozenset({"ms", "id"}),
)


def related(a: str, b: str) -> bool:
    """Whether the languages of tags ``a`` and ``b`` are one, or of one family."""
    a, b = base_language(a), base_language(b)
    return a == b or any(a in family and b in family for family in _FAMILIES)
