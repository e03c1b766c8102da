"""Where each finding goes in the HTML report's table of aligned rows: the rows its line
span covers in its document, or the gap row of a missing segment."""

from __future__ import annotations

import bisect

from transcheck.model import Document, Finding, GroupResult


class Placement:
    """Where each finding of one group goes in its table."""

    def __init__(self, group: GroupResult, findings: list[tuple[int, Finding]]):
        self.docs = {d.language: d for d in group.documents}
        self.rows = group.rows
        # (row, lang) -> finding ids that start / continue there; (lang, segment) -> ids
        self.starts: dict[tuple[int, str], list[int]] = {}
        self.continues: dict[tuple[int, str], list[int]] = {}
        self.segment_hits: dict[tuple[str, int], list[int]] = {}
        self.anchor: dict[int, int] = {}
        self.unplaced: list[int] = []
        self._ends: dict[str, list[int]] = {}
        self._row_of = {(lang, i): r for r, row in enumerate(self.rows) for lang, idx in row.cells.items() for i in idx}
        for fid, f in findings:
            self._place(fid, f)

    def _overlapping(self, lang: str, line: int, end_line: int) -> list[int]:
        """The rows whose cell for ``lang`` holds a segment touching the line span."""
        doc = self.docs.get(lang)
        if doc is None:
            return []
        return sorted(
            {self._row_of[(lang, i)] for i in self._segments(doc, line, end_line) if (lang, i) in self._row_of}
        )

    def _segments(self, doc: Document, line: int, end_line: int) -> range:
        # Segments are in line order and do not overlap: the ones touching a span are
        # one run, found by bisection (a large document has many thousands).
        ends = self._ends.get(doc.language)
        if ends is None:
            ends = self._ends[doc.language] = [s.end_line for s in doc.segments]
        first = bisect.bisect_left(ends, line)
        last = first
        while last < len(doc.segments) and doc.segments[last].line <= end_line:
            last += 1
        return range(first, last)

    def _place(self, fid: int, f: Finding) -> None:
        if f.row is not None and not self.rows[f.row].cells.get(f.language):
            # About the row where its document has nothing (a missing segment): shown
            # in that gap, not on the line where the segment would be inserted.
            self.starts.setdefault((f.row, f.language), []).append(fid)
            self.anchor[fid] = f.row
            return
        rows = self._overlapping(f.language, f.line, f.end_line)
        if f.row is not None:
            rows = [f.row] + [r for r in rows if r != f.row]
        if not rows:
            self.unplaced.append(fid)
            return
        self.anchor[fid] = rows[0]
        self.starts.setdefault((rows[0], f.language), []).append(fid)
        for r in rows[1:]:
            self.continues.setdefault((r, f.language), []).append(fid)
        for i in self._segments(self.docs[f.language], f.line, f.end_line):
            self.segment_hits.setdefault((f.language, i), []).append(fid)
