"""Two versions of one document, matched segment by segment.

Identical segments (after normalisation, so reflowed text is identical) are matched by
a longest-matching-blocks diff; inside each edited stretch, old and new segments are
paired by chrF in order (a pair needs chrF >= ``SAME_SEGMENT``, otherwise the new one
is added and the old one removed). Used by ``--changed-since`` (what a change touched)
and by the lag of a translation behind its source (what the source changed since).
"""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.model import Segment

SAME_SEGMENT = 35.0  # chrF below this: a rewrite is treated as remove + add
MAX_PAIRING_CELLS = 2500  # larger edited stretches pair by position, not by chrF


@dataclass(frozen=True)
class VersionMatch:
    new_to_old: dict[int, int]  # new segment index -> old segment index
    score: dict[int, float]  # new index -> chrF against its old segment, when edited
    removed_before: frozenset[int]  # new indices before which old segments were deleted


def match_versions(old: tuple[Segment, ...], new: tuple[Segment, ...]) -> VersionMatch:
    from difflib import SequenceMatcher

    from transcheck.text import chrf, normalise

    a = [normalise(s.text) for s in old]
    b = [normalise(s.text) for s in new]
    new_to_old: dict[int, int] = {}
    score: dict[int, float] = {}
    removed_before: set[int] = set()
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            new_to_old.update(zip(range(j1, j2), range(i1, i2)))
            continue
        pairs = _pair(a[i1:i2], b[j1:j2], chrf)
        for i, j, value in pairs:
            new_to_old[j1 + j] = i1 + i
            score[j1 + j] = value
        if len(pairs) < i2 - i1:
            removed_before.add(j1)
    # A copy inserted next to its original is ambiguous to a diff ("P" -> "P P" may
    # mark either as added); the later one is the copy, as duplicate rules report it.
    for j in range(len(new) - 1):
        if j not in new_to_old and j + 1 in new_to_old and j + 1 not in score and b[j] == b[j + 1]:
            new_to_old[j] = new_to_old.pop(j + 1)
    return VersionMatch(new_to_old, score, frozenset(removed_before))


def align_versions(old: tuple[Segment, ...], new: tuple[Segment, ...]) -> dict[int, int]:
    """Old segment index -> new segment index, for the segments kept (edited or not)."""
    return {i: j for j, i in match_versions(old, new).new_to_old.items()}


def _pair(old: list[str], new: list[str], chrf) -> list[tuple[int, int, float]]:
    """Order-preserving pairs (old index, new index, chrF) maximising the total chrF."""
    n, m = len(old), len(new)
    if not n or not m:
        return []
    if n * m > MAX_PAIRING_CELLS:
        return [(k, k, chrf(new[k], old[k])) for k in range(min(n, m))]
    score = [[chrf(new[j], old[i]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = score[i][j] + best[i + 1][j + 1] if score[i][j] >= SAME_SEGMENT else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if score[i][j] >= SAME_SEGMENT and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j, score[i][j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
