"""A documentation tree in several languages: each page's status per language (source,
up to date, outdated since a commit, missing), the coverage per language, and how the
JSON, Markdown, text and HTML reports show them; the HTML index in a real browser."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.cli import transcheck
from tests.test_history import EN, FR, commit, git
from tests.test_report_html import CHROMIUM, Page, _chromium

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


def test_html_index_links_each_page_to_its_table(tree):
    html = run(tree, "html")
    page = Page(html)
    assert "de outdated (1 segment, since " in html  # above the page's own table
    links = [a["href"] for a in page.find("a") if a.get("href", "").startswith("#g") and "-r" not in a["href"]]
    sections = {s["id"] for s in page.find("section", cls="group")}
    assert links and {link[1:] for link in links} == sections
    assert len(page.find("td", cls="st-outdated")) == 2
    assert len(page.find("td", cls="st-missing")) == 1
    assert [c["title"] for c in page.find("td", cls="st-up-to-date")] == ["fr: up to date"]


@pytest.mark.slow  # starts headless Chromium
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_browser_follows_an_index_link(tree, tmp_path):
    html = tmp_path / "tree.html"
    run(tree, "html", "--output", str(html))
    # Click the second page's link as a reader would; the page records where it went.
    script = """<script>
    var a=document.querySelectorAll('table.index a')[1]; a.click();
    document.body.setAttribute('data-went', location.hash);
    var t=document.querySelector(location.hash); document.body.setAttribute('data-target', t ? t.tagName : '');
    </script></body>"""
    html.write_text(html.read_text(encoding="utf-8").replace("</body>", script), encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", html.as_uri())
    body = Page(result.stdout).find("body")[0]
    assert body.get("data-went") == "#g2", result.stderr[-2000:]
    assert body.get("data-target") == "SECTION"
