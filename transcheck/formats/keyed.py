"""What every keyed resource format shares: how a value becomes a segment, where a
position lies, and how plural variants are named.

The conventions a keyed format follows, so that alignment, rules and reports treat
every format alike:

- every segment has a ``key``: the message's name (``menu.save``), unique in its file;
  a PO message's key is its msgid (``[context] msgid`` with a msgctxt); nested names
  are joined with ``.``, array items get ``:0``, ``:1``;
- a plural variant's key is its message's key plus the category in brackets:
  ``items[one]``, ``items[few]`` (CLDR categories, or ``=0``), or the form's index for
  gettext's numbered forms (``%d files[0]``); rows are per variant, and the plural
  check (TC704) judges which variants a language needs;
- ``raw`` is the value as written (a linked message, vue-i18n's and slang's
  ``@:general.save``, with the linked value in its place, as the program shows it),
  ``text`` the value without placeholders and tags, its HTML entities read
  (``formats.placeholders``), ``code`` the placeholders and tags taken out;
- ``source`` is the source text a bilingual file holds beside the translation (PO,
  XLIFF): a group without a document in the source language takes its source from it;
- ``state`` "fuzzy" marks a value flagged for review, "empty" a key without a value:
  neither is aligned or checked; both count in the coverage of the status table;
- the span of a segment is the lines of its key and value, so a finding points at the
  key's line and a changed value is within the lines a pull request touched.
"""

from __future__ import annotations

import bisect
import html
import re

from transcheck.model import Kind, Segment
from transcheck.segment.kinds import classify_line

CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_VARIANT = re.compile(r"^(.+)\[(zero|one|two|few|many|other|=\d+|\d+)\]$", re.DOTALL)
# Too deep a nesting is no resource file, and walking it would recurse without end.
MAX_DEPTH = 64


def split_plural(key: str) -> tuple[str, str] | None:
    """``("items", "one")`` for ``items[one]``; None for a key that is no plural variant."""
    m = _VARIANT.match(key)
    return (m.group(1), m.group(2)) if m else None


def plural_key(base: str, category: str) -> str:
    return f"{base}[{category}]"


def value_segment(index: int, line: int, end_line: int, key: str, raw: str,
                  source: str = "", state: str = "") -> Segment:
    """One keyed value as a segment (``raw``: the value with its escapes resolved)."""
    from transcheck.formats.placeholders import parse

    parsed = parse(raw)
    if not raw.strip() and not state:
        state = "empty"
    # A value shown as HTML (Rails' "&laquo; previous") is read as it shows: "« previous".
    text = html.unescape(parsed.text) if "&" in parsed.text else parsed.text
    kind = classify_line(text) if text else Kind.SYMBOLS
    return Segment(index, line, max(line, end_line), text, kind, key=key,
                   code=tuple(t.text for t in parsed.tokens), raw=raw, source=source, state=state)


class Positions:
    """Line numbers (1-based) of character offsets in a text, by bisection."""

    def __init__(self, text: str):
        self.starts = [0]
        find = text.find
        at = find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = find("\n", at + 1)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def show_key(key: str, width: int = 50) -> str:
    """A key as a message names it: on one line, shortened."""
    key = " ".join(key.split())
    return key if len(key) <= width else key[:width - 1] + "…"


def is_keyed(segments) -> bool:
    return bool(segments) and all(s.key for s in segments)


# A linked message (vue-i18n, slang): "@:menu.save", "@.lower:menu.save", "@:{'menu.save'}".
_LINK = re.compile(r"@(?:\.[a-z]++)?:(?:\{'([^'{}]{1,200})'\}|(\.?[A-Za-z_][\w-]*+(?:\.[\w-]++)*+))")
# slang's key modifiers: "minutesUnit(plural, param=m)" is linked as "minutesUnit".
_MODIFIERS = re.compile(r"\([^()]{0,100}\)")
_LINK_DEPTH = 8


def resolve_links(values: dict[str, str]) -> dict[str, str]:
    """The values whose linked messages (``@:general.save``) were replaced by the
    linked values, as vue-i18n and slang show them, keyed as given; a link to a key the
    file lacks stays as written, and links within links are followed 8 deep. A link
    names a key without slang's modifiers, a plural message by its ``other`` form, and
    one that starts with a dot a key beside the linking one."""
    done: dict[str, str] = {}
    names: dict[str, str] = {}
    for key in values:
        split = split_plural(key)
        name = _MODIFIERS.sub("", split[0] if split else key)
        if split is None or split[1] == "other":
            names.setdefault(name, key)

    def resolved(key: str, depth: int) -> str:
        if key in done:
            return done[key]
        value = values[key]
        if depth < _LINK_DEPTH and "@" in value:
            def one(m: re.Match) -> str:
                target = m.group(1) or m.group(2)
                if target.startswith("."):
                    target = _MODIFIERS.sub("", key).rpartition(".")[0] + target
                target = names.get(target, target)
                return resolved(target, depth + 1) if target in values and target != key else m.group(0)

            value = _LINK.sub(one, value)
        done[key] = value
        return value

    return {key: text for key in values if "@" in values[key] and (text := resolved(key, 0)) != values[key]}

