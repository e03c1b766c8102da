"""Multi-way alignment of the documents of a group, paragraph by paragraph.

Progressive alignment, as in multiple sequence alignment: the first document (the
source when given, else the one with the most segments) becomes a profile of rows;
each further document is aligned to that profile with a banded dynamic programme that
allows 1-1, 1-0, 0-1, 2-1 and 1-2 links, and its segments are written into the rows.

Pairs are scored on what survives translation: length (relative to the length ratio of
the two languages in these very documents) and shared anchors (numbers, Latin names and
acronyms, file names, ? and quotes). Identical normalised text matches outright.

With the optional embeddings (``--embeddings``), the score also weighs meaning: the
cosine of the two segments' multilingual sentence embeddings, measured against the
median cosine of unrelated segment pairs of the same two documents. A paragraph moved
elsewhere then no longer resembles the paragraphs around its old place, so it is left
unmatched (reported missing and extra) instead of pulling its neighbours out of line.

Time and memory are linear in the number of segments: the band is a tenth of the
document either side of the diagonal, but at most BAND (48) cells plus the slope, and
it is doubled, up to MAX_BAND (384), only while the best path runs along its edge.
Documents that differ by more than that in one place are aligned as well as the band
allows: with 500 paragraphs missing at one place of 3,000, 484 rows are reported
missing and 16 are paired with a neighbour instead (200 missing: all 200 found).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from transcheck.align.anchors import anchors
from transcheck.align.band import BAND, MAX_BAND, fill, on_edge, trace
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
LEXICAL = 0.05
RATIO_PRIOR = 500  # characters; see _align_to_profile


@dataclass(frozen=True, slots=True)  # slots: two per segment of a group
class _Unit:
    """Alignment features of one segment, or of several merged."""

    length: int
    anchors: Counter
    text: str  # normalised; "" for merged units (no exact-match shortcut)
    prose: bool
    # Sum of the unit vectors of its segments' embeddings; None without embeddings.
    vector: object = field(default=None, compare=False, repr=False)
    # Beginnings of its longer Latin words (portal, Portal, portail: "port"): cognates
    # and names that tell two same-sized paragraphs without anchors apart.
    words: frozenset = field(default=frozenset(), compare=False, repr=False)
    # The number of anchors, counted once here rather than in every comparison.
    weight: int = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "weight", sum(self.anchors.values()))

    def merge(self, other: _Unit) -> _Unit | None:
        """The two as one unit; None when they cannot be one translation unit."""
        if not (self.prose and other.prose):
            return None
        if min(self.length, other.length) < MIN_PART * (self.length + other.length):
            return None
        return _Unit(self.length + other.length, self.anchors + other.anchors, "", True,
                     _add(self.vector, other.vector), self.words | other.words)

    def join(self, other: _Unit) -> _Unit:
        """Unconditional union, for a row that earlier links already merged."""
        return _Unit(self.length + other.length, self.anchors + other.anchors, "",
                     self.prose or other.prose, _add(self.vector, other.vector),
                     self.words | other.words)


def _add(a, b):
    return None if a is None or b is None else a + b


# Weight of meaning in a pair's score. Cosines are read on the scale of the two
# documents themselves: 0 at the median of all their segment pairs (unrelated text on
# the same topic), 1 at the median of each segment's best match (a translation).
MEANING_WEIGHT = 0.6
MIN_SPAN = 0.02


def _units(doc: Document, vectors=None) -> list[_Unit]:
    latin = "Latin" in scripts_of(doc.language)
    return [
        # Inline code is not text to judge, but it survives translation: an anchor.
        _Unit(max(1, len(s.text)), anchors(" ".join((s.text, *s.code)) if s.code else s.text, latin),
              normalise(s.text), s.is_prose,
              None if vectors is None else vectors[i],
              _word_starts(s.text) if latin else frozenset())
        for i, s in enumerate(doc.segments)
    ]


_LONG_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{5,}")


def _word_starts(text: str) -> frozenset:
    return frozenset(w[:4].casefold() for w in _LONG_WORD.findall(text))


def _similarity(a: _Unit, b: _Unit, ratio: float,
                scale: tuple[float, float] | None = None) -> float:
    """0..1: how likely ``b`` translates ``a``, given the length ratio b/a of the languages
    and, with embeddings, the two documents' cosine ``scale`` (unrelated, translation)."""
    surface = _surface(a, b, ratio)
    if scale is None or a.vector is None or b.vector is None or surface == 1.0:
        return surface
    if not (a.prose and b.prose):
        return surface
    low, high = scale
    cosine = _cosine(a.vector, b.vector)
    meaning = min(1.0, max(0.0, (cosine - low) / max(MIN_SPAN, high - low)))
    return (1 - MEANING_WEIGHT) * surface + MEANING_WEIGHT * meaning


