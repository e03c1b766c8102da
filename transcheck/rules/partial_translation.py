"""A translation that stops part of the way through: the rest of the document is
missing, or left in another language.

What it catches:
    Past some row, the translation has none of the rows the source (with ``--source``)
    or most documents have, or has them only as text in another language (copied over,
    not translated), and that tail holds at least a quarter of the document's rows of
    prose and at least TAIL rows. One finding, where the tail starts, spanning the rest
    of the document; the findings of other rules inside it (every missing paragraph,
    every untranslated line) are folded into it, so a half-translated page is one line
    in a report, not hundreds. The message says how many of the document's sections
    (its headings) are translated. A page copied into the translation's place and not
    translated yet (the tail starts at its first row) is one finding too: "nothing is
    translated". So is a page copied over whole where its text is mostly table cells
    and headings of code (a generated API reference): every prose segment the
    source's, five at least, in a language not the source's (en-GB may copy en). A
    tail of nothing but section titles kept as the source writes them ("Attributes",
    "Events" over API tables the translation translated) is no tail. A changelog's
    entries (list items linking to an issue, a pull request or a commit) are the
    forge's titles, which a finished translation keeps: they count for no side, and so
    do text the source itself writes in another language (a licence in English on a
    Chinese page) and the source's list of the page's translations; a heading written
    otherwise than the source's counts as translated.

    Severity: a warning. The tail is found from the alignment and the language of each
    line, and a few stray lines inside it (a name, a bare link) do not end it. A tail
    takes the most severe verdict of the findings it folds (missing paragraphs are
    errors), so a page that stops halfway fails a check as its missing paragraphs would.

Why it matters:
    Volunteer translations often stop where the volunteer did; the page then reads as a
    translation that turns into the source's language, or ends early. That is one fact
    for a maintainer (the page is partly translated), not one defect per paragraph.

Example:
    ``README-el.md`` has 498 segments where the source has 1,554: "translation stops
    here: 1,040 of the source's 1,554 segments after this point are missing (12 of 46
    sections translated)".

What it does not catch:
    A translation with gaps here and there (missing-segment reports each); a tail
    shorter than a quarter of the document; a tail most of whose rows tell no language
    (a language the identifier has no model of, where only headings copied from the
    source tell); source paragraphs added after the translation was last updated (with
    git history: not-yet-translated, TC305, reports them). Keyed resources, whose keys
    have no reading order: a file's missing keys are counted in the status table
    (findings with ``full-coverage``).
"""

from __future__ import annotations

from transcheck.langid import langdetect_names
from transcheck.langid.related import related
from transcheck.model import Category, Severity
from transcheck.rules._kept import changelog_entry, issue_title, link_title, source_foreign
from transcheck.rules._presence import accounted_by_lag, expected, insertion_line, navigation
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.text import normalise

TAIL = 5  # rows at least
SHARE = 0.25  # of the document's rows of prose, at least
NOISE = 0.05  # translated rows a tail may hold (names, links that read alike)


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        return  # keys have no reading order: a file without its last keys lacks keys
    for lang in sorted(view.documents):
        if lang == view.source:
            continue
        found = _tail(view, lang) or _copied(view, lang)
        if found is not None:
            yield _finding(view, lang, *found)


def _copied(view: GroupView, lang: str):
    """The page copied over whole, its tables too (a generated API reference, whose
    text is mostly table cells and headings of code, which the tail leaves out): every
    prose segment the source's, TAIL of them at least, in a language not the source's."""
    source = view.documents.get(view.source) if view.source else None
    doc = view.documents[lang]
    if source is None or related(source.base_language, doc.base_language):
        return None
    texts = [normalise(s.text) for s in doc.segments if s.is_prose]
    if len(texts) < TAIL or texts != [normalise(s.text) for s in source.segments if s.is_prose]:
        return None
    first = next((r for r, row in enumerate(view.rows) if row.cells.get(lang)), 0)
    return first, len(texts), 0, len(texts), True


def _tail(view: GroupView, lang: str):
    """(first row of the tail, rows in it, of which missing) or None."""
    doc = view.documents[lang]
    states = []  # (row index, "ok" | "missing" | "copy")
    rows = []  # every row of prose the document should have, told or not
    for r, row in enumerate(view.rows):
        if expected(view, row) is not True or not _prose(view, row) or navigation(view, r):
            continue  # the page's list of its translations is no text to translate
        idx = row.cells.get(lang, ())
        if not idx and accounted_by_lag(view, row, lang):
            continue  # added to the source since: not yet translated, lag, no tail
        state = "missing" if not idx else _state(view, doc, row, idx)
        if state == "kept":
            continue  # no row of the page's own text
        rows.append(r)
        if state is not None:
            states.append((r, state))
    total = len(states)
    best, ok = None, 0
    for k in range(total - 1, -1, -1):
        state = states[k][1]
        ok += state == "ok"
        if state != "ok" and ok <= NOISE * (total - k):
            best = k
    if best is None:
        return None
    size = total - best
    if size < TAIL or size < SHARE * total:
        return None
    # Most of the tail's rows must tell: a language no identifier knows (Azerbaijani,
    # read as nothing) leaves a few headings copied from the source, which are no tail.
    if 2 * size < sum(1 for r in rows if r >= states[best][0]):
        return None
    tail = states[best:]
    # Section titles kept as the source writes them ("Attributes", "Events" over API
    # tables the translation translated: a table's cells tell no tail) are no tail.
    if all(s == "copy" and _heading(view, r) for r, s in tail):
        return None
    # The whole page only where no row before the tail, told or not, is translated.
    whole = states[best][0] == rows[0]
    return states[best][0], size, sum(1 for _, s in tail if s == "missing"), total, whole


