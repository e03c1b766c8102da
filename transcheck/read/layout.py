"""Layouts: where the language sits in the paths of a documentation tree.

A layout is a glob (``*``, ``**``, ``?``) with one ``{lang}`` placeholder, a whole path
component (``docs/{lang}/docs/**/*.md``) or part of a name (``docs/**/*.{lang}.md``,
``README-{lang}.md``, ``pages.{lang}/**/*.md``). Files whose paths are equal once
``{lang}`` is taken out are one document in several languages, and so are a ``.md`` and
an ``.mdx`` page otherwise equal (``transcheck.read.tree``). A path equal to the
pattern with its ``.{lang}``, ``-{lang}`` or ``_{lang}`` taken out is the source's
(``page.md`` beside ``page.fr.md``, ``README.md`` beside ``README-fr.md``, ``pages/``
beside ``pages.fr/``, Android's ``values/`` beside ``values-{lang}/``). Where the
source lives elsewhere, ``SOURCE=TRANSLATION`` on the command line
(``README.md=translations/README-{lang}.md``) or ``{ source = "docs/**/*.md",
translation = "i18n/{lang}/.../current/**/*.md" }`` in the configuration pairs source
and translation by what the wildcards matched (Crowdin's ``source:`` and
``translation:`` with ``%two_letters_code%``, Docusaurus's ``i18n/`` tree).

Discovery is one walk of the directories the patterns can match (their literal
prefixes), with the patterns compiled once, and no git: a tree of thousands of files
takes milliseconds. Paths in reports are the files' own, relative to the working
directory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from transcheck.read.languages import code_hint, normalise_tag

PLACEHOLDER = "{lang}"
# What a code in a layout's {lang} place may look like: tags ("fr", "pt_BR", "zh-hant",
# "sr-Latn-RS") and the codes projects invent ("cn", "ptbr", "zh-tw", "portuguese",
# "chinese-traditional"). Whatever fills the place is a language to resolve or a file to
# warn about, never dropped unseen: a whole path component is any name ("_template/").
_TAG = r"[A-Za-z][A-Za-z0-9]{1,19}(?:[-_][A-Za-z0-9]{1,19}){0,2}(?:@[A-Za-z]{1,19})?"
_COMPONENT = r"[^/]+"
SEPARATORS = (".", "-", "_")
_TOKENS = re.compile(r"(\{lang\}|\*\*|\*|\?)")


class LayoutError(ValueError):
    """A layout that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Layout:
    anchor: str  # absolute directory the patterns are relative to
    translation: str  # the pattern with {lang}
    source: str | None = None  # the table form's source pattern, without {lang}

    def describe(self) -> str:
        return self.translation if self.source is None else f"{self.source}={self.translation}"  # as --layout takes it


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
    if isinstance(value, str) and "=" in value:
        translation, source = _pair(value, where)
    elif isinstance(value, str):
        translation, source = value, None
    elif isinstance(value, dict) and set(value) == {"source", "translation"} and all(
        isinstance(v, str) for v in value.values()
    ):
        translation, source = value["translation"], value["source"]
    else:
        raise LayoutError(
            f"{where}: expected a pattern with {PLACEHOLDER}, SOURCE=TRANSLATION, or a table "
            f'{{ source = "...", translation = "...{PLACEHOLDER}..." }}'
        )
    translation = _checked(translation.replace("\\", "/"), where, 1)
    if source is not None:
        source = _checked(source.replace("\\", "/"), f"{where}: source", 0)
        if _wildcards(source) and not _wildcards(translation):
            source = _one_file(source, anchor, where)
        if _wildcards(source) != _wildcards(translation):
            raise LayoutError(
                f"{where}: source and translation need the same wildcards in the same order "
                f"({' '.join(_wildcards(source)) or 'none'} vs {' '.join(_wildcards(translation)) or 'none'}), "
                "so that their files pair up"
            )
    return Layout(os.path.abspath(anchor), translation, source)


def _one_file(source: str, anchor: str, where: str) -> str:
    """The one file a source pattern with wildcards in its file name names for a
    translation pattern without any (``po/*.pot=po/{lang}.po``: the template, whatever
    the project calls it), as a literal path; LayoutError where it names none or
    several. Only that one folder of the tree is listed, read as the layout reads
    patterns (``[`` is a letter), and never through a link out of the tree."""
    folder, _, name = source.rpartition("/")
    if _wildcards(folder):
        raise LayoutError(f"{where}: the source pattern {source!r}: a translation pattern without wildcards "
                          "takes a source pattern with them in its file name only")
    directory = os.path.join(anchor, folder)
    root = os.path.realpath(anchor)
    real = os.path.realpath(directory)
    inside = real == root or real.startswith(root + os.sep)
    try:
        names = [e.name for e in os.scandir(directory) if e.is_file(follow_symlinks=False)] if inside else []
    except OSError:
        names = []
    pattern = _regex(name)
    found = sorted(f"{folder}/{n}" if folder else n for n in names if pattern.fullmatch(n))
    if len(found) != 1:
        raise LayoutError(f"{where}: the source pattern {source!r} names {len(found) or 'no'} file"
                          f"{'' if len(found) == 1 else 's'}{': ' + ', '.join(found[:3]) if found else ''}; "
                          "a translation pattern without wildcards needs one source file")
    # A layout's wildcards are "*", "**" and "?": the name, as written, matches itself.
    if "*" in found[0] or "?" in found[0]:
        raise LayoutError(f"{where}: the source file {found[0]!r} has a wildcard in its name; name it in a table layout")
    return found[0]


