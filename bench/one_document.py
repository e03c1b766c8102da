"""One long document in many languages, checked as one group: wall time, CPU and peak
memory (the largest resident set among the check and its workers), per ``--jobs``.
``python bench/one_document.py CHECKOUT --source-file README.md --translations
'translations/README-{lang}.md' [--jobs 1,2] [--repeat 1]``.

The source and each translation are copied to ``LANG/NAME`` in a directory of their
own (bench/out/one-document/), the layout transcheck reads without configuration, and
``transcheck check DIR --source SOURCE -f json --jobs N`` runs in a subprocess. The
document used for docs/alignment.md (28 translations, about 41,000 segments):

    git clone https://github.com/jwasham/coding-interview-university  # at 717298b
    python bench/one_document.py coding-interview-university \\
        --translations 'translations/README-{lang}.md'
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from speed import OUT, run_check  # noqa: E402


def lay_out(checkout: str, source_file: str, source: str, pattern: str) -> str:
    """The directory with ``LANG/NAME`` copies of the document's languages."""
    from planting import document_files

    target = os.path.join(OUT, "one-document")
    shutil.rmtree(target, ignore_errors=True)
    name = os.path.basename(source_file)
    files = document_files(checkout, source_file, source, pattern)
    for lang, path in files.items():
        os.makedirs(os.path.join(target, lang), exist_ok=True)
        shutil.copyfile(path, os.path.join(target, lang, name))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout")
    parser.add_argument("--source-file", default="README.md")
    parser.add_argument("--source", default="en")
    parser.add_argument("--translations", default="README-{lang}.md")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    directory = lay_out(args.checkout, args.source_file, args.source, args.translations)
    languages = len(os.listdir(directory))
    print(f"{'jobs':>4}{'languages':>11}{'segments':>10}{'wall':>9}{'cpu':>9}{'memory':>10}{'findings':>10}")
    for jobs in (int(j) for j in args.jobs.split(",")):
        r = run_check(directory, jobs, args.repeat, extra=("--source", args.source))
        print(f"{jobs:>4}{languages:>11}{r['segments']:>10,}{r['wall']:>8.1f}s{r['cpu']:>8.1f}s"
              f"{r['maxrss'] / 2**20:>7.0f} MiB{r['findings']:>10,}")


if __name__ == "__main__":
    main()
