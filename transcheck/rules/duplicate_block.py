"""A block of segments that repeats earlier content of the same document.

What it catches:
    Consecutive segments that repeat, exactly or nearly (chrF at or above the
    ``duplicate_min_chrf`` threshold both ways, on normalised text, with the same
    numbers: a sentence that merely contains an earlier heading, or "Article 39 says"
    after "Article 36 says", is no repeat), an earlier run of segments
    of the same document, when the other documents of the group do not repeat it.
    The whole repeated run is one finding, on the later copy, with the first copy as
    the related location; runs broken by one edited segment are joined.

    A repeat is judged N-way, through the aligned rows: for each repeated segment,
    every other document (the source included) that has text at both rows says
    whether its two cells repeat each other too, in any wording (chrF 60 or more one
    way or the other, 45 in Chinese, Japanese and Korean, where one character changed
    in a short line, "升序" as "降序", already scores 55: a headline and the lead
    sentence that extends it are one repeat, however each translator worded them). Where the source does, or at least
    half of the documents do, the repeat is the original's: news articles repeat the
    headline or a subheading in the body, and every translation follows. Only the
    segments that the others do not repeat are reported, in the translation that
    repeats them. A repeat whose later copy stands where the source repeats an
    earlier segment of its own (anywhere: an index of algorithms by topic and again
    by technique lists an entry in both) is the original's too, however the rows of
    the earlier copies are aligned; and so, with git history, is a repeat of the source
    the translation still follows (an older generated reference that listed an option
    under each command).

    Severity and precision: an error for a repeat of this translation's own, of at
    least ``duplicate_min_letters`` letters. A *warning* for a passage of three or more
    segments pasted twice, the copy right after the original, that the source or most
    translations repeat too: a whole article body twice is a defect in every
    language, but made before translation (or by an export), so no translation is to
    blame; the message names who shares it. Reviewed in ``bench/reviewed/TC101.tsv``:
    on the WMT24++ dev corpus (``bench/realtext.py``) its one error is true in both
    modes (1/1); on NTREX-128 news (16 languages) the 12 errors it gave without the
    source were all the original's repeats (a headline the lead extends, a subheading
    repeated) and it now gives none; planted duplicated paragraphs are found in all 15
    languages. ``corpus/`` repeats its article body in all five files, and gives five
    warnings.

Why it matters:
    Pasting an article body twice, or a translation memory inserting a paragraph
    again, is a common export error, and a reader sees it at once.

Example:
    ``de.txt`` line 5 repeats its line 2 where en, ru, he and ja have another
    paragraph: "line 5 repeats line 2 (1 segment)". The body of ``corpus/sv.txt``
    (lines 6-24) appears again at lines 26-44, and so it does in the other four files:
    "lines 26-44 repeat lines 6-24 (10 segments); ar, it, ru, tr repeat it too: pasted
    twice before translation or by an export, to remove in every language".

What it does not catch:
    Keyed resources: one value under several keys ("Cancel") is a resource's normal
    state; a value pasted under the wrong key is TC102.
    Short lines that legitimately recur on their own (a one-word heading, a button
    label): a repeat must hold at least ``duplicate_min_letters`` letters. An image
    whose alt text names it as the heading above it does is no repeat, nor
    is an entry of a table of contents (a link into the page) and its heading, nor two
    cells of one table row. Repetition
    across different documents of a group is expected (names, file names) and is
    never reported here. A repeat most documents share that is not a passage pasted
    right after itself (a headline, a refrain, a paragraph that comes back further
    on) is the original's and is not reported, even when it is a defect of the
    original; nor is a repeat in a group where most translations made the same slip.
    A sub-section repeated under each of two sections' own headings (an API page's
    "Params" under every endpoint), or rows repeated in two tables under headings of
    their own (a metric's labels), is info: a page's form, as often as a paste; so is
    a copy that differs in spacing or letter case alone (a style guide's right and wrong
    forms, "5000 个" and "5000个"): a paste is the same text.
    In templated text (many lines alike), a near repeat is looked for among the eight
    most similar earlier segments only, to keep the check linear.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from transcheck.langid.script import CJK_SCRIPTS, scripts_of
from transcheck.model import Category, Document, Location, Severity, Strength
from transcheck.rules._repeats import Repeat, matches, segment_texts, find_repeats
from transcheck.rules.base import GroupView, Rule, options_from
from transcheck.text import chrf, letters, normalise

# Two cells of one document this alike (chrF, either way) repeat each other in some
# wording: within a document, 99 in 100 pairs of different paragraphs score under 42
# (Latin, Cyrillic, Hebrew, Arabic, Devanagari) or under 29 (Chinese, Japanese,
# Korean), and a sentence and its reworded repeat 60 and more.
_ALIKE = 60.0
# In Chinese, Japanese and Korean, whose characters are words, one changed in ten ("升序"
# as "降序" in "根据数据值, 升序排列。") already scores 55: two cells of such a language this
# alike repeat each other's wording.
_ALIKE_UNSPACED = 45.0
# A run this long that starts right where its original ends is the whole passage
# pasted twice: still a defect when every document has it (the original's own), where
# a heading or a headline that comes back further on is how the original was written.
_PASTE_SEGMENTS = 3


@dataclass(frozen=True)
class Options:
    duplicate_min_chrf: float
    duplicate_min_letters: int


def check(view: GroupView, options: Options):
    if view.keyed:
        return  # "Cancel" under two keys is a resource's normal state, not a repeat
    t = options
    source_repeats: frozenset[int] | None = None
    for doc in view.documents.values():
        for run in find_repeats(doc, t.duplicate_min_chrf, t.duplicate_min_letters):
            if source_repeats is None:
                source_repeats = _source_repeats(view, t.duplicate_min_chrf)
            yield from _judged(view, doc, run, t, source_repeats)


def _source_repeats(view: GroupView, min_chrf: float) -> frozenset[int]:
    """The segments of the source that repeat an earlier one of the source, in any
    wording (a reference table documents an option again, reworded a little)."""
    source = view.documents.get(view.source) if view.source else None
    if source is None:
        return frozenset()
    return frozenset(matches(segment_texts(source), min(min_chrf, _ALIKE)))


def _judged(view: GroupView, doc: Document, run: Repeat, t: Options, source_repeats: frozenset[int]):
    """The findings of one repeated run, judged against what the other documents do at
    the same rows: the parts of it that the source or most translations repeat too are
    the original's; what is left is this translation's own."""
    if doc.segments[run.copy_start].line == doc.segments[run.orig_end].end_line:
        return  # cells of one table row alike ("xAxisIndex", "yAxisIndex"): no paste
    count = run.copy_end - run.copy_start + 1
    shared = [_shared(view, doc, run.orig_start + k, run.copy_start + k, t.duplicate_min_chrf)
              for k in range(count)]
    shared = [s if s is not False or not _source_repeats_at(view, doc, run.copy_start + k, source_repeats)
              else {view.source} for k, s in enumerate(shared)]
    shared = [{view.source} if s is False and _reworded(view, doc, run, k, shared) else s
              for k, s in enumerate(shared)]
    shared = _between_shared(view, doc, run, shared)
    if all(s is not False for s in shared) and any(shared):
        if count >= _PASTE_SEGMENTS and run.copy_start == run.orig_end + 1:
            sharers = sorted(set().union(*(s for s in shared if s)))
            finding = _finding(doc, run, _pasted_upstream(view, sharers))
            yield replace(finding, strength=Strength.REDUCED)
        return
    for part in _own_parts(run, shared):
        segs = doc.segments[part.copy_start : part.copy_end + 1]
        if sum(letters(s.text) for s in segs if s.is_prose) >= t.duplicate_min_letters:
            if _sections_alike(doc, part) or _tables_alike(doc, part):
                yield replace(_finding(doc, part, "; each under its own heading: a section's parts, "
                                                  "as a reference documents each endpoint"), strength=Strength.HINT)
            elif _contrasted(doc, part):
                yield replace(_finding(doc, part, "; the two differ in spacing or letter case alone (a right and "
                                                  "a wrong form side by side?), where a paste is the same text"),
                              strength=Strength.HINT)
            else:
                yield _finding(doc, part, "")


def _sections_alike(doc: Document, run: Repeat) -> bool:
    """Whether the two copies are sub-sections of two different sections: each opens
    with a heading right after its section's own heading, and those differ ("#### Update
    vertex / ##### Params / …" and "#### Delete vertex / ##### Params / …")."""
    segs = doc.segments
    if run.orig_start == 0 or not (segs[run.orig_start].level and segs[run.copy_start].level):
        return False
    before, after = segs[run.orig_start - 1], segs[run.copy_start - 1]
    return bool(before.level and after.level and before.level == after.level < segs[run.copy_start].level
                and normalise(before.text) != normalise(after.text))


