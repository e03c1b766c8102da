"""Replay merged translation syncs with ``--changed-since``:
``python bench/replay_sync.py CHECKOUT --layout PATTERN --paths DIR [--source en] COMMIT...``.

For each commit (a squashed sync, or a merge whose first parent is the branch it was
merged into), the resource directories (``--paths``) before and after it are
committed into a scratch repository, two commits, so that a checkout whose large
files are absent still replays; there:

1. the tree after the commit is checked whole, and the tree before it (``COMMIT^``);
   a finding is *introduced* when no finding of the same rule names the same key in
   the same file before (errors and warnings only);
2. the tree after the commit is checked with ``--changed-since COMMIT^``, as a pull
   request's CI would.

Printed per commit: keys changed (values whose text differs, per file), findings in
scope, how many of them are introduced, how many introduced ones it reports (recall
of the scope), and how many in-scope findings lie outside the lines the diff touched
(should be none).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def check(cwd: str, layout: str, source: str, *extra: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "transcheck", "check", "--layout", layout, "--source", source,
                           "--format", "json", "--fail-on", "never", *extra], cwd=cwd, capture_output=True, text=True)
    return [f for f in json.loads(done.stdout)["findings"] if f["severity"] in ("error", "warning")]


def touched(repo: str, rev: str) -> dict[str, list[tuple[int, int]]]:
    """Lines of the new version each file's diff adds or changes."""
    out: dict[str, list[tuple[int, int]]] = {}
    path = None
    for line in git(repo, "diff", "-U0", f"{rev}^", rev).splitlines():
        if line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else None
        m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
        if m and path:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            if count:
                out.setdefault(path, []).append((start, start + count - 1))
    return out


def ident(f: dict) -> tuple:
    return (f["code"], os.path.normpath(f["path"]), f.get("key", f["message"]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("checkout")
    ap.add_argument("--layout", required=True)
    ap.add_argument("--source", default="en")
    ap.add_argument("--paths", action="append", required=True, help="a directory the layout reads")
    ap.add_argument("commits", nargs="+")
    args = ap.parse_args(argv)
    repo = str(Path(args.checkout).resolve())
    print(f"{'commit':12} {'files':>5} {'lines':>6} {'scope':>6} {'introduced':>10} {'reported':>9} {'off-diff':>8}")
    for rev in args.commits:
        with tempfile.TemporaryDirectory(prefix="transcheck-replay-") as tmp:
            scratch = os.path.join(tmp, "repo")
            os.makedirs(scratch)
            git(scratch, "init", "-q")
            for n, version in enumerate((f"{rev}^", rev)):
                for path in args.paths:
                    subprocess.run(["rm", "-rf", os.path.join(scratch, path)], check=True)
                    archive = subprocess.run(["git", "-C", repo, "archive", version, path], check=True,
                                             capture_output=True).stdout
                    subprocess.run(["tar", "-x", "-C", scratch], input=archive, check=True)
                git(scratch, "add", "-A")
                git(scratch, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", f"v{n}")
                if n == 0:
                    old = {ident(f) for f in check(scratch, args.layout, args.source)}
            new = check(scratch, args.layout, args.source)
            scoped = check(scratch, args.layout, args.source, "--changed-since", "HEAD^")
            lines = touched(scratch, "HEAD")
        introduced = {ident(f) for f in new if ident(f) not in old}
        reported = {ident(f) for f in scoped}
        off = [f for f in scoped if not any(a <= f["end_line"] and f["line"] <= b
                                            for a, b in lines.get(os.path.normpath(f["path"]), ()))]
        changed = sum(b - a + 1 for spans in lines.values() for a, b in spans)
        print(f"{rev[:12]:12} {len(lines):5} {changed:6} {len(scoped):6} {len(introduced):10} "
              f"{len(reported & introduced):9} {len(off):8}")
        for f in off[:5]:
            print(f"    off the diff: {f['path']}:{f['line']} {f['code']} {f['message'][:80]}")
        for f in sorted(introduced - reported)[:5]:
            print(f"    introduced, not in scope: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
