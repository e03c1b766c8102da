"""Markdown and MDX block segmentation with markdown-it-py (CommonMark, GFM tables,
footnotes, definition lists) after the documentation-site lines are taken out
(``blocks.prepare``: front matter, admonitions, includes, shortcodes, MDX ESM and JSX).

The parser's block tokens carry source line maps, so every segment keeps the exact
lines it came from. A segment's ``text`` is its prose only: inline code, URLs, heading
ids, shortcodes and MDX expressions are taken out, so that no rule judges them as
language; a block whose text is nothing but those is a non-prose segment.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.model import Kind, Segment
from transcheck.segment.blocks import prepare
from transcheck.segment.html import end_hidden, hidden_start, html_runs, link_href
from transcheck.segment.kinds import classify_line

# { #id }, {#id}, { #id .class }, {: #id } (attribute lists), { .class }: not text
# Tried from the first space of a run only, with possessive parts: linear on long runs.
_HEADING_ID = re.compile(r"(?<!\s)\s*+\{:?\s*+(?:#([^\s{}]++)|\.[\w-]++)[^{}]*+\}\s*+$")
# A directive's inside holds no "{": a search that fails stops at the next brace
# instead of running to the end of the text from every opening (quadratic).
_INLINE_DIRECTIVE = re.compile(r"\{\*[^{\n]*?\*\}|\{\{[<%][^{\n]*?[%>]\}\}|\{%[^{\n]*?%\}")
# [text]({{< ref "x" >}}): CommonMark reads no link there; once the shortcode is out
# only the text is left. The text holds no "[", for the same reason.
_EMPTY_LINK = re.compile(r"\[([^\[\]]*+)\]\(\s*+\)")
_MDX_EXPRESSION = re.compile(r"\{[^{}]*\}")
# An attribute list after a link, an image or a span (Python-Markdown's attr_list,
# kramdown, Pandoc): "[LeetCode](…){ .button target="_blank" }", "![](x.png){width=50%}".
_ATTR_ITEM = r"""(?:[#.][\w-]++|[\w-]++=(?:"[^"\n]*+"|'[^'\n]*+'|[^\s{}"']++))"""
_ATTR_LIST = re.compile(rf"\{{:?[ \t]*+{_ATTR_ITEM}(?:[ \t]*+{_ATTR_ITEM})*+[ \t]*+\}}")
# CJK and fullwidth punctuation ends a URL: "「http://localhost:1234/v1」です".
_BARE_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]\u3000-\u303f\uff00-\uffef]+"
                       r"[^\s<>()\[\].,;:!?'\"\u3000-\u303f\uff00-\uffef]", re.I)
_BARE_EMAIL = re.compile(r"(?<![\w.+@/:-])[\w.+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++(?![\w@-])")
_URL_TEXT = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+$", re.I)
# An HTML element's presentation (width="500", style="…"): no number a reader reads.
_LAYOUT = re.compile(r"""(?<=\s)(?:width|height|align|valign|border|hspace|vspace|style|class|id|size|"""
                     r"""cellpadding|cellspacing|colspan|rowspan)\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++)""", re.I)
_TASK = re.compile(r"^\[[ xX]?\]\s++")
# A paragraph that opens with an enumeration Markdown reads no list in ("1、", "一、",
# "①", "(1)", "（1）") is a list's item, as its source's "1." is.
_ENUMERATED = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})、|^[\u2460-\u2473]|^[(（]\d{1,2}[)）]")
_HTML_CODE = re.compile(r"</?(?:code|kbd|samp|var)\b", re.I)
_CLOSE_PUNCT = re.compile(r"(?<!\s)\s++([.,;:!?)\]»」』。、，．！？：；])")


@lru_cache(maxsize=2)
def _parser(mdx: bool):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(deflist_plugin)
    if mdx:  # MDX has no indented code: indentation there is JSX nesting
        md.disable("code")
    return md


