"""Text normalisation and similarity shared by every stage.

Comparisons are made on NFC, case-folded text with invisible format characters removed
and white space collapsed, so that NFC vs NFD, a zero-width space or a doubled space
never make two equal texts different.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
# Zero-width and bidi controls: invisible, and never meaningful for equality.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip().casefold()


@lru_cache(maxsize=1)
def _chrf():
    from sacrebleu.metrics.chrf import CHRF

    return CHRF()  # chrF2, character n-grams up to 6: sacrebleu's defaults


def chrf(hypothesis: str, reference: str) -> float:
    """chrF (0-100) of ``hypothesis`` against ``reference``, on normalised text."""
    a, b = normalise(hypothesis), normalise(reference)
    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    return _chrf().sentence_score(a, [b]).score


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())
