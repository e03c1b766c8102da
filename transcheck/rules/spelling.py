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

import re
import unicodedata
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from transcheck.langid.names import language_name
from transcheck.langid.script import char_script, scripts_of
from transcheck.model import Category, Document, Severity
from transcheck.rules import _hunspell
from transcheck.rules.base import GroupView, Rule
from transcheck.text import normalise

# Spans that are not words of any language: removed before words are taken.
_NOT_PROSE = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|(?<!\S)[^\s@]++@\S+\.\w+"
    r"|[@#]\w+"
    r"|(?<![\w./\\-])[\w./\\-]+\.(?:png|jpe?g|gif|svg|webp|pdf|html?|txt|md|docx?|xlsx?|csv|json|xml|ya?ml|zip|exe|py|js)\b"
    r"|`[^`]*`",
    re.IGNORECASE,
)
_APOSTROPHES = "'’ʼ‘"
_JOINERS = set(_APOSTROPHES + "-‐")
_SENTENCE_END = ".!?:;…؟。\"“”«»—–-(["

# Clitics written as one word with their host, by language: (prefixes, suffixes).
# Dictionaries list the common combinations, not all of them.
_CLITICS = {
    "ar": (
        ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س"),
        ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي"),
    ),
}
# Languages that write compounds as one word; a dictionary cannot list them all.
_COMPOUNDING = frozenset({"sv", "de", "nl", "da", "nb", "nn", "no", "is", "fo", "af", "lb"})
# Languages that stack suffixes: a dictionary lists a stem's common forms, not all.
_AGGLUTINATIVE = frozenset({"tr", "az", "tk", "uz", "kk", "ky", "tt", "ba", "fi", "et", "hu", "eu"})
_LOANWORD_LANGUAGE = "en"
# Scripts that write consonant roots (abjads): so many one-letter variants of a word are
# words too that a close dictionary word is weak evidence of a typo; reported as info.
_DENSE_SCRIPTS = frozenset({"Arabic", "Hebrew"})
# Two-edit candidates grow with the square of the length; longer words get one edit.
_MAX_TWO_EDIT_LETTERS = 16
# Letters a language may write or omit at will: Russian ё is usually printed as е,
# and its dictionaries list the е spelling.
_OPTIONAL_LETTERS = {"ru": str.maketrans("ёЁ", "еЕ"), "be": str.maketrans("ёЁ", "еЕ")}


def _is_word_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] == "L" or cat[0] == "M"


def words(text: str) -> list[tuple[int, str]]:
    """(offset, word) for every word: letters and combining marks, with inner
    apostrophes and hyphens kept ("dell'esperienza", "CS-team"). Digits end nothing
    here: a word touching a digit is dropped by the caller."""
    text = _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)
    out = []
    i, n = 0, len(text)
    while i < n:
        if not _is_word_char(text[i]):
            i += 1
            continue
        start = i
        while i < n and (
            _is_word_char(text[i])
            or (text[i] in _JOINERS and i + 1 < n and _is_word_char(text[i + 1]) and i > start)
            or text[i].isdigit()
        ):
            i += 1
        out.append((start, text[start:i]))
    return out


