"""MDX: Markdown with ESM ``import``/``export`` lines, JSX and ``{…}`` expressions."""

from __future__ import annotations

from transcheck.formats import FileFormat
from transcheck.model import Segment
from transcheck.segment.count import least_blocks


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from transcheck.segment.markdown import segment_markdown

    return segment_markdown(lines, mdx=True)


# MDX 2 refuses HTML comments; its comment is a JavaScript one inside an expression.
FORMAT = FileFormat(
    name="mdx", mime_type="text/markdown", segment=segment,
    comment=("{/*", "*/}"), markup=True, fixable=True, least_segments=least_blocks,
)
