"""Sentences of one aligned cell matched with the sentences of another language's cell.

Translators split and join sentences, so sentence k of one translation is often not
sentence k of another. Gale and Church's length model pairs them: a translation's
sentence lengths are proportional to the original's, with a variance that grows with
length, and most pairs are one to one. Only lengths are used, never the words, so the
checks that vote on what the sentences say (a negation, a number) are not helped by
what they are looking for.
"""

from __future__ import annotations

import math

# -log of the prior of each bead (pivot sentences, other sentences), from Gale and
# Church (1993): 1-1 0.89, 1-0 and 0-1 0.0099, 2-1 and 1-2 0.089.
_BEADS = ((1, 1, -math.log(0.89)), (1, 2, -math.log(0.089)), (2, 1, -math.log(0.089)),
          (1, 0, -math.log(0.0099)), (0, 1, -math.log(0.0099)))
_VARIANCE = 6.8  # variance of the length ratio per character, Gale and Church's estimate
_MAX_CELLS = 10_000  # a cell of more sentences than this squared is not matched


def match(pivot: list[int], other: list[int]) -> list[tuple[int, ...] | None]:
    """For each pivot sentence (given by its length in characters), the other cell's
    sentences that translate it alone: one, or two it was split into. None where the
    other cell joined it with a neighbour into one sentence, or has nothing for it: then
    it cannot be compared sentence by sentence."""
    n, m = len(pivot), len(other)
    if n == 0:
        return []
    if m == 0 or n * m > _MAX_CELLS:
        return [(k,) for k in range(n)] if n == m else [None] * n
    ratio = (sum(other) / sum(pivot)) if sum(pivot) else 1.0
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj, prior in _BEADS:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                total = here + prior + _length_cost(sum(pivot[i:a]), sum(other[j:b]), ratio)
                if total < cost[a][b]:
                    cost[a][b] = total
                    back[a][b] = (di, dj)
    out: list[tuple[int, ...] | None] = [None] * n
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        if di == 1 and dj:
            out[i - 1] = tuple(range(j - dj, j))
        i, j = i - di, j - dj
    return out


def _length_cost(pivot: int, other: int, ratio: float) -> float:
    """-log of the probability that ``other`` characters translate ``pivot`` characters."""
    if pivot == 0 and other == 0:
        return 0.0
    mean = (pivot + other / ratio) / 2
    delta = (other - pivot * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    tail = 1.0 - math.erf(abs(delta) / math.sqrt(2))  # 2 * (1 - Phi(|delta|))
    return -math.log(max(tail, 1e-12))
