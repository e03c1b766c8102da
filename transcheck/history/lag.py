"""Which paragraphs of a translation lag their source, and what changed in the source.

A translation was made from the source as it was when the translation was last brought
up to date. The source then and the source now are compared segment by segment
(unchanged, edited, added, removed; reflowed text is unchanged), and the translation is
aligned to the source *then*, so each source change lands on the translated paragraph
it concerns, or on the place where new source text has no translation yet.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Lag:
    """How far one translation is behind its source."""

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

    @property
    def outdated(self) -> bool:
        return bool(self.changes)


def source_changes(then: tuple[Segment, ...], now: tuple[Segment, ...]):
    """(old index -> new index for kept segments, edited old indices, added new indices)."""
    from transcheck.align.versions import align_versions

    old_to_new = align_versions(then, now)
    edited = {i for i, j in old_to_new.items() if _content(then[i]) != _content(now[j])}
    added = set(range(len(now))) - set(old_to_new.values())
    return old_to_new, edited, added


def _content(s: Segment) -> tuple:
    return normalise(s.text), s.urls, s.code


def _markup_change(old: Segment, new: Segment) -> tuple[str, str]:
    """The link targets and code an edit took out and put in, when its text is the same."""
    before, after = (*old.urls, *old.code), (*new.urls, *new.code)
    return " ".join(x for x in before if x not in after), " ".join(x for x in after if x not in before)


def compute_lag(source_now: Document, source_then: tuple[Segment, ...], translation: Document,
                since_sha: str, since_date: str, changes=None) -> Lag:
    """Map the source's changes since the translation's last update onto it.
    ``changes``: ``source_changes(source_then, source_now.segments)`` when the caller
    has it already (translations made from one source version share it)."""
    from transcheck.align.aligner import align

    now = source_now.segments
    old_to_new, edited, added = changes or source_changes(source_then, now)
    removed = set(range(len(source_then))) - set(old_to_new)
    if not edited and not added and not removed:
        return Lag(translation.language, since_sha, since_date, ())

    then_doc = Document(source_now.path, source_now.language, source_now.group, "",
                        0, source_then)
    rows = align([then_doc, translation], source=source_now.language)
    src, lang = source_now.language, translation.language
    cell_of: dict[int, tuple[int, ...]] = {}
    for row in rows:
        for i in row.cells.get(src, ()):
            cell_of[i] = row.cells.get(lang, ())
    seg = translation.segments

    changes: list[LagChange] = []
    for i, old in enumerate(source_then):
        cell = cell_of.get(i, ())
        if not cell or (i not in edited and i not in removed):
            continue  # nothing translated here (another rule's concern), or unchanged
        first, last = seg[cell[0]], seg[cell[-1]]
        if i in removed:
            changes.append(LagChange(REMOVED, first.line, last.end_line, old.text, "", old.line, old.end_line))
        else:
            new = now[old_to_new[i]]
            if normalise(old.text) == normalise(new.text):
                was, now_ = _markup_change(old, new)
                changes.append(LagChange(EDITED, first.line, last.end_line, was, now_,
                                         new.line, new.end_line, detail="links or code"))
            else:
                changes.append(LagChange(EDITED, first.line, last.end_line, old.text, new.text,
                                         new.line, new.end_line))

    new_to_old = {j: i for i, j in old_to_new.items()}
    for run in _runs(sorted(added)):
        line = _insertion_line(run, new_to_old, cell_of, seg, len(now))
        text = " ".join(now[j].text for j in run)
        changes.append(LagChange(ADDED, line, line, "", text, now[run[0]].line, now[run[-1]].end_line,
                                 count=len(run)))
    changes.sort(key=lambda c: (c.line, c.end_line, c.source_line))
    translated_then = {old_to_new[i] for i, cell in cell_of.items() if cell and i in old_to_new}
    rendered = {k for cell in cell_of.values() for k in cell}
    return Lag(lang, since_sha, since_date, tuple(changes), frozenset(added | translated_then),
               frozenset(rendered))


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
