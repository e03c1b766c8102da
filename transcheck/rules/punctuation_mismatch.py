"""Quotation marks, brackets and question marks that one translation of a segment does
not have the way the others do.

What it catches:
    In each aligned row, compared with a clear majority of at least three documents (or
    with the source, under ``--source``):

    - an odd number of double quotation marks where the others' quotations are all
      closed (every convention counts: " ", “ ”, „ “, ” ”, « », » «, 「 」; apostrophes
      and single quotes are never counted, so "l'esperienza" and "Guru'da" are fine);
    - brackets ( ) [ ] { } (and their full-width forms) that do not balance where the
      others' do;
    - a question that ends as a statement, or the reverse: the others end with ? (or
      ؟, ？, Greek ;) and this one does not.

    Inside a single segment, whatever the others do, a quotation whose two marks do
    not belong together (opened with " and closed with ”, or «…”) is reported at info
    level: it reads as a slip and ``transcheck fix --quotes`` rewrites it.

    Severity and precision: quotation marks and brackets are warnings; a question
    that ends as a statement (or the reverse) is info, since translators turn
    rhetorical questions into statements and move questions between sentences. On the
    WMT24++ dev corpus, reviewed in ``bench/reviewed/TC601.tsv``, the warnings are
    true in 34 of 38 (no source) and 34 of 36 (``--source``): the false ones are the
    English file's own typos and the Russian way of resuming a quotation after the
    speaker's words.

    In keyed resources, each value is compared with the source's: a colon or an
    ellipsis at the end that the translation drops or adds is a warning where most
    other translations end as the source does (a label's colon before a value, a
    menu item's ellipsis that says a dialog opens); another final mark (full stop,
    exclamation mark) only info. Each language's marks count as the source's
    ("：", "।", "…" for "..."; Thai, Lao, Khmer and Burmese need no full stop). A space
    at either edge that the source has and the translation lost is a warning where
    most translations keep it (the program joins the next string there), except in
    Chinese, Japanese, Thai, Lao, Khmer and Burmese, written without spaces between
    words; one added is info.

Why it matters:
    A lost closing quote makes the rest of a paragraph read as quoted speech; a lost
    bracket or question mark changes how a sentence reads. Compared across the
    translations, such slips stand out without any language knowledge.

Example:
    ``tr.txt`` line 12 opens Christine Richardson's quotation with " and never closes
    it, while ar, it, ru and sv close theirs: "unbalanced quotation marks (1): the
    quotation opened at “"Bir marka, sadece bir logo ve birkaç r…” is never closed; ar,
    it, ru, sv close their quotations".

What it does not catch:
    A quotation that spans several paragraphs when only one translation spells it
    that way; unbalanced single quotes (too often apostrophes); a question mark moved
    to another sentence inside the same segment; which of two mixed marks was meant.
"""

from __future__ import annotations

import re
from dataclasses import replace

from transcheck.model import Category, Severity, Strength, base_language
from transcheck.quotes import KNOWN_PAIRS, QUOTES
from transcheck.rules import _consensus as consensus
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.text import normalise

