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
    text = nfc(text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip().casefold()


# Unicode normalisation sorts each run of combining marks by insertion: 200 kB of two
# alternating marks took 24 s. The stream-safe text format (UAX #15) bounds the runs: a
# combining grapheme joiner, itself a starter, after every 30 non-starters.
_CGJ = "\u034f"
_MAX_NON_STARTERS = 30


def stream_safe(text: str) -> str:
    """``text`` with a combining grapheme joiner after every 30 non-starters in a row
    (marks that normalisation reorders); any other text unchanged."""
    if text.isascii():
        return text
    return _long_runs().sub(lambda m: m.group() + _CGJ, text)


def nfc(text: str) -> str:
    """NFC of the stream-safe form of ``text``: linear, however many marks it stacks."""
    return unicodedata.normalize("NFC", stream_safe(text))


def nfkd(text: str) -> str:
    return unicodedata.normalize("NFKD", stream_safe(text))


@lru_cache(maxsize=1)
def _long_runs() -> re.Pattern:
    """30 non-starters followed by another: characters of a non-zero combining class,
    and those whose decomposition begins with one (Tibetan vowel signs, the half-width
    kana voicing marks). Written as escapes, ranges merged."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x30000):
        ch = chr(code)
        if unicodedata.combining(ch) or _starts_with_mark(ch):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    members = "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return re.compile(f"[{members}]{{{_MAX_NON_STARTERS}}}(?=[{members}])")


def _starts_with_mark(ch: str) -> bool:
    decomposed = unicodedata.decomposition(ch)
    if not decomposed:
        return False
    first = decomposed.split()[1] if decomposed.startswith("<") else decomposed.split()[0]
    return unicodedata.combining(chr(int(first, 16))) != 0


_CHAR_ORDER = 6  # sacrebleu's chrF defaults: character n-grams up to 6, beta 2,
_BETA = 2  # no word n-grams, white space removed, effective-order averaging


def _char_ngrams(text: str) -> tuple[tuple[dict[str, int], int], ...]:
    """Per order, the character n-gram counts of ``text`` (white space removed) and
    their total. Cached for short texts only: the callers compare one text with several
    others, and the counts take about 0.5 kB per character."""
    return _cached_ngrams(text) if len(text) <= _CACHED_CHARS else _count_ngrams(text)


_CACHED_CHARS = 600


@lru_cache(maxsize=256)
def _cached_ngrams(text: str) -> tuple[tuple[dict[str, int], int], ...]:
    return _count_ngrams(text)


def _count_ngrams(text: str) -> tuple[tuple[dict[str, int], int], ...]:
    from collections import Counter

    line = "".join(text.split())
    out = []
    for n in range(1, _CHAR_ORDER + 1):
        total = len(line) - n + 1
        out.append((Counter([line[i:i + n] for i in range(total)]), max(total, 0)))
    return tuple(out)


def chrf(hypothesis: str, reference: str) -> float:
    """chrF (0-100) of ``hypothesis`` against ``reference``, on normalised text.

    The same arithmetic, in the same order, as sacrebleu's ``CHRF().sentence_score``
    (a test compares them bit for bit), without its per-call objects and with each
    text's n-grams counted once."""
    return _chrf(normalise(hypothesis), normalise(reference))


def _chrf(a: str, b: str) -> float:
    """chrF of two normalised texts."""
    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    eps = 1e-16
    score = 0.0
    effective_order = 0
    factor = _BETA ** 2
    avg_prec, avg_rec = 0.0, 0.0
    for (hyp, hyp_total), (ref, ref_total) in zip(_char_ngrams(a), _char_ngrams(b)):
        if len(hyp) > len(ref):
            small, large = ref, hyp
        else:
            small, large = hyp, ref
        n_match = 0
        for gram, count in small.items():
            other = large.get(gram)
            if other:
                n_match += count if count < other else other
        n_hyp = hyp_total if ref else 0
        n_ref = ref_total
        prec = n_match / n_hyp if n_hyp > 0 else eps
        rec = n_match / n_ref if n_ref > 0 else eps
        denom = factor * prec + rec
        score += ((1 + factor) * prec * rec / denom) if denom > 0 else eps
        if n_hyp > 0 and n_ref > 0:
            avg_prec += prec
            avg_rec += rec
            effective_order += 1
    if effective_order == 0:
        avg_prec = avg_rec = 0.0
    else:
        avg_prec /= effective_order
        avg_rec /= effective_order
    if avg_prec + avg_rec:
        score = (1 + factor) * avg_prec * avg_rec
        score /= (factor * avg_prec) + avg_rec
        return 100 * score
    return 0.0


def chrf_at_least(hypothesis: str, reference: str, threshold: float) -> bool:
    """``chrf(hypothesis, reference) >= threshold``, without computing chrF where the
    texts' lengths alone rule it out.

    An order's matches are at most the smaller of the two n-gram totals, so precision
    and recall are at most min(1, ref/hyp) and min(1, hyp/ref) per order; chrF grows with
    both averages, so those bounds give an upper bound on the score."""
    a, b = normalise(hypothesis), normalise(reference)
    if a and b and a != b:
        la, lb = len("".join(a.split())), len("".join(b.split()))
        # Matched n-grams of any order are at most the matched characters (each n-gram
        # is counted under its first character): texts in two scripts share almost none.
        shared = _shared_characters(a, b)
        prec = rec = 0.0
        orders = 0
        for n in range(_CHAR_ORDER):
            h, r = la - n, lb - n
            if h > 0 and r > 0:
                most = min(h, r, shared)
                prec += most / h
                rec += most / r
                orders += 1
        if orders:
            prec, rec = prec / orders, rec / orders
            factor = _BETA ** 2
            bound = 100 * (1 + factor) * prec * rec / (factor * prec + rec) if prec + rec else 0.0
            if bound < threshold - 1e-6:
                return False
    return _chrf(a, b) >= threshold


def _shared_characters(a: str, b: str) -> int:
    first, second = _characters(a), _characters(b)
    if len(first) > len(second):
        first, second = second, first
    return sum(min(n, second.get(ch, 0)) for ch, n in first.items())


@lru_cache(maxsize=4096)
def _characters(text: str) -> dict[str, int]:
    from collections import Counter

    return Counter("".join(text.split()))


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


# A sentence ends at a full stop, question or exclamation mark (and the quotation marks
# or brackets closing after it) before a space, or at a full-width one.
_SENTENCE_END = re.compile(
    r"(?<=[.!?؟।])[\"'”»’)\]]*\s+(?=\S)|(?<=[。！？])[」』”）]*(?![」』”）])\s*(?=\S)"
)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]
