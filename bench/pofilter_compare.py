"""transcheck beside pofilter (translate-toolkit) on the same resource files:
``python bench/pofilter_compare.py CHECKOUT --layout PATTERN --format json|android|strings|po
--toolkit DIR [--source en]``.

translate-toolkit is no dependency of transcheck: install it in a throwaway
environment (``python -m venv /tmp/ttk && /tmp/ttk/bin/pip install translate-toolkit``)
and pass its ``bin`` directory as ``--toolkit``. Each translation is converted to PO
as translate-toolkit does (``json2po``, ``android2po``, ``prop2po --personality
strings`` against the source file; PO files as they are) and checked with
``pofilter`` and its default tests; transcheck checks the files in place under the
layout. A unit is matched to a transcheck finding by its language and message key.

Printed: per pofilter test, the units it flags and how many of them transcheck flags
too (error or warning, any rule); per transcheck rule, its errors and warnings and how
many of those units pofilter flags (any test).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONVERT = {"json": ["json2po"], "android": ["android2po"], "strings": ["prop2po", "--personality", "strings"]}


def units(po_path: Path, fmt: str):
    """(key, pofilter tests) of each unit pofilter flagged."""
    import polib

    for entry in polib.pofile(str(po_path)):
        tests = [line.split(":")[0].replace("(pofilter)", "").strip()
                 for line in entry.tcomment.splitlines() if line.startswith("(pofilter)")]
        if not tests:
            continue
        if fmt == "po":
            key = f"[{entry.msgctxt}] {entry.msgid}" if entry.msgctxt else entry.msgid
        else:
            where = entry.occurrences[0][0] if entry.occurrences else entry.msgctxt or entry.msgid
            key = where[1:] if fmt == "json" and where.startswith(".") else where
        yield key, tests


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("checkout")
    ap.add_argument("--layout", required=True)
    ap.add_argument("--format", required=True, choices=["json", "android", "strings", "po"])
    ap.add_argument("--toolkit", required=True, help="translate-toolkit's bin directory")
    ap.add_argument("--source", default="en")
    args = ap.parse_args(argv)

    from transcheck.read.discover import discover
    from transcheck.read.layout import parse_layout

    checkout = Path(args.checkout).resolve()
    os.chdir(checkout)
    groups = discover([], layouts=(parse_layout(args.layout, str(checkout)),), source=args.source).groups
    flagged: dict[tuple[str, str], list[str]] = {}  # (language, key) -> pofilter tests
    with tempfile.TemporaryDirectory(prefix="transcheck-pofilter-") as tmp:
        for group in groups:
            src = next((f.path for f in group.files if f.language == args.source), None)
            for f in group.files:
                if f.language == args.source:
                    continue
                po = Path(tmp) / f"{len(flagged)}-{f.language}-{Path(f.path).name}.po"
                if args.format == "po":
                    po = Path(f.path)
                elif src is None:
                    continue
                else:
                    subprocess.run([os.path.join(args.toolkit, CONVERT[args.format][0]), *CONVERT[args.format][1:],
                                    "-t", src, f.path, str(po)], capture_output=True, check=False)
                    if not po.exists():
                        continue
                out = Path(tmp) / f"out-{f.language}-{po.name}"
                subprocess.run([os.path.join(args.toolkit, "pofilter"), "-i", str(po), "-o", str(out)],
                               capture_output=True, check=False)
                if out.exists():
                    for key, tests in units(out, args.format):
                        flagged.setdefault((f.language, key), []).extend(tests)
    done = subprocess.run([sys.executable, "-m", "transcheck", "check", "--layout", args.layout, "--source",
                           args.source, "--format", "json", "--fail-on", "never"], capture_output=True, text=True)
    findings = [f for f in json.loads(done.stdout)["findings"] if f["severity"] in ("error", "warning")]
    ours: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in findings:
        ours[(f["language"], f.get("key", ""))].add(f["code"])
    by_test = Counter(t for tests in flagged.values() for t in set(tests))
    both = Counter(t for k, tests in flagged.items() if k in ours for t in set(tests))
    print(f"pofilter: {len(flagged)} units flagged; transcheck: {len(findings)} errors and warnings on "
          f"{len(ours)} units; both: {len(set(flagged) & set(ours))} units")
    print(f"{'pofilter test':22} units  also transcheck")
    for test, n in by_test.most_common():
        print(f"{test:22} {n:5}  {both[test]:5}")
    by_rule = Counter(code for codes in ours.values() for code in codes)
    shared = Counter(code for k, codes in ours.items() if k in flagged for code in codes)
    print(f"{'transcheck rule':22} units  also pofilter")
    for code, n in sorted(by_rule.items()):
        print(f"{code:22} {n:5}  {shared[code]:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
