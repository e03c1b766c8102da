"""Multi-way alignment of the documents of a group, paragraph by paragraph.

With a source, each translation is aligned to the source alone and the pairs are laid
side by side (``pairs``). Without one, progressive alignment, as in multiple sequence
alignment: the document with the most typical number of segments becomes a profile of
rows; each further document is aligned to that profile and its segments are written
into the rows. A row is compared through at most ``REFS`` of its cells (the
first documents aligned), so a document costs the same whatever the number of
languages before it: time grows with segments times languages.

Each document is aligned to the profile in three steps (``units`` scores a pair):

1. Pins (``pins``): link targets, inline code, heading ids, file names, names and
   numbers that occur once or twice in each place tie a segment to a row wherever the
   two are. The heaviest chain of pins in document order is the backbone; pins off it
   in runs are blocks the translation moved, aligned to their rows where they are.
2. The rest is aligned by a banded dynamic programme (``band``) that allows 1-1, 1-0,
   0-1, 2-1 and 1-2 links; the band follows the backbone, so a long document with a
   large gap in one place stays aligned on both sides of it. The band is BAND cells
   either side of the backbone's line, doubled, up to MAX_BAND, only while the best
   path runs along its edge.
3. A segment left without a row that repeats a neighbour of its own document is a
   repeat (duplicate-block reports it), not an extra segment.

``confidence`` then says how sure each cell of the result is; rules compare only the
cells aligned with confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from transcheck.align import confidence
from transcheck.align.band import BAND, MAX_BAND, bounds, fill, on_edge, same_shape_diagonal, trace
from transcheck.align.moves import rejoin
from transcheck.align.pairs import by_source
from transcheck.align.pins import find_pins, heading_cuts, headed, in_order, keys, moved_blocks, twin
from transcheck.align.contents import fragment_targets
from transcheck.align.units import (Unit, codes, embedded_units, lone_labels, similarity, surface, units,
                                    unrelated)
from transcheck.model import Document, Row

SKIP = 0.62  # cost of leaving a row or a segment unmatched
# Extra cost of a 2-1 or 1-2 link over a 1-1 link. Set just above SKIP, so a merge wins
# only when it fits clearly better than a 1-1 link plus a skip: a genuine split changes
# the length match a lot, a short heading next to a paragraph hardly at all.
MERGE = SKIP + 0.05
RATIO_PRIOR = 500  # characters; see _Aligner.ratios
# A pair that cannot be a translation (units.unrelated) costs this much more than 1 -
# its score: more than leaving both alone (2 * SKIP), so unrelated paragraphs side by
# side are not linked.
UNRELATED_COST = 1.0
REFS = 4  # cells of a row a new segment is compared with
REPEAT_REACH = 2  # a repeat is this close to the segment it repeats


def align(documents: list[Document], source: str | None = None, embeddings: bool = False,
          progress: Callable[[str, int, int], None] | None = None) -> list[Row]:
    """Rows of segment indices, one cell per language, with each cell's confidence.

    Rows follow the first document's order; a block another document moved has its
    cell there, out of that document's order. ``embeddings`` adds sentence meaning to
    the pair score when the extra is installed. ``progress(what, done, total)`` is told
    of each document aligned.
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
    embedded = embedded_units(documents) if embeddings else None
    if embedded is None:
        languages, lone = codes(documents), lone_labels(documents)
        found, unrelated = {d.language: units(d, None, languages, lone) for d in documents}, {}
    else:
        found, unrelated = embedded
    aligner = _Aligner(found, [d.language for d in order], unrelated)
    aligner.source = source if source in found else None
    aligner.targets = {d.language: fragment_targets(d) for d in documents}
    first = order[0].language
    rows: list[dict[str, tuple[int, ...]]] = [{first: (i,)} for i in range(len(found[first]))]
    if aligner.source is not None:
        rows = by_source(aligner, rows, order, progress)
    else:
        for done, doc in enumerate(order[1:], start=1):
            rows = aligner.add(rows, doc.language)
            if progress is not None:
                progress(f"{doc.group}: aligned {doc.path}", done, len(order) - 1)
    languages = sorted(d.language for d in documents)
    texts = {lang: [u.text for u in us] for lang, us in found.items()}  # normalised once, in units
    sure = confidence.of_rows(rows, aligner, texts, source if source in found else None)
    return [Row({lang: tuple(row.get(lang, ())) for lang in languages},
                {lang: sure[r][lang] for lang in languages if lang in sure[r]})
            for r, row in enumerate(rows)]


