"""Text that equals another language's: which segments are identified as another
language than their document's, and which aligned segments of other languages have
(nearly) the same text, and which are translated around a few kept words. Asked by
untranslated (TC202) and wrong-language (TC201) alike."""

from __future__ import annotations

import re
import unicodedata

from transcheck.langid.related import related
from transcheck.langid.script import char_script, dominant_script, scripts_of
from transcheck.model import Document, LanguageGuess, Location, Row, Segment
from transcheck.rules._scripts import document_scripts
from transcheck.rules.base import GroupView
from transcheck.text import chrf_at_least

_OWN_LETTERS = 2  # one word of the document's own script
_TOKEN = re.compile(r"[\w\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0900-\u0dff]+")


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


def partly_translated(doc: Document, seg: Segment, guess: LanguageGuess, same: list[tuple[str, str]]) -> bool:
    """Words in a script that the document's language writes and the identified one does
    not (Cyrillic in a line read as German, Hangul beside English identifiers): the line
    is translated around kept terms, which the identifier weighed by letter count. A
    phrase kept in English inside it is mixed-language (TC203), not untranslated.

    Words that a text it equals (``same``: language, text) has in a script its own
    language does not write are names kept there too, no sign of this document's
    language: a Chinese paragraph pasted into a German page keeps the Latin "FastAPI"
    of its Chinese original, and is no German translated around it. (A Russian line
    equal to the Ukrainian one is still Cyrillic words, whatever it is guessed as.)"""
    own = scripts_of(doc.language) - scripts_of(guess.language)
    if not own:
        return False
    shared = {w for lang, text in same if not scripts_of(lang) & own for w in _TOKEN.findall(text)}
    return _own_characters(" ".join(w for w in _TOKEN.findall(seg.text) if w not in shared), own) >= _OWN_LETTERS


def _own_characters(text: str, own: set) -> int:
    """Letters of the scripts ``own``, with the vowel signs and other marks that follow
    them: the Hindi "में" is one letter and two signs, a word all the same."""
    n, script = 0, None
    for ch in text:
        if ch.isalpha():
            script = char_script(ch)
        elif not unicodedata.category(ch).startswith("M"):
            script = None
            continue
        n += script in own
    return n