def _contrasted(doc: Document, run: Repeat) -> bool:
    """Whether the copy differs from the original in spacing or letter case alone, and
    does differ ("5000 个" and "5000个", "HBase" and "Hbase"): a paste is the same text."""
    segs = doc.segments
    pairs = [(segs[run.orig_start + k].text, segs[run.copy_start + k].text)
             for k in range(run.copy_end - run.copy_start + 1)]
    return any(a != b for a, b in pairs) and all(
        "".join(a.split()).casefold() == "".join(b.split()).casefold() for a, b in pairs)


def _tables_alike(doc: Document, run: Repeat) -> bool:
    """Whether the two copies are rows of two tables under headings of their own (the
    labels a reference lists for each of its metrics): every segment a table's cell,
    and a heading between them."""
    segs = doc.segments
    cells = [*segs[run.orig_start:run.orig_end + 1], *segs[run.copy_start:run.copy_end + 1]]
    return all(s.block == "table" for s in cells) and any(s.level for s in segs[run.orig_end + 1:run.copy_start])


_GAP = 2  # segments others repeat too that still join two stretches of a copy


def _own_parts(run: Repeat, shared: list) -> list[Repeat]:
    """The stretches of ``run`` that no other document repeats (``shared[k]`` False;
    None, the edited segment inside a run, goes with its neighbours); two of them
    apart by at most ``_GAP`` segments are one."""
    parts, k, n = [], 0, len(shared)
    while k < n:
        if shared[k] is not False:
            k += 1
            continue
        end = k
        while end + 1 < n and not shared[end + 1]:
            end += 1
        while shared[end] is None:
            end -= 1
        if parts and k - (parts[-1].copy_end - run.copy_start) <= _GAP + 1:
            # A line or two the source repeats as well (a recurring "Explanation:"
            # heading) inside a copied stretch: one paste, not several.
            parts[-1] = Repeat(parts[-1].orig_start, run.orig_start + end, parts[-1].copy_start, run.copy_start + end)
        else:
            parts.append(Repeat(run.orig_start + k, run.orig_start + end,
                                run.copy_start + k, run.copy_start + end))
        k = end + 1
    return parts


