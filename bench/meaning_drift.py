"""Meaning-drift (TC504) benchmark: ``python bench/meaning_drift.py`` (needs
transcheck[embeddings]).

On the benchmark's clean parallel texts (``bench/data/precision/texts.py``, six
languages) it counts TC504's findings with ``--embeddings`` on the clean texts, then,
one at a time, replaces a paragraph of one language by the paragraph at the same place
in another text of the same language, and counts it found when TC504 reports that line.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "data" / "precision"))

from texts import TEXTS  # noqa: E402

from transcheck import embeddings  # noqa: E402
from transcheck.runner import run  # noqa: E402
from transcheck.rules import meaning_drift  # noqa: E402
from transcheck.settings import Settings  # noqa: E402


def check(texts: dict[str, str]) -> list[tuple[str, int]]:
    with tempfile.TemporaryDirectory() as d:
        for lang, text in texts.items():
            Path(d, f"{lang}.txt").write_text(text + "\n", encoding="utf-8")
        report = run([d], Settings(embeddings=True), (meaning_drift.RULE,))
    return [(f.language, f.line) for f in report.findings]


def main() -> None:
    if not embeddings.available():
        sys.exit("the embeddings extra is not installed: " + embeddings.EXTRA_HINT)
    false = 0
    for name, texts in TEXTS.items():
        got = check(texts)
        false += len(got)
        print(f"{name} clean: {got or 'no finding'}")
    rng = random.Random(3)
    names = list(TEXTS)
    found = total = 0
    for name, texts in TEXTS.items():
        other = names[(names.index(name) + 1) % len(names)]
        for lang, text in texts.items():
            lines = text.split("\n")
            i = rng.randrange(1, len(lines))
            foreign = TEXTS[other][lang].split("\n")
            changed = dict(texts)
            changed[lang] = "\n".join(lines[:i] + [foreign[min(i, len(foreign) - 1)]] + lines[i + 1 :])
            got = check(changed)
            total += 1
            found += (lang, i + 1) in got
            false += sum(1 for g in got if g != (lang, i + 1))
            if (lang, i + 1) not in got:
                print(f"  missed: {name} {lang} line {i + 1}")
    print(f"replaced paragraphs found: {found}/{total}; findings elsewhere: {false}")


if __name__ == "__main__":
    main()
