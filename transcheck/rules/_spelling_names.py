"""Names and loanwords across scripts, as the spelling rule (TC603) matches them: a
word that renders a word of another script in its row (Ричардсон, Richardson;
брендинга, branding) is not a typo. The skeleton keeps vowels, unlike the entity
rules' consonant skeleton (``_tokens``): a lower-case word must be nearly the same
word, and a consonant skeleton matches too many ordinary words to a typo."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from transcheck.langid.script import char_script
from transcheck.model import Document
from transcheck.rules._spelling_words import words
from transcheck.rules.base import GroupView
from transcheck.text import nfkd

_TO_LATIN = str.maketrans({
    **dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяё",
               ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu",
                "ya", "e"])),
    **dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئپچڤگ",
               ["a", "b", "t", "t", "g", "h", "k", "d", "d", "r", "z", "s", "sh", "s", "d",
                "t", "z", "a", "g", "f", "k", "k", "l", "m", "n", "h", "u", "i", "a", "a",
                "a", "a", "a", "a", "u", "i", "p", "ch", "v", "g"])),
})
_SKELETON_CLASSES = str.maketrans({
    **{v: "a" for v in "aeiouyw"},
    "p": "b", "v": "f", "c": "k", "g": "k", "j": "k", "q": "k", "x": "k",
    "d": "t", "z": "s", "h": "",
})


@lru_cache(maxsize=65536)
def sound_shape(word: str) -> str:
    """A rough sound shape that keeps vowels, equal across scripts for most
    transliterated names: Richardson, Ричардсон and ريتشاردسون all give "rasartsan".
    Not the entity rules' consonant ``_tokens.skeleton``: a spelling suspect must be
    nearly the same word as a name, and without vowels too many ordinary words match
    (planted-typo recall fell from 69 to 57 of 96 with it)."""
    latin = nfkd(word.casefold().translate(_TO_LATIN))
    latin = "".join(ch for ch in latin if "a" <= ch <= "z")
    latin = re.sub(r"ch(?=[rl])", "k", latin)
    for a, b in (("tch", "s"), ("sch", "s"), ("ch", "s"), ("sh", "s"), ("ph", "f"),
                 ("th", "t"), ("kh", "k"), ("gh", "k"), ("ck", "k")):
        latin = latin.replace(a, b)
    latin = latin.translate(_SKELETON_CLASSES)
    return re.sub(r"(.)\1+", r"\1", latin)


def same_name(a: str, b: str, strict: bool = False) -> bool:
    """Skeletons close enough to be one name: same first sound, 80% alike (90% when
    ``strict``, for lower-case words: a loanword, not a cognate with a typo in it)."""
    if not a or not b or a[0] != b[0]:
        return False
    if min(len(a), len(b)) <= 3:
        return a == b
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= (0.9 if strict else 0.8)


def names_in_row(view: GroupView, doc: Document, seg_index: int) -> set[tuple[str, str]]:
    """(script, skeleton) of the words in the other cells of this segment's row."""
    r = view.row_of.get((doc.language, seg_index))
    if r is None:
        return set()
    row = view.rows[r]
    out = set()
    for lang in row.present():
        if lang == doc.language:
            continue
        for _, w in words(view.cell_text(row, lang)):
            for part in re.split(r"['’ʼ‘\-‐]", w):
                if len(part) < 3:
                    continue
                sk = sound_shape(part)
                if sk:
                    out.add((char_script(part[0]) or "", sk))
    return out
