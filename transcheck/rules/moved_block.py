"""A block of the translation that is somewhere else than in the other documents.

What it catches:
    After alignment, a run of this document's segments that the aligner placed in rows
    away from the document's own order (anchors and their neighbours said where they
    belong): a paragraph, a list item or a section the translator put elsewhere. One
    finding per moved block, on its lines here, pointing at its place in the source
    (with ``--source``) or in the documents that keep the common order. A document is
    reported only where the source, or most other documents, keep the rows' order, so
    the one document that moved a section is the one told.

    Severity: info. Moving a section is often deliberate (a translator reorders a list
    alphabetically in the new language); nothing is missing or extra, and the rules that
    compare rows still compare the moved block with its own rows.

Why it matters:
    A reader who follows the table of contents or compares two language versions side
    by side finds the section in another place; a reviewer should know it moved before
    reading the block as a deletion in one place and an addition in another.

Example:
    ``README-pl.md`` has its "Meta" section after "Basics", where the source has it
    before: one finding on the section's lines, "moved: 9 segments that en has at lines
    34-46 are here after line 62".

What it does not catch:
    A block moved without anything that places it (no link, code, name or number in it
    or beside it, no table of contents entry, and too short to be told by its length):
    that is a missing segment and an extra segment. A move inside one aligned row (two
    sentences exchanged in a paragraph). Keys of a keyed resource in another order.
"""

from __future__ import annotations

import bisect

from transcheck.model import Category, Location, Severity
from transcheck.rules.base import GroupView, NoOptions, Rule

_GAP = 2  # rows of another block allowed inside one moved block


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        return  # keys are aligned by name: their order in a file is no reading order
    if view.source not in view.documents and len(view.documents) < 3:
        return  # two documents without a source: neither order is the reference
    rank = _common_order(view)
    order = {lang: _moved_rows(view, lang, rank) for lang in view.documents}
    for lang in sorted(view.documents):
        if lang == view.source:
            continue
        for block in _blocks(view, lang, order[lang], rank):
            if _theirs(view, lang, block, order):
                continue
            yield _finding(view, lang, block)


def _common_order(view: GroupView) -> dict[int, int]:
    """Each row's rank in the reference order: the source's, else the median of the
    documents' places (their share of the way through). The rows follow the first
    document's order, and that document may be the one that moved a block."""
    source = view.source if view.source in view.documents else None
    keys = []
    for r, row in enumerate(view.rows):
        if source is not None:
            idx = row.cells.get(source)
            place = [idx[0] / len(view.documents[source].segments)] if idx else []
        else:
            place = sorted(idx[0] / len(view.documents[o].segments)
                           for o, idx in row.cells.items() if idx)
        keys.append((place[len(place) // 2] if place else None, r))
    # A row without a place keeps that of the row before it.
    last, out = 0.0, []
    for key, r in keys:
        last = last if key is None else key
        out.append((last, r))
    return {r: k for k, (_, r) in enumerate(sorted(out))}


def _moved_rows(view: GroupView, lang: str, rank: dict[int, int]) -> list[int]:
    """The rows whose cell of ``lang`` is off the longest run of its cells in document
    order, taken in the reference order (confident cells only)."""
    cells = sorted(((rank[r], r), row.cells[lang][0]) for r, row in enumerate(view.rows)
                   if row.cells.get(lang) and view.aligned(row, lang))
    cells = [(r, seg) for (_, r), seg in cells]
    if not cells:
        return []
    keep = _increasing(cells)
    return [r for k, (r, _) in enumerate(cells) if k not in keep]


def _increasing(cells: list[tuple[int, int]]) -> set[int]:
    """Positions of a longest subsequence of ``cells`` increasing in segment index."""
    tails: list[int] = []
    at: list[int] = []
    back = [-1] * len(cells)
    for k, (_, seg) in enumerate(cells):
        i = bisect.bisect_left(tails, seg)
        if i == len(tails):
            tails.append(seg)
            at.append(k)
        else:
            tails[i] = seg
            at[i] = k
        back[k] = at[i - 1] if i else -1
    out, k = set(), at[-1] if at else -1
    while k >= 0:
        out.add(k)
        k = back[k]
    return out


def _blocks(view: GroupView, lang: str, rows: list[int], rank: dict[int, int]) -> list[list[int]]:
    """Moved rows as blocks: close together in the document and in the rows. Rows the
    reference lacks (the source's, else most documents') are left out: a row only
    some have is extra, not moved."""
    cells = []
    for r in rows:
        row = view.rows[r]
        others = [o for o in row.present() if o != lang]
        if view.source in view.documents:
            if not row.cells.get(view.source):
                continue
        elif 2 * len(others) <= len(view.documents) - 1:
            continue
        cells.append((row.cells[lang][0], row.cells[lang][-1], r))
    out: list[list[int]] = []
    last_seg = last_row = None
    for first, end, r in sorted(cells):
        if out and first - last_seg <= _GAP + 1 and abs(rank[r] - last_row) <= 2 * _GAP + 1:
            out[-1].append(r)
        else:
            out.append([r])
        last_seg, last_row = end, rank[r]
    return [sorted(block) for block in out]


def _theirs(view: GroupView, lang: str, block: list[int], order) -> bool:
    """Whether the block's rows are out of order for most documents that have them
    (without a source): then the first document moved them, not this one."""
    if view.source in view.documents:
        return False
    others = [o for o in view.documents if o != lang
              and any(view.rows[r].cells.get(o) for r in block)]
    moved = [o for o in others if set(block) & set(order[o])]
    return 2 * len(moved) > len(others)


def _finding(view: GroupView, lang: str, block: list[int]):
    doc = view.documents[lang]
    segs = [i for r in block for i in view.rows[r].cells[lang]]
    first, last = min(segs), max(segs)
    line, end = doc.segments[first].line, doc.segments[last].end_line
    reference = view.source if view.source in view.documents else None
    related = []
    where = ""
    for other in [reference] if reference else sorted(o for o in view.documents if o != lang):
        spans = [view.cell_location(view.rows[r], other) for r in block]
        spans = [s for s in spans if s is not None]
        if spans:
            related.append(Location(spans[0].path, min(s.line for s in spans), max(s.end_line for s in spans)))
            if not where:
                where = f"{other} has at lines {related[-1].line}-{related[-1].end_line}"
    before = _line_before(view, lang, first)
    n = len(segs)
    what = f"{n} segment{'s' if n != 1 else ''}"
    return RULE.finding(
        doc, line, end,
        f"moved: {what} that {where or 'the others have elsewhere'} {'is' if n == 1 else 'are'} here "
        f"{'after line ' + str(before) if before else 'at the start'}",
        related=related,
        key="moved:" + ":".join(doc.segments[i].text[:40] for i in sorted(segs)[:2]),
        row=block[0],
    )


def _line_before(view: GroupView, lang: str, first: int) -> int:
    doc = view.documents[lang]
    return doc.segments[first - 1].end_line if first > 0 else 0


RULE = Rule(
    code="TC306",
    name="moved-block",
    category=Category.ALIGNMENT,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
)
