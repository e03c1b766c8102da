"""Errors and warnings per rule, per 1,000 translated values, of JSON reports:
``python bench/keyed_rates.py NAME=REPORT.json ...`` (reports written by ``transcheck
check --format json``), with the reviewed precision of each rule on each report's
findings from ``bench/reviewed/<CODE>.tsv``: the rows whose mode is NAME and whose
finding (rule, file, line) the report still has, and how many of its errors and
warnings have no review yet.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

REVIEWED = Path(__file__).resolve().parent / "reviewed"


def reviewed(name: str) -> dict[tuple[str, str, int], bool]:
    out: dict[tuple[str, str, int], bool] = {}
    for path in sorted(REVIEWED.glob("TC*.tsv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["mode"] == name:
                    out[(row["code"], row["path"], int(row["line"]))] = row["verdict"] == "true"
    return out


def main(argv: list[str]) -> int:
    for arg in argv:
        name, _, path = arg.partition("=")
        report = json.loads(Path(path).read_text(encoding="utf-8"))
        source = report["signature"].get("source") if isinstance(report.get("signature"), dict) else None
        values = sum(d["segments"] for d in report["documents"] if d["language"] != (source or "en"))
        counts = Counter((f["code"], f["severity"]) for f in report["findings"])
        codes = sorted({c for c, s in counts if s in ("error", "warning")})
        review = reviewed(name)
        print(f"{name}: {len(report['documents'])} files, {values} translated values")
        print(f"  {'rule':6} {'errors':>6} {'warnings':>8} {'per 1,000':>9} {'true/reviewed':>13} {'unreviewed':>10}")
        for code in codes:
            e, w = counts[(code, "error")], counts[(code, "warning")]
            shown = [(f["path"], f["line"]) for f in report["findings"]
                     if f["code"] == code and f["severity"] in ("error", "warning")]
            verdicts = [review[(code, p, n)] for p, n in shown if (code, p, n) in review]
            print(f"  {code:6} {e:6} {w:8} {1000 * (e + w) / max(values, 1):9.2f} "
                  f"{f'{sum(verdicts)}/{len(verdicts)}':>13} {len(shown) - len(verdicts):10}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
