"""A segment that the other translations have and this document lacks.

What it catches:
    After multi-way alignment, a row that the source has (with ``--source``), or that a
    strict majority of at least two translations has (without a source), but that is
    empty in this document. The finding sits at the line where the segment belongs and
    points at the segment in the documents that have it; consecutive rows this document
    lacks (a dropped section) are one finding, and so are the cells of a table column it
    leaves out: a warning, since a glossary's translation may drop the source language's
    column on purpose.

    Severity and precision: an error (the row exists in the source or in a strict
    majority). It gives no finding on the WMT24++ dev corpus (no paragraph is missing
    there); planted missing paragraphs are found in 29 of 30 documents.

Why it matters:
    A dropped title, paragraph or button label is invisible when each file is read on
    its own; only the comparison shows it.

Example:
    ``ru.txt`` lacks the title, subtitle and table-of-contents line that sv, tr, it
    and ar have: one finding at ``ru.txt`` line 1, "3 consecutive segments missing",
    naming the peers' text and pointing at the three lines in each of them.

What it does not catch:
    In keyed resources, a key the translation lacks, leaves empty or marks fuzzy is
    a finding only under ``full-coverage = true`` (the project translates every
    key); otherwise it is counted in the status table's keys column. Plural
    variants are the plural check's (TC704).
    With ``--source``, a paragraph beside which the translation's paragraph is as long
    as the source's two there (by the documents' length ratio) is info: the translator
    made two paragraphs one, or a list item took the line after it. An image standing
    alone whose alt text the translation's paragraph beside it holds: written on the
    paragraph's next line, which Markdown joins to it.
    The list of the page's translations (three links or more, nearly all to them, or
    entries each linking to one, and a heading over nothing else), which projects ask
    translators to leave out, and a translation's own entry in it. A line the source
    writes in another language than its own (a tagline given in two) is info.
    A callout's marker without a title (":::note", "> [!TIP]"): no content to lack.
    A row whose links (an index entry that links to the page of a heap) this
    document has elsewhere is at most a hint: the entry moved, or the aligner paired
    the rows of a reordered or older list apart.
    A segment missing in as many documents as have it (a split vote, or a group of two
    without a source); content dropped *inside* a segment (see the length checks); a
    segment of punctuation alone (an ellipsis after inline HTML that the source sets
    apart and a translation joins to its words). With history, a page the source
    rewrote since it was translated (ten paragraphs and half the page changed: the
    lag rules say to translate it again) is not compared row by row.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from transcheck.model import Category, Kind, Location, Severity, Strength, base_language
from transcheck.rules._presence import (Anchors, accounted_by_lag, expected, insertion_line, links_elsewhere, navigation,
                                        pair_neighbours)
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.langid.script import scripts_of
from transcheck.text import normalise
from transcheck.langid.names import language_name, quoted_in
from transcheck.rules._kept import source_foreign


def witness_language(present: list[str]) -> str:
    """The language whose text a message quotes: English, else a Latin-script one,
    since reviewers of any pair can most often read those."""
    for lang in present:
        if base_language(lang) == "en":
            return lang
    latin = [lang for lang in present if "Latin" in scripts_of(lang)]
    return (latin or present)[0]


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        from transcheck.rules._keyed import presence

        yield from presence(view, RULE, missing=True)
        return
    runs: dict[str, list[int]] = {}  # language -> the rows of its current run of gaps
    columns: dict[tuple[str, int], list[int]] = {}  # (language, a table's first line) -> its cells lacking
    anchors = Anchors(view)
    # A page the source rewrote since its translation (TC304 says: translate it again)
    # lacks what it lacks by that; today's alignment of it says nothing more.
    rewritten = {lang for lang, lag in view.lag.items() if lag.rewritten(len(view.documents[lang].segments))}
    for r, row in enumerate(view.rows):
        if _wordless(view, row) or _marker(view, row) or navigation(view, r):
            continue  # an ellipsis or a dash set apart, a callout's marker, links to the page's translations
        wanted = expected(view, row) is True
        reference = _reference(view, row)
        for lang in row.cells:
            if not view.aligned(row, lang) or lang in rewritten:
                continue  # the content may be in the document elsewhere: neither way
            if (wanted and not row.cells[lang] and not accounted_by_lag(view, row, lang)
                    and not anchors.elsewhere(row, lang, reference) and not _own_entry(view, row, lang, reference)
                    and not _image_joined(view, r, lang, reference)):
                table = _narrower_table(view, r, lang, reference)
                if table is not None:
                    columns.setdefault((lang, table), []).append(r)
                else:
                    runs.setdefault(lang, []).append(r)
            elif lang in runs:
                yield _finding(view, lang, runs.pop(lang))
    for lang, rows in sorted(runs.items()):
        yield _finding(view, lang, rows)
    for (lang, _), rows in sorted(columns.items()):
        # One cell short on one line is a cell missing, not a column.
        yield _column_finding(view, lang, rows) if len(rows) > 1 else _finding(view, lang, rows)


def _own_entry(view: GroupView, row, lang: str, reference: str) -> bool:
    """Whether the row only links to the document itself: the entry of its own
    language in the list of the page's translations, which that translation leaves out
    ("🇷🇴 Română" → ./ro-RO/README.ro.md, in ro-RO/README.ro.md); or it is that list,
    three links or more, nearly all to the page's translations ("🇮🇳 🇫🇷 🇪🇸", each to
    translations/README.xx.md), which projects ask translators to leave out."""
    import posixpath

    ref = view.documents.get(reference)
    if ref is None:
        return False
    urls = [u for i in row.cells.get(reference, ()) for u in ref.segments[i].urls]
    me = posixpath.normpath(view.documents[lang].path.replace("\\", "/"))
    base = posixpath.dirname(ref.path.replace("\\", "/"))
    targets = [posixpath.normpath(posixpath.join(base, u.split("#")[0]))
               for u in urls if "://" not in u and not u.startswith("#")]
    if urls and len(targets) == len(urls) and all(t == me for t in targets):
        return True
    pages = {posixpath.normpath(d.path.replace("\\", "/")) for d in view.documents.values()}
    return len(urls) >= 3 and 10 * sum(t in pages for t in targets) >= 8 * len(urls)


def _image_joined(view: GroupView, r: int, lang: str, reference: str) -> bool:
    """Whether the row is an image standing alone whose alt text the translation's
    paragraph beside it holds: the image written on the paragraph's next line, with no
    blank line between ("… an example:\n![progress](…)"), which Markdown joins to it."""
    ref = view.documents.get(reference)
    cells = view.rows[r].cells.get(reference, ())
    if ref is None or not cells or not all(ref.segments[i].images and not ref.segments[i].labels for i in cells):
        return False
    alts = {normalise(ref.segments[i].text) for i in cells}
    own = view.documents[lang].segments
    for step in (-1, 1):
        k = next(pair_neighbours(view, r, lang, step), None)
        labels = {normalise(label) for i in (view.rows[k].cells.get(lang, ()) if k is not None else ())
                  for label in own[i].labels}
        if alts <= labels:
            return True
    return False


def _narrower_table(view: GroupView, r: int, lang: str, reference: str) -> int | None:
    """The first line of the reference's table when the row is one of its cells and the
    translation's table beside it has fewer columns on that line: a column left out
    (a glossary's translation that drops the source language's column) is one finding,
    not one per cell."""
    ref = view.documents.get(reference)
    cells = view.rows[r].cells.get(reference, ())
    if ref is None or not cells or ref.segments[cells[0]].block != "table":
        return None
    own = view.documents[lang].segments
    widths = view.memo("missing_table_widths")  # cells per line, counted once per document
    for doc in (ref, view.documents[lang]):
        if doc.language not in widths:
            widths[doc.language] = Counter(s.line for s in doc.segments if s.block == "table")
    line = ref.segments[cells[0]].line
    k = next(pair_neighbours(view, r, lang, -1), None)
    idx = view.rows[k].cells.get(lang, ()) if k is not None else ()
    if not idx or own[idx[-1]].block != "table":
        return None
    if widths[lang][own[idx[-1]].line] >= widths[reference][line]:
        return None
    start = cells[0]
    while start and ref.segments[start - 1].block == "table" and ref.segments[start - 1].line >= ref.segments[start].line - 2:
        start -= 1
    return ref.segments[start].line


def _column_finding(view: GroupView, lang: str, rows: list[int]):
    """One finding for the cells of a table's column the translation left out."""
    doc = view.documents[lang]
    witness = view.source or witness_language(view.rows[rows[0]].present())
    text = " … ".join(snippet(view.cell_text(view.rows[r], witness, quote=True), 24) for r in rows[:3])
    # On the line of the table's row where the first cell is lacking.
    k = next(pair_neighbours(view, rows[0], lang, -1))
    line = doc.segments[view.rows[k].cells[lang][-1]].line
    present = sorted({x for r in rows for x in view.rows[r].present()})
    related = [loc for o in present if (loc := view.cell_location(view.rows[rows[0]], o))]
    finding = RULE.finding(
        doc, line, line,
        f"a table column missing ({len(rows)} cells), present in {', '.join(present)} "
        f"({quoted_in(witness, text)}{' …' if len(rows) > 3 else ''})",
        related=related,
        key=f"column:{witness}:{normalise(text)}",
        row=rows[0],
    )
    # A translation may leave out a column on purpose (the source language's terms in
    # a glossary): a warning, once.
    return replace(finding, strength=Strength.REDUCED)


