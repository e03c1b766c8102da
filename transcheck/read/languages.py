"""The parsing of a language tag from a file name; which codes exist comes from CLDR
(``transcheck.langdata``)."""

from __future__ import annotations

import re

from transcheck.langdata import canonical_code

# A base code (two letters, or three for a language CLDR has locale data for: ckb, fil,
# yue), then an optional script (zh-Hant, sr-Latn) and an optional region (pt-BR,
# es-419), with "-" or "_" and in any case, as documentation trees spell them.
# Android writes a region with an "r" ("values-pt-rBR").
_TAG = re.compile(
    r"^(?P<base>[A-Za-z]{2,3})(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_]r?(?P<region>[A-Za-z]{2}|\d{3}))?$"
)


def looks_like_tag(text: str) -> bool:
    """True when ``text`` has the shape of a language tag (a two-letter code known or
    not). Three letters count only when they name a language: "api/" and "new/" are
    folders, "ckb/" is Central Kurdish."""
    m = _TAG.match(text)
    return bool(m) and (len(m.group("base")) == 2 or canonical_code(m.group("base")) is not None)


def normalise_tag(text: str) -> str | None:
    """``"pt_br"`` -> ``"pt-BR"``, ``"zh-hant"`` -> ``"zh-Hant"``, ``"sr-latn-rs"`` ->
    ``"sr-Latn-RS"`` (BCP 47 casing), retired codes as CLDR replaces them (``"iw"`` ->
    ``"he"``, ``"in"`` -> ``"id"``: Java and Android still write them); None when no
    language has that code."""
    m = _TAG.match(text)
    if not m:
        return None
    code = canonical_code(m.group("base"))
    if code is None:
        return None
    base, _, alias_script = code.partition("-")
    script, region = m.group("script") or alias_script or None, m.group("region")
    return "-".join(
        part for part in (base, script.title() if script else None, region.upper() if region else None) if part
    )

