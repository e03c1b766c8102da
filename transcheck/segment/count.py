"""Counting a Markdown document's blocks before parsing it: files come from pull
requests, and a limit is only a limit if it is checked before the parser has done the
work (``read.file.too_large``)."""

from __future__ import annotations


def least_blocks(lines: list[str], stop: int | None = None) -> int:
    """About how many segments the Markdown segmenter would make, counted in one pass
    (up to ``stop``): runs of non-blank lines outside fenced code, and the cells of
    table rows (lines that start with "|"). A run of nothing but an HTML comment counts
    too, so it may be more."""
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
