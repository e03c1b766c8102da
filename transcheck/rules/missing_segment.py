"""A segment that the other translations have and this document lacks.

What it catches:
    After multi-way alignment, a row that the source has (with ``--source``), or that a
    strict majority of at least two translations has (without a source), but that is
    empty in this document. The finding sits at the line where the segment belongs and
    points at the segment in the documents that have it.

    Severity and precision: an error (the row exists in the source or in a strict
    majority). It gives no finding on the WMT24++ dev corpus (no paragraph is missing
    there); planted missing paragraphs are found in 29 of 30 documents.

Why it matters:
    A dropped title, paragraph or button label is invisible when each file is read on
    its own; only the comparison shows it.

Example:
    ``ru.txt`` lacks the title, subtitle and table-of-contents line that sv, tr, it
    and ar have: three findings at ``ru.txt`` line 1, each naming the peers' text.

What it does not catch:
    A segment missing in as many documents as have it (a split vote, or a group of two
    without a source); content dropped *inside* a segment (see the length checks).
"""

from __future__ import annotations

from transcheck.model import Category, Severity, base_language
from transcheck.rules._presence import expected, insertion_line
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.langid.script import scripts_of
from transcheck.text import normalise


def witness_language(present: list[str]) -> str:
    """The language whose text a message quotes: English, else a Latin-script one,
    since reviewers of any pair can most often read those."""
    for lang in present:
        if base_language(lang) == "en":
            return lang
    latin = [lang for lang in present if "Latin" in scripts_of(lang)]
    return (latin or present)[0]


def check(view: GroupView, options: NoOptions):
    for r, row in enumerate(view.rows):
        if expected(view, row) is not True:
            continue
        present = row.present()
        for lang in row.cells:
            if row.cells[lang] or _added_since(view, row, lang):
                continue
            doc = view.documents[lang]
            line = insertion_line(view, doc, r)
            witness = view.source or witness_language(present)
            text = view.cell_text(row, witness, quote=True)
            yield RULE.finding(
                doc,
                line,
                line,
                f"missing segment, present in {', '.join(present)}: "
                f"“{snippet(text)}” ({witness})",
                related=[view.cell_location(row, other) for other in present],
                key=f"{witness}:{normalise(text)}",
                row=r,
            )


def _added_since(view: GroupView, row, lang: str) -> bool:
    """Source text added after the translation was last updated (lag, which
    not-yet-translated reports), or translated in the version the translation was made
    from (today's alignment lost it, the lag's did not)."""
    lag = view.lag.get(lang)
    src = row.cells.get(view.source, ()) if view.source else ()
    return bool(lag and src) and set(src) <= lag.accounted_source


RULE = Rule(
    code="TC301",
    name="missing-segment",
    category=Category.ALIGNMENT,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
)
