"""Layouts: where the language sits in the paths of a documentation tree.

A layout is a glob (``*``, ``**``, ``?``) with one ``{lang}`` placeholder, a whole path
component (``docs/{lang}/docs/**/*.md``) or part of a file name (``docs/**/*.{lang}.md``).
Files whose paths are equal once ``{lang}`` is taken out are one document in several
languages. Where the source lives elsewhere, ``{ source = "docs/**/*.md", translation =
"i18n/{lang}/.../current/**/*.md" }`` pairs source and translation by what the
wildcards matched (Docusaurus; Crowdin and Transifex configurations say the same). In
the file-name form, a file without the language part (``page.md`` beside
``page.fr.md``) is the source language's, when one is set; so is a resource tree's
file without its ``-{lang}`` or ``_{lang}`` part (Android's ``values/strings.xml``
beside ``values-{lang}/strings.xml``, ``messages.properties`` beside
``messages_{lang}.properties``).

Discovery is one walk of the directories the patterns can match (their literal
prefixes), with the patterns compiled once, and no git: a tree of thousands of files
takes milliseconds. Paths in reports are the files' own, relative to the working
directory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from transcheck.read.languages import normalise_tag

PLACEHOLDER = "{lang}"
# What a language tag in a path looks like: "fr", "pt-br", "pt_BR", "zh-hant", "sr-Latn-RS".
# A directory or suffix of another shape ("images", "config") is not a language at all.
_TAG = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}"
_TOKENS = re.compile(r"(\{lang\}|\*\*|\*|\?)")


class LayoutError(ValueError):
    """A layout that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Layout:
    anchor: str  # absolute directory the patterns are relative to
    translation: str  # the pattern with {lang}
    source: str | None = None  # the table form's source pattern, without {lang}

    def describe(self) -> str:
        return self.translation if self.source is None else f"{self.source} -> {self.translation}"


def parse_layouts(entries: list, anchor: str, where: str, error: type[Exception] = LayoutError) -> tuple:
    """Every layout of a list, or ``error`` (the caller's exception class) with one line."""
    try:
        return tuple(
            parse_layout(e, anchor, f"{where}[{n}]" if len(entries) > 1 else where)
            for n, e in enumerate(entries, start=1)
        )
    except LayoutError as exc:
        raise error(str(exc)) from None


def parse_layout(value, anchor: str, where: str = "--layout") -> Layout:
    """A layout from the command line (a string) or the configuration (a string or a
    table with ``source`` and ``translation``); raises LayoutError."""
    if isinstance(value, str):
        translation, source = value, None
    elif isinstance(value, dict) and set(value) == {"source", "translation"} and all(
        isinstance(v, str) for v in value.values()
    ):
        translation, source = value["translation"], value["source"]
    else:
        raise LayoutError(
            f"{where}: expected a pattern with {PLACEHOLDER}, or a table "
            f'{{ source = "...", translation = "...{PLACEHOLDER}..." }}'
        )
    translation = _checked(translation.replace("\\", "/"), where, 1)
    if source is not None:
        source = _checked(source.replace("\\", "/"), f"{where}: source", 0)
        if _wildcards(source) != _wildcards(translation):
            raise LayoutError(
                f"{where}: source and translation need the same wildcards in the same order "
                f"({' '.join(_wildcards(source)) or 'none'} vs {' '.join(_wildcards(translation)) or 'none'}), "
                "so that their files pair up"
            )
    return Layout(os.path.abspath(anchor), translation, source)


def _checked(pattern: str, where: str, placeholders: int) -> str:
    parts = pattern.split("/")
    if not pattern or pattern.startswith("/") or ".." in parts or "" in parts:
        raise LayoutError(f"{where}: {pattern!r} must be a relative path pattern, without '..'")
    if pattern.count(PLACEHOLDER) != placeholders:
        wanted = f"exactly one {PLACEHOLDER}" if placeholders else f"no {PLACEHOLDER}"
        raise LayoutError(f"{where}: {pattern!r} must hold {wanted}")
    if any("**" in part and part != "**" for part in parts):
        raise LayoutError(f"{where}: {pattern!r}: '**' must be a whole path component")
    return pattern


