"""Markdown structure that one translation of a segment does not have the way the others
do: a heading turned into body text, a lost link or image, a changed heading level.

What it catches:
    In Markdown documents, for each aligned row, against a clear majority of at least
    three documents (or the source, with ``--source``):

    - the block kind: a heading in the others that is a paragraph here (or the
      reverse), a list item in the others that is a plain paragraph here;
    - the heading level (``##`` in the others, ``###`` here);
    - the number of links and of images in the segment's inline content.

    The message names what the others have, and the finding points at their lines.

Why it matters:
    A heading rendered as body text breaks the page outline and its anchors; a dropped
    link sends readers nowhere; a lost image leaves a caption describing nothing. The
    text itself may be perfectly translated, so only the structure shows it.

Example:
    ``sv.md`` line 5 reads "Vad är kundupplevelse?" as a plain paragraph where it, ru
    and tr have a ``##`` heading: "a paragraph where it, ru, tr have a heading (level
    2)".

What it does not catch:
    A heading, list item or image that is missing as a whole segment (that is
    ``missing-segment``, TC301, or ``extra-segment``, TC302); a link that points to
    another target (localised URLs differ by design); emphasis, tables and inline
    code; plain-text documents, which have no markup to compare.
"""

from __future__ import annotations

from transcheck.model import Category, Kind, Severity
from transcheck.rules import _consensus as consensus
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.text import normalise

_KIND_NAMES = {Kind.HEADING: "a heading", Kind.PARAGRAPH: "a paragraph",
               Kind.LIST_ITEM: "a list item"}


def check(view: GroupView, options: NoOptions):
    markdown = {
        lang for lang, doc in view.documents.items()
        if doc.path.lower().endswith((".md", ".markdown"))
    }
    for r, row in enumerate(view.rows):
        voters = [lang for lang in consensus.voting_languages(view, row) if lang in markdown]
        if len(voters) < 2:
            continue
        segs = {lang: [view.documents[lang].segments[i] for i in row.cells[lang]] for lang in voters}
        notes = consensus.RowNotes()
        note = notes.note

        kinds = {lang: _kind(s) for lang, s in segs.items()}
        kinds = {lang: k for lang, k in kinds.items() if k is not None}
        for dev in consensus.deviations(view, kinds):
            level = ""
            if dev.expected is Kind.HEADING:
                levels = {segs[a][0].level for a in dev.agree}
                level = f" (level {levels.pop()})" if len(levels) == 1 else ""
            note(dev.language, f"{_KIND_NAMES[dev.value]} where {consensus.names(dev.agree)} "
                 f"have {_KIND_NAMES[dev.expected]}{level}", dev.agree)
        headed = {lang: s[0].level for lang, s in segs.items() if kinds.get(lang) is Kind.HEADING}
        for dev in consensus.deviations(view, headed):
            note(dev.language, f"heading level {dev.value} where {consensus.names(dev.agree)} "
                 f"have level {dev.expected}", dev.agree)
        for attr, noun in (("links", "link"), ("images", "image")):
            counts = {lang: sum(getattr(x, attr) for x in s) for lang, s in segs.items()}
            for dev in consensus.deviations(view, counts):
                note(dev.language, f"{_count(dev.value, noun)} where "
                     f"{consensus.names(dev.agree)} have {_count(dev.expected, noun)}", dev.agree)
        yield from notes.findings(
            RULE, view, r,
            key=lambda lang, messages: "structure:"
            + "|".join(m.split(" where ")[0] for m in messages)
            + ":" + normalise(view.cell_text(row, lang))[:80],
        )


def _kind(segments) -> Kind | None:
    """The block kind of a cell: its first prose segment's, None without prose."""
    for seg in segments:
        if seg.kind in _KIND_NAMES:
            return seg.kind
    return None


def _count(n: int, noun: str) -> str:
    return f"no {noun}s" if n == 0 else f"1 {noun}" if n == 1 else f"{n} {noun}s"


RULE = Rule(
    code="TC303",
    name="structure-mismatch",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
