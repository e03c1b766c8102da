"""A diff of two lists of lines in time near-linear in their length, for
``--changed-since`` (difflib's opcodes where difflib is affordable)."""

from __future__ import annotations

_WHOLE_DIFF_CELLS = 1_000_000  # up to about 1,000 x 1,000 lines, difflib on the whole
_GAP_DIFF_CELLS = 10_000  # difflib inside a stretch between anchors up to this size
_ANCHOR_DEPTH = 4


def opcodes(a: list[str], b: list[str], junk=frozenset()) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes for ``a`` -> ``b`` (only "equal" matters here), in time
    near-linear in their length.

    difflib's longest-matching-blocks diff costs len(a) x len(b) where lines repeat (a
    file of one line pasted 4,000 times takes 8 s), so it runs only on small inputs and,
    in larger ones, on the small stretches between anchors: the common prefix and suffix,
    then the lines that occur once on each side, in increasing order on both (as in a
    patience diff), a few levels deep. A large stretch with no anchor left is one edit.
    Lines in ``junk`` match only beside lines that match (difflib's junk).
    """
    from difflib import SequenceMatcher

    if len(a) * len(b) <= _WHOLE_DIFF_CELLS:
        return SequenceMatcher(junk.__contains__ if junk else None, a, b, autojunk=False).get_opcodes()
    ops: list[tuple[str, int, int, int, int]] = []
    _anchored(a, b, 0, len(a), 0, len(b), ops, _ANCHOR_DEPTH)
    merged: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if merged and (merged[-1][0] == "equal") == (op[0] == "equal"):
            prev = merged.pop()
            op = (op[0] if op[0] == "equal" else "replace", prev[1], op[2], prev[3], op[4])
        merged.append(op)
    return merged


def _anchored(a, b, i1, i2, j1, j2, ops, depth) -> None:
    from bisect import bisect_left
    from difflib import SequenceMatcher

    head = 0
    while i1 + head < i2 and j1 + head < j2 and a[i1 + head] == b[j1 + head]:
        head += 1
    tail = 0
    while i2 - tail > i1 + head and j2 - tail > j1 + head and a[i2 - tail - 1] == b[j2 - tail - 1]:
        tail += 1
    ops.append(("equal", i1, i1 + head, j1, j1 + head))
    lo_a, hi_a, lo_b, hi_b = i1 + head, i2 - tail, j1 + head, j2 - tail
    if (hi_a - lo_a) * (hi_b - lo_b) <= _GAP_DIFF_CELLS:
        sub = SequenceMatcher(None, a[lo_a:hi_a], b[lo_b:hi_b], autojunk=False).get_opcodes()
        ops.extend((op, lo_a + x1, lo_a + x2, lo_b + y1, lo_b + y2) for op, x1, x2, y1, y2 in sub)
    else:
        once_a = _once(a, lo_a, hi_a)
        once_b = _once(b, lo_b, hi_b)
        pairs = [(i, once_b[a[i]]) for i in range(lo_a, hi_a) if a[i] in once_b and once_a.get(a[i]) == i]
        # The longest chain increasing on both sides (patience sorting).
        tops: list[int] = []
        top_at: list[int] = []
        before: list[int] = []
        for k, (_, j) in enumerate(pairs):
            p = bisect_left(tops, j)
            before.append(top_at[p - 1] if p else -1)
            if p == len(tops):
                tops.append(j)
                top_at.append(k)
            else:
                tops[p], top_at[p] = j, k
        chain: list[tuple[int, int]] = []
        k = top_at[-1] if top_at else -1
        while k >= 0:
            chain.append(pairs[k])
            k = before[k]
        chain.reverse()
        if not chain or depth == 0:
            ops.append(("replace", lo_a, hi_a, lo_b, hi_b))
        else:
            i, j = lo_a, lo_b
            for ai, bj in chain:
                _anchored(a, b, i, ai, j, bj, ops, depth - 1)
                ops.append(("equal", ai, ai + 1, bj, bj + 1))
                i, j = ai + 1, bj + 1
            _anchored(a, b, i, hi_a, j, hi_b, ops, depth - 1)
    ops.append(("equal", i2 - tail, i2, j2 - tail, j2))


def _once(lines: list[str], lo: int, hi: int) -> dict[str, int]:
    """Lines that occur once in lines[lo:hi], with their index."""
    seen: dict[str, int] = {}
    for i in range(lo, hi):
        seen[lines[i]] = -1 if lines[i] in seen else i
    return {line: i for line, i in seen.items() if i >= 0}
