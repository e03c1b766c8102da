"""Finding glossary terms in running text, through inflection.

Every word is compared by its Snowball stem (PyStemmer: Arabic, Turkish,
Russian, Swedish, Italian and thirty more). A text word matches a term word when

- their stems are equal (``квадратами`` / ``квадрат``), or
- the text word's stem extends a term stem of at least four letters
  (``مستطيلات`` → ``مستطيلا`` extends ``مستطيل``), or
- the text word starts with the whole term word, for agglutinative suffixes the
  stemmer does not undo (Turkish ``deneyimidir`` / ``deneyim``, Russian ``опытом`` /
  ``опыт``).

Arabic writes the conjunctions و ف and the prepositions ب ل ك as prefixes of the next
word; the Snowball Arabic stemmer removes ``ال`` and ``بال`` but leaves ``والمربعات``,
``لدعم`` or ``فالتجربة`` intact, so those clitics are split off first.

A multi-word term matches its words in order with at most two other words between
consecutive ones (``esperienza complessiva del cliente``); its inner words of three
letters or fewer (``del``, ``of``) are optional. Where matches overlap, the tightest
wins; a looser match survives only if it has a word of its own and shares none with
a match of its own concept (``поддержкой/обслуживанием клиентов`` holds both support
and service). Do-not-translate terms (brands) match exactly
and case-sensitively, without stemming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transcheck.model import base_language
from transcheck.terms import Concept, Term, Termbase

STEMMERS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "nb": "norwegian", "nn": "norwegian", "no": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "st": "sesotho", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}
MAX_GAP = 2
# Term words are indexed by at most this many first letters; longer ones are checked
# in full once found (a long word costs no more than this to look up).
_PREFIX = 32
# Latin letters and digits are a word of their own where they meet another script
# without a space ("FastAPIは", "Guruの"): Japanese and Chinese write no spaces.
_WORD = re.compile(r"[0-9A-Za-z\u00C0-\u024F]+|[^\W_0-9A-Za-z\u00C0-\u024F]+")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words with their character spans. Apostrophes and hyphens separate words, so
    ``Guru'da``, ``dell'esperienza`` and ``Guru-plattformen`` expose their stems."""
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def lower(word: str, language: str) -> str:
    if language in ("tr", "az"):
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower()


@lru_cache(maxsize=64)
def _stemmer(language: str):
    name = STEMMERS.get(language)
    if name is None:
        return None
    # PyStemmer: the Snowball project's stemmers compiled to C, the same stems as the
    # pure-Python snowballstemmer package and about a hundred times faster.
    import Stemmer

    return Stemmer.Stemmer(name)


def _clitic_forms(word: str) -> list[str]:
    forms = [word]
    if len(word) > 3 and word[0] in "وف":
        forms.append(word[1:])
    for w in list(forms):
        if len(w) > 3 and w[0] in "بلك":
            forms.append(w[1:])
            if w.startswith("لل") and len(w) > 4:
                forms.append("ال" + w[2:])
    # The article too: the stemmer's own prefix rules are erratic on short words
    # ("بطارية" loses its first letter, "الضمان" becomes "الضم").
    forms += [w[2:] for w in forms if w.startswith("ال") and len(w) > 4]
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=200_000)
def word_forms(word: str, language: str) -> tuple[str, tuple[str, ...]]:
    """(lower-cased word, its candidate stems)."""
    low = lower(word, language)
    stemmer = _stemmer(language)
    forms = _clitic_forms(low) if language == "ar" else [low]
    if stemmer is None:
        return low, tuple(forms)
    return low, tuple(dict.fromkeys(s for f in forms for s in (stemmer.stemWord(f), f)))


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # lower-cased
    stem: str
    optional: bool

    def matches(self, low: str, stems: tuple[str, ...]) -> bool:
        # Matcher.candidates finds, by index, every pattern whose first word can match
        # a token: a new way to match here needs its lookup there.
        if len(self.text) >= 3 and low.startswith(self.text):
            return True
        for s in stems:
            if s == self.stem or s == self.text or (len(self.stem) >= 4 and s.startswith(self.stem)):
                return True
        return False


@dataclass(frozen=True)
class Hit:
    concept: Concept
    term: Term
    start: int  # character span in the text
    end: int
    first: int  # token span, inclusive
    last: int
    surface: str