def _sentence_initial(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before[-1] in _SENTENCE_END


def _bracketed_suffix(text: str, offset: int) -> bool:
    """An optional ending written in brackets right after its word: "ürün(leri)"."""
    return offset >= 2 and text[offset - 1] in "([" and text[offset - 2].isalpha()


def _skip_shape(word: str) -> bool:
    """Shapes that are never ordinary words: digits, acronyms, CamelCase brands."""
    if any(ch.isdigit() for ch in word):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    uppers = sum(1 for ch in letters if ch.isupper())
    if uppers >= 2 and uppers * 2 >= len(letters):  # CX, CSM, NATO, SaaS
        return True
    return any(ch.isupper() for ch in word[1:] if ch.isalpha())  # iPhone, McCue


# -- names across scripts -------------------------------------------------------------

_TO_LATIN = str.maketrans({
    **dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяё",
               ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu",
                "ya", "e"])),
    **dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئپچڤگ",
               ["a", "b", "t", "t", "g", "h", "k", "d", "d", "r", "z", "s", "sh", "s", "d",
                "t", "z", "a", "g", "f", "k", "k", "l", "m", "n", "h", "u", "i", "a", "a",
                "a", "a", "a", "a", "u", "i", "p", "ch", "v", "g"])),
})
_SKELETON_CLASSES = str.maketrans({
    **{v: "a" for v in "aeiouyw"},
    "p": "b", "v": "f", "c": "k", "g": "k", "j": "k", "q": "k", "x": "k",
    "d": "t", "z": "s", "h": "",
})


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A rough sound shape, equal across scripts for most transliterated names:
    Richardson, Ричардсон and ريتشاردسون all give "rasartsan"."""
    latin = unicodedata.normalize("NFKD", word.casefold().translate(_TO_LATIN))
    latin = "".join(ch for ch in latin if "a" <= ch <= "z")
    latin = re.sub(r"ch(?=[rl])", "k", latin)
    for a, b in (("tch", "s"), ("sch", "s"), ("ch", "s"), ("sh", "s"), ("ph", "f"),
                 ("th", "t"), ("kh", "k"), ("gh", "k"), ("ck", "k")):
        latin = latin.replace(a, b)
    latin = latin.translate(_SKELETON_CLASSES)
    return re.sub(r"(.)\1+", r"\1", latin)


def _same_name(a: str, b: str, strict: bool = False) -> bool:
    """Skeletons close enough to be one name: same first sound, 80% alike (90% when
    ``strict``, for lower-case words: a loanword, not a cognate with a typo in it)."""
    if not a or not b or a[0] != b[0]:
        return False
    if min(len(a), len(b)) <= 3:
        return a == b
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= (0.9 if strict else 0.8)


# -- the typo signature ---------------------------------------------------------------

class _Checker:
    """Spelling decisions for one document's language, with the group's evidence."""

    def __init__(self, view: GroupView, doc: Document):
        self.view = view
        self.doc = doc
        self.lang = doc.base_language
        self.dictionary = _hunspell.load(doc.language)
        self._other_languages = [lang for lang in view.documents if lang != doc.language]
        if self.lang != _LOANWORD_LANGUAGE:
            self._other_languages.append(_LOANWORD_LANGUAGE)
        self._others: list | None = None
        self.scripts = scripts_of(doc.language)
        t = view.settings.thresholds
        self.min_letters = t.spelling_min_letters
        self.name_min_letters = t.spelling_name_min_letters
        self.long_word = t.spelling_long_word

    def known(self, word: str) -> bool:
        """The language, a split of the word, or another language has it."""
        d = self.dictionary
        optional = _OPTIONAL_LETTERS.get(self.lang)
        if optional:
            word = word.translate(optional)
        if d.knows(word, unwritable=True):
            return True
        if self.lang in _CLITICS and self._without_clitics(word):
            return True
        if self._compound(word):
            return True
        return any(o.knows(word) for o in self.other_dictionaries())

    def other_dictionaries(self) -> list:
        """The other translations' dictionaries and English (loanwords), loaded only
        once a word gets this far."""
        if self._others is None:
            found = (_hunspell.load(lang) for lang in self._other_languages)
            self._others = [d for d in found if d is not None and d is not self.dictionary]
        return self._others

    def _without_clitics(self, word: str) -> bool:
        prefixes, suffixes = _CLITICS[self.lang]
        stems = {word}
        for p in prefixes:
            if word.startswith(p) and len(word) - len(p) >= 2:
                stems.add(word[len(p):])
        for stem in list(stems):
            for s in suffixes:
                if stem.endswith(s) and len(stem) - len(s) >= 2:
                    stems.add(stem[: -len(s)])
        stems.discard(word)
        return any(self.dictionary.knows(s) for s in stems)

    def _compound(self, word: str, depth: int = 0) -> bool:
        """Head + tail, both known words of 3+ letters (Turkish tam + sayı); in languages
        that compound freely the head may also be a stem once a linking letter is dropped
        or a final vowel restored (Swedish varu- + märka)."""
        d = self.dictionary
        lower = word.lower()
        free = self.lang in _COMPOUNDING
        for cut in range(3, len(lower) - 2):
            head, tail = lower[:cut], lower[cut:]
            if not d.knows(tail) and not (
                free and depth < 3 and len(tail) >= 6 and self._compound(tail, depth + 1)
            ):
                continue
            if not (free or self.lang in _AGGLUTINATIVE) and min(len(head), len(tail)) < 4:
                continue  # short parts join by chance in languages that rarely compound
            heads = {head}
            if free:
                heads |= {head + "a", head + "e", head[:-1], head[:-1] + "a", head[:-1] + "e"}
            if any(len(h) >= 3 and d.knows(h) for h in heads):
                return True
        return False

    def correction(self, word: str, alphabet: str) -> str | None:
        """The nearest dictionary word when ``word`` has a typo's signature, else None.

        Candidates are generated, not asked of Hunspell's suggester (seconds a word
        for Turkish): every single edit, and for long words a single edit followed by
        one deletion or swap, covering doubled, dropped, swapped and replaced letters.
        """
        lower = word.lower()
        restore = word[0] if word[0].isupper() else ""
        found = []
        first = _edits(lower, alphabet)
        for cand in sorted(first):
            if self._accepts(cand, restore):
                found.append(cand)
        if not found and self.long_word <= len(word) <= _MAX_TWO_EDIT_LETTERS:
            second = set()
            for cand in first:
                second.update(_deletes_and_swaps(cand))
            second -= first
            second.discard(lower)
            for cand in sorted(second):
                if self._accepts(cand, restore):
                    found.append(cand)
        stem = self._known_stem(lower)
        for cand in found:
            if abs(len(cand) - len(lower)) <= 1 and not _inflection(lower, cand, stem):
                return restore + cand[1:] if restore and cand[:1] == lower[:1] else cand
        return None

    def _known_stem(self, lower: str) -> int:
        """In an agglutinative language, the length of the shortest known word of 4+
        letters that begins ``lower`` (0: none, or another kind of language)."""
        if self.lang not in _AGGLUTINATIVE:
            return 0
        for cut in range(4, len(lower) - 1):
            if self.dictionary.knows(lower[:cut]):
                return cut
        return 0

    def _accepts(self, cand: str, restore: str) -> bool:
        if len(cand) < 3:
            return False
        d = self.dictionary
        if d.knows(cand):
            return True
        return bool(restore) and cand[:1] == restore.lower() and d.knows(restore + cand[1:])


def _edits(word: str, alphabet: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = set()
    for a, b in splits:
        if b:
            out.add(a + b[1:])
            for ch in alphabet:
                if ch != b[0]:
                    out.add(a + ch + b[1:])
        if len(b) > 1:
            out.add(a + b[1] + b[0] + b[2:])
        for ch in alphabet:
            out.add(a + ch + b)
    out.discard(word)
    return out


def _deletes_and_swaps(word: str) -> set[str]:
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out.update(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    return out


def _inflection(word: str, correction: str, stem: int) -> bool:
    """Forms of one word that a dictionary may not list, not a typo: one is the other
    with an affix (raporlamaz / raporlama), they differ only in their final letter, or
    (agglutinative languages) they part only after a known word that begins them
    (platform-unuzda / platform-umuzda)."""
    if word in correction or correction in word:
        return True
    common = 0
    for x, y in zip(word, correction):
        if x != y:
            break
        common += 1
    if len(word) == len(correction) and common == len(word) - 1:
        return True
    return common >= stem > 0


def novel_trigrams(word: str, seen: set[str]) -> bool:
    """Whether ``word`` has a letter trigram that no accepted word of its document has:
    a typo makes letter sequences the language does not write ("nnt" in Başkannte)."""
    padded = f"^{word.lower()}$"
    return any(padded[i : i + 3] not in seen for i in range(len(padded) - 2))


def _trigrams(vocabulary) -> set[str]:
    out = set()
    for w in vocabulary:
        padded = f"^{w}$"
        out.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return out


def _group_vocabulary(view: GroupView) -> dict[str, set[str]]:
    """Every word of every document, case-folded, by language."""
    out = {}
    for lang, doc in view.documents.items():
        vocab = set()
        for seg in doc.segments:
            for _, w in words(seg.text):
                vocab.add(w.casefold())
                vocab.update(p.casefold() for p in re.split(r"['’ʼ‘\-‐]", w) if p)
        out[lang] = vocab
    return out


def _usage(doc: Document) -> dict[str, set[str]]:
    """For each word of a document, the distinct paragraphs (by normalised text, so a
    duplicated block counts once) that use it."""
    out: dict[str, set[str]] = {}
    for seg in doc.segments:
        key = normalise(seg.text)
        for _, w in words(seg.text):
            for part in {w, *re.split(r"['’ʼ‘\-‐]", w)}:
                if part:
                    out.setdefault(part.casefold(), set()).add(key)
    return out


def _termbase_words(view: GroupView) -> set[str]:
    """Every word of every term of the group's termbase, in any language."""
    try:
        from transcheck.terms import GlossaryError, termbase_for

        termbase = termbase_for(view)
    except (ImportError, OSError):
        return set()
    except GlossaryError:
        return set()  # the terminology rule reports an unreadable glossary
    if termbase is None:
        return set()
    out = set()
    for concept in termbase.concepts:
        for terms in concept.terms.values():
            for term in terms:
                for _, w in words(term.text):
                    out.add(w.casefold())
                    out.update(p.casefold() for p in re.split(r"['’ʼ‘\-‐]", w) if p)
    return out


