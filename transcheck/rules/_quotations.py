"""How the double quotation marks of a paragraph pair up, with the conventions of the
scripts and locales that write them: shared by the punctuation check (TC601).

- The Hebrew gershayim of an abbreviation is no quotation mark, whatever a keyboard
  made of it: ״, or its stand-ins " “ ” between Hebrew letters (ארה"ב, ק“מ, מנכ”ל).
- A quotation the speaker's words interrupt, resumed after a dash without a new
  opening mark ("…сбора", – заявил Спиллейн. – Любой другой подход…"), is one
  quotation: Russian and Ukrainian set the speaker's words off with dashes.
- A quotation may open in one paragraph and close in a later one: French, Italian,
  Spanish, Russian and Ukrainian writers close a long quotation once, at its end,
  and open its other paragraphs again or not at all (``partner``), where English
  closes and opens each paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcheck.quotes import QUOTES
from transcheck.rules.base import snippet

DOUBLED_APOSTROPHES = re.compile("''|‘‘|’’")
# What Hebrew writers type for the gershayim when the keyboard has no ״: the straight
# double quote, or a curly one that a word processor made of it.
_GERSHAYIM_STAND_INS = '"“”'
# Between the close of a quotation's first part and a closing mark with no opening:
# a dash, the speaker's words, a dash again, and the quotation goes on.
# The speaker's words are a few words: bounded, so the search stays linear.
_RESUMED = re.compile(r"(?<!\s)\s*+[,.!?…]?+\s*+[–—-]\s++[^–—\-\"“”„«»]{1,80}?[,.:;!?…]\s*+[–—-]\s++\S")
# A paragraph this many rows on may still close a quotation opened earlier.
SPAN_REACH = 5


@dataclass(frozen=True)
class Pairing:
    """Where a paragraph's quotation marks are (``marks``), and which of them open a
    quotation the paragraph does not close (``unclosed``), close one it did not open
    (``stray``), or close one resumed after the speaker's words (``resumed``)."""

    marks: tuple[int, ...]
    unclosed: tuple[int, ...]
    stray: tuple[int, ...]
    resumed: tuple[int, ...] = ()
    # Opens with a guillemet that, as French, Italian, Spanish and Russian writers do,
    # continues a quotation of the paragraph before, and closes it: « Suite… »
    closes_continued: bool = False


def marks(text: str) -> list[int]:
    """Where the quotation marks of ``text`` are, less the marks that open and close
    nothing: the gershayim inside a Hebrew abbreviation (between Hebrew letters, with
    at least three letters before it or one after: ארה"ב, נגמ"שים; a mark between a
    one- or two-letter prefix and a word, ל"נורמה or ב“הרס, still counts), and an
    apostrophe typed as " after a plural (judges" decisions)."""
    return [i for i, ch in enumerate(text) if ch in QUOTES
            and not (ch in _GERSHAYIM_STAND_INS and _gershayim(text, i))
            and not (ch == '"' and _plural_apostrophe(text, i))]


def count(text: str) -> int:
    # Two apostrophes typed for one double mark ('') count as that mark.
    return len(marks(DOUBLED_APOSTROPHES.sub('"', text)))


