"""An invisible character that has no business in the text: a zero-width space, a stray
byte-order mark, a bidirectional override or a direction mark in text without any
right-to-left script.

What it catches:
    Per line, with the column of each character:
    - always: the right-to-left override U+202E (it makes text display in another
      order than it is stored, the "Trojan Source" trick), a byte-order mark U+FEFF
      inside the text, and the invisible operators U+2061-U+2064;
    - the left-to-right override U+202D, except where a line with right-to-left
      letters closes it (U+202C) over digits, Latin letters or signs only: a phone
      number or a code kept in its order in Persian or Arabic text;
    - U+200B ZERO WIDTH SPACE, except in Thai, Lao, Khmer, Burmese, Tibetan and
      Dzongkha, which use it to mark word breaks;
    - the direction marks U+200E, U+200F, U+061C and the embeddings and isolates
      U+202A-U+202C, U+2066-U+2069 on a line without any right-to-left letter in a
      document whose language is written left to right: a mark left over from an
      Arabic or Hebrew source or a copy from a web page;
    - an embedding or isolate that is not closed on its line (or a close without an
      opening), in any language: the direction leaks into the text that follows; not
      a right-to-left one before the right-to-left text of a line of a right-to-left
      document, which gives that text the direction it has anyway (a Persian value
      that opens with RLE to set a number's side);
    - U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER only where they can
      join nothing: at the start or end of a line or next to a space, punctuation or
      a digit; one after a virama may end a word (Malayalam's chillu letters written
      as consonant, virama, ZWJ; an explicit halant in Kannada or Hindi), and so may
      a ZWNJ after a letter of a joining script (Arabic, Indic: a Persian or Sorani
      keyboard's habit, harmless), or before one after a closing mark (Persian
      «…»‌ها keeps the plural suffix apart).

    Severity and precision: a warning; on the WMT24++ dev corpus its two findings
    (zero-width spaces in the Portuguese and Italian text) are true in both modes; on
    five applications' resource files (``bench/reviewed/TC701.tsv``) 11 of 11 since
    right-to-left embeddings left open in Persian are no longer reported.

Why it matters:
    These characters are invisible in review but change what is stored: a search
    for a term fails, a string comparison or a translation memory lookup misses, a
    line breaks in the wrong place, or right-to-left controls reorder what a reader
    sees.

Example:
    ``sv.txt`` line 3 reads "Kundupplevelse" but holds a zero-width space after
    "Kund", pasted from a web page: "invisible character: U+200B ZERO WIDTH SPACE at
    column 5".

What it does not catch:
    Legitimate uses are left alone on purpose: ZWNJ and ZWJ between letters, marks
    or symbols (Persian and Urdu words, Indic conjuncts, emoji sequences such as
    family and profession emoji, German ligature control), direction marks and
    isolates in right-to-left documents or next to right-to-left text, the soft
    hyphen U+00AD (a hyphenation hint) and the word joiner U+2060. A character the
    source holds on the lines aligned with the translation's (without a source, half
    the other translations at least) is copied from it, not the translator's: a
    README's ``U+200E | U+200E`` spacing between links. A byte-order mark
    at the very start of a file is part of the encoding, not of the text. Unusual
    but visible spaces (no-break, thin) are not invisible and are not reported here.
    In a resource file, a line of no message (a comment, a PO file's obsolete ``#~``
    entry) is never shown and is not read.
"""

from __future__ import annotations

import unicodedata

from transcheck.langdata import default_script, is_rtl
from transcheck.model import Category, Severity
from transcheck.read.decode import split_lines
from transcheck.rules.base import GroupView, NoOptions, Rule

ALWAYS = frozenset("\u202e\ufeff\u2061\u2062\u2063\u2064")
LRO = "\u202d"
ZWSP = "\u200b"
# Scripts written without spaces, where U+200B is the standard word-break hint: Thai,
# Lao, Khmer, Myanmar, Tibetan.
ZWSP_SCRIPTS = frozenset({"Thai", "Laoo", "Khmr", "Mymr", "Tibt"})
MARKS = frozenset("\u200e\u200f\u061c")
OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", LRO: "\u202c", "\u202e": "\u202c",
           "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
