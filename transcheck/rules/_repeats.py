"""Runs of segments that repeat earlier ones of the same document, found in linear
time: the search behind duplicate-block (TC101), shared with ``transcheck fix``."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from transcheck.model import Document
from transcheck.text import chrf_at_least, letters, normalise

_SHINGLE = 7
_SKETCH = 12
_MIN_NEAR_CHARS = 24
# Bounds on the work per segment (see ``matches``); ordinary documents never reach them.
_MAX_CANDIDATES = 8
_MAX_BUCKET = 64


@dataclass(frozen=True)
class Repeat:
    """Segments ``copy_start..copy_end`` (indices, inclusive) repeat ``orig_start..``."""

    orig_start: int
    orig_end: int
    copy_start: int
    copy_end: int


def _sketch(text: str) -> frozenset[int]:
    """Bottom-k sketch of the character shingles: similar texts share most entries."""
    grams = {zlib.crc32(text[i : i + _SHINGLE].encode()) for i in range(len(text) - _SHINGLE + 1)}
    return frozenset(sorted(grams)[:_SKETCH])


def matches(texts: list[str], min_chrf: float) -> dict[int, set[int]]:
    """For each segment index, the earlier indices it repeats.

    The work per segment is bounded, so templated text (hundreds of lines that differ
    by one number) costs linear time instead of a chrF for every pair: an exact repeat
    keeps its first and its latest earlier copies, and chrF runs only on the few
    earlier segments that share the most sketch entries with it, read from the latest
    entries of each sketch bucket.
    """
    earlier: dict[int, set[int]] = {}
    exact: dict[str, list[int]] = {}
    for j, text in enumerate(texts):
        seen = exact.setdefault(text, [])
        if seen:
            earlier.setdefault(j, set()).update(seen[:_MAX_CANDIDATES], seen[-_MAX_CANDIDATES:])
        seen.append(j)

    index: dict[int, list[int]] = {}
    for j, text in enumerate(texts):
        if len(text) < _MIN_NEAR_CHARS:
            continue
        sketch = _sketch(text)
        counts: dict[int, int] = {}
        for h in sketch:
            bucket = index.setdefault(h, [])
            for i in bucket[-_MAX_BUCKET:]:
                counts[i] = counts.get(i, 0) + 1
            bucket.append(j)
        already = earlier.get(j, ())
        candidates = sorted(
            (i for i, shared in counts.items() if shared >= 3 and i not in already and texts[i] != text),
            key=lambda i: (-counts[i], -i),
        )
        numbers = re.findall(r"\d+", text)  # other numbers, other content: "Article 36", "Article 39"
        for i in candidates[:_MAX_CANDIDATES]:
            if numbers != re.findall(r"\d+", texts[i]):
                continue
            # Alike both ways: chrF weighs recall, so a sentence that merely contains an
            # earlier heading ("Optional dependencies of Pydantic:" after "Optional
            # dependencies") scores high one way only; a repeat scores high both ways.
            if chrf_at_least(text, texts[i], min_chrf) and chrf_at_least(texts[i], text, min_chrf):
                earlier.setdefault(j, set()).add(i)
    return earlier


def segment_texts(doc: Document) -> list[str]:
    # An image's alt text names what the heading beside it names, and an entry of a
    # table of contents (a link into the page) names the heading it leads to: no repeat.
    return [f"\0{s.index}" if s.images or _contents_entry(s) else normalise(" ".join((s.text, *s.code)))
            for s in doc.segments]


def _contents_entry(segment) -> bool:
    return bool(segment.urls) and all(u.startswith("#") for u in segment.urls) and segment.level == 0


def find_repeats(doc: Document, min_chrf: float, min_letters: int) -> list[Repeat]:
    """The repeated runs of ``doc``, in document order. Shared with ``transcheck fix``."""
    texts = segment_texts(doc)
    earlier = matches(texts, min_chrf)

    def matched(i: int, j: int) -> bool:
        # Equal texts are a repeat even where ``matches`` kept other earlier copies of
        # a line the page repeats often (a recurring "Explanation:" heading).
        return i in earlier.get(j, ()) or texts[i] == texts[j]

    runs: list[Repeat] = []
    j = 0
    n = len(texts)
    while j < n:
        best: Repeat | None = None
        for i in sorted(earlier.get(j, ())):
            k = 1
            while j + k < n and i + k < j and matched(i + k, j + k):
                k += 1
            if best is None or k > best.copy_end - best.copy_start + 1:
                best = Repeat(i, i + k - 1, j, j + k - 1)
        if best is None:
            j += 1
            continue
        runs.append(best)
        j = best.copy_end + 1

    joined: list[Repeat] = []
    for run in runs:
        prev = joined[-1] if joined else None
        if (prev and run.copy_start - prev.copy_start == run.orig_start - prev.orig_start
                and run.copy_start - prev.copy_end <= 2
                and run.orig_end < prev.copy_start):  # the copy follows the original whole
            joined[-1] = Repeat(prev.orig_start, run.orig_end, prev.copy_start, run.copy_end)
        else:
            joined.append(run)

    def substantial(run: Repeat) -> bool:
        segs = doc.segments[run.copy_start : run.copy_end + 1]
        return sum(letters(s.text) for s in segs if s.is_prose) >= min_letters

    return [run for run in joined if substantial(run)]
