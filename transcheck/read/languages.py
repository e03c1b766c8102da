"""The parsing of a language tag from a file name; which codes exist comes from CLDR
(``transcheck.langdata``)."""

from __future__ import annotations

import re

from transcheck.langdata import canonical_code

# A base code (two letters, or three for a language CLDR has locale data for: ckb, fil,
# yue), then an optional script (zh-Hant, sr-Latn) and an optional region (pt-BR,
# es-419), with "-" or "_" and in any case, as documentation trees spell them.
# Android writes a region with an "r" ("values-pt-rBR").
# gettext writes a script as a glibc modifier ("sr@latin", "uz@cyrillic"); another
# modifier ("ca@valencia") is a code to map.
_TAG = re.compile(
    r"^(?P<base>[A-Za-z]{2,3})(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_]r?(?P<region>[A-Za-z]{2}|\d{3}))?(?:@(?P<modifier>[A-Za-z]{1,19}))?$"
)
# Region codes no country has that a translation platform writes for a script: Crowdin's
# "sr-SP" (Android "values-sr-rSP") is Serbian in Cyrillic.
_PLATFORM_SCRIPTS = {("sr", "SP"): "Cyrl"}
# A language and its region written together, told apart by their case ("zhCN", "ptBR":
# jitsi-meet's main-zhCN.json); in one case ("ptbr") they are a code to map.
_GLUED = re.compile(r"^(?P<base>[a-z]{2,3})(?P<region>[A-Z]{2})$")
_MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva", "arabic": "Arab",
                     "iqtelif": "Latn", "hebrew": "Hebr"}


def looks_like_tag(text: str) -> bool:
    """True when ``text`` has the shape of a language tag (a two-letter code known or
    not). Three letters count only when they name a language: "api/" and "new/" are
    folders, "ckb/" is Central Kurdish."""
    m = _TAG.match(text)
    return bool(m) and (len(m.group("base")) == 2 or canonical_code(m.group("base")) is not None)


def normalise_tag(text: str) -> str | None:
    """``"pt_br"`` -> ``"pt-BR"``, ``"zh-hant"`` -> ``"zh-Hant"``, ``"sr-latn-rs"`` ->
    ``"sr-Latn-RS"`` (BCP 47 casing), retired codes as CLDR replaces them (``"iw"`` ->
    ``"he"``, ``"in"`` -> ``"id"``, ``"sr-CS"`` -> ``"sr-RS"``: Java and Android still
    write them); None when no
    language has that code, or the region or script is none CLDR knows."""
    m = _TAG.match(text) or _GLUED.match(text)
    if not m:
        return None
    code = canonical_code(m.group("base"))
    modifier = m.groupdict().get("modifier")
    if code is None or (modifier and modifier.lower() not in _MODIFIER_SCRIPTS):
        return None
    base, _, alias_script = code.partition("-")
    script = m.groupdict().get("script") or (_MODIFIER_SCRIPTS[modifier.lower()] if modifier else "") or alias_script or None
    region = m.group("region")
    if region and (written := _PLATFORM_SCRIPTS.get((base, region.upper()))):
        script, region = written, None
    from transcheck.langdata import region_alias, region_name, script_name

    if region and region_name(region) is None and m.re is _TAG:
        region = region_alias(region) or region  # a retired code: sr-CS is sr-RS

    # "fr-XX" and "en-Abcd" name no region and no script: no language either.
    if (region and region_name(region) is None) or (m.groupdict().get("script") and script_name(m["script"]) is None):
        return None
    return "-".join(
        part for part in (base, script.title() if script else None, region.upper() if region else None) if part
    )



def resolve_code(raw: str, codes: dict | tuple = ()) -> str | None:
    """The BCP 47 tag a path's code stands for: the project's own mapping first
    (``[language-codes]``: ``cn = "zh-CN"``; keys matched in any case, ``_`` as ``-``),
    else ``normalise_tag``."""
    mapped = dict(codes).get(_key(raw))
    return mapped if mapped is not None else normalise_tag(raw)


def _key(raw: str) -> str:
    return raw.lower().replace("_", "-")


def mapping_key(raw: str) -> str:
    """How ``[language-codes]`` keys are compared: lower case, ``-`` for ``_``."""
    return _key(raw)


def could_be_language(raw: str) -> bool:
    """Whether a code no language has could still be meant as one: two or three letters
    (``cn``, ``bar``), a tag's shape, or a code a hint reads (``ptbr``, ``french``); not
    a word or a qualifier of another kind (``land``, ``sw600dp``, ``v21``)."""
    low = raw.lower()
    if low == "base":
        return False  # Apple's Base.lproj: the interface of the development language
    return bool(re.fullmatch(r"[a-z]{2,3}", low)) or looks_like_tag(raw) or code_hint(raw) is not None


def code_hint(raw: str) -> str | None:
    """The tag a code that is no language most likely means, for the message that
    asks the user to map it: a country code (``cn`` -> ``zh-CN``, ``kh`` -> ``km``,
    ``jp`` -> ``ja``), a language and region written together (``ptbr`` -> ``pt-BR``),
    or a language's English name (``french`` -> ``fr``)."""
    from transcheck.langdata import region_language

    low = raw.lower()
    if re.fullmatch(r"[a-z]{2}", low):
        return region_language(low)
    m = re.fullmatch(r"([a-z]{2,3})[-_]?([a-z]{2})", low)
    if m and canonical_code(m.group(1)) is not None and region_language(m.group(2)) is not None:
        return normalise_tag(f"{m.group(1)}-{m.group(2)}")
    return _named(low)


def _named(low: str) -> str | None:
    """The code of a language written by its English name (``README.french.md``,
    ``guide-Chinese.md``), from CLDR's names."""
    from transcheck.langdata import language_codes_by_name

    return language_codes_by_name().get(re.sub(r"[-_ ]+", " ", low))


def country_reading(raw: str) -> str | None:
    """For a code that is a language in ISO 639 and also a country in ISO 3166 whose
    language is another (``tw``: Twi, or Taiwan; ``kr``: Kanuri, or Korea), the
    country's language; None for a code that means one thing (``de``, ``fr``)."""
    from transcheck.langdata import region_language

    low = raw.lower()
    if not re.fullmatch(r"[a-z]{2}", low) or canonical_code(low) != low:
        return None
    from transcheck.langid.related import related

    country = region_language(low)
    # Norway's Bokmål is Norwegian ("no"): the two readings are one language.
    if country is None or country.split("-")[0] == low or related(country.split("-")[0], low):
        return None
    return country
