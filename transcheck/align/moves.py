"""Content the ordered alignment left on both sides: rows a document lacks where they
are, and segments of it that no row took. Where the two are one content moved, they
are put together, so that missing and extra mean the content is nowhere.

Three passes over the rows of one document's alignment, after its table of contents
is put in order (``contents``) and before the parts of a paragraph it split are joined
(``splits``); rows after the last one it shares are a tail it never reached, which
takes no leftover:

1. Keys: a segment left over and a row it lacks that share anchors (a link target,
   code, a name, the row of the heading a table of contents' entry links to) found
   among the leftovers alone, each the other's clear best, are one
   (``pins.find_pins`` on the leftovers: a key that occurs twice in the document may
   occur once among them).
2. Neighbours: next to a cell placed away from its document's order (a moved block,
   or a pair of step 1), the row before (after) it that the document lacks and the
   segment before (after) it that no row took are one, when their score against
   each other is not poor: a section moves with its heading and its plain lines.
"""

from __future__ import annotations

from transcheck.align import contents
from transcheck.align.pins import find_pins
from transcheck.align.splits import is_stray, split_off, unit_of

NEIGHBOUR = 0.45  # the least score of a neighbour joined to a moved cell
REACH = 3  # rows a moved cell's neighbour may skip (that its document lacks)
LONG = 80  # characters: a leftover this long is told by its length and words
LIKELY = 0.6  # the least score of a long leftover put into a row by score alone
CLEAR = 0.1  # ... and its lead over every other pairing of the two
WINDOW = 1.6  # how far from the predicted length a leftover's partner may be
MAX_CANDIDATES = 200  # rows a leftover is compared with, at most


def rejoin(rows: list[dict], lang: str, aligner, moved: set[int]) -> list[dict]:
    """``rows`` with leftover segments of ``lang`` put into the rows it lacks;
    ``moved``: its segments that moved blocks already placed."""
    placed = {r for r, row in enumerate(rows) if moved & set(row.get(lang, ()))}
    # Entries of a table of contents are placed by their headings, not as a moved
    # block: their neighbours are entries too, placed the same way.
    contents.entries(rows, lang, aligner)
    placed |= contents.headings(rows, lang, aligner)
    placed |= _by_keys(rows, lang, aligner)
    placed |= _by_score(rows, lang, aligner)
    if placed:
        _neighbours(rows, lang, aligner, placed)
    _in_place(rows, lang, aligner)
    split_off(rows, lang, aligner)
    return [row for row in rows if row]


def _in_place(rows, lang, aligner) -> None:
    """A row the document lacks next to a segment of it that no row took, with nothing
    of the document between: the translation of the row, changed (a misspelt or
    renamed command, an older wording) so that nothing pairs it. Put together, the
    cell's confidence says how sure that is; missing and extra would both be false."""
    for g, row in enumerate(rows):
        if not row or lang in row or not aligner.expected(row):
            continue
        for x in (g + 1, g - 1):
            if not 0 <= x < len(rows) or not is_stray(rows[x], lang, aligner) or len(rows[x]) != 1:
                continue
            idx = rows[x][lang]
            if len(idx) != 1 or (lang, idx[0]) in aligner.repeats:
                continue
            unit, refs = aligner.units[lang][idx[0]], aligner.refs(row)
            ratios = aligner.ratios(lang)
            # A table's cell beside the gap its column leaves is that cell, shortened
            # or spelt out as it may be.
            if not (unit.cell >= 0 and all(u.cell == unit.cell for u in refs.values())) and any(
                    u.prose != unit.prose or not _fits(u, unit, ratios[o]) for o, u in refs.items()):
                continue
            row[lang] = idx
            del rows[x][lang]
            break


def _fits(a, b, ratio: float) -> bool:
    stretch = (b.length + 12) / (ratio * a.length + 12)
    return 1 / 2 <= stretch <= 2


