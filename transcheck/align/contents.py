"""Tables of contents: a document's entries that link to its own headings
(``#fragment``), and the headings they link to.

Entries are short and alike ("I want to delete a branch", "I want to delete multiple
branches"), and a translation's table of contents often lists fewer of them than its
source, so the ordered alignment pairs them by position. What places an entry is the
heading it links to: the body around a heading (its code, its links) places the
heading, and the entry belongs in the row whose other entries link to that heading's
row. Translated headings have translated ids, so the link says nothing across
languages by itself (``fragment_targets`` finds the headings).
"""

from __future__ import annotations

import re
from collections import Counter

from transcheck.model import Document


def entries(rows, lang, aligner) -> None:
    """Entries of ``lang``'s table of contents moved to the rows whose other entries
    link to the row of their own heading: the row each such heading row is linked
    from (by the source's entry, or by most cells of other languages), where that is
    clear. Only an entry alone in its cell moves, only into a row whose cell for
    ``lang`` is empty or moves too, and only one entry into a row; an entry its
    heading confirms counts as pinned."""
    own = aligner.targets.get(lang)
    if not own:
        return
    row_of = {(o, i): r for r, row in enumerate(rows) for o, idx in row.items() for i in idx}
    linked: dict[int, Counter] = {}  # heading row -> entry rows of other languages linking to it
    for r, row in enumerate(rows):
        for o, idx in row.items():
            # The source's entries say where theirs are; other translations' entries
            # were placed by the same guesswork.
            voter = o != lang and (aligner.source is None or o == aligner.source)
            found = aligner.targets.get(o, {}) if voter else {}
            for i in idx:
                for h in found.get(i, ()):
                    if (o, h) in row_of:
                        linked.setdefault(row_of[(o, h)], Counter())[r] += 1
    home = {}
    for heading_row, votes in linked.items():
        ranked = sorted(votes.items(), key=lambda v: (-v[1], v[0]))
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            home[heading_row] = ranked[0][0]
    moves: dict[int, tuple[int, int]] = {}  # entry -> (its row, the row it belongs in)
    for j, heads in sorted(own.items()):
        now = row_of.get((lang, j))
        if now is None or rows[now][lang] != (j,):
            continue
        wanted = {home.get(row_of.get((lang, h))) for h in heads} - {None}
        if len(wanted) != 1:
            continue
        target = wanted.pop()
        if target == now:
            aligner.pinned.add((lang, j))  # its heading says so: as sure as a pin
        else:
            moves[j] = (now, target)
    taken = Counter(target for _, target in moves.values())
    moves = {j: m for j, m in moves.items() if taken[m[1]] == 1}
    # A row's entry that stays keeps the row: whoever wanted it stays too, and so on.
    while True:
        moving = {now for now, _ in moves.values()}
        kept = {j: m for j, m in moves.items() if not rows[m[1]].get(lang) or m[1] in moving}
        if len(kept) == len(moves):
            break
        moves = kept
    for j, (now, target) in sorted(moves.items()):
        if rows[now].get(lang) == (j,):
            del rows[now][lang]
        rows[target][lang] = (j,)
        aligner.pinned.add((lang, j))


def headings(rows, lang, aligner) -> set[int]:
    """Headings put where their table of contents' entries say: a heading belongs to
    the row whose other headings the entry in its own entry's row links to. A moved
    section's heading has nothing else to tell it from another short heading."""
    row_of = {(o, i): r for r, row in enumerate(rows) for o, idx in row.items() for i in idx}
    entry_row: dict[tuple[str, int], int] = {}  # (language, heading) -> row of its entry
    for o, found in aligner.targets.items():
        for i, heads in found.items():
            if (o, i) in row_of:
                for h in heads:
                    entry_row.setdefault((o, h), row_of[(o, i)])
    home: dict[int, int] = {}  # entry row -> the row of the headings it links to
    for r, row in enumerate(rows):
        for o in aligner.refs({k: v for k, v in row.items() if k != lang}):
            e = next((entry_row[(o, i)] for i in row[o] if (o, i) in entry_row), None)
            if e is not None:
                home.setdefault(e, r)
                break
    placed = set()
    for (o, h), e in sorted(entry_row.items()):
        target = home.get(e)
        if o != lang or target is None or (lang, h) not in row_of:
            continue
        now = row_of[(lang, h)]
        if now == target or rows[target].get(lang) or rows[now][lang] != (h,):
            continue
        rows[target][lang] = (h,)
        del rows[now][lang]
        row_of[(lang, h)] = target
        placed.add(target)
    return placed


_NOT_SLUG = re.compile(r"[^\w\- ]")


def fragment_targets(doc: Document) -> dict[int, tuple[int, ...]]:
    """For each segment that links to a heading of its own document (``#fragment``, as a
    table of contents does), the headings it links to. Ids are the headings' explicit
    ones, else made from their text the way GitHub makes them: translated headings
    have translated ids, so the link itself says nothing across languages, but the
    heading it reaches does."""
    from urllib.parse import unquote

    ids: dict[str, int] = {}
    for s in doc.segments:
        if s.level:
            ids.setdefault(s.anchor or _NOT_SLUG.sub("", s.text.strip().casefold()).replace(" ", "-"), s.index)
    out = {}
    for s in doc.segments:
        found = tuple(ids[f] for u in s.urls if u.startswith("#") and (f := unquote(u[1:]).casefold()) in ids)
        if found:
            out[s.index] = found
    return out
