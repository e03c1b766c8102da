"""Precision and recall benchmark: ``python bench/precision.py`` (``--split tune`` for
the texts the rules were tuned on, ``--json`` for machine-readable figures).

Clean multi-parallel texts, in six languages (en, sv, it, ru, ar, tr):

- the benchmark's own short articles in ``bench/data/precision/texts.py`` (a product
  note, a geometry lesson, a travel note), with numbers, names, negations and
  inclusion statements;
- the corpus article with its defects removed (``tests/data/clean/article``, five
  languages), in the tune split.

The ``tune`` split (the product note and the clean article) is what the rules were
developed against; the ``report`` split (geometry, travel) was written separately and
is what the figures come from. Every text is checked together with the benchmark's
glossary (``GLOSSARY`` in ``texts.py``), with every rule at its default severity.

1. **False positives**: findings of severity error or warning on the clean texts, per
   1,000 segments (every finding on clean text is false).
2. **Recall**: in copies of each text, one defect at a time is planted in one
   language, and it counts as found when a finding of the expected categories sits
   on the planted line of that file (for a missing paragraph: within two lines of
   where it was). Kinds: role inversion (hand-written per language), two numbers
   swapped, a number changed, a negation dropped (hand-written), a glossary term
   dropped, a sentence left in English, a block duplicated, a paragraph removed.
   Findings of the planted copy on other lines are not counted against anything.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "data" / "precision"))

import texts as T  # noqa: E402

CLEAN_ARTICLE = ROOT / "tests" / "data" / "clean" / "article"
EXPECTED = {
    "inversion": {"semantic"},
    "number-swap": {"semantic", "number"},
    "number-change": {"number"},
    "negation": {"semantic"},
    "term-dropped": {"terminology"},
    "untranslated": {"untranslated", "language"},
    "duplicated-block": {"duplication"},
    "missing-paragraph": {"alignment"},
}


def sources(split: str) -> dict[str, dict[str, list[str]]]:
    """Text name -> language -> lines."""
    out = {}
    for name in T.SPLIT[split]:
        out[name] = {lang: text.split("\n") for lang, text in T.TEXTS[name].items()}
    if split == "tune":
        out["article"] = {
            p.stem: p.read_text(encoding="utf-8").split("\n") for p in sorted(CLEAN_ARTICLE.glob("*.txt"))
        }
    return out


def write(directory: Path, docs: dict[str, list[str]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for lang, lines in docs.items():
        (directory / f"{lang}.txt").write_text("\n".join(lines), encoding="utf-8")
    (directory / "glossary.csv").write_text(T.GLOSSARY, encoding="utf-8")


def check(directory: Path):
    from transcheck.runner import run
    from transcheck.rules.registry import RULES
    from transcheck.settings import Settings

    return run([str(directory)], Settings(), RULES)


def content_lines(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.strip()]


def plants(name: str, docs: dict[str, list[str]]):
    """(kind, language, planted documents, 1-based line) for every defect planted."""
    from transcheck.terms import load
    from transcheck.terms.match import Matcher

    def copy():
        return {lang: list(lines) for lang, lines in docs.items()}

    glossary_file = Path(tempfile.mkdtemp()) / "glossary.csv"
    glossary_file.write_text(T.GLOSSARY, encoding="utf-8")
    termbase = load(str(glossary_file))
    for lang in sorted(docs):
        lines = docs[lang]
        body = content_lines(lines)
        # Hand-written inversions and negation flips.
        for kind, table in (("inversion", T.INVERSIONS), ("negation", T.NEGATIONS)):
            if name in table and lang in table[name][1]:
                k, per_lang = table[name]
                old, new = per_lang[lang]
                d = copy()
                assert old in d[lang][k], (name, lang, kind)
                d[lang][k] = d[lang][k].replace(old, new)
                yield kind, lang, d, k + 1
        if name in T.NUMBER_SWAPS:
            k, x, y = T.NUMBER_SWAPS[name]
            line = lines[k]
            if re.search(rf"\b{x}\b", line) and re.search(rf"\b{y}\b", line):
                d = copy()
                d[lang][k] = re.sub(rf"\b({x}|{y})\b", lambda m: y if m.group() == x else x, line)
                yield "number-swap", lang, d, k + 1
        # A number changed: the first number of the first line that has one.
        for k in body:
            m = re.search(r"\b\d+\b", lines[k])
            if m and not lines[k][max(0, m.start() - 1)].isalpha():
                d = copy()
                d[lang][k] = lines[k][: m.start()] + str(int(m.group()) + 10) + lines[k][m.end():]
                yield "number-change", lang, d, k + 1
                break
        # A glossary term dropped: the first line with a term that every other
        # language also renders loses it.
        matchers = {l: Matcher(termbase, l) for l in docs}
        for k in body[1:]:
            hits = [h for h in matchers[lang].find(lines[k]) if not h.concept.do_not_translate]
            if not hits:
                continue
            concept = hits[0].concept
            others = [
                l for l in docs
                if l != lang and k < len(docs[l])
                and any(h.concept is concept for h in matchers[l].find(docs[l][k]))
            ]
            if len(others) < len(docs) - 1:
                continue
            d = copy()
            text = lines[k]
            for h in sorted((h for h in hits if h.concept is concept), key=lambda h: -h.start):
                text = text[: h.start] + "…" + text[h.end:]
            d[lang][k] = text
            yield "term-dropped", lang, d, k + 1
            break
        if lang != "en" and "en" in docs:
            k = body[len(body) // 2]
            d = copy()
            d[lang][k] = docs["en"][k]
            yield "untranslated", lang, d, k + 1
        d = copy()
        block = [lines[k] for k in body[1:4]]
        d[lang] = lines + [""] + block
        yield "duplicated-block", lang, d, len(lines) + 2
        k = body[len(body) // 2 + 1]
        d = copy()
        del d[lang][k]
        yield "missing-paragraph", lang, d, k + 1


def found(report, lang: str, line: int, kind: str) -> bool:
    window = 2 if kind == "missing-paragraph" else 0
    for f in report.findings:
        if f.language != lang or f.category.value not in EXPECTED[kind]:
            continue
        if f.line - window <= line <= f.end_line + window:
            return True
    return False


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("report", "tune"), default="report")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true", help="List every miss and false positive.")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="transcheck-precision-"))
    try:
        segments = 0
        loud = []
        recall = defaultdict(lambda: [0, 0])
        misses = []
        for name, docs in sources(args.split).items():
            clean = work / name / "clean"
            write(clean, docs)
            report = check(clean)
            segments += sum(len(d.segments) for d in report.documents)
            loud += [f for f in report.findings if f.severity.value in ("error", "warning")]
            for n, (kind, lang, planted, line) in enumerate(plants(name, docs)):
                target = work / name / f"{kind}-{lang}-{n}"
                write(target, planted)
                ok = found(check(target), lang, line, kind)
                recall[kind][0] += ok
                recall[kind][1] += 1
                if not ok:
                    misses.append(f"{name} {lang} {kind} line {line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    fp_rate = 1000 * len(loud) / max(1, segments)
    figures = {
        "split": args.split,
        "clean_segments": segments,
        "false_positives": len(loud),
        "false_positives_per_1000_segments": round(fp_rate, 2),
        "recall": {k: {"found": f, "planted": n} for k, (f, n) in sorted(recall.items())},
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"split: {args.split} ({', '.join(sources(args.split))})")
        print(f"clean segments: {segments}; error+warning findings: {len(loud)} "
              f"= {fp_rate:.1f} per 1,000 segments")
        print("recall per planted defect kind:")
        for kind, (f, n) in sorted(recall.items()):
            print(f"  {kind:<18} {f:>3}/{n:<3} {100 * f / n:5.1f}%")
        if args.verbose:
            for f in loud:
                print(f"  false positive: {Path(f.path).parent.name}/{Path(f.path).name}:{f.line} {f.code} {f.message[:110]}")
            for m in misses:
                print(f"  missed: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
