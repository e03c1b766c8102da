"""Planted defects for the real-text benchmark (``bench/realtext.py``).

Each planting function takes the lines of one translation (and what it needs from the
rest of its group) and returns ``(new_lines, expected_code, line)``: the planted copy of
the translation, the rule code that should report it, and the 1-based line where the
finding should sit. It returns None when the document has no suitable line. The choice
of line is deterministic (a stable hash of the document's name and the kind), so the
same corpus gives the same plants on every run.

``KINDS`` maps each kind to its function; ``ACCEPT`` lists, per kind, the codes that
count as finding it (a paragraph pasted from the source may be reported as untranslated
or as wrong language). Other kinds (negation, role swaps, entity changes) can register
themselves in both tables.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

Lines = list[str]
Plant = tuple[Lines, str, int]

MIN_LETTERS = 40  # a planted paragraph long enough that its language can be told
_DIGITS = re.compile(r"(?<![\w.,])\d{1,4}(?![\w.,]|\d)")


def stable_pick(name: str, kind: str, candidates: list[int]) -> int | None:
    if not candidates:
        return None
    h = int(hashlib.sha1(f"{name}:{kind}".encode()).hexdigest(), 16)
    return candidates[h % len(candidates)]


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _prose(lines: Lines) -> list[int]:
    """Indices of lines long enough to carry a planted defect."""
    return [i for i, ln in enumerate(lines) if _letters(ln) >= MIN_LETTERS and "http" not in ln]


def duplicated_paragraph(name: str, lines: Lines, **_) -> Plant | None:
    """A paragraph pasted again right after itself."""
    k = stable_pick(name, "duplicated", _prose(lines))
    if k is None:
        return None
    return lines[: k + 1] + [lines[k]] + lines[k + 1:], "TC101", k + 2


def missing_paragraph(name: str, lines: Lines, **_) -> Plant | None:
    """A paragraph dropped (not the first or last: those are titles and sign-offs)."""
    k = stable_pick(name, "missing", [i for i in _prose(lines) if 0 < i < len(lines) - 1])
    if k is None:
        return None
    return lines[:k] + lines[k + 1:], "TC301", k + 1


def extra_paragraph(name: str, lines: Lines, foreign: Lines = (), **_) -> Plant | None:
    """A paragraph of another document in the same language, inserted."""
    pool = _prose(list(foreign))
    j = stable_pick(name, "extra-from", pool)
    k = stable_pick(name, "extra", list(range(1, len(lines))))
    if j is None or k is None:
        return None
    return lines[:k] + [foreign[j]] + lines[k:], "TC302", k + 1


def left_in_english(name: str, lines: Lines, source: Lines = (), **_) -> Plant | None:
    """A paragraph replaced by the English source line."""
    k = stable_pick(name, "english", [i for i in _prose(lines) if i < len(source)
                                      and _letters(source[i]) >= MIN_LETTERS])
    if k is None:
        return None
    return lines[:k] + [source[k]] + lines[k + 1:], "TC202", k + 1


def other_language(name: str, lines: Lines, peer: Lines = (), **_) -> Plant | None:
    """A paragraph replaced by the same paragraph of another translation."""
    k = stable_pick(name, "peer", [i for i in _prose(lines) if i < len(peer)
                                   and _letters(peer[i]) >= MIN_LETTERS])
    if k is None:
        return None
    return lines[:k] + [peer[k]] + lines[k + 1:], "TC202", k + 1


def changed_number(name: str, lines: Lines, source: Lines = (), **_) -> Plant | None:
    """A number that the English line also has, changed (7 -> 17, 2024 -> 2034)."""
    candidates = []
    for i, ln in enumerate(lines):
        if i >= len(source):
            continue
        shared = set(_DIGITS.findall(ln)) & set(_DIGITS.findall(source[i]))
        if shared:
            candidates.append(i)
    k = stable_pick(name, "number", candidates)
    if k is None:
        return None
    shared = sorted(set(_DIGITS.findall(lines[k])) & set(_DIGITS.findall(source[k])))
    old = shared[0]
    new = str(int(old) + 10)
    text = re.sub(rf"(?<![\w.,]){old}(?![\w.,]|\d)", new, lines[k], count=1)
    return lines[:k] + [text] + lines[k + 1:], "TC401", k + 1


KINDS: dict[str, Callable[..., Plant | None]] = {
    "duplicated-paragraph": duplicated_paragraph,
    "missing-paragraph": missing_paragraph,
    "extra-paragraph": extra_paragraph,
    "left-in-english": left_in_english,
    "other-language": other_language,
    "changed-number": changed_number,
}

# Codes that count as finding each kind, and how far (in lines) from the planted line.
ACCEPT: dict[str, tuple[frozenset[str], int]] = {
    "duplicated-paragraph": (frozenset({"TC101", "TC302"}), 0),
    "missing-paragraph": (frozenset({"TC301"}), 1),
    "extra-paragraph": (frozenset({"TC302"}), 0),
    "left-in-english": (frozenset({"TC202", "TC201"}), 0),
    "other-language": (frozenset({"TC202", "TC201"}), 0),
    "changed-number": (frozenset({"TC401"}), 0),
}
