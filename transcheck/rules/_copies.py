"""Text that equals another language's: which segments are identified as another
language than their document's, and which aligned segments of other languages have
(nearly) the same text. Asked by untranslated (TC202) and wrong-language (TC201) alike."""

from __future__ import annotations

from transcheck.langid.related import related
from transcheck.langid.script import dominant_script
from transcheck.model import Document, LanguageGuess, Location, Row, Segment
from transcheck.rules._scripts import document_scripts
from transcheck.rules.base import GroupView
from transcheck.text import chrf_at_least


def foreign_guess(view: GroupView, doc: Document, seg: Segment) -> LanguageGuess | None:
    """The guess for a segment identified as another language than its document's,
    else None."""
    guess = view.guesses.get((doc.language, seg.index))
    if guess is None or guess.language is None or related(guess.language, doc.base_language):
        return None  # Croatian read as Serbian, Bokmål as Norwegian: the same language
    if guess.method == "langdetect":
        from transcheck.langid import langdetect_names

        own = langdetect_names(doc.language)
        # langdetect calls Bokmål and Nynorsk "no"; and it knows no Basque or Occitan,
        # so on text in their own script it picks among the others: no evidence. Text
        # in a script the document's language does not write (English in an Amharic
        # document) is foreign whatever langdetect knows.
        if guess.language in own or (not own and dominant_script(seg.text)[0] in document_scripts(view, doc)):
            return None
    return guess


def evidence(
    view: GroupView, doc: Document, seg: Segment, threshold: float
) -> list[tuple[str, Location]]:
    """Other languages whose aligned segment has (nearly) the same text as ``seg``
    (asked by TC201 and TC202 alike: kept on the view)."""
    cache = view.memo("untranslated_evidence")
    at = (doc.language, seg.index, threshold)
    if at not in cache:
        cache[at] = _evidence(view, doc, seg, threshold)
    return cache[at]


def _evidence(view: GroupView, doc: Document, seg: Segment, threshold: float) -> list[tuple[str, Location]]:
    row_index = view.row_of.get((doc.language, seg.index))
    if row_index is None:
        return []
    row: Row = view.rows[row_index]
    out = []
    script = dominant_script(seg.text)[0]
    cells = view.memo("untranslated_cells")  # a row's cells, read once
    for lang in row.present():
        if related(lang, doc.base_language):
            # zh-Hant and zh-Hans, pt-BR and pt-PT, Croatian and Serbian write much the
            # same: the same text in another variant or standard of the language is no
            # sign of text left untranslated.
            continue
        if (row_index, lang) not in cells:
            text = view.cell_text(row, lang)
            cells[(row_index, lang)] = text, dominant_script(text)[0]
        other, theirs = cells[(row_index, lang)]
        if script and theirs and script != theirs:
            continue  # most letters in two scripts: far from "nearly the same" (and a row of 90 is costly)
        if chrf_at_least(seg.text, other, threshold):
            out.append((lang, view.cell_location(row, lang)))
    return out
