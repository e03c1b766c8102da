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


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for a module's tests (``tests.browser``)."""
    from tests.browser import CHROMIUM, Browser

    if CHROMIUM is None:
        pytest.skip("headless Chromium not installed")
    with Browser(tmp_path_factory.mktemp("profile")) as b:
        yield b


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory):
    """Where the browser tests leave their screenshots (printed with -s): the directory
    named by TRANSCHECK_SCREENSHOTS, else one in pytest's temporary directory."""
    import os

    named = os.environ.get("TRANSCHECK_SCREENSHOTS")
    path = Path(named) if named else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots of the HTML review: {path}")
    return path
