"""HTML and JSX elements in documentation pages, found line by line before CommonMark
reads the page: MDX's ESM lines, expressions and tags, a .md page's JSX that
Docusaurus reads as MDX, and elements the page does not show. Each handler blanks the
lines it takes (line numbers stay exact) and returns how many it took.
"""

from __future__ import annotations

import re

from transcheck.segment.html import hides

_MDX_ESM = re.compile(r"^(?:import|export)\b")
# A whole ESM import line in a .md page: Docusaurus reads .md as MDX, and the line is
# no text in any language (``import Tabs from '@theme/Tabs';``).
_MD_IMPORT = re.compile(r"""^import\s++(?:(?:[\w$]++|\{[^{}\n]*+\}|\*\s++as\s++[\w$]++)"""
                        r"""(?:\s*+,\s*+(?:\{[^{}\n]*+\}|\*\s++as\s++[\w$]++))?\s++from\s++)?"""
                        r"""(?:'[^'\n]++'|"[^"\n]++");?\s*+$""")
_JSX_START = re.compile(r"</?(?:[A-Za-z][\w.:-]*(?=[\s/>]|$)|>)")
_COMPONENT = re.compile(r"<[A-Z][\w.]*+(?=\s|$)")
_CLOSING_TAG = re.compile(r"</[\w.:-]*+>")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][\w.:-]*+)")
_MAX_TAG_LINES = 40
_MAX_ELEMENT_LINES = 400  # an MDX element's opening tag, at most
_RAW_TAGS = re.compile(r"^<(?:style|script|pre|textarea)\b", re.IGNORECASE)


def markdown(line: str, i: int, out: list[str]) -> int:
    """Lines of a .md page that are markup for Docusaurus, which reads .md as MDX: a
    whole ``import`` line, and a component's opening tag over several lines."""
    return _import(line, i, out) or _component(out, i)


def _import(line: str, i: int, out: list[str]) -> int:
    if not _MD_IMPORT.match(line):
        return 0
    out[i] = ""
    return 1


def _component(out: list[str], i: int) -> int:
    """A JSX component's opening tag that runs over several lines of a .md page
    (``<Tabs`` and its attributes, ``values={[…]}``, each on its own line), which
    Docusaurus reads as MDX: markup, not a paragraph. A capital starts no HTML
    element, so CommonMark pages lose nothing. The number of lines consumed."""
    line = out[i]
    first = len(line) - len(line.lstrip())
    if first >= 4 or (i and out[i - 1].strip()) or not _COMPONENT.match(line, first):
        return 0
    # The tag ends within its paragraph, or it is no tag: "the <Tabs component".
    last = i
    while last + 1 < min(len(out), i + _MAX_TAG_LINES) and out[last + 1].strip():
        last += 1
    text = "\n".join(out[i : last + 1])
    end = _tag_end(text, first)
    if end < 0 or "\n" not in text[first:end]:
        return 0
    return _blank(out, i, text, end, line)


def mdx(lines: list[str], i: int, out: list[str]) -> int:
    """MDX lines that are no Markdown: ESM, whole-line expressions, and the JSX tags
    that open a line (their children stay, to be read as Markdown). The number of
    lines consumed."""
    line = out[i]
    s = line.strip()
    if _MDX_ESM.match(line) or s.startswith("{"):
        end = _balanced_end(lines, i)
        for j in range(i, end + 1):
            out[j] = ""
        return end - i + 1
    if not _JSX_START.match(s) or _RAW_TAGS.match(s):
        return 0
    text = "\n".join(out[i : i + _MAX_TAG_LINES])
    pos = first = len(line) - len(line.lstrip())
    if _tag_end(text, first) < 0 and i + _MAX_TAG_LINES < len(out):
        # An attribute that holds a program (a sketch's code in a template literal)
        # runs on: the element is looked for further, once.
        text = "\n".join(out[i : i + _MAX_ELEMENT_LINES])
    while pos < len(text) and text[pos] == "<" and _JSX_START.match(text, pos):
        end = _tag_end(text, pos)
        if end < 0:
            break
        pos = end
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    if pos == first:
        return 0
    # Text after the opening tags: the element's children, read as Markdown.
    return _blank(out, i, text, pos, line)


