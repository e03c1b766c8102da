"""Recall and precision of the meaning checks on planted defects in real translations:
``python bench/plant_meaning.py [--split tune|report|all] [--mode src|nosrc] [--kind K]
[--misses]``.

In copies of the ``../shared/devcorpus/wmt24pp`` documents (English plus 15
translations), one defect at a time is planted in one translation (never the English),
on the first line from a stable place in the document where the kind applies (see
``bench/meaning_plants.py``): a name replaced by another, a unit exchanged for the
other system's, a number word changed, a negation dropped or added, two numbers
exchanged. Every planted copy goes into one temporary tree, checked once with
``--source en`` and once without.

A plant is found when a finding of the kind's rule (``EXPECT``) covers its line in its
language; "loud" means a warning or an error. Precision counts, besides the plants
found loudly, every warning or error of a meaning rule (``MEANING``) in a planted copy that is neither on the planted line nor on the unplanted
corpus (those are the real-text benchmark's, ``bench/realtext.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from meaning_plants import EXPECT, KINDS, Doc  # noqa: E402
from realtext import find_corpus, groups, split_of  # noqa: E402

MEANING = ("TC401", "TC402", "TC403", "TC404", "TC502", "TC503", "TC504", "TC506")
LOUD = ("error", "warning")
SOURCE = "en"


def _order(name: str, kind: str, lang: str, n: int) -> list[int]:
    start = int(hashlib.sha1(f"{name}:{kind}:{lang}".encode()).hexdigest(), 16) % max(n, 1)
    return list(range(start, n)) + list(range(start))


def plant_all(docs: dict, kinds: list[str], work: Path, per: int = 8):
    """Write one folder per plant; yield (kind, lang, document, folder, line)."""
    texts = {name: {lg: p.read_text(encoding="utf-8").split("\n") for lg, p in g.items()}
             for name, g in docs.items()}
    for kind in kinds:
        for lang in sorted({lg for g in docs.values() for lg in g} - {SOURCE}):
            foreign, foreign_source = [], []
            for name in sorted(texts):
                t = texts[name]
                if lang in t and SOURCE in t:
                    n = min(len(t[lang]), len(t[SOURCE]))
                    foreign += t[lang][:n]
                    foreign_source += t[SOURCE][:n]
            made = 0
            for name in sorted(docs, key=lambda n: hashlib.sha1(f"{kind}:{lang}:{n}".encode()).hexdigest()):
                t = texts[name]
                if lang not in t or SOURCE not in t or made >= per:
                    continue
                for k in _order(name, kind, lang, min(len(t[lang]), len(t[SOURCE]))):
                    own = [i for i, line in enumerate(foreign) if line == t[lang][k]]
                    doc = Doc(lang, k, t[lang][k], t[SOURCE][k],
                              {lg: lines[k] for lg, lines in t.items() if lg not in (lang, SOURCE) and k < len(lines)},
                              [x for i, x in enumerate(foreign) if i not in own],
                              [x for i, x in enumerate(foreign_source) if i not in own])
                    new = KINDS[kind](doc)
                    if new is None or new == t[lang][k]:
                        continue
                    folder = work / f"{kind}-{lang}-{Path(name).name}"
                    folder.mkdir(parents=True)
                    for lg, path in docs[name].items():
                        lines = list(t[lg])
                        if lg == lang:
                            lines[k] = new
                        (folder / path.name).write_text("\n".join(lines), encoding="utf-8")
                    made += 1
                    yield kind, lang, name, folder, k + 1
                    break


def _check(paths: list[Path], mode: str, embeddings: bool):
    from transcheck.rules.registry import BY_CODE
    from transcheck.runner import run
    from transcheck.settings import Settings

    settings = Settings(source=SOURCE if mode == "src" else None, embeddings=embeddings)
    rules = tuple(BY_CODE[c] for c in MEANING)
    return run([str(p) for p in paths], settings, rules, jobs=2).findings


def measure(docs: dict, kinds: list[str], mode: str, embeddings: bool, misses: bool, per: int) -> dict:
    corpus_paths = sorted({p for g in docs.values() for p in g.values()})
    baseline = {(Path(f.path).name, f.code, f.line) for f in _check(corpus_paths, mode, embeddings)
                if f.severity.value in LOUD}
    work = Path(tempfile.mkdtemp(prefix="transcheck-plant-meaning-"))
    try:
        planted = list(plant_all(docs, kinds, work, per))
        findings = _check([work], mode, embeddings) if planted else []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    by_folder = defaultdict(list)
    for f in findings:
        by_folder[Path(f.path).parent.name].append(f)
    table = defaultdict(lambda: [0, 0, 0])  # (kind, lang) -> any, loud, planted
    false = defaultdict(int)
    for kind, lang, name, folder, line in planted:
        got = [f for f in by_folder[folder.name] if f.language == lang and f.line <= line <= f.end_line]
        hit = [f for f in got if f.code in EXPECT[kind]]
        cell = table[(kind, lang)]
        cell[0] += bool(hit)
        cell[1] += any(f.severity.value in LOUD for f in hit)
        cell[2] += 1
        for f in by_folder[folder.name]:
            if f.severity.value not in LOUD or (f in got and f.code in EXPECT[kind]):
                continue
            if (Path(f.path).name, f.code, f.line) not in baseline:
                false[kind] += 1
                if misses:
                    print(f"FALSE {kind} {folder.name} {f.language}:{f.line} {f.code} {f.message[:150]}")
        if misses and not any(f.severity.value in LOUD for f in hit):
            print(f"MISS {kind} {lang} {name}:{line} ({'info' if hit else 'none'})"
                  + "".join(f" | {f.code} {f.message[:120]}" for f in hit))
    return {"table": table, "false": false, "baseline": len(baseline)}


def report(result: dict, kinds: list[str], mode: str) -> None:
    table, false = result["table"], result["false"]
    langs = sorted({lang for _, lang in table})
    print(f"\n== {mode}: loud recall per language (found as warning or error / planted)")
    print("kind           " + " ".join(f"{lg:>5}" for lg in langs) + "    any  loud  precision(loud)")
    for kind in kinds:
        cells = [table.get((kind, lg), [0, 0, 0]) for lg in langs]
        a, loud, n = (sum(c[i] for c in cells) for i in range(3))
        shown = " ".join(f"{c[1]:>2}/{c[2]:<2}" if c[2] else "   - " for c in cells)
        precision = loud / (loud + false[kind]) if loud + false[kind] else float("nan")
        print(f"{kind:<14} {shown}   {a / max(n, 1):.2f}  {loud / max(n, 1):.2f}  {precision:.2f} "
              f"({false[kind]} other loud findings; {n} planted)")
    total = [sum(table[k][i] for k in table) for i in range(3)]
    wrong = sum(false.values())
    print(f"all            any {total[0] / max(total[2], 1):.2f}, loud {total[1] / max(total[2], 1):.2f}, "
          f"precision {total[1] / max(total[1] + wrong, 1):.2f}; loud findings on the unplanted documents: "
          f"{result['baseline']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus")
    ap.add_argument("--split", choices=("tune", "report", "all"), default="all")
    ap.add_argument("--mode", choices=("src", "nosrc"), action="append", help="default: both")
    ap.add_argument("--kind", choices=sorted(KINDS), action="append", help="default: all")
    ap.add_argument("--embeddings", action="store_true")
    ap.add_argument("--per", type=int, default=8, help="documents per kind and language (default 8)")
    ap.add_argument("--misses", action="store_true", help="print each plant not found loudly, and each false finding")
    args = ap.parse_args(argv)
    corpus = find_corpus(args.corpus)
    docs = {n: g for n, g in groups(corpus).items() if args.split == "all" or split_of(n) == args.split}
    kinds = args.kind or list(KINDS)
    print(f"split: {args.split} ({len(docs)} documents)")
    for mode in args.mode or ("src", "nosrc"):
        report(measure(docs, kinds, mode, args.embeddings, args.misses, args.per), kinds, mode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