def _reference(view: GroupView, row) -> str:
    """The cell whose content a gap lacks: the source's, else the first present."""
    if view.source and row.cells.get(view.source):
        return view.source
    return next((lang for lang in sorted(row.cells) if row.cells[lang]), "")

def _wordless(view: GroupView, row) -> bool:
    """A row whose text, code included, has no letter and no digit in any document:
    punctuation that one language writes as a segment of its own ("About the command
    <code>fastapi dev</code>..." ends in "...") and another joins to its words; or
    markup that shows nothing of its own (a ``<br/><br/>`` spacer, which Markdown joins
    to a quotation before it where no blank line parts them)."""
    for lang in row.present():
        text = view.cell_text(row, lang, quote=True)
        if _SHOWING.search(text) or any(ch.isalnum() for ch in _TAG.sub("", text)):
            return False
    return True


def _marker(view: GroupView, row) -> bool:
    """A row of callout markers without a title (":::note", "> [!TIP]") in every
    document that has it: a translation that writes the callout's text on the marker's
    line ("> [!TIP] If you have…") or as a paragraph lacks no content (structure-mismatch
    compares callouts)."""
    return all(view.documents[lang].segments[i].kind is Kind.DIRECTIVE
               and view.documents[lang].segments[i].block == "admonition"
               for lang in row.present() for i in row.cells[lang])


