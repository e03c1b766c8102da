"""Alignment of keyed documents (resource files): a row per key.

Translations of a resource name each message by the same key, so no content
comparison is needed, and none should be made: a key's value may be reworded freely.
Rows follow the source's order of keys when the group has it, then keys the source
lacks in the order the other documents (by language) first have them.
"""

from __future__ import annotations

from transcheck.model import Document, Row


def align_keys(documents: list[Document], source: str | None = None) -> list[Row]:
    order = sorted(documents, key=lambda d: (d.language != source, d.language))
    index: dict[str, dict[str, tuple[int, ...]]] = {}
    for doc in order:
        for seg in doc.segments:
            cells = index.setdefault(seg.key, {})
            # A key written twice in one file: both segments are the key's, in order.
            cells[doc.language] = cells.get(doc.language, ()) + (seg.index,)
    languages = [d.language for d in documents]
    return [Row({lang: cells.get(lang, ()) for lang in languages}) for cells in index.values()]


def keyed(documents: list[Document]) -> bool:
    """Whether the documents are aligned by key: every segment of every one has a key."""
    return bool(documents) and all(seg.key for doc in documents for seg in doc.segments)