def _leftovers(rows, lang, aligner):
    # Rows after the last one the document shares with the others are the tail a
    # partial translation never reached: no leftover of it belongs there.
    end = max((r for r, row in enumerate(rows) if row.get(lang) and not is_stray(row, lang, aligner)), default=-1)
    gaps = [r for r, row in enumerate(rows[:end + 1]) if row and lang not in row and aligner.expected(row)]
    extra = [r for r, row in enumerate(rows)
             if is_stray(row, lang, aligner) and len(row[lang]) == 1 and (lang, row[lang][0]) not in aligner.repeats]
    return gaps, extra


def _others(row, lang) -> bool:
    return any(o != lang and idx for o, idx in row.items())


def _by_keys(rows, lang, aligner) -> set[int]:
    """Pairs of step 1; the rows that received a segment."""
    gaps, extra = _leftovers(rows, lang, aligner)
    placed: set[int] = set()
    if not gaps or not extra:
        return placed
    refs = [aligner.refs(rows[g]) for g in gaps]
    row_of = {(o, i): r for r, row in enumerate(rows) for o, idx in row.items() for i in idx}

    def reached(o, idx):
        """A key per row that holds a heading the cell links to: the row of a table
        of contents' entry is the row of its heading, in every language."""
        found = aligner.targets.get(o, {})
        return frozenset(f"ref:{row_of[(o, h)]}" for i in idx for h in found.get(i, ()) if (o, h) in row_of)

    row_keys = [[_cell_keys(aligner, o, rows[g][o]) | reached(o, rows[g][o]) for o in ref]
                for g, ref in zip(gaps, refs)]
    seg_keys = [aligner.keys[lang][rows[x][lang][0]] | reached(lang, rows[x][lang]) for x in extra]
    for pin in find_pins(row_keys, seg_keys):
        g, x = gaps[pin.row], extra[pin.seg]
        # One name in common among the leftovers is evidence when the two read alike.
        if not pin.reliable and aligner.score(refs[pin.row], aligner.units[lang][rows[x][lang][0]],
                                              lang) < NEIGHBOUR:
            continue
        rows[g][lang] = rows[x][lang]
        _take(rows, x, lang)
        placed.add(g)
    return placed


def _take(rows, x: int, lang: str, keep: tuple[int, ...] = ()) -> None:
    if keep:
        rows[x][lang] = keep
    else:
        del rows[x][lang]


def _by_score(rows, lang, aligner) -> set[int]:
    """Long leftovers that score well against a row it lacks, each the other's clear
    best among the leftovers: a paragraph moved far, with nothing to pin it. Short
    ones are left: two headings of a size say nothing. Only pairs whose lengths fit
    the languages' ratio within WINDOW are scored, so the work stays near linear."""
    import bisect

    gaps, extra = _leftovers(rows, lang, aligner)
    units = aligner.units[lang]
    ratios = aligner.ratios(lang)
    # LONG is in the first document's characters: a Chinese paragraph says as much in
    # a third of the characters of its English source.
    long = LONG * ratios[aligner.order[0]]
    extra = [x for x in extra if units[rows[x][lang][0]].length >= long]
    if not gaps or not extra:
        return set()
    refs = {g: aligner.refs(rows[g]) for g in gaps}
    # A row is a candidate when any of its reference cells predicts a length in the
    # window: one cell (an older, shorter translation) is no measure of the row.
    sized = sorted((ratios[o] * u.length, g) for g in gaps for o, u in refs[g].items())
    lengths = [n for n, _ in sized]
    best_g: dict[int, list] = {}
    best_x: dict[int, list] = {}
    for x in extra:
        unit = units[rows[x][lang][0]]
        lo = bisect.bisect_left(lengths, unit.length / WINDOW)
        hi = bisect.bisect_right(lengths, unit.length * WINDOW)
        for g in _distinct(sized, lo, hi):
            value = aligner.score(refs[g], unit, lang)
            _top_two(best_g, g, (value, x))
            _top_two(best_x, x, (value, g))
    placed = set()
    for x, entries in sorted(best_x.items()):
        value, g = entries[0]
        rival = max(entries[1][0] if len(entries) > 1 else 0.0,
                    best_g[g][1][0] if len(best_g[g]) > 1 else 0.0)
        if value >= LIKELY and best_g[g][0][1] == x and value - rival >= CLEAR:
            rows[g][lang] = rows[x][lang]
            _take(rows, x, lang)
            placed.add(g)
    return placed


