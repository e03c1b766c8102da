"""Java ``.properties`` resource bundles: ``key=value``, ``key: value`` or ``key value``,
``#``/``!`` comments, lines continued with a trailing backslash, ``\\uXXXX`` escapes.
The grammar is a few lines of the Properties class's documentation; a scanner here
keeps each key's line, which no well-kept Python parser reports."""

from __future__ import annotations

import re

from transcheck.formats import FileFormat
from transcheck.formats.keyed import value_segment
from transcheck.model import Segment

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "f": "\f"}


def _unescape(text: str) -> str:
    def one(m):
        c = m.group(1)
        return chr(int(c[1:], 16)) if len(c) == 5 else _SIMPLE.get(c, c)

    return _ESCAPE.sub(one, text)


def _continued(line: str) -> bool:
    stripped = line.rstrip("\r")
    back = len(stripped) - len(stripped.rstrip("\\"))
    return back % 2 == 1


def _split(line: str) -> tuple[str, str]:
    """Key and value: the key ends at the first unescaped ``=``, ``:`` or white space."""
    i = 0
    while i < len(line) and line[i] not in "=: \t\f":
        i += 2 if line[i] == "\\" else 1
    key, j = line[:i], i
    while j < len(line) and line[j] in " \t\f":
        j += 1
    if j < len(line) and line[j] in "=:":
        j += 1
        while j < len(line) and line[j] in " \t\f":
            j += 1
    return key, line[j:]


def segment(lines: list[str]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    n = 0
    while n < len(lines):
        first = n
        logical = lines[n].lstrip()
        n += 1
        if not logical or logical[0] in "#!":
            continue
        while _continued(logical) and n < len(lines):
            logical = logical.rstrip("\r")[:-1] + lines[n].lstrip()
            n += 1
        key, value = _split(logical)
        key = _unescape(key)
        if key:
            # Java's MessageFormat, which most bundles go through, writes an apostrophe
            # twice ("l''utilisateur"): one apostrophe, no quotation mark.
            out.append(value_segment(len(out), first + 1, n, key, _unescape(value).replace("''", "'")))
    return tuple(out)


FORMAT = FileFormat(name="properties", mime_type="text/x-java-properties", segment=segment,
                    comment=("#", ""), keyed=True)
