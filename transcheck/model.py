"""The records that flow through transcheck: documents, segments, aligned rows, findings.

Everything here is plain data. Checks create findings; formatters read them. Nothing
in this module knows how a finding is displayed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Category(enum.Enum):
    """The categories of the JSON contract; other tools read these strings."""

    DUPLICATION = "duplication"
    LANGUAGE = "language"
    UNTRANSLATED = "untranslated"
    ALIGNMENT = "alignment"
    NUMBER = "number"
    ENTITY = "entity"
    PUNCTUATION = "punctuation"
    TERMINOLOGY = "terminology"
    SEMANTIC = "semantic"
    LENGTH = "length"
    SPELLING = "spelling"
    FORMAT = "format"


class Kind(enum.Enum):
    """What a segment is. Only prose is language-checked."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    CODE = "code"
    IMAGE = "image"
    URL = "url"
    NUMBER = "number"
    SYMBOLS = "symbols"
    # Prose that names a block: a front-matter title or description, an admonition's
    # or a content tab's title.
    TITLE = "title"
    # Markup that stands for content but is no text: an include, a shortcode, an
    # admonition opened without a title.
    DIRECTIVE = "directive"

    @property
    def is_prose(self) -> bool:
        return self in (Kind.HEADING, Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.TITLE)


@dataclass(frozen=True, slots=True)  # slots: a report holds every segment of a run
class Segment:
    index: int  # 0-based position in its document
    line: int  # 1-based, inclusive
    end_line: int
    text: str
    kind: Kind
    # Markdown structure inside the segment (0 in plain text): heading level, and the
    # links and images of its inline content.
    level: int = 0
    links: int = 0
    images: int = 0
    # The construct the segment belongs to when that matters to structure parity
    # ("fence", "admonition", "include", "table", "html"...), the heading's explicit
    # id, and the link targets of its inline content. ``text`` is what rules judge:
    # code, URLs, ids and directives are already taken out of it.
    block: str = ""
    anchor: str = ""
    urls: tuple[str, ...] = ()
    # The inline code spans taken out of ``text``: not language, but content (two list
    # items that differ only by their code are not a repeat).
    code: tuple[str, ...] = ()

    @property
    def is_prose(self) -> bool:
        return self.kind.is_prose


def base_language(language: str) -> str:
    """The primary language subtag of a code ("pt" for "pt-BR"): the one place that
    knows how a code is split."""
    return language.split("-")[0]


@dataclass(frozen=True)
class Document:
    path: str  # as the user gave it: relative stays relative
    language: str  # the code from the file name, e.g. "sv" or "pt-BR"
    group: str
    text: str
    line_count: int
    segments: tuple[Segment, ...]

    @property
    def base_language(self) -> str:
        """The language part of the code ("pt" for "pt-BR", "ckb" for "ckb-IQ")."""
        return base_language(self.language)

    @property
    def segment_count(self) -> int:
        return len(self.segments)

    def info(self) -> DocumentInfo:
        return DocumentInfo(self.path, self.language, self.group, self.line_count, len(self.segments))


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a report keeps of a document once its group has been rendered: where it is
    and how big it was; its text and segments are gone. Reads like a ``Document`` for
    everything a report's summary uses."""

    path: str
    language: str
    group: str
    line_count: int
    segment_count: int

    def info(self) -> DocumentInfo:
        return self


@dataclass(frozen=True)
class LanguageGuess:
    """What language identification concluded for one segment.

    ``language`` is None when the evidence was too weak to say ("undetermined").
    """

    language: str | None
    confidence: float
    method: str  # "script", "langdetect", "too-short", "unsupported", "not-prose"


@dataclass(frozen=True)
class Row:
    """One aligned unit across the documents of a group.

    ``cells`` maps a language to the indices of that document's segments in the row
    (empty: the document has nothing here).
    """

    cells: dict[str, tuple[int, ...]]

    def present(self) -> list[str]:
        return [lang for lang, idx in self.cells.items() if idx]


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Finding:
    """One problem found. Immutable, and free of any presentation.

    ``key`` is the rule's statement of *what* is wrong, independent of where the
    lines are; the fingerprint is derived from it so that baselines survive edits
    that only move text.
    """

    code: str
    rule: str
    category: Category
    severity: Severity
    path: str
    language: str
    line: int
    end_line: int
    message: str
    related: tuple[Location, ...] = ()
    key: str = ""
    fingerprint: str = ""
    # The index of the aligned row the finding is about, when the rule knows it (a
    # cell of a row, a row's gap); None for findings on a document's own lines.
    row: int | None = None


