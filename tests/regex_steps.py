"""A step-counting model of Python's backtracking regular-expression engine.

``re`` does not say how much work a search did, and timing it would make a flaky test.
This module walks the parsed pattern (``re._parser``) the way the engine does: the same
order of alternatives, greedy, lazy and possessive repeats, atomic groups, lookarounds and
back-references, trying every start position as ``finditer`` does. Each attempt to match
one node at one position is one step. The count is deterministic, and it grows with
input length the way the engine's work does: linearly for a well-behaved pattern,
quadratically (or worse) when the engine rescans the same text from many positions.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P
import unicodedata

_CATEGORIES = {
    C.CATEGORY_DIGIT: str.isdigit,
    C.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    C.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_" or unicodedata.category(ch) in ("Mn", "Mc"),
    C.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


class Unsupported(Exception):
    """The pattern uses a construct this model does not know."""


class Counter:
    def __init__(self, pattern: re.Pattern):
        self.flags = pattern.flags
        self.tree = list(P.parse(pattern.pattern, pattern.flags))
        self.steps = 0

    # ---------------------------------------------------------------- characters
    def _fold(self, ch: str) -> set[str]:
        return {ch, ch.lower(), ch.upper()} if self.flags & re.IGNORECASE else {ch}

    def _in_class(self, items, ch: str) -> bool:
        negate = False
        hit = False
        for op, av in items:
            if op is C.NEGATE:
                negate = True
            elif op is C.LITERAL:
                hit = hit or chr(av) in self._fold(ch)
            elif op is C.RANGE:
                hit = hit or any(av[0] <= ord(c) <= av[1] for c in self._fold(ch))
            elif op is C.CATEGORY:
                hit = hit or _CATEGORIES[av](ch)
            else:
                raise Unsupported(op)
        return hit != negate

    def _one(self, op, av, s: str, pos: int) -> bool:
        """Whether a single-character node matches s[pos]."""
        if pos >= len(s):
            return False
        ch = s[pos]
        if op is C.LITERAL:
            return chr(av) in self._fold(ch)
        if op is C.NOT_LITERAL:
            return chr(av) not in self._fold(ch)
        if op is C.ANY:
            return ch != "\n" or bool(self.flags & re.DOTALL)
        if op is C.IN:
            return self._in_class(av, ch)
        raise Unsupported(op)

    def _word(self, s: str, pos: int) -> bool:
        return 0 <= pos < len(s) and _CATEGORIES[C.CATEGORY_WORD](s[pos])

    def _at(self, where, s: str, pos: int) -> bool:
        multiline = self.flags & re.MULTILINE
        if where is C.AT_BEGINNING:
            return pos == 0 or bool(multiline and s[pos - 1] == "\n")
        if where is C.AT_BEGINNING_STRING:
            return pos == 0
        if where is C.AT_END:
            return pos == len(s) or (pos == len(s) - 1 or multiline) and s[pos] == "\n"
        if where is C.AT_END_STRING:
            return pos == len(s)
        if where is C.AT_BOUNDARY:
            return self._word(s, pos - 1) != self._word(s, pos)
        if where is C.AT_NON_BOUNDARY:
            return self._word(s, pos - 1) == self._word(s, pos)
        raise Unsupported(where)

    # ---------------------------------------------------------------- matching
    def _seq(self, items, k: int, s: str, pos: int, groups: dict):
        """Yield (end, groups) for items[k:] matched from pos, in the engine's order."""
        if k == len(items):
            yield pos, groups
            return
        self.steps += 1
        op, av = items[k]
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            if self._one(op, av, s, pos):
                yield from self._seq(items, k + 1, s, pos + 1, groups)
        elif op is C.AT:
            if self._at(av, s, pos):
                yield from self._seq(items, k + 1, s, pos, groups)
        elif op is C.BRANCH:
            for alt in av[1]:
                for end, g in self._seq(alt, 0, s, pos, groups):
                    yield from self._seq(items, k + 1, s, end, g)
        elif op is C.SUBPATTERN:
            number, sub = av[0], av[3]
            for end, g in self._seq(list(sub), 0, s, pos, groups):
                if number is not None:
                    g = {**g, number: s[pos:end]}
                yield from self._seq(items, k + 1, s, end, g)
        elif op is C.GROUPREF:
            text = groups.get(av)
            if text is not None and s.startswith(text, pos):
                yield from self._seq(items, k + 1, s, pos + len(text), groups)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            sub = list(sub)
            start = pos if direction == 1 else pos - P.SubPattern(None, sub).getwidth()[0]
            found = start >= 0 and next(self._seq(sub, 0, s, start, groups), None)
            if direction == -1 and found and found[0] != pos:
                found = None
            if bool(found) == (op is C.ASSERT):
                yield from self._seq(items, k + 1, s, pos, groups)
        elif op is C.ATOMIC_GROUP:
            first = next(self._seq(list(av), 0, s, pos, groups), None)
            if first is not None:
                yield from self._seq(items, k + 1, s, *first)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            yield from self._repeat(op, av, items, k, s, pos, groups)
        else:
            raise Unsupported(op)

    def _repeat(self, op, av, items, k, s, pos, groups):
        low, high, sub = av[0], av[1], list(av[2])
        ends = self._repeats(low, high, sub, s, pos, groups, lazy=op is C.MIN_REPEAT)
        if op is C.POSSESSIVE_REPEAT:
            first = next(ends, None)
            ends = iter([first] if first is not None else [])
        for end, g in ends:
            yield from self._seq(items, k + 1, s, end, g)

    def _repeats(self, low, high, sub, s, pos, groups, lazy, count=0):
        """Ends of ``sub`` repeated low..high times from pos, greedy or lazy first."""
        if len(sub) == 1 and sub[0][0] in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            # One character at a time, as the engine's REPEAT_ONE: scan, then give back.
            n = 0
            while (high is C.MAXREPEAT or n < high) and (not lazy or n < low) and self._one(*sub[0], s, pos + n):
                self.steps += 1
                n += 1
            if lazy:  # one more character per retry, only when asked
                while n >= low:
                    self.steps += 1
                    yield pos + n, groups
                    if not ((high is C.MAXREPEAT or n < high) and self._one(*sub[0], s, pos + n)):
                        return
                    n += 1
                return
            for count in range(n, low - 1, -1):
                self.steps += 1
                yield pos + count, groups
            return
        if lazy and count >= low:
            yield pos, groups
        if high is C.MAXREPEAT or count < high:
            for end, g in self._seq(sub, 0, s, pos, groups):
                if end == pos and count >= low:
                    continue  # an empty iteration ends the repeat, as in the engine
                yield from self._repeats(low, high, sub, s, end, g, lazy, count + 1)
        if not lazy and count >= low:
            yield pos, groups

    def finditer_steps(self, s: str) -> int:
        """Steps of ``finditer`` over ``s``: every start position, matches not overlapping."""
        self.steps = 0
        pos = 0
        while pos <= len(s):
            self.steps += 1
            found = next(self._seq(self.tree, 0, s, pos, {}), None)
            pos = found[0] if found and found[0] > pos else pos + 1
        return self.steps