def _distinct(sized, lo: int, hi: int) -> list[int]:
    """The rows of ``sized[lo:hi]``, each once, up to MAX_CANDIDATES of them."""
    out: dict[int, None] = {}
    for k in range(lo, hi):
        out[sized[k][1]] = None
        if len(out) == MAX_CANDIDATES:
            break
    return list(out)


def _top_two(table, key, entry) -> None:
    entries = table.setdefault(key, [])
    entries.append(entry)
    entries.sort(key=lambda e: (-e[0], e[1]))
    del entries[2:]


def _cell_keys(aligner, lang, idx):
    keys = aligner.keys[lang]
    return keys[idx[0]] if len(idx) == 1 else frozenset().union(*(keys[i] for i in idx))


def _neighbours(rows, lang, aligner, placed: set[int]) -> None:
    where = {}
    for r, row in enumerate(rows):
        for j in row.get(lang, ()):
            where[j] = r
    segs = aligner.units[lang]
    todo = sorted(placed, reverse=True)
    while todo:
        r = todo.pop()
        if not rows[r].get(lang):
            continue
        placed.add(r)
        for step in (-1, 1):
            cell = rows[r][lang]
            j = cell[0] - 1 if step < 0 else cell[-1] + 1
            x = where.get(j)
            if x is None or x in placed or (lang, j) in aligner.repeats:
                continue
            left = rows[x][lang]
            if j not in (left[0], left[-1]):
                continue
            # A segment in a row of its own (or a few others'), or one the ordered
            # alignment paired with a row it fits clearly worse than a gap near here.
            stray = is_stray(rows[x], lang, aligner)
            here = 0.0 if stray else aligner.score(aligner.refs(
                {o: idx for o, idx in rows[x].items() if o != lang}), segs[j], lang)
            # Either side: a block may be reordered inside.
            gaps = (_next_gaps(rows, r, step, lang, aligner, placed)
                    + _next_gaps(rows, r, -step, lang, aligner, placed))
            scored = [(_neighbour_score(aligner, rows[g], segs[j], lang), -abs(g - r), g) for g in gaps]
            best = max(scored, default=None)
            if best is not None and best[0] >= max(NEIGHBOUR, here + CLEAR):
                target, joined = best[2], (j,)
            elif not stray:
                continue
            else:
                # No row for it: a paragraph the translation split off the moved cell's
                # (its rows were merged by an earlier document), when it fits better so.
                joined = (j, *cell) if step < 0 else (*cell, j)
                refs = aligner.refs({o: idx for o, idx in rows[r].items() if o != lang})
                unit = unit_of(aligner, lang, joined)
                if aligner.score(refs, unit, lang) <= aligner.score(refs, unit_of(aligner, lang, cell), lang):
                    continue
                target = r
            rows[target][lang] = joined
            _take(rows, x, lang, tuple(i for i in left if i != j))
            where[j] = target
            todo.append(target)


def _neighbour_score(aligner, row, unit, lang) -> float:
    """The score of a moved cell's neighbour against a row: at least NEIGHBOUR for a
    heading and a row of headings, since a section moves with its heading and two short
    headings in two languages score nothing of note."""
    refs = aligner.refs(row)
    value = aligner.score(refs, unit, lang)
    if unit.shape == "heading" and refs and all(u.shape == "heading" for u in refs.values()):
        return max(value, NEIGHBOUR)
    return value


def _next_gaps(rows, r, step, lang, aligner, placed) -> list[int]:
    """The nearest rows before (after) ``r`` that every document should hold (the
    aligner's ``expected``) and ``lang`` lacks, up to REACH of them, up to the first
    row ``lang`` has in its own order (rows of moved cells are passed over: a block
    may be reordered inside)."""
    out = []
    k = r + step
    while 0 <= k < len(rows) and len(out) < REACH:
        row = rows[k]
        if row.get(lang) and k not in placed:
            break
        if row.get(lang):
            k += step
            continue
        if row and aligner.expected(row):
            out.append(k)
        k += step
    return out
