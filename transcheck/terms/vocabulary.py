"""The project vocabulary: what a team keeps as it is in its translations.

Declared once, in the configuration (``do-not-translate``, ``do-not-translate-
patterns``, ``[accepted-english]``) or in the glossary (a concept marked
do-not-translate). Three kinds of entry:

- *do-not-translate terms* ("FastAPI", "Pydantic") stay as written in every language;
  a translation that transliterates or translates one is a terminology finding (TC501
  reads them as do-not-translate concepts of the termbase, ``with_termbase``);
- *do-not-translate patterns* (``\\bv\\d+(\\.\\d+)*\\b``) are regular expressions for
  the same, such as version numbers or command names;
- *accepted English words* per language ("endpoint", "request" in Hindi; ``"*"`` for
  every language) are allowed to stay in English, without being required to.

Language identification and the untranslated and mixed-language checks do not count
any of them as foreign words (``Keep.mask``).

Matching: a term or word written with a capital letter matches as written ("API" is
not the Italian "api"); one written in lower case matches in any case ("endpoint",
"Endpoint"). Either may take an English plural or possessive ending (APIs,
FastAPI's; the German genitive FastAPIs too), and the words of a term may be joined by
spaces or hyphens (JSON-Schema). Terms match as whole words.

Patterns are user regular expressions run on every prose segment, so they are checked
when the configuration is read (``terms.patterns.pattern_error``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transcheck.model import base_language

ALL_LANGUAGES = "*"
# An English plural or possessive on a kept word: APIs, FastAPI's, endpoints.
_ENDING = r"(?:'s|’s|s|es)?"


@dataclass(frozen=True)
class Vocabulary:
    """What stays as written: frozen and small, so it travels to worker processes in
    the settings; the compiled matchers are built per process and cached."""

    do_not_translate: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # regular expressions, validated by pattern_error
    accepted: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language or "*", words)

    def __bool__(self) -> bool:
        return bool(self.do_not_translate or self.patterns or self.accepted)

    def keep(self, language: str) -> Keep:
        """The matcher of what may stay as written in ``language``: the do-not-translate
        terms and patterns and the language's accepted English words."""
        return _keep(self, language.lower())

    def accepted_for(self, language: str) -> tuple[str, ...]:
        lang = language.lower()
        base = base_language(lang).lower()
        return tuple(w for key, words in self.accepted if key in (ALL_LANGUAGES, lang, base) for w in words)

    def with_glossary(self, termbase) -> Vocabulary:
        """This vocabulary plus the terms of the glossary's do-not-translate concepts."""
        if termbase is None:
            return self
        extra = termbase.do_not_translate
        if not extra:
            return self
        return Vocabulary(tuple(dict.fromkeys(self.do_not_translate + tuple(extra))), self.patterns, self.accepted)


_CONFIGURED = "do-not-translate:"


def written(terms, text: str) -> bool:
    """Whether one of the (do-not-translate) ``terms`` is in ``text`` as the vocabulary
    matches it: whole words, with an English or German -s ending, words joined by
    spaces or hyphens, lower-case terms in any case."""
    return any(_compiled(t.text).search(text) for t in terms if t.text.strip())


@lru_cache(maxsize=4096)
def _compiled(term: str) -> re.Pattern:
    return re.compile(_term_regex(term))


def origin(concept) -> str:
    """Where a do-not-translate concept was declared, for messages."""
    return "the configuration" if concept.id.startswith(_CONFIGURED) else "the glossary"


@lru_cache(maxsize=16)
def with_vocabulary(termbase, vocabulary: Vocabulary):
    """The termbase plus a do-not-translate concept for each of the vocabulary's terms
    it lacks, so the terminology rule (TC501) holds translations to them as it does to
    the glossary's own do-not-translate names. None when there is neither."""
    from transcheck.terms import PREFERRED, Concept, Term, Termbase

    have = set()
    if termbase is not None:
        have = set(termbase.do_not_translate)
    extra = tuple(
        Concept(id=f"{_CONFIGURED}{term}", terms={"en": (Term(term, PREFERRED),)}, do_not_translate=True)
        for term in vocabulary.do_not_translate if term not in have
    )
    if not extra:
        return termbase
    if termbase is None:
        return Termbase(path="do-not-translate", concepts=extra)
    return Termbase(path=termbase.path, concepts=termbase.concepts + extra)


class Keep:
    """Finds, in a text, the spans that stay as written."""

    def __init__(self, regex: re.Pattern | None):
        self._regex = regex

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._regex is None:
            return []
        return [m.span() for m in self._regex.finditer(text) if m.end() > m.start()]

    def mask(self, text: str, fill: str = " ") -> str:
        """``text`` with every kept span blanked, character for character, so offsets
        hold (``fill="·"`` also breaks a run of words the span sat in)."""
        if self._regex is None:
            return text
        return self._regex.sub(lambda m: fill * len(m.group()), text)

    def only(self, text: str) -> bool:
        """Whether ``text`` holds something kept and no other letter: a line of names
        and versions, kept on purpose."""
        if self._regex is None:
            return False
        masked = self.mask(text)
        return masked != text and not any(ch.isalpha() for ch in masked)


# A Latin term ends where Latin letters do: "FastAPIは" holds "FastAPI", since Japanese
# and Chinese put no space between words.
_LATIN = r"0-9A-Za-z\u00C0-\u024F"


def _term_regex(term: str) -> str:
    term = " ".join(term.split())
    body = re.escape(term).replace(r"\ ", r"[\s-]+")
    flags = "" if any(ch.isupper() for ch in term) else "(?i:"
    inner = f"{flags}{body}{_ENDING})" if flags else f"{body}{_ENDING}"
    before = rf"(?<![{_LATIN}])" if re.match(rf"[{_LATIN}]", term) else r"(?<!\w)"
    after = rf"(?![{_LATIN}])" if re.search(rf"[{_LATIN}]$", term) else r"(?!\w)"
    return before + inner + after


@lru_cache(maxsize=64)
def _keep(vocabulary: Vocabulary, language: str) -> Keep:
    words = vocabulary.do_not_translate + vocabulary.accepted_for(language)
    # Longer terms first, so "FastAPI CLI" wins over "FastAPI".
    parts = [_term_regex(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w.strip()]
    parts += [f"(?:{p})" for p in vocabulary.patterns]
    return Keep(re.compile("|".join(parts)) if parts else None)
