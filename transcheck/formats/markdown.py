"""Markdown (CommonMark with GFM tables, footnotes, definition lists and what
documentation sites add): one segment per block (``segment.markdown``)."""

from __future__ import annotations

from transcheck.formats import FileFormat
from transcheck.model import Segment
from transcheck.segment.count import least_blocks


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from transcheck.segment.markdown import segment_markdown

    return segment_markdown(lines, mdx=False)


# An HTML comment renders invisibly and travels with the text through translation tools.
FORMAT = FileFormat(
    name="markdown", mime_type="text/markdown", segment=segment,
    comment=("<!--", "-->"), markup=True, fixable=True, least_segments=least_blocks,
)
