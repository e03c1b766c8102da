"""The HTML review: self-contained, escaped, one page per group carried as text until it
is opened, right-to-left where it must be, each finding on its cell; then in a real
browser (headless Chromium): the corpus, and a guide in 30 languages, where the picker
switches the language under review, a row opens its other languages and the right-to-
left cells run right to left. Screenshots go to a directory the tests print;
reports/corpus.png is the one a human looks at in the repository."""

from __future__ import annotations

import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, Browser
from tests.cli import transcheck
from tests.conftest import ROOT, render
from tests.review_data import GUIDE, RTL, write_guide
from transcheck.report import Format
from transcheck.rules.registry import RULES
from transcheck.runner import run
from transcheck.settings import Settings

FIXTURE = Path(__file__).parent / "data" / "fixture"
_PAGE_ELEMENT = re.compile(r'<script type="text/html" id="page-([0-9a-f]{20})">\n(.*?)\n</script>', re.S)


def fragments(text: str) -> dict[str, str]:
    """The pages a one-file report carries, by id."""
    return {m.group(1): m.group(2) for m in _PAGE_ELEMENT.finditer(text)}


def index_of(text: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="transcheck-index">(.*?)</script>', text, re.S).group(1))


class Page(HTMLParser):
    """The elements of a report as (tag, attributes) in document order, its pages'
    elements in place of the text that carries them (as when each is opened)."""

    def __init__(self, text: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(_PAGE_ELEMENT.sub(lambda m: m.group(2), text))

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

    def cells(self) -> list[dict]:
        """The cells of the aligned rows (not the header's)."""
        return [c for c in self.find("div", cls="c") if "h" not in c["class"].split()]


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


def test_rows_cells_rtl_and_findings(fixture_report):
    text = render(fixture_report, Format.HTML)
    assert len(fragments(text)) == 1
    page = Page(text)
    group = fixture_report.groups[0]
    rows = page.find("div", cls="row", id=True)
    assert [r["id"] for r in rows] == [f"r{i}" for i in range(1, len(group.rows) + 1)]
    cells = page.cells()
    assert len(cells) == len(group.rows) * len(group.documents)
    for cell in cells:
        assert (cell.get("dir") == "rtl") == (cell["lang"] == "ar") and cell["lang"] == cell["data-l"]
    # every finding once in the page's list and once as a note on its cell
    findings = fixture_report.findings
    assert len(page.find("tr", cls="fx")) == len(findings)
    assert sorted(int(n["data-f"]) for n in page.find("div", cls="note")) == list(range(1, len(findings) + 1))
    # missing segments are gaps, and the missing-segment finding sits in its gap
    gaps = page.find("div", cls="gap")
    assert sum(len(r.cells) - len(r.present()) for r in group.rows) == len(gaps)
    missing = [i for i, f in enumerate(findings, 1) if f.code == "TC301"]
    assert missing
    for fid in missing:
        assert any(str(fid) in g.get("data-f", "").split() for g in gaps)
    # the duplicate block (two rows) is flagged on both rows' segments of its document
    dup = next(i for i, f in enumerate(findings, 1) if f.code == "TC101")
    hit = [s for s in page.find("p", cls="s") if str(dup) in s.get("data-f", "").split()]
    assert len(hit) == 2 and all(s["data-flag"] == "error" for s in hit)


def test_index_lists_pages_languages_and_counts(fixture_report):
    data = index_of(render(fixture_report, Format.HTML))
    assert [l["code"] for l in data["languages"]] == ["ar", "de", "en", "fr"]
    assert [l["code"] for l in data["languages"] if l["rtl"]] == ["ar"]
    assert data["directory"] is None and len(data["pages"]) == 1
    name, page_id, states, tallies = data["pages"][0]
    assert name == fixture_report.groups[0].group and states == "pppp"
    assert page_id in fragments(render(fixture_report, Format.HTML))
    counted = {}
    for k in range(0, len(tallies), 4):
        rule = data["rules"][tallies[k]][0]
        counted[rule] = counted.get(rule, 0) + tallies[k + 3]
    assert counted == {code: n for code, _, n in data["rules"]}
    assert sum(counted.values()) == len(fixture_report.findings)


def test_placement_without_rows_lists_the_finding(fixture_report):
    from dataclasses import replace

    from transcheck.model import Report

    f = replace(fixture_report.findings[0], line=999, end_line=999, related=())
    group = replace(fixture_report.groups[0], findings=[f])
    report = Report(groups=[group], problems=[], settings=Settings(), rules=RULES)
    text = render(report, Format.HTML)
    assert "Findings not on an aligned row" in text and 'data-f="1"' in text


def test_nothing_from_a_document_ends_the_element_that_carries_its_page(tmp_path):
    (tmp_path / "page.en.txt").write_text("Close with </script><script>alert(1)</script> and <!-- here.\n", encoding="utf-8")
    (tmp_path / "page.fr.txt").write_text("Fermez avec </SCRIPT > et <!-- ici.\n", encoding="utf-8")
    text = render(run([str(tmp_path)], Settings(), RULES), Format.HTML)
    assert text.lower().count("</script") == text.lower().count("<script")
    assert "<!--" not in text and "alert(1)</script>" not in text
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in next(iter(fragments(text).values()))


# ---------------------------------------------------------------- in a browser

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium); the HTML report is not checked in a browser"
)


