"""A segment that only this document has.

What it catches:
    After multi-way alignment, a row held by this document alone while the source
    (with ``--source``) or every other translation (three or more documents) lacks it.
    Consecutive rows only this document has (an added section) are one finding
    spanning their lines. Also a paragraph inserted next to one the others have, when the aligner has linked
    both to the others' one paragraph: the two together are at least half as long
    again as the others predict (from each document's overall length), and without
    one of them the rest fits; the finding is on the one that does not fit. A
    paragraph merely split over two lines keeps its length and is not reported.

    Severity and precision: a warning. On the WMT24++ dev corpus its one finding (a
    URL line only the Hindi file has) is true in both modes.

Why it matters:
    An added paragraph is either a translator's note left in, text from another
    document, or a sign that the others dropped it; either way a reviewer must look.

Example:
    ``it.txt`` line 30 holds a paragraph that none of ru, sv, tr and ar has: one
    warning at ``it.txt:30``.

What it does not catch:
    In keyed resources, a key the source no longer has is a finding only under
    ``full-coverage = true``.
    A row whose links (an index entry) the source, or every translation that lacks
    the row, has elsewhere is at most a hint: an entry moved, or rows of a reordered
    or older list paired apart.
    A line of markup that shows only space ("<br/><br/>", "&nbsp;"): spacing, not
    content; a callout's opening marker without a title (":::note") around text the
    source has as a paragraph ("Note: …"), whose structure TC303 compares; a table cell the source leaves empty and the translation fills ("无"),
    between cells the source has. A row the source lacks and every translation has,
    or three in four of them (three at least: a machine-translation disclaimer, a
    translators' credit, which a few translations lack or the aligner pairs apart),
    is a hint.
    A segment that a translation splits in two or that merges two segments (the
    aligner links 1-2 and 2-1); an extra sentence inside a segment; an inserted
    paragraph much shorter than its neighbour.
"""

from __future__ import annotations

import re

import math
import statistics
from dataclasses import replace

from transcheck.model import Category, Severity, Strength
from transcheck.rules._presence import Anchors, expected, links_elsewhere
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.text import normalise


# An inserted paragraph makes a cell this much longer than predicted; without it the
# rest is within this factor of the prediction.
_TOO_LONG = 1.5
_FITS = 1.3
_MIN_PEERS = 3
_MINORITY_GROUP = 8
_CLEAR = 0.5
_MIN_ANCHORS = 2


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        from transcheck.rules._keyed import presence

        yield from presence(view, RULE, missing=False)
        return
    totals = {lang: sum(_size(s.text) for s in doc.segments) for lang, doc in view.documents.items()}
    runs: dict[str, list] = {}  # language -> its current run of extra rows
    anchors = Anchors(view)
    for row in view.rows:
        yield from _inserted(view, row, totals)
        extra = set()
        if expected(view, row) is False:
            extra = {lang for lang in row.present()
                     if view.aligned(row, lang) and not _removed_since(view, row, lang)
                     and not _blank(view, row, lang) and not _elsewhere(view, anchors, row, lang)
                     and not _filled_cell(view, row, lang)}
        else:
            yield from _minority(view, row)
        for lang in sorted(set(runs) - extra):
            yield _extra(view, lang, runs.pop(lang))
        for lang in sorted(extra):
            runs.setdefault(lang, []).append(row)
    for lang, rows in sorted(runs.items()):
        yield _extra(view, lang, rows)


def _filled_cell(view: GroupView, row, lang: str) -> bool:
    """A table cell between cells of its line that the others have: the translator
    filled a cell the source leaves empty ("无", "—"), which makes no segment there."""
    segs = view.documents[lang].segments
    idx = row.cells[lang]
    if len(idx) != 1 or segs[idx[0]].block != "table":
        return False
    line = segs[idx[0]].line
    beside = [k for k in (idx[0] - 1, idx[0] + 1) if 0 <= k < len(segs) and segs[k].line == line]
    return bool(beside) and all((r := view.row_of.get((lang, k))) is not None and expected(view, view.rows[r])
                                for k in beside)


_MARKUP = re.compile(r"<[^<>]*>|&#?\w+;")


def _blank(view: GroupView, row, lang: str) -> bool:
    """A cell of markup that shows nothing but space ("<br/><br/>", "&nbsp;"), or a
    callout's opening marker without a title (":::note", "!!! tip", "> [!NOTE]") around
    text the source writes as a paragraph ("Note: …"): a translator's layout, no
    content added (structure-mismatch compares callouts)."""
    doc = view.documents[lang]
    segments = [doc.segments[i] for i in row.cells[lang]]
    return all(not s.is_prose and (s.block == "admonition" or not s.urls and not s.images
               and "<img" not in s.text.lower() and not any(ch.isalnum() for ch in _MARKUP.sub("", s.text)))
               for s in segments)


def _elsewhere(view: GroupView, anchors, row, lang: str) -> bool:
    """The cell's content is in the source (else in most other documents) as often as
    here, a row away: no extra."""
    if view.source in view.documents:
        return view.source != lang and anchors.elsewhere(row, lang, view.source)
    others = [o for o in view.documents if o != lang]
    return 2 * sum(anchors.elsewhere(row, lang, o) for o in others) > len(others)