def segment_markdown(lines: list[str], mdx: bool = False) -> tuple[Segment, ...]:
    prepared, marks = prepare(lines, mdx)
    tokens = _parser(mdx).parse("\n".join(prepared))
    found: list[tuple] = []
    for m in marks:
        text, kind = (_title(m.text, mdx), m.kind) if m.kind is Kind.TITLE else (m.text, m.kind)
        if not text:  # a title of nothing but code
            text, kind = m.text, Kind.DIRECTIVE
        found.append((m.line, m.end_line, text, kind, 0, 0, 0, m.block, m.anchor, (), (), "", ()))
    context: list[str] = []  # enclosing block types, innermost last
    pending: Kind | None = None
    pending_map = None
    block = ""
    level = 0
    item_start = False
    header = False  # in a table's header row, whose cells are column titles
    for tok in tokens:
        if tok.type.endswith("_open"):
            name = tok.type[: -len("_open")]
            if name == "heading":
                pending, pending_map, block = Kind.HEADING, tok.map, ""
                level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
            elif name == "paragraph":
                kind = Kind.LIST_ITEM if "list_item" in context else Kind.PARAGRAPH
                pending, pending_map = kind, tok.map
                # "item": the first paragraph of a list item, whether prose or code.
                block = "footnote" if "footnote" in context else "item" if item_start else ""
                item_start = False
            elif name in ("th", "td", "dt"):
                pending, pending_map, block = Kind.PARAGRAPH, tok.map, "table" if name != "dt" else ""
            header = name == "th" or (header and name not in ("heading", "paragraph", "td", "dt"))
            item_start = item_start or name == "list_item"
            context.append(name)
        elif tok.type.endswith("_close"):
            if context:
                context.pop()
        elif tok.type == "inline" and pending is not None:
            span = pending_map or tok.map
            if span:
                found.append(_inline_segment(tok, pending, span, level, block, mdx, header))
            pending = None
        elif tok.type in ("fence", "code_block") and tok.map:
            item_start = False
            text = tok.content.strip()
            items = _indented_items(tok) if tok.type == "code_block" else None
            if items:
                found.extend(items)
            elif text:
                found.append((tok.map[0] + 1, tok.map[1], text, Kind.CODE, 0, 0, 0,
                              "fence" if tok.type == "fence" else "indented", "", (), (), "", ()))
        elif tok.type == "html_block" and tok.map:
            # An HTML comment is invisible (and may be a transcheck directive).
            # The first block of a list item, when it is an HTML block: "- <p>…</p>".
            block, item_start = "item" if item_start else "html", False
            for first, last, text, in_item, urls, level in html_runs(tok.content):
                if mdx:
                    found.append(_jsx_children(text, tok.map[0] + first, tok.map[0] + last,
                                               "list_item" in context or in_item, "item" if in_item else block))
                    block = "html"
                elif text:
                    # <li> text is a list item and <h2> a heading, as their Markdown is
                    default = Kind.HEADING if level else Kind.LIST_ITEM if in_item else Kind.PARAGRAPH
                    kind = classify_line(text, default=default)
                    found.append((tok.map[0] + first, tok.map[0] + last, text, kind,
                                  level if kind is Kind.HEADING else 0, len(urls), 0,
                                  "item" if in_item else block, "", urls, (), "", ()))
                    block = "html"
    found = [f for f in found if f[2]]
    found.sort(key=lambda f: (f[0], f[1]))
    return tuple(
        Segment(i, line, max(line, end), text, kind, lvl, links, images, blk, anchor, urls, code,
                shown=shown if shown != text else "", labels=labels)
        for i, (line, end, text, kind, lvl, links, images, blk, anchor, urls, code, shown, labels)
        in enumerate(found)
    )


def _jsx_children(text: str, first: int, last: int, in_item: bool, block: str) -> tuple:
    """The text children of an HTML or JSX block in MDX, which MDX reads as Markdown
    (``<p>[Guide](https://…) – a tutorial</p>``): its prose without link and code
    markup, and its link targets, like any paragraph's."""
    tokens = _parser(True).parseInline(" ".join(_MDX_EXPRESSION.sub(" ", text).split()))
    if not tokens:
        return (first, last, "", Kind.SYMBOLS, 0, 0, 0, block, "", (), (), "", ())
    prose, urls, images, code, shown, labels = _inline_text(tokens[0])
    prose, shown = _mask(prose, True), _mask(shown, True)
    if any(ch.isalnum() for ch in prose):
        kind = classify_line(prose, default=Kind.LIST_ITEM if in_item else Kind.PARAGRAPH)
    else:
        prose = tokens[0].content.strip()
        kind = Kind.CODE if code else classify_line(prose, default=Kind.SYMBOLS)
        kind = Kind.SYMBOLS if kind.is_prose else kind
    return (first, last, prose, kind, 0, len(urls), images, block, "", tuple(urls),
            tuple(code) if kind.is_prose else (), shown if kind.is_prose and code else "",
            labels if kind.is_prose else ())