def check_html(cwd: Path, out: Path, *args: str) -> Path:
    result = transcheck("check", *args, "-q", "--format", "html", "--output", str(out), cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return out


@pytest.fixture(scope="module")
def corpus_html(tmp_path_factory):
    return check_html(ROOT, tmp_path_factory.mktemp("html") / "corpus.html", "corpus/")


def opened(browser: Browser, page: Path, hash_: str = ""):
    tab = browser.open(page.as_uri() + hash_)
    tab.wait("document.documentElement.dataset.ready")
    return tab


def is_png(path: Path, size: tuple[int, int]) -> bool:
    data = path.read_bytes()
    return data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == size and len(data) > 30_000


PICK = "(function(){var s=document.getElementById('%s');s.value='%s';s.dispatchEvent(new Event('change'));})()"
TICK = "(function(){var b=document.querySelector('%s');b.checked=%s;b.dispatchEvent(new Event('change'));})()"


@pytest.mark.slow  # headless Chromium
@needs_chromium
def test_browser_renders_rows_findings_and_rtl(browser, corpus_html, corpus_report):
    tab = opened(browser, corpus_html)
    group = corpus_report.groups[0]
    assert tab.eval("document.querySelectorAll('.row:not(.head)').length") == len(group.rows) > 0
    # the script ran: two languages side by side, the rest of each row hidden
    shown = tab.eval("[...document.querySelectorAll('#r1>.c')].filter(c=>c.offsetWidth>0).map(c=>c.lang)")
    assert len(shown) == 2 and tab.eval("document.body.classList.contains('clamp')")
    assert tab.eval("document.querySelectorAll('.c[data-flag=error]').length") > 0
    assert tab.eval("[...document.querySelectorAll('.note')].every(n=>!n.hidden)")
    tab.eval(PICK % ("ref", "it"))
    tab.eval(PICK % ("lang", "ar"))
    tab.wait("location.hash.includes('lang=ar')")
    assert tab.eval("[...document.querySelectorAll('.row:not(.head)>.c[lang=ar]')].every(c=>getComputedStyle(c).direction==='rtl' && c.offsetWidth>400)")
    assert tab.eval("[...document.querySelectorAll('.row:not(.head)>.c[lang=it]')].every(c=>getComputedStyle(c).direction==='ltr')")


@pytest.mark.slow  # headless Chromium
@needs_chromium
def test_browser_filters(browser, corpus_html):
    tab = opened(browser, corpus_html, "#g=1&ref=it&lang=ru")
    tab.eval(TICK % ("input[data-filter=sev][value=error]", "false"))
    tab.eval(TICK % ("#only-flagged", "true"))
    errors = tab.eval("[...document.querySelectorAll('.fx.sev-error')].map(n=>n.hidden)")
    assert errors and all(errors)
    listed = tab.eval("[...document.querySelectorAll('tr.fx')].map(r=>[r.dataset.sev,r.hidden])")
    assert any(not hidden for _, hidden in listed)
    assert all(hidden == (sev == "error") for sev, hidden in listed)
    assert tab.eval("document.querySelectorAll('.c[data-flag=error]').length") == 0
    rows = tab.eval("[...document.querySelectorAll('.row:not(.head)')].map(r=>[r.hidden, !!r.querySelector(':scope>.c[data-flag]:is([lang=it],[lang=ru])')])")
    assert any(hidden for hidden, _ in rows) and any(not hidden for hidden, _ in rows)
    assert all(hidden != flagged for hidden, flagged in rows)


@pytest.mark.slow  # headless Chromium
@needs_chromium
def test_browser_screenshot(browser, corpus_html):
    target = ROOT / "reports" / "corpus.png"
    tab = opened(browser, corpus_html)
    tab.screenshot(target)
    assert is_png(target, (browser.width, browser.height))


@pytest.fixture(scope="module")
def guide_html(tmp_path_factory):
    root = write_guide(tmp_path_factory.mktemp("guide") / "guide")
    return check_html(root, root.parent / "guide.html", ".", "--source", "en")


@pytest.mark.slow  # headless Chromium
@needs_chromium
def test_browser_thirty_languages(browser, guide_html, screenshots):
    data = index_of(guide_html.read_text(encoding="utf-8"))
    assert len(data["languages"]) == 30 and data["directory"] is None
    tab = opened(browser, guide_html)
    # the picker offers every language; the source is the reference
    assert tab.eval("[...document.querySelectorAll('#lang option')].length") == 30
    assert tab.eval("document.getElementById('ref').value") == "en"
    wide = "[...document.querySelectorAll('.row:not(.head)>.c')].filter(c=>c.offsetWidth>0).map(c=>[c.lang,c.offsetWidth])"
    assert all(lang == "en" or width > 600 for lang, width in tab.eval(wide))
    tab.screenshot(screenshots / "guide-30-languages.png")
    for lang in RTL:
        tab.eval(PICK % ("lang", lang))
        tab.wait(f"location.hash.includes('lang={lang}')")
        cells = tab.eval(
            "[...document.querySelectorAll('.row:not(.head)>.c')].filter(c=>c.offsetWidth>0)"
            ".map(c=>[c.lang,c.dir,getComputedStyle(c).direction])"
        )
        assert {c[0] for c in cells} == {"en", lang}
        assert all(direction == ("rtl" if c_lang == lang else "ltr") and (c_dir == "rtl") == (c_lang == lang)
                   for c_lang, c_dir, direction in cells)
    # a right-to-left line starts at the right edge of its cell
    edge = tab.eval("(function(){var c=document.querySelector('#r2>.c[lang=ur]'),s=c.querySelector('.s');"
                    "var r=document.createRange();r.selectNodeContents(s);var t=r.getBoundingClientRect(),b=c.getBoundingClientRect();"
                    "return [b.right-t.right, t.left-b.left];})()")
    assert edge[0] < 60 < edge[1]
    # a row's other languages open on demand, each in its own direction
    tab.eval("document.querySelector('#r3 .more').click()")
    peers = tab.eval("[...document.querySelectorAll('#r3 .peers>.c')].filter(c=>c.offsetWidth>0).map(c=>[c.lang,getComputedStyle(c).direction])")
    assert len(peers) == 28 and {lang for lang, _ in peers} == set(GUIDE) - {"en", "ur"}
    assert all((direction == "rtl") == (lang in RTL) for lang, direction in peers)
    tab.screenshot(screenshots / "guide-urdu-and-peers.png")
    assert is_png(screenshots / "guide-urdu-and-peers.png", (browser.width, browser.height))
    # a finding in another language, chosen in the page's list, becomes the language under review
    href = tab.eval("(function(){var a=[...document.querySelectorAll('tr.fx')].find(r=>r.dataset.lang==='fr').querySelector('a');"
                    "a.click();return a.getAttribute('href');})()")
    tab.wait("location.hash.includes('lang=fr')")
    assert href == "#r=14"  # the paragraph French dropped in its third section
    assert tab.eval("document.querySelector('.row.target').id") == "r14"
    assert tab.eval("getComputedStyle(document.querySelector('#r14>.c[lang=fr]')).display") == "block"
