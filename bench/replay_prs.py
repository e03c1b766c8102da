"""Replay merged translation pull requests as CI would have checked them:
``python bench/replay_prs.py CHECKOUT --layout PATTERN [--layout ...] --source en PR_COMMIT...``.

Each PR_COMMIT is a pull request as merged on the main line (a squash commit, or a
merge commit whose first parent is the base). For each, in a scratch clone at that
commit (the checkout is never written to), the pull request's check runs as a
workflow runs it::

    transcheck check --layout PATTERN --source en --changed-since PR_COMMIT^ -f json

and the script prints the exit code, wall and CPU time, findings by rule and
severity, what the annotations would carry (errors and warnings), and for the
outdated-segment findings (TC304) how many point at a translated paragraph that
already carries the change: the finding is on a change of links or code, and the
translated paragraph has every link target and code span of today's source
paragraph (the target is 0). Findings whose source change is a change of wording
cannot be told this way; ``--sample N`` prints N of them (and of the rest), for a
reviewer to read and record.

``--transcheck DIR`` runs the transcheck found in DIR (a source tree: another
release, for a comparison) instead of this one. ``--json FILE`` writes the figures.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)

from speed import _MEASURE  # noqa: E402  (one way to measure, shared with bench/speed.py)


def _git(where: str, *args: str) -> str:
    return subprocess.run(["git", "-C", where, *args], capture_output=True, text=True, check=True).stdout


def scratch(checkout: str, commit: str, tmp: str) -> str:
    tree = os.path.join(tmp, commit[:12])
    if not os.path.isdir(tree):
        subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", checkout, tree], check=True)
    # A file the clone cannot have (a large font left out of a partial clone) is not the point.
    subprocess.run(["git", "-C", tree, "checkout", "-q", "--detach", commit], stderr=subprocess.DEVNULL)
    if _git(tree, "rev-parse", "HEAD").strip() != commit:
        raise SystemExit(f"bench/replay_prs.py: could not check out {commit}")
    return tree


def run_check(tree: str, commit: str, layouts: list[str], source: str, package: str, report: str) -> dict:
    env = dict(os.environ, PYTHONPATH=package)
    command = [sys.executable, "-c", _MEASURE, os.devnull, sys.executable, "-m", "transcheck", "check",
               *(x for layout in layouts for x in ("--layout", layout)), "--source", source,
               "--changed-since", f"{commit}^", "-f", "json", "-o", report, "-q"]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _segments(tree: str, path: str, cache: dict):
    from transcheck.formats import segment
    from transcheck.read.decode import split_lines, text_or_none

    if path not in cache:
        with open(os.path.join(tree, path), "rb") as fh:
            cache[path] = segment(path, split_lines(text_or_none(fh.read()) or ""))
    return cache[path]


def _within(segments, line: int, end_line: int):
    return [s for s in segments if s.line <= end_line and s.end_line >= line]


def carries(tree: str, finding: dict, cache: dict, source_language: str) -> bool | None:
    """Whether an outdated finding's translated paragraph already has every link target
    and code span of today's source paragraph; None when the change is one of wording."""
    if "changed its links or code" not in finding["message"] or not finding.get("related"):
        return None
    where = finding["related"][0]
    source = _within(_segments(tree, where["path"], cache), where["line"], where["end_line"])
    translated = _within(_segments(tree, finding["path"], cache), finding["line"], finding["end_line"])
    from transcheck.history.evidence import link_key

    codes = (finding["language"].lower(), source_language.lower())
    mine = [u for s in translated for u in s.urls]
    # A site that translates its anchors: compare link targets without them.
    anchors = not any("#" in u and u.split("#", 1)[1] in {v.split("#", 1)[1] for s in source for v in s.urls
                                                          if "#" in v} for u in mine)
    want = {link_key(u, codes, anchors) for s in source for u in s.urls} | {c for s in source for c in s.code}
    have = {link_key(u, codes, anchors) for u in mine} | {c for s in translated for c in s.code}
    return bool(want) and want <= have


def replay(checkout: str, commit: str, opts, tmp: str) -> dict:
    tree = scratch(checkout, commit, tmp)
    report = os.path.join(tmp, f"{commit[:12]}.json")
    measured = run_check(tree, commit, opts.layout, opts.source, opts.transcheck, report)
    with open(report, encoding="utf-8") as fh:
        data = json.load(fh)
    findings = data["findings"]
    cache: dict = {}
    outdated = [f for f in findings if f["code"] == "TC304"]
    verdicts = [carries(tree, f, cache, opts.source) for f in outdated]
    subject = _git(tree, "log", "-1", "--format=%s", commit).strip()
    files = [n for n in _git(tree, "diff", "--name-only", f"{commit}^", commit).split("\n") if n]
    return {
        "commit": commit[:10],
        "subject": subject,
        "files": len(files),
        "exit": measured["rc"],
        "wall": round(measured["wall"], 1),
        "cpu": round(measured["cpu"], 1),
        "by_rule": dict(sorted(collections.Counter(f"{f['code']} {f['severity']}" for f in findings).items())),
        "annotated": sum(f["severity"] != "info" for f in findings),
        "outdated": len(outdated),
        "outdated_links_or_code": sum(v is not None for v in verdicts),
        "outdated_already_carried": sum(v is True for v in verdicts),
        "sample": [
            {"path": f["path"], "line": f["line"], "severity": f["severity"], "code": f["code"],
             "message": f["message"][:300]}
            for f in random.Random(commit).sample(findings, min(opts.sample, len(findings)))
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout")
    parser.add_argument("commits", nargs="+", help="the pull requests' commits on the main line")
    parser.add_argument("--layout", required=True, action="append", help="repeatable")
    parser.add_argument("--source", default="en")
    parser.add_argument("--transcheck", default=ROOT, help="the source tree of the transcheck to run")
    parser.add_argument("--sample", type=int, default=0, help="findings to print per pull request")
    parser.add_argument("--json", help="write the figures here")
    opts = parser.parse_args()
    if not os.path.isdir(os.path.join(opts.checkout, ".git")) and not os.path.isfile(
            os.path.join(opts.checkout, "HEAD")):
        print("bench/replay_prs.py: give a git checkout; nothing to replay", file=sys.stderr)
        return 2
    checkout = os.path.abspath(opts.checkout)
    results = []
    print(f"{'commit':<10} {'files':>5} {'exit':>4} {'wall':>7} {'cpu':>7} {'shown':>5} {'TC304':>5} "
          f"{'links':>5} {'carried':>7}  findings by rule")
    with tempfile.TemporaryDirectory(prefix="transcheck-replay-") as tmp:
        for commit in opts.commits:
            r = replay(checkout, _git(checkout, "rev-parse", commit).strip(), opts, tmp)
            results.append(r)
            rules = ", ".join(f"{k} {v}" for k, v in r["by_rule"].items())
            print(f"{r['commit']:<10} {r['files']:>5} {r['exit']:>4} {r['wall']:>6}s {r['cpu']:>6}s "
                  f"{r['annotated']:>5} {r['outdated']:>5} {r['outdated_links_or_code']:>5} "
                  f"{r['outdated_already_carried']:>7}  {rules}  [{r['subject'][:60]}]", flush=True)
            for s in r["sample"]:
                print(f"    {s['path']}:{s['line']} {s['severity']} {s['code']} {s['message']}")
    if opts.json:
        with open(opts.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
