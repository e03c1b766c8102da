"""Numbers written as words, in any language transcheck has CLDR data for: a cardinal
from CLDR's spell-out rules ("five", "cinq", "пяти", "beş", "خمسة"), 2 to 20, the tens,
100 and 1000, two-part numbers as one ("twenty-two", "on beş"); in Chinese and Japanese
a numeral character before a counter (五个, 三人). Shared by the number check (TC401)
and the benchmarks that plant changed number words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.model import base_language


@lru_cache(maxsize=64)
def _word_table(language: str) -> dict[str, int]:
    from transcheck.langdata import meaning_data

    return meaning_data()["number_words"].get(base_language(language).lower(), {})


_WORDS = re.compile(r"[^\W\d_][\w\u0900-\u0dff\u064b-\u065f]*(?:-[^\W\d_][\w\u0900-\u0dff\u064b-\u065f]*)*")
_CJK_DIGITS = {"二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# A numeral character counts before a counter (五个, 三人, 十年): alone it is part of words
# (一些, 三菱), and before 月 it names a month (九月 is September; 三个月 counts).
_CJK_COUNTED = re.compile(r"(?<![一二三四五六七八九十百千万两兩])([二两兩三四五六七八九十])(?=[个個人名年天次倍位家件种種条條本台分歳歲回つヶカか週周])")


# Number words that are more often other words: Hebrew שני is also "second" and
# "Monday" (יום שני); a one-letter word (Korean 이, "this") is left out everywhere.
_HOMOGRAPHS = {"he": frozenset(["שני"])}


def number_words(text: str, language: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of each number written as a word, in reading order."""
    from transcheck.terms.match import lower

    base = base_language(language).lower()
    if base in ("zh", "ja"):
        return [(_CJK_DIGITS[m.group(1)], m.start(), m.end()) for m in _CJK_COUNTED.finditer(text)]
    table = _word_table(language)
    if not table:
        return []
    out = []
    for m in _WORDS.finditer(text):
        word = lower(m.group(), base)
        if len(word) < 2 or word in _HOMOGRAPHS.get(base, ()):
            continue
        value = table.get(word)
        if value is None and base in ("he", "ar") and word[:1] in "וو" and len(word) > 3:
            value = table.get(word[1:])  # "and" glued to the word: ושתיים, وعشرون
        if value is None and base == "ar" and word.startswith("ال") and len(word) > 4:
            value = table.get(word[2:])  # with the article: في سن الثمانية عشر
        if word == "عشر" and base == "ar":
            # The teens' ten with a feminine noun (أربعة عشر شخصًا), only after a unit.
            if out and 0 < out[-1][0] < 10 and _JOINER.fullmatch(text[out[-1][2]:m.start()]):
                out[-1] = (out[-1][0] + 10, out[-1][1], m.end())
            continue
        tens = _TENS_AFTER.get(base)
        if value is not None and tens and 0 < value < 10 and (after := tens[0].match(text, m.end())):
            # A unit and the word for its ten after it: "delapan belas" is 18, "dua
            # puluh" and "hai mươi" 20.
            value = value + 10 if after.group(1).lower() in tens[1] else value * 10
            out.append((value, m.start(), after.end()))
            continue
        if value is None and "-" in word:
            parts = [table.get(p) for p in word.split("-")]
            # "तीन-तीन" (three each) repeats the number; "twenty-two" composes it.
            value = parts[0] if len(set(parts)) == 1 else _compound(parts)
            if value is None and any(parts) and all(v or len(p) <= 3 for p, v in zip(word.split("-"), parts)):
                # A phrase in hyphens ("four-in-ten"): each number word in it; not a
                # number with a part unknown ("quatre-vingts").
                at = m.start()
                for part, v in zip(m.group().split("-"), parts):
                    if v is not None:
                        out.append((v, at, at + len(part)))
                    at += len(part) + 1
                continue
        if value is not None:
            out.append((value, m.start(), m.end()))
    return _spaced_compounds(out, text, base)


# The words after a unit that make it a teen or a ten, and which of them add ten.
_MALAY = (re.compile(r"\s+(belas|puluh)\b", re.IGNORECASE), ("belas",))
_TENS_AFTER = {"id": _MALAY, "ms": _MALAY, "vi": (re.compile(r"\s+(mươi)\b", re.IGNORECASE), ())}
# What joins a ten and a unit written as separate words: "vinte e dois", "veinte y
# dos", "двадцать два", "yirmi iki", "on beş", "עשרים ושתיים".
_JOINER = re.compile(r"\s+(?:(?:e|y|et|i|и|і|ve|and)\s+)?", re.IGNORECASE)


def _spaced_compounds(found: list[tuple[int, int, int]], text: str, base: str) -> list[tuple[int, int, int]]:
    """Adjacent number words that make one number: a ten (10 to 90) then a unit; in
    Hebrew and Arabic a unit then ten for the teens ("חמש עשרה", "خمسة عشر")."""
    out: list[tuple[int, int, int]] = []
    for value, start, end in found:
        if out:
            prev, pstart, pend = out[-1]
            teen = base in ("he", "ar") and 0 < prev < 10 and value == 10
            if ((teen or (10 <= prev <= 90 and prev % 10 == 0 and 0 < value < 10))
                    and _JOINER.fullmatch(text[pend:start])):
                out[-1] = (prev + value, pstart, end)
                continue
        out.append((value, start, end))
    return out


def _compound(parts: list) -> int | None:
    """A number written in hyphenated parts: added ("twenty-two", "dix-huit"), or
    multiplied where a unit stands before a ten or a hundred ("quatre-vingts",
    "quatre-vingt-dix"). None when a part is no number word ("one-sided")."""
    if not parts or not all(parts):
        return None
    value, prev = 0, None
    for part in parts:
        if prev is not None and prev < 10 and part >= 20 and part % 10 == 0:
            value += prev * part - prev
        else:
            value += part
        prev = part
    return value
