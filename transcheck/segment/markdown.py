"""Markdown block segmentation with markdown-it-py (CommonMark).

The parser's block tokens carry source line maps, so every segment keeps the exact
lines it came from; inline markup is reduced to its text for the language checks.
"""

from __future__ import annotations

from functools import lru_cache

from transcheck.model import Kind, Segment
from transcheck.segment.kinds import classify_line


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def segment_markdown(lines: list[str]) -> tuple[Segment, ...]:
    tokens = _parser().parse("\n".join(lines))
    out: list[Segment] = []
    context: list[str] = []  # enclosing block types, innermost last
    pending: Kind | None = None
    pending_map = None
    level = 0
    for tok in tokens:
        if tok.type.endswith("_open"):
            if tok.type == "heading_open":
                pending, pending_map = Kind.HEADING, tok.map
                level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
            elif tok.type == "paragraph_open":
                kind = Kind.LIST_ITEM if "list_item" in context else Kind.PARAGRAPH
                pending, pending_map = kind, tok.map
            elif tok.type in ("th_open", "td_open"):
                pending, pending_map = Kind.PARAGRAPH, tok.map
            context.append(tok.type[: -len("_open")])
        elif tok.type.endswith("_close"):
            if context:
                context.pop()
        elif tok.type == "inline" and pending is not None:
            text = _inline_text(tok).strip()
            span = pending_map or tok.map
            if text and span:
                first, end = span[0] + 1, span[1]
                kind = classify_line(text, default=pending)
                links, images = _structure(tok)
                out.append(Segment(len(out), first, max(first, end), text, kind,
                                   level if pending is Kind.HEADING else 0, links, images))
            pending = None
        elif tok.type in ("fence", "code_block", "html_block") and tok.map:
            text = tok.content.strip()
            # An HTML comment is invisible (and may be a transcheck directive); a code
            # block that merely shows one is still code.
            if text and not (tok.type == "html_block" and text.startswith("<!--")):
                out.append(Segment(len(out), tok.map[0] + 1, tok.map[1], text, Kind.CODE))
    return tuple(out)


def _structure(token) -> tuple[int, int]:
    """The links and images of an inline token (an image inside a link counts as both)."""
    children = token.children or ()
    links = sum(1 for c in children if c.type == "link_open")
    images = sum(1 for c in children if c.type == "image")
    return links, images


def _inline_text(token) -> str:
    """Visible text of an inline token: link and emphasis markup removed, image alt
    text kept, inline code kept verbatim (it is not translated, but it is an anchor)."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.attrs.get("src", "") if not child.content else child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts) if token.children else token.content
