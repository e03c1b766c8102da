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


def least_segments(path: str, lines: list[str], stop: int | None = None) -> int:
    """About how many segments ``segment`` would make, counted in one pass without
    parsing (up to ``stop``): non-empty lines of plain text; for Markdown, runs of
    non-blank lines outside fenced code, and the cells of table rows (lines that start
    with "|"). A run of nothing but an HTML comment counts too, so it may be more."""
    if not path.lower().endswith(MARKDOWN_SUFFIXES):
        count = 0
        for line in lines:
            if line.strip():
                count += 1
                if stop is not None and count >= stop:
                    break
        return count
    count = 0
    fence = ""
    in_block = False
    for line in lines:
        text = line.strip()
        if fence:
            if text.startswith(fence) and not text.strip(fence[0]):
                fence = ""
            continue
        if text.startswith(("```", "~~~")):
            fence = text[:3]
            count += 1
            in_block = False
        elif not text:
            in_block = False
        elif text.startswith("|"):
            count += max(1, text.count("|") - 1)
            in_block = True
        elif not in_block:
            count += 1
            in_block = True
        if stop is not None and count >= stop:
            break
    return count


def segment_plain(lines: list[str]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if text:
            out.append(Segment(len(out), number, number, text, classify_line(text)))
    return tuple(out)


__all__ = ["segment", "segment_plain", "least_segments", "Kind", "MARKDOWN_SUFFIXES"]
