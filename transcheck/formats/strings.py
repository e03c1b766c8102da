"""Apple ``.strings`` files: ``"key" = "value";`` pairs with ``/* */`` and ``//``
comments (keys may be unquoted words), in UTF-8 or UTF-16. A small scanner, linear in
the file: no well-kept Python parser gives positions, and the grammar is four tokens."""

from __future__ import annotations

import re

from transcheck.formats import FileFormat, FormatError
from transcheck.formats.keyed import Positions, value_segment
from transcheck.model import Segment

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[\w.\-:/$]+")
_ESCAPE = re.compile(r"\\(U[0-9a-fA-F]{4}|u[0-9a-fA-F]{4}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def _string(text: str, i: int, pos: Positions) -> tuple[str, int]:
    """The quoted string at ``i`` (its opening quote), unescaped, and the offset after it."""
    j = i + 1
    while True:
        j = text.find('"', j)
        if j < 0:
            raise FormatError(f"line {pos.line(i)}: unclosed string")
        back = 0
        while text[j - 1 - back] == "\\":
            back += 1
        if back % 2 == 0:
            break
        j += 1

    def one(m):
        c = m.group(1)
        return chr(int(c[1:], 16)) if len(c) == 5 else _SIMPLE.get(c, c)

    return _ESCAPE.sub(one, text[i + 1:j]), j + 1


def _token(text: str, i: int, pos: Positions) -> tuple[str, int]:
    if text[i:i + 1] == '"':
        return _string(text, i, pos)
    m = _WORD.match(text, i)
    if not m:
        raise FormatError(f"line {pos.line(i)}: expected a quoted string")
    return m.group(), m.end()


def segment(lines: list[str]) -> tuple[Segment, ...]:
    text = "\n".join(lines)
    pos = Positions(text)
    out: list[Segment] = []
    i = _skip(text, 0)
    while i < len(text):
        start = i
        key, i = _token(text, i, pos)
        i = _skip(text, i)
        if text[i:i + 1] == ";":  # "key"; means "key" = "key";
            value = key
        elif text[i:i + 1] == "=":
            i = _skip(text, i + 1)
            value, i = _token(text, i, pos)
            end, i = i, _skip(text, i)
            if text[i:i + 1] != ";":
                raise FormatError(f"line {pos.line(end - 1)}: expected ';' after the value")
        else:
            raise FormatError(f"line {pos.line(i)}: expected '=' or ';'")
        out.append(value_segment(len(out), pos.line(start), pos.line(i), key, value))
        i = _skip(text, i + 1)
    return tuple(out)


def _skip(text: str, i: int) -> int:
    """Past white space and comments from ``i``. Comments are found with str.find: a
    lazy pattern retried at every "/*" that never ends costs the square of the text."""
    while i < len(text):
        space = _SPACE.match(text, i)
        if space:
            i = space.end()
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
        elif text.startswith("//", i):
            end = text.find("\n", i + 2)
            i = len(text) if end < 0 else end + 1
        else:
            break
    return i


FORMAT = FileFormat(name="strings", mime_type="text/plain", segment=segment,
                    comment=("/*", "*/"), keyed=True)
