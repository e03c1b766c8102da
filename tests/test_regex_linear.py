"""Every regular expression of transcheck runs in linear time on hostile text.

A pattern such as ``[\\w-]+\\.png`` makes Python's backtracking engine rescan a long run
of word characters from each of its positions: one 80,000-character word took 49 s. The
test times nothing. It counts the engine's steps with a model of it
(tests/regex_steps.py), for ``finditer`` over long runs of one or two repeated
characters (letters, digits, spaces, punctuation and the pattern's own literals), at
two lengths eight times apart. A linear pattern does about eight times the work on the
longer text; a quadratic one about 64 times. The test fails above 12 times.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys

import pytest

import transcheck
from tests.regex_steps import Counter

SHORT, LONG = 12, 96
LIMIT = 12  # a linear pattern: about 8 (LONG / SHORT)
# Characters that start, continue and end the runs the patterns look for.
_BASE = ["a", "A", "1", " ", "-", ".", ",", "'", "\n", "é", "&", "/", "(", "@", "`"]
_PAIRED = ["a", "1", " ", "-", ".", "@"]


def _patterns() -> list[tuple[str, re.Pattern]]:
    found: dict[tuple[str, int], str] = {}
    for info in pkgutil.walk_packages(transcheck.__path__, "transcheck."):
        if info.name == "transcheck.__main__":
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else [value]
            for v in values:
                if isinstance(v, re.Pattern) and isinstance(v.pattern, str):
                    found.setdefault((v.pattern, v.flags), f"{info.name}.{name}")
    return sorted(((where, re.compile(p, f)) for (p, f), where in found.items()), key=lambda x: x[0])


def _units(pattern: re.Pattern) -> list[str]:
    own = sorted({ch for ch in pattern.pattern if ch.isprintable() and ch not in "\\()[]{}?*+|^$"})
    chars = list(dict.fromkeys(_BASE + own))
    return chars + [a + b for a in _PAIRED for b in chars if a != b]


PATTERNS = _patterns()
pytestmark = pytest.mark.slow  # every pattern of the package, modelled step by step


def test_the_patterns_are_found():
    names = {where for where, _ in PATTERNS}
    assert any(name.endswith("._FILE") for name in names)
    assert len(PATTERNS) > 20


@pytest.mark.parametrize("where,pattern", PATTERNS, ids=[w for w, _ in PATTERNS])
def test_pattern_is_linear(where, pattern):
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20_000))
    counter = Counter(pattern)
    worst = (0.0, "")
    for unit in _units(pattern):
        short = counter.finditer_steps(unit * (SHORT // len(unit)))
        long = counter.finditer_steps(unit * (LONG // len(unit)))
        worst = max(worst, (long / short, unit))
    assert worst[0] <= LIMIT, f"{where} does {worst[0]:.0f}x the work on 8x as much {worst[1]!r}"


def test_the_model_sees_a_quadratic_pattern():
    # The check itself can fail: the anchors' old file-name pattern was quadratic.
    counter = Counter(re.compile(r"[\w-]+\.(?:png|jpe?g)\b", re.IGNORECASE))
    ratio = counter.finditer_steps("a" * LONG) / counter.finditer_steps("a" * SHORT)
    assert ratio > 40
