"""Segmentation: a document's text into segments that keep their line spans.

``.txt``: every non-empty line is a segment. ``.md``, ``.markdown`` and ``.mdx``: block
structure (headings, paragraphs, list items, table cells, code, admonitions, directives)
from a CommonMark parser, with MDX's ESM, JSX and expressions for ``.mdx``.
"""

from __future__ import annotations

from transcheck.model import Kind, Segment
from transcheck.segment.kinds import classify_line

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")


def segment(path: str, lines: list[str]) -> tuple[Segment, ...]:
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        from transcheck.segment.markdown import segment_markdown

        return segment_markdown(lines, mdx=lower.endswith(".mdx"))
    return segment_plain(lines)


def segment_plain(lines: list[str]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if text:
            out.append(Segment(len(out), number, number, text, classify_line(text)))
    return tuple(out)


__all__ = ["segment", "segment_plain", "Kind", "MARKDOWN_SUFFIXES"]
