"""Regenerate ``transcheck/langdata/meaning.json``, the language data of the meaning
checks, from CLDR:

    pip install 'babel==2.19.0' 'icukit-pyicu==78.3.1'   # Babel's CLDR, ICU's spell-out rules
    python -m tools.cldr_meaning            # rewrite the file
    python -m tools.cldr_meaning --check    # exit 1 when the committed file differs

Five tables, per language, so that transcheck needs neither Babel nor ICU at run time:

- ``units``: how a language writes a measure after (or around) its number, from CLDR's
  unit patterns ("{0} футов", "華氏 {0} 度", "{0} Fuß"), with each unit's dimension and
  its factor to the SI unit: a height in feet and inches and the same height in metres
  are one quantity.
- ``number_words``: cardinal numbers written as words ("five", "cinq", "пяти", "beş",
  "خمسة", "पाँच"), from CLDR's rule-based number formats (ICU's spell-out rules, every
  gender and case a language has), 2 to 20, the tens, 100 and 1000. One is left out: it
  is the indefinite article in most of these languages.
- ``exonyms``: the names of countries and cities (CLDR's territory names and the
  exemplar cities of its time zones) in each language, keyed to the English name:
  "Londres", "Лондон" and "ロンドン" are London, "Allemagne" is Germany.
- ``calendar``: the names of the days of the week (Monday first) and of the months, as
  CLDR writes them in dates and alone ("января", "январь"; "土曜日"; "1월"), and its
  short forms in scripts without case where they are words ("周六", "שבת").
- ``currencies``: the words that name a currency of a country today ("dollars",
  "долларов", "دولار", "ドル", "欧元"), each with the ISO codes it may name, and the
  signs every language writes ("$", "US$", "£", "₹"), from CLDR's currency names and
  symbols. A word of a currency's name that names a language or a country ("Japanese"
  of Japanese yen, "новый" of the new shekel) is left out: it is no currency.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = "transcheck/langdata/meaning.json"
COMMAND = "python -m tools.cldr_meaning"

# The languages transcheck reads numbers, names and negations in.
LANGUAGES = (
    "ar bg bn ca cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv ms nb nl pl pt "
    "ro ru sk sl sr sv th tr uk ur vi zh"
).split()

# CLDR unit -> (dimension, factor to the SI unit). Temperatures: °F is converted apart.
UNITS = {
    "length-kilometer": ("length", 1000.0), "length-meter": ("length", 1.0),
    "length-centimeter": ("length", 0.01), "length-millimeter": ("length", 0.001),
    "length-mile": ("length", 1609.344), "length-yard": ("length", 0.9144),
    "length-foot": ("length", 0.3048), "length-inch": ("length", 0.0254),
    "length-nautical-mile": ("length", 1852.0),
    "mass-tonne": ("mass", 1000.0), "mass-kilogram": ("mass", 1.0), "mass-gram": ("mass", 0.001),
    "mass-pound": ("mass", 0.45359237), "mass-ounce": ("mass", 0.028349523), "mass-stone": ("mass", 6.35029318),
    "mass-ton": ("mass", 907.18474),
    "temperature-celsius": ("temperature", 1.0), "temperature-fahrenheit": ("temperature", 1.0),
    "temperature-generic": ("temperature", 1.0),
    "speed-kilometer-per-hour": ("speed", 1 / 3.6), "speed-mile-per-hour": ("speed", 0.44704),
    "speed-meter-per-second": ("speed", 1.0), "speed-knot": ("speed", 0.514444),
    "volume-liter": ("volume", 0.001), "volume-milliliter": ("volume", 0.000001),
    "volume-gallon": ("volume", 0.00378541), "volume-cubic-meter": ("volume", 1.0),
    "area-square-kilometer": ("area", 1e6), "area-hectare": ("area", 1e4), "area-square-meter": ("area", 1.0),
    "area-square-mile": ("area", 2589988.11), "area-acre": ("area", 4046.8564), "area-square-foot": ("area", 0.09290304),
    "area-dunam": ("area", 1000.0),
    # Durations mark a number in role swaps only (TC401 compares no durations). Years are
    # left out: "2022年", "2022 года" and "2022년" are dates as often as spans.
    "duration-month": ("duration", 2629746.0), "duration-week": ("duration", 604800.0),
    "duration-day": ("duration", 86400.0), "duration-hour": ("duration", 3600.0),
    "duration-minute": ("duration", 60.0),
}
_VALUES = tuple(range(2, 21)) + tuple(range(30, 100, 10)) + (100, 1000)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f"), None)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE)).replace("\xa0", " ").replace("\u202f", " ").strip()


def units() -> dict[str, list[list[str]]]:
    from babel import Locale

    out: dict[str, list[list[str]]] = {}
    for code in LANGUAGES:
        patterns = Locale.parse(code)._data["unit_patterns"]
        found: set[tuple[str, str, str]] = set()
        for unit in UNITS:
            if unit not in patterns:
                continue
            # A duration's narrow form is a letter ("5 d", "5 س", "5 ч"): a word of the text.
            span = unit.startswith("duration-")
            for width in ("long", "short") if span else ("long", "short", "narrow"):
                forms = patterns[unit].get(width)
                if not forms:
                    continue
                for count, pattern in forms.items():
                    if count == "per" or "{0}" not in pattern:
                        continue
                    before, after = (_clean(p) for p in pattern.split("{0}", 1))
                    # A lone ASCII letter ("5 m", "3 in", "2 l") is a word of the text as
                    # often as a unit; a span of two letters is a word ("18 ay").
                    if not before and (not after or (len(after) <= 2 - span and after.isascii() and after.isalpha()
                                                     and after.lower() not in ("km", "cm", "mm", "kg", "ft", "mi", "lb", "oz", "yd"))):
                        continue
                    if span and len(after.strip(".׳′")) <= 1:
                        continue
                    found.add((before, after, unit))
        out[code] = [list(t) for t in sorted(found)]
    return out


def number_words() -> dict[str, dict[str, int]]:
    import icu

    out: dict[str, dict[str, int]] = {}
    for code in LANGUAGES:
        fmt = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(code))
        sets = [fmt.getRuleSetName(i) for i in range(fmt.getNumberOfRuleSetNames())]
        sets = [s for s in sets if ("cardinal" in s or s == "%spellout-numbering")
                and "financial" not in s and "year" not in s]
        words: dict[str, int] = {}
        for rule_set in sets:
            for value in _VALUES + tuple(range(21, 100)):
                text = _clean(fmt.format(value, rule_set)).casefold()
                # Whole words only: "twenty-one" is read from its parts.
                if " " in text or "-" in text or not text:
                    continue
                if value not in _VALUES and not text.isalpha():
                    continue
                words.setdefault(text, value)
        out[code] = dict(sorted(words.items()))
    return out


def exonyms() -> dict[str, dict[str, str]]:
    from babel import Locale

    english = Locale("en")
    english_zones = english._data["time_zones"]

    def city(zone: str, data) -> str | None:
        name = data.get("city") if data else None
        return _clean(name) if name else None

    en_cities = {z: (city(z, english_zones.get(z)) or z.rsplit("/", 1)[-1].replace("_", " "))
                 for z in Locale("ru")._data["time_zones"].keys() if "/" in z and not z.startswith("Etc/")}
    out: dict[str, dict[str, str]] = {}
    for code in LANGUAGES:
        loc = Locale.parse(code)
        table: dict[str, str] = {}
        for region, name in loc.territories.items():
            if re.fullmatch(r"[A-Z]{2}", region) and region in english.territories:
                table.setdefault(_clean(name).casefold(), english.territories[region])
        zones = loc._data["time_zones"]
        for zone, en in en_cities.items():
            local = city(zone, zones.get(zone))
            if local:
                table.setdefault(local.casefold(), en)
        out[code] = {k: v for k, v in sorted(table.items()) if k != v.casefold()}
    return out


def calendar() -> dict[str, dict[str, list[list[str]]]]:
    from babel import Locale

    out: dict[str, dict[str, list[list[str]]]] = {}
    for code in LANGUAGES:
        loc = Locale.parse(code)
        cased = any(c.lower() != c.upper() for c in loc.days["format"]["wide"][0])

        def forms(names, keys) -> list[list[str]]:
            table = []
            for key in keys:
                found = [_clean(names[ctx]["wide"][key]) for ctx in ("format", "stand-alone")]
                # A short form is a word of its own only in a script without case
                # (周六, שבת); "Sat", "сб", "janv." are abbreviations.
                short = [_clean(names[ctx]["abbreviated"][key]) for ctx in ("format", "stand-alone")]
                found += [f for f in short if not cased and len(f) >= 2 and f.replace(" ", "").isalnum()]
                table.append(list(dict.fromkeys(found)))
            return table

        out[code] = {"days": forms(loc.days, range(7)), "months": forms(loc.months, range(1, 13))}
    return out


def currencies() -> dict[str, dict[str, list[str]]]:
    import datetime

    from babel import Locale
    from babel.numbers import get_territory_currencies

    english = Locale("en")
    codes = sorted({c for t in english.territories if re.fullmatch(r"[A-Z]{2}", t)
                    for c in get_territory_currencies(t, datetime.date(2024, 1, 1))})
    signs: dict[str, set[str]] = {}
    out: dict[str, dict[str, list[str]]] = {}
    for code in LANGUAGES:
        loc = Locale.parse(code)
        plural = loc._data.get("currency_names_plural", {})
        places = {_clean(n).casefold() for n in [*loc.languages.values(), *loc.territories.values()]}
        # Every word of a place's or a language's name: "und", "des", "of" join them.
        place_words = {w for p in places for w in re.split(r"[\s\-\u2011]+", p)}
        # A country's adjective starts as its name does ("Cuban", "Kuba"; "Omani").
        stems = {w[:4] for w in place_words if len(w) >= 4}
        words: dict[str, set[str]] = {}
        whole: set[str] = set()  # a currency's whole name in one word ("euros", "naira")
        names: list[list[str]] = []
        for c in codes:
            symbol = loc.currency_symbols.get(c)
            if symbol and any(unicodedata.category(ch) == "Sc" for ch in symbol):
                signs.setdefault(symbol, set()).add(c)
            for name in {loc.currencies.get(c, ""), *plural.get(c, {}).values()}:
                name = _clean(name)
                parts = [name] if code in ("ja", "zh") else re.split(r"[\s\-\u2011]+", name)
                if len(parts) == 1:
                    whole.add(name.casefold())
                names.append([w.casefold() for w in parts])
                if code == "ja":
                    # "ドル" of "米ドル", "カナダ ドル": what a text writes after a number.
                    parts += re.findall(r"[\u30a0-\u30ff]{2,}$", name)
                for w in parts:
                    # An abbreviation ("США", "ABD") names the country.
                    if w.isupper() or len(w) < (1 if code in ("ja", "zh", "ko") else 3):
                        continue
                    w = w.casefold()
                    words.setdefault(w, set()).add(c)
        # A word of a longer name is the currency where several currencies share it
        # (dollar, pound, rupee, franc) and it names no place, people or language
        # ("Japanese" of Japanese yen, "Cuban", "und"): a word of one name alone is an
        # adjective as often ("convertible" mark).
        # Beside a word that names more currencies, a word is its modifier ("new" of
        # "new Taiwan dollar", "островов" of "доллар Каймановых островов").
        weaker = {w for parts in names for w in parts
                  if any(len(words.get(o, ())) > len(words.get(w, ())) or o in whole for o in parts if o != w)}
        out[code] = {w: sorted(cs) for w, cs in sorted(words.items())
                     if all(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in w) and (w in whole or (len(cs) >= 2 and w not in weaker and w not in places
                                                        and w not in place_words and not (len(w) >= 5 and w[:4] in stems)))}
    out["signs"] = {s: sorted(cs) for s, cs in sorted(signs.items())}
    return out


def generate() -> dict[str, str]:
    from babel.core import get_global

    data = {
        "about": f"Generated from CLDR (Unicode License v3) by `{COMMAND}`: do not edit by hand.",
        "cldr": get_global("cldr")["version"],
        "unit_factors": {u: list(v) for u, v in UNITS.items()},
        "units": units(),
        "number_words": number_words(),
        "exonyms": exonyms(),
        "calendar": calendar(),
        "currencies": currencies(),
    }
    return {OUT: json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--check"]):
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    for name, text in generate().items():
        path = ROOT / name
        if args == ["--check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{name} is stale; run `{COMMAND}`", file=sys.stderr)
                return 1
            continue
        path.write_text(text, encoding="utf-8", newline="\n")
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
