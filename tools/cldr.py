"""transcheck's language data, generated from CLDR through Babel.

    pip install 'babel==2.19.0'     # the version the committed files were made with
    python -m tools.cldr            # rewrite the generated files
    python -m tools.cldr --check    # exit 1 when a committed file differs from a fresh run
    python -m tools.cldr --out DIR  # write them under DIR instead of the repository

Two files come out, both committed, so transcheck needs neither Babel nor its locale
data at run time:

- ``transcheck/langdata/cldr.json``: the language codes a tag may start with, retired
  codes and what replaced them (``iw`` is ``he``, region ``CS`` is ``RS``), English
  names of languages, scripts and regions, each language's likely script (``sr`` Cyrillic, ``zh-TW`` Traditional
  Han, ``ku`` Latin, ``ckb`` Arabic), the other scripts a language is officially
  written in (Serbian in Latin too), and which scripts run right to left (from the
  character order of every CLDR locale).
- ``transcheck/rules/_scales.py``: scale words per language (``5 آلاف`` is 5000), from
  CLDR's compact decimal formats.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from babel import Locale, localedata
from babel.core import get_global

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = "transcheck/langdata/cldr.json"
SCALES = "transcheck/rules/_scales.py"
COMMAND = "python -m tools.cldr"

# Codes CLDR names that are no language: undetermined, multiple, no content, uncoded.
_NOT_LANGUAGES = frozenset({"und", "mul", "zxx", "mis"})
_SCRIPT = re.compile(r"[A-Z][a-z]{3}")
_REGION = re.compile(r"[A-Z]{2}|\d{3}")


def _locales() -> list[str]:
    return sorted(localedata.locale_identifiers())


def _likely_script(likely: dict[str, str], key: str) -> str | None:
    parts = likely.get(key, "").split("_")
    return parts[1] if len(parts) > 1 and _SCRIPT.fullmatch(parts[1]) else None


def _locale_script(likely: dict[str, str], identifier: str) -> str | None:
    """The script a locale is written in: its own script subtag, or the likely one."""
    parts = identifier.split("_")
    explicit = [p for p in parts[1:] if _SCRIPT.fullmatch(p)]
    if explicit:
        return explicit[0]
    regions = [p for p in parts[1:] if _REGION.fullmatch(p)]
    if regions and (script := _likely_script(likely, f"{parts[0]}_{regions[0]}")):
        return script
    return _likely_script(likely, parts[0])


def _rtl_scripts(likely: dict[str, str]) -> list[str]:
    """Scripts whose locales CLDR writes right to left; every locale of a script must
    agree, or the data is not what this table assumes."""
    directions: dict[str, set[str]] = {}
    for identifier in _locales():
        script = _locale_script(likely, identifier)
        if script is None:
            continue
        order = localedata.load(identifier).get("character_order")
        if order:
            directions.setdefault(script, set()).add(order)
    mixed = {s: d for s, d in directions.items() if len(d) > 1}
    if mixed:
        raise SystemExit(f"scripts written in both directions in CLDR: {mixed}")
    return sorted(s for s, d in directions.items() if d == {"right-to-left"})


def language_data() -> dict:
    english = Locale("en")
    likely = get_global("likely_subtags")
    names = {
        code: name for code, name in english.languages.items()
        if re.fullmatch(r"[a-z]{2,3}", code) and code not in _NOT_LANGUAGES
    }
    with_locale = {i.split("_")[0] for i in _locales()} - _NOT_LANGUAGES
    # Two letters: ISO 639-1 as CLDR names it. Three letters only for a language CLDR
    # has locale data for: a folder "new/" or a file "notes.min.md" is not Newari or
    # Minangkabau.
    codes = sorted(
        c for c in set(names) | with_locale
        if (len(c) == 2 and c in names) or (len(c) == 3 and c in with_locale)
    )
    known = set(codes)
    # A retired two-letter code CLDR no longer names (iw, in, ji, jw, mo) stands for
    # its replacement; a code it still names (tl, tw, sh) stays what it says.
    aliases = {
        old: new.replace("_", "-")
        for old, new in get_global("language_aliases").items()
        if len(old) == 2 and old not in names and new.split("_")[0] in known
    }
    scripts = {c: s for c in codes if (s := _likely_script(likely, c))}
    for key in likely:
        base, _, region = key.partition("_")
        if base in known and _REGION.fullmatch(region):
            script = _likely_script(likely, key)
            if script and script != scripts.get(base):
                scripts[f"{base}-{region}"] = script
    other_scripts: dict[str, set[str]] = {}
    for languages in get_global("territory_languages").values():
        for tag, info in languages.items():
            base, _, script = tag.partition("_")
            if (base in known and _SCRIPT.fullmatch(script) and script != scripts.get(base)
                    and info.get("official_status") == "official"):
                other_scripts.setdefault(base, set()).add(script)
    # A region's likely language: what a project means by a country code in a file
    # name ("cn", "kh", "br"), for the hint that maps it. The region stays in the tag
    # when CLDR has the language for other regions too ("pt-BR", "zh-TW"; "km" alone).
    regions_of: dict[str, set[str]] = {}
    for identifier in _locales():
        parts = identifier.split("_")
        regions_of.setdefault(parts[0], set()).update(p for p in parts[1:] if _REGION.fullmatch(p))
    region_language = {}
    for key, value in likely.items():
        base, _, region = key.partition("_")
        language = value.split("_")[0]
        if base == "und" and re.fullmatch(r"[A-Z]{2}", region) and language in known:
            several = len(regions_of.get(language, ())) > 1
            region_language[region.lower()] = f"{language}-{region}" if several else language
    return {
        "about": "Generated from CLDR (Unicode License v3) by `python -m tools.cldr`: do not edit by hand.",
        "cldr": get_global("cldr")["version"],
        "codes": codes,
        "aliases": dict(sorted(aliases.items())),
        "languages": {c: names[c] for c in codes if c in names},
        "scripts": {c: n for c, n in sorted(english.scripts.items()) if _SCRIPT.fullmatch(c)},
        "regions": {c: n for c, n in sorted(english.territories.items()) if _REGION.fullmatch(c)},
        # Retired region codes and the first region that replaced them: "sr-CS"
        # (Serbia and Montenegro) is read as sr-RS, as Java and old projects write it.
        "region_aliases": {a: r[0] for a, r in sorted(get_global("territory_aliases").items())
                           if re.fullmatch(r"[A-Z]{2}", a) and a not in english.territories
                           and r and r[0] in english.territories},
        "likely_script": dict(sorted(scripts.items())),
        "other_scripts": {c: sorted(s) for c, s in sorted(other_scripts.items())},
        "rtl_scripts": _rtl_scripts(likely),
        "region_language": dict(sorted(region_language.items())),
        # Each language's name in itself, and its forms' ("简体中文", "português europeu"):
        # how a page's bar of its languages names them.
        "autonyms": _autonyms(with_locale & known),
    }


def _autonyms(codes) -> list[str]:
    found: set[str] = set()
    for identifier in _locales():
        code = identifier.split("_")[0]
        if code not in codes:
            continue
        try:
            own = Locale.parse(identifier).languages
        except Exception:  # a locale without names of its own
            continue
        found.update(name.casefold() for key, name in own.items() if key == code or key.startswith(code + "_"))
    return sorted(found)


def _scales(code: str) -> dict[str, int]:
    loc = Locale.parse(code)
    out: dict[str, int] = {}
    for style in ("long", "short"):
        table = loc.compact_decimal_formats[style]
        for count in table.keys():
            for magnitude in table[count].keys():
                pattern = table[count][magnitude].pattern
                zeros = pattern.count("0")
                if not zeros:
                    continue
                word = re.sub(r"[0#'\u200e\u200f]", "", pattern).replace("\xa0", " ").strip()
                factor = int(magnitude) // 10 ** (zeros - 1)
                # Single Latin letters (K, M, B) are units and grades as often as scales.
                if factor < 1000 or not word or (len(word) <= 2 and word.isascii()):
                    continue
                if out.get(word, factor) != factor:
                    continue  # one word for two scales (es "mil millones"): keep the first
                out.setdefault(word, factor)
    return out


def scales_module() -> str:
    table: dict[str, dict[str, int]] = {}
    # Regional locales add their own words to the language's (en_IN: lakh, crore).
    for code in sorted(localedata.locale_identifiers(), key=lambda c: (c.count("_"), c)):
        base = code.split("_")[0]
        if "_" in code and base not in table:
            continue
        try:
            found = _scales(code)
        except Exception:  # a locale without the data
            continue
        words = table.setdefault(base, {})
        for word, factor in found.items():
            words.setdefault(word, factor)
    table = {code: dict(sorted(words.items())) for code, words in table.items() if words}
    lines = [
        '"""Scale words per language, from CLDR\'s compact decimal formats (Unicode',
        f"License v3), generated by ``{COMMAND}``: do not edit by hand.\"\"\"",
        "",
        "SCALES: dict[str, dict[str, int]] = {",
    ]
    for code, words in table.items():
        lines.append(f"    {code!r}: {words!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def generate() -> dict[str, str]:
    """Each generated file's text, by its path in the repository."""
    data = json.dumps(language_data(), ensure_ascii=False, indent=1, sort_keys=False)
    return {LANGUAGES: data + "\n", SCALES: scales_module()}


def stale(root: Path = ROOT) -> list[str]:
    """The generated files whose committed text differs from a fresh run."""
    out = []
    for name, text in generate().items():
        path = root / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out


def write(root: Path) -> list[Path]:
    written = []
    for name, text in generate().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        names = stale()
        for name in names:
            print(f"{name} is stale; run `{COMMAND}`", file=sys.stderr)
        return 1 if names else 0
    if args[:1] == ["--out"] and len(args) == 2:
        root = Path(args[1])
    elif not args:
        root = ROOT
    else:
        print(f"usage: {COMMAND} [--check | --out DIR]", file=sys.stderr)
        return 2
    for path in write(root):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
