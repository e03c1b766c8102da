"""Who votes that a row should exist, whether its links say it is there elsewhere, and
which rows are a row's neighbours: shared by the alignment rules."""

from __future__ import annotations

from transcheck.model import Document, Row
from transcheck.rules._links import language_codes, link_target
from transcheck.rules.base import GroupView


def pair_neighbours(view: GroupView, r: int, lang: str, step: int):
    """The indices of the rows before (``step`` -1) or after (1) row ``r``, nearest
    first; with a source, only the rows it or ``lang`` holds: another translation's own
    paragraphs are no rows of the pair."""
    source = view.source if view.source in view.documents else None
    k = r + step
    while 0 <= k < len(view.rows):
        cells = view.rows[k].cells
        if source is None or cells.get(source) or cells.get(lang):
            yield k
        k += step


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


def navigation(view: GroupView, r: int) -> bool:
    """Whether row ``r`` is the page's list of its own translations, which a translation
    need not repeat: every link of its cells leads to another language's version of the
    page ("- [German / Deutsch](doc/i18n/README.de.md)"), or it is the heading of a
    section of nothing else ("## Translations")."""
    cache = view.memo("navigation_rows")
    if not cache:
        from transcheck.rules._pages import links_to_translations

        def links_only(row: Row) -> bool:
            prose = [(doc, doc.segments[i]) for lang, idx in row.cells.items()
                     for doc in (view.documents[lang],) for i in idx if doc.segments[i].is_prose]
            return bool(prose) and all(seg.urls and links_to_translations(doc.path, seg.urls) for doc, seg in prose)

        found, heading, section = set(), None, []
        for k, row in enumerate([*view.rows, None]):
            level = row is None or any(view.documents[lang].segments[i].level
                                       for lang, idx in row.cells.items() for i in idx[:1])
            if level:
                if heading is not None and section and all(n in found for n in section):
                    found.add(heading)
                heading, section = (None if row is None else k), []
                continue
            section.append(k)
            if links_only(row):
                found.add(k)
        cache["rows"] = frozenset(found)
    return r in cache["rows"]


def accounted_by_lag(view: GroupView, row: Row, lang: str) -> bool:
    """Source text added after the translation was last updated (lag, which
    not-yet-translated reports), or translated in the version the translation was made
    from (today's alignment lost it, the lag's did not)."""
    lag = view.lag.get(lang)
    src = row.cells.get(view.source, ()) if view.source else ()
    return bool(lag and src) and set(src) <= lag.accounted_source


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


class Anchors:
    """Where a document's segments link and what inline code they hold, to ask whether
    a row's content is in a document elsewhere than in the row: missing and extra mean
    the content is nowhere (a list entry the alignment put a row away, among entries
    that recur under several headings, is neither)."""

    def __init__(self, view: GroupView):
        self.view = view
        self._index: dict[str, dict[str, set[int]]] = {}

    def keys(self, lang: str, idx) -> frozenset[str]:
        doc = self.view.documents[lang]
        out = set()
        for i in idx:
            s = doc.segments[i]
            out.update("url:" + u for u in s.urls if not u.startswith("#"))
            out.update("code:" + c for c in s.code if len(c.strip()) >= 3)
        # A link says where the content is; code alone only when there is enough of it.
        return frozenset(out) if any(k.startswith("url:") for k in out) or len(out) >= 2 else frozenset()

    def count(self, lang: str, keys: frozenset[str]) -> int:
        """How many segments of the document hold all of ``keys``."""
        index = self._index.get(lang)
        if index is None:
            index = self._index[lang] = {}
            for i, s in enumerate(self.view.documents[lang].segments):
                for k in self.keys(lang, (i,)) or ():
                    index.setdefault(k, set()).add(i)
        found = None
        for k in keys:
            found = set(index.get(k, ())) if found is None else found & index.get(k, set())
            if not found:
                return 0
        return len(found or ())

    def elsewhere(self, row: Row, lang: str, reference: str) -> bool:
        """Whether the content of ``reference``'s cell of ``row``, which ``lang`` lacks
        there, is in ``lang``'s document as often as in the reference's (or, for a cell
        of ``lang`` in a row the reference lacks, the other way round)."""
        have, lack = (reference, lang) if row.cells.get(reference) else (lang, reference)
        keys = self.keys(have, row.cells[have])
        return bool(keys) and self.count(lack, keys) >= self.count(have, keys)

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
    return mine <= _pages(view, other, languages)


def _pages(view: GroupView, lang: str, languages: frozenset[str]) -> frozenset[str]:
    """The pages ``lang``'s document links to, read once per view (asked for each row
    of missing and extra segments)."""
    cache = view.memo("linked_pages")
    if lang not in cache:
        cache[lang] = frozenset(_page(u, languages) for s in view.documents[lang].segments for u in s.urls)
    return cache[lang]


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