def _heading(view: GroupView, r: int) -> bool:
    reference = view.source if view.source in view.documents else None
    cells = [(lang, idx) for lang, idx in view.rows[r].cells.items() if idx and (reference is None or lang == reference)]
    return bool(cells) and all(view.documents[lang].segments[i].level for lang, idx in cells[:1] for i in idx)


def _prose(view: GroupView, row) -> bool:
    reference = view.source if view.source in view.documents else None
    for lang, idx in row.cells.items():
        if (reference is None or lang == reference) and idx:
            return any(_running(view.documents[lang].segments[i]) for i in idx)
    return False


def _running(segment) -> bool:
    """Prose of the running text: a table's cells (names, figures, a column's title)
    are often kept as the source has them in a finished translation."""
    return segment.is_prose and segment.block != "table"


def _state(view: GroupView, doc, row, idx) -> str | None:
    """"copy" when the cell is the reference's text as it is (and some of it is
    identified as a language), or every prose segment of it is identified as another
    language; "ok" when one is identified as the document's own, or a heading is
    written otherwise than the source's; "kept" for a changelog's entries, which no
    finished translation translates; None when nothing tells (a short heading, a name)."""
    prose = [i for i in idx if _running(doc.segments[i])]
    if not prose:
        return None
    # A changelog's entries, named by their issues' titles, and linked pages' titles (a
    # further-reading list) stay as the source has them.
    if all(issue_title(doc.segments[i]) or changelog_entry(doc, doc.segments[i]) or link_title(doc.segments[i])
           for i in prose):
        return "kept"
    langs = []
    for i in prose:
        guess = view.guesses.get((doc.language, i))
        langs.append(None if guess is None else guess.language)
    if _same_as_reference(view, doc, row, idx):
        if source_foreign(view, row):
            return "kept"  # the source's own text in another language (a licence in English)
        # A name, a link or a list of them is written alike in every language: equal
        # to the source's, it tells of no language. A heading is a section's title.
        told = any(lang is not None for lang in langs) or any(doc.segments[i].level for i in prose)
        return "copy" if told else None
    if any(lang is not None and related(lang, doc.base_language) for lang in langs):
        return "ok"
    if all(lang is None and doc.segments[i].level for lang, i in zip(langs, prose)) and row.cells.get(view.source):
        return "ok"  # a heading written otherwise than the source's: "CHANGEMENTS INCOMPATIBLES"
    if not langdetect_names(doc.base_language):
        return None  # no model of the page's language: another one named is no evidence
    if all(lang is not None for lang in langs):
        return "copy"
    return None if all(lang is None for lang in langs) else "ok"


def _same_as_reference(view: GroupView, doc, row, idx) -> bool:
    reference = view.source if view.source in view.documents else None
    if reference is None or reference == doc.language or not row.cells.get(reference):
        return False
    ref = view.documents[reference]
    mine = " ".join(normalise(doc.segments[i].text) for i in idx)
    return mine == " ".join(normalise(ref.segments[i].text) for i in row.cells[reference])


def _finding(view: GroupView, lang: str, start: int, size: int, missing: int, total: int, whole: bool):
    doc = view.documents[lang]
    sections, translated = _sections(view, start)
    whole = whole and not translated
    # A page with nothing translated is the fact from its first line (front matter too).
    line = 1 if whole else _first_line(view, lang, start)
    copied = size - missing
    parts = []
    if missing:
        parts.append(f"{missing} missing")
    if copied:
        parts.append(f"{copied} left untranslated")
    counted = f" ({translated} of {sections} sections translated)" if sections else ""
    if whole:
        said = f"nothing is translated: of the document's {total} segments, {' and '.join(parts)}{counted}"
    else:
        said = (f"translation stops here: of the {size} segments after this point (of {total}), "
                f"{' and '.join(parts)}{counted}")
    return RULE.finding(
        doc, line, max(line, doc.line_count),
        said,
        key=f"partial:{size}:{total}",
        row=start,
    )


def _first_line(view: GroupView, lang: str, start: int) -> int:
    idx = view.rows[start].cells.get(lang, ())
    if idx:
        return view.documents[lang].segments[idx[0]].line
    return insertion_line(view, view.documents[lang], start)


def _sections(view: GroupView, start: int) -> tuple[int, int]:
    """(headings of the reference document, those before the tail)."""
    reference = view.source if view.source in view.documents else None
    heads = []
    for r, row in enumerate(view.rows):
        if expected(view, row) is not True:
            continue
        for lang, idx in row.cells.items():
            if (reference is None or lang == reference) and idx:
                if any(view.documents[lang].segments[i].level for i in idx):
                    heads.append(r)
                break
    return len(heads), sum(1 for r in heads if r < start)


RULE = Rule(
    code="TC307",
    name="partial-translation",
    category=Category.ALIGNMENT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
