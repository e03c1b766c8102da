from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CLEAN = Path(__file__).resolve().parent / "data" / "clean"


@pytest.fixture(scope="session")
def corpus_report():
    """The corpus checked once with every rule, for the tests that read it."""
    from transcheck.runner import run
    from transcheck.rules.registry import RULES
    from transcheck.settings import Settings

    return run([str(CORPUS)], Settings(), RULES)


def render(report, fmt, color: bool = False) -> str:
    """``report`` written in ``fmt``, as a string."""
    import io

    from transcheck.report import write

    out = io.StringIO()
    write(report, out, fmt, color=color)
    return out.getvalue()
