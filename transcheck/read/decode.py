"""Bytes to text, without guessing.

A translation file either decodes exactly (UTF-8, with or without BOM, or UTF-16 or
UTF-32 with a BOM) or is reported: a silent fallback to another encoding would change the text
that is being checked. The one exception is the format's own rule: Java reads a
``.properties`` file that is not UTF-8 as ISO-8859-1 (``read.file``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-32"
    newline: str  # the dominant newline of the file, "\n" when it has none


class DecodeError(ValueError):
    """The bytes are not text transcheck can read; the message is user-facing."""


def decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
        text = _strict_utf8(body, offset=len(codecs.BOM_UTF8))
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Tested before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
        encoding = "utf-32"
        text = _strict_bom(data, encoding)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
        text = _strict_bom(data, encoding)
    else:
        if b"\x00" in data:
            offset = data.index(0)
            if _looks_like_utf16(data):
                raise DecodeError(
                    "looks like UTF-16 without a byte-order mark; "
                    "save it as UTF-8 or as UTF-16 with a BOM"
                )
            raise DecodeError(f"binary file (NUL byte at offset {offset}); skipped")
        encoding = "utf-8"
        text = _strict_utf8(data, offset=0)
    return Decoded(text=text, encoding=encoding, newline=dominant_newline(text))


def encode(text: str, encoding: str) -> bytes:
    """The inverse of ``decode``: the same encoding, the byte-order mark kept."""
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)  # "utf-16"/"utf-32" write a BOM in native order


def _strict_bom(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding.upper()} at byte offset {exc.start}") from None
    if "\x00" in text:
        offset = text.index("\x00")
        raise DecodeError(f"binary file (NUL character {offset} characters in); skipped")
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly-ASCII UTF-16 has a NUL in every other byte; binary formats do not."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    return max(even.count(0), odd.count(0)) >= 0.9 * half and min(even.count(0), odd.count(0)) == 0


def _strict_utf8(data: bytes, offset: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        line = data.count(b"\n", 0, exc.start) + 1
        raise DecodeError(
            f"not valid UTF-8: byte 0x{bad} at byte offset {exc.start + offset} (line {line}); "
            "transcheck reads UTF-8, or UTF-16 with a byte-order mark"
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


def text_or_none(data: bytes | None) -> str | None:
    """The text of an old version git gave back, or None when there was none or it is
    not text (a file that was binary then is no version to compare with)."""
    if data is None:
        return None
    try:
        return decode(data).text
    except DecodeError:
        return None
