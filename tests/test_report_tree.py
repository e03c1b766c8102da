"""A documentation tree in several languages: each page's status per language (source,
up to date, outdated since a commit, missing), the coverage per language, and how the
JSON, Markdown, text and HTML reports show them; the HTML review of a tree in a real
browser, and of a site of 5,000 pages, whose pages are files beside the report."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.browser import CHROMIUM
from tests.cli import transcheck
from tests.review_data import site
from tests.test_history import EN, FR, commit, git
from tests.test_report_html import PICK, fragments, index_of, is_png, opened
from transcheck.atomic import WriteRefused
from transcheck.report import Format, formatter, html, write_file
from transcheck.report.html_files import MARKER

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="git not installed"
)

GUIDE_EN = ["# Guide", "Open the settings page and choose the language of the interface."]
GUIDE_FR = ["# Guide", "Ouvrez la page des réglages et choisissez la langue de l'interface."]
DE = [
    "# Erste Schritte",
    "Installieren Sie das Paket mit pip, bevor Sie den ersten Befehl ausführen.",
    "Die Konfigurationsdatei liegt im Stammverzeichnis Ihres Projekts und wird beim Start gelesen.",
    "Jede Regel kann in der Konfiguration abgeschaltet werden, ein Code nach dem anderen.",
    "Berichte werden in sieben Formaten geschrieben, von reinem Text bis SARIF für die Code-Analyse.",
]


def put(repo, path, paragraphs):
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """docs/{en,fr,de}/index.md and docs/{en,fr}/guide.md, translated; then the English
    index gains a paragraph, so fr and de index pages are outdated, guide is not."""
    repo = tmp_path_factory.mktemp("tree") / "site"
    repo.mkdir()
    git(repo, "init", "-q")
    put(repo, "docs/en/index.md", EN)
    put(repo, "docs/fr/index.md", FR)
    put(repo, "docs/de/index.md", DE)
    put(repo, "docs/en/guide.md", GUIDE_EN)
    put(repo, "docs/fr/guide.md", GUIDE_FR)
    commit(repo, "docs: translated")
    put(repo, "docs/en/index.md", EN[:3] + ["Rules are grouped by category, and each has its own codes."] + EN[3:])
    commit(repo, "docs: a paragraph on categories")
    return repo


def run(repo, fmt, *extra):
    result = transcheck(
        "check", "--layout", "docs/{lang}/**/*.md", "--source", "en",
        "-q", "--jobs", "1", "--format", fmt, *extra,
        cwd=repo, env={k: v for k, v in os.environ.items() if k != "NO_COLOR"},
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_json_status_and_coverage(tree):
    data = json.loads(run(tree, "json"))
    sha = git(tree, "log", "-1", "--format=%h", "HEAD~1").decode().strip()
    pages = {p["group"]: {s["language"]: s for s in p["status"]} for p in data["pages"]}
    index = pages["docs/{lang}/index.md"]
    assert index["en"] == {"language": "en", "state": "source"}
    for lang in ("fr", "de"):
        assert index[lang]["state"] == "outdated" and index[lang]["segments"] == 1
        assert sha.startswith(index[lang]["since"]) or index[lang]["since"].startswith(sha)
    guide = pages["docs/{lang}/guide.md"]
    assert guide["fr"] == {"language": "fr", "state": "up to date"}
    assert guide["de"] == {"language": "de", "state": "missing"}
    coverage = {c["language"]: (c["pages"], c["expected"]) for c in data["coverage"]}
    assert coverage == {"de": (1, 2), "en": (2, 2), "fr": (2, 2)}


def test_markdown_lists_the_pages_behind(tree):
    text = run(tree, "markdown")
    assert "| de | 1/2 |" in text
    assert "**Translations:** 1 up to date, 2 outdated, 1 missing" in text
    rows = [ln for ln in text.splitlines() if ln.startswith("| `docs/")]
    assert len(rows) == 2
    index = next(r for r in rows if "index.md" in r)
    assert "de (1 segment since" in index and "fr (1 segment since" in index
    guide = next(r for r in rows if "guide.md" in r)
    assert guide.endswith("| — | de |")


def test_text_says_the_status_of_a_page_with_findings(tree):
    lines = run(tree, "text").splitlines()
    at = lines.index("docs/{lang}/index.md")
    assert lines[at + 1].strip().startswith("de outdated (1 segment, since ")
    assert any(ln.split()[:2] == ["de", "German"] and ln.endswith("1/2") for ln in lines)


SCOPE = "(function(){var s=document.querySelector('aside select');s.value='%s';s.dispatchEvent(new Event('change'));})()"


def test_html_index_has_each_page_state_and_coverage(tree):
    text = run(tree, "html")
    data = index_of(text)
    langs = [lang["code"] for lang in data["languages"]]
    states = {name: dict(zip(langs, st)) for name, _, st, _ in data["pages"]}
    assert states == {
        "docs/{lang}/guide.md": {"de": "m", "en": "s", "fr": "u"},
        "docs/{lang}/index.md": {"de": "o", "en": "s", "fr": "o"},
    }
    assert {lang["code"]: lang["pages"] for lang in data["languages"]} == {"de": [1, 2], "en": [2, 2], "fr": [2, 2]}
    assert data["source"] == "en"
    assert {page_id for _, page_id, _, _ in data["pages"]} == set(fragments(text))
    assert "de outdated (1 segment, since " in text  # in the header of the page's German column


@pytest.mark.slow  # headless Chromium
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_browser_lists_pages_and_opens_one(tree, tmp_path, browser):
    out = tmp_path / "tree.html"
    run(tree, "html", "--output", str(out))
    tab = opened(browser, out, "#lang=de")
    # first the pages with findings in German, then the pages German lacks or is behind on
    assert tab.eval("document.querySelector('aside select').value") == "lang"
    assert tab.eval("[...document.querySelectorAll('ol.pl a')].map(a=>a.title)") == ["docs/{lang}/index.md"]
    tab.eval(SCOPE % "behind")
    assert tab.eval("document.querySelector('.pl-count').textContent") == "2 of 2 pages"
    assert tab.eval("[...document.querySelectorAll('ol.pl a span')].map(s=>s.textContent)").count("missing") == 1
    tab.eval("[...document.querySelectorAll('ol.pl a')].find(a=>a.title.endsWith('guide.md')).click()")
    tab.wait("document.querySelector('.page h2 .name').textContent.endsWith('guide.md')")
    # German lacks this page: said above the rows, whose other column stays English
    assert "de: missing" in tab.eval("document.querySelector('.banner.absent').textContent")
    assert tab.eval("document.querySelector('ol.pl a.cur').title") == "docs/{lang}/guide.md"


# ---------------------------------------------------------------- a site of 5,000 pages


def write_report(report, path, limit=None, monkeypatch=None):
    if limit is not None:
        monkeypatch.setattr(html, "INLINE_LIMIT", limit)
    chosen = formatter(Format.HTML)
    sections = [chosen.section(g, report) for g in report.groups]
    write_report.notes = write_file(report, str(path), chosen, sections)
    return path


def page_files(path):
    return sorted(p.name for p in path.iterdir())


@pytest.fixture(scope="module")
def site_html(tmp_path_factory):
    return write_report(site(5000), tmp_path_factory.mktemp("site") / "site.html")


@pytest.mark.slow  # writes 5,000 files
def test_a_large_site_keeps_its_pages_beside_the_report(site_html):
    text = site_html.read_text(encoding="utf-8")
    data = index_of(text)
    assert data["directory"] == "site_files/" and not fragments(text)
    assert len(data["pages"]) == 5000 and len(data["languages"]) == 4
    files = site_html.parent / "site_files"
    names = page_files(files)
    assert names[0] == MARKER and sorted(f"{p[1]}.js" for p in data["pages"]) == names[1:]
    assert site_html.stat().st_size < 1_000_000  # the index: a few hundred bytes a page
    first = (files / f"{data['pages'][0][1]}.js").read_text(encoding="utf-8")
    assert first.startswith(f'transcheckPage("{data["pages"][0][1]}","<section class=\\"page\\"')


def test_pages_beside_a_report_are_rewritten_pruned_and_removed(tmp_path, monkeypatch):
    out = tmp_path / "r.html"
    write_report(site(30), out, 0, monkeypatch)
    first = page_files(tmp_path / "r_files")
    assert len(first) == 31
    assert write_report.notes == [f"{out}: its 30 pages are in {tmp_path / 'r_files'}/; keep the two together"]
    write_report(site(20), out, 0, monkeypatch)
    kept = page_files(tmp_path / "r_files")
    assert len(kept) == 21 and set(kept) <= set(first)  # the same pages keep their names
    before = out.read_bytes()
    write_report(site(20), out, 0, monkeypatch)
    assert out.read_bytes() == before and page_files(tmp_path / "r_files") == kept
    write_report(site(20), out, 1 << 30, monkeypatch)  # small enough for one file: no folder left
    assert write_report.notes == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
    assert len(fragments(out.read_text(encoding="utf-8"))) == 20


def test_pages_are_never_written_through_a_link_or_into_a_folder_not_ours(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "r_files").symlink_to(outside)
    with pytest.raises(WriteRefused, match="r_files: is a symbolic link; not written"):
        write_report(site(3), tmp_path / "r.html", 0, monkeypatch)
    assert not list(outside.iterdir()) and not (tmp_path / "r.html").exists()
    (tmp_path / "r_files").unlink()
    (tmp_path / "r_files").write_text("a file\n")
    with pytest.raises(WriteRefused, match="r_files: not a directory; not written"):
        write_report(site(3), tmp_path / "r.html", 0, monkeypatch)
    (tmp_path / "r_files").unlink()
    (tmp_path / "r_files").mkdir()
    (tmp_path / "r_files" / "notes.txt").write_text("mine\n")
    with pytest.raises(WriteRefused, match="r_files: holds files transcheck did not write; not written"):
        write_report(site(3), tmp_path / "r.html", 0, monkeypatch)
    assert page_files(tmp_path / "r_files") == ["notes.txt"]
    # a page file that is a link (planted in a checked-out tree) is refused, not followed
    write_report(site(3), tmp_path / "s.html", 0, monkeypatch)
    victim = next(p for p in (tmp_path / "s_files").iterdir() if p.name != MARKER)
    victim.unlink()
    victim.symlink_to(outside / "target.js")
    with pytest.raises(WriteRefused, match="is a symbolic link; not written"):
        write_report(site(3), tmp_path / "s.html", 0, monkeypatch)
    assert not (outside / "target.js").exists()


def test_standard_output_is_always_one_file(monkeypatch):
    import io

    from transcheck.report import write

    monkeypatch.setattr(html, "INLINE_LIMIT", 0)
    out = io.StringIO()
    write(site(3), out, Format.HTML)
    assert len(fragments(out.getvalue())) == 3 and index_of(out.getvalue())["directory"] is None


@pytest.mark.slow  # headless Chromium
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_browser_reviews_a_site_of_5000_pages(site_html, browser, screenshots):
    tab = opened(browser, site_html)
    # the language under review is the one with the most errors; the pages listed are its own
    assert tab.eval("[document.getElementById('ref').value, document.getElementById('lang').value]") == ["en", "ar"]
    assert tab.eval("document.querySelector('.pl-count').textContent") == "1000 of 5000 pages"
    assert tab.eval("document.querySelectorAll('ol.pl li').length") == 200  # drawn as they are needed
    assert tab.eval("document.querySelector('.page h2 .name').textContent") == "pages/{lang}/cmd-00000.md"
    assert tab.eval("[...document.querySelectorAll('.row:not(.head)>.c[lang=ar]')].every(c=>getComputedStyle(c).direction==='rtl')")
    tab.screenshot(screenshots / "site-5000-pages.png")
    # French: the pages it is behind on, then one found by name, loaded from its file
    tab.eval(PICK % ("lang", "fr"))
    tab.wait("location.hash.includes('lang=fr')")
    tab.eval(SCOPE % "behind")
    assert tab.eval("document.querySelector('.pl-count').textContent") == "715 of 5000 pages"
    tab.eval(SCOPE % "all")
    tab.eval("(function(){var q=document.querySelector('aside input');q.value='cmd-04998';q.dispatchEvent(new Event('input'));})()")
    assert tab.eval("[...document.querySelectorAll('ol.pl a')].map(a=>a.title)") == ["pages/{lang}/cmd-04998.md"]
    tab.eval("document.querySelector('ol.pl a').click()")
    tab.wait("document.querySelector('.page h2 .name').textContent.endsWith('cmd-04998.md')")
    assert tab.eval("location.hash").startswith("#g=4999&")
    assert tab.eval("document.querySelectorAll('script[src]').length") == 0  # a loaded page's script is gone
    tab.eval("document.querySelector('#r2 .more').click()")
    peers = tab.eval("[...document.querySelectorAll('#r2 .peers>.c')].filter(c=>c.offsetWidth>0).map(c=>[c.lang,c.dir])")
    assert peers == [["ar", "rtl"], ["de", ""]]
    tab.screenshot(screenshots / "site-page-4999-peers.png")
    assert is_png(screenshots / "site-page-4999-peers.png", (browser.width, browser.height))
