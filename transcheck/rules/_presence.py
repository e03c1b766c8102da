"""Who votes that a row should exist, and whether its links say it is there elsewhere:
shared by missing-segment and extra-segment."""

from __future__ import annotations

from transcheck.model import Document, Row
from transcheck.rules._links import language_codes, link_target
from transcheck.rules.base import GroupView


def expected(view: GroupView, row: Row) -> bool | None:
    """True when the row should be in every document, False when it should be in none,
    None when the vote is split and nothing can be said.

    With a source document the source decides. Without one the translations vote: a
    row held by a strict majority of at least two documents should be everywhere; a row
    held by one document out of three or more should not exist.
    """
    present = row.present()
    if view.source:
        return view.source in present
    n, p = len(row.cells), len(present)
    if n < 3:
        return None
    if p >= 2 and 2 * p > n:
        return True
    if p == 1:
        return False
    return None


def insertion_line(view: GroupView, doc: Document, row_index: int) -> int:
    """The line where a segment missing from ``doc`` at ``row_index`` belongs: the line of
    the next segment the document has, else the last line of the previous one."""
    for row in view.rows[row_index + 1 :]:
        idx = row.cells.get(doc.language, ())
        if idx:
            return doc.segments[idx[0]].line
    for row in reversed(view.rows[:row_index]):
        idx = row.cells.get(doc.language, ())
        if idx:
            return doc.segments[idx[-1]].end_line
    return 1


def links_elsewhere(view: GroupView, row: Row, lang: str, other: str) -> bool:
    """Whether the cell of ``lang`` links to pages, every one of which the document of
    ``other`` links to somewhere: the entry of an index that lists pages ("[Heap]
    (src/data-structures/heap)") is there in the other document, at a row the aligner
    did not pair with this one (entries reordered, an older translation's list), so
    the row is no evidence of text missing or added."""
    languages = language_codes(view)
    doc = view.documents[lang]
    mine = {_page(u, languages) for i in row.cells.get(lang, ()) for u in doc.segments[i].urls}
    mine.discard("")
    if not mine or other not in view.documents:
        return False
    theirs = {_page(u, languages) for s in view.documents[other].segments for u in s.urls}
    return mine <= theirs


def _page(url: str, languages: frozenset[str]) -> str:
    """A link's page, its language taken out of the path and of the file name
    (``heap/README.pt-BR.md`` and ``heap`` are one page); "" for a link within the
    page."""
    parts = [p for p in link_target(url, languages).lower().split("/") if p and p != "."]
    if parts:
        stem = parts[-1]
        for suffix in (".md", ".mdx", ".markdown", ".html"):
            stem = stem.removesuffix(suffix)
        base, dot, code = stem.rpartition(".")
        parts[-1] = base if dot and code in languages else stem
        if parts[-1] in ("readme", "index", "_index"):
            parts.pop()
    return "/".join(parts)
