"""A segment that only this document has.

What it catches:
    After multi-way alignment, a row held by this document alone while the source
    (with ``--source``) or every other translation (three or more documents) lacks it.

    Severity and precision: a warning. On the WMT24++ dev corpus its one finding (a
    URL line only the Hindi file has) is true in both modes.

Why it matters:
    An added paragraph is either a translator's note left in, text from another
    document, or a sign that the others dropped it; either way a reviewer must look.

Example:
    ``it.txt`` line 30 holds a paragraph that none of ru, sv, tr and ar has: one
    warning at ``it.txt:30``.

What it does not catch:
    A segment that a translation splits in two or that merges two segments (the
    aligner links 1-2 and 2-1); an extra sentence inside a segment.
"""

from __future__ import annotations

from transcheck.model import Category, Severity
from transcheck.rules._presence import expected
from transcheck.rules.base import GroupView, Rule, snippet
from transcheck.text import normalise


def check(view: GroupView):
    for row in view.rows:
        if expected(view, row) is not False:
            continue
        absent = [lang for lang, idx in row.cells.items() if not idx]
        for lang in row.present():
            text = view.cell_text(row, lang)
            yield RULE.at_cell(
                view,
                row,
                lang,
                f"extra segment, absent in {', '.join(absent)}: “{snippet(text)}”",
                key=normalise(text),
            )


RULE = Rule(
    code="TC302",
    name="extra-segment",
    category=Category.ALIGNMENT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
