"""What a rule is, and what it is given.

A rule is a record (code, name, category, default severity, documentation) and one
function from a checked group to findings. Rules never format output and never read
files: the pipeline hands them segments, language guesses and aligned rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from transcheck.model import (
    Category,
    Document,
    Finding,
    LanguageGuess,
    Location,
    Row,
    Segment,
    Severity,
)
from transcheck.settings import Settings

SECTIONS = ("What it catches", "Why it matters", "Example", "What it does not catch")


@dataclass
class GroupView:
    """Everything a rule may look at for one group of documents."""

    name: str
    documents: dict[str, Document]  # by language, sorted
    rows: list[Row]
    guesses: dict[tuple[str, int], LanguageGuess]  # (language, segment index)
    settings: Settings

    @property
    def source(self) -> str | None:
        src = self.settings.source
        return src if src in self.documents else None

    @cached_property
    def row_of(self) -> dict[tuple[str, int], int]:
        out = {}
        for r, row in enumerate(self.rows):
            for lang, idx in row.cells.items():
                for i in idx:
                    out[(lang, i)] = r
        return out

    def cell_text(self, row: Row, lang: str, quote: bool = False) -> str:
        """The text of a cell's prose segments: code, includes and URLs aligned in the
        same row are not text to judge. ``quote``: all its text when it has no prose,
        for a message that quotes the cell."""
        segs = [self.documents[lang].segments[i] for i in row.cells.get(lang, ())]
        prose = [s.text for s in segs if s.is_prose]
        return " ".join(prose or ([s.text for s in segs] if quote else []))

    def cell_location(self, row: Row, lang: str) -> Location | None:
        idx = row.cells.get(lang, ())
        if not idx:
            return None
        doc = self.documents[lang]
        return Location(doc.path, doc.segments[idx[0]].line, doc.segments[idx[-1]].end_line)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    check: Callable[[GroupView], Iterable[Finding]]
    doc: str = field(repr=False)
    # Off unless selected by code, prefix or ALL: for rules whose cost or dependencies
    # (dictionaries) a project opts into.
    default: bool = True

    @property
    def summary(self) -> str:
        """The docstring's first paragraph, on one line."""
        return " ".join(self.doc.strip().split("\n\n", 1)[0].split())

    @property
    def sections(self) -> dict[str, str]:
        return parse_sections(self.doc)

    def finding(
        self,
        doc: Document,
        line: int,
        end_line: int,
        message: str,
        related: Iterable[Location] = (),
        key: str = "",
    ) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            category=self.category,
            severity=self.severity,
            path=doc.path,
            language=doc.language,
            line=line,
            end_line=end_line,
            message=message,
            related=tuple(related),
            key=key,
        )

    def at_segment(self, doc: Document, seg: Segment, message: str, **kw) -> Finding:
        return self.finding(doc, seg.line, seg.end_line, message, **kw)

    def at_cell(self, view: GroupView, row: Row, lang: str, message: str, **kw) -> Finding:
        """A finding on ``lang``'s cell of an aligned row (all its segments)."""
        loc = view.cell_location(row, lang)
        return self.finding(view.documents[lang], loc.line, loc.end_line, message, **kw)


_HEADING = re.compile(r"^(%s):\s*$" % "|".join(map(re.escape, SECTIONS)), re.MULTILINE)


def parse_sections(doc: str) -> dict[str, str]:
    """The fixed sections of a rule docstring, keyed by heading."""
    import textwrap

    body = doc.strip().split("\n\n", 1)[1] if "\n\n" in doc.strip() else ""
    parts = _HEADING.split(textwrap.dedent(body))
    out = {}
    for i in range(1, len(parts) - 1, 2):
        out[parts[i]] = textwrap.dedent(parts[i + 1]).strip()
    return out


def snippet(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
