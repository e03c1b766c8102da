"""Writing systems: which script a text is in, and which script a language uses.

Script settles most language questions before any statistical model is asked: a
Cyrillic paragraph in a group of ru/sv/tr/it/ar can only be Russian.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from transcheck.model import base_language

# (first code point, last code point, script); a sorted table keeps the lookup cheap.
_RANGES = (
    (0x0041, 0x024F, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x3040, 0x30FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
)

LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    "ru": frozenset({"Cyrillic"}), "uk": frozenset({"Cyrillic"}), "bg": frozenset({"Cyrillic"}),
    "mk": frozenset({"Cyrillic"}), "be": frozenset({"Cyrillic"}), "kk": frozenset({"Cyrillic"}),
    "mn": frozenset({"Cyrillic"}), "sr": frozenset({"Cyrillic", "Latin"}),
    "ky": frozenset({"Cyrillic"}), "tg": frozenset({"Cyrillic"}), "tt": frozenset({"Cyrillic"}),
    "ba": frozenset({"Cyrillic"}), "as": frozenset({"Bengali"}),
    "ug": frozenset({"Arabic"}), "sd": frozenset({"Arabic"}),
    # Scripts of their own that no range above names: their text has no script to
    # tell, but Latin or Cyrillic in such a document is foreign.
    "si": frozenset({"Sinhala"}), "km": frozenset({"Khmer"}), "my": frozenset({"Myanmar"}),
    "lo": frozenset({"Lao"}), "am": frozenset({"Ethiopic"}), "or": frozenset({"Oriya"}),
    "dv": frozenset({"Thaana"}), "bo": frozenset({"Tibetan"}),
    "ar": frozenset({"Arabic"}), "fa": frozenset({"Arabic"}), "ur": frozenset({"Arabic"}),
    "ps": frozenset({"Arabic"}), "he": frozenset({"Hebrew"}), "yi": frozenset({"Hebrew"}),
    "el": frozenset({"Greek"}), "hy": frozenset({"Armenian"}), "ka": frozenset({"Georgian"}),
    "hi": frozenset({"Devanagari"}), "mr": frozenset({"Devanagari"}), "ne": frozenset({"Devanagari"}),
    "bn": frozenset({"Bengali"}), "pa": frozenset({"Gurmukhi"}), "gu": frozenset({"Gujarati"}),
    "ta": frozenset({"Tamil"}), "te": frozenset({"Telugu"}), "kn": frozenset({"Kannada"}),
    "ml": frozenset({"Malayalam"}), "th": frozenset({"Thai"}),
    "zh": frozenset({"Han"}), "ja": frozenset({"Han", "Kana"}), "ko": frozenset({"Hangul", "Han"}),
}


def scripts_of(language: str) -> frozenset[str]:
    return LANGUAGE_SCRIPTS.get(base_language(language), frozenset({"Latin"}))


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
