"""Moved blocks and deletions planted in a real long document kept in many languages:
``python bench/plant_moves.py CHECKOUT --source-file README.md --translations
'README-{lang}.md' [--seeds 3] [--misses] [--embeddings]``.

The document is read once as it is (the control run, with the source, rules TC301 and
TC302). Then, per seed, every translation gets one plant, each checked in a run of its
own (the other translations as they are):

- **paragraph**: a paragraph of its own (between blank lines, outside lists) moved
  before another such paragraph two to eight paragraphs away;
- **item**: a list item (with what is nested in it) moved two to five places within
  its list;
- **section**: a section (a heading of level 2 to 4 and everything down to the next
  heading of its level or above) moved after the sibling section that follows it;
- **move+deleted**: one of the three moves, and the list item or paragraph next to
  the moved block's old place deleted.

A move is clean when the planted run has no missing-segment (TC301) or extra-segment
(TC302) finding in that translation that the control run lacks (compared by
fingerprint, which ignores line numbers), the deletion's own finding aside. A deletion
is found when a TC301 finding of the planted run points at the source lines of the
deleted block (the source segments the control run aligned with it, with confidence);
only blocks aligned with the source that way are deleted. Sites are picked by a stable
hash of the seed, the file and the kind, so a run is repeatable.

Recall is printed per kind: clean moves / moves, found deletions / deletions.
The documents used for the figures in docs/alignment.md:

    git clone https://github.com/jlevy/the-art-of-command-line  # at 6b50745
    python bench/plant_moves.py the-art-of-command-line --source-file README.md \\
        --translations 'README-{lang}.md'
    git clone https://github.com/jwasham/coding-interview-university  # at 717298b
    python bench/plant_moves.py coding-interview-university --source-file README.md \\
        --translations 'translations/README-{lang}.md'
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

KINDS = ("paragraph", "item", "section", "move+deleted")
CODES = ("TC301", "TC302")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+\S")
_HEADING = re.compile(r"^(#{2,4})\s+\S")


@dataclass(frozen=True)
class Span:
    start: int  # 0-based line index, inclusive
    end: int  # exclusive, without trailing blank lines
    kind: str


def pick(seed: int, name: str, kind: str, n: int) -> int:
    digest = hashlib.sha256(f"{seed}\0{name}\0{kind}".encode()).hexdigest()
    return int(digest[:12], 16) % n


def _blank(line: str) -> bool:
    return not line.strip()


def paragraphs(lines: list[str]) -> list[Span]:
    """Plain paragraphs between blank lines, outside lists, code and tables."""
    out, i, fence = [], 0, False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if fence or _blank(line) or (i and not _blank(lines[i - 1])):
            i += 1
            continue
        j = i
        while j < len(lines) and not _blank(lines[j]):
            j += 1
        text = lines[i:j]
        if (line[:1].isalpha() and not any(_ITEM.match(t) or t.lstrip().startswith(("#", "|", "<", "```", ">"))
                                          for t in text)
                and (j == len(lines) or _blank(lines[j])) and len(" ".join(text)) >= 40):
            out.append(Span(i, j, "paragraph"))
        i = j
    return out


def item_lists(lines: list[str]) -> list[list[Span]]:
    """Runs of sibling list items (same indentation, nothing between them at a lower
    indentation), each item with its nested lines."""
    starts = [(i, len(m.group(1))) for i, line in enumerate(lines) if (m := _ITEM.match(line))]
    lists: dict[tuple[int, int], list[Span]] = {}
    fence = False
    for n, (i, indent) in enumerate(starts):
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if line.lstrip().startswith("```"):
                fence = not fence
            if not fence and not _blank(line):
                lead = len(line) - len(line.lstrip())
                # A line as far left as the marker ends the item, unless it continues
                # the item's paragraph (no blank line before it, no marker of its own).
                if lead <= indent and (_ITEM.match(line) or _blank(lines[j - 1])
                                       or line.lstrip().startswith("#")):
                    break
            j += 1
        end = j
        while end > i + 1 and _blank(lines[end - 1]):
            end -= 1
        key = None
        for (first, ind), items in lists.items():
            last = items[-1]
            if ind == indent and all(_blank(x) for x in lines[last.end:i]) and last.end <= i:
                key = (first, ind)
        if key is None:
            key = (i, indent)
            lists[key] = []
        lists[key].append(Span(i, end, "item"))
    return [items for items in lists.values() if len(items) >= 4]


def sections(lines: list[str]) -> list[tuple[Span, Span]]:
    """Pairs of sibling sections, each a heading with everything down to the next
    heading of its level or above: (section, the one right after it)."""
    heads, fence = [], False
    for i, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fence = not fence
        m = None if fence else _HEADING.match(line)
        if m:
            heads.append((i, len(m.group(1))))
    spans = []
    for n, (i, level) in enumerate(heads):
        end = next((j for j, lv in heads[n + 1:] if lv <= level), len(lines))
        while end > i + 1 and _blank(lines[end - 1]):
            end -= 1
        spans.append((Span(i, end, "section"), level))
    out = []
    for n, (span, level) in enumerate(spans):
        for other, lv in spans[n + 1:]:
            if lv < level:
                break
            if lv == level:
                if all(_blank(x) for x in lines[span.end:other.start]) and other.end - span.start < 120:
                    out.append((span, other))
                break
    return out


def move(lines: list[str], block: Span, before: int) -> list[str]:
    """``lines`` with ``block`` cut out and put before line ``before`` (an index in
    the original lines, outside the block); the blank line after the block goes with
    it."""
    end = block.end + 1 if block.end < len(lines) and _blank(lines[block.end]) else block.end
    body = lines[block.start:end]
    rest = lines[:block.start] + lines[end:]
    at = before if before <= block.start else before - (end - block.start)
    if body and not _blank(body[-1]) and at < len(rest) and not _blank(rest[at]) and block.kind != "item":
        body = body + [""]
    return rest[:at] + body + rest[at:]


def plant_move(name: str, lines: list[str], kind: str, seed: int):
    """(new lines, the moved block's span in the original, its new start) or None."""
    if kind == "paragraph":
        paras = paragraphs(lines)
        if len(paras) < 6:
            return None
        k = pick(seed, name, kind, len(paras))
        step = 2 + pick(seed, name, "step", 7)
        target = k + step if k + step < len(paras) else k - step
        if target < 0:
            return None
        block = paras[k]
        return move(lines, block, paras[target].start), block
    if kind == "item":
        lists = [items for items in item_lists(lines) if len(items) >= 6]
        if not lists:
            return None
        items = lists[pick(seed, name, kind, len(lists))]
        k = pick(seed, name, "item", len(items))
        step = 2 + pick(seed, name, "step", 4)
        target = k + step + 1 if k + step + 1 < len(items) else max(0, k - step)
        block = items[k]
        before = items[target].start if target < len(items) else items[-1].end
        return move(lines, block, before), block
    if kind == "section":
        pairs = sections(lines)
        if not pairs:
            return None
        first, second = pairs[pick(seed, name, kind, len(pairs))]
        after = second.end + 1 if second.end < len(lines) and _blank(lines[second.end]) else second.end
        return move(lines, first, after), first
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout")
    parser.add_argument("--source-file", default="README.md")
    parser.add_argument("--source", default="en")
    parser.add_argument("--translations", default="README-{lang}.md")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--embeddings", action="store_true")
    args = parser.parse_args()
    from planting import Group

    group = Group.read(args.checkout, args.source_file, args.source, args.translations, args.embeddings)
    control = group.check({})
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # moves, clean, deletions, found
    misses = []
    for seed in range(args.seeds):
        plants = {}
        for lang in group.translations:
            kind = KINDS[(pick(seed, lang, "kind", 1000) + seed) % len(KINDS)]
            plant = group.plant(lang, kind, seed, control)
            if plant is not None:
                plants[lang] = plant
        for lang, plant in sorted(plants.items()):
            planted = group.check({lang: plant.lines})
            clean, found, new = group.judge(lang, plant, control, planted)
            t = tally[plant.kind]
            t[0] += 1
            t[1] += clean
            if plant.deleted is not None:
                t[2] += 1
                t[3] += found
            if not clean or (plant.deleted is not None and not found):
                misses.append((seed, lang, plant, new))
    print(f"{'kind':<14}{'moves':>7}{'clean':>7}{'recall':>8}{'deleted':>9}{'found':>7}{'recall':>8}")
    total = [0, 0, 0, 0]
    for kind in KINDS:
        t = tally.get(kind, [0, 0, 0, 0])
        total = [a + b for a, b in zip(total, t)]
        print(_line(kind, t))
    print(_line("all", total))
    if args.misses:
        for seed, lang, plant, new in misses:
            print(f"\nseed {seed} {lang} {plant.kind}: {plant.describe()}")
            for f in new:
                print(f"    {f.code} {f.line}-{f.end_line} {f.message[:110]}")


def _line(kind: str, t: list[int]) -> str:
    r1 = f"{t[1] / t[0]:.2f}" if t[0] else "-"
    r2 = f"{t[3] / t[2]:.2f}" if t[2] else "-"
    return f"{kind:<14}{t[0]:>7}{t[1]:>7}{r1:>8}{t[2]:>9}{t[3]:>7}{r2:>8}"


if __name__ == "__main__":
    main()
