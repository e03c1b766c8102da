"""JSON message catalogues: nested or flat (i18next, react-intl/FormatJS, vue-i18n,
ngx-translate), and Chrome's ``messages.json``; ARB (``formats.arb``) reads through
here too.

Every string leaf is a message, named by its path (``menu.save``; array items
``steps:0``). An object with a ``message``, ``defaultMessage`` or ``string`` string
and nothing else but a description or context, an id and placeholders is one message
(Chrome, FormatJS extracts, Crowdin's structured JSON); the file itself never is (a flat
catalogue may have a key "message").
i18next's plural suffixes (``items_one``, ``items_other``) and objects of plural
categories (``{"items": {"one": …, "other": …}}``) become plural variants
(``items[one]``) when the file has the ``other`` form; so do i18next's older (v3)
suffixes: ``items`` beside ``items_plural`` are ``items[one]`` and ``items[other]``,
and numbered forms ``items_0``, ``items_1``… from 0 without a gap, where ``items``
itself is absent, are the forms by index (``items[0]``), as gettext numbers them
(i18next v3 numbers them by its own rules, which CLDR's categories do not always
follow). Keys that begin with ``@`` describe messages (slang's ``@info``, ARB's
``@key`` and ``@@locale``) and are no text. A catalogue that is one object
under a language code (i18n-js, Rails-style ``{"de": {...}}``) is read below it, so the
keys of every language align.

The stdlib's JSON tokenizer (``json.decoder.scanstring``, in C) reads the strings; the
walk around it is an explicit stack that records each key's line, since ``json.loads``
keeps no positions. Linear in the file, no recursion, nesting limited.
"""

from __future__ import annotations

import re
from json.decoder import scanstring

from transcheck.formats import FileFormat, FormatError
from transcheck.formats.keyed import CATEGORIES, MAX_DEPTH, Positions, plural_key, resolve_links, value_segment
from transcheck.model import Segment

_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
# Chrome and FormatJS give a message as "message" or "defaultMessage", Crowdin's
# structured JSON as "string" beside its "context" for the translator.
_MESSAGE = ("message", "defaultMessage", "string")
_CHROME = ("message", "description", "placeholders")
# What a message object holds besides its message (Chrome, FormatJS extracts, Crowdin).
_HOLDER_KEYS = frozenset({"message", "defaultMessage", "string", "description", "id", "placeholders",
                          "context", "crowdinContext", "maxLength"})
_SUFFIX = re.compile(r"^(.+)_(%s)$" % "|".join(CATEGORIES))
_CATEGORY_NAMES = frozenset(CATEGORIES)
_NUMBERED = re.compile(r"^(.+)_(\d)$")


def leaves(text: str) -> list[tuple[tuple[str, ...], str, int, int]]:
    """Every string leaf: (path, value, offset of its key, offset after its value).
    Raises FormatError with the line of the first thing that is not JSON."""
    pos = Positions(text)
    out: list[tuple[tuple[str, ...], str, int, int]] = []
    i = _SPACE.match(text, 0).end()
    if text.startswith("\ufeff"):
        i = _SPACE.match(text, 1).end()
    # Each frame: (container kind "{" or "[", its path, next array index).
    stack: list[list] = []
    path: tuple[str, ...] = ()
    key_at = i
    expect_value = True
    try:
        while True:
            if expect_value:
                ch = text[i] if i < len(text) else ""
                if ch == "{" or ch == "[":
                    if len(stack) >= MAX_DEPTH:
                        raise FormatError(f"line {pos.line(i)}: nested deeper than {MAX_DEPTH} levels")
                    stack.append([ch, path, 0, key_at])
                    i = _SPACE.match(text, i + 1).end()
                    if text[i:i + 1] == ("}" if ch == "{" else "]"):
                        i += 1
                        expect_value = False
                        stack.pop()
                        continue
                    if ch == "{":
                        path, key_at, i = _key(text, i, stack[-1][1], pos)
                    else:
                        path, key_at = stack[-1][1] + (":0",), i
                        stack[-1][2] = 1
                    continue
                if ch == '"':
                    value, end = scanstring(text, i + 1)
                    out.append((path, value, key_at, end))
                    i = end
                else:
                    m = _SCALAR.match(text, i)
                    if not m:
                        raise FormatError(f"line {pos.line(i)}: expected a JSON value")
                    i = m.end()
                expect_value = False
                continue
            i = _SPACE.match(text, i).end()
            if not stack:
                if i != len(text):
                    raise FormatError(f"line {pos.line(i)}: text after the end of the JSON value")
                return out
            frame = stack[-1]
            ch = text[i] if i < len(text) else ""
            closer = "}" if frame[0] == "{" else "]"
            if ch == ",":
                i = _SPACE.match(text, i + 1).end()
                if frame[0] == "{":
                    path, key_at, i = _key(text, i, frame[1], pos)
                else:
                    path, key_at = frame[1] + (f":{frame[2]}",), i
                    frame[2] += 1
                expect_value = True
            elif ch == closer:
                stack.pop()
                i += 1
            else:
                raise FormatError(f"line {pos.line(i)}: expected ',' or '{closer}'")
    except ValueError as exc:  # scanstring's own errors, FormatError among them
        if isinstance(exc, FormatError):
            raise
        raise FormatError(f"line {pos.line(i)}: {str(exc).split(':')[0]}") from None
    except IndexError:
        raise FormatError("unexpected end of the file") from None