_TAG = re.compile(r"<[^<>]{0,200}>")
_SHOWING = re.compile(r"<[^<>]{0,200}?\b(?:src|href)\s*=", re.IGNORECASE)


def _finding(view: GroupView, lang: str, rows: list[int]):
    """One finding for a run of consecutive rows this document lacks: a dropped section
    is one defect, at the one line where it belongs."""
    first, last = view.rows[rows[0]], view.rows[rows[-1]]
    present = sorted({x for r in rows for x in view.rows[r].present()})
    doc = view.documents[lang]
    line = insertion_line(view, doc, rows[0])
    witness = view.source or witness_language(first.present())
    text = view.cell_text(first, witness, quote=True)
    related = []
    for other in present:
        start, end = view.cell_location(first, other), view.cell_location(last, other)
        if start and end:
            # A cell of the run may stand out of its document's order (a moved block).
            related.append(Location(start.path, min(start.line, end.line), max(start.end_line, end.end_line)))
        elif start or end:
            related.append(start or end)
    what = "missing segment" if len(rows) == 1 else f"{len(rows)} consecutive segments missing"
    moved = all(links_elsewhere(view, view.rows[r], witness, lang) for r in rows)
    merged = len(rows) == 1 and _merged(view, lang, rows[0])
    # A line the source writes in another language than its own (a tagline given in
    # two) is one a translation may leave to its own.
    foreign = len(rows) == 1 and source_foreign(view, first)
    finding = RULE.finding(
        doc,
        line,
        line,
        f"{what}, present in {', '.join(present)} ({quoted_in(witness, snippet(text))}"
        f"{' …' if len(rows) > 1 else ''})"
        + ("; this page links to the same pages elsewhere: entries moved, or rows paired apart" if moved else "")
        + (f"; the paragraph {merged} is long enough to hold it too: merged into it?" if merged else "")
        + (f"; the source writes it in {language_name(foreign)}, not its own language" if foreign else ""),
        related=related,
        key=f"{witness}:{normalise(text)}" + (f":{len(rows)}" if len(rows) > 1 else ""),
        row=rows[0],
    )
    return replace(finding, strength=Strength.HINT) if moved or merged or foreign else finding


def _running(view: GroupView, row, lang: str) -> bool:
    """The cell holds running text: paragraphs or list items, not a heading, a table's
    cell or a front matter field."""
    segs = [view.documents[lang].segments[i] for i in row.cells.get(lang, ())]
    return bool(segs) and all(s.kind in (Kind.PARAGRAPH, Kind.LIST_ITEM) and s.block != "table"
                              for s in segs)


def _merged(view: GroupView, lang: str, r: int) -> str:
    """"before" or "after" where the translation's cell next to the row it lacks is as
    long as the source's two paragraphs there, by the documents' length ratio: two
    paragraphs the translator made one (or a list item that took the line after it);
    "" otherwise. With a source only."""
    source = view.documents.get(view.source) if view.source else None
    if source is None:
        return ""
    if not _running(view, view.rows[r], view.source):
        return ""
    ratios = view.memo("missing_length_ratio")  # read once per document, not per gap
    if lang not in ratios:
        ratios[lang] = (sum(len(s.text) for s in view.documents[lang].segments if s.is_prose) or 1) / (
            sum(len(s.text) for s in source.segments if s.is_prose) or 1)
    ratio = ratios[lang]
    lacking = len(view.cell_text(view.rows[r], view.source))
    for side, step in (("before", -1), ("after", 1)):
        k = next(pair_neighbours(view, r, lang, step), None)
        if k is None or not all(_running(view, view.rows[k], o) for o in (view.source, lang)):
            continue
        theirs, held = len(view.cell_text(view.rows[k], view.source)), len(view.cell_text(view.rows[k], lang))
        if held >= 0.8 * ratio * (theirs + lacking) and held >= ratio * theirs + 0.6 * ratio * lacking:
            return side
    return ""


RULE = Rule(
    code="TC301",
    name="missing-segment",
    category=Category.ALIGNMENT,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
    absence=True,
)
