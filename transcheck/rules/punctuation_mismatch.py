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
    rhetorical questions into statements and move questions between sentences.

    Conventions of scripts and locales are read as such (``_quotations``): the Hebrew
    gershayim typed as " “ or ” inside an abbreviation (ארה“ב, ק“מ, מנכ”ל, דו"חות:
    letters before it other than the one-letter prefixes a quotation may follow) is no
    quotation mark; a quotation resumed after the speaker's words with a dash and
    only a closing mark (Russian, Ukrainian: "…", – заявил он. – …") is one quotation;
    and a quotation that opens in one paragraph and closes in a later one (French,
    Italian, Spanish, Russian, Ukrainian: « …, a dit le maire. / … ») is one quotation
    where most other translations quote those paragraphs too or carry a quotation
    through them; narration between, which they do not quote, ends it.

    Reviewed in ``bench/reviewed/TC601.tsv``: on the WMT24++ dev corpus the warnings
    are true in 35 of 37 without the source (the two false ones are the English file's
    own typos) and 38 of 38 with it; on NTREX-128 news (``bench/ntrex.py``, 16
    languages) in a deterministic sample of 60 of its 178 warnings, 40 of 46 without
    the source and 48 of 58 with it. The false ones left there are the source's own
    quotations that run on into a paragraph where the English lost its opening mark,
    English typos, and nested quotations closed by one shared mark. Before the
    conventions above, 74 of NTREX's 194 warnings were Hebrew abbreviations.

    In keyed resources, each value is compared with the source's: a colon or an ellipsis
    at the end that the translation drops or adds is a warning where most other
    translations end as the source does (a label's colon before a value, a menu item's
    ellipsis that says a dialog opens); another final mark (full stop, exclamation mark)
    only info. Each language's marks count as the source's ("：", "।", "…" for "..." or "..", for
    three one-dot leaders "․․․" and for Shahmukhi's three Urdu full stops "۔ ۔ ۔", an
    ellipsis moved inside the value by the word order ("تا… آینده"), an ellipsis in
    quotes at the source's end found in quotes anywhere in the translation ("\"%@...\"
    kicsomagolása", „%@…“), for a colon the Khmer "៖", the visargas "ः", "ঃ" Hindi and
    Bengali typists write, the Armenian comma "՝", the Armenian mijaket written "․"
    (U+2024) and a Burmese label's "-"; in Armenian, ":" typed for its
    full stop "։" and "." for its colon "․"; "…" for a list that ends in "etc." and the
    other way round; Thai, Lao, Khmer and Burmese need no full stop). A menu's access
    key after a label ("ফোল্ডার: (_o)") and markup or a placeholder closing the value
    ("Failed: <x id="PH"/>", "Name:</b>") are no part of its end; a source ending with a
    comma ("Hi %{to_user},") sets none, and a mark added to one the program continues
    after a short word in lower case or a trailing space ("…use the syntax ") is info. A
    space at either edge that the source has and the translation lost is a warning where
    three quarters of the translations keep it (the program joins the next string
    there; a space a quarter of them drop is one the page does not show), its direction
    marks aside, except at both edges (a template's indentation around its text), in
    Chinese, Japanese, Thai, Lao, Khmer and Burmese, written without spaces between
    words, in the title of an Interface Builder object ("faa-9Y-Axk.title"), a whole
    label no string is joined to, and after a source of one to three capitalised words
    ("Start ", "Forest "), a whole label whose space the translators copied (info); one
    added is info.

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
    A quotation that spans several paragraphs when most translations close each
    paragraph's quotation and do not carry one through the paragraphs between;
    unbalanced single quotes (too often apostrophes); a question mark moved to another
    sentence inside the same segment; which of two mixed marks was meant; a closing
    bracket after a label or enumerator of one or two characters that opens a segment
    ("예) …", "例) …", "a) …"), as Korean, Japanese and Chinese writers mark an example
    and lists count their items; a face of punctuation (":)", ":_(", Arabic "؛)")
    where it leaves the other brackets balanced; in keyed resources, a mark in quotes
    at a value's end (press ":"), which names a key, not the value's ending, a face
    at the end (no colon, read either way: ":)", "(:"), and the ending of a source that is one abbreviation
    ("ex.", "etc.", "e.g.", which "例:", "z. B." render). A colon or an ellipsis
    added to a source that stops at a short word in lower case ("Find subtitles
    from", which the program completes) is info: another word order makes it a label.
"""

from __future__ import annotations

import re

from dataclasses import replace

from transcheck.model import Category, Severity, Strength, base_language
from transcheck.quotes import KNOWN_PAIRS
from transcheck.rules import _quotations as quotations
from transcheck.rules import _consensus as consensus
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.text import normalise

BRACKETS = ("()", "[]", "{}")
QUESTION_MARKS = "?؟？⸮"
# Without a source, a deviation that this many translations share is taken from the
# original (a quotation it leaves open, a question it asks), not a slip of each.
_SHARED = 3
_FULL_WIDTH = str.maketrans("（）［］｛｝", "()[]{}")
_TRAILING = " \t\"“”„‟«»「」『』'’)]}）］*_"


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        from transcheck.rules import _keyed_endings

        yield from _keyed_endings.check(view, RULE)
    quotes = [
        {lang: quotations.count(_text(view, row, lang)) for lang in row.present()} for row in view.rows
    ]
    pairings: dict[str, list] = {}
    carried: dict[str, list[bool]] = {}

    for r, row in enumerate(view.rows):
        voters = consensus.voting_languages(view, row)
        texts = {lang: _text(view, row, lang) for lang in voters}
        texts = {lang: t for lang, t in texts.items() if t}
        notes = consensus.RowNotes()
        note = notes.note

        if len(texts) >= 2:
            counts = {lang: quotes[r][lang] for lang in texts}
            for dev in _clear(view, {k: v % 2 for k, v in counts.items()}):
                if dev.value == 1 and not _continued(view, quotes, pairings, r, dev.language, carried):
                    note(dev.language, f"unbalanced quotation marks ({counts[dev.language]}): "
                         f"{quotations.unpaired(texts[dev.language])}; "
                         f"{consensus.names(dev.agree, 'close')} their quotations", dev.agree)
            for pair in BRACKETS:
                balance = {lang: _balance(t, pair) for lang, t in texts.items()}
                for dev in _clear(view, {k: v == 0 for k, v in balance.items()}):
                    if dev.expected:
                        b = balance[dev.language]
                        what = f"{b} “{pair[0]}” unclosed" if b > 0 else f"{-b} “{pair[1]}” unopened"
                        note(dev.language, f"unbalanced brackets ({what}); "
                             f"{consensus.names(dev.agree, 'balance')} theirs", dev.agree)
        yield from notes.findings(
            RULE, view, r,
            key=lambda lang, messages: "punctuation:" + "|".join(m.split(";")[0] for m in messages)
            + ":" + normalise(texts[lang])[:80],
        )
        if len(texts) >= 2:
            yield from _questions(view, r, texts)
    yield from _mixed_pairs(view)


def _continued(view: GroupView, quotes: list[dict[str, int]], pairings: dict[str, list], r: int,
               lang: str, carried: dict[str, list[bool]]) -> bool:
    """Whether the odd mark of ``lang``'s paragraph ``r`` closes a quotation resumed after
    the speaker's words, or belongs to one quotation that spans paragraphs, opened in
    one and closed in a later one, where most other translations quote in each of
    those paragraphs too, or carry a quotation of their own through it (closing and
    opening each paragraph, as English does, or not). A paragraph between without
    marks here must be one the others open as quoted speech or carry a quotation
    through: narration, which they do not quote, is no part of a quotation, and a
    quotation that runs over it is reported."""
    if lang not in pairings:
        pairings[lang] = [quotations.pairing(_text(view, row, lang)) if row.cells.get(lang) else None
                          for row in view.rows]
    p = pairings[lang][r]
    if p is None:
        return False
    if quotations.resumed(p):
        return True
    k = quotations.partner(pairings[lang], r)
    if k is None:
        return False
    first, last = min(r, k), max(r, k)
    own = pairings[lang]
    for j in range(first, last + 1):
        row = view.rows[j]
        others = [other for other in row.present() if other not in (lang, view.source)]
        if not others:
            return False
        quoted = 0
        for other in others:
            if other not in pairings:
                pairings[other] = [quotations.pairing(_text(view, x, other)) if x.cells.get(other) else None
                                   for x in view.rows]
            if other not in carried:
                carried[other] = quotations.inside(pairings[other])
            if first < j < last and (own[j] is None or not own[j].marks):
                # A paragraph this translation leaves unmarked is part of the quotation
                # where the others quote it from its start, or carry a quotation through.
                quoted += carried[other][j] or quotations.opens_paragraph(_text(view, row, other))
            else:
                quoted += carried[other][j] or quotes[j].get(other, 0) > 0
        if 2 * quoted <= len(others):
            return False
    return True


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
            message = f"ends as a statement where {consensus.names(dev.agree, 'end')} with a question mark"
        else:
            message = f"ends with a question mark where {consensus.names(dev.agree, 'end')} as a statement"
        finding = RULE.at_cell(view, row, dev.language, message,
                               related=consensus.related(view, row, dev.agree),
                               key="question:" + normalise(texts[dev.language])[:80])
        yield replace(finding, strength=Strength.HINT)


def _mixed_pairs(view: GroupView):
    for doc in view.documents.values():
        for seg in doc.segments:
            if not seg.is_prose:
                continue
            marks = [(i, seg.text[i]) for i in quotations.marks(seg.text)]
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


# A face of punctuation (":)", ":-(", ":_(", ";)"): no bracket, where it leaves the
# others balanced ("(see the note:)" closes its bracket).
_EMOTICON = re.compile(r"[:;=：；؛][-_'^o]?[()]+(?!\w)")


def _balance(text: str, pair: str) -> int:
    text = text.translate(_FULL_WIDTH)
    balance = text.count(pair[0]) - text.count(pair[1])
    if balance and pair == "()" and _EMOTICON.search(text):
        text = _EMOTICON.sub(" ", text)
        balance = text.count(pair[0]) - text.count(pair[1])
    if pair == "()" and balance < 0:
        balance += _labels(text)
    return balance


def _labels(text: str) -> int:
    """1 when the text opens with a label or an enumerator of one or two characters and
    a closing bracket ("예) …", "例) …", "a) …"), else 0. Only at the start: inside a
    segment, a short word before a bracket may be what is left where inline code was
    taken out ("стойността на `window.foo`)")."""
    head = text.lstrip()
    n = 0
    while n < len(head) and n < 3 and head[n].isalnum():
        n += 1
    return int(0 < n <= 2 and head[n:n + 1] == ")")


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
