"""Baselines: the fingerprints of accepted findings, so CI reports only new ones.

The file is JSON, sorted, one entry per finding with its rule, path and message for a
human reviewing the diff; only the fingerprints are compared. Fingerprints ignore line
numbers (see ``runner.fingerprinted``), so text that merely moves stays baselined.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from transcheck.errors import UsageError
from transcheck.model import Finding

VERSION = 1


class BaselineError(UsageError):
    """A baseline file that cannot be used; the message is one line."""


def dumps(findings: Iterable[Finding]) -> str:
    entries = sorted(
        (
            {"fingerprint": f.fingerprint, "code": f.code, "rule": f.rule, "path": f.path, "message": f.message}
            for f in findings
        ),
        key=lambda e: (e["path"], e["code"], e["fingerprint"]),
    )
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def write(path: str, findings: Iterable[Finding]) -> None:
    from transcheck.atomic import WriteRefused, write_text

    text = dumps(findings)
    try:
        write_text(path, text)
    except WriteRefused as exc:
        raise BaselineError(str(exc)) from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None


def read(path: str) -> frozenset[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a transcheck baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a transcheck baseline (expected version {VERSION} with a findings list)")
    prints = set()
    for n, entry in enumerate(data["findings"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: findings[{n}] has no fingerprint")
        prints.add(entry["fingerprint"])
    return frozenset(prints)
