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
when the configuration is read (``pattern_error``): a pattern that does not compile,
matches the empty string, or can backtrack catastrophically is refused. The last is
decided on the parsed pattern: a repeated part (``*``, ``+``, ``{2,}``) may not hold
another repeat or an alternation unless each repetition starts with a fixed
character the inner part cannot match (``(\\.\\d+)*`` is accepted: every repetition
starts with a dot, which ``\\d`` never matches; ``(a+)+``, ``(\\w+\\s?)*`` and
``(a|ab)*`` are refused, and so is ``(\\w{1,5})+``, bounded or not). A refused pattern
can nearly always be written with a separated repeat instead.
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
        extra = [t.text for c in termbase.concepts if c.do_not_translate for ts in c.terms.values() for t in ts]
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
        have = {t.text for c in termbase.concepts if c.do_not_translate for ts in c.terms.values() for t in ts}
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


def pattern_error(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a do-not-translate pattern, or None."""
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return f"not a regular expression: {exc}"
    if compiled.fullmatch("") is not None:
        return "matches the empty string"
    from re import _parser as parser  # the stdlib's own parse of the pattern

    problem = _risky(parser.parse(pattern), None)
    if problem:
        return (f"{problem} can backtrack catastrophically; start each repetition with a "
                "character the inner part cannot match, as in (\\.\\d+)*")
    return None


_REPEATS = None


def _repeat_ops():
    global _REPEATS
    if _REPEATS is None:
        from re import _constants as c

        _REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    return _REPEATS


def _risky(items, outer) -> str | None:
    """The first nested repeat or alternation inside a repeat that is not separated by
    a fixed first character, or None. ``outer``: the enclosing repeat's body."""
    from re import _constants as c

    for op, av in items:
        if op in _repeat_ops():
            low, high, body = av
            if outer is not None and high != 1 and not _separated(outer, body):
                return "a repeat inside a repeat"
            inner = body if high == c.MAXREPEAT or high > 1 else outer
            if problem := _risky(body, inner):
                return problem
        elif op is c.BRANCH:
            if outer is not None and not _disjoint(av[1]):
                return "an alternation inside a repeat"
            for branch in av[1]:
                if problem := _risky(branch, outer):
                    return problem
        elif op is c.SUBPATTERN:
            if problem := _risky(av[3], outer):
                return problem
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if problem := _risky(av[1], outer):
                return problem
        elif op is getattr(c, "ATOMIC_GROUP", None):
            continue  # an atomic group never backtracks into itself
    return None


def _separated(outer, inner) -> bool:
    """Whether every repetition of ``outer`` starts with a fixed character that the
    nested part ``inner`` cannot match (None: nothing may follow unseparated)."""
    from re import _constants as c

    first = list(outer)[:1]
    while first and first[0][0] is c.SUBPATTERN:
        first = list(first[0][1][3])[:1]
    chars = _fixed_chars(first[0]) if first else None
    if not chars:
        return False
    if inner is None:
        return True
    return not any(_can_match(inner, ch) for ch in chars)


def _disjoint(branches) -> bool:
    """Whether each alternative starts with fixed characters no other one starts with,
    so a repetition never has two ways to go on."""
    from re import _constants as c

    seen: set[str] = set()
    for branch in branches:
        first = list(branch)[:1]
        while first and first[0][0] is c.SUBPATTERN:
            first = list(first[0][1][3])[:1]
        chars = _fixed_chars(first[0]) if first else None
        if not chars or seen & set(chars):
            return False
        seen |= set(chars)
    return True


def _fixed_chars(item) -> list[str] | None:
    """The characters a literal or a small positive class matches, else None."""
    from re import _constants as c

    op, av = item
    if op is c.LITERAL:
        return [chr(av)]
    if op is not c.IN:
        return None
    out: list[str] = []
    for kind, value in av:
        if kind is c.LITERAL:
            out.append(chr(value))
        elif kind is c.RANGE and value[1] - value[0] < 256:
            out.extend(chr(v) for v in range(value[0], value[1] + 1))
        else:
            return None
    return out


def _can_match(items, ch: str) -> bool:
    """Whether any single-character item of ``items`` (recursively) may match ``ch``;
    unknown constructs count as matching, to stay on the safe side."""
    from re import _constants as c

    for op, av in items:
        if op is c.LITERAL:
            if chr(av) == ch:
                return True
        elif op is c.NOT_LITERAL or op is c.ANY:
            if op is c.ANY or chr(av) != ch:
                return True
        elif op is c.IN:
            if re.fullmatch(_class_source(av), ch):
                return True
        elif op in _repeat_ops():
            if _can_match(av[2], ch):
                return True
        elif op is c.SUBPATTERN:
            if _can_match(av[3], ch):
                return True
        elif op is c.BRANCH:
            if any(_can_match(b, ch) for b in av[1]):
                return True
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        else:
            return True
    return False


def _class_source(av) -> str:
    """A character class rebuilt from its parsed items."""
    from re import _constants as c

    categories = {
        c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W",
    }
    out = ""
    for op, value in av:
        if op is c.NEGATE:
            out += "^"
        elif op is c.LITERAL:
            out += re.escape(chr(value))
        elif op is c.RANGE:
            out += f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
        elif op is c.CATEGORY:
            out += categories.get(value, r"\s\S")
        else:
            out += r"\s\S"
    return f"[{out}]"