def _cosine(a, b) -> float:
    import numpy as np

    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0


def _surface(a: _Unit, b: _Unit, ratio: float) -> float:
    """The score from length and anchors alone (the default, embedding-free path)."""
    if a.text and a.text == b.text:
        return 1.0
    if a.prose != b.prose:
        return 0.05
    expected = ratio * a.length
    length_sim = math.exp(-2.0 * abs(math.log((b.length + 12) / (expected + 12))))
    if a.weight or b.weight:
        # The size of the multiset intersection (Counter's "&"), without building it:
        # this runs for every cell of every alignment, and the key views intersect in C.
        first, second = a.anchors, b.anchors
        shared = 0
        for key in first.keys() & second.keys():
            x, y = first[key], second[key]
            shared += x if x < y else y
        anchor_sim = 2 * shared / (a.weight + b.weight)
        return 0.55 * length_sim + 0.45 * anchor_sim + _lexical(a, b)
    return 0.55 * length_sim + 0.45 * 0.5 + _lexical(a, b)


def _lexical(a: _Unit, b: _Unit) -> float:
    """A small bonus for word beginnings two Latin-script units share: enough to break a
    tie between two paragraphs of a size, too small to outweigh length or anchors."""
    if not (a.words and b.words):
        return 0.0
    return LEXICAL * len(a.words & b.words) / min(len(a.words), len(b.words))


def _embedded_units(documents: list[Document]):
    """Units with sentence vectors, and each language pair's cosine scale (see
    MEANING_WEIGHT); None when the embeddings extra is not installed."""
    from transcheck import embeddings

    matrix = embeddings.embed([s.text for d in documents for s in d.segments])
    if matrix is None:
        return None
    import numpy as np

    units, prose, start = {}, {}, 0
    for d in documents:
        block = matrix[start : start + len(d.segments)]
        start += len(d.segments)
        units[d.language] = _units(d, block)
        prose[d.language] = block[[i for i, s in enumerate(d.segments) if s.is_prose]]
    scales = {}
    for a in prose:
        for b in prose:
            if a < b and len(prose[a]) and len(prose[b]):
                cos = prose[a] @ prose[b].T
                best = np.concatenate([cos.max(axis=1), cos.max(axis=0)])
                scales[(a, b)] = scales[(b, a)] = (float(np.median(cos)), float(np.median(best)))
    return units, scales


def align(documents: list[Document], source: str | None = None,
          embeddings: bool = False) -> list[Row]:
    """Rows of segment indices, one cell per language, in document order.

    ``embeddings`` adds sentence meaning to the pair score when the extra is installed;
    otherwise alignment uses the surface features alone.
    """
    if not documents:
        return []
    # The profile grows from its first document, so without a source the first is the
    # most typical one: a document with the commonest number of segments. One with an
    # inserted paragraph (the longest) or a lost one would shape every row otherwise.
    counts = Counter(len(d.segments) for d in documents)
    typical = max(counts, key=lambda n: (counts[n], n))
    order = sorted(
        documents,
        key=lambda d: (d.language != source, abs(len(d.segments) - typical), -len(d.segments),
                       d.language),
    )
    embedded = _embedded_units(documents) if embeddings else None
    if embedded is None:
        units, unrelated = {d.language: _units(d) for d in documents}, {}
    else:
        units, unrelated = embedded
    totals = {lang: sum(u.length for u in us) or 1 for lang, us in units.items()}
    languages = [d.language for d in documents]

    first = order[0].language
    rows: list[dict[str, tuple[int, ...]]] = [{first: (i,)} for i in range(len(units[first]))]
    for doc in order[1:]:
        rows = _align_to_profile(rows, doc.language, units, totals, unrelated)
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


