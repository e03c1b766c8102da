"""The meaning checks on real translations: ``python bench/meaning.py [--mode src|nosrc]
[--unreviewed CODE] [--plants]``.

Runs the meaning rules (``MEANING``: numbers, measures and money TC401, names TC402,
days and months TC405, mentions and hashtags TC406, a name spelt two ways in one
translation TC407, roles TC502, negations TC503,
sentence drift TC504 with ``--embeddings``, and the leads TC403, TC404, TC506, off by
default) at their default severities on the WMT24++ development corpus (``../shared/devcorpus/wmt24pp``, English
plus 15 professional translations), without a source and with ``--source en``, and
prints for each mode:

- per rule and severity: how many findings, and their precision against the reviewed
  verdicts in ``bench/reviewed/<CODE>.tsv`` (true / reviewed; the rest unreviewed);
- recall of the real meaning errors found by reading, ``bench/reviewed/
  meaning_errors.tsv`` (domain, document, line, language, class, ...): an error is
  found when a finding of a meaning rule covers its line in its language; "loud" when
  that finding is a warning or an error. Per class, and per rule.

``--unreviewed CODE`` lists that rule's findings (all severities) with no verdict yet,
for review; ``--missed CLASS`` lists the reviewed errors of that class no loud finding
covers. ``--plants`` also prints ``bench/plant_meaning.py``'s planted recall and
precision per kind and language (the same modes).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from realtext import find_corpus, groups, load_reviewed  # noqa: E402

MEANING = ("TC401", "TC402", "TC405", "TC406", "TC407", "TC403", "TC404", "TC502", "TC503", "TC504", "TC506")
ERRORS = ROOT / "bench" / "reviewed" / "meaning_errors.tsv"
LOUD = ("error", "warning")
SOURCE = "en"


def load_errors() -> list[dict]:
    with ERRORS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def findings(corpus: Path, mode: str, embeddings: bool) -> list:
    from transcheck.rules.registry import BY_CODE
    from transcheck.runner import run
    from transcheck.settings import Settings

    settings = Settings(source=SOURCE if mode == "src" else None, embeddings=embeddings)
    codes = [c for c in MEANING if c != "TC504" or embeddings]
    paths = sorted({p for g in groups(corpus).values() for p in g.values()})
    return run([str(p) for p in paths], settings, tuple(BY_CODE[c] for c in codes), jobs=2).findings


def report(corpus: Path, mode: str, embeddings: bool, unreviewed: str | None,
           missed: str | None = None) -> None:
    found = findings(corpus, mode, embeddings)
    reviewed = load_reviewed()

    def rel(path: str) -> str:
        return str(Path(path).resolve().relative_to(corpus))

    print(f"\n== {mode}: findings and reviewed precision (true/reviewed; unreviewed apart)")
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for f in found:
        verdict = reviewed.get((mode, f.code, rel(f.path), f.line), ("unreviewed",))[0]
        table[(f.code, f.severity.value)][verdict] += 1
        if unreviewed == f.code and verdict == "unreviewed":
            print(f"UNREVIEWED\t{mode}\t{f.code}\t{rel(f.path)}\t{f.line}\t{f.severity.value}\t{f.message}")
    for (code, severity), c in sorted(table.items()):
        judged = c["true"] + c["false"]
        share = f"{c['true'] / judged:.2f}" if judged else " -- "
        print(f"{code} {severity:<8} {sum(c.values()):>4} findings  precision {share} "
              f"({c['true']}/{judged}; {c['unreviewed']} unreviewed)")

    errors = load_errors()
    at: dict[tuple[str, int], list] = defaultdict(list)
    for f in found:
        for line in range(f.line, f.end_line + 1):
            at[(rel(f.path), line)].append(f)
    print(f"\n== {mode}: recall of the reviewed real meaning errors ({len(errors)}: any finding / loud)")
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in errors:
        hits = at.get((f"{e['domain']}/{e['document']}.{e['language']}.txt", int(e["line"])), [])
        cell = by_class[e["class"]]
        before = cell[1]
        cell[0] += bool(hits)
        cell[1] += any(h.severity.value in LOUD for h in hits)
        cell[2] += 1
        if missed == e["class"] and not cell[1] - before:
            print(f"MISSED\t{mode}\t{e['document']}\t{e['line']}\t{e['language']}\t"
                  f"{e['source']}\t{e['translation']}\t{' '.join(sorted({h.code for h in hits}))}")
        for code in {h.code for h in hits}:
            by_rule[code][0] += 1
            by_rule[code][1] += any(h.code == code and h.severity.value in LOUD for h in hits)
    for name, (anyhit, loud, n) in sorted(by_class.items()):
        print(f"{name:<12} {anyhit:>4} any {anyhit / n:.2f}  {loud:>4} loud {loud / n:.2f}  of {n}")
    total = [sum(c[i] for c in by_class.values()) for i in range(3)]
    print(f"{'all':<12} {total[0]:>4} any {total[0] / total[2]:.2f}  {total[1]:>4} loud "
          f"{total[1] / total[2]:.2f}  of {total[2]}")
    for code, (anyhit, loud) in sorted(by_rule.items()):
        print(f"  by {code}: {anyhit} any, {loud} loud")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus")
    ap.add_argument("--mode", choices=("src", "nosrc"), action="append", help="default: both")
    ap.add_argument("--embeddings", action="store_true")
    ap.add_argument("--unreviewed", metavar="CODE", help="list this rule's findings with no verdict")
    ap.add_argument("--missed", metavar="CLASS", help="list this class's reviewed errors no loud finding covers")
    ap.add_argument("--plants", action="store_true", help="also the planted recall (bench/plant_meaning.py)")
    args = ap.parse_args(argv)
    corpus = find_corpus(args.corpus)
    for mode in args.mode or ("nosrc", "src"):
        report(corpus, mode, args.embeddings, args.unreviewed, args.missed)
    if args.plants:
        import plant_meaning

        for mode in args.mode or ("nosrc", "src"):
            extra = ["--embeddings"] if args.embeddings else []
            plant_meaning.main(["--corpus", str(corpus), "--mode", mode, *extra])
    return 0


if __name__ == "__main__":
    sys.exit(main())
