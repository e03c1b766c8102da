"""Pins: pairs of a profile row and a segment that distinctive anchors tie together,
wherever the two are in their documents.

A link target, an inline code span, a heading id, a file name, a name or a number that
occurs once or twice in each document says where its segment's translation is, in any
order. Pairs are scored by the weighted share of such keys they have in common (a key
weighs less the more segments hold it) and kept when each is the other's clear best
match. The pins in document order (the heaviest increasing chain, as patience diff
takes unique lines) guide the dynamic programme; the others are blocks the
translation moved.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from transcheck.align.units import Unit

MAX_DF = 3  # a key on more segments than this in either document places nothing
MIN_PIN = 0.45  # weighted share of keys a pair needs in common
MARGIN = 0.15  # ... and by how much it must beat the runner-up on each side
# Keys a translator copies as written: one of these, on at most two segments each side,
# places a segment alone; names and numbers (which can be rewritten) need more.
_MARKUP = ("url:", "code:", "id:", "file:", "ref:", "=")
RELIABLE = 0.6
BLOCK_GAP = 3  # pins this close in both documents are one moved block (see moved_blocks)
# A pinned entry's section heading is this far before it at most: a paragraph and a
# table's header cells may stand between ("## Getting Started", a paragraph, "Platform",
# "Technology", "Web app", then the pinned link).
HEADING_REACH = 8


@dataclass(frozen=True, slots=True)
class Pin:
    row: int
    seg: int
    score: float  # weighted share of keys in common, 0..1
    strength: float  # weight of the keys in common (1 per key unique on both sides)
    markup: bool  # a key of _MARKUP, on at most two segments each side, is among them
    shared: int = 1  # how many keys the two have in common

    @property
    def reliable(self) -> bool:
        """Sure enough to cut the alignment there (what comes before the pin in one
        document comes before it in the other) or to move a block: a link target or
        code in common, or two keys that weigh as much as one key unique on both
        sides. One capitalised word ("Mi" after a mention) is no evidence, nor are a
        day and a year that two or three paragraphs each side share ("29 September
        1918" told twice in a story)."""
        return self.score >= RELIABLE and (self.markup or (self.shared >= 2 and self.strength >= 1.0))


def keys(unit: Unit) -> frozenset[str]:
    """The keys of a unit that can place it: anchors that are no punctuation and no
    one-digit number, and the whole text of a line that is no prose (a code block, a
    bare link) or long enough to be copied rather than written alike by chance."""
    out = {k for k in unit.anchors if not k.startswith("punct:") and not _small_number(k)}
    if unit.text and (not unit.prose or len(unit.text) >= 12):
        out.add("=" + unit.text)
    return frozenset(out)


def _small_number(key: str) -> bool:
    return key.startswith("num:") and len(key) <= 5


def find_pins(row_keys: list[list[frozenset]], seg_keys: list[frozenset]) -> list[Pin]:
    """The pins between profile rows (each given as its reference cells' key sets) and a
    document's segments: mutual best matches, clearly better than the runner-up."""
    row_df: dict[str, int] = {}
    for i, cells in enumerate(row_keys):
        for k in frozenset().union(*cells) if cells else ():
            row_df[k] = row_df.get(k, 0) + 1
    seg_df: dict[str, int] = {}
    for ks in seg_keys:
        for k in ks:
            seg_df[k] = seg_df.get(k, 0) + 1
    usable = {k for k, n in seg_df.items() if n <= MAX_DF and 0 < row_df.get(k, 0) <= MAX_DF}
    if not usable:
        return []
    by_key: dict[str, list[int]] = {}
    for i, cells in enumerate(row_keys):
        for k in sorted(frozenset().union(*cells) & usable) if cells else ():
            by_key.setdefault(k, []).append(i)

    def weight(k: str) -> float:
        return 1.0 / max(row_df.get(k, 0), seg_df.get(k, 0), 1)

    scored: dict[tuple[int, int], tuple[float, float, bool, int]] = {}
    for j, ks in enumerate(seg_keys):
        for i in sorted({i for k in ks & usable for i in by_key.get(k, ())}):
            scored[(i, j)] = _pair(row_keys[i], ks, weight)
    best_seg: dict[int, list] = {}
    best_row: dict[int, list] = {}
    for (i, j), (score, *_) in scored.items():
        _keep_two(best_seg, j, (score, i))
        _keep_two(best_row, i, (score, j))
    out = []
    for (i, j), (score, strength, markup, shared) in sorted(scored.items()):
        if score < MIN_PIN:
            continue
        if _clear(best_seg[j], i, score) and _clear(best_row[i], j, score):
            out.append(Pin(i, j, score, strength, markup, shared))
    return out


def _pair(cells: list[frozenset], ks: frozenset, weight) -> tuple[float, float, bool, int]:
    """(score, strength, markup, keys in common) of a segment's keys against a row's best cell: the
    weighted Dice overlap of the two key sets. A whole text that is not shared does not
    count (a translation shares none), and neither do keys that appear on one side only
    in either document (a name a language writes in Latin letters and another does not)."""
    best = (0.0, 0.0, False, 0)
    for own in cells:
        shared = own & ks
        if not shared:
            continue
        # fsum: the keys are sets, whose order changes from one process to the next;
        # a plain sum in that order would differ in its last digit, and break ties so.
        common = math.fsum(weight(k) for k in shared)
        size = math.fsum(weight(k) for k in own if k[0] != "=" or k in shared)
        size += math.fsum(weight(k) for k in ks if k[0] != "=" or k in shared)
        markup = any(k.startswith(_MARKUP) and weight(k) >= 0.5 for k in shared)
        score = 2 * common / size
        if markup and any(k.startswith(_MARKUP) and weight(k) == 1.0 for k in shared):
            # A link target or code span that only these two hold places the segment
            # alone, however many words around it the translation writes otherwise.
            score = max(score, RELIABLE)
        candidate = (score, common, markup, len(shared))
        if candidate > best:
            best = candidate
    return best


def _keep_two(table: dict[int, list], key: int, entry: tuple[float, int]) -> None:
    entries = table.setdefault(key, [])
    entries.append(entry)
    entries.sort(key=lambda e: (-e[0], e[1]))
    del entries[2:]


def _clear(entries: list, other: int, score: float) -> bool:
    if entries[0][1] != other:
        return False
    return len(entries) < 2 or entries[1][0] <= score - MARGIN


def in_order(pins: list[Pin]) -> tuple[list[Pin], list[Pin]]:
    """The heaviest chain of pins increasing in both row and segment (the backbone),
    and the pins off it."""
    if not pins:
        return [], []
    ordered = sorted(pins, key=lambda p: (p.row, p.seg))
    # Weighted longest increasing subsequence: per pin the heaviest chain ending there,
    # from a Fenwick tree of prefix maxima over segment indices. Rows are distinct
    # (each row has one pin at most), so row order is chain order.
    size = max(p.seg for p in ordered) + 1
    tree = [(0.0, -1)] * (size + 1)
    total = [0.0] * len(ordered)
    prev = [-1] * len(ordered)
    for n, pin in enumerate(ordered):
        best, k = (0.0, -1), pin.seg  # chains ending before this segment
        while k > 0:
            best = max(best, tree[k])
            k -= k & -k
        total[n], prev[n] = best[0] + pin.strength, best[1]
        k = pin.seg + 1
        while k <= size:
            if (total[n], n) > tree[k]:
                tree[k] = (total[n], n)
            k += k & -k
    end = max(range(len(ordered)), key=lambda n: (total[n], -n))
    chain = set()
    while end >= 0:
        chain.add(end)
        end = prev[end]
    backbone = [p for n, p in enumerate(ordered) if n in chain]
    return backbone, [p for n, p in enumerate(ordered) if n not in chain]


@dataclass(frozen=True, slots=True)
class Block:
    """Rows ``rows[0]..rows[1]`` (inclusive) of the profile, which the document has at
    segments ``segs[0]..segs[1]``, away from where its other segments put them."""

    rows: tuple[int, int]
    segs: tuple[int, int]
    pins: tuple[Pin, ...]


def moved_blocks(backbone: list[Pin], others: list[Pin]) -> list[Block]:
    """The pins off the backbone as blocks: runs close together in both documents,
    kept when their evidence is enough and no backbone pin falls inside them."""
    runs: list[list[Pin]] = []
    for pin in sorted(others, key=lambda p: (p.row, p.seg)):
        last = runs[-1][-1] if runs else None
        # Rows and segments between two pins of a block: up to BLOCK_GAP - 1 of each,
        # or as many in all on one side (rows an older translation lacks).
        if (last and pin.row > last.row and pin.seg > last.seg
                and pin.row - last.row + pin.seg - last.seg <= 2 * BLOCK_GAP):
            runs[-1].append(pin)
        else:
            runs.append([pin])
    rows_in = sorted(p.row for p in backbone)
    segs_in = sorted(p.seg for p in backbone)
    out = []
    for run in runs:
        # A block moves on markup alone (a link or code, copied as written), or on two
        # pins and more that each hold: names and numbers recur in a text about one
        # subject, and one of them out of order is the rule rather than a move.
        if not (any(p.markup and p.reliable for p in run) or (len(run) >= 2 and all(p.reliable for p in run))):
            continue
        # One segment moves far on a key of its own: code that recurs (`===` in two
        # answers of a quiz) puts a paragraph of a partial translation into its tail.
        if len(run) == 1 and run[0].shared < 2 and run[0].strength < 1.0:
            continue
        a, b = run[0], run[-1]
        if _inside(rows_in, a.row, b.row) or _inside(segs_in, a.seg, b.seg):
            continue
        out.append(Block((a.row, b.row), (a.seg, b.seg), tuple(run)))
    return out


def twin(block, backbone, row_keys, keys) -> bool:
    """Whether a one-segment block has a twin where the document's order puts the row:
    a segment between the pins around it with most of the link targets and code the pin
    shares with the row. A translation that kept a line the source dropped (a tool list's
    entry) holds the same code twice; the one in order is the row's."""
    if len(block.pins) != 1:
        return False
    pin = block.pins[0]
    shared = {k for k in keys[pin.seg] & frozenset().union(*row_keys[pin.row])
              if k.startswith(("url:", "code:"))}
    if not shared:
        return False
    rows = [p.row for p in backbone]
    k = bisect.bisect_left(rows, pin.row)
    lo = backbone[k - 1].seg if k > 0 else -1
    hi = backbone[k].seg if k < len(backbone) else len(keys)
    # Two thirds of them: a translator drops or misspells a tool's name now and then.
    return any(3 * len(shared & keys[j]) >= 2 * len(shared) for j in range(lo + 1, hi))


def headed(blocks: list[Block], backbone: list[Pin], row_heads: list[bool], seg_heads: list[bool]) -> list[Block]:
    """Blocks with their section's heading: the nearest heading before the block within
    BLOCK_GAP, in the profile and in the document alike, with nothing of the backbone
    or of another block between. A section moves with its heading, which has nothing to
    pin it; left to the ordered alignment, it would take the row of the heading found
    where it now is."""
    taken_rows = {p.row for p in backbone} | {i for b in blocks for i in range(b.rows[0], b.rows[1] + 1)}
    taken_segs = {p.seg for p in backbone} | {j for b in blocks for j in range(b.segs[0], b.segs[1] + 1)}
    out = []
    for b in blocks:
        head = _heading_before(b.rows[0], b.segs[0], row_heads, seg_heads, taken_rows, taken_segs)
        if head is not None:
            i, j = head
            taken_rows.update(range(i, b.rows[0]))
            taken_segs.update(range(j, b.segs[0]))
            b = Block((i, b.rows[1]), (j, b.segs[1]), b.pins)
        out.append(b)
    return out


def heading_cuts(backbone: list[Pin], row_heads: list[bool], seg_heads: list[bool],
                 moved_rows: set[int], moved_segs: set[int]) -> list[tuple[int, int]]:
    """Per reliable pin of the backbone, the heading its section opens with (the nearest
    heading before it within HEADING_REACH, in the profile and in the document alike, with
    no other pin between): what comes before the one comes before the other. A section
    the translation put before it (a heading and paragraphs, nothing to pin them) would
    otherwise give its heading to the pinned section's row."""
    taken_rows = moved_rows | {p.row for p in backbone}
    taken_segs = moved_segs | {p.seg for p in backbone}
    heads = (_heading_before(p.row, p.seg, row_heads, seg_heads, taken_rows, taken_segs)
             for p in backbone if p.reliable)
    return [head for head in heads if head is not None]


def _heading_before(row: int, seg: int, row_heads: list[bool], seg_heads: list[bool],
                    taken_rows: set[int], taken_segs: set[int]) -> tuple[int, int] | None:
    """(row, segment) of the nearest heading before ``row`` in the profile and before
    ``seg`` in the document, when both sides have one."""
    i, j = _nearest_heading(row, row_heads, taken_rows), _nearest_heading(seg, seg_heads, taken_segs)
    return None if i is None or j is None else (i, j)


def _nearest_heading(start: int, heads: list[bool], taken: set[int]) -> int | None:
    for k in range(start - 1, max(-1, start - 1 - HEADING_REACH), -1):
        if k in taken:
            return None
        if heads[k]:
            return k
    return None


def _inside(sorted_values: list[int], lo: int, hi: int) -> bool:
    k = bisect.bisect_left(sorted_values, lo)
    return k < len(sorted_values) and sorted_values[k] <= hi
