"""Regenerate the example reports in ``reports/`` from ``corpus/``.

Run from the repository root:

    python -m tools.regenerate           # rewrite reports/corpus.*
    python -m tools.regenerate --check   # exit 1 if a committed report is stale

The reports are produced by the command line exactly as a user runs it
(``transcheck check corpus/ --format ...``), so they show what the current rules,
aligner and configuration really report. Version numbers (transcheck, Python, libraries)
are ignored when comparing, so a library upgrade alone does not make them stale.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from transcheck.report.signature import LIBRARIES

REPORTS = {
    "corpus.md": "markdown",
    "corpus.json": "json",
    "corpus.sarif": "sarif",
    "corpus.html": "html",
}
COMMAND = "python -m tools.regenerate"

_KEYS = "|".join(
    map(re.escape, ("transcheck", "python", "py", "semanticVersion") + LIBRARIES)
)
# A library of an optional extra reads "absent" where it is not installed.
_VERSION = re.compile(rf"""((?<![\w-])(?:{_KEYS})\b"?\s*[:= ]\s*"?)(?:\d+\.\d+[0-9A-Za-z.+-]*|absent)""")
# "version" also names SARIF's own format version (2.1.0), which must stay visible.
_TOOL_VERSION = re.compile(r'("version"\s*:\s*")(?!2\.1\.0")\d+\.\d+[0-9A-Za-z.+-]*')


def redact(text: str) -> str:
    """``text`` with the versions of transcheck, Python and the libraries replaced by
    ``[version]``: the parts of a report that change with the machine, not the input."""
    text = _VERSION.sub(r"\1[version]", text)
    return _TOOL_VERSION.sub(r"\1[version]", text)


def generate(root: Path) -> dict[str, str]:
    """Each report's text, made by running the command line in ``root``."""
    out = {}
    for name, fmt in REPORTS.items():
        result = subprocess.run(
            [sys.executable, "-m", "transcheck", "check", "corpus/", "--format", fmt],
            cwd=root, capture_output=True, text=True, encoding="utf-8",
        )
        if result.returncode not in (0, 1):
            raise RuntimeError(
                f"transcheck check corpus/ --format {fmt} exited {result.returncode}: {result.stderr.strip()}"
            )
        out[name] = result.stdout
    return out


def stale(root: Path) -> list[str]:
    """The reports whose committed text differs from a fresh run (versions aside)."""
    fresh = generate(root)
    names = []
    for name, text in fresh.items():
        path = root / "reports" / name
        committed = path.read_text(encoding="utf-8") if path.exists() else None
        if committed is None or redact(committed) != redact(text):
            names.append(name)
    return names


def write(root: Path) -> list[Path]:
    target = root / "reports"
    target.mkdir(exist_ok=True)
    written = []
    for name, text in generate(root).items():
        path = target / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path.cwd()
    if not (root / "corpus").is_dir():
        print("regenerate: run this from the repository root (no corpus/ here)", file=sys.stderr)
        return 2
    if args == ["--check"]:
        names = stale(root)
        for name in names:
            print(f"reports/{name} is stale; run `{COMMAND}`", file=sys.stderr)
        return 1 if names else 0
    if args:
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    for path in write(root):
        print(path.relative_to(root))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
