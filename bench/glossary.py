"""Glossary scale benchmark: ``python bench/glossary.py`` (``--mb 5`` for a smaller run).

It writes a CSV glossary of the given size (one concept per row, two-word English and
French terms and two German variants made of random syllables, and a note column) next
to three short documents (en, de, fr), runs ``transcheck check DIR -f json`` on them as
a subprocess, and prints wall time, CPU time (the process and its workers) and peak
memory (the largest resident set among them). Then the same at half the size, for linearity.

The glossary goes to ``bench/out/glossary-<MB>/`` (git-ignored) and is reused.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SYLLABLES = ["ka", "to", "mi", "ra", "ne", "so", "lu", "vi", "de", "po", "ga", "fe", "ri", "zu"]
DOCUMENTS = {
    "a.en.txt": "The customer support team helps you.\nPress save to keep your changes.\n",
    "a.de.txt": "Das Kundenserviceteam hilft Ihnen.\nDrücken Sie Speichern.\n",
    "a.fr.txt": "L'équipe du support client vous aide.\nAppuyez sur enregistrer.\n",
}


def build(megabytes: float) -> str:
    directory = os.path.join(HERE, "out", f"glossary-{megabytes:g}")
    path = os.path.join(directory, "glossary.csv")
    if os.path.exists(path):
        return directory
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(1)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))

    with open(path + ".tmp", "w", encoding="utf-8") as fh:
        fh.write("concept,en,de,fr,note\n")
        n = 0
        while fh.tell() < megabytes * 1_000_000:
            n += 1
            fh.write(f"c{n},{word()} {word()},{word()}|{word()},{word()} {word()},some note text here\n")
    os.replace(path + ".tmp", path)
    for name, text in DOCUMENTS.items():
        with open(os.path.join(directory, name), "w", encoding="utf-8") as fh:
            fh.write(text)
    return directory


def measure(directory: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MiB of one check."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "transcheck", "check", directory, "-f", "json", "-o", os.devnull, "-q"],
        check=False, capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=22.0, help="glossary size in megabytes (default 22)")
    args = parser.parse_args()
    for size in (args.mb / 2, args.mb):
        wall, cpu, peak = measure(build(size))
        print(f"glossary {size:g} MB: wall {wall:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
