"""Paragraphs a translation split in two (or the source joined): the second part is
neither extra content nor its row's missing half. Also the two questions every pass of
``moves`` asks of a cell: whether it stands where the documents should not all have a
row (``is_stray``), and the unit of several segments read as one (``unit_of``)."""

from __future__ import annotations

import math

SPLIT_GAIN = 0.3  # how much closer (log length) a split-off part joined brings a cell to its row


def is_stray(row, lang, aligner) -> bool:
    """Whether ``lang``'s cell is in a row the documents should not all have: one only
    it has, or one a minority of others added too (not the source's)."""
    return bool(row.get(lang)) and not aligner.expected({o: i for o, i in row.items() if o != lang})


def unit_of(aligner, lang, idx):
    """The segments ``idx`` of ``lang`` as one unit."""
    unit = aligner.units[lang][idx[0]]
    for i in idx[1:]:
        unit = unit.join(aligner.units[lang][i])
    return unit


def split_off(rows, lang, aligner) -> None:
    """A segment no row took, right after (before) the document's cell of a row, that
    translates the row better joined to that cell than the cell alone: the translator
    split the paragraph in two (or the source joined two), and the second part is
    neither extra nor the first part's row missing content."""
    where = {j: r for r, row in enumerate(rows) for j in row.get(lang, ())}
    ratios = None
    for x, row in enumerate(rows):
        idx = row.get(lang, ())
        if len(idx) != 1 or not is_stray(row, lang, aligner) or (lang, idx[0]) in aligner.repeats:
            continue
        ratios = ratios or _shared_ratios(rows, lang, aligner)
        j = idx[0]
        if not aligner.units[lang][j].prose:
            continue
        for k in (j - 1, j + 1):
            r = where.get(k)
            if r is None or r == x or is_stray(rows[r], lang, aligner):
                continue
            cell = rows[r][lang]
            if k != (cell[-1] if k == j - 1 else cell[0]):
                continue  # the part goes at the cell's end, or at its start
            both = (*cell, j) if k == j - 1 else (j, *cell)
            refs = aligner.refs({o: i for o, i in rows[r].items() if o != lang})
            if refs and _fits_better(refs, unit_of(aligner, lang, cell), aligner.units[lang][j], ratios):
                rows[r][lang] = both
                del row[lang]
                where[j] = r
                break


def _shared_ratios(rows, lang, aligner) -> dict[str, float]:
    """The languages' length ratio over the rows the document shares with each: a
    partial translation's whole length says nothing of its paragraphs' length."""
    mine: dict[str, int] = {}
    theirs: dict[str, int] = {}
    units = aligner.units
    for row in rows:
        idx = row.get(lang)
        if not idx:
            continue
        length = sum(units[lang][i].length for i in idx)
        for o, cell in row.items():
            if o != lang and cell:
                mine[o] = mine.get(o, 0) + length
                theirs[o] = theirs.get(o, 0) + sum(units[o][i].length for i in cell)
    return {o: (mine[o] + 100) / (theirs[o] + 100) for o in mine} | {lang: 1.0}


def _fits_better(refs, cell, part, ratios) -> bool:
    """Whether ``part`` brings no link or code the row does not have, and the row's
    cells hold as many sentences as the cell and ``part`` together (each of them), or
    predict the cell's length with ``part`` joined to it clearly better than without (by
    SPLIT_GAIN in log length, for each of them)."""
    theirs = set().union(*(u.anchors for u in refs.values()))
    if any(k not in theirs for k in part.anchors if k.startswith(("url:", "code:"))):
        return False
    if part.sentences and cell.sentences and all(u.sentences == cell.sentences + part.sentences
                                                 for u in refs.values()):
        return True  # the row's sentences, split between the two: "… release." / "Thanks …"
    for o, u in refs.items():
        want = math.log(ratios.get(o, 1.0) * u.length + 12)
        if abs(math.log(cell.length + part.length + 12) - want) + SPLIT_GAIN > abs(math.log(cell.length + 12) - want):
            return False
    return True
