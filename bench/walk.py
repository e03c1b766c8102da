"""The directory walk, alone: ``python bench/walk.py TREE [--layout PATTERN] [--names PATH]``.

Times ``discover`` in TREE (as the working directory) through the layout and, with
``--names``, by file names on PATH: the best CPU time of ``--repeat`` runs (CPU time,
not wall time, so that other work on the machine does not blur a walk of tens of
milliseconds). No file's text is read. ``--deep N`` instead builds, in a temporary
directory, ``docs/{en,de}/page.md`` plus a chain of N directories under ``docs/de``
and walks that both ways: the time of a walk must grow with the number of directories,
not with its square.

    python bench/walk.py /tmp/fastapi --layout 'docs/{lang}/docs/**/*.md' --names docs
    python bench/walk.py --deep 1200
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return min(times), result


def report(what: str, seconds: float, found) -> None:
    files = sum(len(g.files) for g in found.groups)
    print(f"{what}: {seconds * 1000:.1f} ms CPU, {len(found.groups)} groups, {files} files, "
          f"{len(found.problems)} problems")


def walk_tree(tree: str, layout: str | None, names: str | None, repeat: int) -> None:
    from transcheck.read.discover import discover
    from transcheck.read.layout import parse_layout

    os.chdir(tree)
    if layout:
        layouts = (parse_layout(layout, "."),)
        seconds, found = best(lambda: discover([], layouts=layouts, source="en"), repeat)
        report(f"layout {layout}", seconds, found)
    if names:
        seconds, found = best(lambda: discover([names]), repeat)
        report(f"file names under {names}", seconds, found)


def deep(depth: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="transcheck-walk-") as root:
        for lang in ("en", "de"):
            os.makedirs(os.path.join(root, "docs", lang))
            with open(os.path.join(root, "docs", lang, "page.md"), "w", encoding="utf-8") as fh:
                fh.write("# Page\n")
        os.chdir(os.path.join(root, "docs", "de"))
        for _ in range(depth):  # one step at a time: a long path is slow to resolve
            os.mkdir("d")
            os.chdir("d")
        with open("deep.de.md", "w", encoding="utf-8") as fh:
            fh.write("# Tief\n")
        try:
            walk_tree(root, "docs/{lang}/**/*.md", "docs", repeat)
        finally:
            os.chdir(os.path.join(root, "docs", "de", *["d"] * depth))
            os.remove("deep.de.md")
            for _ in range(depth):  # shutil.rmtree recurses: too deep for it
                os.chdir("..")
                os.rmdir("d")
            os.chdir(os.path.dirname(root))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", nargs="?", help="the working directory of the runs")
    parser.add_argument("--layout", help="a layout pattern, as --layout takes it")
    parser.add_argument("--names", help="a path under TREE to discover by file names")
    parser.add_argument("--deep", type=int, help="walk a synthetic chain of this many directories")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if args.deep:
        deep(args.deep, min(args.repeat, 3))
    elif args.tree:
        walk_tree(args.tree, args.layout, args.names, args.repeat)
    else:
        parser.error("a TREE, or --deep N")


if __name__ == "__main__":
    main()
