"""Plain text: every non-empty line is a segment."""

from __future__ import annotations

from transcheck.formats import FileFormat
from transcheck.model import Segment
from transcheck.segment.kinds import classify_line


def segment(lines: list[str]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if text:
            out.append(Segment(len(out), number, number, text, classify_line(text)))
    return tuple(out)


# Plain text has no comment syntax: a marker line would be translated like any other.
FORMAT = FileFormat(name="text", mime_type="text/plain", segment=segment, fixable=True)
