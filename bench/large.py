"""Large and hostile inputs: ``python bench/large.py``.

Each case is one group checked by ``transcheck check DIR -f json`` in a subprocess, with
its wall time and peak memory (maximum resident set of the process and its workers):

- a two-language group (it, sv) of 10,000, 25,000 and 100,000 segments, each 4 to 24
  words drawn from the corpus vocabulary of its language and a number, a segment
  dropped in Swedish every 997 and a block of 20 pasted twice in Italian (so that the
  aligner has work);
- a single line of 625 kB and of 5 MB, one word of letters and hyphens in both
  languages (the shape that made file-name patterns quadratic).

Linearity is the ratio of time and memory between sizes, against the ratio of sizes.
"""

from __future__ import annotations

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from speed import OUT, measure, sentence_pool, transcheck_cmd  # noqa: E402

GROUP_SIZES = (10_000, 25_000, 100_000)
LINE_SIZES = (625_000, 5_000_000)
VERSION = "2"


def _write(directory: str, texts: dict[str, str]) -> str:
    stamp = os.path.join(directory, ".complete")
    if os.path.exists(stamp) and open(stamp).read() == VERSION:
        return directory
    os.makedirs(directory, exist_ok=True)
    for lang, text in texts.items():
        with open(os.path.join(directory, f"doc.{lang}.txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
    with open(stamp, "w") as fh:
        fh.write(VERSION)
    return directory


def group(size: int, pool) -> str:
    directory = os.path.join(OUT, f"group2-{size}")
    # Words drawn at random from each language's vocabulary, as many in both languages:
    # whole corpus sentences would repeat every few hundred segments, and a document
    # that repeats itself is another benchmark (TC101's bounded near-repeat search).
    vocab = {lang: sorted({w for s in pool[0] for w in s[lang].split()}) for lang in ("it", "sv")}
    rng = random.Random(size)
    units = []
    for k in range(size - 20):  # the pasted block below brings Italian to size
        words = rng.randint(4, 24)
        number = rng.randint(2, 99999)
        units.append({lang: " ".join(rng.choice(v) for _ in range(words)) + f" ({number})."
                      for lang, v in vocab.items()})
    it = [u["it"] for u in units]
    sv = [u["sv"] for k, u in enumerate(units) if k % 997 != 500]
    it[size // 2 : size // 2] = it[size // 3 : size // 3 + 20]
    return _write(directory, {"it": "\n\n".join(it) + "\n", "sv": "\n\n".join(sv) + "\n"})


def long_line(size: int) -> str:
    word = ("transcheck-" * (size // 11 + 1))[:size]
    return _write(os.path.join(OUT, f"line-{size}"), {"it": word + "\n", "sv": word + "\n"})


def run(directory: str) -> dict:
    out = os.path.join(OUT, "last-large.json")
    cmd = transcheck_cmd(None) + ["check", directory, "-f", "json", "--fail-on", "never"]
    r = measure(cmd, out)
    if r["rc"] != 0:
        sys.exit(f"bench: transcheck exited with {r['rc']} on {directory}")
    return r


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--groups", default=",".join(map(str, GROUP_SIZES)))
    parser.add_argument("--lines", default=",".join(map(str, LINE_SIZES)))
    args = parser.parse_args(argv)
    os.makedirs(OUT, exist_ok=True)
    pool = sentence_pool()
    print(f"{'case':<28} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    cases = [(f"two languages, {size} segs", size, group, pool)
             for size in [int(s) for s in args.groups.split(",") if s]]
    cases += [(f"one line of {size / 1e6:g} MB", size, lambda n, _: long_line(n), None)
              for size in [int(s) for s in args.lines.split(",") if s]]
    rows = []
    for name, size, make, data in cases:
        r = run(make(size, data))
        rows.append((name, size, r))
        print(f"{name:<28} {r['wall']:>8.2f} {r['cpu']:>8.2f} {r['maxrss'] / 2**20:>9.0f}", flush=True)
    for kind in ("segs", "MB"):
        same = [(size, r) for name, size, r in rows if name.endswith(kind)]
        for (small, a), (big, b) in zip(same, same[1:]):
            print(f"linearity, {kind}: x{big / small:.1f} input -> time x{b['wall'] / a['wall']:.2f} "
                  f"(CPU x{b['cpu'] / a['cpu']:.2f}), peak memory x{b['maxrss'] / a['maxrss']:.2f}")


if __name__ == "__main__":
    main()
