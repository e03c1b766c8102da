"""A segment written in a language other than its document's.

What it catches:
    A prose segment that language identification places, with confidence, in another
    language than the one the file name declares (a Swedish paragraph in ``it.txt``,
    an English paragraph in ``ru.txt``). Identification is script-first and uses
    langdetect restricted to the group's languages plus English, so a verdict needs a
    long enough segment and a confident answer.

    Severity by evidence: an error when the text is in another script than the
    document's (the script is proof; a document's scripts are its language's and the
    one most of its letters are in: Karakalpak files written in Latin letters); a warning when, within one script, langdetect's
    verdict rests on a long text (at least 120 letters and 15 words once shared words,
    hashtags, mentions and URLs are removed); info otherwise, since on short lines
    langdetect is confidently wrong (Italian and Spanish read as Portuguese, English as
    Swedish). On the WMT24++ dev corpus the 24 errors it gave before (capitals,
    Ukrainian read as Russian, short Romance lines) were all false; it now gives no
    error or warning there, in either mode.

Why it matters:
    A paragraph pasted from the wrong file, or a segment the translator never touched,
    ships to readers who cannot read it.

Example:
    ``it.txt`` line 12 holds a Swedish paragraph; the finding says "Swedish text
    (langdetect 1.00) in an Italian document".

What it does not catch:
    Segments whose verdict rests on words the other translations share (names,
    brands: "Откройте Chrome Web Store."), or with a quarter of their letters, or a
    third of their words, in the document's own script (its grammar around foreign
    terms: "Dependencies update करें"), or with a word of its script beside foreign
    words of which fewer than two in lower case stand side by side (names and titles in its sentence:
    "漫谈 Material Design & Ant Design", "安装docker、go、kind"), or linking to the page's translations (a bar
    of its languages, each named in itself), or made of images alone (badges' alt text); in another script with case, a line with
    fewer than three words written as words (identifiers aside: "▸ createWebHashHistory(): RouterHistory",
    "Interface: RouteRecordRedirect"); words that another version of the row writes
    as inline code (the source's `split`, `rsplit` kept without their backticks);
    segments too short to identify (names, one-word headings, button labels), which
    are left undetermined rather than guessed; segments that also match another
    translation's text, reported as ``untranslated`` (TC202) instead; a foreign
    phrase inside an otherwise correct paragraph. In a document whose language
    langdetect has no model of (Nigerian Pidgin, Irish, Interlingue), text of its own
    script: an English-based creole reads as English, and a short Irish line too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transcheck.langid import Identifier, langdetect_names, neutral_removed
from transcheck.langid.names import language_name
from transcheck.langid.script import char_script, script_counts, scripts_of
from transcheck.model import Category, Document, Kind, Segment, Severity, Strength
from transcheck.rules.base import GroupView, Rule, options_from, snippet
from transcheck.rules._scripts import document_scripts
from transcheck.rules._copies import evidence, foreign_guess
from transcheck.rules._pages import language_bar, links_to_translations
from transcheck.rules._kept import badges

# A segment with this share of its letters in its document's own script is at most
# mixed, not written in another language.
_OWN_SCRIPT_SHARE = 0.25
_OWN_SCRIPT_WORDS = 2
# ... or with this share of its words holding the document's script: a short line of
# its grammar around foreign terms ("Dependencies update करें", "Flask plug-in으로,
# ... 묶어줍니다", "ماهو progressive rendering؟"). A line in another language with a
# name of the document's script in it ("漢彌爾頓環 - Visit every vertex exactly once")
# has one such word among many.
_OWN_SCRIPT_WORD_SHARE = 1 / 3
# A line in another script with fewer words than this (identifiers aside) is names.
_MIN_PLAIN_WORDS = 3
# Within one script, a verdict on fewer letters or words than this is at most info.
_LONG_LETTERS = 120
_LONG_WORDS = 15
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _own_script_words(doc: Document, text: str) -> int:
    """Words written in the document's own script ("Instance को parameterize करें" has
    two): its grammar holding foreign terms, however few letters its words have (vowel
    signs are no letters)."""
    own = scripts_of(doc.language)
    return sum(1 for w in _WORD.findall(text) if char_script(w[0]) in own)


def _own_script_word_share(doc: Document, text: str) -> float:
    """The share of words with a letter in the document's own script (Korean particles
    join Latin words: "APISpec을")."""
    own = scripts_of(doc.language)
    words = _WORD.findall(text)
    mine = sum(1 for w in words if any(char_script(ch) in own for ch in w))
    return mine / len(words) if words else 0.0


def _names_in_own_grammar(doc: Document, text: str) -> bool:
    """A word of the document's script beside foreign words of which fewer than two are
    in lower case: names and titles in the document's sentence ("漫谈 Material Design
    & Ant Design", "更多信息请参见 @tauri-apps/plugin-fs - Security"); a Chinese or
    Japanese clause is one "word" to ``\\w+``. Another language's sentence has its
    lower-case words ("漢彌爾頓環 - Visit every vertex exactly once")."""
    own = scripts_of(doc.language)
    words = _WORD.findall(text)
    if not any(char_script(w[0]) in own for w in words):
        return False
    return sum(1 for w in words if w.isalpha() and w[0].islower() and char_script(w[0]) not in own) < 2


def _names_of_code(doc: Document, text: str) -> bool:
    """Whether the words of another script than the document's are fewer than
    ``_MIN_PLAIN_WORDS`` once identifiers (a capital inside, a digit, an underscore) are
    left aside: "▸ createWebHashHistory(): RouterHistory". A script without case
    (Arabic, Han) writes no identifiers so: its words are text."""
    own = scripts_of(doc.language)
    foreign = [w for w in _WORD.findall(text) if char_script(w[0]) not in own]
    if any(w.lower() == w.upper() for w in foreign):
        return False
    plain = sum(1 for w in foreign
                if all(p.isalpha() and (p.islower() or p[1:].islower()) for p in re.split(r"[-'’]", w)))
    return plain < _MIN_PLAIN_WORDS


def _code_elsewhere(view: GroupView, doc: Document, seg: Segment) -> bool:
    """Whether every word of the segment is in the inline code of another version of
    its row: "split, split_whitespace, rsplit" where the source writes `split`,
    `split_whitespace`, `rsplit` is the source's code without its backticks."""
    row_index = view.row_of.get((doc.language, seg.index))
    words = _WORD.findall(seg.text)
    if row_index is None or not words:
        return False
    row = view.rows[row_index]
    code: set[str] = set()
    for lang in row.present():
        for i in row.cells[lang] if lang != doc.language else ():
            other = view.documents[lang].segments[i]
            # A cell of nothing but code spans is code as a whole, backticks in its text.
            for span in other.code + ((other.text,) if other.kind is Kind.CODE else ()):
                code.update(_WORD.findall(span))
    return all(w in code for w in words)


