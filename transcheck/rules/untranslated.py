"""A segment left in another language, identical or nearly identical to the source or
to the same segment in the other translations.

What it catches:
    A prose segment whose identified language is not the document's language and whose
    text equals, or nearly equals (chrF at or above ``untranslated_min_chrf``), the
    aligned segment of the source (``--source``) or of at least one other translation.
    That is the signature of text copied through instead of translated.

    Severity and precision: an error, since the text is the same as another language's
    and identified as that language. On the WMT24++ dev corpus its 59 errors were all
    hashtag and mention lines that every translation keeps; with those removed before
    identification it gives none, and planted paragraphs pasted from the English or from
    another translation are found in all 15 languages. It is *info* where the evidence
    says the copy may be on purpose or not a copy at all: the line has a word the
    compared text lacks (the translator touched it: "Réponse: route → …"), two or more
    and at least a third of the other translations keep the source's text too (a list of
    names, an attribution, a program's message quoted as it prints; of a resource's
    values, a quarter of all translations), or a short line equals only a translation in
    the language it was identified as, written in the same script (Spanish and
    Portuguese headings), or a heading is the page's file name written as a command ("#
    git delete-merged-branches" on ``git-delete-merged-branches.md``: in lower case, or
    with a token no word is), or the line links to the page's translations
    (``[中文](README-zh-cn.md)``: each language named in itself, as every version of the
    page names it; "English | 中文 | 한국어" without links too), or it is the linked title of a page ("… | Microsoft Learn") or a list item naming a work and
    its author in capitalised words ("MIT Introduction to Algorithms" linked, "Cracking
    The Coding Interview - Gayle Laakmann McDowell"), an entry of a list citing a paper
    with its authors "et al." and year or a link to it ("Wang et al. ESRL: … 2023.
    [[arxiv]](…)"), a row of badges (images alone, their alt text), a table cell of names
    of datasets or models ("LibriSpeech test-clean"), an acronym with its expansion
    ("SAML (Security Assertion Markup Language)"), a list of three or more single words
    (a cell of commands: "Remove-Item, del, erase, rd"), a changelog table's title beside
    the pull request it names, a cell of a table whose header names languages (a
    glossary of terms), a short cell of a table row whose other cells the translation
    translates (an error message as the program prints it, a value, a call), or text the
    source itself writes in that language, not its own (a licence quoted in English on a
    Chinese page). A changelog's entry (a list item linking to an issue, a pull request
    or a commit, or a commit's subject: "fix(core): …") the others keep is not reported.

    Untranslated means translatable text left as it was: a line is no evidence when its
    words are names, numbers, scores or codes. A word counts as a name when most of the
    translations that do not share the line keep it, as written or transliterated
    (Dundee, Данди, ダンディー, داندي); when every translation of the row shares it, a name
    is a word the other translations keep as written elsewhere in their documents. With
    no other translation, a name is a word the translation keeps in its own sentences or
    in its inline code ("karmada-metrics-adapter"). What is left must still be
    identified as the language the line was called: "Elite League: Dundee Stars 5-3
    Belfast Giants", labelled German in Spanish, French, Italian and Turkish files and
    English in Polish and Armenian ones, has no word of either. On NTREX-128 news
    (``bench/ntrex.py``, 16 and 16 other languages) those 7 errors were this line and it
    now gives none; the dev corpus still gives none and ``corpus/`` keeps its four
    English titles.

    In keyed resources (``formats.keyed``) the other translations are the evidence a
    short UI string lacks: a value equal to the source's while at least three other
    translations have the key is a warning when it has two words or more and no other
    translation keeps it, info for one word ("Name", "Status" are loanwords as often as
    slips) or when another keeps it too (names of sounds, "Start"); when a third of the
    translations keep it ("OK", a brand, a code) it is the project's way and nothing is
    said. A British or Australian English file may equal its source. A value equal to
    one or two other translations' (not the source's) in another script than the one the
    file's translated values are mostly written in (Greek in a Polish file, Latin in a
    Serbian Cyrillic one) is an error with two words or more, else a warning (info for
    one Latin word: "Tracker" in a Chinese file is a term every script keeps), and is
    named by the file written in its script (English copied into the Thai and the
    Chuvash files is English); words the source has, or without a source the files it
    does not equal keep too, are names ("на GitHub" shared by the Russian and the
    Ukrainian file is no paste); a value in a script the file's language writes, in a
    file of stale English copies, is none (Macedonian Cyrillic); acronyms ("URL(_U)") do
    not count. One equal to a related language's in its own script (Bosnian and
    Croatian) is info. In a file of ten values or more, half of which are the source's
    as they are (a language just added, whose untranslated strings the platform wrote as
    their source), each is info: not translated yet, as the coverage counts it, rather
    than one error per key on the pull request that added the language.

Why it matters:
    Untranslated text is the most visible localization defect: an English title on a
    Swedish page. Comparing with the other translations finds it without any source.

Example:
    ``sv.txt`` line 1 reads "Know Your Terminology: Customer Support vs Customer
    Experience", identified as English, and tr, it and ar have the same text on their
    aligned line: one finding per file, naming the languages that share the text.

What it does not catch:
    Text equal to a translation in another standard of the document's language
    (Croatian and Serbian in Latin letters, Bokmål and Nynorsk, Malay and Indonesian:
    ``transcheck.langid.related``), or identified as one.
    Short segments (names, brands, button labels) whose language cannot be told
    reliably, and one token of hyphenated parts in a page of another script
    (``kube-controller-manager`` in a Chinese list: a component's name); text in a wrong
    language that matches nothing else (that is ``wrong-language``, TC201); an English
    phrase inside a translated paragraph, and any line with a word in a script of the
    document's language that the identified language does not write ("Що таке
    Server-Sent Events"): that is mixed-language, TC203. A line mostly of names with a
    few words left untranslated ("Dundee Stars beat Belfast Giants"), when those words
    are too few to identify.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transcheck.model import (Category, Document, Kind, LanguageGuess, Location, Segment, Severity, Strength,
                              base_language)
from transcheck.rules._copies import evidence, foreign_guess, partly_translated
from transcheck.rules._kept import (changelog_entry, kept_as_alt_or_reference, kept_as_written, kept_in_table, own_sentences,
                                    source_foreign)
from transcheck.rules._pages import language_bar, links_to_translations, names_the_page
from transcheck.rules._rendered import rendered_by_half
from transcheck.rules.base import GroupView, Rule, options_from, snippet
from transcheck.langid import Identifier
from transcheck.langid.names import language_name
from transcheck.langid.script import scripts_of
from transcheck.segment.kinds import acronym_expanded, pascal_name

_WORDS = re.compile(r"[^\W\d_]{2,}")  # words a translator would write
_WORD = re.compile(r"\w+")  # tokens, names and identifiers included
_SHORT_WORDS = 8  # a heading or a label, short enough for two related languages to share
_TOKEN = re.compile(r"[\w\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0900-\u0dff]+")


@dataclass(frozen=True)
class Options:
    untranslated_min_chrf: float
    langid_min_confidence: float
    langid_min_letters: int
    langid_min_words: int


def check(view: GroupView, options: Options):
    reported: set[tuple[str, int]] = set()
    found = []
    for finding, at in _check(view, options):
        reported.add(at)
        found.append(finding)
    if not view.keyed:
        yield from found
        return
    from transcheck.rules._keyed_untranslated import unstarted, untranslated

    found.extend(untranslated(view, RULE, reported))
    left = unstarted(view)
    for finding in found:
        share = left.get(finding.path)
        if share is not None and finding.strength is not Strength.HINT:
            finding = replace(finding, strength=Strength.HINT, message=finding.message
                              + f"; {share[0]} of the file's {share[1]} values are the source's: not translated yet")
        yield finding


def _check(view: GroupView, options: Options):
    for doc in view.documents.values():
        if doc.language == view.source:
            continue  # the source is the reference, never the subject
        for seg in doc.segments:
            guess = foreign_guess(view, doc, seg)
            if guess is None:
                continue
            same = evidence(view, doc, seg, options.untranslated_min_chrf)
            if not same:
                continue
            row = view.rows[view.row_of[(doc.language, seg.index)]]
            texts = [(lang, view.cell_text(row, lang)) for lang, _ in same]
            if partly_translated(doc, seg, guess, texts):
                continue
            langs = ", ".join(lang for lang, _ in same)
            from_source = bool(view.source) and view.source in dict(same)
            what = "the source" if from_source else langs
            # Text equal to the source is in the source's language, whatever a guess on a
            # few words says; unless it is written in a script that language does not
            # write ("中文" in an English list of languages).
            named = view.source if from_source and scripts_of(guess.language) & scripts_of(view.source) \
                else guess.language
            finding = RULE.at_segment(
                doc,
                seg,
                f"{language_name(named)} text, the same as in {what}: "
                f"“{snippet(seg.quoted)}”",
                related=[loc for _, loc in same],
                key=seg.text,
            )
            edited = _own_words(seg.text, [text for _, text in texts])
            if edited:
                finding = replace(finding, strength=Strength.HINT, message=finding.message
                                  + f"; partly translated: “{edited}” is not in {what}")
            elif _kept_by_others(view, doc, seg, same):
                if changelog_entry(doc, seg):
                    continue  # the forge's titles, which every translation keeps
                kept = sorted({lang for lang, _ in same} - {view.source})
                finding = replace(finding, strength=Strength.HINT,
                                  message=finding.message + f"; {', '.join(kept)} keep it as it is too")
            elif reason := kept_as_written(doc, seg) or kept_in_table(view, doc, seg, same):
                finding = replace(finding, strength=Strength.HINT, message=f"{finding.message}; {reason}")
            elif links_to_translations(doc.path, seg.urls) or language_bar(seg.text):
                finding = replace(finding, strength=Strength.HINT, message=finding.message + (
                    "; it links to" if seg.urls else "; it names") + " the page's translations, named in their languages")
            elif source_foreign(view, row) == named:
                finding = replace(finding, strength=Strength.HINT,
                                  message=f"{finding.message}; the source writes it in {language_name(named)}")
            elif seg.kind in (Kind.HEADING, Kind.LIST_ITEM) and pascal_name(seg.text):
                finding = replace(finding, strength=Strength.HINT,
                                  message=finding.message + "; one name (a type, a product), which may be kept")
            elif _single_words(seg.text):
                finding = replace(finding, strength=Strength.HINT, message=finding.message
                                  + "; a list of single words (names, commands), which may be kept")
            elif acronym_expanded(seg.text):
                finding = replace(finding, strength=Strength.HINT,
                                  message=finding.message + "; an acronym and its expansion, which may be kept as a name")
            elif names_the_page(doc, seg):
                finding = replace(finding, strength=Strength.HINT,
                                  message=finding.message + "; the page's name, as its file is named")
            elif not from_source and _reads_as_both(doc, seg, guess, same):
                finding = replace(finding, strength=Strength.HINT,
                                  message=finding.message + f"; short, and it may read the same in "
                                  f"{language_name(doc.language)}")
            elif not from_source and view.keyed and scripts_of(guess.language) & scripts_of(doc.language):
                # A UI string equal to a related language's (Bosnian and Croatian).
                finding = replace(finding, strength=Strength.HINT)
            elif not _translatable(view, doc, seg, {guess.language, named}, same, options):
                continue  # names, numbers and codes: no text of any language was left
            elif reason := kept_as_alt_or_reference(seg):
                finding = replace(finding, strength=Strength.HINT, message=f"{finding.message}; {reason}")
            yield finding, (doc.language, seg.index)


def _translatable(view: GroupView, doc: Document, seg: Segment, named: set[str],
                  same: list[tuple[str, Location]], options: Options) -> bool:
    """Whether the words that the other translations translate (those that do not have
    the same text) are themselves still text of the identified language.

    A word most of them keep, as written or transliterated (Dundee Stars, Данди Старс,
    ダンディー スターズ), is a name; numbers, scores and codes are nobody's language. A
    line of nothing else ("Elite League: Dundee Stars 5-3 Belfast Giants") reads the
    same in every language, and what language identification calls it ("German")
    rests on no word of that language: it is no evidence of text left untranslated.
    When every other translation of the row keeps the text too (or none has the row),
    the rest of their documents decide: a name is kept wherever it recurs, a word of a
    language is translated there ("Customer Support" is "supporto clienti")."""
    r = view.row_of[(doc.language, seg.index)]
    row = view.rows[r]
    copies = {lang for lang, _ in same} | {doc.language, view.source}
    others = {lang: view.cell_text(row, lang) for lang in row.present() if lang not in copies}
    others = {lang: text for lang, text in others.items() if text}
    transliterated = True
    if not others:
        # Across a whole document a transliteration would match some word by chance:
        # there, a name counts only as written.
        transliterated = False
        others = {lang: " ".join(view.cell_text(other, lang) for k, other in enumerate(view.rows)
                                 if k != r and other.cells.get(lang))
                  for lang in view.documents if lang not in (doc.language, view.source)}
        others = {lang: text for lang, text in others.items() if text}
    if not others:
        # No other translation: the words the translation itself keeps in its own
        # sentences are names ("Karmada Metrics Adapter 是…" beside the heading).
        others = {doc.language: own_sentences(view, doc)}
    if not others[next(iter(others))]:
        return True  # nothing to tell names from text: as identified
    text = view.vocabulary.keep(doc.language).mask(seg.text)
    words = {lang: _TOKEN.findall(text) for lang, text in others.items()} if transliterated else {}
    rest = [word for word in _TOKEN.findall(text) if any(ch.isalpha() for ch in word)
            and not rendered_by_half(word, others, words)]
    identifier = Identifier(list(view.documents), min_letters=options.langid_min_letters,
                            min_words=options.langid_min_words, min_confidence=options.langid_min_confidence)
    return identifier.identify(" ".join(rest)).language in named


def _single_words(text: str) -> bool:
    """A list of three or more items of one word each ("Remove-Item, del, erase, rd"):
    names or commands in a table's cell, no sentence of any language."""
    items = re.split(r"[,;、]", text)
    return len(items) >= 3 and all(len(item.split()) == 1 for item in items)


