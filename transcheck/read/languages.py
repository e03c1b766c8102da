"""ISO 639-1 language codes, and the parsing of a language tag from a file name."""

from __future__ import annotations

import re

# The 183 two-letter codes of ISO 639-1 (plus the retired "iw"/"in"/"ji" aliases are
# deliberately absent: a file named with them is better reported than guessed).
ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
    cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha
    he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn
    ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
    nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd
    se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw
    ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split()
)

# Written right to left; the HTML report and the bidi checks need to know.
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ku"})

# A base code, then an optional script (zh-Hant, sr-Latn) and an optional region (pt-BR,
# es-419), with "-" or "_" and in any case, as documentation trees spell them.
# Android writes a region with an "r" ("values-pt-rBR").
_TAG = re.compile(
    r"^(?P<base>[A-Za-z]{2})(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_]r?(?P<region>[A-Za-z]{2}|\d{3}))?$"
)


def looks_like_tag(text: str) -> bool:
    """True when ``text`` has the shape of a language tag (known code or not)."""
    return bool(_TAG.match(text))


def normalise_tag(text: str) -> str | None:
    """``"pt_br"`` -> ``"pt-BR"``, ``"zh-hant"`` -> ``"zh-Hant"``, ``"sr-latn-rs"`` ->
    ``"sr-Latn-RS"`` (BCP 47 casing); None when the base is not an ISO 639-1 code."""
    m = _TAG.match(text)
    if not m:
        return None
    base = m.group("base").lower()
    if base not in ISO_639_1:
        return None
    script, region = m.group("script"), m.group("region")
    return "-".join(
        part for part in (base, script.title() if script else None, region.upper() if region else None) if part
    )

