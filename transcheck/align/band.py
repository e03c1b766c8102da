"""The banded dynamic programme under the aligner, in memory proportional to the band.

Rows are the profile's rows (i), columns the new document's segments (j). A cell is
reached by a 1-1 link from (i-1, j-1), a skip from (i-1, j) or (i, j-1), a 2-1 link from
(i-2, j-1) or a 1-2 link from (i-1, j-2). Only cells within ``width`` of the diagonal
j = i*m/n are computed; each keeps one byte saying where it came from, and costs are kept
for the last three rows only. Time is proportional to the number of band cells.
"""

from __future__ import annotations

BAND = 48  # columns either side of the diagonal in a first, narrow pass
MAX_BAND = 384  # the widest band a long document gets, so time and memory stay linear
TIE = 1e-9
INF = float("inf")
# Back-pointer codes, one byte per cell of the band.
_START, _ONE, _UP, _LEFT, _TWO_ONE, _ONE_TWO = range(6)
_STEP = {_ONE: (1, 1), _UP: (1, 0), _LEFT: (0, 1), _TWO_ONE: (2, 1), _ONE_TWO: (1, 2)}
# Lower bound on a link's cost below its predecessor's, for rounding in 1 - score.
_SLACK = 1e-6
_UNSET = object()


def band(i: int, n: int, m: int, width: int) -> tuple[int, int]:
    """The first and last column of row ``i`` in the band: |j - i*m/n| <= width."""
    centre = i * m / n if n else 0
    lo, hi = max(0, int(centre - width) - 1), min(m, int(centre + width) + 1)
    while lo <= hi and abs(lo - centre) > width:
        lo += 1
    while hi >= lo and abs(hi - centre) > width:
        hi -= 1
    return lo, hi