def _indented_items(tok) -> list[tuple] | None:
    """The list items of an indented code block that is a list indented one step too
    far ("    a. Something you know: passwords."): every paragraph of it opens with a
    list's mark and goes on in words. A translation that indents it less has them as
    list items, or as paragraphs where the mark is a letter, and so do these."""
    out, start = [], None
    lines = tok.content.split("\n")
    for i, line in enumerate([*lines, ""]):
        if start is not None and (not line.strip() or _INDENTED_ITEM.match(line.strip())):  # an item's end
            text = " ".join(x.strip() for x in lines[start:i])
            m = _INDENTED_ITEM.match(text)
            if not m or classify_line(text[m.end():]) is not Kind.PARAGRAPH:
                return None
            # A mark Markdown reads as a list's ("-", "1.") makes an item of it; a letter's
            # ("a.") is part of a paragraph's text.
            lettered = m.group()[0].isalpha()
            out.append((tok.map[0] + start + 1, tok.map[0] + i, text if lettered else text[m.end():],
                        Kind.PARAGRAPH if lettered else Kind.LIST_ITEM, 0, 0, 0,
                        "" if lettered else "item", "", (), (), "", ()))
            start = None
        if line.strip() and start is None:
            start = i
    return out


# A list's mark and three words at least after it ("a. Something you know", "1) Open it"), or a CJK letter.
_INDENTED_ITEM = re.compile(r"(?:[-*•]|[a-z]{1,2}[.)]|\d{1,2}[.)])[ \t]++(?=[^\W\d_]++(?:\s++\S++){2}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])")


def _title(text: str, mdx: bool) -> str:
    """A title's prose (titles may hold inline Markdown: code, links), "" if none."""
    tokens = _parser(mdx).parseInline(text)
    if not tokens:
        return text
    prose = _mask(_inline_text(tokens[0])[0], mdx)
    return prose if any(ch.isalnum() for ch in prose) else ""


def _mask(text: str, mdx: bool) -> str:
    # Masks leave nothing: a space would split words in scripts written without them.
    text = _EMPTY_LINK.sub(r"\1", _INLINE_DIRECTIVE.sub("", _ATTR_LIST.sub("", text)))
    if mdx:
        text = _MDX_EXPRESSION.sub("", text)
    text = _BARE_URL.sub("", text)
    return _CLOSE_PUNCT.sub(r"\1", " ".join(text.split()))


def _inline_segment(tok, pending: Kind, span, level: int, block: str, mdx: bool, header: bool = False) -> tuple:
    """``header``: a cell of a table's header row, a column's title ("SlotProps", "参数")."""
    first, end = span[0] + 1, span[1]
    text, urls, images, code, shown, labels = _inline_text(tok)
    anchor = ""
    if pending is Kind.HEADING:
        m = _HEADING_ID.search(text)
        if m:
            anchor, text = m.group(1) or "", text[: m.start()]
            m = _HEADING_ID.search(shown)
            shown = shown[: m.start()] if m else shown
    text, shown = _mask(text, mdx), _mask(shown, mdx)
    if pending is Kind.LIST_ITEM:  # a task list's box ("- [x] …") is markup, not text
        text, shown = _TASK.sub("", text), _TASK.sub("", shown)
    if pending is Kind.PARAGRAPH and not block and _ENUMERATED.match(text):
        # Its mark is the list's, as "1." is: no number of the text.
        pending, block = Kind.LIST_ITEM, "item"
        text, shown = _ENUMERATED.sub("", text, 1).lstrip(), _ENUMERATED.sub("", shown, 1).lstrip()
    if pending is Kind.PARAGRAPH and len(text) > 4 and text.startswith("$$") and text.endswith("$$"):
        # Display math (KaTeX, MathJax): a formula, as a code block is, whatever
        # words its \text{…} holds.
        kind = Kind.CODE
    elif any(ch.isalnum() for ch in text):
        kind = classify_line(text, default=pending, names=pending is not Kind.HEADING and not header,
                             one_name=pending is not Kind.LIST_ITEM)
        if kind is Kind.CODE and not code and _all_linked(tok):
            # A link's label alone ("[LeetCode](…)") is a name a reader reads, not code:
            # it pairs with its translation's label, which may add words.
            kind = pending
    else:
        # Nothing but code, URLs or markup: kept (as an anchor for alignment) but never prose.
        raw = tok.content.strip()
        text = _LAYOUT.sub("", raw)
        kind = Kind.CODE if code else classify_line(raw, default=Kind.SYMBOLS)
        if kind.is_prose:
            kind = Kind.SYMBOLS
    return (first, end, text, kind, level if pending is Kind.HEADING else 0, len(urls),
            images, block, anchor, tuple(urls), tuple(code) if kind.is_prose else (),
            shown if kind.is_prose and code else "", labels if kind.is_prose else ())


