"""Errors and warnings per rule, per 1,000 translated values, of JSON reports:
``python bench/keyed_rates.py NAME=REPORT.json ...`` (reports written by ``transcheck
check --format json``), with the reviewed precision of each rule on each report's
findings from ``bench/reviewed/<CODE>.tsv`` (rows whose mode is NAME).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

REVIEWED = Path(__file__).resolve().parent / "reviewed"


def reviewed(name: str) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = {}
    for path in sorted(REVIEWED.glob("TC*.tsv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["mode"] == name:
                    t = out.setdefault(row["code"], [0, 0])
                    t[0] += row["verdict"] == "true"
                    t[1] += 1
    return {code: (t[0], t[1]) for code, t in out.items()}


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
        print(f"  {'rule':6} {'errors':>6} {'warnings':>8} {'per 1,000':>9} {'reviewed':>9}")
        for code in codes:
            e, w = counts[(code, "error")], counts[(code, "warning")]
            t, n = review.get(code, (0, 0))
            print(f"  {code:6} {e:6} {w:8} {1000 * (e + w) / max(values, 1):9.2f} {f'{t}/{n}' if n else '':>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
