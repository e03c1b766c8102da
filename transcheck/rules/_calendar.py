"""The days of the week and the months a text names, in any language transcheck has
CLDR data for (``langdata/meaning.json``, ``calendar``): "в субботу", "يوم السبت",
"토요일에", "周六" and "Saturday" are day 5 (Monday is 0); "января", "Ocak'ta", "1月" are
month 0. Used by the date check (TC405).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from transcheck.model import base_language

KINDS = ("days", "months")
_UNSPACED = ("ja", "zh", "th", "lo", "km", "my")
# Languages that decline a day or a month ("в субботу", "w niedzielę", "lauantaina"):
# a name is its form less a final vowel, and up to three letters more.
_DECLINED = ("ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "fi", "et",
             "hu", "lt", "lv", "el")
# Languages that write a particle after the name ("토요일에", "土曜日に" is unspaced).
_PARTICLES = ("ko",)
# Letters Arabic, Persian, Urdu and Hebrew glue before a word ("والسبت", "בשבת").
_CLITICS = {"ar": "وبلفك", "fa": "وب", "ur": "وب", "he": "ובלמהש"}


def named(text: str, language: str) -> Counter:
    """``(kind, index)`` of each day and month ``text`` names, counted."""
    found: Counter = Counter()
    pattern, index = _pattern(base_language(language).lower())
    if pattern is None:
        return found
    # Persian writes یک‌شنبه with a zero-width non-joiner, CLDR without.
    for m in pattern.finditer(_plain(text).replace("\u200c", "")):
        found[index[m.lastgroup]] += 1
    return found


def month_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where ``text`` names a month: (start, end) of each name."""
    pattern, index = _pattern(base_language(language).lower())
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(_plain(text)) if index[m.lastgroup][0] == "months"]


# Full-width digits (１月) as CLDR writes them (1月), one character for one: the spans
# stay the text's.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _plain(text: str) -> str:
    return text.translate(_DIGITS)


def english(kind: str, index: int) -> str:
    """The English name of a day or month."""
    return _table("en")[kind][index][0]


@lru_cache(maxsize=8)
def _table(language: str) -> dict | None:
    from transcheck.langdata import meaning_data

    return meaning_data().get("calendar", {}).get(language)


@lru_cache(maxsize=64)
def _pattern(language: str) -> tuple[re.Pattern | None, dict[str, tuple[str, int]]]:
    table = _table(language)
    if not table:
        return None, {}
    clitics = _CLITICS.get(language, "")
    groups: list[tuple[str, str, int]] = []
    index: dict[str, tuple[str, int]] = {}
    for kind in KINDS:
        for i, forms in enumerate(table[kind]):
            for j, form in enumerate(sorted(set(forms))):
                name = f"{kind[0]}{i}_{j}"
                index[name] = (kind, i)
                groups.append((name, _form(form, language), len(form)))
    # The longest name first, across names: Czech "červenci" is July's (červenec), not
    # June's (červen) with an ending.
    groups = [(n, alts) for n, alts, _ in sorted(groups, key=lambda g: -g[2])]
    if language in _UNSPACED:
        # Month numerals (1月) must not be read inside 11月.
        body = "|".join(f"(?P<{n}>{alts})" for n, alts in groups)
        return re.compile(rf"(?<![0-9０-９一二三四五六七八九十])(?:{body})"), index
    before = rf"(?<![\w\u200c]){f'[{clitics}]{{0,2}}' if clitics else ''}"
    after = r"(?![\w\u200c])"
    body = "|".join(f"(?P<{n}>{alts})" for n, alts in groups)
    # A name written with a capital (English, German, Turkish) is one only so written:
    # "may", "august", "ocak" are words.
    return re.compile(rf"{before}(?:{body}){after}"), index


def _form(form: str, language: str) -> str:
    if form[:1].isupper():
        text = re.escape(form)
    else:
        # Case-blind where the name is lower case: it starts a sentence capitalised.
        text = f"(?i:{re.escape(form)})"
    if language in _DECLINED and len(form) >= 5:
        stem = form[:-1] if form[-1].lower() in "aeiouyаеёиоуыэюяєіїαεηιουωäöü" else form
        return f"(?i:{re.escape(stem)})\\w{{0,3}}"
    if language in _PARTICLES:
        return f"{text}\\w{{0,3}}"
    if language == "fa" and form.endswith("شنبه") and len(form) > 4:
        # "پنج شنبه": the days after Saturday written with a space where CLDR has none.
        return f"{re.escape(form[:-4])} ?شنبه"
    if language == "ja" and form.endswith("曜日"):
        return f"{re.escape(form[:-1])}日?"  # 土曜 is 土曜日
    if language in _UNSPACED:
        return text
    return f"{text}s?"
