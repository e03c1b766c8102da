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

    def _gap_row(self, f: Finding) -> int | None:
        """The row where ``f``'s document has nothing and which holds every related
        location of the other documents: the finding is about that gap."""
        others = [loc for loc in f.related if loc is not None and loc.path != f.path]
        if not others or len(others) != len([loc for loc in f.related if loc is not None]):
            return None
        by_path = {d.path: d.language for d in self.docs.values()}
        candidates = None
        for loc in others:
            lang = by_path.get(loc.path)
            if lang is None:
                return None
            rows = set(self._overlapping(lang, loc.line, loc.end_line))
            candidates = rows if candidates is None else candidates & rows
        for r in sorted(candidates or ()):
            if not self.rows[r].cells.get(f.language):
                return r
        return None

    def _place(self, fid: int, f: Finding) -> None:
        gap = self._gap_row(f)
        if gap is not None:
            self.starts.setdefault((gap, f.language), []).append(fid)
            self.anchor[fid] = gap
            return
        rows = self._overlapping(f.language, f.line, f.end_line)
        if not rows:
            self.unplaced.append(fid)
            return
        self.anchor[fid] = rows[0]
        self.starts.setdefault((rows[0], f.language), []).append(fid)
        for r in rows[1:]:
            self.continues.setdefault((r, f.language), []).append(fid)
        for i in self._segments(self.docs[f.language], f.line, f.end_line):
            self.segment_hits.setdefault((f.language, i), []).append(fid)