CLOSERS = frozenset("\u202c\u2069")
RTL_OPENERS = frozenset("\u202b\u2067")
JOINERS = frozenset("\u200c\u200d")
BIDI = MARKS | set(OPENERS) | CLOSERS

_SUSPECTS = ALWAYS | {ZWSP} | BIDI | JOINERS
_NAMES = {"\u061c": "ARABIC LETTER MARK"}
_MAX_LISTED = 3


def _has_rtl(line: str) -> bool:
    # Letters only: RLM and ALM themselves have the bidi class R / AL.
    return any(
        unicodedata.bidirectional(ch) in ("R", "AL") and unicodedata.category(ch)[0] == "L"
        for ch in line
    )


def _joinable(ch: str | None) -> bool:
    # Letters, combining marks, symbols (emoji) and modifiers are what ZWJ/ZWNJ act on.
    return ch is not None and unicodedata.category(ch)[0] in "LMS"


# Scripts whose letters join or form conjuncts: a ZWNJ after one of them at a word's
# end is a writer's habit (Persian and Sorani keyboards, Malayalam text converted
# from old encodings), invisible and harmless.
_JOINING = ("ARABIC", "MALAYALAM", "KANNADA", "DEVANAGARI", "BENGALI", "TAMIL", "TELUGU", "GUJARATI",
            "GURMUKHI", "ORIYA", "SINHALA", "SYRIAC", "MONGOLIAN", "NKO")


def _joining(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_JOINING)


def _virama(ch: str | None) -> bool:
    return ch is not None and "VIRAMA" in unicodedata.name(ch, "")


def _neighbour(line: str, i: int, step: int) -> str | None:
    # Joiners may sit together (ZWNJ ZWJ); what matters is the visible neighbour.
    j = i + step
    while 0 <= j < len(line) and line[j] in JOINERS:
        j += step
    return line[j] if 0 <= j < len(line) else None


def _pairs(line: str) -> tuple[set[int], dict[int, int]]:
    """Columns (0-based) of embeddings, overrides and isolates without their partner on
    the line, and each opening's closing column."""
    stack: list[int] = []
    bad: set[int] = set()
    closed: dict[int, int] = {}
    for i, ch in enumerate(line):
        if ch in OPENERS:
            stack.append(i)
        elif ch in CLOSERS:
            match = next((k for k in range(len(stack) - 1, -1, -1) if OPENERS[line[stack[k]]] == ch), None)
            if match is None:
                bad.add(i)
            else:
                closed[stack[match]] = i
                del stack[match:]
    return bad | set(stack), closed


def suspects(line: str, language: str) -> list[tuple[int, str]]:
    """``(column, character)`` of every flagged character of ``line`` (column 1-based)."""
    if not any(ch in _SUSPECTS for ch in line):
        return []
    rtl_document = is_rtl(language)
    rtl_context = rtl_document or _has_rtl(line)
    spaceless = default_script(language) in ZWSP_SCRIPTS
    unbalanced, closed = _pairs(line)
    out = []
    for i, ch in enumerate(line):
        if ch not in _SUSPECTS:
            continue
        if ch in ALWAYS:
            flagged = True
        elif ch == LRO:
            # Over digits and Latin text in a right-to-left line, it keeps a phone
            # number's "+" and groups in the order they are written; over right-to-left
            # letters, or left open, it reorders what a reader sees.
            flagged = not (rtl_context and i in closed and not _has_rtl(line[i + 1:closed[i]]))
        elif ch == ZWSP:
            flagged = not spaceless
        elif ch in BIDI:
            # A right-to-left embedding before any right-to-left text of a line of a
            # right-to-left document (at a value's start: a key or markup may come
            # first) gives that text the direction it has anyway (Persian "RLE %d
            # قسمت…" sets a number's side); one amid the text, a left-to-right one, or
            # a close without an opening changes what follows.
            leads = rtl_document and ch in RTL_OPENERS and not _has_rtl(line[:i])
            flagged = not rtl_context or (i in unbalanced and not leads)
        else:  # ZWNJ / ZWJ
            before, after = _neighbour(line, i, -1), _neighbour(line, i, 1)
            # After a virama a joiner ends a word on purpose: Malayalam's chillu
            # letters (ന + ് + ZWJ), an explicit halant in Kannada or Hindi. A ZWNJ
            # before a joining letter keeps a suffix apart from what precedes it,
            # a closing quotation mark included (Persian «…»‌ها). A ZWJ after a
            # joining letter at a word's end keeps its joined form, as a tatweel does
            # (Arabic "ب‍ lutris.net").
            flagged = not ((_joinable(before) and (_joinable(after) or _virama(before) or _joining(before)))
                           or (ch == "\u200c" and after is not None and _joining(after)
                               and before is not None and not before.isspace()))
        if flagged:
            out.append((i + 1, ch))
    return out


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {_NAMES.get(ch) or unicodedata.name(ch, 'UNNAMED')}"


