"""Repeated blocks (what TC101 reports): the later copy is removed, the first kept,
together with the blank lines that separated it, so the layout stays as it was."""

from __future__ import annotations

from transcheck.fix._read import to_document
from transcheck.fix.lines import join, pieces, span
from transcheck.model import Segment
from transcheck.read.discover import FileSpec
from transcheck.settings import Settings

_MAX_PASSES = 10


def remove_repeats(text: str, spec: FileSpec, settings: Settings, changes: list[str]) -> str:
    """``text`` without the later copies of repeated blocks (as TC101 finds them)."""
    from transcheck.rules._repeats import find_repeats
    from transcheck.text import normalise

    t = settings.thresholds
    final_newline = text.endswith(("\n", "\r"))
    for _ in range(_MAX_PASSES):
        doc = to_document(spec, text)
        lines_of = pieces(text)
        drop: set[int] = set()  # 0-based line indices
        for run in find_repeats(doc, t.duplicate_min_chrf, t.duplicate_min_letters):
            segs = doc.segments
            first, last = segs[run.copy_start].line, segs[run.copy_end].end_line
            if _shares_lines(segs, run.copy_start, run.copy_end, first, last):
                changes.append(
                    f"kept lines {first}-{last}: the repeat shares its lines with other text"
                )
                continue
            lines = _block_lines(lines_of, first - 1, last - 1)
            drop |= lines
            differing = sum(
                normalise(segs[run.orig_start + k].text) != normalise(segs[run.copy_start + k].text)
                for k in range(run.copy_end - run.copy_start + 1)
            )
            what = (
                f"removed {span(first, last)}, a repeat of "
                f"{span(segs[run.orig_start].line, segs[run.orig_end].end_line)}"
            )
            if differing:
                what += f" (near repeat: {differing} of its segments differ from the kept copy)"
            changes.append(what)
        if not drop:
            break
        text = join([p for i, p in enumerate(lines_of) if i not in drop], final_newline)
    return text


def _shares_lines(segs: tuple[Segment, ...], start: int, end: int, first: int, last: int) -> bool:
    # A Markdown table row holds several segments on one line: removing the line
    # would remove text that is not repeated.
    return any(
        s.line <= last and s.end_line >= first
        for i, s in enumerate(segs)
        if not start <= i <= end
    )


def _block_lines(pieces: list[tuple[str, str]], first: int, last: int) -> set[int]:
    """The lines of a repeated block plus the blank lines that belong with it.

    The blank lines after the block go with it when there are blank lines before it
    too (one separator stays); at the end of the file the blank lines before it go, so
    the file ends where the kept text ends.
    """
    def blank(i: int) -> bool:
        return not pieces[i][0].strip()

    before = first
    while before > 0 and blank(before - 1):
        before -= 1
    after = last
    while after + 1 < len(pieces) and blank(after + 1):
        after += 1
    lines = set(range(first, last + 1))
    if after + 1 >= len(pieces):
        lines |= set(range(before, len(pieces)))
    elif before < first and after > last:
        lines |= set(range(last + 1, after + 1))
    return lines