def _wildcards(pattern: str) -> list[str]:
    return [t for t in _TOKENS.findall(pattern) if t != PLACEHOLDER]


def _regex(pattern: str) -> re.Pattern:
    out = []
    parts = pattern.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(.*)" if last else "((?:[^/]+/)*)")
            continue
        for token in _TOKENS.split(part):
            if token == PLACEHOLDER:
                out.append(f"(?P<lang>{_TAG})")
            elif token == "*":
                out.append("([^/]*)")
            elif token == "?":
                out.append("([^/])")
            else:
                out.append(re.escape(token))
        if not last:
            out.append("/")
    return re.compile("".join(out))


def _fill(pattern: str, captures: tuple[str, ...]) -> str:
    """The pattern with its wildcards replaced by what they matched ({lang} stays)."""
    it = iter(captures)
    parts = pattern.split("/")
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(next(it))  # a leading "**" matched its own slashes
            continue
        out.append("".join(next(it) if t in ("*", "?") else t for t in _TOKENS.split(part)))
        if not last:
            out.append("/")
    return "".join(out)


def _prefix(pattern: str) -> str:
    """The literal directories a pattern starts with: the only place it can match."""
    literal = []
    for part in pattern.split("/")[:-1]:
        if _TOKENS.search(part):
            break
        literal.append(part)
    return "/".join(literal)


class CompiledLayout:
    def __init__(self, layout: Layout, source_language: str | None):
        self.layout = layout
        self.translation = _regex(layout.translation)
        self.lang_group = self.translation.groupindex["lang"]
        name_pattern = layout.source or layout.translation
        self.name_pattern = name_pattern
        # The language-less file: the table form's source, or "page.md" beside "page.fr.md".
        self.source = None
        if source_language is not None:
            if layout.source is not None:
                self.source = _regex(layout.source)
            elif "." + PLACEHOLDER in layout.translation.rsplit("/", 1)[-1]:
                self.source = _regex(_replace_last(layout.translation, "." + PLACEHOLDER, ""))
            else:
                # Resource trees: Android's "values-{lang}" beside "values", Java's
                # "messages_{lang}.properties" beside "messages.properties".
                for sep in ("-", "_"):
                    if sep + PLACEHOLDER in layout.translation:
                        self.source = _regex(_replace_last(layout.translation, sep + PLACEHOLDER, ""))
                        break
        self.prefixes = {_prefix(layout.translation)}
        if layout.source is not None:
            self.prefixes.add(_prefix(layout.source))

    def match(self, relative: str) -> tuple[str | None, tuple[str, ...], str] | None:
        """(raw language or None for the source, wildcard captures, group name)."""
        m = self.translation.fullmatch(relative)
        # "docs/api/x.md" fits "docs/{lang}/**" as well as "docs/**": no language called
        # "api" exists, so where a source pattern matches too, it is a source page.
        if m and (self.source is None or normalise_tag(m.group("lang")) is not None):
            captures = tuple(g for i, g in enumerate(m.groups(), 1) if i != self.lang_group)
            return m.group("lang"), captures, _fill(self.name_pattern, captures)
        if self.source is not None:
            m = self.source.fullmatch(relative)
            if m:
                return None, m.groups(), _fill(self.name_pattern, m.groups())
        if m:  # an unknown language, reported by the caller
            captures = tuple(g for i, g in enumerate(m.groups(), 1) if i != self.lang_group)
            return m.group("lang"), captures, _fill(self.name_pattern, captures)
        return None


def _replace_last(text: str, old: str, new: str) -> str:
    head, _, tail = text.rpartition(old)
    return head + new + tail
