"""Recall on planted defects in a real documentation tree:
``python bench/plant_tree.py CHECKOUT [--layout PATTERN] [--source en] [--pages 60]
[--per-kind 40] [--kinds a,b] [--no-source] [--misses] [--keep]``.

Pages that have the source and at least one translation are taken in the order of a
stable hash of their names. Each is first copied whole (all its languages, same layout)
into a temporary tree and checked as it is (the control run): its segments, its aligned
rows and the findings it already has. Then each plant is one more copy of one page with
ONE defect in one translation, in a prose paragraph the segmenter found (a paragraph
segment, not code, a heading, a table, HTML, an admonition marker, front matter or an
include), standing on its own lines between blank lines:

- **duplicated**: the paragraph pasted again after itself;
- **deleted**: the paragraph removed;
- **english**: the paragraph replaced by the source's paragraph aligned with it;
- **other-language**: replaced by another translation's aligned paragraph (another
  base language than the page's own: ``zh`` is not planted into ``zh-hant``);
- **number**: a number the source's aligned paragraph also has, one digit changed
  (its last, plus 3: 2019 -> 2012, 4 -> 7);
- **cut**: the paragraph's second half deleted (at the whitespace or sentence end
  nearest its middle).

Every plant copy is checked in one run (``transcheck.runner.run``, default rules, no
git history), with ``--source`` unless ``--no-source``. A plant is found when a finding
of an accepted code (``ACCEPT``) in the planted file overlaps the planted lines, widened
by the kind's margin. A site is chosen only where the control run has no finding of the
accepted codes within that window, so a defect the page already had never counts.

``cut`` accepts every rule that says the translation lacks part of its source's
content: length (TC602), meaning (TC504), a missing segment (TC301), or a number or
name the source has that the shortened line lost (TC401, TC402).

Recall is printed per kind and language, for findings of any severity and for
warnings and errors only; ``--misses`` lists each miss with what was found nearby, and
``--keep`` leaves the trees (and ``plants.tsv``) for a closer look. With
``--no-source`` the sites are chosen against a control run without a source, so the
plants can differ a little from those of a run with one.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

KINDS = ("duplicated", "deleted", "english", "other-language", "number", "cut")
# Codes that count as finding each kind, and the margin (lines) around the planted lines.
ACCEPT: dict[str, tuple[frozenset[str], int]] = {
    "duplicated": (frozenset({"TC101", "TC302"}), 0),
    "deleted": (frozenset({"TC301"}), 2),
    "english": (frozenset({"TC202", "TC201"}), 0),
    "other-language": (frozenset({"TC201", "TC202"}), 0),
    "number": (frozenset({"TC401"}), 0),
    "cut": (frozenset({"TC602", "TC504", "TC301", "TC401", "TC402"}), 1),
}
MIN_LETTERS = 40  # a paragraph long enough that its language can be told
MIN_CUT = 80  # a paragraph long enough that half of it is a loss worth reporting
_DIGITS = re.compile(r"(?<![\w.,])\d{1,4}(?![\w.,]|\d)")
_BLOCK_START = re.compile(r"\s*(?:[>|<{:!/*+-]|\d+[.)]\s|import\s|export\s)")


def stable(*parts: str) -> int:
    return int(hashlib.sha1("\0".join(parts).encode()).hexdigest()[:12], 16)


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


@dataclass(frozen=True)
class Plant:
    kind: str
    group: str  # the page's name
    lang: str
    rel: str  # the planted file, relative to its copy's root
    lines: tuple[str, ...]  # the planted file's new text
    start: int  # 1-based planted lines (for "deleted": where the paragraph was)
    end: int
    what: str  # a short description for --misses


class Page:
    """One page of the control run: per language its file, lines, segments, and the
    rows of the alignment; ``flagged`` holds (lang, code, line) of control findings."""

    def __init__(self, group):
        self.name = group.group
        self.docs = {d.language: d for d in group.documents}
        first = os.path.normpath(group.documents[0].path).split(os.sep)[0]
        self.base = first  # the copy's own directory in the control tree
        self.rel = {lang: os.path.relpath(os.path.normpath(d.path), first) for lang, d in self.docs.items()}
        self.lines = {lang: d.text.split("\n") for lang, d in self.docs.items()}
        self.rows = group.rows
        self.flagged = {(f.language, f.code, n) for f in group.findings for n in range(f.line, f.end_line + 1)}

    def quiet(self, lang: str, kind: str, start: int, end: int) -> bool:
        codes, margin = ACCEPT[kind]
        return not any((lang, c, n) in self.flagged for c in codes for n in range(start - margin, end + margin + 1))

    def paragraph(self, lang: str, index: int, least: int = MIN_LETTERS):
        """The segment if it is a prose paragraph on lines of its own between blank lines."""
        seg = self.docs[lang].segments[index]
        lines = self.lines[lang]
        if seg.kind.value != "paragraph" or seg.block or letters(seg.text) < least:
            return None
        raw = lines[seg.line - 1: seg.end_line]
        if _BLOCK_START.match(raw[0]) or any("http" in ln or "`" in ln for ln in raw):
            return None
        if (seg.line > 1 and lines[seg.line - 2].strip()) or (seg.end_line < len(lines) and lines[seg.end_line].strip()):
            return None
        return seg

    def aligned(self, lang: str, index: int, other: str):
        """The one paragraph of ``other`` in a one-to-one row with segment ``index``."""
        for row in self.rows:
            if row.cells.get(lang) == (index,):
                cell = row.cells.get(other, ())
                return self.paragraph(other, cell[0]) if len(cell) == 1 else None
        return None


def _replace(page: Page, lang: str, seg, new: list[str], kind: str, what: str) -> Plant:
    lines = page.lines[lang]
    out = lines[: seg.line - 1] + new + lines[seg.end_line:]
    return Plant(kind, page.name, lang, page.rel[lang], tuple(out), seg.line, seg.line + len(new) - 1, what)


def plant(page: Page, lang: str, kind: str, source: str) -> Plant | None:
    """One defect of ``kind`` in ``lang``'s copy of the page, at a stably chosen site."""
    segs = page.docs[lang].segments
    order = sorted(range(len(segs)), key=lambda i: stable(page.name, lang, kind, str(i)))
    lines = page.lines[lang]
    for i in order:
        seg = page.paragraph(lang, i, MIN_CUT if kind == "cut" else MIN_LETTERS)
        if seg is None or not page.quiet(lang, kind, seg.line, seg.end_line):
            continue
        raw = lines[seg.line - 1: seg.end_line]
        src = page.aligned(lang, i, source)
        if kind == "duplicated":
            out = lines[: seg.end_line] + [""] + raw + lines[seg.end_line:]
            if not page.quiet(lang, kind, seg.end_line + 2, seg.end_line + 1 + len(raw)):
                continue
            return Plant(kind, page.name, lang, page.rel[lang], tuple(out), seg.line,
                         seg.end_line + 1 + len(raw), seg.text[:60])
        if kind == "deleted":
            if i == 0 or seg.end_line >= len(lines):
                continue
            out = lines[: seg.line - 1] + lines[seg.end_line + 1:]
            return Plant(kind, page.name, lang, page.rel[lang], tuple(out), seg.line, seg.line, seg.text[:60])
        if kind == "english" and src is not None and src.text != seg.text:
            return _replace(page, lang, seg, page.lines[source][src.line - 1: src.end_line], kind, src.text[:60])
        if kind == "other-language" and src is not None:
            peers = sorted((p for p in page.docs if p.split("-")[0] not in (lang.split("-")[0], source.split("-")[0])),
                           key=lambda p: stable(page.name, lang, p))
            for peer in peers:
                other = page.aligned(lang, i, peer)
                if other is not None and other.text != src.text and page.quiet(peer, kind, other.line, other.end_line):
                    new = page.lines[peer][other.line - 1: other.end_line]
                    return _replace(page, lang, seg, new, kind, f"{peer}: {other.text[:50]}")
        if kind == "number" and src is not None:
            shared = sorted(set(_DIGITS.findall(seg.text)) & set(_DIGITS.findall(src.text)))
            for old in shared:
                pattern = rf"(?<![\w.,]){old}(?![\w.,]|\d)"
                body = "\n".join(raw)
                if len(re.findall(pattern, body)) != len(re.findall(pattern, seg.text)):
                    continue  # an occurrence in markup the segmenter took out
                changed = old[:-1] + str((int(old[-1]) + 3) % 10)  # one digit, as a typo changes it
                new = re.sub(pattern, changed, body, count=1)
                return _replace(page, lang, seg, new.split("\n"), kind, f"{old} -> {changed}: {seg.text[:40]}")
        if kind == "cut" and src is not None:
            return _replace(page, lang, seg, _first_half(raw), kind, seg.text[:60])
    return None


