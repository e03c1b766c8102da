"""Multi-way alignment of the documents of a group, paragraph by paragraph.

Progressive alignment, as in multiple sequence alignment: the first document (the
source when given, else the one with the most segments) becomes a profile of rows;
each further document is aligned to that profile with a banded dynamic programme that
allows 1-1, 1-0, 0-1, 2-1 and 1-2 links, and its segments are written into the rows.

Pairs are scored on what survives translation: length (relative to the length ratio of
the two languages in these very documents) and shared anchors (numbers, Latin names and
acronyms, file names, ? and quotes). Identical normalised text matches outright.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from transcheck.align.anchors import anchors
from transcheck.langid.script import scripts_of
from transcheck.model import Document, Row
from transcheck.text import normalise

SKIP = 0.62  # cost of leaving a row or a segment unmatched
# Extra cost of a 2-1 or 1-2 link over a 1-1 link. Set just above SKIP, so a merge wins
# only when it fits clearly better than a 1-1 link plus a skip: a genuine split changes
# the length match a lot, a short heading next to a paragraph hardly at all.
MERGE = SKIP + 0.05
# A 2-1 link is a sentence split in two: both parts carry real weight. Without this a
# short line next to a paragraph (a heading, a caption) is absorbed into it instead of
# being reported missing, since it barely changes the paragraph's length.
MIN_PART = 0.2
INF = float("inf")


@dataclass(frozen=True)
class _Unit:
    """Alignment features of one segment, or of several merged."""

    length: int
    anchors: Counter
    text: str  # normalised; "" for merged units (no exact-match shortcut)
    prose: bool

    def merge(self, other: _Unit) -> _Unit | None:
        """The two as one unit; None when they cannot be one translation unit."""
        if not (self.prose and other.prose):
            return None
        if min(self.length, other.length) < MIN_PART * (self.length + other.length):
            return None
        return _Unit(self.length + other.length, self.anchors + other.anchors, "", True)

    def join(self, other: _Unit) -> _Unit:
        """Unconditional union, for a row that earlier links already merged."""
        return _Unit(self.length + other.length, self.anchors + other.anchors, "",
                     self.prose or other.prose)


def _units(doc: Document) -> list[_Unit]:
    latin = "Latin" in scripts_of(doc.language)
    return [
        _Unit(max(1, len(s.text)), anchors(s.text, latin), normalise(s.text), s.is_prose)
        for s in doc.segments
    ]


def _similarity(a: _Unit, b: _Unit, ratio: float) -> float:
    """0..1: how likely ``b`` translates ``a``, given the length ratio b/a of the languages."""
    if a.text and a.text == b.text:
        return 1.0
    if a.prose != b.prose:
        return 0.05
    expected = ratio * a.length
    length_sim = math.exp(-2.0 * abs(math.log((b.length + 12) / (expected + 12))))
    if a.anchors or b.anchors:
        shared = sum((a.anchors & b.anchors).values())
        total = sum(a.anchors.values()) + sum(b.anchors.values())
        anchor_sim = 2 * shared / total
        return 0.55 * length_sim + 0.45 * anchor_sim
    return 0.55 * length_sim + 0.45 * 0.5


def align(documents: list[Document], source: str | None = None) -> list[Row]:
    """Rows of segment indices, one cell per language, in document order."""
    if not documents:
        return []
    order = sorted(
        documents,
        key=lambda d: (d.language != source, -len(d.segments), d.language),
    )
    units = {d.language: _units(d) for d in documents}
    totals = {lang: sum(u.length for u in us) or 1 for lang, us in units.items()}
    languages = [d.language for d in documents]

    first = order[0].language
    rows: list[dict[str, tuple[int, ...]]] = [{first: (i,)} for i in range(len(units[first]))]
    for doc in order[1:]:
        rows = _align_to_profile(rows, doc.language, units, totals)
    return [Row({lang: tuple(row.get(lang, ())) for lang in sorted(languages)}) for row in rows]


def _row_units(row: dict[str, tuple[int, ...]], units: dict[str, list[_Unit]]) -> dict[str, _Unit]:
    out = {}
    for lang, idx in row.items():
        if idx:
            unit = units[lang][idx[0]]
            for i in idx[1:]:
                unit = unit.join(units[lang][i])
            out[lang] = unit
    return out


def _score(row_units: dict[str, _Unit], b: _Unit, lang: str, totals: dict[str, int]) -> float:
    if not row_units:
        return 0.0
    sims = [_similarity(a, b, totals[lang] / totals[other]) for other, a in row_units.items()]
    return sum(sims) / len(sims)


def _align_to_profile(rows, lang, units, totals):
    segs = units[lang]
    n, m = len(rows), len(segs)
    row_units = [_row_units(r, units) for r in rows]
    # Band around the diagonal, wide enough for every length difference to be absorbed.
    width = abs(n - m) + max(12, (max(n, m) + 9) // 10)

    def in_band(i: int, j: int) -> bool:
        centre = i * m / n if n else 0
        return abs(j - centre) <= width

    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0

    pair_cache: dict[tuple[int, int, int, int], float] = {}

    def link(i0, i1, j0, j1) -> float:
        """Cost of linking rows[i0:i1] with segs[j0:j1]."""
        key = (i0, i1, j0, j1)
        if key not in pair_cache:
            merged_row: dict[str, _Unit] = {}
            for ru in row_units[i0:i1]:
                for other, unit in ru.items():
                    if other in merged_row:
                        unit = merged_row[other].merge(unit)
                        if unit is None:
                            pair_cache[key] = INF
                            return INF
                    merged_row[other] = unit
            b = segs[j0]
            for extra in segs[j0 + 1 : j1]:
                b = b.merge(extra)
                if b is None:
                    pair_cache[key] = INF
                    return INF
            sim = _score(merged_row, b, lang, totals)
            pair_cache[key] = (1.0 - sim) + (MERGE if (i1 - i0) + (j1 - j0) > 2 else 0.0)
        return pair_cache[key]

    for i in range(n + 1):
        for j in range(m + 1):
            if (i == 0 and j == 0) or not in_band(i, j):
                continue
            best, arg = INF, None
            if i and j and cost[i - 1][j - 1] < INF:
                c = cost[i - 1][j - 1] + link(i - 1, i, j - 1, j)
                if c < best:
                    best, arg = c, (i - 1, j - 1)
            if i and cost[i - 1][j] + SKIP < best:
                best, arg = cost[i - 1][j] + SKIP, (i - 1, j)
            if j and cost[i][j - 1] + SKIP < best:
                best, arg = cost[i][j - 1] + SKIP, (i, j - 1)
            if i >= 2 and j and cost[i - 2][j - 1] < INF:
                c = cost[i - 2][j - 1] + link(i - 2, i, j - 1, j)
                if c < best:
                    best, arg = c, (i - 2, j - 1)
            if i and j >= 2 and cost[i - 1][j - 2] < INF:
                c = cost[i - 1][j - 2] + link(i - 1, i, j - 2, j)
                if c < best:
                    best, arg = c, (i - 1, j - 2)
            cost[i][j], back[i][j] = best, arg

    path = []
    i, j = n, m
    while (i, j) != (0, 0):
        prev = back[i][j]
        assert prev is not None, "the band always contains a path to the origin"
        path.append((prev, (i, j)))
        i, j = prev
    path.reverse()

    out: list[dict[str, tuple[int, ...]]] = []
    for (i0, j0), (i1, j1) in path:
        seg_idx = tuple(range(j0, j1))
        if i1 == i0:  # a segment no row has: a new row of its own
            out.append({lang: seg_idx})
            continue
        merged: dict[str, tuple[int, ...]] = {}
        for r in rows[i0:i1]:
            for other, idx in r.items():
                merged[other] = merged.get(other, ()) + idx
        if seg_idx:
            merged[lang] = seg_idx
        out.append(merged)
    return out
