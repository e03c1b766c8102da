"""The HTML review page: self-contained, escaped, right-to-left where it must be, each
finding on its segment; then the page in a real browser (headless Chromium), which
also leaves a screenshot in reports/corpus.png for a human to look at."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli import transcheck
from tests.conftest import ROOT
from transcheck.runner import run
from tests.conftest import render
from transcheck.report import Format
from transcheck.rules.registry import RULES
from transcheck.settings import Settings

FIXTURE = Path(__file__).parent / "data" / "fixture"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
)


class Page(HTMLParser):
    """The elements of a page as (tag, attributes) in document order."""

    def __init__(self, text: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def find(self, tag: str, **want) -> list[dict]:
        def ok(attrs):
            for key, value in want.items():
                key = key.replace("_", "-").rstrip("-")
                have = attrs.get("class" if key == "cls" else key)
                if key == "cls":
                    if have is None or value not in have.split():
                        return False
                elif value is True:
                    if key not in attrs:
                        return False
                elif have != value:
                    return False
            return True

        return [a for t, a in self.elements if t == tag and ok(a)]


@pytest.fixture(scope="module")
def fixture_report():
    return run([str(FIXTURE)], Settings(), RULES)


def test_self_contained_and_deterministic(fixture_report):
    text = render(fixture_report, Format.HTML)
    assert text == render(fixture_report, Format.HTML)
    page = Page(text)
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert all("src" not in a for _, a in page.elements)
    assert not [a["href"] for _, a in page.elements if "href" in a and not a["href"].startswith("#")]
    assert "http://" not in text and "https://" not in text and "url(" not in text
    assert "@import" not in text


def test_text_is_escaped(fixture_report):
    text = render(fixture_report, Format.HTML)
    assert "<Save" not in text and "&lt;Save &amp; Exit&gt;" in text
    assert "<حفظ" not in text and "&lt;حفظ وخروج&gt;" in text


def test_rows_columns_rtl_and_findings(fixture_report):
    page = Page(render(fixture_report, Format.HTML))
    group = fixture_report.groups[0]
    rows = page.find("tr", id=True)
    assert [r["id"] for r in rows] == [f"g1-r{i}" for i in range(1, len(group.rows) + 1)]
    languages = sorted(d.language for d in group.documents)
    cells = page.find("td", cls="cell")
    assert len(cells) == len(group.rows) * len(languages)
    for cell in cells:
        assert (cell.get("dir") == "rtl") == (cell["lang"] == "ar")
    # every finding once in the list and once as a note in the table
    findings = fixture_report.findings
    assert len(page.find("tr", cls="fx")) == len(findings)
    assert sorted(int(n["data-f"]) for n in page.find("div", cls="note")) == list(range(1, len(findings) + 1))
    # missing segments are gaps, and the missing-segment finding sits in its gap
    gaps = page.find("td", cls="gap")
    assert sum(len(r.cells) - len(r.present()) for r in group.rows) == len(gaps)
    missing = [i for i, f in enumerate(findings, 1) if f.code == "TC301"]
    assert missing
    for fid in missing:
        assert any(str(fid) in g.get("data-f", "").split() for g in gaps)
    # the duplicate block (two rows) is flagged on both rows' segments of its document
    dup = next(i for i, f in enumerate(findings, 1) if f.code == "TC101")
    hit = [s for s in page.find("div", cls="seg") if str(dup) in s.get("data-f", "").split()]
    assert len(hit) == 2 and all(s["data-flag"] == "error" for s in hit)


def test_placement_without_rows_lists_the_finding(fixture_report):
    from dataclasses import replace

    f = replace(fixture_report.findings[0], line=999, end_line=999, related=())
    group = replace(fixture_report.groups[0], findings=[f])
    from transcheck.model import Report

    report = Report(groups=[group], problems=[], settings=Settings(), rules=RULES)
    text = render(report, Format.HTML)
    assert "Findings not on an aligned row" in text and 'id="f1"' in text


# ---------------------------------------------------------------- in a browser


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
            f"--user-data-dir={tmp / 'profile'}", *args,
        ],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium); the HTML report is not checked in a browser"
)


@pytest.fixture(scope="module")
def corpus_html(tmp_path_factory):

    out = tmp_path_factory.mktemp("html") / "corpus.html"
    result = transcheck("check", "corpus/", "--format", "html", "--output", str(out), cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    return out


def _dom(tmp: Path, page: Path) -> str:
    result = _chromium(tmp, "--dump-dom", page.as_uri())
    assert "<table" in result.stdout, result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow  # starts headless Chromium
@needs_chromium
def test_browser_renders_rows_findings_and_rtl(tmp_path, corpus_html, corpus_report):
    dom = Page(_dom(tmp_path, corpus_html))
    rows = dom.find("tr", id=True)
    assert len(rows) == sum(len(g.rows) for g in corpus_report.groups) > 0
    # the script ran: the page is in its clamped default view and every cell with a
    # shown finding carries its colour
    assert "clamp" in dom.find("body")[0].get("class", "")
    flagged = dom.find("td", cls="cell", data_flag=True)
    assert any(c["data-flag"] == "error" for c in flagged)
    notes = dom.find("div", cls="note")
    assert notes and not [n for n in notes if "hidden" in n]
    arabic = dom.find("td", lang="ar")
    assert arabic and all(c.get("dir") == "rtl" for c in arabic)
    assert all(c.get("dir") != "rtl" for c in dom.find("td", cls="cell") if c["lang"] != "ar")
    # the duplicated Swedish body (lines 26-44) is highlighted on its segments
    sv_hits = [s for s in dom.find("div", cls="seg", data_flag="error")]
    assert sv_hits


@pytest.mark.slow  # starts headless Chromium
@needs_chromium
def test_browser_filters(tmp_path, corpus_html):
    # Untick "error" and the Arabic column, tick "only rows with findings", as a user would.
    script = """<script>
    function tick(sel, on){var b=document.querySelector(sel);b.checked=on;b.dispatchEvent(new Event('change'));}
    tick('input[data-filter=sev][value=error]', false);
    tick('input[data-filter=lang][value=ar]', false);
    tick('#only-flagged', true);
    </script></body>"""
    page = tmp_path / "filtered.html"
    page.write_text(corpus_html.read_text(encoding="utf-8").replace("</body>", script), encoding="utf-8")
    dom = Page(_dom(tmp_path, page))
    errors = [n for n in dom.find("div", cls="fx") if "sev-error" in n["class"].split()]
    assert errors and all("hidden" in n for n in errors)
    listed = dom.find("tr", cls="fx")
    assert any("hidden" not in r for r in listed)
    for r in listed:
        assert ("hidden" in r) == (r["data-sev"] == "error" or r["data-lang"] == "ar"), r
    assert not dom.find("td", data_flag="error")
    assert "hide-ar" in dom.find("body")[0]["class"].split()
    shown = [r for r in dom.find("tr", id=True) if "hidden" not in r]
    hidden = [r for r in dom.find("tr", id=True) if "hidden" in r]
    assert hidden  # rows without a remaining finding are filtered out
    for r in shown:
        assert r.get("data-f")


@pytest.mark.slow  # starts headless Chromium
@needs_chromium
def test_browser_screenshot(tmp_path, corpus_html):
    target = ROOT / "reports" / "corpus.png"
    target.parent.mkdir(exist_ok=True)
    result = _chromium(tmp_path, "--window-size=1600,1200", "--hide-scrollbars", f"--screenshot={target}", corpus_html.as_uri())
    assert target.exists(), result.stderr[-2000:]
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1600, 1200)
    assert len(data) > 50_000  # a rendered page, not a blank one