def hidden(out: list[str], i: int, mdx: bool) -> int:
    """A line that opens an element the page does not show (``<div style="display:
    none">`` of search keywords, ``hidden``): its lines up to the element's end are
    blanked, whatever they hold, Markdown between blank lines too. The number of lines
    consumed; 0 when the element does not end within a bound (then it is read as any)."""
    line = out[i]
    first = len(line) - len(line.lstrip())
    m = _TAG_NAME.match(line, first)
    if m is None or m.group(1):
        return 0
    # In Markdown, indented code; or a paragraph's line, which blanked would cut it in two
    # (the inline reading takes the element out there).
    if not mdx and (first >= 4 or (i and out[i - 1].strip())):
        return 0
    text = "\n".join(out[i : i + _MAX_TAG_LINES])
    end = _tag_end(text, first)
    if end < 0 or text[end - 2] == "/" or not hides(text[m.end() : end - 1]):
        return 0
    close = _element_end(text, m.group(2), end, mdx)
    if close < 0:
        return 0
    return _blank(out, i, text, close, line)


def _blank(out: list[str], i: int, text: str, pos: int, line: str) -> int:
    """Blank the lines from ``i`` to the one holding ``text``'s offset ``pos``, keeping
    what follows ``pos`` on that line (without closing tags), indented as ``line`` is;
    the number of lines consumed."""
    last = i + text.count("\n", 0, pos)
    rest = text[pos:].split("\n", 1)[0]
    for j in range(i, last + 1):
        out[j] = ""
    if rest.strip():
        out[last] = " " * _indent(line) + _without_closing_tags(rest)
    return last - i + 1


def _element_end(text: str, name: str, pos: int, mdx: bool) -> int:
    """The index after the end tag of the element ``name`` whose start tag ends at
    ``pos`` (elements of the same name may nest in it), -1 if it has none."""
    same = (lambda other: other == name) if mdx else (lambda other: other.lower() == name.lower())
    depth = 1
    for m in _TAG_NAME.finditer(text, pos):
        if not same(m.group(2)):
            continue
        end = _tag_end(text, m.start())
        if end < 0:
            continue
        if m.group(1):
            depth -= 1
            if depth == 0:
                return end
        elif text[end - 2] != "/":
            depth += 1
    return -1


def _tag_end(text: str, pos: int) -> int:
    """The index after the JSX tag that starts at ``pos``, -1 when it does not end:
    a ``>`` outside quotes and ``{…}`` attribute expressions."""
    quote, depth = "", 0
    for k in range(pos + 1, len(text)):
        ch = text[k]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and depth == 0:
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif ch == ">" and depth == 0:
            return k + 1
        elif ch == "<" and depth == 0:
            return -1
    return -1


def _balanced_end(lines: list[str], i: int) -> int:
    """The last line of the statement or expression that starts on line ``i``: where
    its brackets balance, within a bound (an unbalanced line stands alone)."""
    depth = 0
    for j in range(i, min(len(lines), i + _MAX_TAG_LINES)):
        for ch in lines[j]:
            depth += 1 if ch in "{([" else -1 if ch in "})]" else 0
        if depth <= 0:
            return j
    return i


def _without_closing_tags(text: str) -> str:
    """``text`` without the closing tags (``</Tabs>``) that end it, taken from the end
    one at a time, so a long run of tags costs linear time, not a rescan from each."""
    end, stripped = len(text), False
    while True:
        tail = text[:end].rstrip()
        start = tail.rfind("</")
        if start < 0 or not _CLOSING_TAG.fullmatch(tail, start):
            return text[:len(tail)] if stripped else text
        end, stripped = start, True


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
