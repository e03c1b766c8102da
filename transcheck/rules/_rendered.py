"""Whether the other translations of a row render a word of a segment: as written (a
whole word) or, in another script, transliterated. Untranslated (TC202) asks it of each
word of a segment it found in another language, to tell names from text."""

from __future__ import annotations

import re

from transcheck.langid.script import char_script, scripts_of
from transcheck.rules._tokens import UNSPACED_SCRIPTS, transliteration_match


def rendered_by_half(word: str, others: dict[str, str], words: dict[str, list[str]]) -> bool:
    """Whether at least half of ``others`` (language: text) render ``word``, given each
    one's ``words`` (none: as written only). The texts are read until that is decided
    either way."""
    n, hits = len(others), 0
    for k, (lang, text) in enumerate(others.items()):
        hits += renders(word, lang, text, words.get(lang))
        if 2 * hits >= n or 2 * (hits + n - k - 1) < n:
            break
    return 2 * hits >= n


def renders(word: str, lang: str, text: str, words: list[str] | None) -> bool:
    """Whether a translation's text has ``word`` as written (a whole word: "Support" is
    not in "supporto"), or, given its ``words`` and written in another script,
    transliterated."""
    # The word first, and the letter before it seen from the word's end (a lookbehind
    # over the word's width): the same test as a lookbehind before the word, but the
    # search skips to the places where the word's first letter is.
    if re.search(rf"{re.escape(word)}(?<![^\W\d_][\s\S]{{{len(word)}}})(?![^\W\d_])", text, re.IGNORECASE):
        return True
    if words is None or len(word) < 3 or char_script(word[0]) in scripts_of(lang):
        return False
    scripts = scripts_of(lang)
    return transliteration_match(word, words, "Arabic" in scripts,
                                 unspaced=bool(scripts & UNSPACED_SCRIPTS))