@dataclass(frozen=True)
class InputProblem:
    """A file that could not be read or understood, or was skipped. One line each.

    ``severity`` "error": a file transcheck was asked to check and could not (missing,
    unreadable, not text, empty, too large); exit code 2. "warning" (printed) and "info"
    (silent): a file skipped by design inside a walked directory (no language in its
    name, another file type); exit code 2 only with ``--strict``.
    """

    path: str
    message: str
    severity: str = "error"


# A page's state in one language (``PageStatus.state``).
SOURCE, UP_TO_DATE, OUTDATED, MISSING, PRESENT = "source", "up to date", "outdated", "missing", "present"


@dataclass(frozen=True, slots=True)
class PageStatus:
    """One page in one language: ``source``; ``up to date`` or ``outdated`` (git knows
    the translation's last update: ``segments`` source segments changed since
    ``since_sha`` of ``since_date``); ``present`` (nothing known of its lag: no
    ``--source``, no history); or ``missing`` (another language of the run has it)."""

    language: str
    state: str
    segments: int = 0
    since_sha: str = ""
    since_date: str = ""


@dataclass(frozen=True)
class GroupResult:
    """One group, checked. ``documents`` are ``DocumentInfo`` and ``rows`` empty once
    the group has been rendered and summarised (``summary``)."""

    group: str
    documents: tuple[Document, ...] | tuple[DocumentInfo, ...]
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    status: tuple[PageStatus, ...] = ()  # one per language of the run, sorted by language
    folded: int = 0  # findings inside a repeated block, shown as part of the repeat

    def __post_init__(self):
        for name in ("documents", "rows", "findings", "notes", "status"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def summary(self) -> GroupResult:
        return GroupResult(self.group, tuple(d.info() for d in self.documents), (), self.findings, self.notes,
                           self.status, self.folded)


@dataclass(frozen=True)
class SuppressedFinding:
    """A finding the project chose not to report, and on whose authority.

    ``kind`` uses SARIF's vocabulary: "inSource" for a comment in the checked file,
    "external" for the configuration (per-file-ignores) or a suppression file.
    """

    finding: Finding
    kind: str
    justification: str


@dataclass(frozen=True)
class ChangedSegment:
    """A segment that differs from the version at ``--changed-since REV``.

    ``status`` is "added" (no counterpart in the old version), "modified", or
    "removed" (old segments deleted before ``line``; a zero-width place);
    ``chrf`` is chrF of the new text against the old segment it replaced (None when
    added or removed): 100 means equal after normalisation, lower means a larger edit.
    """

    path: str
    language: str
    line: int
    end_line: int
    status: str
    chrf: float | None = None


def finding_order(f: Finding):
    # Ties keep the order the rule emitted them in (sorts are stable), e.g. row order.
    return (f.path, f.line, f.end_line, f.code)


@dataclass(frozen=True)
class Report:
    """All results of one run, in a stable order; what the formatters render.

    Built once, after the last group, from the groups as ``decide`` judged them: the
    findings shown, and what was set aside (suppressed, in the baseline, not introduced
    since ``--changed-since``). ``settings`` and ``rules`` are the run's
    (``settings.Settings``, ``rules.base.Rule``).
    """

    groups: tuple[GroupResult, ...]
    problems: tuple[InputProblem, ...]
    settings: Any
    rules: tuple[Any, ...]
    suppressed_findings: tuple[SuppressedFinding, ...] = ()
    baselined_findings: tuple[Finding, ...] = ()  # hidden: their fingerprint is in --baseline
    # fingerprint -> "new"/"unchanged" (SARIF's baselineState); None: no baseline
    baseline_state: MappingProxyType | None = None
    unsuppressed: tuple[Finding, ...] = ()  # what --write-baseline records
    changed_since: str | None = None  # the REV of --changed-since
    changed: tuple[ChangedSegment, ...] | None = None  # segments changed since REV, with chrF
    out_of_scope: int = 0  # --changed-since: findings not introduced by the change

    def __post_init__(self):
        for name in ("groups", "problems", "rules", "suppressed_findings", "baselined_findings", "unsuppressed"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.changed is not None:
            object.__setattr__(self, "changed", tuple(self.changed))
        if self.baseline_state is not None:
            object.__setattr__(self, "baseline_state", MappingProxyType(dict(self.baseline_state)))

    @property
    def suppressed(self) -> int:
        return len(self.suppressed_findings)

    @property
    def baselined(self) -> int:
        return len(self.baselined_findings)

    @property
    def folded(self) -> int:
        return sum(g.folded for g in self.groups)

    @property
    def documents(self) -> list[Document] | list[DocumentInfo]:
        return [d for g in self.groups for d in g.documents]

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for g in self.groups for f in g.findings), key=finding_order)
