"""Anchors: the parts of a segment that survive translation unchanged.

Numbers, Latin-script names and acronyms (CX, SaaS, Guru), file names, and the
punctuation that carries structure (question marks, quotes, brackets). Two segments
that share anchors are likely translations of each other, whatever their languages.
"""

from __future__ import annotations

import re
from collections import Counter

_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
# A Latin token with a capital letter that is not just the first letter of a sentence:
# an acronym (CX, CSM), a CamelCase brand (SaaS) or a capitalised name.
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9&+\-]*[A-Za-z0-9+]|[A-Z]")
_FILE = re.compile(r"[\w-]+\.(?:png|jpe?g|gif|svg|webp|pdf|html?)\b", re.IGNORECASE)
_QUOTES = "\"“”«»„‟‹›「」"


def number_anchors(text: str) -> list[str]:
    out = []
    for m in _NUMBER.finditer(text.translate(_ARABIC_INDIC)):
        digits = re.sub(r"[^\d]", "", m.group())
        out.append(digits.lstrip("0") or "0")
    return out


def anchors(text: str, latin_document: bool) -> Counter:
    """The anchor multiset of ``text``.

    In a Latin-script document only tokens with a capital letter after the first
    character position of a sentence count, since ordinary words are not shared across
    languages; in other scripts every Latin token is an anchor.
    """
    found: Counter = Counter()
    for file in _FILE.findall(text):
        found["file:" + file.lower()] += 1
    text_wo_files = _FILE.sub(" ", text)
    for num in number_anchors(text_wo_files):
        found["num:" + num] += 1
    for m in _LATIN_TOKEN.finditer(text_wo_files):
        token = m.group()
        if latin_document:
            if not any(ch.isupper() for ch in token):
                continue
            start = m.start()
            before = text_wo_files[:start].rstrip()
            sentence_start = not before or before[-1] in ".!?:;\"“«(—-"
            if sentence_start and not _is_acronymish(token):
                continue
        found["lat:" + token.lower()] += 1
    question = text.count("?") + text.count("؟")
    if question:
        found["punct:?"] += question
    if any(q in text for q in _QUOTES):
        found["punct:quote"] += 1
    if "(" in text:
        found["punct:paren"] += 1
    return found


def _is_acronymish(token: str) -> bool:
    """CX, SaaS, iPhone: more than one capital, so not merely a capitalised word."""
    return sum(1 for ch in token if ch.isupper()) >= 2