def _row_names(view: GroupView, doc: Document, seg_index: int) -> set[tuple[str, str]]:
    """(script, skeleton) of the words in the other cells of this segment's row."""
    r = view.row_of.get((doc.language, seg_index))
    if r is None:
        return set()
    row = view.rows[r]
    out = set()
    for lang in row.present():
        if lang == doc.language:
            continue
        for _, w in words(view.cell_text(row, lang)):
            for part in re.split(r"['’ʼ‘\-‐]", w):
                if len(part) < 3:
                    continue
                sk = skeleton(part)
                if sk:
                    out.add((char_script(part[0]) or "", sk))
    return out


def _parts(word: str) -> list[str]:
    """What to look up in a joined word: each hyphen-joined part; across an apostrophe,
    the host word: the part after a short elided word (Italian dell'esperienza,
    French qu'il), else the part before a suffix (Turkish Guru'da, English John's)."""
    out = []
    for piece in re.split(r"[\-‐]", word):
        pieces = re.split(r"['’ʼ‘]", piece)
        if len(pieces) > 1:
            piece = pieces[-1] if len(pieces[0]) <= 4 else pieces[0]
        if piece:
            out.append(piece)
    return out


def check(view: GroupView):
    if not _hunspell.engine_available():
        return
    vocabulary = None
    for doc in view.documents.values():
        if _hunspell.load(doc.language) is None:
            continue
        if vocabulary is None:
            vocabulary = _group_vocabulary(view)
            terms = _termbase_words(view)
        checker = _Checker(view, doc)
        accepted = {
            w.lower()
            for w in vocabulary[doc.language]
            if len(w) >= 3 and not any(ch.isdigit() for ch in w) and checker.dictionary.knows(w)
        }
        seen = _trigrams(accepted)
        usage = _usage(doc)
        term_uses = view.settings.thresholds.spelling_term_min_segments
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
                if _bracketed_suffix(seg.text, offset):
                    continue
                initial = _sentence_initial(seg.text, offset)
                for part in _parts(token):
                    if len(part) < checker.min_letters or _skip_shape(part):
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
                        row_names = _row_names(view, doc, seg.index)
                    sk, script = skeleton(part), char_script(part[0])
                    strict = part[0].islower()
                    if any(_same_name(sk, o, strict) for s, o in row_names if s != script):
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
                        finding = replace(finding, severity=Severity.INFO)
                    yield finding


RULE = Rule(
    code="TC603",
    name="spelling",
    category=Category.SPELLING,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
    default=False,
)
