"""A page's front matter (YAML between ``---`` or TOML between ``+++``): its title and
description are prose, placed by their field's name; the rest is blanked. Also the
record of what a non-CommonMark line stands for (``Mark``), which ``blocks`` returns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcheck.model import Kind

_PROSE_KEYS = ("title", "description")


@dataclass(frozen=True, slots=True)
class Mark:
    """A segment that a non-CommonMark line stands for (1-based lines)."""

    line: int
    end_line: int
    text: str
    kind: Kind
    block: str
    # A front-matter field's name ("front-matter:title"): every translation has the
    # field of that name, whatever its words, so it places the segment.
    anchor: str = ""


def front_matter(lines: list[str], out: list[str], marks: list[Mark]) -> int:
    """Blank a YAML (---) or TOML (+++) front matter; its title and description are
    prose. Returns the index of the first line after it."""
    # Blank lines may come first (Astro and Hugo read it so) where a field follows.
    start = next((j for j, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines) or lines[start].strip() not in ("---", "+++") or (
            start and not (start + 1 < len(lines) and _KEY.match(lines[start + 1]))):
        return 0
    fence = lines[start].strip()
    ends = ("---", "...") if fence == "---" else ("+++",)
    end = next((j for j in range(start + 1, len(lines)) if lines[j].strip() in ends), None)
    if end is None:
        return 0
    j = start + 1
    while j < end:
        j = _field(lines, j, end, fence == "+++", marks)
    for k in range(end + 1):
        out[k] = ""
    return end + 1


_KEY = re.compile(r"^[A-Za-z_][\w-]*+\s*+[:=]")


def _field(lines: list[str], j: int, end: int, toml: bool, marks: list[Mark]) -> int:
    sep = "=" if toml else ":"
    # Hugo reads "Title:" as "title".
    m = re.match(rf"^({'|'.join(_PROSE_KEYS)})\s*{sep}\s*(.*)$", lines[j], re.IGNORECASE)
    if not m:
        return j + 1
    value, last = m.group(2).strip(), j
    if not toml:
        block = value[:1] in ("|", ">")
        parts = [] if block else [value]
        while last + 1 < end and (not lines[last + 1].strip() or lines[last + 1][:1] in " \t"):
            last += 1
            parts.append(lines[last].strip())
        value = " ".join(p for p in parts if p)
    quote = value[0] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else ""
    if quote:
        value = value[1:-1].replace("''", "'") if quote == "'" else value[1:-1].replace('\\"', '"')
    if any(ch.isalpha() for ch in value):
        marks.append(Mark(j + 1, last + 1, value, Kind.TITLE, "front-matter", f"front-matter:{m.group(1).lower()}"))
    return last + 1
