"""File formats: what transcheck reads, one module per format behind one interface.

A format is a ``FileFormat`` record: the file-name suffixes it owns, how its decoded
lines become segments (a keyed resource's segments carry their keys, and its documents
are then aligned by key), how a reviewer writes an inline suppression in it, and what
structure its segments keep. Everything else in
transcheck asks this registry and never looks at a suffix itself, so a new format is a
new module here plus its line in ``_MODULES``.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from transcheck.model import Document, DocumentInfo, Segment


@dataclass(frozen=True)
class FileFormat:
    name: str
    mime_type: str  # for SARIF's artifacts
    # The decoded lines of a file (``read.decode.split_lines``) as segments, each with
    # its line span. Must be linear in the input: files come from pull requests.
    segment: Callable[[list[str]], tuple[Segment, ...]]
    # An inline suppression's opener and closer on a line of its own ("<!--", "-->");
    # None: the format has no comment a translator's tools carry along.
    comment: tuple[str, str] | None = None
    # Headings, links, code and ids are segment structure that translations keep
    # (the structure check compares them).
    markup: bool = False
    # ``fix`` may delete a file's repeated lines: the lines are the content, so a
    # removed line leaves a well-formed file.
    fixable: bool = False
    # For a format whose parser is costly: at least how many segments ``segment``
    # would make, counted in one pass without parsing, up to a stop (``lines, stop``),
    # so that the segment limit holds before the parser runs. None: the format
    # segments in linear time and is held to the exact count afterwards.
    least_segments: Callable[[list[str], int | None], int] | None = None
    # A keyed resource (``formats.keyed`` explains the conventions its segments follow):
    # met while walking a directory without a language in its name, such a file is
    # configuration beside the documents, skipped without a word.
    keyed: bool = False
    # A bilingual resource (PO, XLIFF): each message holds its source beside its
    # translation, so a run needs no file in the source language.
    bilingual: bool = False
    # The ICU plural selectors "=0", "=1", "=2" serve the zero, one and two categories,
    # not only their numbers (Flutter's ARB: gen_l10n hands them to Intl.pluralLogic).
    numbered_categories: bool = False


class FormatError(ValueError):
    """A file its format cannot read (not well-formed, a DTD, too deeply nested); the
    message is one line, without the path, and becomes the file's input problem. A
    message that opens with "line N:" places it: ``line`` is N, else 0."""

    @property
    def line(self) -> int:
        m = re.match(r"line (\d+):", str(self))
        return int(m.group(1)) if m else 0


# The registry, one line per format: its name, the module defining its ``FORMAT``, and
# the file-name suffixes it owns (lower case). Modules are imported when first asked
# for, so start-up never pays for a format a run does not read, and a path is matched
# without importing any.
_REGISTRY: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("transcheck.formats.text", (".txt",)),
    "markdown": ("transcheck.formats.markdown", (".md", ".markdown")),
    "mdx": ("transcheck.formats.mdx", (".mdx",)),
    "json": ("transcheck.formats.json", (".json",)),
    "arb": ("transcheck.formats.arb", (".arb",)),
    "po": ("transcheck.formats.po", (".po",)),
    "pot": ("transcheck.formats.pot", (".pot",)),
    "xliff": ("transcheck.formats.xliff", (".xlf", ".xliff")),
    "yaml": ("transcheck.formats.yaml", (".yml", ".yaml")),
    "properties": ("transcheck.formats.properties", (".properties",)),
    "android": ("transcheck.formats.android", (".xml",)),
    "strings": ("transcheck.formats.strings", (".strings",)),
    "stringsdict": ("transcheck.formats.stringsdict", (".stringsdict",)),
}


def names() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def _by_suffix() -> dict[str, str]:
    return {suffix: name for name, (_, suffixes) in _REGISTRY.items() for suffix in suffixes}


@cache
def get(name: str) -> FileFormat:
    """The format called ``name``; ``KeyError`` for none."""
    fmt = importlib.import_module(_REGISTRY[name][0]).FORMAT
    assert fmt.name == name, name
    return fmt


def name_for(path: str) -> str | None:
    """The name of the format that reads ``path``, by its suffix (any case); None: no
    format does. A name of dots and a suffix (``..md``, tldr's page for the ``.``
    command) is a page like any other; a hidden file with no other dot
    (``.gitignore``) has no suffix."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return _by_suffix().get(name[dot:].lower()) if dot > 0 else None


# Markdown and MDX are one kind of page: a site that converts its pages to MDX leaves
# some translations with the old suffix, and Astro and Docusaurus pair pages by their
# path without it (es/environmental-impact.md translates environmental-impact.mdx).
# A gettext template (.pot) is the source of its catalogues (.po).
_FAMILY = {"mdx": "markdown", "pot": "po"}


def family(path: str) -> str | None:
    """What the files of one document in several languages share: "markdown" for every
    Markdown-like page (.md, .markdown, .mdx), "po" for a gettext template and its
    catalogues, else the format's own name; None: no format reads ``path``. Each file
    is still read as its own format."""
    name = name_for(path)
    return _FAMILY.get(name, name)


def for_path(path: str) -> FileFormat | None:
    name = name_for(path)
    return get(name) if name else None


def is_keyed(path: str) -> bool:
    """Whether ``path`` is a keyed resource by its suffix (``FileFormat.keyed``)."""
    fmt = for_path(path)
    return fmt is not None and fmt.keyed


def is_bilingual(path: str) -> bool:
    """Whether ``path`` holds each message's source beside it (``FileFormat.bilingual``)."""
    fmt = for_path(path)
    return fmt is not None and fmt.bilingual


def of(doc: Document | DocumentInfo) -> FileFormat:
    """The format of a document (or of a ``read.spec.FileSpec``, the file it is read
    from): its own word, else its path's suffix, else plain text (a document handed
    over from memory under a bare name)."""
    return get(doc.format or name_for(doc.path) or "text")


def segment(path: str, lines: list[str], format: str = "") -> tuple[Segment, ...]:
    """``lines`` segmented as the format ``format`` (default: by ``path``'s suffix,
    plain text when it has none transcheck knows)."""
    return get(format or name_for(path) or "text").segment(lines)


def known() -> str:
    """The suffixes transcheck reads, for messages: ".txt, .md, .markdown, ... or .stringsdict"."""
    names = list(_by_suffix())
    return ", ".join(names[:-1]) + " or " + names[-1]

