"""Layout discovery on a tree the size of FastAPI's: ``python bench/layout.py``.

It builds, in a temporary directory, ``docs/{lang}/docs/**`` with 13 languages and 127
pages each in nested sections (1,651 Markdown files), plus images and other files beside
them as a real site has, and a ``docs_src`` tree the layout must not enter. Then it
times ``discover`` through the layout ``docs/{lang}/docs/**/*.md`` (best of five, the
files' text is not read) and prints the groups and files found. Discovery is one walk
of the layout's literal prefix with the pattern compiled once, and no git calls, so the
time is that of listing the directories.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

LANGUAGES = ("en", "de", "es", "fr", "hi", "ja", "ko", "pt", "ru", "tr", "uk", "zh", "zh-hant")


def build(root: str, pages: int) -> int:
    count = 0
    for lang in LANGUAGES:
        for n in range(pages):
            section = f"section{n % 9}/part{n % 4}"
            directory = os.path.join(root, "docs", lang, "docs", section)
            os.makedirs(directory, exist_ok=True)
            with open(os.path.join(directory, f"page{n:03}.md"), "w", encoding="utf-8") as fh:
                fh.write(f"# Page {n}\n\nText of page {n} in {lang}.\n")
            count += 1
            if n % 10 == 0:
                with open(os.path.join(directory, f"img{n:03}.png"), "wb") as fh:
                    fh.write(b"\x89PNG\r\n\x1a\n")
        with open(os.path.join(root, "docs", lang, "mkdocs.yml"), "w", encoding="utf-8") as fh:
            fh.write("INHERIT: ../en/mkdocs.yml\n")
    for n in range(2000):  # example code the layout never reaches
        directory = os.path.join(root, "docs_src", f"tutorial{n % 50}")
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"example{n}.py"), "w", encoding="utf-8") as fh:
            fh.write("print('hello')\n")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=127, help="pages per language")
    args = parser.parse_args()
    from transcheck.read.discover import discover
    from transcheck.read.layout import parse_layout

    with tempfile.TemporaryDirectory(prefix="transcheck-layout-") as root:
        files = build(root, args.pages)
        cwd = os.getcwd()
        os.chdir(root)
        try:
            layouts = (parse_layout("docs/{lang}/docs/**/*.md", root),)
            times = []
            for _ in range(5):
                start = time.perf_counter()
                found = discover(["."], layouts=layouts, source="en")
                times.append(time.perf_counter() - start)
        finally:
            os.chdir(cwd)
    print(f"{files} Markdown files in {len(LANGUAGES)} languages")
    print(f"found: {len(found.groups)} groups, {sum(len(g.files) for g in found.groups)} files, "
          f"{len(found.problems)} problems")
    print(f"discover through the layout: best {min(times) * 1000:.0f} ms, median {sorted(times)[2] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