def pairing(text: str) -> Pairing:
    """Each mark is read as opening (after a space, before a letter) or closing (after
    a letter, before a space or punctuation), guillemets by their shape (« opens, »
    closes) unless they hug a word the German way (»so«), and
    matched like brackets; a closing mark that resumes a quotation after the speaker's
    words (``_RESUMED``) closes that quotation."""
    text = DOUBLED_APOSTROPHES.sub('"', text)
    found = marks(text)
    stack: list[int] = []
    stray: list[int] = []
    resumed: list[int] = []
    previous = None
    for i in found:
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{—–-") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if text[i] == "«":  # opens, unless German-style after a word: »so«
            closes = not before.isspace() and not after.isalnum()
            opens = not closes
        elif text[i] == "»":  # closes, unless German-style before a word: »so«
            opens = (before.isspace() or before in "([{—–-") and after.isalnum()
            closes = not opens
        if opens and not closes:
            stack.append(i)
        elif closes and not opens and stack:
            stack.pop()
        elif closes and not opens:
            if previous is not None and _RESUMED.match(text, previous + 1, i):
                resumed.append(i)
            else:
                stray.append(i)
        previous = i
    # Only guillemets: “ opening a paragraph as often starts a new quotation.
    lead = bool(found) and text[found[0]] in "«»" and not text[:found[0]].strip()
    closes_continued = lead and _closes_alone(text, found[0])
    return Pairing(tuple(found), tuple(stack), tuple(stray), tuple(resumed), closes_continued)


def _closes_alone(text: str, lead: int) -> bool:
    """Whether ``text`` without its leading mark closes a quotation it did not open."""
    rest = pairing(" " * (lead + 1) + text[lead + 1:])
    return bool(rest.stray) and not rest.unclosed


def resumed(p: Pairing) -> bool:
    """Whether the paragraph's only odd mark closes a quotation resumed after the
    speaker's words."""
    return bool(p.resumed) and not p.unclosed and not p.stray


def partner(pairings: list[Pairing | None], r: int) -> int | None:
    """The later paragraph that closes the quotation left open in paragraph ``r``, or
    the earlier one that opened the quotation ``r`` closes, within ``SPAN_REACH``
    paragraphs, past paragraphs that open it again (a continued quotation), hold no
    marks or only a quotation of their own; None. Whether those are part of the
    quotation is for the other translations to say (``opens_paragraph``)."""
    p = pairings[r]
    if p is None:
        return None
    if p.unclosed and not p.stray:
        for k in range(r + 1, min(len(pairings), r + SPAN_REACH + 1)):
            q = pairings[k]
            if q is not None and ((q.stray and not q.unclosed) or q.closes_continued):
                return k
            if q is not None and q.stray:
                return None
    if p.stray and not p.unclosed:
        for k in range(r - 1, max(-1, r - SPAN_REACH - 1), -1):
            q = pairings[k]
            if q is not None and q.unclosed and not q.stray:
                return k
            if q is not None and q.stray:
                return None
    return None


def inside(pairings: list[Pairing | None]) -> list[bool]:
    """For each paragraph, whether a quotation opened in an earlier one (within
    ``SPAN_REACH``) and not yet closed runs through it: the unmarked middle paragraphs
    and the last one of a quotation that spans several."""
    out, opened = [], None
    for k, p in enumerate(pairings):
        carried = opened is not None and k - opened <= SPAN_REACH
        out.append(carried)
        if p is None:
            continue
        if p.stray or (carried and p.closes_continued):
            opened = None
        if p.unclosed and not p.stray:
            opened = k
        elif not carried:
            opened = None
    return out


def opens_paragraph(text: str) -> bool:
    """Whether a paragraph is quoted speech from its start (after a dash): "…"."""
    text = text.lstrip(" \t–—-")
    return bool(text) and text[0] in QUOTES


def unpaired(text: str) -> str:
    """Where the odd mark is, quoted with what follows it, so a reviewer finds it at
    once."""
    p = pairing(text)
    text = DOUBLED_APOSTROPHES.sub('"', text)
    if p.unclosed:
        return f"the quotation opened at “{snippet(text[p.unclosed[0]:], 40)}” is never closed"
    if not (p.stray or p.marks):
        return "a mark has no partner"
    last = (p.stray or p.marks)[-1]
    where = snippet(text[max(0, last - 39):last + 1], 40)
    if p.stray:
        return f"a closing mark after “{where}” has no opening"
    return f"a mark after “{where}” has no partner"


def _gershayim(text: str, i: int) -> bool:
    if not (0 < i < len(text) - 1 and _hebrew(text[i - 1]) and _hebrew(text[i + 1])):
        return False
    before = after = 0
    while i - before - 1 >= 0 and _hebrew(text[i - before - 1]):
        before += 1
    while i + after + 1 < len(text) and _hebrew(text[i + after + 1]):
        after += 1
    # Before a quotation Hebrew attaches only its one-letter prefixes (ו, ה, ב, כ, ל, מ,
    # ש: ה"שלום"); other letters before the mark make a word ("דו"חות").
    return before >= 3 or after == 1 or any(ch not in _PREFIXES for ch in text[i - before:i])


_PREFIXES = frozenset("והבכלמש")


def _plural_apostrophe(text: str, i: int) -> bool:
    return (0 < i and text[i - 1] == "s" and text[i + 1:i + 2] == " "
            and text[i + 2:i + 3].islower() and text[:i].count('"') % 2 == 0)


def _hebrew(ch: str) -> bool:
    return "\u05d0" <= ch <= "\u05ea"