class Matcher:
    """The terms of one termbase in one language, ready to be found in text."""

    def __init__(self, termbase: Termbase, language: str):
        self.language = language
        base = base_language(language).lower()
        self.base = base
        self._stemmer = stemmer = _stemmer(base)
        # Every term is indexed by its first word (never optional); the rest of its
        # words are read when a text first has a token that word may match, so a large
        # termbase costs one word per term to prepare.
        self.patterns: list[tuple[Concept, Term, bool]] = []  # (concept, term, exact)
        self._words: dict[int, tuple | None] = {}
        self._exact: dict[str, list[int]] = {}
        self._by_text: dict[str, list[int]] = {}  # the word, and its first _PREFIX letters
        self._by_stem: dict[str, list[int]] = {}
        text_lengths, stem_lengths = set(), set()
        for concept in termbase.concepts:
            for term in concept.terms_for(language):
                first = _WORD.search(term.text)
                if first is None:
                    continue
                p = len(self.patterns)
                self.patterns.append((concept, term, concept.do_not_translate))
                if concept.do_not_translate:
                    self._exact.setdefault(first.group(), []).append(p)
                    continue
                low = lower(first.group(), base)
                stem = stemmer.stemWord(low) if stemmer else low
                self._by_text.setdefault(low, []).append(p)
                self._by_stem.setdefault(stem, []).append(p)
                if len(low) >= 3:
                    text_lengths.add(min(len(low), _PREFIX))
                    if len(low) > _PREFIX:
                        self._by_text.setdefault(low[:_PREFIX], []).append(p)
                if len(stem) >= 4:
                    stem_lengths.add(min(len(stem), _PREFIX))
                    if len(stem) > _PREFIX:
                        self._by_stem.setdefault(stem[:_PREFIX], []).append(p)
        self._text_lengths = sorted(text_lengths)
        self._stem_lengths = sorted(stem_lengths)

    def words(self, p: int) -> tuple:
        """Pattern ``p``'s words: the exact words of a do-not-translate term, else a
        ``_Word`` (lower case, stem, optional) per word."""
        if p in self._words:
            return self._words[p]
        concept, term, exact = self.patterns[p]
        words = [w for w, _, _ in tokens(term.text)]
        if exact:
            out = tuple(words)
        else:
            base, stemmer, parts = self.base, self._stemmer, []
            for k, w in enumerate(words):
                low = lower(w, base)
                stem = stemmer.stemWord(low) if stemmer else low
                optional = 0 < k < len(words) - 1 and len(low) <= 3
                parts.append(_Word(low, stem, optional))
            if all(w.optional for w in parts):
                parts = [_Word(w.text, w.stem, False) for w in parts]
            out = tuple(parts)
        self._words[p] = out
        return out

    def candidates(self, toks, forms) -> list[tuple[int, int]]:
        """(pattern, token) pairs where the pattern's first word may match, in pattern
        order then token order (the order a scan of every pattern would find them)."""
        out = set()
        for i, ((low, stems), (word, _, _)) in enumerate(zip(forms, toks)):
            found = set(self._exact.get(word, ()))
            for n in self._text_lengths:
                if n > len(low):
                    break
                found.update(self._by_text.get(low[:n], ()))
            for s in stems:
                found.update(self._by_text.get(s, ()))
                found.update(self._by_stem.get(s, ()))
                for n in self._stem_lengths:
                    if n > len(s):
                        break
                    found.update(self._by_stem.get(s[:n], ()))
            out.update((p, i) for p in found)
        return sorted(out)

    def find(self, text: str) -> list[Hit]:
        return list(_find(self, text))

    def _match_at(self, words, toks, forms, i) -> tuple[int, ...] | None:
        """The token indices of the required words of a match starting at token ``i``."""
        required = [w for w in words if not w.optional]
        if not required[0].matches(*forms[i]):
            return None
        pos = [i]
        for w in required[1:]:
            for j in range(pos[-1] + 1, min(len(toks), pos[-1] + 2 + MAX_GAP)):
                if w.matches(*forms[j]):
                    pos.append(j)
                    break
            else:
                return None
        return tuple(pos)


@lru_cache(maxsize=20_000)
def _find(matcher: Matcher, text: str) -> tuple[Hit, ...]:
    toks = tokens(text)
    if not toks:
        return ()
    forms = [word_forms(t, matcher.base) for t, _, _ in toks]
    found = []
    for p, i in matcher.candidates(toks, forms):
        concept, term, exact = matcher.patterns[p]
        words = matcher.words(p)
        n = len(words)
        if exact:
            if tuple(t for t, _, _ in toks[i : i + n]) == words:
                found.append((tuple(range(i, i + n)), concept, term))
            continue
        pos = matcher._match_at(words, toks, forms, i)
        if pos is not None:
            found.append((pos, concept, term))
    # More words first ("customer support" beats a "support" concept inside it), then
    # fewer gaps, then leftmost. A match whose words are all taken is dropped.
    found.sort(key=lambda h: (-len(h[0]), h[0][-1] - h[0][0], h[0][0]))
    taken: dict[int, Concept] = {}
    hits = []
    for pos, concept, term in found:
        if all(k in taken for k in pos) or any(taken.get(k) is concept for k in pos):
            continue
        taken.update((k, concept) for k in pos)
        first, last = pos[0], pos[-1]
        start, end = toks[first][1], toks[last][2]
        hits.append(Hit(concept, term, start, end, first, last, text[start:end]))
    hits.sort(key=lambda h: h.first)
    return tuple(hits)


@lru_cache(maxsize=256)
def matcher_for(termbase: Termbase, language: str) -> Matcher:
    return Matcher(termbase, language)
