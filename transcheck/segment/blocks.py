"""The lines of a documentation page that CommonMark does not know: front matter,
admonitions and content tabs, includes and shortcodes, MDX ``import``/``export`` lines,
``{…}`` expressions and JSX tags, Jekyll's Liquid tags (``liquid``).

``prepare`` blanks those lines (so every line number stays exact), dedents the indented
bodies of ``!!!`` admonitions and ``===`` tabs (so that they are read as Markdown, not as
indented code), and returns what the lines stand for: a title (prose) or a directive
(never prose). Lines inside fenced code are left alone.
"""

from __future__ import annotations

import re

from transcheck.model import Kind
from transcheck.segment import liquid
from transcheck.segment.front_matter import Mark, front_matter
from transcheck.segment.html import hides

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})([^`]*)$")
_BLOCKS_CLOSE = re.compile(r"^/{3,}\s*$")
_BLOCKS_OPEN = re.compile(r"^/{3,}\s*([\w-]+)\s*(?:\|\s*(.*?))?\s*$")
_COLON_CLOSE = re.compile(r"^:{3,}\s*$")
_COLON_OPEN = re.compile(r"^:{3,}\s*([^\W\d_][\w-]*)\s*(?:\[(.*)\])?\s*(?:\{[^}]*\})?\s*(.*?)\s*$")
_BANG_OPEN = re.compile(r"^(?:!!!|\?\?\?\+?)\s*([\w-]+(?:\s+[\w-]+)*)?\s*(?:\"(.*)\")?\s*$")
_TAB_OPEN = re.compile(r"^===\+?\s+\"(.*)\"\s*$")
# {* file *} (FastAPI), --8<-- "file" (pymdownx snippets), ::: package.module (mkdocstrings)
_SENTENCE_END = re.compile(r"[.!?。！？]$")
_ALERT = re.compile(r"^>\s?\[!([A-Za-z]+)\][+-]?[ \t]*(\S[^\n]*)?$")
# Hugo themes' boxes: Docsy's alert, Relearn's notice, Hextra's callout, hints, admonitions.
_HUGO_BOX = re.compile(r"^\{\{[<%]\s*(alert|notice|callout|hint|admonition|note|tip|warning|caution|info|danger|"
                       r"important)\b([^\n]*?)[%>]\}\}$", re.IGNORECASE)
_TITLE_ATTR = re.compile(r"\btitle\s*=\s*([\"'])([^\"'\n]*)\1")
_INCLUDE = re.compile(r"^(?:\{\*.*\*\}|-{2}8<-{2}\s.*|:::\s+[\w-]+(?:\.[\w-]+)+)$")
_SHORTCODE = re.compile(r"^(?:\{\{[<%].*[%>]\}\}|\{%.*%\})$")
_SHORTCODE_CLOSE = re.compile(r"^(?:\{\{[<%]\s*/.*|\{%\s*end\w*\s*%\})")
# Hugo's {{< highlight go >}} and Jekyll's {% highlight ruby %}: code up to their end.
_HUGO_CODE = re.compile(r"^(?:\{\{<\s*(?:highlight|code)\b.*>\}\}|\{%-?\s*highlight\b.*%\})$")
_HUGO_CODE_END = re.compile(r"^(?:\{\{<\s*/\s*(?:highlight|code)\s*>\}\}|\{%-?\s*endhighlight\s*-?%\})$")
_MDX_ESM = re.compile(r"^(?:import|export)\b")
# A whole ESM import line in a .md page: Docusaurus reads .md as MDX, and the line is
# no text in any language (``import Tabs from '@theme/Tabs';``).
_MD_IMPORT = re.compile(r"""^import\s++(?:(?:[\w$]++|\{[^{}\n]*+\}|\*\s++as\s++[\w$]++)"""
                        r"""(?:\s*+,\s*+(?:\{[^{}\n]*+\}|\*\s++as\s++[\w$]++))?\s++from\s++)?"""
                        r"""(?:'[^'\n]++'|"[^"\n]++");?\s*+$""")
_JSX_START = re.compile(r"</?(?:[A-Za-z][\w.:-]*(?=[\s/>]|$)|>)")
_CLOSING_TAG = re.compile(r"</[\w.:-]*+>")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][\w.:-]*+)")
_MAX_TAG_LINES = 40
_MAX_ELEMENT_LINES = 400  # an MDX element's opening tag, at most
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])[ ]{1,4}(?=\S)")
_RAW_TAGS = re.compile(r"^<(?:style|script|pre|textarea)\b", re.IGNORECASE)


def _closes(stripped: str, fence: tuple[str, int]) -> bool:
    """Whether a line (stripped) closes a fence of ``fence[1]`` ``fence[0]`` characters:
    at least as many of them and nothing else. Compared as a string: a pattern built
    per fence would be one more pattern to prove linear."""
    return len(stripped) >= fence[1] and stripped == fence[0] * len(stripped)


def prepare(lines: list[str], mdx: bool = False) -> tuple[list[str], list[Mark]]:
    out = list(lines)
    marks: list[Mark] = []
    i = front_matter(lines, out, marks)
    fence: tuple[str, int] | None = None
    shift = 0  # columns an MDX fence and its lines are brought back by
    hugo_code = -1  # first line of an open {{< highlight >}} block
    bodies: list[int] = []  # indent widths of the open !!!/=== bodies
    n = len(lines)
    while i < n:
        raw = lines[i]
        if bodies and raw.strip():
            width = _indent(raw)
            while bodies and width < bodies[-1]:
                bodies.pop()
        line = _dedent(raw, bodies[-1]) if bodies else raw
        out[i] = line
        s = line.strip()
        if fence is not None:
            if shift:
                out[i] = line = _dedent(line, shift)
            if _closes(s, fence):
                fence = None
            i += 1
            continue
        if hugo_code >= 0:
            out[i] = ""
            if _HUGO_CODE_END.match(s):
                marks.append(Mark(hugo_code + 1, i + 1, "\n".join(lines[hugo_code + 1 : i]).strip()
                                  or s, Kind.CODE, "fence"))
                hugo_code = -1
            i += 1
            continue
        f = _FENCE.match(line)
        if f and not (f.group(1)[0] == "`" and "`" in f.group(2)):
            fence = (f.group(1)[0], len(f.group(1)))
            # MDX has no indented code, so a fence indented four or more past the text
            # above it still opens code there (CommonMark reads it as that text's
            # continuation): bring it to that text's indentation.
            base = _content_indent(out[i - 1]) if mdx and i and out[i - 1].strip() else -1
            shift = _indent(line) - base if base >= 0 and _indent(line) - base >= 4 else 0
            if shift:
                out[i] = line = _dedent(line, shift)
            i += 1
            continue
        if "{" in line:
            out[i] = line = liquid.links(line)
        consumed = (liquid.hidden(s, i, out) or _directive(s, i, out, marks) or _hidden(out, i, mdx)
                    or (_mdx(lines, i, out) if mdx else _import(line, i, out)))
        if consumed:
            i += consumed
            continue
        if _HUGO_CODE.match(s):
            hugo_code = i
            out[i] = ""
        else:
            m = _BANG_OPEN.match(s) if s[:3] in ("!!!", "???") else _TAB_OPEN.match(s)
            if m:
                title = m.group(2) if s.startswith(("!", "?")) else m.group(1)
                _title_or_directive(marks, i, title, s, "tab" if s.startswith("=") else "admonition")
                out[i] = ""
                bodies.append((bodies[-1] if bodies else 0) + _indent(line) + 4)
        i += 1
    return out, marks


def _directive(s: str, i: int, out: list[str], marks: list[Mark]) -> int:
    """Admonition fences, includes and shortcodes on line ``i``: 1 when handled."""
    if _BLOCKS_CLOSE.match(s) or _COLON_CLOSE.match(s) or _SHORTCODE_CLOSE.match(s):
        out[i] = ""
        return 1
    m = _BLOCKS_OPEN.match(s)
    if m:
        _title_or_directive(marks, i, m.group(2), s, "admonition")
    elif _INCLUDE.match(s):
        marks.append(Mark(i + 1, i + 1, s, Kind.DIRECTIVE, "include"))
    elif m := _COLON_OPEN.match(s):
        _title_or_directive(marks, i, m.group(2) or m.group(3), s, "admonition")
    elif m := _ALERT.match(s):
        # "> [!NOTE]" (GitHub), "> [!tip] Title" (Obsidian): the box a Hugo site opens
        # with {{% alert %}}, whatever the translation writes. A sentence after the
        # marker ("> [!TIP] If you have symlinks…", as Crowdin joins the lines) is the
        # box's text, not its title.
        text = (m.group(2) or "").strip()
        if _SENTENCE_END.search(text) or len(text.split()) >= 8:
            marks.append(Mark(i + 1, i + 1, s[:m.start(2)].rstrip(), Kind.DIRECTIVE, "admonition"))
            out[i] = "> " + text  # read as Markdown, as the marker's own line would be
            return 1
        _title_or_directive(marks, i, m.group(2), s, "admonition")
    elif m := _HUGO_BOX.match(s):
        title = _TITLE_ATTR.search(m.group(2))
        _title_or_directive(marks, i, title.group(2) if title else None, s, "admonition")
    elif _SHORTCODE.match(s) and not _HUGO_CODE.match(s):
        marks.append(Mark(i + 1, i + 1, s, Kind.DIRECTIVE, "shortcode"))
    elif _TEMPLATE_OPEN.match(s):
        return _template(s, i, out, marks)
    else:
        return 0
    out[i] = ""
    return 1


# A template's tag alone on its lines, in double braces: etpl's "{{ use: partial(
# hostName = "…" ) }}" and "{{ target: grid }}", "{{ autodoc:module.Class }}", a
# variable. It stands for content and has no text of its own; its arguments are
# localised on purpose. Its lines run to the first that ends the tag, within a paragraph.
_TEMPLATE_OPEN = re.compile(r"^\{\{-?[ \t]*+[\w.:/-]")
_TEMPLATE_LINES = 30


def _template(s: str, i: int, out: list[str], marks: list[Mark]) -> int:
    end = i
    while not out[end].rstrip().endswith("}}"):
        if "}}" in out[end] or end - i >= _TEMPLATE_LINES or end + 1 >= len(out) or not out[end + 1].strip():
            return 0  # text after the tag, or no end in the paragraph: not a tag alone
        end += 1
    if "}}" in out[end].rstrip()[:-2]:
        return 0  # two tags, or a tag and text: "{{ a }} and {{ b }}"
    marks.append(Mark(i + 1, end + 1, "\n".join(x.strip() for x in out[i:end + 1]), Kind.DIRECTIVE, "include"))
    out[i:end + 1] = [""] * (end + 1 - i)
    return end + 1 - i


def _import(line: str, i: int, out: list[str]) -> int:
    if not _MD_IMPORT.match(line):
        return 0
    out[i] = ""
    return 1


def _mdx(lines: list[str], i: int, out: list[str]) -> int:
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


def _hidden(out: list[str], i: int, mdx: bool) -> int:
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


def _title_or_directive(marks: list[Mark], i: int, title: str | None, s: str, block: str) -> None:
    title = (title or "").strip().strip("\"'").strip()
    if any(ch.isalpha() for ch in title):
        marks.append(Mark(i + 1, i + 1, title, Kind.TITLE, block))
    else:
        marks.append(Mark(i + 1, i + 1, s, Kind.DIRECTIVE, block))


def _content_indent(line: str) -> int:
    """Where a line's text starts: after a list marker and its spaces, if any."""
    m = _LIST_MARKER.match(line.expandtabs(4))
    return m.end() if m else _indent(line)


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _dedent(line: str, width: int) -> str:
    expanded = line.expandtabs(4)
    return expanded[min(width, _indent(expanded)) :]


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
