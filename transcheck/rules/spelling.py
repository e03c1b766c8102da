"""A word that is not a word of the document's language and looks like a typing error
of one that is: unknown to the language's Hunspell dictionary, one or two edits away
from a dictionary word, and found in none of the other translations.

What it catches:
    Corrupted and mistyped words in prose: a letter doubled, dropped, swapped or
    replaced ("Başkannte" for "Başkanı", "strutura", "attirbuti"). A word is reported
    only when all of this holds. Hunspell rejects it in the document's language
    (Russian ё read as е). It is not two known words run together (in Swedish,
    German or Dutch also with linking letters and several parts), nor a known word
    with an Arabic clitic attached. No other translation of the group has it, and it
    is not a transliteration of a word in the other cells of its row (Ричардсон,
    ريتشاردسون for Richardson; брендинга for branding). Neither English (loanwords) nor another translation's
    language knows it. It has a letter trigram that no known word of the document
    has ("nnt"). And a dictionary word is one edit from it (two for words of
    ``spelling_long_word`` letters or more), an edit that is not an ending or an
    affix or the final letter: endings a dictionary misses (Turkish -nız beside -mız)
    are not typos.

Why it matters:
    A misspelt word in a published translation looks careless, and nothing else in
    a translation check finds it: its sentence still aligns, keeps its numbers and
    names, and reads as the right language.

Example:
    ``tr.txt`` line 12 has "Kendi Markamızın Başkannte, Christine Richardson": the
    Turkish dictionary rejects "Başkannte", "nnt" occurs in no Turkish word of the
    file, and "Başkente" is two edits away: one warning on line 12.

What it does not catch:
    Real words in the wrong place (a wrong but valid word is a grammar problem);
    words shorter than ``spelling_min_letters``; a word the document uses in
    ``spelling_term_min_segments`` or more different paragraphs (a term, however the
    dictionary sees it; a duplicated paragraph counts once); capitalised words
    inside a sentence shorter than ``spelling_name_min_letters`` (mostly names);
    acronyms, CamelCase,
    words with digits, URLs, file names and words in another script; typos in an
    ending of an agglutinative language (Turkish, Finnish, Hungarian), in a word's
    final letter, or that only add or drop letters at its start or end; typos that
    happen to split into two known words (Swedish rekt + nagel); segments identified
    as another language;
    languages with no dictionary. Technical jargon unknown to the dictionary can
    still be reported (readline, umask): accept it with a baseline or ``--ignore``.
    In Arabic and Hebrew script, where most one-letter variants of a word are words
    too, findings are info, not warnings. It needs the optional dictionaries
    (``pip install transcheck[spelling]``); without them it reports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from transcheck.langid.names import language_name
from transcheck.langid.script import char_script
from transcheck.model import Category, Severity, Strength
from transcheck.rules import _hunspell
from transcheck.rules._spelling_names import names_in_row, same_name, sound_shape
from transcheck.rules._spelling_typos import Checker
from transcheck.rules._spelling_words import (
    bracketed_suffix,
    group_vocabulary,
    novel_trigrams,
    paragraphs_by_word,
    parts,
    sentence_initial,
    skip_shape,
    termbase_words,
    trigrams,
    words,
)
from transcheck.rules.base import GroupView, Rule, options_from

# Scripts that write consonant roots (abjads): so many one-letter variants of a word are
# words too that a close dictionary word is weak evidence of a typo; reported as info.
_DENSE_SCRIPTS = frozenset({"Arabic", "Hebrew"})


@dataclass(frozen=True)
class Options:
    spelling_min_letters: int
    spelling_term_min_segments: int
    spelling_name_min_letters: int
    spelling_long_word: int


def check(view: GroupView, options: Options):
    if not _hunspell.engine_available():
        return
    vocabulary = None
    for doc in view.documents.values():
        if _hunspell.load(doc.language) is None:
            continue
        if vocabulary is None:
            vocabulary = group_vocabulary(view)
            terms = termbase_words(view.termbase)
        checker = Checker(view, doc, options)
        accepted = {
            w.lower()
            for w in vocabulary[doc.language]
            if len(w) >= 3 and not any(ch.isdigit() for ch in w) and checker.dictionary.knows(w)
        }
        seen = trigrams(accepted)
        usage = paragraphs_by_word(doc)
        term_uses = options.spelling_term_min_segments
        alphabet = "".join(sorted({ch for w in accepted for ch in w if ch.isalpha()}))
        peers_vocab = terms.union(*(v for lang, v in vocabulary.items() if lang != doc.language))
        for seg in doc.segments:
            if not seg.is_prose:
                continue
            guess = view.guesses.get((doc.language, seg.index))
            if guess is not None and guess.language not in (None, doc.base_language):
                continue
            row_names = None
            reported: set[str] = set()  # once per segment; a repeated typo repeats
            for offset, token in words(seg.text):
                if checker.known(token) or token.casefold() in peers_vocab:
                    continue
                if bracketed_suffix(seg.text, offset):
                    continue
                initial = sentence_initial(seg.text, offset)
                for part in parts(token):
                    if len(part) < checker.min_letters or skip_shape(part):
                        continue
                    if any(char_script(ch) not in checker.scripts for ch in part if ch.isalpha()):
                        continue
                    capital = part[0].isupper() and not (initial and token.startswith(part))
                    if capital and len(part) < checker.name_min_letters:
                        continue
                    folded = part.casefold()
                    if folded in peers_vocab or folded in reported or checker.known(part):
                        continue
                    if len(usage.get(folded, ())) >= term_uses:
                        continue  # used the same way in several paragraphs: a term
                    if row_names is None:
                        row_names = names_in_row(view, doc, seg.index)
                    sk, script = sound_shape(part), char_script(part[0])
                    strict = part[0].islower()
                    if any(same_name(sk, o, strict) for s, o in row_names if s != script):
                        continue
                    if not novel_trigrams(part, seen):
                        continue
                    fix = checker.correction(part, alphabet)
                    if fix is None:
                        continue
                    reported.add(folded)
                    finding = RULE.at_segment(
                        doc,
                        seg,
                        f"“{part}” is not in the {language_name(doc.base_language)} dictionary "
                        f"({checker.dictionary.name}) and looks mistyped; nearest word: “{fix}”",
                        key=folded,
                    )
                    if checker.scripts & _DENSE_SCRIPTS:
                        finding = replace(finding, strength=Strength.HINT)
                    yield finding


def _unavailable() -> str | None:
    from transcheck.rules import _hunspell

    return None if _hunspell.engine_available() else f"no dictionaries: {_hunspell.EXTRA_HINT}"


RULE = Rule(
    code="TC603",
    name="spelling",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
    options=options_from(Options),
    default=False,
    unavailable=_unavailable,
)
