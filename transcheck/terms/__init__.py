"""The termbase: concepts and the accepted terms for each of them, per language.

A glossary is read from ``glossary.tbx`` (TBX, ISO 30042) or ``glossary.csv`` found next
to the documents of a group (the directory of its files or a parent directory, up to the
path given on the command line), or from the file named by ``--glossary``. Matching a
term in running text survives inflection: ``match.py`` compares Snowball stems.

A glossary is untrusted input like the documents: a regular file (a FIFO or device in
its place is refused, not waited on) of at most 50 MB, with at most ``MAX_CONCEPTS``
concepts, ``MAX_TERMS`` terms and ``MAX_CONCEPT_TERMS`` terms in one concept; the
parsers stop at the first one over. Checked in parallel, it is read once, in the main
process, with what the checks derive from it (``share``), before the workers are
forked: they use those pages of the main process instead of each building its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache

from transcheck.model import base_language

GLOSSARY_NAMES = ("glossary.tbx", "glossary.csv")
MAX_BYTES = 50_000_000
MAX_CONCEPTS = 200_000
MAX_TERMS = 1_000_000
MAX_CONCEPT_TERMS = 1_000

PREFERRED = "preferred"
ADMITTED = "admitted"
DEPRECATED = "deprecated"


class GlossaryError(Exception):
    """A glossary file that cannot be read; reported as an input problem."""

    def __init__(self, path: str, message: str):
        super().__init__(message)
        self.path = path


# Slots: a large termbase holds hundreds of thousands of these.
@dataclass(frozen=True, slots=True)
class Term:
    text: str
    status: str = ADMITTED  # preferred, admitted or deprecated


@dataclass(frozen=True, eq=False, slots=True)  # identity: hashable for caches despite the dict
class Concept:
    id: str
    terms: dict  # language (base code, lower case) -> tuple[Term, ...]
    do_not_translate: bool = False
    note: str = ""

    def label(self, prefer: tuple[str, ...] = ("en",)) -> str:
        """A short human name for messages: the English term, else the concept id."""
        for lang in prefer:
            if self.terms.get(lang):
                return self.terms[lang][0].text
        return self.id

    def terms_for(self, language: str) -> tuple[Term, ...]:
        """Terms for a language; a do-not-translate concept's terms hold everywhere."""
        base = base_language(language).lower()
        own = tuple(self.terms.get(language.lower()) or self.terms.get(base) or ())
        if not self.do_not_translate:
            return own
        out, seen = list(own), {t.text for t in own}
        for terms in self.terms.values():
            for t in terms:
                if t.text not in seen:
                    seen.add(t.text)
                    out.append(t)
        return tuple(out)


class Budget:
    """Counts a glossary's concepts and terms as a parser makes them; a ``GlossaryError``
    at the first one over a limit, before the rest is read."""

    def __init__(self, path: str):
        self.path, self.concepts, self.terms = path, 0, 0

    def add(self, concept_id: str, terms: int) -> None:
        self.concepts += 1
        self.terms += terms
        if terms > MAX_CONCEPT_TERMS:
            shown = concept_id if len(concept_id) <= 40 else concept_id[:36] + "…"
            raise GlossaryError(self.path, f"concept {shown!r} has {terms:,} terms (limit {MAX_CONCEPT_TERMS:,})")
        if self.concepts > MAX_CONCEPTS:
            raise GlossaryError(self.path, f"glossary has more than {MAX_CONCEPTS:,} concepts (the limit)")
        if self.terms > MAX_TERMS:
            raise GlossaryError(self.path, f"glossary has more than {MAX_TERMS:,} terms (the limit)")


