"""A documentation tree at full size, from a local git checkout:
``python bench/tree.py CHECKOUT [--layout PATTERN] [--source LANG] [--pr COMMIT]``.

Made for a FastAPI checkout (``git clone https://github.com/fastapi/fastapi``: 13
languages under ``docs/{lang}/docs/``, about 1,650 pages and 115,000 segments), which the
defaults describe; any tree with a layout works. Nothing is fetched: without a checkout
the benchmark says so and stops. Three runs of ``transcheck check`` as subprocesses, in
the checkout, default ``--jobs`` (one process per core):

- **full**: every page, JSON report;
- **lag**: only the translation-lag rules (TC304, TC305), i.e. the status of every
  translated page from git history (one log pass, one ``cat-file --batch``) plus the
  segmentation and alignment the lag needs;
- **pr**: ``--changed-since REV~1`` in a scratch clone at REV, the check a translation
  pull request runs (default REV: the newest commit that changed one to six translated
  pages).

For each: wall time, CPU time (the process and its workers), peak memory (largest
resident set among them) and, for the full run, segments per second. The checkout is
never written to; reports go to a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from speed import _MEASURE  # noqa: E402  (one way to measure, shared with bench/speed.py)


def _git(checkout: str, *args: str) -> str:
    return subprocess.run(["git", "-C", checkout, *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def pr_commit(checkout: str, layout: str, source: str, most: int = 6) -> str:
    """The newest commit that changed 1 to ``most`` translated pages of the layout (a
    typical translation PR)."""
    root = layout.split("{lang}")[0].rstrip("/") or "."
    source_dir = layout.split("*")[0].replace("{lang}", source)
    log = _git(checkout, "log", "-n", "500", "--first-parent", "--format=%x1e%H", "--name-only", "--", root)
    for record in log.split("\x1e")[1:]:
        sha, *names = record.split()
        pages = [n for n in names if n.endswith((".md", ".mdx")) and not n.startswith(source_dir)]
        if 1 <= len(pages) <= most:
            return sha
    raise SystemExit("bench/tree.py: no commit of a few translated pages in the last 500")


def pr_tree(checkout: str, commit: str, tmp: str) -> str:
    """A scratch clone at ``commit`` (the checkout itself is never written to)."""
    tree = os.path.join(tmp, "pr")
    subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", checkout, tree], check=True)
    subprocess.run(["git", "-C", tree, "checkout", "-q", "--detach", commit], check=True)
    return tree


def measure(checkout: str, args: list[str], report: str) -> dict:
    command = [sys.executable, "-c", _MEASURE, report, sys.executable, "-m", "transcheck", *args]
    done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout", nargs="?", help="a git checkout of a documentation tree")
    parser.add_argument("--layout", default="docs/{lang}/docs/**/*.md")
    parser.add_argument("--source", default="en")
    parser.add_argument("--pr", help="the PR run's commit (default: see above)")
    parser.add_argument("--only", choices=("full", "lag", "pr"), action="append")
    opts = parser.parse_args()
    if not opts.checkout or not os.path.isdir(os.path.join(opts.checkout, ".git")):
        print("bench/tree.py: give a git checkout (e.g. of github.com/fastapi/fastapi); "
              "nothing to measure", file=sys.stderr)
        return 2
    checkout = os.path.abspath(opts.checkout)
    base = ["check", "--layout", opts.layout, "--source", opts.source, "-q", "--fail-on", "never"]
    commit = opts.pr or pr_commit(checkout, opts.layout, opts.source)
    runs = {
        "full": base + ["-f", "json"],
        "lag": base + ["--select", "TC304,TC305", "-f", "json"],
        "pr": base + ["--changed-since", commit + "~1", "-f", "json"],
    }
    print(f"{checkout} @ {_git(checkout, 'rev-parse', '--short', 'HEAD')}, layout "
          f"{opts.layout}, source {opts.source}, {os.cpu_count()} cores; pr: {commit[:10]}")
    print(f"{'run':<5} {'wall':>8} {'CPU':>8} {'peak':>9} {'files':>6} {'segments':>9} "
          f"{'seg/s':>8} {'findings':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in runs.items():
            if opts.only and name not in opts.only:
                continue
            report = os.path.join(tmp, f"{name}.json")
            where = pr_tree(checkout, commit, tmp) if name == "pr" else checkout
            m = measure(where, args, report)
            with open(report, encoding="utf-8") as fh:
                data = json.load(fh)
            segments = sum(d["segments"] for d in data["documents"])
            rate = f"{segments / m['wall']:,.0f}" if name == "full" else ""
            print(f"{name:<5} {m['wall']:7.1f}s {m['cpu']:7.1f}s {m['maxrss'] / 2**20:6.0f} MiB "
                  f"{len(data['documents']):>6} {segments:>9,} {rate:>8} {len(data['findings']):>9,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
