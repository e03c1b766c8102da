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
PAIRING_WINDOW = 2  # chrF only for segments this close to the stretch's diagonal


@dataclass(frozen=True)
class VersionMatch:
    new_to_old: dict[int, int]  # new segment index -> old segment index
    score: dict[int, float]  # new index -> chrF against its old segment, when edited
    removed_before: frozenset[int]  # new indices before which old segments were deleted


def match_versions(old: tuple[Segment, ...], new: tuple[Segment, ...]) -> VersionMatch:
    from collections import Counter

    from transcheck.linediff import opcodes
    from transcheck.text import chrf, normalise

    a = [normalise(s.text) for s in old]
    b = [normalise(s.text) for s in new]
    new_to_old: dict[int, int] = {}
    score: dict[int, float] = {}
    removed_before: set[int] = set()
    # A line with as many verbatim copies on the other side moved there: it is not a
    # rewrite of a line here.
    old_count, new_count = Counter(a), Counter(b)
    in_new = {t for t, k in old_count.items() if new_count[t] >= k}
    in_old = {t for t, k in new_count.items() if old_count[t] >= k}
    # An image's alt text ("img") says nothing of where it stands: matched first, it
    # would leave the paragraphs between its two places unmatched.
    images = frozenset(b[j] for j, s in enumerate(new) if s.images and not s.labels)
    for op, i1, i2, j1, j2 in opcodes(a, b, images):
        if op == "equal":
            new_to_old.update(zip(range(j1, j2), range(i1, i2)))
            continue
        pairs = _pair(a[i1:i2], b[j1:j2], chrf, in_old, in_new)
        for i, j, value in pairs:
            new_to_old[j1 + j] = i1 + i
            if a[i1 + i] != b[j1 + j]:  # an image left where it was is no edit
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


def _pair(old: list[str], new: list[str], chrf, in_old=frozenset(),
          in_new=frozenset()) -> list[tuple[int, int, float]]:
    """Order-preserving pairs (old index, new index, chrF) maximising the total chrF.

    chrF runs only near the stretch's diagonal (PAIRING_WINDOW) and not for an old
    line in ``in_new`` or a new one in ``in_old`` (each copy of it is found verbatim on
    the other side: it moved), so a stretch of reordered lines costs almost no chrF,
    instead of one per pair."""
    n, m = len(old), len(new)
    if not n or not m:
        return []

    def similarity(i: int, j: int) -> float:
        if old[i] == new[j]:
            return 100.0
        if old[i] in in_new or new[j] in in_old:
            return 0.0
        return chrf(new[j], old[i])

    if n * m > MAX_PAIRING_CELLS:
        return [(k, k, similarity(k, k)) for k in range(min(n, m))]
    score = [
        [similarity(i, j) if abs(j - i * m / n) <= PAIRING_WINDOW + m / n else 0.0 for j in range(m)]
        for i in range(n)
    ]
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