def _all_linked(token) -> bool:
    """Whether every word of an inline token stands inside a link."""
    depth, linked = 0, False
    for child in token.children or ():
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif child.type == "text" and child.content.strip():
            if not depth:
                return False
            linked = True
    return linked


def _inline_text(token) -> tuple[str, list[str], int, list[str], str, tuple[str, ...]]:
    """Visible prose of an inline token (link and emphasis markup removed, image alt
    text kept, inline code, URL-only link texts and hidden elements such as
    ``<span style="display: none">`` taken out), its link targets, its
    number of images, its inline code spans, the prose with its code spans in
    backticks where they stood (for quoting), and the alt text of its images when
    it has text of its own (``Segment.labels``)."""
    parts: list[str] = []
    shown: list[str] = []
    urls: list[str] = []
    images = 0
    code: list[str] = []
    alts: list[str] = []
    in_link = 0
    in_code = 0  # inside inline <code>…</code>
    hidden: list[str] = []  # the elements open inside a hidden one, itself first
    for child in token.children or ():
        kind = child.type
        if hidden:
            if kind == "html_inline":
                end_hidden(child.content, hidden)
            continue
        if kind == "html_inline" and (name := hidden_start(child.content)):
            hidden.append(name)
            parts.append(" ")
            shown.append(" ")
        elif kind == "html_inline" and _HTML_CODE.match(child.content):
            closing = child.content.startswith("</")
            in_code = max(0, in_code + (-1 if closing else 1))
            if not closing:
                code.append("")
                shown.append("`")
            else:
                shown.append("`")
        elif in_code:
            # <kbd>Ctrl +⏎C</kbd>: a line break inside is the space it renders as.
            piece = " " if kind in ("softbreak", "hardbreak") else child.content
            code[-1:] = [code[-1] + piece] if code else [piece]
            shown.append(piece)
            continue
        elif kind == "text":
            if not (in_link and _URL_TEXT.match(child.content.strip())):
                parts.append(child.content)
                shown.append(child.content)
            if not in_link:
                # A bare URL is a link where the page is rendered (GFM, Hugo, Docusaurus
                # autolink it), and a translation may write it as one: [descheduler](…).
                urls.extend(m.group() for m in _BARE_URL.finditer(child.content))
                # So is a bare e-mail address (GFM), which a translation may link.
                urls.extend("mailto:" + m.group() for m in _BARE_EMAIL.finditer(child.content))
        elif kind == "code_inline":
            code.append(child.content)
            shown.append(f"`{child.content}`")
        elif kind == "image":
            images += 1
            # Alt text is inline Markdown too: ![Add `--flag`](x.png) holds code.
            alt = child.children or ()
            for part in alt:
                if part.type == "code_inline":
                    code.append(part.content)
                    shown.append(f"`{part.content}`")
                elif part.type == "text":
                    parts.append(part.content)
                    shown.append(part.content)
                    alts.append(part.content)
            if not alt:
                parts.append(child.content or "")
                shown.append(child.content or "")
                alts.append(child.content or "")
        elif kind == "link_open":
            in_link += 1
            urls.append(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            in_link = max(0, in_link - 1)
        elif kind in ("softbreak", "hardbreak", "html_inline"):
            if kind == "html_inline" and (href := link_href(child.content)) is not None:
                urls.append(href)  # <a href="…"> in a paragraph is a link as [text](…) is
            parts.append(" ")
            shown.append(" ")
    if token.children is None:
        return token.content, urls, images, code, token.content, ()
    text = "".join(parts)
    labels = tuple(a for a in alts if a.strip())
    own = text
    for label in labels:
        own = own.replace(label, "", 1)
    return text, urls, images, code, "".join(shown), labels if any(c.isalpha() for c in own) else ()
