"""Real-text benchmark: ``python bench/realtext.py`` (``--split tune|report|all``,
``--unreviewed`` to list findings nobody has reviewed yet, ``--json``).

Runs transcheck (the JSON format, through the command line, every rule at its default
severity) on the WMT24++ development corpus (``../shared/devcorpus/wmt24pp`` from the
repository root; ``--corpus`` or ``TRANSCHECK_DEVCORPUS`` to point elsewhere): English
plus 15 professional translations, one paragraph per line. Two runs: without a source,
where every document is a translation among peers, and with ``--source en``, where the
English is the reference and its own segments are left out of the denominator.

Printed for each run:

- error+warning findings per 1,000 translated segments, by rule and by language, and
  errors per 1,000;
- precision per rule and severity against the reviewed records ``bench/reviewed/
  <CODE>.tsv`` (``mode code path line verdict why``; a finding matches a record by mode,
  code, path and line), with the findings not yet reviewed counted apart;
- recall of planted defects (``bench/plant.py``): copies of the documents, in a
  temporary directory, each with one defect planted in one of the 15 translations.

Documents are split in two halves by a stable hash of their name: ``tune`` is what
the rules were developed on, ``report`` what the figures in docs/precision.md come from.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import plant  # noqa: E402

REVIEWED = ROOT / "bench" / "reviewed"
MODES = ("nosrc", "src")
SOURCE = "en"
LOUD = ("error", "warning")


def find_corpus(explicit: str | None) -> Path:
    candidates = [explicit, os.environ.get("TRANSCHECK_DEVCORPUS")]
    # The worktree may sit at any depth below the directory that holds shared/.
    candidates += [str(p / "shared" / "devcorpus" / "wmt24pp") for p in ROOT.parents]
    for c in candidates:
        if c and Path(c).is_dir():
            return Path(c).resolve()
    sys.exit("realtext: ../shared/devcorpus/wmt24pp not found; pass --corpus")


def split_of(name: str) -> str:
    return "tune" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "report"


def groups(corpus: Path) -> dict[str, dict[str, Path]]:
    """Relative document name (domain/name) -> language -> file."""
    out: dict[str, dict[str, Path]] = defaultdict(dict)
    for p in sorted(corpus.rglob("*.txt")):
        stem, lang = p.stem.rsplit(".", 1)
        out[str(p.parent.relative_to(corpus) / stem)][lang] = p
    return dict(out)


def document_of(rel_path: str) -> str:
    p = Path(rel_path)
    return str(p.parent / p.stem.rsplit(".", 1)[0])


def run(paths: list[Path], mode: str, out: Path) -> dict:
    cmd = [sys.executable, "-m", "transcheck", "check", "-q", "-f", "json", "-o", str(out),
           "--fail-on", "never"]
    if mode == "src":
        cmd += ["--source", SOURCE]
    subprocess.run(cmd + [str(p) for p in paths], check=True, cwd=ROOT)
    return json.loads(out.read_text(encoding="utf-8"))


def load_reviewed() -> dict[tuple[str, str, str, int], tuple[str, str]]:
    records = {}
    # <CODE>.tsv: verdicts on findings; meaning_errors.tsv lists errors, not verdicts.
    for f in sorted(REVIEWED.glob("TC*.tsv")):
        with f.open(encoding="utf-8", newline="") as fh:
            # A file may open with comment lines (where and at which commit it was read).
            for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
                key = (row["mode"], row["code"], row["path"], int(row["line"]))
                records[key] = (row["verdict"], row["why"])
    return records


def rates(report: dict, corpus: Path, mode: str, split: str) -> dict:
    def rel(path: str) -> str:
        return str(Path(path).resolve().relative_to(corpus))

    def wanted(path: str) -> bool:
        return split == "all" or split_of(document_of(rel(path))) == split

    segments = sum(d["segments"] for d in report["documents"]
                   if wanted(d["path"]) and not (mode == "src" and d["language"] == SOURCE))
    findings = [f for f in report["findings"] if wanted(f["path"])]
    loud = [f for f in findings if f["severity"] in LOUD]
    reviewed = load_reviewed()
    precision: dict[tuple[str, str], Counter] = defaultdict(Counter)
    unreviewed = []
    for f in loud:
        record = reviewed.get((mode, f["code"], rel(f["path"]), f["line"]))
        if record is None:
            precision[(f["code"], f["severity"])]["unreviewed"] += 1
            unreviewed.append(f)
        else:
            precision[(f["code"], f["severity"])][record[0]] += 1
    per = 1000 / max(1, segments)
    return {
        "segments": segments,
        "loud": len(loud),
        "loud_per_1000": round(per * len(loud), 2),
        "errors_per_1000": round(per * sum(f["severity"] == "error" for f in loud), 2),
        "by_rule": dict(sorted(Counter(f"{f['code']} {f['severity']}" for f in loud).items())),
        "by_language": dict(sorted(Counter(f["language"] for f in loud).items())),
        "info": len(findings) - len(loud),
        "precision": {f"{c} {s}": dict(v) for (c, s), v in sorted(precision.items())},
        "unreviewed": [(mode, f["code"], rel(f["path"]), f["line"], f["message"]) for f in unreviewed],
    }


def plants(docs: dict[str, dict[str, Path]], per_kind: int, work: Path):
    """Write planted copies under ``work``; yield (kind, lang, file, code, line)."""
    names = sorted(docs)
    for kind, fn in plant.KINDS.items():
        for lang in sorted({lg for g in docs.values() for lg in g} - {SOURCE}):
            made = 0
            order = sorted(names, key=lambda n: hashlib.sha1(f"{kind}:{lang}:{n}".encode()).hexdigest())
            for name in order:
                if made == per_kind:
                    break
                group = docs[name]
                if lang not in group or SOURCE not in group:
                    continue
                read = {lg: p.read_text(encoding="utf-8").split("\n") for lg, p in group.items()}
                peers = sorted(lg for lg in group if lg not in (lang, SOURCE))
                peer = peers[int(hashlib.sha1(f"{name}:{lang}".encode()).hexdigest(), 16) % len(peers)]
                others = [n for n in order if n != name and lang in docs[n]]
                foreign = docs[others[0]][lang].read_text(encoding="utf-8").split("\n") if others else []
                planted = fn(name, read[lang], source=read[SOURCE], peer=read[peer], foreign=foreign)
                if planted is None:
                    continue
                lines, code, line = planted
                target = work / f"{kind}-{lang}-{made}"
                target.mkdir(parents=True)
                for lg, p in group.items():
                    text = "\n".join(lines) if lg == lang else p.read_text(encoding="utf-8")
                    (target / p.name).write_text(text, encoding="utf-8")
                made += 1
                yield kind, lang, target / group[lang].name, code, line


def recall(docs, per_kind: int, mode: str, keep: Path | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="transcheck-realtext-"))
    try:
        planted = list(plants(docs, per_kind, work))
        # The report goes beside the planted tree: transcheck writes none inside what it checks.
        report = run([work], mode, work.with_name(work.name + "-report.json"))
        by_file = defaultdict(list)
        for f in report["findings"]:
            by_file[str(Path(f["path"]).resolve())].append(f)
        table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        misses = []
        for kind, lang, path, _code, line in planted:
            codes, window = plant.ACCEPT[kind]
            ok = any(f["code"] in codes and f["line"] - window <= line <= f["end_line"] + window
                     for f in by_file[str(path.resolve())])
            table[kind][lang][0] += ok
            table[kind][lang][1] += 1
            if not ok:
                misses.append(f"{kind} {lang} {path.parent.name}/{path.name}:{line}")
        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        work.with_name(work.name + "-report.json").unlink(missing_ok=True)
    per_kind_recall = {}
    for kind, langs in table.items():
        f = sum(v[0] for v in langs.values())
        n = sum(v[1] for v in langs.values())
        per_kind_recall[kind] = {"found": f, "planted": n, "recall": round(f / n, 3) if n else None,
                                 "by_language": {lg: v for lg, v in sorted(langs.items())}}
    vals = [v["recall"] for v in per_kind_recall.values() if v["recall"] is not None]
    return {"kinds": per_kind_recall, "macro": round(sum(vals) / len(vals), 3) if vals else None,
            "misses": misses}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus")
    ap.add_argument("--split", choices=("tune", "report", "all"), default="report")
    ap.add_argument("--mode", choices=MODES, action="append", help="default: both")
    ap.add_argument("--plants", type=int, default=2, help="documents per kind and language (0: none)")
    ap.add_argument("--unreviewed", action="store_true", help="list error/warning findings not yet reviewed")
    ap.add_argument("--keep-plants", help="copy the planted documents here, to inspect misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    corpus = find_corpus(args.corpus)
    docs = {n: g for n, g in groups(corpus).items() if args.split == "all" or split_of(n) == args.split}
    figures = {"split": args.split, "documents": len(docs)}
    tmp = Path(tempfile.mkdtemp(prefix="transcheck-realtext-"))
    try:
        for mode in args.mode or MODES:
            report = run([corpus], mode, tmp / f"{mode}.json")
            figures[mode] = rates(report, corpus, mode, args.split)
            if args.plants:
                keep = Path(args.keep_plants) / mode if args.keep_plants else None
                figures[mode]["planted"] = recall(docs, args.plants, mode, keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    print(f"split: {args.split} ({len(docs)} documents of {corpus})")
    for mode in args.mode or MODES:
        r = figures[mode]
        print(f"\n== {mode}: {r['segments']} translated segments, {r['loud']} error+warning findings "
              f"= {r['loud_per_1000']} per 1,000; errors {r['errors_per_1000']} per 1,000; info {r['info']}")
        print("  by rule:     " + ", ".join(f"{k} {v}" for k, v in r["by_rule"].items()))
        print("  by language: " + ", ".join(f"{k} {v}" for k, v in r["by_language"].items()))
        print("  precision (reviewed true/false, unreviewed):")
        for key, v in r["precision"].items():
            t, f = v.get("true", 0), v.get("false", 0)
            p = f"{t / (t + f):.2f}" if t + f else "  - "
            print(f"    {key:<14} {p}  {t} true, {f} false, {v.get('unreviewed', 0)} unreviewed")
        if "planted" in r:
            pl = r["planted"]
            print(f"  planted recall, macro {pl['macro']}:")
            for kind, v in pl["kinds"].items():
                langs = " ".join(f"{lg} {a}/{b}" for lg, (a, b) in v["by_language"].items() if a < b)
                print(f"    {kind:<22} {v['found']:>3}/{v['planted']:<3} {v['recall']:.2f}"
                      + (f"  missed in: {langs}" if langs else ""))
        if args.unreviewed:
            for mode_, code, path, line, message in r["unreviewed"]:
                print(f"{mode_}\t{code}\t{path}\t{line}\t?\t{message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