@dataclass(frozen=True, eq=False)
class Termbase:
    path: str
    concepts: tuple[Concept, ...]

    def languages(self) -> set[str]:
        return {lang for c in self.concepts for lang in c.terms}

    @cached_property
    def do_not_translate(self) -> tuple[str, ...]:
        """The terms of its do-not-translate concepts, in order, each once (read once:
        every group's vocabulary adds them)."""
        return tuple(dict.fromkeys(t.text for c in self.concepts if c.do_not_translate
                                   for ts in c.terms.values() for t in ts))

    def covers(self, concept: Concept, language: str) -> bool:
        return bool(concept.terms_for(language))

    def __reduce__(self):
        # Sent to worker processes as plain tuples of strings, which pickle in C,
        # instead of one object state per concept and term.
        flat = tuple(
            (c.id, c.do_not_translate, c.note, tuple((lang, tuple((t.text, t.status) for t in terms))
                                                     for lang, terms in c.terms.items()))
            for c in self.concepts
        )
        return _rebuild, (self.path, flat)


def _rebuild(path: str, flat: tuple) -> Termbase:
    return Termbase(path, tuple(
        Concept(cid, {lang: tuple(Term(text, status) for text, status in terms) for lang, terms in langs}, dnt, note)
        for cid, dnt, note, langs in flat
    ))


def load(path: str) -> Termbase:
    """Read a glossary file; raises GlossaryError with a one-line reason."""
    from transcheck.read.contain import read_regular

    try:
        data = read_regular(path, MAX_BYTES)[0]
    except OSError as exc:
        raise GlossaryError(path, f"cannot read glossary: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise GlossaryError(path, "glossary too large (limit 50 MB)")
    if path.lower().endswith(".csv"):
        from transcheck.terms.csv import parse_csv

        concepts = parse_csv(data, path)
    else:
        from transcheck.terms.tbx import parse_tbx

        concepts = parse_tbx(data, path)
    return Termbase(path=path, concepts=tuple(concepts))


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float, size: int) -> Termbase:
    return load(path)


def load_cached(path: str) -> Termbase:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise GlossaryError(path, f"cannot read glossary: {exc.strerror or exc}") from None
    return _load_cached(path, st.st_mtime, st.st_size)


def share(termbase: Termbase | None, vocabulary, languages) -> None:
    """Build, in this process, what checking ``languages`` derives from ``termbase``:
    worker processes forked after it find it in the caches they inherit, and leave the
    pages it lives in shared instead of each building a copy of its own."""
    if termbase is None:
        return
    from transcheck.terms.match import matcher_for
    from transcheck.terms.vocabulary import Vocabulary, with_vocabulary

    vocabulary = (vocabulary or Vocabulary()).with_glossary(termbase)
    merged = with_vocabulary(termbase, vocabulary)
    for language in languages:
        matcher_for(merged, language)
        vocabulary.keep(language)


def _ancestors(path: str) -> list[str]:
    """The directory of ``path`` and its parents as written, never above what the user
    named: a relative path stops at its first component, an absolute one at the
    working directory (or at its own directory when it lies outside it)."""
    directory = os.path.dirname(path)
    if not directory:
        return ["."]
    out = []
    if os.path.isabs(directory):
        cwd = os.getcwd()
        inside = os.path.commonpath([cwd, directory]) == cwd
        d = os.path.normpath(directory)
        while True:
            out.append(d)
            if not inside or d == cwd or os.path.dirname(d) == d:
                break
            d = os.path.dirname(d)
        return out
    d = os.path.normpath(directory)
    while d and d not in (".", os.curdir):
        out.append(d)
        d = os.path.dirname(d)
    # "./docs/x.txt" comes from checking ".", so the working directory is in scope.
    if not out or directory == "." or directory.startswith("./"):
        out.append(".")
    return out


def find_glossary(paths: list[str]) -> str | None:
    """The nearest glossary file for documents at ``paths``, or None."""
    dirs = {d for p in paths for d in _ancestors(p)}
    # Deepest first: a glossary beside the files beats one further up.
    for d in sorted(dirs, key=lambda d: (-len(os.path.normpath(d).split(os.sep)), d)):
        for name in GLOSSARY_NAMES:
            candidate = os.path.join(d, name) if d != "." else name
            if os.path.isfile(candidate):
                return candidate
    return None
