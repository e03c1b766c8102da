"""Spelling (TC603) benchmark: ``python bench/spelling.py`` (needs transcheck[spelling]).

On the benchmark's clean parallel texts (``bench/data/precision/texts.py``, six
languages) it first counts TC603's findings on the clean texts, then plants one typo at
a time (a letter swapped, dropped, doubled or replaced, in a lower-case word of 7+
letters, fixed seed) in one language and counts it found when a TC603 finding sits on
the planted line. It ends with the rule's speed on ``corpus/`` with the dictionaries
already loaded, and the time to load them.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "data" / "precision"))

from texts import TEXTS  # noqa: E402

from transcheck.model import Severity  # noqa: E402
from transcheck.runner import run  # noqa: E402
from transcheck.rules import _hunspell, spelling  # noqa: E402
from transcheck.rules.spelling import words  # noqa: E402
from transcheck.settings import Settings  # noqa: E402

KINDS = ("swap", "drop", "double", "replace")


def plant(word: str, kind: str, alphabet: list[str], rng: random.Random) -> str:
    p = rng.randrange(2, len(word) - 2)
    if kind == "swap":
        return word[:p] + word[p + 1] + word[p] + word[p + 2 :]
    if kind == "drop":
        return word[:p] + word[p + 1 :]
    if kind == "double":
        return word[:p] + word[p] + word[p:]
    return word[:p] + rng.choice([c for c in alphabet if c != word[p]]) + word[p + 1 :]


def check(texts: dict[str, str]):
    with tempfile.TemporaryDirectory() as d:
        for lang, text in texts.items():
            Path(d, f"{lang}.txt").write_text(text + "\n", encoding="utf-8")
        report = run([d], Settings(), (spelling.RULE,))
    return [(f.language, f.line, f.severity, f.message) for f in report.findings]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not _hunspell.engine_available():
        sys.exit("the spelling extra is not installed: " + _hunspell.EXTRA_HINT)

    clean = [(name, *f) for name, texts in TEXTS.items() for f in check(texts)]
    loud = [c for c in clean if c[3] is not Severity.INFO]
    print(f"clean texts: {len(clean)} findings, {len(loud)} warnings")
    for name, lang, line, severity, message in clean:
        print(f"  {name} {lang}:{line} {severity.value} {message}")

    rng = random.Random(args.seed)
    found = total = 0
    misses = []
    for name, texts in TEXTS.items():
        for lang, text in texts.items():
            lines = text.split("\n")
            alphabet = sorted({c for c in text.lower() if c.isalpha()})
            pool = [(i, w) for i, line in enumerate(lines) for off, w in words(line)
                    if off > 0 and len(w) >= 7 and w.isalpha() and not w[0].isupper()]
            for kind in KINDS:
                i, word = rng.choice(pool)
                typo = plant(word, kind, alphabet, rng)
                changed = dict(texts)
                changed[lang] = "\n".join(lines[:i] + [lines[i].replace(word, typo, 1)] + lines[i + 1 :])
                hit = any(f[0] == lang and f[1] == i + 1 for f in check(changed))
                total += 1
                found += hit
                if not hit:
                    misses.append(f"{name} {lang} {kind}: {word} -> {typo}")
    print(f"planted typos: {found}/{total} found ({100 * found / total:.0f}%)")
    if args.verbose:
        for miss in misses:
            print("  missed:", miss)

    _hunspell.load.cache_clear()
    start = time.perf_counter()
    for lang in ("ar", "it", "ru", "sv", "tr", "en"):
        _hunspell.load(lang)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    base = run([str(ROOT / "corpus")], Settings(), ())
    bare = time.perf_counter() - start
    start = time.perf_counter()
    run([str(ROOT / "corpus")], Settings(), (spelling.RULE,))
    spent = time.perf_counter() - start - bare
    n = sum(len(s.text.split()) for d in base.documents for s in d.segments)
    print(f"dictionaries ar, it, ru, sv, tr, en loaded in {loaded:.2f} s; "
          f"corpus: {n} words in {spent:.2f} s ({n / max(spent, 1e-9):.0f} words/s)")


if __name__ == "__main__":
    main()