def _finding(doc: Document, run: Repeat, note: str):
    segs = doc.segments
    first, last, o_first, o_last = (segs[k] for k in (run.copy_start, run.copy_end, run.orig_start, run.orig_end))
    count = run.copy_end - run.copy_start + 1
    return RULE.finding(
        doc,
        first.line,
        last.end_line,
        f"{_span(first.line, last.end_line)} repeat{'s' if count == 1 else ''} "
        f"{_span(o_first.line, o_last.end_line)} ({count} segment{'s' if count > 1 else ''}){note}",
        related=[Location(doc.path, o_first.line, o_last.end_line)],
        key="\n".join(normalise(s.text) for s in segs[run.copy_start : run.copy_end + 1]),
    )


def _pasted_upstream(view: GroupView, sharers: list[str]) -> str:
    if view.source in sharers:
        return "; the source repeats it too: pasted twice in the source, to remove there and in every language"
    return (f"; {', '.join(sharers)} repeat it too: pasted twice before translation or by an export, "
            "to remove in every language")


def _source_repeats_at(view: GroupView, doc: Document, j: int, source_repeats: frozenset[int]) -> bool:
    """Whether segment ``j`` of ``doc`` is aligned with a source segment that repeats an
    earlier one of the source, or renders one the source it follows (its lag) had twice."""
    lag = view.lag.get(doc.language)
    if lag is not None and j in lag.repeated_then:
        return True
    row = view.row_of.get((doc.language, j))
    if row is None or not source_repeats or doc.language == view.source:
        return False
    return any(i in source_repeats for i in view.rows[row].cells.get(view.source, ()))