def _own_words(text: str, others: list[str]) -> str | None:
    """A word of ``text`` that none of ``others`` has: the translator touched the line
    ("Réponse: route → MiddlewareA", "Flask REST framework’leri", "SQL Server, vb."),
    so it is not simply copied through. None when every word is theirs."""
    theirs = {w.casefold() for other in others for w in _WORDS.findall(other)}
    for word in _WORDS.findall(text):
        if word.casefold() not in theirs:
            return word
    return None




def _reads_as_both(doc: Document, seg: Segment, guess: LanguageGuess,
                   same: list[tuple[str, Location]]) -> bool:
    """A short line shared only with translations in the very language it was identified
    as, a language written in the same script as the document's (Spanish and Portuguese,
    Russian and Ukrainian): both translators may well have written the same words. A
    long paragraph that equal is a paste, and stays an error."""
    if any(base_language(lang) != guess.language for lang, _ in same):
        return False
    if not scripts_of(doc.language) & scripts_of(guess.language):
        return False
    return len(seg.text.split()) < _SHORT_WORDS


def _kept_by_others(view: GroupView, doc: Document, seg: Segment, same: list[tuple[str, Location]]) -> bool:
    """With a source: other translations of the row keep the source's text as it is
    too, two at least and a third of them (a product name, an attribution, a program's
    error message quoted as it prints it); of a resource's values, a quarter of all (a
    feature's name, "Deep Learning Super Sampling"). That is a team's policy, not one
    translator's slip; at most a hint. The rest often differ only by a transliteration."""
    if not view.source:
        return False
    row = view.rows[view.row_of[(doc.language, seg.index)]]
    peers = {lang for lang, _ in same} - {view.source}
    others = [lang for lang in row.present() if lang not in (doc.language, view.source)]
    return len(others) >= 3 and len(peers) >= 2 and (
        4 * (len(peers) + 1) >= len(others) + 1 if view.keyed else 3 * len(peers) >= len(others))


RULE = Rule(
    code="TC202",
    name="untranslated",
    category=Category.UNTRANSLATED,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
    options=options_from(Options),
)
