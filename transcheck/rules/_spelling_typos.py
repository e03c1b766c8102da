"""The typo signature of the spelling rule (TC603): whether a word is known (to its
language's dictionary, split into known words, without its clitics, or to another
translation's language), and the dictionary word it is a slip of, found by generating
every word one or two edits away."""

from __future__ import annotations

from transcheck.langid.script import scripts_of
from transcheck.model import Document
from transcheck.rules import _hunspell
from transcheck.rules._morphology import AGGLUTINATIVE, CLITICS, COMPOUNDING, OPTIONAL_LETTERS
from transcheck.rules.base import GroupView

_LOANWORD_LANGUAGE = "en"
# Two-edit candidates grow with the square of the length; longer words get one edit.
_MAX_TWO_EDIT_LETTERS = 16


class Checker:
    """Spelling decisions for one document's language, with the group's evidence."""

    def __init__(self, view: GroupView, doc: Document, options):
        self.view = view
        self.doc = doc
        self.lang = doc.base_language
        self.dictionary = _hunspell.load(doc.language)
        self._other_languages = [lang for lang in view.documents if lang != doc.language]
        if self.lang != _LOANWORD_LANGUAGE:
            self._other_languages.append(_LOANWORD_LANGUAGE)
        self._others: list | None = None
        self.scripts = scripts_of(doc.language)
        t = options
        self.min_letters = t.spelling_min_letters
        self.name_min_letters = t.spelling_name_min_letters
        self.long_word = t.spelling_long_word

    def known(self, word: str) -> bool:
        """The language, a split of the word, or another language has it."""
        d = self.dictionary
        optional = OPTIONAL_LETTERS.get(self.lang)
        if optional:
            word = word.translate(optional)
        if d.knows(word, unwritable=True):
            return True
        if self.lang in CLITICS and self._without_clitics(word):
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
        prefixes, suffixes = CLITICS[self.lang]
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
        free = self.lang in COMPOUNDING
        for cut in range(3, len(lower) - 2):
            head, tail = lower[:cut], lower[cut:]
            if not d.knows(tail) and not (
                free and depth < 3 and len(tail) >= 6 and self._compound(tail, depth + 1)
            ):
                continue
            if not (free or self.lang in AGGLUTINATIVE) and min(len(head), len(tail)) < 4:
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
        if self.lang not in AGGLUTINATIVE:
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