class _Aligner:
    """The documents' units and what the alignment learnt on the way: the pins (cells
    that distinctive anchors placed) and each language's repeats."""

    def __init__(self, found: dict[str, list[Unit]], order: list[str], unrelated):
        self.units = found
        self.order = order
        self.unrelated = unrelated or {}
        self.totals = {lang: sum(u.length for u in us) or 1 for lang, us in found.items()}
        self._ratios: dict[str, dict[str, float]] = {}  # per language: ratios() is asked per pair
        self.keys = {lang: [keys(u) for u in us] for lang, us in found.items()}
        self.pinned: set[tuple[str, int]] = set()  # (language, segment) placed by a pin
        self.repeats: dict[tuple[str, int], int] = {}  # (language, repeat) -> its original
        self.seen = 1  # documents aligned so far
        self.source: str | None = None
        # Per language, the headings each segment links to within its own document.
        self.targets: dict[str, dict[int, tuple[int, ...]]] = {}

    def expected(self, row: dict[str, tuple[int, ...]]) -> bool:
        """Whether every document should have the row: the source has it, or (without
        one) more than half the documents aligned so far do."""
        if self.source is not None:
            return bool(row.get(self.source))
        return 2 * sum(1 for idx in row.values() if idx) > self.seen

    def ratios(self, lang: str) -> dict[str, float]:
        # The languages' length ratio as these documents show it, pulled towards 1 by a
        # few paragraphs' worth of characters: in a short document one missing sentence
        # would otherwise set the ratio, and the remaining sentences would be merged to fit.
        found = self._ratios.get(lang)
        if found is None:
            t = self.totals
            found = self._ratios[lang] = {o: (t[lang] + RATIO_PRIOR) / (t[o] + RATIO_PRIOR) for o in t}
        return found

    def refs(self, row: dict[str, tuple[int, ...]]) -> dict[str, Unit]:
        """The row's reference cells: its first REFS languages in alignment order."""
        out = {}
        for lang in self.order:
            idx = row.get(lang)
            if idx:
                unit = self.units[lang][idx[0]]
                for i in idx[1:]:
                    unit = unit.join(self.units[lang][i])
                out[lang] = unit
                if len(out) == REFS:
                    break
        return out

    def scorer(self, row: dict[str, Unit], lang: str):
        """A function of a unit giving 1 - its score against the row's cells."""
        ratios = self.ratios(lang)
        meaning = {o: c for (o, l), c in self.unrelated.items() if l == lang} or None
        return _scorer(row, ratios, meaning)

    def score(self, row: dict[str, Unit], unit: Unit, lang: str) -> float:
        if not row:
            return 0.0
        ratios = self.ratios(lang)
        meaning = {o: c for (o, l), c in self.unrelated.items() if l == lang} or None
        return _score(row, unit, ratios, meaning)

    def add(self, rows, lang: str):
        """``rows`` with the document in ``lang`` aligned into them."""
        segs = self.units[lang]
        refs = [self.refs(r) for r in rows]
        row_keys = [[self.keys[o][r[o][0]] if len(r[o]) == 1 else frozenset().union(
            *(self.keys[o][i] for i in r[o])) for o in ref] for r, ref in zip(rows, refs)]
        pins = find_pins(row_keys, self.keys[lang])
        backbone, others = in_order(pins)
        blocks = [b for b in moved_blocks(backbone, others) if not twin(b, backbone, row_keys, self.keys[lang])]
        row_heads = [bool(ref) and all(u.shape == "heading" for u in ref.values()) for ref in refs]
        seg_heads = [u.shape == "heading" for u in segs]
        blocks = headed(blocks, backbone, row_heads, seg_heads)
        self.pinned |= {(lang, p.seg) for p in backbone}
        self.pinned |= {(lang, p.seg) for b in blocks for p in b.pins}
        moved_rows = {i for b in blocks for i in range(b.rows[0], b.rows[1] + 1)}
        moved_segs = {j for b in blocks for j in range(b.segs[0], b.segs[1] + 1)}
        kept_rows = [i for i in range(len(rows)) if i not in moved_rows]
        kept_segs = [j for j in range(len(segs)) if j not in moved_segs]
        row_at = {i: k for k, i in enumerate(kept_rows)}
        seg_at = {j: k for k, j in enumerate(kept_segs)}
        # A reliable pin cuts the alignment in two at the cell before it, and so does
        # the heading its section opens with.
        cuts = sorted([(row_at[p.row], seg_at[p.seg]) for p in backbone if p.reliable]
                      + [(row_at[i], seg_at[j]) for i, j in heading_cuts(backbone, row_heads, seg_heads,
                                                                          moved_rows, moved_segs)])
        path = self._path(kept_rows, kept_segs, refs, lang, cuts)
        placed = self._linked(rows, path, kept_rows, kept_segs, lang)
        for block in blocks:
            rows_b = list(range(block.rows[0], block.rows[1] + 1))
            segs_b = list(range(block.segs[0], block.segs[1] + 1))
            path = self._path(rows_b, segs_b, refs, lang, ())
            placed += self._linked(rows, path, rows_b, segs_b, lang, block.rows[0])
        # Sorted by place; sorting is stable, so rows of one place keep their order.
        out = [row for _, row in sorted(placed, key=lambda p: p[0])]
        self._mark_repeats(out, lang)
        out = rejoin(out, lang, self, moved_segs)
        self.seen += 1
        return out

    def _path(self, kept_rows, kept_segs, refs, lang, cuts):
        """The best path through rows ``kept_rows`` and segments ``kept_segs``, passing
        through each cut (a cell: rows before it go with segments before it)."""
        path = []
        for (i0, j0), (i1, j1) in zip([(0, 0), *cuts], [*cuts, (len(kept_rows), len(kept_segs))]):
            part = self._stretch(kept_rows[i0:i1], kept_segs[j0:j1], refs, lang)
            path += [((a + i0, b + j0), (c + i0, d + j0)) for (a, b), (c, d) in part]
        return path

    def _stretch(self, kept_rows, kept_segs, refs, lang):
        n, m = len(kept_rows), len(kept_segs)
        if not n or not m:
            return [((i, j), (i + (n > 0), j + (m > 0))) for i, j in
                    zip(range(n) if n else [0] * m, range(m) if m else [0] * n)]
        segs = [self.units[lang][j] for j in kept_segs]
        row_units = [refs[i] for i in kept_rows]
        full = abs(n - m) + max(12, (max(n, m) + 9) // 10)
        slope = -(-m // n) if n else m
        width = min(full, BAND + slope)
        limit = min(full, MAX_BAND + slope)

        def row_scorer(i: int):
            return self.scorer(row_units[i], lang)

        def pair_scorer(i: int):
            merged = _merge_rows(row_units[i - 1], row_units[i])
            return None if merged is None else self.scorer(merged, lang)

        def seg_pair(j: int):
            return segs[j - 1].merge(segs[j])

        scorers = row_scorer, pair_scorer, seg_pair
        while True:
            lows, back = fill(n, m, bounds(n, m, width), segs, scorers, SKIP, MERGE)
            path = trace(n, m, lows, back)
            if width >= limit or not on_edge(path, lows, back, m):
                return same_shape_diagonal(path, segs, row_units, scorers, SKIP, MERGE)
            width = min(limit, 2 * width)

    def _linked(self, rows, path, kept_rows, kept_segs, lang, key=-1):
        """The rows a path makes, each with its place in profile order (the first
        profile row it holds; a new row takes its predecessor's place, and stays after
        it), so that moved blocks can be put back between them."""
        out = []
        for (i0, j0), (i1, j1) in path:
            seg_idx = tuple(kept_segs[j] for j in range(j0, j1))
            if i1 == i0:  # a segment no row has: a new row of its own
                out.append((key, {lang: seg_idx}))
                continue
            merged: dict[str, tuple[int, ...]] = {}
            for r in (rows[kept_rows[i]] for i in range(i0, i1)):
                for other, idx in r.items():
                    merged[other] = merged.get(other, ()) + idx
            key = kept_rows[i0]
            runs = _runs(seg_idx)
            if len(runs) > 1:
                # Segments a moved block stood between are no one cell. The row keeps
                # the last run; the ones before are left over for ``rejoin``, as the
                # segment just before a moved block is most often its heading.
                out.extend((key, {lang: run}) for run in runs[:-1])
                seg_idx = runs[-1]
            if seg_idx:
                merged[lang] = seg_idx
            out.append((key, merged))
        return out

    def _mark_repeats(self, rows, lang: str) -> None:
        """Remember the rows only ``lang`` holds whose segment repeats one of its
        neighbours in the document: a paragraph pasted twice is no extra segment."""
        segs = self.units[lang]
        for row in rows:
            if len(row) != 1 or lang not in row:
                continue
            for j in row[lang]:
                for k in range(max(0, j - REPEAT_REACH), min(len(segs), j + REPEAT_REACH + 1)):
                    if k != j and segs[k].text and segs[k].text == segs[j].text:
                        self.repeats[(lang, j)] = k
                        break


def _runs(idx: tuple[int, ...]) -> list[tuple[int, ...]]:
    """``idx`` cut where it skips segments."""
    out: list[tuple[int, ...]] = []
    for i in idx:
        if out and out[-1][-1] + 1 == i:
            out[-1] += (i,)
        else:
            out.append((i,))
    return out


def _merge_rows(first: dict[str, Unit], second: dict[str, Unit]) -> dict[str, Unit] | None:
    """Two rows as one (for a 2-1 link); None when some language cannot merge."""
    merged = dict(first)
    for other, unit in second.items():
        if other in merged:
            unit = merged[other].merge(unit)
            if unit is None:
                return None
        merged[other] = unit
    return merged


def _sims(row_units: dict[str, Unit], b: Unit, ratios: dict[str, float],
          scales: dict[str, tuple[float, float]] | None = None) -> list[float]:
    if scales:
        return [similarity(a, b, ratios[other], scales.get(other)) for other, a in row_units.items()]
    return [surface(a, b, ratios[other]) for other, a in row_units.items()]


def _score(row_units: dict[str, Unit], b: Unit, ratios: dict[str, float],
           scales: dict[str, tuple[float, float]] | None = None) -> float:
    if not row_units:
        return 0.0
    sims = _sims(row_units, b, ratios, scales)
    return sum(sims) / len(sims)


def _scorer(row: dict[str, Unit], ratios, meaning):
    """A function of a unit giving the cost of linking it to the row: 1 - the row's
    score (the mean over its cells), and UNRELATED_COST more when every cell of the row
    is ``unrelated`` to it (so that two unrelated cells side by side are a gap each,
    not a pair). A row of one language (every row in a two-language group) goes
    straight to the pair score."""
    if len(row) == 1 and not meaning:
        (other, a), = row.items()

        def one(b, a=a, r=ratios[other]):
            value = surface(a, b, r)
            return 1.0 - value + (UNRELATED_COST if value < 0.4 and unrelated(a, b, r) else 0.0)

        return one

    def many(b):
        sims = _sims(row, b, ratios, meaning)
        value = sum(sims) / len(sims)
        # Only a low score can come from unrelated cells: look no further otherwise.
        apart = value < 0.4 and all(unrelated(a, b, ratios[o]) for o, a in row.items())
        return 1.0 - value + (UNRELATED_COST if apart else 0.0)

    return many