def _key(text: str, i: int, parent: tuple[str, ...], pos: Positions):
    if text[i:i + 1] != '"':
        raise FormatError(f"line {pos.line(i)}: expected a quoted key")
    key, end = scanstring(text, i + 1)
    end = _SPACE.match(text, end).end()
    if text[end:end + 1] != ":":
        raise FormatError(f"line {pos.line(end)}: expected ':' after a key")
    return parent + (key,), i, _SPACE.match(text, end + 1).end()


def messages(text: str, skip=lambda path: False) -> list[tuple[str, str, int, int]]:
    """(key, value, first line, last line) of each message, in file order."""
    pos = Positions(text)
    found = leaves(text)
    # Objects holding a "message": the message is the object's only text.
    # Not the file itself ({"message": "message", "save": "Save"} is a flat catalogue),
    # nor an object with text of its own beside the message ({"message": …, "tip": …}).
    holders = {p[:-1] for p, _, _, _ in found if len(p) > 1 and p[-1] in _MESSAGE}
    holders -= {p[:-1] for p, _, _, _ in found if len(p) > 1 and p[-1] not in _HOLDER_KEYS}
    root = 1 if _language_root(text, found, holders) else 0
    out = []
    for path, value, start, end in found:
        if skip(path):
            continue
        if path[:-1] in holders:
            if path[-1] not in _MESSAGE:
                continue
            path = path[:-1]
        path = path[root:]
        name = "".join(part if part.startswith(":") or n == 0 else "." + part for n, part in enumerate(path))
        out.append((name or "(value)", value, pos.line(start), pos.line(end)))
    return out


def _language_root(text: str, found, holders) -> bool:
    """Whether the catalogue is one object under a language code: every message below
    the same tag, which is the document's only key (Chrome's ``{"de": {"message": …}}``
    is a message named "de", not a language)."""
    firsts = {p[0] for p, _, _, _ in found if p}
    if len(firsts) != 1 or any(len(p) < 2 for p, _, _, _ in found) or tuple(firsts) in holders:
        return False
    from transcheck.read.languages import normalise_tag

    if normalise_tag(next(iter(firsts))) is None:
        return False
    import json

    top = json.loads(text.lstrip("\ufeff"))  # valid: ``leaves`` has read it all
    return isinstance(top, dict) and len(top) == 1


def plural_suffixes(entries: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """i18next's ``name_one``... as plural variants of ``name``, where ``name_other`` is
    there; and an object whose every key is a plural category, ``other`` among them
    (``{"views": {"one": …, "other": …}}``: easy_localization, i18n-js), as the
    variants of its key."""
    keys = {k for k, _, _, _ in entries}
    children: dict[str, set[str]] = {}
    for key in keys:
        base, dot, last = key.rpartition(".")
        if dot:
            children.setdefault(base, set()).add(last)
    nested = {base for base, names in children.items() if "other" in names and names <= _CATEGORY_NAMES}
    numbered = _numbered(keys)
    out = []
    for key, value, line, end in entries:
        m = _SUFFIX.match(key)
        n = _NUMBERED.match(key)
        if m and f"{m.group(1)}_other" in keys:
            key = plural_key(m.group(1), m.group(2))
        elif key.endswith("_plural") and key[:-7] in keys:
            key = plural_key(key[:-7], "other")
        elif f"{key}_plural" in keys:
            key = plural_key(key, "one")
        elif n and n.group(1) in numbered:
            key = plural_key(n.group(1), n.group(2))
        else:
            base, _, last = key.rpartition(".")
            if base in nested:
                key = plural_key(base, last)
        out.append((key, value, line, end))
    return out


def _numbered(keys: set[str]) -> set[str]:
    """Messages written as i18next v3's numbered forms: ``name_0``, ``name_1``… from 0
    without a gap, and no ``name`` itself (a key ``name`` would make them names)."""
    found: dict[str, set[int]] = {}
    for key in keys:
        if m := _NUMBERED.match(key):
            found.setdefault(m.group(1), set()).add(int(m.group(2)))
    return {base for base, numbers in found.items()
            if base not in keys and numbers == set(range(len(numbers)))}


def to_segments(entries) -> tuple[Segment, ...]:
    linked = resolve_links({key: value for key, value, _, _ in entries})
    return tuple(value_segment(i, line, end, key, linked.get(key, value))
                 for i, (key, value, line, end) in enumerate(entries))


def _annotation(path: tuple[str, ...]) -> bool:
    """A key that describes messages rather than being one: ``@info`` beside a
    message (slang), ``@key`` and ``@@locale`` (the ARB convention others follow)."""
    return any(part.startswith("@") for part in path)


def segment(lines: list[str]) -> tuple[Segment, ...]:
    text = "\n".join(lines)
    entries = messages(text, skip=_annotation)
    # Chrome's messages.json ({"name": {"message": …, "description": …}}) has no plural
    # forms: "category_other" is a name, not the "other" form of "category".
    chrome = entries and all(len(p) >= 2 and p[1] in _CHROME for p, _, _, _ in leaves(text))
    return to_segments(entries if chrome else plural_suffixes(entries))


# JSON has no comments: a suppression goes in the configuration, by fingerprint or key.
FORMAT = FileFormat(name="json", mime_type="application/json", segment=segment, keyed=True)