def _own_script_share(doc: Document, text: str) -> float:
    counts = script_counts(text)
    total = sum(counts.values())
    own = sum(counts[s] for s in scripts_of(doc.language))
    return own / total if total else 0.0


def _without_shared_words(view: GroupView, doc: Document, seg: Segment) -> str:
    """The segment less what the project keeps as written and the words its aligned
    peers also contain.

    Words every translation shares (Chrome Web Store, Guru, SaaS) say nothing about
    which language a segment is in, yet in a short segment they can outweigh the rest;
    nor do do-not-translate terms and accepted English words, blanked as in the first
    identification (``context.identify``), whether or not the peers hold them.
    """
    text = view.vocabulary.keep(doc.language).mask(seg.text)
    row_index = view.row_of.get((doc.language, seg.index))
    if row_index is None:
        return text
    row = view.rows[row_index]
    shared: set[str] = set()
    for lang in row.present():
        if lang != doc.language:
            shared.update(_WORD.findall(view.cell_text(row, lang)))
    return " ".join(w for w in _WORD.findall(text) if w not in shared)


@dataclass(frozen=True)
class Options:
    untranslated_min_chrf: float
    langid_min_confidence: float
    langid_min_letters: int
    langid_min_words: int


def check(view: GroupView, options: Options):
    identifier = None
    for doc in view.documents.values():
        if doc.language == view.source:
            continue  # the source is the reference, never the subject
        for seg in doc.segments:
            if seg.state:
                continue  # a fuzzy or empty entry: counted for review, not checked
            guess = foreign_guess(view, doc, seg)
            if guess is None:
                continue
            if evidence(view, doc, seg, options.untranslated_min_chrf):
                continue  # untranslated (TC202) says it better
            if links_to_translations(doc.path, seg.urls) or language_bar(seg.text):
                continue  # the page's languages, each named in itself
            if badges(seg):
                continue  # images' alt text (a row of badges), which no one translates
            other_script = not (scripts_of(guess.language) & document_scripts(view, doc))
            if not other_script and not langdetect_names(doc.base_language):
                # No model knows the page's language (Nigerian Pidgin, Irish, Interlingue):
                # in its own script, another language's words are no evidence against it.
                continue
            if other_script and (_own_script_share(doc, seg.text) >= _OWN_SCRIPT_SHARE
                                 or _own_script_words(doc, seg.text) >= _OWN_SCRIPT_WORDS
                                 or _own_script_word_share(doc, seg.text) >= _OWN_SCRIPT_WORD_SHARE
                                 or _names_in_own_grammar(doc, seg.text)):
                continue  # the document's language with foreign terms: mixed, not wrong
            if other_script and _names_of_code(doc, seg.text):
                continue  # names of code ("▸ createWebHashHistory(): RouterHistory"), no sentence
            if _code_elsewhere(view, doc, seg):
                continue  # another version writes these words as code: backticks dropped
            if identifier is None:
                t = options
                identifier = Identifier(
                    list(view.documents), min_letters=t.langid_min_letters,
                    min_words=t.langid_min_words, min_confidence=t.langid_min_confidence,
                )
            rest = _without_shared_words(view, doc, seg)
            if identifier.identify(rest).language != guess.language:
                continue
            how = "by its script" if guess.method == "script" else f"langdetect {guess.confidence:.2f}"
            finding = RULE.at_segment(
                doc,
                seg,
                f"{language_name(guess.language)} text ({how}) in a "
                f"{language_name(doc.base_language)} document: “{snippet(seg.quoted)}”",
                key=seg.text,
            )
            yield replace(finding, strength=_strength(other_script, neutral_removed(rest)))


def _strength(other_script: bool, text: str) -> Strength:
    """Another script is proof; within one script, langdetect's verdict is evidence only
    on a long text, and on a short one it is often wrong (Italian and Spanish lines
    read as Portuguese, an English line as Swedish) whatever its confidence."""
    if other_script:
        return Strength.FULL
    if sum(ch.isalpha() for ch in text) >= _LONG_LETTERS and len(text.split()) >= _LONG_WORDS:
        return Strength.REDUCED
    return Strength.HINT


RULE = Rule(
    code="TC201",
    name="wrong-language",
    category=Category.LANGUAGE,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
    options=options_from(Options),
)
