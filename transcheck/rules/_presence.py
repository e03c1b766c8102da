"""Who votes that a row should exist: shared by missing-segment and extra-segment."""

from __future__ import annotations

from transcheck.model import Document, Row
from transcheck.rules.base import GroupView


def expected(view: GroupView, row: Row) -> bool | None:
    """True when the row should be in every document, False when it should be in none,
    None when the vote is split and nothing can be said.

    With a source document the source decides. Without one the translations vote: a
    row held by a strict majority of at least two documents should be everywhere; a row
    held by one document out of three or more should not exist.
    """
    present = row.present()
    if view.source:
        return view.source in present
    n, p = len(row.cells), len(present)
    if n < 3:
        return None
    if p >= 2 and 2 * p > n:
        return True
    if p == 1:
        return False
    return None


def insertion_line(view: GroupView, doc: Document, row_index: int) -> int:
    """The line where a segment missing from ``doc`` at ``row_index`` belongs: the line of
    the next segment the document has, else the last line of the previous one."""
    for row in view.rows[row_index + 1 :]:
        idx = row.cells.get(doc.language, ())
        if idx:
            return doc.segments[idx[0]].line
    for row in reversed(view.rows[:row_index]):
        idx = row.cells.get(doc.language, ())
        if idx:
            return doc.segments[idx[-1]].end_line
    return 1
