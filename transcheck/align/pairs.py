"""Alignment through the source: with a source language, each translation is aligned to
the source alone (``aligner._Aligner.add`` on the source's rows), and the pairs are laid
side by side. A translation at another version of the page, or one that merged two
paragraphs, then moves no other translation's cells: each is judged against the text it
was translated from, as a reviewer does.
"""

from __future__ import annotations

from transcheck.model import Document


def by_source(aligner, base: list[dict], order: list[Document], progress) -> list[dict]:
    """With a source, each translation aligned to the source alone, then the pairs laid
    side by side: a translation at another version of the page, or one that merged two
    paragraphs, moves no other translation's cells. Source paragraphs one translation
    merged are one row for all (the others' cells joined); a translation's segments the
    source lacks are rows of their own after the source paragraph they follow."""
    source = order[0].language
    parent = list(range(len(base)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = []
    # The source's rows, with the cells of the translations aligned so far where each
    # placed one: references for the next, never joined nor added to.
    profile = [dict(row) for row in base]
    for done, doc in enumerate(order[1:], start=1):
        rows = aligner.add(profile, doc.language)
        pairs.append((doc.language, rows))
        for row in rows:
            held = row.get(source, ())
            for a, b in zip(held, held[1:]):
                parent[root(b)] = root(a)
            if held and row.get(doc.language):
                profile[held[0]][doc.language] = row[doc.language]
        if progress is not None:
            progress(f"{doc.group}: aligned {doc.path}", done, len(order) - 1)
    groups: dict[int, dict[str, tuple[int, ...]]] = {}
    for i in range(len(base)):
        cell = groups.setdefault(root(i), {})
        cell[source] = cell.get(source, ()) + (i,)
    extra: dict[int, dict[str, list]] = {}  # source paragraph -> each language's rows after it
    for lang, rows in pairs:
        last = -1
        for row in rows:
            held = row.get(source, ())
            if held:
                cell = groups[root(held[0])]
                cell[lang] = cell.get(lang, ()) + row.get(lang, ())
                last = max(last, held[-1])
            elif row.get(lang):
                extra.setdefault(last, {}).setdefault(lang, []).append(row[lang])
    out = _beside(extra.get(-1, {}))
    for i in range(len(base)):
        if root(i) == i:
            out.append({lang: idx for lang, idx in groups[i].items() if idx})
        out.extend(_beside(extra.get(i, {})))
    return out


def _beside(cells: dict[str, list]) -> list[dict]:
    """The rows of what several translations add at one place: side by side where each
    adds as many segments (a notice every translation puts at the end), else each
    language's in rows of its own."""
    if len({len(c) for c in cells.values()}) == 1:
        return [{lang: c[k] for lang, c in cells.items()} for k in range(len(next(iter(cells.values()))))]
    return [{lang: idx} for lang, c in cells.items() for idx in c]