def _first_half(raw: list[str]) -> list[str]:
    """The paragraph up to the break nearest its middle: a line end, a sentence end or a
    space (scripts without spaces break at their full stops and commas)."""
    if len(raw) >= 2:
        return raw[: len(raw) // 2]
    text = raw[0]
    breaks = [m.end() for m in re.finditer(r"\s+|[。！？，、；]", text)]
    cut = min(breaks, key=lambda b: abs(b - len(text) / 2)) if breaks else len(text) // 2
    return [text[:cut].rstrip()]


def copy_page(files: dict[str, str], src_root: str, dst_root: str, override: Plant | None = None) -> None:
    for rel, origin in files.items():
        target = os.path.join(dst_root, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if override is not None and rel == override.rel:
            with open(target, "w", encoding="utf-8") as fh:
                fh.write("\n".join(override.lines))
        else:
            shutil.copyfile(os.path.join(src_root, origin), target)


def check(root: str, layout: str, source: str | None):
    from transcheck.read.layout import parse_layout
    from transcheck.rules.registry import RULES
    from transcheck.runner import run
    from transcheck.settings import Settings

    here = os.getcwd()
    os.chdir(root)
    try:
        settings = Settings(source=source, history=False, layouts=(parse_layout("*/" + layout, root),))
        return run(["."], settings, tuple(r for r in RULES if r.default), jobs=os.cpu_count() or 1)
    finally:
        os.chdir(here)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkout")
    ap.add_argument("--layout", default="docs/{lang}/docs/**/*.md")
    ap.add_argument("--source", default="en", help="the language the plants are taken from")
    ap.add_argument("--no-source", action="store_true", help="check without --source")
    ap.add_argument("--per-kind", type=int, default=40)
    ap.add_argument("--pages", type=int, default=60, help="pages of the control run")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds to plant")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temporary trees (path on stderr)")
    args = ap.parse_args(argv)
    from transcheck.read.discover import discover
    from transcheck.read.layout import parse_layout

    checkout = os.path.abspath(args.checkout)
    if not os.path.isdir(checkout):
        print(f"bench/plant_tree.py: {args.checkout}: no such directory", file=sys.stderr)
        return 2
    here = os.getcwd()
    os.chdir(checkout)
    try:
        found = discover(["."], layouts=(parse_layout(args.layout, checkout),), source=args.source)
    finally:
        os.chdir(here)
    groups = [g for g in found.groups if args.source in {f.language for f in g.files} and len(g.files) > 1]
    groups.sort(key=lambda g: stable(g.name))
    groups = groups[: args.pages]
    if not groups:
        print(f"bench/plant_tree.py: no page of {args.layout} has {args.source} and a translation", file=sys.stderr)
        return 2
    source = None if args.no_source else args.source
    work = tempfile.mkdtemp(prefix="transcheck-plant-tree-")
    plants: list[Plant] = []
    try:
        for n, g in enumerate(groups):  # each page in a directory of its own: c0000/<its paths>
            copy_page({os.path.normpath(f.path): f.path for f in g.files}, checkout,
                      os.path.join(work, "control", f"c{n:04}"))
        control = check(os.path.join(work, "control"), args.layout, source)
        pages = sorted((Page(g) for g in control.groups), key=lambda p: stable(p.name))
        for kind in args.kinds.split(","):
            pairs = sorted(((p, lang) for p in pages for lang in p.docs if lang != args.source),
                           key=lambda pl: stable(kind, pl[0].name, pl[1]))
            taken = 0
            for p, lang in pairs:
                if taken < args.per_kind and (made := plant(p, lang, kind, args.source)) is not None:
                    plants.append(made)
                    taken += 1
        by_name = {p.name: p for p in pages}
        for n, pl in enumerate(plants):
            page = by_name[pl.group]
            copy_page({r: os.path.join(page.base, r) for r in page.rel.values()}, os.path.join(work, "control"),
                      os.path.join(work, "plants", f"p{n:04}"), pl)
        report = check(os.path.join(work, "plants"), args.layout, source)
        print(f"{args.checkout} ({args.layout}), {'no source' if source is None else 'source ' + source}, "
              f"{len(pages)} pages, {len(plants)} plants")
        score(report, plants, args.misses)
    finally:
        if args.keep:
            with open(os.path.join(work, "plants.tsv"), "w", encoding="utf-8") as fh:
                fh.writelines(f"p{n:04}\t{p.kind}\t{p.lang}\t{p.rel}\t{p.start}\t{p.end}\n" for n, p in enumerate(plants))
            print(f"kept: {work} (plants.tsv lists the plants)", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def score(report, plants: list[Plant], misses: bool) -> None:
    by_file = defaultdict(list)
    for g in report.groups:
        for f in g.findings:
            by_file[os.path.normpath(f.path)].append(f)
    hits = defaultdict(lambda: [0, 0, 0])  # (kind, lang) -> any, warning+, planted
    missed = []
    for n, pl in enumerate(plants):
        codes, margin = ACCEPT[pl.kind]
        near = [f for f in by_file[os.path.normpath(os.path.join(f"p{n:04}", pl.rel))]
                if f.line <= pl.end + margin and f.end_line >= pl.start - margin]
        got = [f for f in near if f.code in codes]
        h = hits[(pl.kind, pl.lang)]
        h[0] += bool(got)
        h[1] += any(f.severity.value in ("error", "warning") for f in got)
        h[2] += 1
        if not got:
            missed.append((n, pl, near))
    langs = sorted({lang for _, lang in hits})
    print(f"{'kind':<15}" + "".join(f"{lang:>8}" for lang in langs) + "     all: any / warning+")
    for kind in [k for k in KINDS if any(pl.kind == k for pl in plants)]:
        row = [hits[(kind, lang)] for lang in langs]
        total = [sum(h[i] for h in row) for i in range(3)]
        cells = "".join(f"{f'{h[0]}/{h[2]}':>8}" if h[2] else f"{'-':>8}" for h in row)
        print(f"{kind:<15}{cells}   {total[0]}/{total[2]} = {total[0] / max(total[2], 1):.2f}"
              f" / {total[1] / max(total[2], 1):.2f}")
    if misses:
        for n, pl, near in missed:
            seen = ", ".join(f"{f.code}@{f.line}" for f in near) or "nothing"
            print(f"miss p{n:04} {pl.kind:<14} {pl.lang:<7} {pl.rel}:{pl.start}-{pl.end}  {pl.what!r}  near: {seen}")


if __name__ == "__main__":
    sys.exit(main())
