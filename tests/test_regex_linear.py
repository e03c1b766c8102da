"""Every regular expression of transcheck runs in linear time on hostile text.

A pattern such as ``[\\w-]+\\.png`` makes Python's backtracking engine rescan a long run
of word characters from each of its positions: one 80,000-character word took 49 s. The
test times nothing. It counts the engine's steps with a model of it
(tests/regex_steps.py), for ``finditer`` over long runs of one or two repeated
characters (letters, digits, spaces, every regular-expression metacharacter, other
punctuation and the pattern's own literals), at two lengths eight times apart. A linear
pattern does about eight times the work on the longer text; a quadratic one about 64
times. The test fails above 12 times.

Runs of single characters miss a pattern that backtracks only once its start has
matched (``<!-- transcheck:`` and then 3,000 spaces; ``{{<`` repeated), so each
pattern is also probed with the strings that match its own beginnings (every branch),
followed by a run, and repeated. The patterns are every compiled pattern a module holds
and every one transcheck compiles while it checks the rule cases (built from terms,
acronyms, layouts, fences...).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys

import pytest

import transcheck
from tests.regex_steps import Counter

C = re._constants

SHORT, LONG = 12, 96
LIMIT = 12  # a linear pattern: about 8 (LONG / SHORT)
# Characters that start, continue and end the runs the patterns look for.
_METACHARACTERS = list(".^$*+?{}[]\\|()")
_BASE = ["a", "A", "1", " ", "-", ".", ",", "'", "\n", "é", "&", "/", "(", "@", "`"]
_SINGLE = list(dict.fromkeys(_BASE + _METACHARACTERS + list("<>!%#:;=~_\"")))
_PAIRED = ["a", "1", " ", "-", ".", "@"]
# After a pattern's own beginning: what its continuation may be hoping for.
_FILLERS = ["a", " ", "-", ".", "[", "{", "<", "*", "\n"]
_MAX_PREFIXES = 12
_MAX_PATHS = 12


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
    own = sorted({ch for ch in pattern.pattern if ch.isprintable() and ch not in _METACHARACTERS})
    partners = list(dict.fromkeys(_BASE + own))
    return list(dict.fromkeys(_SINGLE + own)) + [a + b for a in _PAIRED for b in partners if a != b]


def _node_paths(counter: Counter, op, av) -> list[list]:
    """Strings matching one node of a parsed pattern, one list of chunks per way
    (branches); a chunk None where no probe character fits."""
    if op is C.LITERAL:
        return [[chr(av)]]
    if op is C.NOT_LITERAL:
        return [["a" if av != ord("a") else "b"]]
    if op is C.ANY:
        return [["a"]]
    if op is C.IN:
        return [[next((ch for ch in _SINGLE + ["x", "0"] if counter._in_class(av, ch)), None)]]
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF):
        return [[]]
    if op is C.SUBPATTERN:
        return _seq_paths(counter, list(av[3]))
    if op is C.ATOMIC_GROUP:
        return _seq_paths(counter, list(av))
    if op is C.BRANCH:
        return [p for alt in av[1] for p in _seq_paths(counter, list(alt))][:_MAX_PATHS]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        times = min(max(av[0], 1), 3)
        return [p * times for p in _seq_paths(counter, list(av[2]))]
    return [[None]]


def _seq_paths(counter: Counter, items) -> list[list]:
    paths: list[list] = [[]]
    for op, av in items:
        longer = []
        for p in paths:
            if p and p[-1] is None:
                longer.append(p)
                continue
            longer.extend(p + q for q in _node_paths(counter, op, av))
        paths = longer[:_MAX_PATHS]
    return paths


def _prefixes(counter: Counter) -> list[str]:
    """Strings that match the beginnings of the pattern, longest first, along every
    branch (at most ``_MAX_PREFIXES``, spread over the lengths)."""
    found = set()
    for path in _seq_paths(counter, counter.tree):
        text = ""
        for chunk in path:
            if chunk is None:
                break
            text += chunk
            if len(text) > 1:
                found.add(text)
    ordered = sorted(found, key=lambda t: (-len(t), t))
    if len(ordered) > _MAX_PREFIXES:
        step = len(ordered) / _MAX_PREFIXES
        ordered = [ordered[int(i * step)] for i in range(_MAX_PREFIXES)]
    return ordered


def _worst(pattern: re.Pattern) -> tuple[float, str]:
    """The largest growth of work from a probe to one eight times as long."""
    counter = Counter(pattern)
    worst = (0.0, "")
    for unit in _units(pattern):
        short = counter.finditer_steps(unit * (SHORT // len(unit)))
        long = counter.finditer_steps(unit * (LONG // len(unit)))
        worst = max(worst, (long / short, unit))
    for prefix in _prefixes(counter):
        for unit in [*_FILLERS, prefix]:
            # Eight copies at least: the first of a repeated beginning may match whole,
            # which makes a shorter probe too cheap to compare with.
            n = max(8, SHORT // len(unit))
            head = "" if unit == prefix else prefix
            short = counter.finditer_steps(head + unit * n)
            long = counter.finditer_steps(head + unit * (8 * n))
            worst = max(worst, (long / short, head + unit + "..."))
    return worst


PATTERNS = _patterns()
pytestmark = pytest.mark.slow  # every pattern of the package, modelled step by step


def test_the_patterns_are_found():
    names = {where for where, _ in PATTERNS}
    assert any(name.endswith("._FILE") for name in names)
    assert len(PATTERNS) > 20


@pytest.mark.parametrize("where,pattern", PATTERNS, ids=[w for w, _ in PATTERNS])
def test_pattern_is_linear(where, pattern):
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20_000))
    worst = _worst(pattern)
    assert worst[0] <= LIMIT, f"{where} does {worst[0]:.0f}x the work on 8x as much {worst[1]!r}"


def test_the_model_sees_a_quadratic_pattern():
    # The check itself can fail: the anchors' old file-name pattern was quadratic.
    counter = Counter(re.compile(r"[\w-]+\.(?:png|jpe?g)\b", re.IGNORECASE))
    ratio = counter.finditer_steps("a" * LONG) / counter.finditer_steps("a" * SHORT)
    assert ratio > 40


@pytest.mark.parametrize("pattern,probe", [
    # Backtracking that starts only once the pattern's beginning has matched.
    (r"^\s*<!--\s*transcheck\s*:\s*(?P<body>.*?)\s*-->\s*$", "<!-- transcheck: "),
    (r"\{\{[<%].*?[%>]\}\}", "{{<"),
    (r"\[([^\]]*)\]\(\s*\)", "["),
])
def test_the_probes_see_patterns_that_backtrack_after_their_beginning(pattern, probe):
    """Old patterns of the suppression comments and the inline masks, each quadratic or
    worse on the probe named; the probes above must find it."""
    worst, where = _worst(re.compile(pattern))
    assert worst > 20 and probe.strip()[:3] in where, (worst, where)


def _runtime_patterns() -> dict[tuple[str, int], str]:
    """Every pattern transcheck compiles while it checks all the rule cases, by where
    it was compiled; patterns a case's configuration declares are the user's own."""
    import functools
    import tempfile
    import tomllib
    from pathlib import Path

    from tests import test_rule_cases as cases

    package = str(Path(transcheck.__file__).parent)
    declared = set()
    for path in cases.CASES_DIR.glob("*.toml"):
        for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []):
            config = tomllib.loads(case.get("config", ""))
            declared.update(config.get("do-not-translate-patterns", []))
    # Builders behind a cache compile only once per process: start afresh.
    for info in pkgutil.walk_packages(transcheck.__path__, "transcheck."):
        module = sys.modules.get(info.name)
        for value in vars(module).values() if module else ():
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
    found: dict[tuple[str, int], str] = {}
    original = re._compile

    def spy(pattern, flags):
        if isinstance(pattern, str) and pattern not in declared:
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename == re.__file__:
                frame = frame.f_back
            if frame is not None and frame.f_code.co_filename.startswith(package):
                where = f"{Path(frame.f_code.co_filename).relative_to(package)}:{frame.f_lineno}"
                found.setdefault((pattern, int(flags)), where)
        return original(pattern, flags)

    re._compile = spy
    try:
        for param in cases._load():
            code, case, needs = param.values
            if cases.missing_extra(needs):
                continue
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp) / "case"
                root.mkdir()
                cases.run_case(root, code, case)
    finally:
        re._compile = original
    return found


def test_patterns_compiled_at_run_time_are_linear():
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20_000))
    module_level = {(p.pattern, p.flags) for _, p in PATTERNS}
    runtime = {k: v for k, v in _runtime_patterns().items() if k not in module_level}
    sites: dict[str, list[tuple[str, int]]] = {}
    for key, where in sorted(runtime.items(), key=lambda kv: (kv[1], len(kv[0][0]), kv[0])):
        sites.setdefault(where, []).append(key)
    # Built from terms and from each language's scale words, among others.
    assert {w.split(":")[0] for w in sites} >= {"terms/vocabulary.py", "rules/_numbers.py"}, sorted(sites)
    slow = []
    for where, keys in sorted(sites.items()):
        # The shortest and the longest pattern of each place: the same construction.
        for pattern, flags in dict.fromkeys([keys[0], keys[-1]]):
            worst = _worst(re.compile(pattern, flags))
            if worst[0] > LIMIT:
                slow.append(f"{where} {pattern[:60]!r}: {worst[0]:.0f}x on {worst[1]!r}")
    assert not slow, "\n".join(slow)
