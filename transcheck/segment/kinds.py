"""Which segments are prose. Non-prose (file names, URLs, numbers, code) is never
language-checked: "cx-cs-part-of-whole-blog.png" is the same in every language by design."""

from __future__ import annotations

import re
import unicodedata

from transcheck.model import Kind

_IMAGE = re.compile(
    r"^\S*\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|ico|avif)\)?$", re.IGNORECASE
)
_FILE_NAME = re.compile(r"^[\w./\\-]+\.[A-Za-z0-9]{2,5}$")
_URL = re.compile(r"^(?:<)?(?:https?://|ftp://|mailto:|www\.)\S+(?:>)?$", re.IGNORECASE)
_NUMBER = re.compile(r"^[\s\d.,:;%+\-−–/()#°€$£¥₹\u0660-\u0669\u06f0-\u06f9]+$")


def classify_line(text: str, default: Kind = Kind.PARAGRAPH) -> Kind:
    stripped = text.strip()
    if _URL.match(stripped):
        return Kind.URL
    if _IMAGE.match(stripped):
        return Kind.IMAGE
    if _NUMBER.match(stripped):
        return Kind.NUMBER
    if " " not in stripped and _FILE_NAME.match(stripped):
        return Kind.CODE
    if not any(unicodedata.category(ch).startswith("L") for ch in stripped):
        return Kind.SYMBOLS
    return default
