"""A phrase left in another language inside an otherwise translated paragraph, where the
other translations translated it.

What it catches:
    Candidate phrases are found by script, not by a language model on the whole
    segment: in a document written in a non-Latin script (Russian, Arabic, ...), a run
    of at least two Latin-script words; in a Latin-script document, a run of at least
    three capitalised words inside a sentence (connectors such as "of" and "and" may
    join them), the shape of a name or title left in English. A candidate is reported
    when it is not kept by most of the other translations (names such as "Blake Morgan"
    or "Genius Bar" appear in the others, through transliteration too, and so are not
    phrases to translate) and, in a Latin-script document, when langdetect restricted
    to the document's language and English (and the source's) confidently places it
    outside the document's language. With ``--source`` the source is not counted among
    the translations, since the original naturally has the phrase.

    Severity and precision: info. On the WMT24++ dev corpus nearly all of its 122
    findings were names of institutions and titles kept in English (World Economic
    Forum, Public Health Scotland), a choice of the translator and no divergence from
    the English, so no finding of it reaches the precision a warning needs (0.8).

Why it matters:
    A team, product or feature name left in English inside a translated sentence is
    easy to overlook in review and jarring for readers, and it is inconsistent when the
    other languages translated it.

Example:
    ``sv.txt`` line 22 has "chef för Strategic Customer Success-teamet på Guru" where
    tr says "Stratejik Müşteri Başarı", it "Successo Clienti Strategico", and ru and ar
    translated it too: "English phrase “Strategic Customer Success” inside Swedish
    text; ar, it, ru, tr translate it".

What it does not catch:
    A foreign phrase in lower case inside a Latin-script language ("customer success
    team"), which has no visible boundary without a word list; two-word English terms
    in a Latin-script language ("Head of Brand", "Customer Success"), which are often
    borrowed on purpose; a phrase the majority also left untranslated; whole segments
    in another language (``wrong-language``, TC201, and ``untranslated``, TC202).
"""

from __future__ import annotations

import re

from transcheck.langid.names import language_name
from transcheck.langid.script import scripts_of
from transcheck.model import Category, Severity, base_language
from transcheck.rules import _consensus as consensus
from transcheck.rules._tokens import (
    UNSPACED_SCRIPTS,
    latin_prefix_match,
    latin_tokens,
    other_script_words,
    transliteration_match,
)
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.rules.entity_mismatch import anchor_text
from transcheck.rules._scripts import document_scripts
from transcheck.text import normalise

CONNECTORS = frozenset({"of", "and", "for", "the", "to", "in", "on", "at", "with", "by", "a",
                        "an", "vs", "&"})
_JOIN = re.compile(r"\s+|\s*&\s*")
MIN_WORDS_LATIN_DOC = 3  # capitalised words inside a sentence, in a Latin-script document
MIN_WORDS_OTHER_DOC = 2  # Latin words, in a document of another script
MIN_LETTERS = 10
MIN_CONFIDENCE = 0.99


def check(view: GroupView, options: NoOptions):
    for r, row in enumerate(view.rows):
        present = row.present()
        texts = {lang: anchor_text(view, row, lang) for lang in present}
        for lang in consensus.voting_languages(view, row):
            others = [o for o in present if o != lang and o != view.source]
            if len(others) < 2:
                continue
            # Kept words (do-not-translate, accepted English) are no foreign words.
            own = view.vocabulary.keep(lang).mask(texts[lang], "\u00b7")
            # Written in Latin letters, whatever the table says (Karakalpak, Uzbek).
            latin_doc = "Latin" in document_scripts(view, view.documents[lang])
            for phrase, words in _candidates(own, latin_doc):
                keeping = [o for o in others if _keeps(texts[o], o, words)]
                if 2 * len(keeping) >= len(others):
                    continue  # a name the others keep, not a phrase to translate
                language = _foreign_language(view, lang, phrase, latin_doc)
                if language is None or consensus.displaced(view, r, lang):
                    continue
                translating = [o for o in others if o not in keeping]
                doc = view.documents[lang]
                yield RULE.at_cell(
                    view, row, lang,
                    f"{language} phrase “{phrase}” inside {language_name(doc.base_language)} "
                    f"text; {consensus.names(translating, 'translate')} it",
                    related=consensus.related(view, row, translating),
                    key=f"mixed:{normalise(phrase)}:" + normalise(texts[lang])[:80],
                )


def _candidates(text: str, latin_doc: bool):
    """(phrase, content words) of each run of Latin words that looks like a phrase."""
    tokens = latin_tokens(text)
    run: list = []
    for tok in tokens + [None]:
        joined = (
            tok is not None and run
            and _JOIN.fullmatch(text[run[-1].end:tok.start]) is not None
        )
        member = tok is not None and (
            not latin_doc or tok.capitalised or (run and tok.text.lower() in CONNECTORS)
        )
        if member and (joined or not run):
            run.append(tok)
            continue
        found = _phrase(text, run, latin_doc)
        if found:
            yield found
        run = [tok] if member else []


def _phrase(text: str, run: list, latin_doc: bool):
    while run and run[-1].text.lower() in CONNECTORS:
        run = run[:-1]
    while run and run[0].text.lower() in CONNECTORS:
        run = run[1:]
    if not run:
        return None
    if latin_doc:
        content = [t for t in run if t.capitalised and not t.sentence_start and not t.acronymish]
        if len(content) < MIN_WORDS_LATIN_DOC:
            return None
    else:
        content = [t for t in run if t.text.lower() not in CONNECTORS and not t.acronymish]
        if len(content) < MIN_WORDS_OTHER_DOC:
            return None
    if sum(len(t.text) for t in content) < MIN_LETTERS:
        return None
    phrase = text[run[0].start:run[-1].end]
    return phrase, tuple(t.text for t in content)


def _keeps(text: str, lang: str, words: tuple[str, ...]) -> bool:
    scripts = scripts_of(lang)
    native = None if "Latin" in scripts else other_script_words(text)
    for word in words:
        if latin_prefix_match(word, text):
            continue
        if native and transliteration_match(word, native, "Arabic" in scripts,
                                            bool(scripts & UNSPACED_SCRIPTS)):
            continue
        return False
    return True


def _foreign_language(view: GroupView, lang: str, phrase: str, latin_doc: bool) -> str | None:
    """The language name to report the phrase in, or None when it may be the document's
    own language. A Latin phrase in a document of another script is foreign by script;
    langdetect then only names it."""
    from transcheck.langid import _langdetect, langdetect_names

    base = base_language(lang)
    candidates = {"en"}
    if view.source and "Latin" in scripts_of(view.source):
        candidates.add(base_language(view.source))
    if latin_doc:
        candidates.add(base)
    else:  # name the phrase's language among the group's Latin-script languages
        candidates |= {base_language(o) for o in view.documents if "Latin" in scripts_of(o)}
    profiles = tuple(sorted({p for c in candidates for p in langdetect_names(c)}))
    if len(profiles) < 2:
        return None if latin_doc else "Latin-script"
    guesses = [_langdetect(phrase, profiles), _langdetect(phrase.lower(), profiles)]
    names = {g for g, _ in guesses}
    confident = all(p >= MIN_CONFIDENCE for _, p in guesses)
    if latin_doc:
        if len(names) == 1 and confident and base not in names:
            return language_name(names.pop())
        return None
    return language_name(names.pop()) if len(names) == 1 and confident else "Latin-script"


RULE = Rule(
    code="TC203",
    name="mixed-language",
    category=Category.UNTRANSLATED,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
)
