"""A text as ``(line, newline)`` pieces, so that a repair keeps every line's own newline
and the presence of a final one."""

from __future__ import annotations

import re

_PIECES = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def pieces(text: str) -> list[tuple[str, str]]:
    """``(line, newline)`` pairs; the last newline is "" when the file has no final one."""
    out = []
    pos = 0
    while pos < len(text):
        m = _PIECES.match(text, pos)
        out.append((m.group(1), m.group(2)))
        pos = m.end()
    return out


def join(pieces: list[tuple[str, str]], final_newline: bool) -> str:
    if pieces and not final_newline:
        pieces = pieces[:-1] + [(pieces[-1][0], "")]
    return "".join(line + nl for line, nl in pieces)


def span(a: int, b: int) -> str:
    return f"line {a}" if a == b else f"lines {a}-{b}"