def _pair(value: str, where: str) -> tuple[str, str]:
    """(translation, source) of ``SOURCE=TRANSLATION``; the side with {lang} is the
    translation's, so the order is the user's to choose."""
    left, _, right = value.partition("=")
    sides = [side for side in (left, right) if PLACEHOLDER in side]
    if len(sides) != 1 or "=" in right:
        raise LayoutError(
            f"{where}: {value!r}: expected SOURCE=TRANSLATION, {PLACEHOLDER} in the translation's "
            "pattern only (README.md=translations/README-{lang}.md)"
        )
    return (left, right) if PLACEHOLDER in left else (right, left)


def implicit_source(translation: str) -> str | None:
    """The source's pattern a translation pattern implies: its last ``.{lang}``,
    ``-{lang}`` or ``_{lang}`` taken out (``README-{lang}.md``: ``README.md``;
    ``pages.{lang}/**``: ``pages/**``); None where {lang} is a whole component."""
    at = translation.rfind(PLACEHOLDER)
    if at > 0 and translation[at - 1] in SEPARATORS:
        return translation[: at - 1] + translation[at + len(PLACEHOLDER):]
    return None


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


def _regex(pattern: str, lazy: bool = False) -> re.Pattern:
    out = []
    parts = pattern.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(.*)" if last else "((?:[^/]+/)*)")
            continue
        if part == PLACEHOLDER:
            out.append(f"(?P<lang>{_COMPONENT})" + ("" if last else "/"))
            continue
        for token in _TOKENS.split(part):
            if token == PLACEHOLDER:
                out.append(f"(?P<lang>{_TAG})")
            elif token == "*":
                out.append("([^/]*?)" if lazy else "([^/]*)")
            elif token == "?":
                out.append("([^/])")
            else:
                out.append(re.escape(token))
        if not last:
            out.append("/")
    return re.compile("".join(out))


def compile_pattern(pattern: str) -> re.Pattern:
    """A layout pattern as a regular expression over '/'-separated relative paths."""
    return _regex(pattern)


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


@dataclass(frozen=True)
class Hit:
    raw: str | None  # the code in the path; None: a source file without one
    captures: tuple[str, ...]
    name: str  # the group: the name pattern with the wildcards filled in
    holder: str  # the path up to the component that holds the code ("pages.xx", "README-xx.md")
    explicit_source: bool = False  # matched the table form's source pattern


class CompiledLayout:
    def __init__(self, layout: Layout, resolve=normalise_tag):
        self.layout = layout
        self.resolve = resolve
        self.translation = _regex(layout.translation)
        # "*_{lang}" takes as much as it can: "messages_pt_BR" would be Breton's page
        # "messages_pt". Read lazily too, a code with its region wins where it is one.
        self.regional = _regex(layout.translation, lazy=True)
        self.lang_group = self.translation.groupindex["lang"]
        self.whole = PLACEHOLDER in layout.translation.split("/")
        # The language-less file: the table form's source, or the implied one; a group
        # is named by its source's path (README.md, pages/common/tar.md).
        source = layout.source or implicit_source(layout.translation)
        self.name_pattern = source or layout.translation
        self.source = _regex(source) if source is not None else None
        self.prefixes = {_prefix(layout.translation)}
        if source is not None:
            self.prefixes.add(_prefix(source))

    def match(self, relative: str) -> Hit | None:
        m = self.translation.fullmatch(relative)
        if m and not self.whole and (r := self.regional.fullmatch(relative)) and r.group("lang") != m.group("lang"):
            tag = self.resolve(r.group("lang"))
            m = r if tag is not None and "-" in tag else m
        # "docs/api/x.md" fits "docs/{lang}/**" as well as "docs/**": no language called
        # "api" exists, so where a source pattern matches too, it is a source page; but
        # "page.cn.md" is China's page, a code to map, not a page called "page.cn".
        if m and (self.source is None or self.resolve(m.group("lang")) is not None
                  or (not self.whole and code_hint(m.group("lang")) is not None)):
            return self._hit(m, relative)
        if self.source is not None:
            s = self.source.fullmatch(relative)
            if s:
                return Hit(None, s.groups(), _fill(self.name_pattern, s.groups()), relative,
                           self.layout.source is not None)
        if m:  # a code that is no language: reported by the caller
            return self._hit(m, relative)
        return None

    def _hit(self, m: re.Match, relative: str) -> Hit:
        captures = tuple(g for i, g in enumerate(m.groups(), 1) if i != self.lang_group)
        end = relative.find("/", m.end("lang"))
        return Hit(m.group("lang"), captures, _fill(self.name_pattern, captures),
                   relative if end < 0 else relative[:end])