BRACKETS = ("()", "[]", "{}")
QUESTION_MARKS = "?؟？⸮"
# Without a source, a deviation that this many translations share is taken from the
# original (a quotation it leaves open, a question it asks), not a slip of each.
_SHARED = 3
_DOUBLED_APOSTROPHES = re.compile("''|‘‘|’’")
_FULL_WIDTH = str.maketrans("（）［］｛｝", "()[]{}")
_TRAILING = " \t\"“”„‟«»「」『』'’)]}）］*_"


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        from transcheck.rules import _keyed_endings

        yield from _keyed_endings.check(view, RULE)
    quotes = [
        {lang: _quote_count(_text(view, row, lang)) for lang in row.present()} for row in view.rows
    ]

    for r, row in enumerate(view.rows):
        voters = consensus.voting_languages(view, row)
        texts = {lang: _text(view, row, lang) for lang in voters}
        texts = {lang: t for lang, t in texts.items() if t}
        notes = consensus.RowNotes()
        note = notes.note

        if len(texts) >= 2:
            counts = {lang: quotes[r][lang] for lang in texts}
            for dev in _clear(view, {k: v % 2 for k, v in counts.items()}):
                if dev.value == 1 and not _spanning(quotes, r, dev.language):
                    note(dev.language, f"unbalanced quotation marks ({counts[dev.language]}): "
                         f"{_unpaired(texts[dev.language])}; "
                         f"{consensus.names(dev.agree)} close their quotations", dev.agree)
            for pair in BRACKETS:
                balance = {lang: _balance(t, pair) for lang, t in texts.items()}
                for dev in _clear(view, {k: v == 0 for k, v in balance.items()}):
                    if dev.expected:
                        b = balance[dev.language]
                        what = f"{b} “{pair[0]}” unclosed" if b > 0 else f"{-b} “{pair[1]}” unopened"
                        note(dev.language, f"unbalanced brackets ({what}); "
                             f"{consensus.names(dev.agree)} balance theirs", dev.agree)
        yield from notes.findings(
            RULE, view, r,
            key=lambda lang, messages: "punctuation:" + "|".join(m.split(";")[0] for m in messages)
            + ":" + normalise(texts[lang])[:80],
        )
        if len(texts) >= 2:
            yield from _questions(view, r, texts)
    yield from _mixed_pairs(view)


def _clear(view: GroupView, votes: dict):
    """Deviations from a reference that most of the translations share too: with a
    source, one translation unlike the source and its peers unlike it as well is the
    source's own style, not a slip."""
    for dev in consensus.deviations(view, votes):
        if view.source is None and sum(v == dev.value for v in votes.values()) >= _SHARED:
            continue  # several translations share it: the original has it too
        peers = [lang for lang in votes if lang not in (dev.language, view.source)]
        agreeing = [lang for lang in dev.agree if lang != view.source]
        if peers and 3 * len(agreeing) >= 2 * len(peers):
            yield dev


def _questions(view: GroupView, r: int, texts: dict[str, str]):
    """A question that ends as a statement, or the reverse. Translators turn rhetorical
    questions into statements and move a question into another sentence often enough
    that this is never more than a hint (info)."""
    row = view.rows[r]
    asks = {lang: _is_question(t, lang) for lang, t in texts.items()}
    for dev in _clear(view, asks):
        if consensus.displaced(view, r, dev.language):
            continue
        if dev.expected:
            message = f"ends as a statement where {consensus.names(dev.agree)} end with a question mark"
        else:
            message = f"ends with a question mark where {consensus.names(dev.agree)} end as a statement"
        finding = RULE.at_cell(view, row, dev.language, message,
                               related=consensus.related(view, row, dev.agree),
                               key="question:" + normalise(texts[dev.language])[:80])
        yield replace(finding, strength=Strength.HINT)


def _quote_count(text: str) -> int:
    """Double quotation marks, less two marks that open and close nothing: the Hebrew
    gershayim typed as " inside an abbreviation (ארה"ב, צה"ל, נגמ"שים: at least three
    letters before it, or one after), and an apostrophe typed as " after a plural
    (judges" decisions). A mark between a one- or two-letter prefix and a word
    (ל"נורמה") or between a word and its suffix ("The Stack"inin, "…다"고) still counts."""
    # Two apostrophes typed for one double mark ('') count as that mark.
    text = _DOUBLED_APOSTROPHES.sub('"', text)
    n = 0
    for i, ch in enumerate(text):
        if ch not in QUOTES:
            continue
        if ch == '"' and (_gershayim(text, i) or _plural_apostrophe(text, i)):
            continue
        n += 1
    return n


