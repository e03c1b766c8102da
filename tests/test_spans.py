"""A finding's span runs from its first line to its last, also over cells a moved block
put out of the document's order (a GitHub annotation with endLine before line is
refused)."""

from __future__ import annotations

from transcheck.context import GroupView
from transcheck.model import Document, Kind, Row, Segment
from transcheck.rules.registry import BY_CODE


def _doc() -> Document:
    segs = tuple(Segment(i, 10 * i + 1, 10 * i + 2, f"Paragraph {i}.", Kind.PARAGRAPH) for i in range(4))
    return Document("de.md", "de", "g", "", 40, segs)


def test_a_cell_out_of_order_spans_its_first_line_to_its_last():
    doc = _doc()
    view = GroupView(name="g", documents={"de": doc}, rows=[Row({"de": (3, 1)})], guesses={})
    loc = view.cell_location(view.rows[0], "de")
    assert (loc.line, loc.end_line) == (11, 32)


def test_a_finding_given_its_lines_backwards_spans_them_forwards():
    finding = BY_CODE["TC302"].finding(_doc(), 137, 100, "extra")
    assert (finding.line, finding.end_line) == (100, 137)
