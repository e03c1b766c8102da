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

from dataclasses import replace

from transcheck.model import Category, Severity, base_language
from transcheck.quotes import KNOWN_PAIRS, QUOTES
from transcheck.rules import _consensus as consensus
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.text import normalise

BRACKETS = ("()", "[]", "{}")
QUESTION_MARKS = "?؟？⸮"
_FULL_WIDTH = str.maketrans("（）［］｛｝", "()[]{}")
_TRAILING = " \t\"“”„‟«»「」『』'’)]}）］*_"


def check(view: GroupView, options: NoOptions):
    for r, row in enumerate(view.rows):
        voters = consensus.voting_languages(view, row)
        texts = {lang: _text(view, row, lang) for lang in voters}
        texts = {lang: t for lang, t in texts.items() if t}
        notes = consensus.RowNotes()
        note = notes.note

        if len(texts) >= 2:
            counts = {lang: sum(t.count(q) for q in QUOTES) for lang, t in texts.items()}
            for dev in consensus.deviations(view, {k: v % 2 for k, v in counts.items()}):
                if dev.value == 1:
                    note(dev.language, f"unbalanced quotation marks ({counts[dev.language]}): "
                         f"{_unpaired(texts[dev.language])}; "
                         f"{consensus.names(dev.agree)} close their quotations", dev.agree)
            for pair in BRACKETS:
                balance = {lang: _balance(t, pair) for lang, t in texts.items()}
                for dev in consensus.deviations(view, {k: v == 0 for k, v in balance.items()}):
                    if dev.expected:
                        b = balance[dev.language]
                        what = f"{b} “{pair[0]}” unclosed" if b > 0 else f"{-b} “{pair[1]}” unopened"
                        note(dev.language, f"unbalanced brackets ({what}); "
                             f"{consensus.names(dev.agree)} balance theirs", dev.agree)
            asks = {lang: _is_question(t, lang) for lang, t in texts.items()}
            for dev in consensus.deviations(view, asks):
                if dev.expected:
                    note(dev.language, "ends as a statement where "
                         f"{consensus.names(dev.agree)} end with a question mark", dev.agree)
                else:
                    note(dev.language, "ends with a question mark where "
                         f"{consensus.names(dev.agree)} end as a statement", dev.agree)
        yield from notes.findings(
            RULE, view, r,
            key=lambda lang, messages: "punctuation:" + "|".join(m.split(";")[0] for m in messages)
            + ":" + normalise(texts[lang])[:80],
        )
    yield from _mixed_pairs(view)


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
            yield replace(finding, severity=Severity.INFO)


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
    last = (stray or marks)[-1]
    where = snippet(text[max(0, last - 39):last + 1], 40)
    if stray:
        return f"a closing mark after “{where}” has no opening"
    return f"a mark after “{where}” has no partner"


def _is_question(text: str, lang: str) -> bool:
    stripped = text.rstrip(_TRAILING)
    end = len(stripped)
    while end and stripped[end - 1] in ".!?…;؟？⸮;。":
        end -= 1
    final = stripped[end:]
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
