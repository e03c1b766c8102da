"""Anchors: the parts of a segment that survive translation unchanged.

Numbers, Latin-script names and acronyms (CX, SaaS, Guru), file names, and the
punctuation that carries structure (question marks, quotes, brackets). Two segments
that share anchors are likely translations of each other, whatever their languages.
"""

from __future__ import annotations

import re
from collections import Counter

from transcheck.quotes import QUOTES

_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# str.translate with a table walks the text in Python-object steps; this scan is in C.
_HAS_ARABIC_INDIC = re.compile("[٠-٩۰-۹]")


def _western_digits(text: str) -> str:
    return text.translate(_ARABIC_INDIC) if _HAS_ARABIC_INDIC.search(text) else text

# A Latin token with a capital letter that is not just the first letter of a sentence:
# an acronym (CX, CSM), a CamelCase brand (SaaS) or a capitalised name.
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9&+\-]*[A-Za-z0-9+]|[A-Z]")
# A file name starts where a run of [\w-] starts (or right after another file name, as
# in "a.png-b.png"), and the run is taken whole: starting inside it, or giving part of
# it back, made one long word cost quadratic time.
_FILE = re.compile(
    r"(?:(?<![\w-])|(?<=\.png)|(?<=\.jpg)|(?<=\.jpeg)|(?<=\.gif)|(?<=\.svg)|(?<=\.webp)|(?<=\.pdf)"
    r"|(?<=\.htm)|(?<=\.html))[\w-]++\.(?:png|jpe?g|gif|svg|webp|pdf|html?)\b",
    re.IGNORECASE,
)


# A number as written in any locale: digit groups joined by one separator each (1,000
# 1 000 1.000 1'000 2,8 and the Arabic ٬ ٫); a space only joins a group of three, and
# not one glued to a Latin letter ("6 448x448 frames" is 6 frames of 448x448). The
# one number pattern: the number rules build on it (``rules._numbers``).
NUMBER = r"\d+(?:[.,'\u2019\u066b\u066c]\d+|[\u00a0\u202f ]\d{3}(?![\dA-Za-z]))*"
_LOCALE_NUMBER = re.compile(r"(?<![A-Za-z0-9.,])" + NUMBER)


def number_spans(text: str) -> list[tuple[str, re.Match]]:
    """Each number of ``text`` (Arabic-Indic digits read as ASCII) as its digits without
    separators or leading zeros ("1,000" is "1000"), with its match (its place)."""
    out = []
    for m in _LOCALE_NUMBER.finditer(_western_digits(text)):
        digits = re.sub(r"\D", "", m.group())
        out.append((digits.lstrip("0") or "0", m))
    return out


def number_anchors(text: str) -> list[str]:
    return [digits for digits, _ in number_spans(text)]
_DATE = re.compile(
    r"(?<![A-Za-z0-9.,/-])(?:(\d{4})-(\d{1,2})-(\d{1,2})"
    r"|(\d{1,2})([./-])(\d{1,2})\5(\d{4}|\d{2}))(?![0-9])"
)
_GROUP_SEPARATORS = "'\u2019\u066c\u00a0\u202f "


def numbers(text: str) -> list[str]:
    """The numbers of ``text`` as canonical values, whatever the locale's conventions.

    "1,000", "1 000", "1.000" and "1’000" are all "1000"; "2,8" and "2.8" are "2.8";
    Arabic-Indic and Persian digits count as their ASCII values. One "." or "," followed
    by exactly three digits is read as a thousands separator (unless the integer part
    is 0), as writers of every locale mostly mean it. A numeric date (2024-03-05,
    05.03.2024, 3/5/2024) is one value whose day and month order does not matter.
    Digits glued to Latin letters (CO2, v1.2) and file names are skipped.
    """
    text = _FILE.sub(" ", _western_digits(text))
    out = []

    def date(m: re.Match) -> str:
        if m.group(1):
            year, parts = m.group(1), (m.group(2), m.group(3))
        else:
            year, parts = m.group(7), (m.group(4), m.group(6))
        day_month = sorted(int(p) for p in parts)
        out.append(f"date:{int(year) % 100:02d}:{day_month[0]}:{day_month[1]}")
        return " "

    text = _DATE.sub(date, text)
    for m in _LOCALE_NUMBER.finditer(text):
        out.append(_canonical(m.group().replace("\u066b", ",")))
    return out


def _canonical(raw: str) -> str:
    for sep in _GROUP_SEPARATORS:
        raw = raw.replace(sep, "")
    marks = [ch for ch in raw if ch in ".,"]
    if not marks:
        return raw.lstrip("0") or "0"
    groups = re.split(r"[.,]", raw)
    if len(set(marks)) == 2:
        decimal = raw[max(raw.rfind("."), raw.rfind(","))]
    elif len(marks) > 1:
        if any(len(g) != 3 for g in groups[1:]):
            return raw  # 1.2.3: a section or version number, compared as written
        decimal = None  # 1.000.000 or 1,000,000
    else:
        whole, frac = groups
        decimal = marks[0] if len(frac) != 3 or whole.strip("0") == "" else None
    if decimal is None:
        return raw.replace(".", "").replace(",", "").lstrip("0") or "0"
    group = "," if decimal == "." else "."
    whole, _, frac = raw.replace(group, "").partition(decimal)
    whole = whole.lstrip("0") or "0"
    frac = frac.rstrip("0")
    return f"{whole}.{frac}" if frac else whole


# A numbered item's label, one capital letter glued to its number ("Q12.", "P12.",
# "F12.": question, pregunta, Frage): the number is the item's, whatever the letter.
_LABEL = re.compile(r"\s*[A-Z](\d{1,4})(?=[.:)]?\s)")


def anchors(text: str, latin_document: bool) -> Counter:
    """The anchor multiset of ``text``.

    In a Latin-script document only tokens with a capital letter after the first
    character position of a sentence count, since ordinary words are not shared across
    languages; in other scripts every Latin token is an anchor, a lowercase one kept
    apart ("low:") to be shared with the other scripts only: a Latin-script document
    never has it ("twp" kept in an Arabic line is not the "Twp" of the English line
    before the one it translates).
    """
    found: Counter = Counter()
    for file in _FILE.findall(text):
        found["file:" + file.lower()] += 1
    text_wo_files = _FILE.sub(" ", text)
    for num in number_anchors(text_wo_files):
        found["num:" + num] += 1
    label = _LABEL.match(text_wo_files)
    if label:
        found["num:" + label.group(1)] += 1
    for m in _LATIN_TOKEN.finditer(text_wo_files):
        token = m.group()
        if label and m.end() == label.end():
            continue  # the label is its number, one key as "12." would be
        if not latin_document and token.islower():
            found["low:" + token] += 1
            continue
        if latin_document:
            if token.islower():  # ASCII letters first: no capital at all
                continue
            start = m.start()
            # The previous non-space character, without copying the text: a slice per
            # token made one long line cost quadratic time.
            k = start - 1
            while k >= 0 and text_wo_files[k].isspace():
                k -= 1
            sentence_start = k < 0 or text_wo_files[k] in ".!?:;\"“«(—-"
            if sentence_start and not _is_acronymish(token):
                continue
        found["lat:" + token.lower()] += 1
    question = text.count("?") + text.count("؟")
    if question:
        found["punct:?"] += question
    if any(q in text for q in QUOTES):
        found["punct:quote"] += 1
    if "(" in text:
        found["punct:paren"] += 1
    return found


def _is_acronymish(token: str) -> bool:
    """CX, SaaS, iPhone: more than one capital, so not merely a capitalised word."""
    return sum(1 for ch in token if ch.isupper()) >= 2