def _extra(view: GroupView, lang: str, rows: list):
    """One finding for a run of consecutive rows only this document (or no source) has:
    an added section is one defect, spanning its lines."""
    absent = sorted({x for row in rows for x, idx in row.cells.items() if not idx})
    text = view.cell_text(rows[0], lang, quote=True)
    start, end = view.cell_location(rows[0], lang), view.cell_location(rows[-1], lang)
    what = "extra segment" if len(rows) == 1 else f"{len(rows)} consecutive extra segments"
    judges = [view.source] if view.source else absent
    moved = all(links_elsewhere(view, row, lang, other) for row in rows for other in judges)
    finding = RULE.finding(
        view.documents[lang],
        start.line,
        end.end_line,
        f"{what}, absent in {', '.join(absent)}: “{snippet(text)}”{' …' if len(rows) > 1 else ''}"
        + (f"; {', '.join(judges)} link{'s' if len(judges) == 1 else ''} to the same pages elsewhere: "
           "an entry moved, or rows paired apart" if moved else ""),
        key=normalise(text) + (f":{len(rows)}" if len(rows) > 1 else ""),
        row=view.row_of[(lang, rows[0].cells[lang][0])],
    )
    if moved:
        return replace(finding, strength=Strength.HINT)
    translations = len(view.documents) - 1
    holding = translations - len(absent) + 1
    if view.source in absent and holding >= 3 and 4 * holding >= 3 * translations:
        # Every translation, or nearly, adds it: the translation project's own notice
        # (a machine-translation disclaimer, a translators' credit), not one's slip;
        # one that a few translations lack or word apart is no less so.
        every = "every translation has it" if holding == translations else \
            f"{holding} of {translations} translations have it"
        return replace(finding, strength=Strength.HINT, message=finding.message
                       + f"; {every}: a notice of the translations' own")
    return finding


def _removed_since(view: GroupView, row, lang: str) -> bool:
    """Translated text that renders the source the translation was made from: when
    that source text was since removed, outdated-segment reports it."""
    lag = view.lag.get(lang)
    return bool(lag) and set(row.cells[lang]) <= lag.accounted_translation


def _minority(view: GroupView, row):
    """Without a source, a row that two or three documents of many hold: one of them is
    an inserted paragraph and the others are split or merged paragraphs the aligner
    placed beside it, which cannot be told apart here, so each is only a hint (info)."""
    n, present = len(row.cells), row.present()
    if view.source or n < _MINORITY_GROUP or not 2 <= len(present) <= max(2, n // 5):
        return
    absent = [lang for lang, idx in row.cells.items() if not idx]
    for lang in present:
        text = view.cell_text(row, lang)
        finding = RULE.at_cell(
            view, row, lang,
            f"extra segment, or a paragraph split or merged, absent in {', '.join(absent)}: "
            f"“{snippet(text)}”",
            key="minority:" + normalise(text),
        )
        yield replace(finding, strength=Strength.HINT)


def _size(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _inserted(view: GroupView, row, totals: dict[str, int]):
    others = [o for o, idx in row.cells.items() if len(idx) == 1 and totals.get(o)]
    if len(others) < _MIN_PEERS or (view.source and view.source not in others):
        return
    for lang, idx in row.cells.items():
        if len(idx) < 2 or lang == view.source or not totals[lang]:
            continue  # the source is the reference
        found = _extra_of(view, row, lang, others, totals)
        if found is not None:
            yield found


def _extra_of(view: GroupView, row, lang: str, others: list[str], totals: dict[str, int]):
    doc = view.documents[lang]
    predicted = statistics.median(
        _size(view.cell_text(row, o)) * totals[lang] / totals[o] for o in others
    )
    sizes = [_size(doc.segments[i].text) for i in row.cells[lang]]
    combined = sum(sizes)
    if predicted <= 0:
        return None
    shared = _anchor_overlap(view, row, lang, others)
    if combined < _TOO_LONG * predicted and not (shared and min(shared) == 0):
        # A paragraph split over several lines keeps its length; a short one inserted
        # is told only by names and numbers that the others do not have at all.
        return None
    fits = [(abs(math.log(max(combined - n, 1) / predicted)), k) for k, n in enumerate(sizes)]
    error, k = min(fits)
    if shared is not None:
        # The paragraph that shares no names or numbers with the others' is the stranger,
        # where lengths alone cannot tell two paragraphs of a size apart.
        k = min(range(len(sizes)), key=lambda j: (shared[j], j))
        error = fits[k][0]
    if error > math.log(_FITS):
        return None
    seg = doc.segments[row.cells[lang][k]]
    return RULE.at_segment(
        doc, seg,
        f"extra paragraph, inserted beside the one {', '.join(others[:6])}"
        f"{'…' if len(others) > 6 else ''} have: “{snippet(seg.quoted)}”",
        key="inserted:" + normalise(seg.text),
    )


def _anchor_overlap(view: GroupView, row, lang: str, others: list[str]) -> list[float] | None:
    """For each of ``lang``'s segments in the row, the share of its anchors (numbers,
    Latin names, quotes) that the others' cells have, by median; None unless one segment
    clearly shares less than all the rest (by half of all its anchors)."""
    from transcheck.align.anchors import anchors
    from transcheck.langid.script import scripts_of

    latin = "Latin" in scripts_of(lang)
    theirs = [set(anchors(view.cell_text(row, o), "Latin" in scripts_of(o))) for o in others]
    doc = view.documents[lang]
    shares = []
    for i in row.cells[lang]:
        own = set(anchors(doc.segments[i].text, latin))
        if len(own) < _MIN_ANCHORS:
            return None  # a segment with one anchor or none says little either way
        shares.append(statistics.median(len(own & t) / len(own) for t in theirs))
    low = sorted(shares)
    return shares if low[1] - low[0] >= _CLEAR else None


RULE = Rule(
    code="TC302",
    name="extra-segment",
    category=Category.ALIGNMENT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
