"""Alignment of keyed documents (resource files): a row per key.

Translations of a resource name each message by the same key, so no content
comparison is needed, and none should be made: a key's value may be reworded freely.
Rows follow the source's order of keys when the group has it, then keys the source
lacks in the order the other documents (by language) first have them. A value marked
for review or left empty (``Segment.state``) is in no row: it is not checked, only
counted (``coverage``).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from transcheck.model import Document, Finding, Row


def align_keys(documents: list[Document], source: str | None = None) -> list[Row]:
    order = sorted(documents, key=lambda d: (d.language != source, d.language))
    index: dict[str, dict[str, tuple[int, ...]]] = {}
    for doc in order:
        for seg in doc.segments:
            if seg.state:
                continue
            cells = index.setdefault(seg.key, {})
            # A key written twice in one file: both segments are the key's, in order.
            cells[doc.language] = cells.get(doc.language, ()) + (seg.index,)
    languages = [d.language for d in documents]
    return [Row({lang: cells.get(lang, ()) for lang in languages}) for cells in index.values()]


def keyed(documents: list[Document]) -> bool:
    """Whether the documents are aligned by key: every segment of every one has a key."""
    return bool(documents) and all(seg.key for doc in documents for seg in doc.segments)


def embedded_source(documents: list[Document], source: str | None) -> Document | None:
    """The source document of a keyed group that has none, from the source texts its
    bilingual files hold (PO msgids, XLIFF sources): each key's source as the first
    document (by language) that has one writes it, at that document's lines. Its path
    is that document's, where the source text is. None when the group has a document
    in the source language, or its files hold no source."""
    if not source or not keyed(documents) or any(d.language == source for d in documents):
        return None
    from transcheck.formats.keyed import value_segment

    segments, seen = [], set()
    first = None
    for doc in sorted(documents, key=lambda d: d.language):
        for seg in doc.segments:
            if seg.source and seg.key not in seen:
                seen.add(seg.key)
                first = first or doc
                segments.append(value_segment(len(segments), seg.line, seg.end_line, seg.key, seg.source,
                                              source=seg.source))
    if first is None:
        return None
    return Document(first.path, source, first.group, "", first.line_count, tuple(segments), first.format)


def coverage(doc: Document, source: Document | None) -> tuple[int, int, int]:
    """(the source's messages, those ``doc`` translates, those it marks fuzzy); a plural
    message counts once, translated when any of its variants is."""
    from transcheck.formats.keyed import split_plural

    if source is None or not keyed([doc, source]):
        return 0, 0, 0

    def message(key):
        split = split_plural(key)
        return split[0] if split else key

    wanted = {message(s.key) for s in source.segments}
    done = {message(s.key) for s in doc.segments if not s.state} & wanted
    fuzzy = {message(s.key) for s in doc.segments if s.state == "fuzzy"} & wanted - done
    return len(wanted), len(done), len(fuzzy)


def name_keys(findings: list[Finding], documents: list[Document], rows: list[Row] = ()) -> list[Finding]:
    """Findings on keyed documents, each naming its key (``[menu.save] ...``): the key of
    its segment or of its row's cell, else the one at its first line; where several
    values share that line (minified JSON) and the finding says which of them it is
    about by neither, it names none rather than a neighbour's. The key goes into its
    statement too, so its fingerprint follows the key."""
    from transcheck.formats.keyed import show_key

    index = {}
    by_language = {}
    for doc in documents:
        if keyed([doc]):
            index[doc.path] = ([s.line for s in doc.segments], doc.segments)
            by_language[doc.language] = doc
    if not index:
        return findings
    out = []
    for f in findings:
        if f.path in index and not f.resource_key:
            starts, segments = index[f.path]
            cell = rows[f.row].cells.get(f.language, ()) if f.row is not None and f.row < len(rows) else ()
            if f.segment is not None and 0 <= f.segment < len(segments):
                at = f.segment
            elif cell and by_language.get(f.language) is not None:
                at = cell[0]
            else:
                at = bisect.bisect_right(starts, f.line) - 1
                # Values that start on one line and reach the finding's: which is meant
                # is unknown (a YAML block value ends on the next key's line: no doubt).
                if at > 0 and starts[at - 1] == starts[at] and segments[at - 1].end_line >= f.line:
                    at = -1
            if at >= 0:
                key = segments[at].key
                f = replace(f, message=f"[{show_key(key)}] {f.message}", key=f"{key}\0{f.key}", resource_key=key)
        out.append(f)
    return out
