"""How sure the alignment is of each cell of each row, 0 to 1.

A cell with segments is sure when they translate the row better than they would the
rows around it: by their score against the row's reference cells (the source's, else
the first documents aligned), by the margin over the best of the two rows either side,
by anchors that pinned it there, and by distance from a gap (a row the document lacks,
or has alone), where the aligner's cut is least sure. A cell of a row no other document
has is sure that it is extra unless it repeats a neighbour of its own document (a
repeat: 0). An empty cell is sure that the content is absent unless the document's
cells next to it hold the row's anchors (a paragraph merged into its neighbour) or the
row repeats its neighbour (the source's own repeat, rendered once).

``SURE`` is the line rules draw: below it, a cell is not compared.
"""

from __future__ import annotations

from transcheck.align.units import unrelated

SURE = 0.5
REACH = 2  # rows either side that compete for a cell, and within which a gap counts
_IN_LINE = 0.9  # a cell far from gaps
_UNRELATED = 0.3  # ... that nothing in its row could translate (units.unrelated)
_PINNED = 0.25
_POOR = 0.4  # a score below this fits no row: lengths far apart and no anchors shared
_MARGIN = 1.5
_AKIN = 0.5  # the least score of a leftover segment and a row it lacks read as one content


def of_rows(rows, aligner, texts, source: str | None) -> list[dict[str, float]]:
    """Per row, each language's confidence (present or empty cell)."""
    languages = list(aligner.order)
    pivot = source or languages[0]
    refs = [aligner.refs(r) for r in rows]
    out: list[dict[str, float]] = []
    for r, row in enumerate(rows):
        sure: dict[str, float] = {}
        for lang in languages:
            if lang == pivot:
                sure[lang] = 1.0
            elif row.get(lang):
                sure[lang] = _present(rows, refs, r, lang, aligner, texts)
            elif refs[r]:
                sure[lang] = _absent(rows, refs, r, lang, aligner, texts)
        out.append({lang: round(v, 2) for lang, v in sure.items()})
    return out


def _others(ref: dict, lang: str) -> dict:
    return {o: u for o, u in ref.items() if o != lang}


def _cell_unit(aligner, lang: str, idx: tuple[int, ...]):
    unit = aligner.units[lang][idx[0]]
    for i in idx[1:]:
        unit = unit.join(aligner.units[lang][i])
    return unit


def _present(rows, refs, r: int, lang: str, aligner, texts) -> float:
    idx = rows[r][lang]
    if len(idx) == 1 and (lang, idx[0]) in aligner.repeats:
        return 0.0
    own = _others(refs[r], lang)
    if not own:
        # A row only this document has: extra, unless it was split off a neighbour
        # whose other cells hold its text ("^_^", a link on a line of its own), or a
        # row near it lacks this document (see _absent).
        alone = not (_split_off(rows, r, lang, idx, texts) or _unpaired_near(rows, refs, r, lang, aligner, False))
        return 1.0 if alone else 0.3
    unit = _cell_unit(aligner, lang, idx)
    pinned = any((lang, i) in aligner.pinned for i in idx)
    if not _near_gap(rows, refs, r, lang, aligner):
        # Far from any gap the ordered alignment has no freedom: a cell could only be
        # in another row if a gap were somewhere near. Unless nothing in the row could
        # be its translation by its length (code that differs is the rules' to report),
        # it is where it belongs.
        ratios = aligner.ratios(lang)
        if all(unrelated(a, unit, ratios[o], by_code=False) for o, a in own.items()):
            return _UNRELATED
        return 1.0 if pinned else _IN_LINE
    here = aligner.score(own, unit, lang)
    if here >= 1.0:
        return 1.0
    rival = 0.0
    for k in range(max(0, r - REACH), min(len(rows), r + REACH + 1)):
        if k != r:
            theirs = _others(refs[k], lang)
            if theirs:
                rival = max(rival, aligner.score(theirs, unit, lang))
    value = 0.5 + _MARGIN * (here - rival)
    if pinned:
        value += _PINNED
    if here < _POOR:
        value -= _PINNED
    return min(1.0, max(0.0, value))


def _split_off(rows, r: int, lang: str, idx, texts) -> bool:
    mine = " ".join(texts[lang][i] for i in idx)
    if len(mine) < 3:
        return False
    for k in (r - 2, r - 1, r + 1, r + 2):
        if 0 <= k < len(rows):
            if any(mine in texts[o][i] for o, cell in rows[k].items() if o != lang for i in cell):
                return True
    return False


def _near_gap(rows, refs, r: int, lang: str, aligner) -> bool:
    """Whether a row within REACH is a gap in ``lang``: one every document should have
    (``aligner.expected``) that it lacks, or one it has that the others should not."""
    for k in range(max(0, r - REACH), min(len(rows), r + REACH + 1)):
        row = rows[k]
        expected = aligner.expected({o: idx for o, idx in row.items() if o != lang})
        if bool(row.get(lang)) != expected:
            return True
    return False


def _unpaired_near(rows, refs, r: int, lang: str, aligner, extra: bool) -> bool:
    """Whether a row within REACH holds a segment of ``lang`` that no other document's
    row took (``extra``), or is a row the document lacks (not ``extra``), and the two
    read as one content (a score of ``_AKIN``): an item the source replaced (other
    code, other words, a length far off) is missing and extra both."""
    ratios = aligner.ratios(lang)
    for k in range(max(0, r - REACH), min(len(rows), r + REACH + 1)):
        row = rows[k]
        if k == r or bool(row.get(lang)) != extra:
            continue
        if aligner.expected({o: idx for o, idx in row.items() if o != lang}) == extra:
            continue
        gap, cell = (r, k) if extra else (k, r)
        unit = _cell_unit(aligner, lang, rows[cell][lang])
        own = _others(refs[gap], lang)
        if own and aligner.score(own, unit, lang) >= _AKIN and not all(
                unrelated(a, unit, ratios[o]) for o, a in own.items()):
            return True
    return False


def _absent(rows, refs, r: int, lang: str, aligner, texts) -> float:
    """How sure the row's content is nowhere near in the document."""
    if _unpaired_near(rows, refs, r, lang, aligner, True):
        # A segment of the document that no row took, a row or two away: the two are
        # most often one content cut otherwise (an attribution moved to the sentence
        # before, a quotation split at another mark), not a paragraph lost and another
        # added beside it.
        return 0.3
    own = refs[r]
    for k in (r - 1, r + 1):
        # Only a neighbour the document has can be the row rendered once.
        if 0 <= k < len(rows) and rows[k].get(lang):
            near = refs[k]
            if any(o in near and _same_text(rows, r, k, o, texts) for o in own):
                return 0.0  # the row repeats its neighbour: rendered once, it is there
    wanted = frozenset().union(*(aligner.keys[o][i] for o in own for i in rows[r][o]))
    wanted = {k for k in wanted if not k.startswith(("lat:", "="))}
    if not wanted:
        return 1.0
    nearby = set()
    for k in range(max(0, r - REACH), min(len(rows), r + REACH + 1)):
        for i in rows[k].get(lang, ()):
            nearby |= aligner.keys[lang][i]
    return 0.3 if wanted <= nearby else 1.0


def _same_text(rows, r: int, k: int, lang: str, texts) -> bool:
    a, b = rows[r].get(lang, ()), rows[k].get(lang, ())
    return bool(a and b) and [texts[lang][i] for i in a] == [texts[lang][i] for i in b]