def _gershayim(text: str, i: int) -> bool:
    if not (0 < i < len(text) - 1 and _hebrew(text[i - 1]) and _hebrew(text[i + 1])):
        return False
    before = after = 0
    while i - before - 1 >= 0 and _hebrew(text[i - before - 1]):
        before += 1
    while i + after + 1 < len(text) and _hebrew(text[i + after + 1]):
        after += 1
    return before >= 3 or after == 1


def _plural_apostrophe(text: str, i: int) -> bool:
    return (0 < i and text[i - 1] == "s" and text[i + 1:i + 2] == " "
            and text[i + 2:i + 3].islower() and text[:i].count('"') % 2 == 0)


def _hebrew(ch: str) -> bool:
    return "\u05d0" <= ch <= "\u05ea"


def _spanning(quotes: list[dict[str, int]], r: int, lang: str) -> bool:
    """A quotation that runs over several paragraphs, opened in one and closed in a
    later one: the neighbouring paragraph is unbalanced too."""
    return any(0 <= k < len(quotes) and quotes[k].get(lang, 0) % 2 for k in (r - 1, r + 1))


def _mixed_pairs(view: GroupView):
    for doc in view.documents.values():
        for seg in doc.segments:
            if not seg.is_prose:
                continue
            marks = [(i, ch) for i, ch in enumerate(seg.text) if ch in QUOTES]
            if len(marks) != 2:
                continue
            (o, a), (c, b) = marks
            if (a, b) in KNOWN_PAIRS:
                continue
            text = seg.text
            if (o > 0 and text[o - 1].isalnum()) or (c + 1 < len(text) and text[c + 1].isalnum()):
                continue  # not clearly an opening and a closing mark
            finding = RULE.at_segment(
                doc, seg,
                f"quotation opened with {a} and closed with {b}: the marks do not belong "
                "together",
                key=f"mixed-quotes:{a}{b}:" + normalise(seg.text)[:80],
            )
            yield replace(finding, strength=Strength.HINT)


def _text(view: GroupView, row, lang: str) -> str:
    doc = view.documents[lang]
    return " ".join(doc.segments[i].text for i in row.cells[lang] if doc.segments[i].is_prose)


def _balance(text: str, pair: str) -> int:
    text = text.translate(_FULL_WIDTH)
    return text.count(pair[0]) - text.count(pair[1])


def _unpaired(text: str) -> str:
    """Where the odd mark is, quoted with what follows it, so a reviewer finds it at
    once. Each mark is read as opening (after a space, before a letter) or closing
    (after a letter, before a space or punctuation) and matched like brackets."""
    text = _DOUBLED_APOSTROPHES.sub('"', text)  # counted as one mark, as in _quote_count
    marks = [i for i, ch in enumerate(text) if ch in QUOTES]
    stack: list[int] = []
    stray: list[int] = []
    for i in marks:
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{—–-") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if opens and not closes:
            stack.append(i)
        elif closes and not opens and stack:
            stack.pop()
        elif closes and not opens:
            stray.append(i)
    if stack:
        return f"the quotation opened at “{snippet(text[stack[0]:], 40)}” is never closed"
    if not (stray or marks):
        return "a mark has no partner"
    last = (stray or marks)[-1]
    where = snippet(text[max(0, last - 39):last + 1], 40)
    if stray:
        return f"a closing mark after “{where}” has no opening"
    return f"a mark after “{where}” has no partner"


def _is_question(text: str, lang: str) -> bool:
    # The final run of punctuation and closing marks: “¿verdad?”. ends with a question.
    end = len(text)
    while end and (text[end - 1] in _TRAILING or text[end - 1] in ".!?…;؟？⸮;。"):
        end -= 1
    final = text[end:]
    if base_language(lang) == "el" and (";" in final or "\u037e" in final):
        return True
    return any(q in final for q in QUESTION_MARKS)


RULE = Rule(
    code="TC601",
    name="punctuation-mismatch",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
