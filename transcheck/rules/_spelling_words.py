"""The words of a segment, as the spelling rule (TC603) sees them: letters and
combining marks with inner apostrophes and hyphens, without URLs, addresses and file
names; and the evidence it weighs them against (the group's vocabulary, the paragraphs
that use a word, the termbase, the letter trigrams a document writes)."""

from __future__ import annotations

import re
import unicodedata

from transcheck.model import Document
from transcheck.rules.base import GroupView
from transcheck.text import normalise

# Spans that are not words of any language: removed before words are taken.
_NOT_PROSE = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|(?<!\S)[^\s@]++@\S+\.\w+"
    r"|[@#]\w+"
    r"|(?<![\w./\\-])[\w./\\-]+\.(?:png|jpe?g|gif|svg|webp|pdf|html?|txt|md|docx?|xlsx?|csv|json|xml|ya?ml|zip|exe|py|js)\b"
    r"|`[^`]*`",
    re.IGNORECASE,
)
_APOSTROPHES = "'’ʼ‘"
_JOINERS = set(_APOSTROPHES + "-‐")
_SENTENCE_END = ".!?:;…؟。\"“”«»—–-(["



def _is_word_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] == "L" or cat[0] == "M"


def words(text: str) -> list[tuple[int, str]]:
    """(offset, word) for every word: letters and combining marks, with inner
    apostrophes and hyphens kept ("dell'esperienza", "CS-team"). Digits end nothing
    here: a word touching a digit is dropped by the caller."""
    text = _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)
    out = []
    i, n = 0, len(text)
    while i < n:
        if not _is_word_char(text[i]):
            i += 1
            continue
        start = i
        while i < n and (
            _is_word_char(text[i])
            or (text[i] in _JOINERS and i + 1 < n and _is_word_char(text[i + 1]) and i > start)
            or text[i].isdigit()
        ):
            i += 1
        out.append((start, text[start:i]))
    return out


def sentence_initial(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before[-1] in _SENTENCE_END


def bracketed_suffix(text: str, offset: int) -> bool:
    """An optional ending written in brackets right after its word: "ürün(leri)"."""
    return offset >= 2 and text[offset - 1] in "([" and text[offset - 2].isalpha()


def skip_shape(word: str) -> bool:
    """Shapes that are never ordinary words: digits, acronyms, CamelCase brands."""
    if any(ch.isdigit() for ch in word):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    uppers = sum(1 for ch in letters if ch.isupper())
    if uppers >= 2 and uppers * 2 >= len(letters):  # CX, CSM, NATO, SaaS
        return True
    return any(ch.isupper() for ch in word[1:] if ch.isalpha())  # iPhone, McCue


def parts(word: str) -> list[str]:
    """What to look up in a joined word: each hyphen-joined part; across an apostrophe,
    the host word: the part after a short elided word (Italian dell'esperienza,
    French qu'il), else the part before a suffix (Turkish Guru'da, English John's)."""
    out = []
    for piece in re.split(r"[\-‐]", word):
        pieces = re.split(r"['’ʼ‘]", piece)
        if len(pieces) > 1:
            piece = pieces[-1] if len(pieces[0]) <= 4 else pieces[0]
        if piece:
            out.append(piece)
    return out


def novel_trigrams(word: str, seen: set[str]) -> bool:
    """Whether ``word`` has a letter trigram that no accepted word of its document has:
    a typo makes letter sequences the language does not write ("nnt" in Başkannte)."""
    padded = f"^{word.lower()}$"
    return any(padded[i : i + 3] not in seen for i in range(len(padded) - 2))


def trigrams(vocabulary) -> set[str]:
    out = set()
    for w in vocabulary:
        padded = f"^{w}$"
        out.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return out


def group_vocabulary(view: GroupView) -> dict[str, set[str]]:
    """Every word of every document, case-folded, by language."""
    out = {}
    for lang, doc in view.documents.items():
        vocab = set()
        for seg in doc.segments:
            for _, w in words(seg.text):
                vocab.add(w.casefold())
                vocab.update(p.casefold() for p in re.split(r"['’ʼ‘\-‐]", w) if p)
        out[lang] = vocab
    return out


def paragraphs_by_word(doc: Document) -> dict[str, set[str]]:
    """For each word of a document, the distinct paragraphs (by normalised text, so a
    duplicated block counts once) that use it."""
    out: dict[str, set[str]] = {}
    for seg in doc.segments:
        key = normalise(seg.text)
        for _, w in words(seg.text):
            for part in {w, *re.split(r"['’ʼ‘\-‐]", w)}:
                if part:
                    out.setdefault(part.casefold(), set()).add(key)
    return out


def termbase_words(termbase) -> set[str]:
    """Every word of every term of a termbase (or None), in any language."""
    if termbase is None:
        return set()
    out = set()
    for concept in termbase.concepts:
        for terms in concept.terms.values():
            for term in terms:
                for _, w in words(term.text):
                    out.add(w.casefold())
                    out.update(p.casefold() for p in re.split(r"['’ʼ‘\-‐]", w) if p)
    return out
