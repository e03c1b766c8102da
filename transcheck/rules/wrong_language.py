"""A segment written in a language other than its document's.

What it catches:
    A prose segment that language identification places, with confidence, in another
    language than the one the file name declares (a Swedish paragraph in ``it.txt``,
    an English paragraph in ``ru.txt``). Identification is script-first and uses
    langdetect restricted to the group's languages plus English, so a verdict needs a
    long enough segment and a confident answer.

Why it matters:
    A paragraph pasted from the wrong file, or a segment the translator never touched,
    ships to readers who cannot read it.

Example:
    ``it.txt`` line 12 holds a Swedish paragraph; the finding says "Swedish text
    (langdetect 1.00) in an Italian document".

What it does not catch:
    Segments too short to identify (names, one-word headings, button labels), which
    are left undetermined rather than guessed; segments that also match another
    translation's text, reported as ``untranslated`` (TC202) instead; a foreign
    phrase inside an otherwise correct paragraph.
"""

from __future__ import annotations

from transcheck.langid.names import language_name
from transcheck.model import Category, Severity
from transcheck.rules.base import GroupView, Rule, snippet
from transcheck.rules.untranslated import evidence


def check(view: GroupView):
    for doc in view.documents.values():
        for seg in doc.segments:
            guess = view.guesses.get((doc.language, seg.index))
            if guess is None or guess.language is None or guess.language == doc.base_language:
                continue
            if evidence(view, doc, seg):
                continue  # untranslated (TC202) says it better
            how = "by its script" if guess.method == "script" else f"langdetect {guess.confidence:.2f}"
            yield RULE.at_segment(
                doc,
                seg,
                f"{language_name(guess.language)} text ({how}) in a "
                f"{language_name(doc.base_language)} document: “{snippet(seg.text)}”",
                key=seg.text,
            )


RULE = Rule(
    code="TC201",
    name="wrong-language",
    category=Category.LANGUAGE,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
)
