"""The records of one document's checking: segments, documents, language guesses,
aligned rows, findings and input problems. Plain data: checks create findings,
formatters read them, and nothing here knows how a finding is displayed."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Strength(enum.Enum):
    """How strong a finding's evidence is, as the rule that found it judges it. A rule
    says this, never a severity: ``decide.judge`` alone turns a rule's severity and a
    finding's strength into the severity shown.

    ``FULL``: the rule's severity. ``REDUCED``: one level below the rule's default (a
    long same-script text that langdetect calls foreign is evidence, not proof).
    ``HINT``: info, whatever the rule's severity (a pattern that ordinary translation
    also produces).
    """

    FULL = "full"
    REDUCED = "reduced"
    HINT = "hint"


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
    # The segment's name in a keyed resource (a message id, "menu.save"); "" in running
    # text. Keyed documents are aligned by it (``transcheck.formats.keyed``).
    key: str = ""
    # A keyed value as written, placeholders and tags included (``text`` has them taken
    # out, into ``code``); the source text a bilingual file holds beside it (a PO msgid,
    # an XLIFF <source>); and its state: "" (translated), "fuzzy" (marked for review)
    # or "empty" (the key is there without a translation). Only "" takes part in rows.
    raw: str = ""
    source: str = ""
    state: str = ""
    # Prose with its inline code back in backticks, for quoting ("Use `tmux` or
    # `screen`", where ``text`` says "Use or"); "" where it is ``text``.
    shown: str = ""
    # The alt text of images in a paragraph with text of its own (a badge, an icon:
    # "Open-Source Software" after an app's description), part of ``text``: what the
    # paragraph's language is told without.
    labels: tuple[str, ...] = ()

    @property
    def is_prose(self) -> bool:
        return self.kind.is_prose

    @property
    def quoted(self) -> str:
        """The segment as a message quotes it: its text with its inline code."""
        return self.shown or self.text


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
    format: str = ""  # the name of its file format (transcheck.formats); "": by the path

    @property
    def base_language(self) -> str:
        """The language part of the code ("pt" for "pt-BR", "ckb" for "ckb-IQ")."""
        return base_language(self.language)

    @property
    def segment_count(self) -> int:
        return len(self.segments)

    def info(self) -> DocumentInfo:
        return DocumentInfo(self.path, self.language, self.group, self.line_count, len(self.segments),
                            self.format)


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
    format: str = ""

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
    (empty: the document has nothing here). ``confidence`` maps a language to how sure
    the alignment is of its cell, 0 to 1: that its segments belong in this row, or, for
    an empty cell, that the row's content is absent from the document. A language it
    does not name is sure (keyed documents, rows built by hand).
    """

    cells: dict[str, tuple[int, ...]]
    confidence: dict[str, float] = field(default_factory=dict)

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
    # The rule's word on its evidence; ``severity`` is the rule's until judged.
    strength: Strength = Strength.FULL
    # The key of the message it is about, in a keyed resource ("menu.save"); "" elsewhere.
    resource_key: str = ""
    # The index of the segment of its document it is about, when the rule knows it: the
    # key of a value that shares its line with others (minified JSON) is that segment's.
    segment: int | None = None


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
    line: int = 0  # where in the file, when the reader knows: 0 for the whole file
