"""Writing systems: which script a text is in, and which script a language uses.

Script settles most language questions before any statistical model is asked: a
Cyrillic paragraph in a group of ru/sv/tr/it/ar can only be Russian.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from transcheck import langdata

# (first code point, last code point, script); a sorted table keeps the lookup cheap.
_RANGES = (
    (0x0041, 0x02AF, "Latin"),  # with the IPA letters African alphabets and Azerbaijani write (ə, ɛ, ŋ)
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0700, 0x074F, "Syriac"),
    (0x0750, 0x077F, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Oriya"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1800, 0x18AF, "Mongolian"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2D80, 0x2DDF, "Ethiopic"),
    (0x3040, 0x30FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
)

# ISO 15924 codes (CLDR's) as the names above: Japanese writes Han and kana, Korean
# hangul and Han. A script without a range here keeps its code, which no text matches.
_NAMES = {
    "Latn": ("Latin",), "Grek": ("Greek",), "Cyrl": ("Cyrillic",), "Armn": ("Armenian",),
    "Hebr": ("Hebrew",), "Arab": ("Arabic",), "Deva": ("Devanagari",), "Beng": ("Bengali",),
    "Guru": ("Gurmukhi",), "Gujr": ("Gujarati",), "Taml": ("Tamil",), "Telu": ("Telugu",),
    "Knda": ("Kannada",), "Mlym": ("Malayalam",), "Thai": ("Thai",), "Geor": ("Georgian",),
    "Hang": ("Hangul",), "Hira": ("Kana",), "Kana": ("Kana",), "Hani": ("Han",),
    "Ethi": ("Ethiopic",), "Sinh": ("Sinhala",), "Orya": ("Oriya",), "Laoo": ("Lao",),
    "Tibt": ("Tibetan",), "Mymr": ("Myanmar",), "Khmr": ("Khmer",), "Thaa": ("Thaana",),
    "Syrc": ("Syriac",), "Mong": ("Mongolian",),
    "Hans": ("Han",), "Hant": ("Han",), "Jpan": ("Han", "Kana"), "Kore": ("Hangul", "Han"),
}


@lru_cache(maxsize=1024)
def scripts_of(language: str) -> frozenset[str]:
    """The scripts a document in ``language`` may be written in (CLDR's likely script
    and the others the language is officially written in); Latin for a language CLDR
    does not know."""
    codes = langdata.scripts(language) or {"Latn"}
    return frozenset(name for code in codes for name in _NAMES.get(code, (code,)))


# A writing system that adds a script of its own to one it shares: Japanese writes kana
# besides Han, Korean hangul; running text in it always has some.
_OWN_SCRIPT = {"Jpan": "Kana", "Kore": "Hangul"}
# The scripts of Chinese, Japanese and Korean, whose characters are words or syllables:
# a text's letters say less there, and a character changed says more.
CJK_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})


def signature_script(language: str) -> str | None:
    """The script ``language`` alone writes among those it shares (kana for Japanese,
    hangul for Korean), or None."""
    return _OWN_SCRIPT.get(langdata.default_script(language))


@lru_cache(maxsize=8192)  # texts use few distinct characters; the search is the cost
def char_script(ch: str) -> str | None:
    cp = ord(ch)
    if cp < 0x41:
        return None
    lo, hi = 0, len(_RANGES) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        first, last, name = _RANGES[mid]
        if cp < first:
            hi = mid - 1
        elif cp > last:
            lo = mid + 1
        else:
            return name if ch.isalpha() else None
    return None


def script_counts(text: str) -> Counter:
    counts: Counter = Counter()
    # Per distinct character, not per character: a paragraph has a few dozen.
    for ch, n in Counter(text).items():
        if ch.isalpha():
            script = char_script(ch)
            if script:
                counts[script] += n
    return counts


def dominant_script(text: str) -> tuple[str | None, int]:
    """The script of most letters, and the number of letters counted."""
    counts = script_counts(text)
    if not counts:
        return None, 0
    script, _ = max(sorted(counts.items()), key=lambda kv: kv[1])
    return script, sum(counts.values())
