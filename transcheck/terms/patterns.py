"""Do-not-translate patterns: user regular expressions, run on every prose segment, so
checked when the configuration is read (``pattern_error``).

A pattern that does not compile, matches the empty string, is longer than 500
characters, or can backtrack catastrophically is refused. The last is decided on the
parsed pattern, two ways:

- a repeated part (``*``, ``+``, ``{2,}``) may not hold another repeat or an
  alternation unless each repetition starts with a fixed character the inner part
  cannot match (``(\\.\\d+)*`` is accepted: every repetition starts with a dot, which
  ``\\d`` never matches; ``(a+)+``, ``(\\w+\\s?)*`` and ``(a|ab)*`` are refused, and so
  is ``(\\w{1,5})+``, bounded or not);
- two unbounded repeats one after the other may not be able to match the same text,
  with nothing but optional parts, or parts they match too, between them:
  ``\\w*\\w*\\w*x`` (300 characters: 85 s), ``\\w+\\s?\\w+`` and ``.*foo.*`` are
  refused; ``\\d+(?:[.,]\\d+)*`` and ``[^*]*\\*`` are accepted. A possessive first
  repeat (``\\w++``) gives nothing back, so it is accepted.

A refused pattern can nearly always be written with a separated or possessive repeat.
"""

from __future__ import annotations

import re

MAX_PATTERN = 500
# Characters tried when asking whether two parts can match the same character.
_SAMPLE = [chr(c) for c in range(32, 127)] + list(" \t\néßжא١中ー\u0301")


def pattern_error(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a do-not-translate pattern, or None."""
    if len(pattern) > MAX_PATTERN:
        return f"longer than {MAX_PATTERN} characters"
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return f"not a regular expression: {exc}"
    if compiled.fullmatch("") is not None:
        return "matches the empty string"
    from re import _parser as parser  # the stdlib's own parse of the pattern

    parsed = parser.parse(pattern)
    problem = _risky(parsed, None)
    if problem:
        return (f"{problem} can backtrack catastrophically; start each repetition with a "
                "character the inner part cannot match, as in (\\.\\d+)*")
    if _adjacent(list(parsed)):
        return ("two repeats in a row that can match the same text (as in \\w+\\w*) can backtrack "
                "catastrophically; separate them by a character neither matches, or make the first "
                "possessive (\\w++)")
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
            _, high, body = av
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


def _adjacent(items: list) -> bool:
    """Whether the pattern holds an unbounded repeat that may give back what a later
    repeat can take: an ambiguous split, tried every way on failure."""
    return _scan(items, []) is None


def _scan(items: list, pending: list) -> list | None:
    """The bodies of the unbounded repeats that may still give back after ``items``
    (``pending``: those before them), or None at a repeat that can take it."""
    from re import _constants as c

    queue = list(items)
    while queue:
        op, av = queue.pop(0)
        if op is c.SUBPATTERN:
            queue[:0] = list(av[3])
        elif op is c.AT:
            continue
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if _scan(list(av[1]), []) is None:
                return None
        elif op is getattr(c, "ATOMIC_GROUP", None):
            if _scan(list(av), []) is None:
                return None
            pending = []
        elif op is c.BRANCH:
            after = [_scan(list(b), pending) for b in av[1]]
            if any(a is None for a in after):
                return None
            pending = [body for a in after for body in a]
        elif op in _repeat_ops():
            low, high, body = av[0], av[1], list(av[2])
            if high != c.MAXREPEAT:  # a bounded repeat: as its body, perhaps left out
                after = _scan(body, pending)
                if after is None:
                    return None
                pending = pending + after if low == 0 else after
                continue
            if _scan(body, []) is None or any(_overlap(p, body) for p in pending):
                return None
            if op is getattr(c, "POSSESSIVE_REPEAT", None):
                pending = pending if low == 0 else []
            else:
                pending = pending + [body] if low == 0 else [body]
        elif not any(_overlap(p, [(op, av)]) for p in pending):
            pending = []  # one character none of them can match: a separator
    return pending


def _overlap(earlier: list, later: list) -> bool:
    """Whether ``later`` can start with a character ``earlier`` can match."""
    return any(_can_match(earlier, ch) and _first(later, ch)[0] for ch in _SAMPLE)


def _first(items: list, ch: str | None) -> tuple[bool, bool]:
    """(whether ``items`` can start with ``ch``, whether they can match nothing)."""
    from re import _constants as c

    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.SUBPATTERN:
            starts, empty = _first(list(av[3]), ch)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            starts, empty = _first(list(av), ch)
        elif op is c.BRANCH:
            results = [_first(list(b), ch) for b in av[1]]
            starts, empty = any(r[0] for r in results), any(r[1] for r in results)
        elif op in _repeat_ops():
            starts, empty = _first(list(av[2]), ch)
            empty = empty or av[0] == 0
        else:
            return (ch is not None and _can_match([(op, av)], ch)), False
        if starts:
            return True, False
        if not empty:
            return False, False
    return False, True
