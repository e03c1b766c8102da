"""A block of segments that repeats earlier content of the same document.

What it catches:
    Consecutive segments that repeat, exactly or nearly (chrF at or above the
    ``duplicate_min_chrf`` threshold both ways, on normalised text: a sentence that
    merely contains an earlier heading is no repeat), an earlier run of segments
    of the same document. The whole repeated run is one finding, on the later copy,
    with the first copy as the related location; runs broken by one edited segment
    are joined.

    Severity and precision: an error (a repeat of at least ``duplicate_min_letters``
    letters is the evidence). On the WMT24++ dev corpus (``bench/realtext.py``, reviewed
    in ``bench/reviewed/TC101.tsv``) its one finding is true in both modes (1/1), and
    planted duplicated paragraphs are found in all 15 languages.

Why it matters:
    Pasting an article body twice, or a translation memory inserting a paragraph
    again, is a common export error, and a reader sees it at once.

Example:
    An article whose body (lines 6-24) appears again at lines 26-44 gives one finding:
    "lines 26-44 repeat lines 6-24 (10 segments)".

What it does not catch:
    Keyed resources: one value under several keys ("Cancel") is a resource's normal
    state; a value pasted under the wrong key is TC102.
    Short lines that legitimately recur on their own (a one-word heading, a button
    label): a repeat must hold at least ``duplicate_min_letters`` letters. Repetition
    across different documents of a group is expected (names, file names) and is
    never reported here. With ``--source``, a block whose source text repeats too
    (alike, chrF 60 or more) is faithful, not reported. In templated text (many lines alike), a near repeat is looked
    for among the eight most similar earlier segments only, to keep the check linear.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from transcheck.model import Category, Document, Location, Severity
from transcheck.rules.base import GroupView, Rule, options_from
from transcheck.text import chrf, chrf_at_least, letters, normalise

_SHINGLE = 7
_SKETCH = 12
_MIN_NEAR_CHARS = 24
# Bounds on the work per segment (see _matches); ordinary documents never reach them.
_MAX_CANDIDATES = 8
_MAX_BUCKET = 64
# Source sentences this alike, rendered alike, are a faithful repeat: unrelated English
# sentences score about 20-35, a sentence and its reworded repeat 60 and more.
_SOURCE_ALIKE = 60.0


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


def _matches(texts: list[str], min_chrf: float) -> dict[int, set[int]]:
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
        for i in candidates[:_MAX_CANDIDATES]:
            # Alike both ways: chrF weighs recall, so a sentence that merely contains an
            # earlier heading ("Optional dependencies of Pydantic:" after "Optional
            # dependencies") scores high one way only; a repeat scores high both ways.
            if chrf_at_least(text, texts[i], min_chrf) and chrf_at_least(texts[i], text, min_chrf):
                earlier.setdefault(j, set()).add(i)
    return earlier


def find_repeats(doc: Document, min_chrf: float, min_letters: int) -> list[Repeat]:
    """The repeated runs of ``doc``, in document order. Shared with ``transcheck fix``."""
    texts = [normalise(" ".join((s.text, *s.code))) for s in doc.segments]
    earlier = _matches(texts, min_chrf)

    def matched(i: int, j: int) -> bool:
        return i in earlier.get(j, ())

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
        if (
            prev
            and run.copy_start - prev.copy_start == run.orig_start - prev.orig_start
            and run.copy_start - prev.copy_end <= 2
        ):
            joined[-1] = Repeat(prev.orig_start, run.orig_end, prev.copy_start, run.copy_end)
        else:
            joined.append(run)

    def substantial(run: Repeat) -> bool:
        segs = doc.segments[run.copy_start : run.copy_end + 1]
        return sum(letters(s.text) for s in segs if s.is_prose) >= min_letters

    return [run for run in joined if substantial(run)]


@dataclass(frozen=True)
class Options:
    duplicate_min_chrf: float
    duplicate_min_letters: int


def check(view: GroupView, options: Options):
    if view.keyed:
        return  # "Cancel" under two keys is a resource's normal state, not a repeat
    t = options
    for doc in view.documents.values():
        for run in find_repeats(doc, t.duplicate_min_chrf, t.duplicate_min_letters):
            if _mirrors_source(view, doc, run, t.duplicate_min_chrf):
                continue  # the source repeats it too: the translation is faithful
            segs = doc.segments
            first, last = segs[run.copy_start], segs[run.copy_end]
            o_first, o_last = segs[run.orig_start], segs[run.orig_end]
            count = run.copy_end - run.copy_start + 1
            span = _span(first.line, last.end_line)
            orig = _span(o_first.line, o_last.end_line)
            noun = "segment" if count == 1 else "segments"
            yield RULE.finding(
                doc,
                first.line,
                last.end_line,
                f"{span} repeat{'s' if count == 1 else ''} {orig} ({count} {noun})",
                related=[Location(doc.path, o_first.line, o_last.end_line)],
                key="\n".join(normalise(s.text) for s in segs[run.copy_start : run.copy_end + 1]),
            )


def _mirrors_source(view: GroupView, doc: Document, run: Repeat, min_chrf: float) -> bool:
    """Whether the source repeats this too: each segment of the copy that repeats its
    original (a run may hold one edited segment) is aligned with source text alike to
    the original's (chrF at least ``_SOURCE_ALIKE``), so the translation renders two
    similar source sentences the same way. Segments the source has no text for in
    either place (admonition titles it leaves to the default) do not decide."""
    if view.source is None or doc.language == view.source:
        return False
    rows, segs = view.rows, doc.segments
    alike = False
    for k in range(run.copy_end - run.copy_start + 1):
        i, j = run.orig_start + k, run.copy_start + k
        if chrf(normalise(segs[i].text), normalise(segs[j].text)) < min_chrf:
            continue  # the edited segment inside the run
        ri, rj = view.row_of.get((doc.language, i)), view.row_of.get((doc.language, j))
        if ri is None or rj is None or ri == rj:
            return False
        # All of a cell's text: a repeat of includes or code mirrors the source's too.
        a = normalise(view.cell_text(rows[ri], view.source, quote=True))
        b = normalise(view.cell_text(rows[rj], view.source, quote=True))
        if not a and not b:
            continue  # text the source lacks in both places (a translated default title)
        if not a or not b or chrf(a, b) < _SOURCE_ALIKE:
            return False
        alike = True
    return alike


def _span(a: int, b: int) -> str:
    return f"line {a}" if a == b else f"lines {a}-{b}"


RULE = Rule(
    code="TC101",
    name="duplicate-block",
    category=Category.DUPLICATION,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
    options=options_from(Options),
)
