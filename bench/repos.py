"""Public multi-language repositories: ``python bench/repos.py NAME=REPORT.json ...``
(reports written by ``transcheck check --format json`` in a checkout of the repository,
with the layout and source the repository calls for; the commands are in
docs/repositories.md).

For each report: documents and translated segments per language (every translation
file the layout matches is read or named in a warning on standard error), then errors
and warnings per rule, per 1,000 translated segments, with the reviewed precision from
``bench/reviewed/repo-NAME.tsv`` (``mode code path line verdict why``, the commit in
a first ``#`` line; a finding matches a record by rule, path and line).

``--sample N``: a reproducible random sample of N errors and warnings not reviewed
yet, spread over the rules (at least a few of each), with the lines around each,
to read and record.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REVIEWED = Path(__file__).resolve().parent / "reviewed"
LOUD = ("error", "warning")


def reviewed(name: str) -> dict[tuple[str, str, int], bool]:
    path = REVIEWED / f"repo-{name}.tsv"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return {(row["code"], row["path"], int(row["line"])): row["verdict"] == "true"
            for row in csv.DictReader(lines, delimiter="\t")}


def figures(name: str, report: dict) -> dict:
    source = report["signature"].get("source")
    per_language = Counter()
    files = Counter()
    for d in report["documents"]:
        files[d["language"]] += 1
        per_language[d["language"]] += d["segments"]
    segments = sum(n for lang, n in per_language.items() if lang != source)
    loud = [f for f in report["findings"] if f["severity"] in LOUD]
    review = reviewed(name)
    rules = {}
    for code in sorted({f["code"] for f in loud}):
        mine = [f for f in loud if f["code"] == code]
        verdicts = [review[k] for f in mine if (k := (code, f["path"], f["line"])) in review]
        rules[code] = {
            "errors": sum(f["severity"] == "error" for f in mine),
            "warnings": sum(f["severity"] == "warning" for f in mine),
            "per_1000": round(1000 * len(mine) / max(segments, 1), 2),
            "true": sum(verdicts),
            "reviewed": len(verdicts),
        }
    return {"name": name, "source": source, "files": dict(sorted(files.items())),
            "segments": segments, "loud": len(loud),
            "per_1000": round(1000 * len(loud) / max(segments, 1), 2), "rules": rules}


def show(fig: dict) -> None:
    langs = ", ".join(f"{lang} {n}" for lang, n in fig["files"].items())
    print(f"{fig['name']}: {sum(fig['files'].values())} documents ({langs}); "
          f"{fig['segments']} translated segments; {fig['loud']} errors and warnings, "
          f"{fig['per_1000']} per 1,000")
    print(f"  {'rule':6} {'errors':>6} {'warnings':>8} {'per 1,000':>9} {'true/reviewed':>13} {'precision':>9}")
    for code, r in fig["rules"].items():
        precision = f"{r['true'] / r['reviewed']:.2f}" if r["reviewed"] else "-"
        ratio = f"{r['true']}/{r['reviewed']}"
        print(f"  {code:6} {r['errors']:6} {r['warnings']:8} {r['per_1000']:9.2f} {ratio:>13} {precision:>9}")
    t = sum(r["true"] for r in fig["rules"].values())
    n = sum(r["reviewed"] for r in fig["rules"].values())
    if n:
        print(f"  all reviewed: {t}/{n} true ({t / n:.2f})")


def sample(name: str, report: dict, size: int, root: Path) -> None:
    """Errors and warnings not reviewed yet, in a stable random order (a hash of rule,
    path and line), taken round-robin over the rules so that each has some."""
    review = reviewed(name)
    by_rule = defaultdict(list)
    for f in report["findings"]:
        if f["severity"] in LOUD and (f["code"], f["path"], f["line"]) not in review:
            by_rule[f["code"]].append(f)
    for code in by_rule:
        by_rule[code].sort(key=lambda f: hashlib.sha1(f"{f['code']}:{f['path']}:{f['line']}".encode()).hexdigest())
    picked = []
    while len(picked) < size and any(by_rule.values()):
        for code in sorted(by_rule):
            if by_rule[code] and len(picked) < size:
                picked.append(by_rule[code].pop(0))
    for f in picked:
        print(f"\n=== {f['code']} {f['severity']} {f['path']}:{f['line']} [{f['language']}]\n    {f['message']}")
        _context(root / f["path"], f["line"], f.get("end_line") or f["line"])
        for rel in f.get("related", [])[:2]:
            print(f"  -- {rel['path']}:{rel['line']}")
            _context(root / rel["path"], rel["line"], rel.get("end_line") or rel["line"], around=0)


def _context(path: Path, line: int, end: int, around: int = 1) -> None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    for n in range(max(1, line - around), min(len(lines), end + around) + 1):
        print(f"  {'>' if line <= n <= end else ' '}{n:5} {lines[n - 1][:300]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="+", help="NAME=REPORT.json")
    parser.add_argument("--sample", type=int, default=0, help="print N unreviewed findings to review")
    parser.add_argument("--root", default=".", help="the checkout the report was made in (for --sample)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    out = []
    for arg in args.reports:
        name, _, path = arg.partition("=")
        report = json.loads(Path(path).read_text(encoding="utf-8"))
        if args.sample:
            sample(name, report, args.sample, Path(args.root))
            continue
        fig = figures(name, report)
        out.append(fig)
        if not args.json:
            show(fig)
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