def check(view: GroupView, options: NoOptions):
    lines = {lang: split_lines(doc.text) for lang, doc in view.documents.items()}
    held: dict[tuple[str, int], set[str]] = {}  # (language, row) -> its cell's suspects, read once
    for doc in view.documents.values():
        at: dict[int, list[int]] | None = None  # line -> its segments, built once a line is flagged
        for number, line in enumerate(lines[doc.language], start=1):
            found = suspects(line, doc.language)
            if found:
                if at is None:
                    at = {}
                    for seg in doc.segments:
                        for n in range(seg.line, seg.end_line + 1):
                            at.setdefault(n, []).append(seg.index)
                if view.keyed and number not in at:
                    continue  # no message's line (a comment, a PO file's obsolete "#~" entry): never shown
                copied = _copied(view, doc, at.get(number, ()), lines, held)
                found = [(col, ch) for col, ch in found if ch not in copied]
            if not found:
                continue
            listed = "; ".join(f"{_name(ch)} at column {col}" for col, ch in found[:_MAX_LISTED])
            more = len(found) - _MAX_LISTED
            if more > 0:
                listed += f"; and {more} more"
            noun = "invisible character" if len(found) == 1 else "invisible characters"
            yield RULE.finding(
                doc,
                number,
                number,
                f"{noun}: {listed}",
                key=" ".join(f"{ord(ch):04X}" for _, ch in found) + "\n" + line,
                segment=_owner(doc, number, {ch for _, ch in found}),
            )


def _copied(view: GroupView, doc, own, lines: dict, held: dict) -> set[str]:
    """The invisible characters the line's text has because the original has them: the
    source holds them, out of place there too, on the lines aligned with it (without a
    source, at least half of the other translations do); a right-to-left mark in Arabic
    copied into Swedish is still the copy's. A spacing trick of the source (``</a> U+200E | U+200E
    <a>``) is copied into every translation and is the source's to fix, if anyone's.
    ``own``: the segments of the line."""
    rows = {r for i in own if (r := view.row_of.get((doc.language, i))) is not None}
    if not rows:
        return set()
    others = [view.source] if view.source in view.documents else [o for o in view.documents if o != doc.language]
    if doc.language in others or not others:
        return set()
    counts: dict[str, int] = {}
    for other in others:
        segs = view.documents[other].segments
        chars: set[str] = set()
        for r in rows:
            if (other, r) not in held:
                # A source the PO files' msgids hold has no text of its own to read.
                held[other, r] = {ch for i in view.rows[r].cells.get(other, ())
                                  for n in range(segs[i].line, segs[i].end_line + 1) if n <= len(lines[other])
                                  for _, ch in suspects(lines[other][n - 1], other)}
            chars |= held[other, r]
        for ch in chars:
            counts[ch] = counts.get(ch, 0) + 1
    return {ch for ch, n in counts.items() if 2 * n >= len(others)}


def _owner(doc, number: int, chars: set[str]) -> int | None:
    """The one value of a keyed line several values share (minified JSON) that holds
    the characters, so the finding names its key; None where that is not one value."""
    if not doc.segments or not doc.segments[0].key:
        return None
    here = [s for s in doc.segments if s.line <= number <= s.end_line]
    if len(here) < 2:
        return None
    holders = [s.index for s in here if chars <= set(s.raw)]
    return holders[0] if len(holders) == 1 else None


RULE = Rule(
    code="TC701",
    name="invisible-character",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