def _score(row_units: dict[str, _Unit], b: _Unit, ratios: dict[str, float],
           scales: dict[str, tuple[float, float]] | None = None) -> float:
    if not row_units:
        return 0.0
    if scales:
        sims = [_similarity(a, b, ratios[other], scales.get(other))
                for other, a in row_units.items()]
    else:
        sims = [_surface(a, b, ratios[other]) for other, a in row_units.items()]
    return sum(sims) / len(sims)


def _merge_rows(first: dict[str, _Unit], second: dict[str, _Unit]) -> dict[str, _Unit] | None:
    """Two rows as one (for a 2-1 link); None when some language cannot merge."""
    merged = dict(first)
    for other, unit in second.items():
        if other in merged:
            unit = merged[other].merge(unit)
            if unit is None:
                return None
        merged[other] = unit
    return merged


def _align_to_profile(rows, lang, units, totals, unrelated=None):
    segs = units[lang]
    n, m = len(rows), len(segs)
    row_units = [_row_units(r, units) for r in rows]
    # Band around the diagonal, wide enough for every length difference to be absorbed.
    full = abs(n - m) + max(12, (max(n, m) + 9) // 10)
    # ... but that is a tenth of the document: beyond BAND cells either side (plus the
    # diagonal's slope, so that the band stays connected), start narrow and widen only
    # while the best path runs along the band's edge, up to MAX_BAND.
    slope = -(-m // n) if n else m
    width = min(full, BAND + slope)
    limit = min(full, MAX_BAND + slope)

    # The languages' length ratio as these documents show it, pulled towards 1 by a few
    # paragraphs' worth of characters: in a short document one missing sentence would
    # otherwise set the ratio, and the remaining sentences would be merged to fit it.
    ratios = {other: (totals[lang] + RATIO_PRIOR) / (totals[other] + RATIO_PRIOR) for other in totals}
    # With embeddings: per language already in the profile, its cosine scale.
    meaning = {o: c for (o, l), c in (unrelated or {}).items() if l == lang} or None
    # What a 2-1 link at row i or a 1-2 link at segment j would join: built once per
    # row and per segment (not per cell) as the band reaches it, and not kept after.

    def row_scorer(i: int):
        return _scorer(row_units[i], ratios, meaning)

    def pair_scorer(i: int):
        merged = _merge_rows(row_units[i - 1], row_units[i])
        return None if merged is None else _scorer(merged, ratios, meaning)

    def seg_pair(j: int):
        return segs[j - 1].merge(segs[j])

    scorers = row_scorer, pair_scorer, seg_pair

    while True:
        lows, back = fill(n, m, width, segs, scorers, SKIP, MERGE)
        path = trace(n, m, lows, back)
        if width >= limit or not on_edge(path, lows, back, m):
            break
        width = min(limit, 2 * width)

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


def _scorer(row: dict[str, _Unit], ratios, meaning):
    """A function of a unit giving 1 - the row's score; a row of one language (every
    row in a two-language group) goes straight to the pair score, as _score would: the
    mean of one value is that value."""
    if len(row) == 1 and not meaning:
        (other, a), = row.items()
        return lambda b, a=a, r=ratios[other]: 1.0 - _surface(a, b, r)
    return lambda b: 1.0 - _score(row, b, ratios, meaning)
