"""Which paragraphs of a translation lag their source, and what changed in the source.

Each translated paragraph was made from the source as it was when the commit that last
translated it was made (``history.blame``). That source and today's are compared
segment by segment (unchanged, edited, rewritten, added, removed; reflowed text and a
paragraph split in two, its words kept, are unchanged), and the translation is aligned
to the version most of its paragraphs follow, so each source change lands on the
translated paragraph it concerns, or where new source text has no translation yet.
Evidence beats history: a paragraph that already carries the links, code, numbers and
names a source edit put in is up to date for that edit (``carried``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from transcheck.history.evidence import (carried, markup_change, minor, row_reordered, split_in_two,
                                         table_rows, words_of)
from transcheck.model import Document, Segment
from transcheck.text import normalise

EDITED, REMOVED, ADDED = "edited", "removed", "added"


@dataclass(frozen=True, slots=True)
class LagChange:
    """One source change as the translation sees it.

    ``line``/``end_line``: the translated paragraph concerned (edited, removed), or the
    zero-width place where new source text belongs (added). ``old``/``new``: the source
    text then and now ("" where there is none); ``source_line``: where the change is in
    the source now (for added and edited), else where the removed text stood then.
    ``since_sha``/``since_date``: the commit that translated the paragraph (for added
    text, the version most of the page follows).
    """

    kind: str
    line: int
    end_line: int
    old: str
    new: str
    source_line: int
    source_end_line: int
    count: int = 1  # source segments in an added run
    # "text", or "links or code" for an edit that changed only link targets or inline
    # code (``old``/``new`` then hold just those): a translation must carry them over too.
    detail: str = "text"
    since_sha: str = ""
    since_date: str = ""
    # A few words of wording changed, no number, name, link or code: a fix of the
    # source's grammar or a typo, which a translation seldom has to follow.
    minor: bool = False


# From this many outdated paragraphs, and half the page, the page was rewritten.
REWRITE_MIN = 10
REWRITE_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Lag:
    """How far one translation is behind its source. ``since_sha``/``since_date``: the
    oldest commit among those that translated its outdated paragraphs."""

    language: str
    since_sha: str
    since_date: str
    changes: tuple[LagChange, ...]
    # Today's source segments that the lag accounts for (added since, or translated in
    # the version the translation was made from), and the translation's segments that
    # render some segment of that version: missing- and extra-segment leave these to the
    # lag rules, whatever today's alignment made of them.
    accounted_source: frozenset[int] = frozenset()
    accounted_translation: frozenset[int] = frozenset()
    # The translation's segments that render a paragraph the source it follows had more
    # than once (an older generated reference listing an option under each command):
    # a repeat there is the original's, whatever today's source says.
    repeated_then: frozenset[int] = frozenset()

    @property
    def outdated(self) -> bool:
        return bool(self.changes)

    def rewritten(self, paragraphs: int) -> bool:
        """Whether the source changed so much of a page of ``paragraphs`` since (ten of
        its paragraphs and half of them) that the page is one to translate again."""
        stale = sum(c.kind in ("edited", "removed") for c in self.changes)
        return stale >= REWRITE_MIN and stale >= REWRITE_SHARE * paragraphs


@dataclass(frozen=True, slots=True)
class Then:
    """A source version some paragraphs of a translation follow: the commit that
    translated them, the source's segments then, and ``source_changes`` to today's."""

    since_sha: str
    since_date: str
    segments: tuple[Segment, ...]
    changes: tuple


def source_changes(then: tuple[Segment, ...], now: tuple[Segment, ...]):
    """(old index -> new index for kept segments, edited old indices, added new indices,
    old index -> new index for rewritten segments). A rewrite is an old segment the
    version diff could not pair with a new one (too different) that has a new segment
    of the same kind in its place: the source changed it, it did not remove it."""
    from transcheck.align.versions import align_versions

    old_to_new = align_versions(then, now)
    edited = {i for i, j in old_to_new.items() if _content(then[i]) != _content(now[j])}
    added = set(range(len(now))) - set(old_to_new.values())
    edited, added = split_in_two(then, now, old_to_new, edited, added)  # "<br />" put on a line of its own
    rewritten = _rewrites(then, now, old_to_new)
    return old_to_new, edited, added - set(rewritten.values()), rewritten


def _rewrites(then, now, old_to_new) -> dict[int, int]:
    kept = sorted(old_to_new.items())
    bounds = [(-1, -1), *kept, (len(then), len(now))]
    out = {}
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        if b1 <= b0:
            continue
        for i, j in zip(range(a0 + 1, a1), range(b0 + 1, b1)):
            if then[i].kind is now[j].kind:
                out[i] = j
    return out


def _content(s: Segment) -> tuple:
    return normalise(s.text), s.urls, s.code


def compute_lag(source_now: Document, translation: Document, versions, followed, rows=()) -> Lag:
    """Map the source's changes since each paragraph was translated onto it.

    ``versions``: the ``Then`` versions the translation's paragraphs follow (None where
    the source did not exist then); ``followed``: translation segment index -> index in
    ``versions`` (a negative one: today's source). The translation is aligned to the
    version most of its paragraphs follow; the others are mapped onto that one. ``rows``:
    today's alignment, whose translated cells show a source addition already carried."""
    from transcheck.align.aligner import align
    from transcheck.align.versions import align_versions

    now = source_now.segments
    seg = translation.segments
    used = {v for v in followed.values() if v >= 0 and versions[v] is not None}
    if not any(_differs(versions[v]) for v in used):
        return Lag(translation.language, "", "", ())
    weight = Counter(v for i, v in followed.items() if (v in used or v < 0) and seg[i].is_prose)
    ref = max(used, key=lambda v: (weight[v], -v))
    base = versions[ref]
    src, lang = source_now.language, translation.language
    # Most of the translation follows today's source (the change under review rewrote
    # it): today's alignment is the reference, and each old version maps onto today's.
    today = weight[-1] > weight[ref]
    cell_of: dict[int, tuple[int, ...]] = {}
    row_of: dict[int, tuple[int, ...]] = {}  # source segment -> the source segments of its row
    if today:
        pairs = [(row.cells.get(src, ()), row.cells.get(lang, ())) for row in rows]
        from_ref = {v: _inverse(versions[v].changes) for v in used}
        kept_then = set(range(len(now)))
    else:
        then_doc = Document(source_now.path, source_now.language, source_now.group, "", 0, base.segments)
        pairs = [(row.cells.get(src, ()), row.cells.get(lang, ()))
                 for row in align([then_doc, translation], source=src)]
        from_ref = {v: {r: k for k, r in align_versions(versions[v].segments, base.segments).items()}
                    for v in used if v != ref}
        kept_then = set(base.changes[0]) | set(base.changes[3])
    for sources, cell in pairs:
        for i in sources:
            cell_of[i], row_of[i] = cell, sources
    twice = Counter(normalise(s.text) for s in base.segments)
    repeated_then = frozenset() if today else frozenset(
        t for sources, cell in pairs if any(twice[normalise(base.segments[i].text)] > 1 for i in sources)
        for t in cell)

    current, now_texts = _current(rows, src, lang, followed, versions), {(s.kind, normalise(s.text)) for s in now}
    tables: dict = {}  # table rows of each version, for ``_reordered``
    changes: list[LagChange] = []
    for i in sorted(cell_of):
        by_version: dict[int, list[int]] = {}
        for t in cell_of[i]:
            by_version.setdefault(followed.get(t, -1), []).append(t)
        if -1 in by_version and len(row_of[i]) > 1:
            continue  # a row of several paragraphs that was partly translated from today's source
        for v, cell in sorted(by_version.items()):
            k = i if v == ref and not today else from_ref.get(v, {}).get(i)
            if v not in used or k is None:
                continue
            if i not in kept_then and any(o in kept_then for o in row_of[i]):
                continue  # the cell renders a paragraph of its row that the source still has
            o2n, _, _, rewritten = versions[v].changes
            if o2n.get(k, rewritten.get(k)) in current:
                continue  # today's alignment finds it translated from today's text elsewhere
            change = _change(versions[v], k, now, [seg[t] for t in cell], (src, lang), now_texts, tables)
            if change is not None:
                changes.append(change)

    old_to_new, _, added, _ = base.changes
    if today:  # added: untranslated today and absent from the version most of the rest follows
        seen = set(old_to_new.values()) | set(base.changes[3].values())
        added = {j for j in range(len(now)) if not cell_of.get(j) and j not in seen}
        new_to_old = {j: j for j in range(len(now))}
    else:
        new_to_old = {j: i for i, j in old_to_new.items()}
    rendered = {t for cell in cell_of.values() for t in cell}
    carried_now = set() if today else _translated_now(rows, src, lang, rendered, followed, versions)
    for run in _runs(sorted(added - carried_now)):
        line = _insertion_line(run, new_to_old, cell_of, seg, len(now))
        text = " ".join(now[j].quoted for j in run)
        changes.append(LagChange(ADDED, line, line, "", text, now[run[0]].line, now[run[-1]].end_line,
                                 count=len(run), since_sha=base.since_sha, since_date=base.since_date))
    changes.sort(key=lambda c: (c.line, c.end_line, c.source_line))
    translated_then = ({i for i, cell in cell_of.items() if cell} if today else
                       {old_to_new[i] for i, cell in cell_of.items() if cell and i in old_to_new})
    oldest = max((v for v in used if any(c.since_sha == versions[v].since_sha for c in changes)), default=ref)
    return Lag(lang, versions[oldest].since_sha, versions[oldest].since_date, tuple(changes),
               frozenset(added | translated_then), frozenset(rendered), repeated_then)


def _current(rows, src: str, lang: str, followed, versions) -> set[int]:
    """Today's source segments whose translated cell in today's alignment was translated
    from their text as it is today (by the change under review, or by a commit whose
    source had it unchanged since)."""
    same: dict[int, set[int]] = {}  # version -> today's segments it had as they are

    def unchanged(v: int, j: int) -> bool:
        if v not in same:
            old_to_new, edited, _, _ = versions[v].changes
            same[v] = {n for k, n in old_to_new.items() if k not in edited}
        return j in same[v]

    out = set()
    for row in rows:
        cell = row.cells.get(lang, ())
        for j in row.cells.get(src, ()):
            for t in cell:
                v = followed.get(t, -1)
                if v < 0 or (versions[v] is not None and unchanged(v, j)):
                    out.add(j)
                    break
    return out


def _inverse(changes) -> dict[int, int]:
    """Today's segment index -> the old one it keeps or rewrites."""
    old_to_new, _, _, rewritten = changes
    return {j: i for i, j in (*old_to_new.items(), *rewritten.items())}


def _differs(then: Then) -> bool:
    old_to_new, edited, added, rewritten = then.changes
    return bool(edited or added or rewritten or len(old_to_new) < len(then.segments))


def _change(then: Then, k: int, now, cell, languages: tuple[str, str], now_texts, tables: dict) -> LagChange | None:
    """The change of source segment ``k`` of ``then`` on its translated ``cell``; none
    where the cell is word for word a paragraph of today's source, not a table's cell (a
    title changed at once in the source and every translation): it follows the source."""
    old_to_new, edited, _, rewritten = then.changes
    old = then.segments[k]
    first, last = cell[0], cell[-1]
    anchors = {s.anchor for s in cell if s.anchor}
    if (old.anchor and anchors and old.anchor not in anchors) or old.kind not in {s.kind for s in cell} \
            or all(s.block != "table" and (s.kind, normalise(s.text)) in now_texts for s in cell):
        return None  # a heading with another id, another kind of block, or today's text
    stamp = {"since_sha": then.since_sha, "since_date": then.since_date}
    if k in old_to_new:
        if k not in edited:
            return None
        new = now[old_to_new[k]]
        if carried(old, new, cell, languages):
            return None
        if normalise(old.text) == normalise(new.text) or (
                (old.urls, old.code) != (new.urls, new.code) and words_of(old.text) == words_of(new.text)):
            was, now_ = markup_change(old, new)
            return LagChange(EDITED, first.line, last.end_line, was, now_, new.line, new.end_line,
                             detail="links or code", **stamp)
        return LagChange(EDITED, first.line, last.end_line, old.quoted, new.quoted, new.line, new.end_line,
                         minor=minor(old, new, languages[0], cell, languages), **stamp)
    if k in rewritten:
        new = now[rewritten[k]]
        if carried(old, new, cell, languages):
            return None
        return LagChange(EDITED, first.line, last.end_line, old.quoted, new.quoted, new.line, new.end_line, **stamp)
    if old.block == "table" and _reordered(then, old, now, tables):
        return None  # its row's cells reordered (in the translation too), not removed
    return LagChange(REMOVED, first.line, last.end_line, old.quoted, "", old.line, old.end_line, **stamp)


def _reordered(then: Then, old: Segment, now, tables: dict) -> bool:
    """``row_reordered``, with each version's table rows built once per lag (``tables``)."""
    if None not in tables:  # today's
        tables[None] = frozenset(table_rows(now).values())
    then_rows = tables.get(then.since_sha) or tables.setdefault(then.since_sha, table_rows(then.segments))
    return row_reordered(then_rows, old, tables[None])


def _translated_now(rows, src: str, lang: str, rendered, followed, versions) -> set[int]:
    """Today's source segments already translated, by today's alignment: their
    translated cell has a segment the alignment to the old version left unplaced, or
    one whose translating commit saw the segment in the source (or that the change
    under review translated)."""
    has: dict[int, set[int]] = {}

    def saw(v: int, j: int) -> bool:
        if v < 0 or versions[v] is None:
            return v < 0  # the change under review saw today's source; no source then, none
        if v not in has:
            old_to_new, _, _, rewritten = versions[v].changes
            has[v] = set(old_to_new.values()) | set(rewritten.values())
        return j in has[v]

    out = set()
    for row in rows:
        cell = row.cells.get(lang, ())
        if not cell:
            continue
        unplaced = any(t not in rendered for t in cell)
        for j in row.cells.get(src, ()):
            if unplaced or any(saw(followed.get(t, -1), j) for t in cell):
                out.add(j)
    return out


def _runs(indices: list[int]) -> list[list[int]]:
    """Consecutive indices grouped: one finding per added section, not per paragraph."""
    runs: list[list[int]] = []
    for j in indices:
        if runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    return runs


def _insertion_line(run: list[int], new_to_old, cell_of, seg, n_now: int) -> int:
    """The translation's line where an added source run belongs: before the translation
    of the next kept source segment, else after that of the previous one."""
    for j in range(run[-1] + 1, n_now):
        cell = cell_of.get(new_to_old.get(j, -1), ())
        if cell:
            return seg[cell[0]].line
    for j in range(run[0] - 1, -1, -1):
        cell = cell_of.get(new_to_old.get(j, -1), ())
        if cell:
            return seg[cell[-1]].end_line + 1
    return 1