def _shared(view: GroupView, doc: Document, i: int, j: int, min_chrf: float) -> set[str] | bool | None:
    """Who else repeats what segment ``j`` of ``doc`` repeats of segment ``i``: the
    languages whose cells at the two rows are alike too, in any wording (chrF at least
    ``_ALIKE`` one way or the other: a headline and the lead sentence that extends it
    are the same repeat). Their set when the source is among them, or at least half
    of the documents that have text at both rows are; False when fewer are (or the
    rows cannot say); None for the edited segment of a near repeat, which says
    nothing either way."""
    segs = doc.segments
    if chrf(normalise(segs[i].text), normalise(segs[j].text)) < min_chrf:
        return None
    twice = _linked_twice(view, doc, j)
    if twice and (view.source in twice or 2 * len(twice) >= len(view.documents) - 1):
        return twice
    ri, rj = view.row_of.get((doc.language, i)), view.row_of.get((doc.language, j))
    if ri is None or rj is None or ri == rj:
        return False
    voters, alike = 0, set()
    for lang in view.documents:
        if lang == doc.language:
            continue
        # All of a cell's text: a repeat of includes or code is the source's too.
        a = normalise(view.cell_text(view.rows[ri], lang, quote=True))
        b = normalise(view.cell_text(view.rows[rj], lang, quote=True))
        if not a or not b:
            continue  # text this document lacks in either place (a default title)
        voters += 1
        least = _ALIKE_UNSPACED if scripts_of(lang) & CJK_SCRIPTS else _ALIKE
        if chrf(a, b) >= least or chrf(b, a) >= least:
            alike.add(lang)
    if alike and (view.source in alike or 2 * len(alike) >= voters):
        return alike
    return False


# Beside segments the source repeats, two source cells this alike (chrF, either way)
# are one text reworded: under it lie 99 in 100 pairs of different paragraphs.
_REWORDED = 42.0


def _reworded(view: GroupView, doc: Document, run: Repeat, k: int, shared: list) -> bool:
    """Whether the source renders segment ``k`` of the run, a segment next to one the
    source repeats, with two cells a little reworded (a reference table whose second
    copy the source's writer edited): the translator's one rendering of both is no
    paste."""
    if view.source not in view.documents or not any(
            0 <= n < len(shared) and shared[n] and view.source in shared[n] for n in (k - 1, k + 1)):
        return False
    ri, rj = (view.row_of.get((doc.language, x + k)) for x in (run.orig_start, run.copy_start))
    if ri is None or rj is None or ri == rj:
        return False
    a, b = (normalise(view.cell_text(view.rows[r], view.source, quote=True)) for r in (ri, rj))
    return bool(a and b) and max(chrf(a, b), chrf(b, a)) >= _REWORDED


def _between_shared(view: GroupView, doc: Document, run: Repeat, shared: list) -> list:
    """``shared`` with each segment no other document can judge (none has text at both
    its rows: the aligner set a shortened table cell apart from its source) given the
    verdict of the segments on either side, where both are repeated by others too."""
    out = list(shared)
    for k, s in enumerate(shared):
        if s is not False or not 0 < k < len(shared) - 1 or not (shared[k - 1] and shared[k + 1]):
            continue
        ri, rj = (view.row_of.get((doc.language, x + k)) for x in (run.orig_start, run.copy_start))
        if ri is None or rj is None or not any(
                view.rows[ri].cells.get(lang) and view.rows[rj].cells.get(lang)
                for lang in view.documents if lang != doc.language):
            out[k] = shared[k - 1] | shared[k + 1]
    return out


def _linked_twice(view: GroupView, doc: Document, j: int) -> set[str]:
    """The other documents that link twice or more to a place segment ``j`` links to:
    one entry listed under two headings, which the rows around a repeat may not pair."""
    urls = set(doc.segments[j].urls)
    return {lang for lang, other in view.documents.items() if urls and lang != doc.language
            and sum(1 for s in other.segments if urls & set(s.urls)) >= 2}


def _span(a: int, b: int) -> str:
    return f"line {a}" if a == b else f"lines {a}-{b}"


RULE = Rule(
    code="TC101",
    name="duplicate-block",
    category=Category.DUPLICATION,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
    options=options_from(Options),
)
