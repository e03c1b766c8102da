"""What a rule is, and what it is given.

A rule is a record (code, name, category, default severity, documentation) and one
function from a checked group and the rule's options to findings. Rules never format
output, never read files and never see the settings: the runner hands them a
``context.GroupView`` (segments, language guesses, aligned rows, the termbase, sentence
vectors) and each rule its own options.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from transcheck.context import GroupView  # what a rule is given; re-exported for the rules
from transcheck.model import (
    Category,
    Document,
    Finding,
    Location,
    Row,
    Segment,
    Severity,
)
from transcheck.settings import Thresholds

SECTIONS = ("What it catches", "Why it matters", "Example", "What it does not catch")


@dataclass(frozen=True)
class NoOptions:
    """The options of a rule that has no thresholds."""


_NO_OPTIONS = NoOptions()


def no_options(thresholds: Thresholds) -> NoOptions:
    return _NO_OPTIONS


def options_from(cls: type) -> Callable[[Thresholds], Any]:
    """The function that builds a rule's ``Options`` (``cls``, a frozen dataclass) from
    the same-named fields of the configured thresholds."""
    names = tuple(f.name for f in fields(cls))

    def pick(thresholds: Thresholds):
        return cls(**{name: getattr(thresholds, name) for name in names})

    return pick


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    check: Callable[[GroupView, Any], Iterable[Finding]]  # (view, options)
    doc: str = field(repr=False)
    # Off unless selected by code, prefix or ALL: for rules whose cost or dependencies
    # (dictionaries) a project opts into.
    default: bool = True
    # Why the rule cannot run here (an optional extra is missing), or None; the command
    # line says so once instead of the rule silently finding nothing.
    unavailable: Callable[[], str | None] = field(default=lambda: None, repr=False)
    # The rule's own options, picked out of the configured thresholds.
    options: Callable[[Thresholds], Any] = field(default=no_options, repr=False)
    # About a translation's lag behind its source: it reads git history (``view.lag``),
    # and --changed-since judges its findings by page, not by the lines a change touched.
    lag: bool = False
    # Its findings say a document lacks what the peers' related lines hold: on a pull
    # request, one whose places were all named at REV too is no new finding.
    absence: bool = False
    # Where the rule is imported from ("module:attribute"), set by the registry: how a
    # rule set reaches worker processes.
    ref: str = field(default="", compare=False)

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
        row: int | None = None,
        segment: int | None = None,
    ) -> Finding:
        # A span over cells a moved block put out of the document's order runs from
        # its first line to its last, whichever cell holds them.
        line, end_line = min(line, end_line), max(line, end_line)
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
            row=row,
            segment=segment,
        )

    def at_segment(self, doc: Document, seg: Segment, message: str, **kw) -> Finding:
        return self.finding(doc, seg.line, seg.end_line, message, segment=seg.index, **kw)

    def at_cell(self, view: GroupView, row: Row, lang: str, message: str, **kw) -> Finding:
        """A finding on ``lang``'s cell of an aligned row (all its segments)."""
        loc = view.cell_location(row, lang)
        index = view.row_of[(lang, row.cells[lang][0])]
        return self.finding(view.documents[lang], loc.line, loc.end_line, message, row=index, **kw)


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
