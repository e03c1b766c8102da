"""The lines of a documentation page that CommonMark does not know: front matter,
admonitions and content tabs, includes and shortcodes, MDX ``import``/``export`` lines,
``{…}`` expressions and JSX tags (``elements``), Jekyll's Liquid tags (``liquid``).

``prepare`` blanks those lines (so every line number stays exact), dedents the indented
bodies of ``!!!`` admonitions and ``===`` tabs (so that they are read as Markdown, not as
indented code), and returns what the lines stand for: a title (prose) or a directive
(never prose). Lines inside fenced code are left alone.
"""

from __future__ import annotations

import re

from transcheck.model import Kind
from transcheck.segment import elements, liquid
from transcheck.segment.front_matter import Mark, front_matter

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
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])[ ]{1,4}(?=\S)")


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
        consumed = (liquid.hidden(s, i, out) or _directive(s, i, out, marks) or elements.hidden(out, i, mdx)
                    or (elements.mdx(lines, i, out) if mdx else elements.markdown(line, i, out)))
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

