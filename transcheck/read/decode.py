"""Bytes to text, without guessing.

A translation file either decodes exactly (UTF-8, with or without BOM, or UTF-16 with
a BOM) or is reported: a silent fallback to another encoding would change the text
that is being checked.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16"
    newline: str  # the dominant newline of the file, "\n" when it has none


class DecodeError(ValueError):
    """The bytes are not text transcheck can read; the message is user-facing."""


def decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
        text = _strict_utf8(body, offset=len(codecs.BOM_UTF8))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from None
    else:
        if b"\x00" in data:
            offset = data.index(0)
            raise DecodeError(f"binary file (NUL byte at offset {offset})")
        encoding = "utf-8"
        text = _strict_utf8(data, offset=0)
    return Decoded(text=text, encoding=encoding, newline=dominant_newline(text))


def _strict_utf8(data: bytes, offset: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise DecodeError(
            f"not valid UTF-8: byte 0x{bad} at offset {exc.start + offset}"
        ) from None


def split_lines(text: str) -> list[str]:
    """Lines as an editor counts them: CRLF, CR and LF each end one line.

    ``str.splitlines`` is not used because it also breaks on form feeds, U+2028 and
    other separators that editors and ``git diff`` do not count as line ends.
    """
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()  # a trailing newline ends the last line, it does not start one
    return lines


def dominant_newline(text: str) -> str:
    counts: dict[str, int] = {}
    for m in _NEWLINE.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    if not counts:
        return "\n"
    return max(sorted(counts), key=lambda nl: counts[nl])
