"""Amounts of money and their currency, in any language transcheck has CLDR data for
(``langdata/meaning.json``, ``currencies``): "£6 million", "6 млн фунтов", "50 ريال",
"50ドル", "US$ 50", "50 EUR". Used by the number check (TC401): an amount the source and
the other translations give in one currency and this translation in another, the
number kept, is a currency changed, not converted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.model import base_language
from transcheck.rules import _consensus as consensus

# A number as written in any locale (6, 1.8, 1,8, 6 000, 6,000.50): its digits are
# its key, the same in every language.
_NUMBER = re.compile(r"(?<![\w.,])\d++(?:[.,\u00a0\u202f ]\d++)*+")
# Words with their vowel signs (Devanagari and other Indic scripts, Arabic harakat).
_WORD = re.compile(r"[^\W\d_][\w\u0900-\u0dff\u064b-\u065f'’]*")
_UNSPACED = ("ja", "zh")
# In Chinese and Japanese, a scale between a number and its currency (5000万美元).
_SCALE_CJK = re.compile(r"[万億亿千百兆]*")


def amounts(text: str, language: str) -> dict[str, tuple[frozenset[str], str]]:
    """The digits of each number ``text`` gives a currency to: the ISO codes its sign
    or word may name, and that sign or word."""
    words, signs, after, longest = _tables(base_language(language).lower())
    found: dict[str, tuple[frozenset[str], str]] = {}
    for m in _NUMBER.finditer(text):
        hit = _before(text, m.start(), signs) or _after(text, m.end(), words, after, longest, language)
        if hit:
            # Every currency the number is given, where it recurs: a word read as a
            # currency by chance beside it once does not hide the real one.
            key = "".join(str(int(ch)) for ch in m.group() if ch.isdigit()).lstrip("0") or "0"
            codes, shown = found.get(key, (frozenset(), hit[1]))
            found[key] = (codes | hit[0], shown)
    return found


def changed(view, texts: dict[str, str]) -> dict[str, tuple[str, list[str]]]:
    """Per translation, a note on an amount in another currency than the source's (or
    a clear majority's), the number kept, where no other translation gives it that
    currency: (message, the languages that agree)."""
    found = {lang: amounts(text, lang) for lang, text in texts.items()}
    notes: dict[str, tuple[str, list[str]]] = {}
    for key in sorted({k for a in found.values() for k in a}):
        held = {lang: a[key] for lang, a in found.items() if key in a}
        if len(held) < 2:
            continue
        codes = {lang: h[0] for lang, h in held.items()}
        for dev in consensus.deviations(view, _votes(codes), confirm=True):
            lang = dev.language
            if lang in notes or dev.value & dev.expected:
                continue
            if any(codes[o] & codes[lang] for o in codes if o != lang):
                continue  # another translation gives it this currency too
            shown = held[dev.agree[0]][1] if view.source not in dev.agree else held[view.source][1]
            notes[lang] = (f"the amount {key} is in “{held[lang][1]}” here, in “{shown}” in "
                           f"{consensus.names(dev.agree)}", list(dev.agree))
    return notes


def _votes(codes: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """One value per language to vote with: the currency most languages may mean, where
    its sign or word may mean it ("£", "Pfund" and "фунтов" are all GBP), else its own
    codes."""
    counts: dict[str, int] = {}
    for cs in codes.values():
        for c in cs:
            counts[c] = counts.get(c, 0) + 1
    top = min(counts, key=lambda c: (-counts[c], c))
    return {lang: frozenset({top}) if top in cs else cs for lang, cs in codes.items()}


def _before(text: str, start: int, signs: dict[str, frozenset[str]]) -> tuple | None:
    head = text[max(0, start - 6):start].rstrip(" \u00a0\u202f")
    for sign, codes in signs.items():
        if head.endswith(sign) and (len(head) == len(sign) or not head[-len(sign) - 1].isalnum()):
            return codes, sign
    return None


def _after(text: str, end: int, words: dict, signs: dict, longest: int, language: str) -> tuple | None:
    tail = text[end:end + 4].lstrip(" \u00a0\u202f")
    for sign, codes in signs.items():
        if tail.startswith(sign) and (len(tail) == len(sign) or not tail[len(sign)].isalnum()):
            return codes, sign
    if base_language(language).lower() in _UNSPACED:
        rest = text[end:end + longest + 3]
        rest = rest[_SCALE_CJK.match(rest).end():]
        for size in range(min(longest, len(rest)), 0, -1):
            if rest[:size] in words:
                return words[rest[:size]], rest[:size]
        return None
    # The currency word, or a scale word and then the currency word ("6 million pounds",
    # "6 millions de livres").
    for w in _WORD.findall(text[end:end + 40])[:3]:
        codes = words.get(w.casefold())
        if codes:
            return codes, w
    return None


@lru_cache(maxsize=64)
def _tables(language: str) -> tuple[dict, dict, dict, int]:
    """The language's currency words, every language's signs (longest first: "US$"
    before "$"; a sign two currencies share, ¥, names both), what may follow a number
    (the signs and the ISO codes of the currencies that have one), and the longest
    word."""
    from transcheck.langdata import meaning_data

    data = meaning_data().get("currencies", {})
    words = {w: frozenset(cs) for w, cs in data.get(language, {}).items()}
    signs = {s: frozenset(cs) for s, cs in sorted(data.get("signs", {}).items(), key=lambda kv: -len(kv[0]))}
    # An ISO code only after the number ("50 USD"): before one it is as often a name
    # ("PHP 8", "CAD 3").
    codes = {c: frozenset({c}) for c in sorted({c for cs in data.get("signs", {}).values() for c in cs})}
    return words, signs, {**signs, **codes}, max((len(w) for w in words), default=0)