def bounds(n: int, m: int, width: int, points=()) -> list[tuple[int, int]]:
    """Per row its band's first and last column: ``width`` either side of a centre line
    that runs from (0, 0) through ``points`` (cells the path is expected to pass, in
    increasing order) to (n, m); without points, the diagonal. Where the line is steep
    a row's band reaches the next row's, so the band stays connected."""
    if not points:
        return [band(i, n, m, width) for i in range(n + 1)]
    knots = [(0, 0), *points, (n, m)]
    centre = [0.0] * (n + 1)
    for (i0, j0), (i1, j1) in zip(knots, knots[1:]):
        for i in range(i0, i1 + 1):
            centre[i] = j0 + (i - i0) * (j1 - j0) / (i1 - i0) if i1 > i0 else j1
    out = []
    for i in range(n + 1):
        low = min(centre[i], centre[i - 1]) if i else 0.0
        high = max(centre[i], centre[i + 1]) if i < n else float(m)
        out.append((max(0, int(low) - width), min(m, -int(-high // 1) + width)))
    return out


def fill(n, m, spans, segs, scorers, skip, merge):
    """The dynamic programme over the band (``spans``: per row its first and last
    column, from ``bounds``): per row its first column and a byte of back-pointer per
    band cell. Costs are kept for the last three rows only, in full-width lists whose
    band cells are reset to INF before reuse (so cells off the band read INF)."""
    one, two_one, seg_pair = scorers
    pairs: dict[int, object] = {}  # seg_pair(j) for the columns of the last rows
    dropped = 0
    buffers = [[INF] * (m + 1) for _ in range(3)]
    lows = []
    back = []
    for i in range(n + 1):
        lo, hi = spans[i]
        row_cost = buffers[i % 3]
        if i >= 3:
            old_lo, old_hi = spans[i - 3]
            row_cost[old_lo : old_hi + 1] = [INF] * (old_hi - old_lo + 1)
        up = buffers[(i - 1) % 3] if i else None
        up2 = buffers[(i - 2) % 3] if i >= 2 else None
        row_back = bytearray(hi - lo + 1 if hi >= lo else 0)
        score = one(i - 1) if i else None
        score2 = two_one(i - 1) if i >= 2 else None
        while dropped < lo - 2:  # the band only moves right: older pairs are done
            pairs.pop(dropped, None)
            dropped += 1
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row_cost[0] = 0.0
                continue
            best, arg = INF, _START
            diag = up[j - 1] if i and j else INF
            skip_up = up[j] + skip if i else INF
            skip_left = row_cost[j - 1] + skip if j else INF
            # 1 - score is at least 0, so a 1-1 link costs at least diag: when a skip
            # beats that bound by the tie margin, it wins whatever the score.
            if diag < INF and not (skip_up < diag - _SLACK + TIE or (
                    skip_left < diag - _SLACK + TIE and skip_left < skip_up + TIE)):
                best, arg = diag + score(segs[j - 1]), _ONE
            # Skips win ties (to rounding): the path is traced back from the end, so of
            # two equally good alignments the one matching earlier is kept, and of two
            # copies of a passage the later one is left over, as TC101 reports it.
            if skip_up < best + TIE:
                best, arg = skip_up, _UP
            if skip_left < best + TIE:
                best, arg = skip_left, _LEFT
            if i >= 2 and j and score2 is not None:
                prev = up2[j - 1]
                if prev + merge - _SLACK < best:
                    c = prev + (score2(segs[j - 1]) + merge)
                    if c < best:
                        best, arg = c, _TWO_ONE
            if i and j >= 2 and up[j - 2] + merge - _SLACK < best:
                pair = pairs.get(j - 1, _UNSET)
                if pair is _UNSET:
                    pair = pairs[j - 1] = seg_pair(j - 1)
                if pair is not None:
                    c = up[j - 2] + (score(pair) + merge)
                    if c < best:
                        best, arg = c, _ONE_TWO
            row_cost[j] = best
            row_back[j - lo] = arg
        lows.append(lo)
        back.append(row_back)
    return lows, back


def same_shape_diagonal(path, segs, rows, scorers, skip, merge):
    """The diagonal instead of ``path`` when the stretch is as many blocks of one kind
    on both sides, in the same order (``rows``: per row its cells' units; a code block
    among list items is a block of its own kind), unless
    ``path`` is cheaper by more than a skip. A translation keeps a list a list of as
    many items: for short items ("Aliases" as "别名") length says little, and a split
    plus a skip can cost less than the right pairs."""
    n = len(rows)
    if n != len(segs) or n < 2 or len(path) == n and all(j1 - j0 == i1 - i0 == 1 for (i0, j0), (i1, j1) in path):
        return path
    # Blocks of one kind: prose of one shape, or blocks that are no prose (a code block,
    # an image) on both sides, and some prose among them.
    if not any(s.shape for s in segs) or not all(
            all(u.shape == s.shape and u.prose == s.prose for u in row.values()) for row, s in zip(rows, segs)):
        return path
    diagonal = [((k, k), (k + 1, k + 1)) for k in range(n)]
    if cost(diagonal, segs, scorers, skip, merge) <= cost(path, segs, scorers, skip, merge) + skip:
        return diagonal
    return path


def cost(path, segs, scorers, skip, merge) -> float:
    """What ``fill`` charges for ``path``, link by link."""
    one, two_one, seg_pair = scorers
    total = 0.0
    for (i0, j0), (i1, j1) in path:
        if i1 == i0 or j1 == j0:
            total += skip
        elif i1 - i0 == 2:
            total += two_one(i0 + 1)(segs[j0]) + merge
        elif j1 - j0 == 2:
            total += one(i0)(seg_pair(j0 + 1)) + merge
        else:
            total += one(i0)(segs[j0])
    return total


def trace(n, m, lows, back):
    path = []
    i, j = n, m
    while (i, j) != (0, 0):
        code = back[i][j - lows[i]]
        assert code != _START, "the band always contains a path to the origin"
        di, dj = _STEP[code]
        path.append(((i - di, j - dj), (i, j)))
        i, j = i - di, j - dj
    path.reverse()
    return path


def on_edge(path, lows, back, m) -> bool:
    """Whether the path touches a band edge that is not the matrix's own edge."""
    for _, (i, j) in path:
        lo = lows[i]
        hi = lo + len(back[i]) - 1
        if (j == lo and lo > 0) or (j == hi and hi < m):
            return True
    return False
