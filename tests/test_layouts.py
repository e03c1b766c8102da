"""Layouts: where the language sits in a documentation tree's paths."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli import transcheck
from tests.conftest import ROOT
from transcheck.read.discover import discover
from transcheck.read.layout import LayoutError, parse_layout

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"


def _documented_configs() -> dict[str, str]:
    """The configurations of docs/layouts.md, by the fixture tree named in their first line."""
    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    section = text.split("\n## Per-site examples\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```toml\n# tests/data/layouts/(\w+): transcheck.toml\n(.*?)```", section, re.S)
    return dict(blocks)


def _tree(tmp_path: Path, name: str) -> Path:
    tree = tmp_path / name
    shutil.copytree(LAYOUTS / name, tree)
    return tree


def _groups(report: dict) -> dict[str, list[tuple[str, str]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for doc in report["documents"]:
        groups.setdefault(doc["group"], []).append((doc["language"], doc["path"]))
    return {name: sorted(files) for name, files in groups.items()}


EXPECTED = {
    "mkdocs": {
        "docs/{lang}/index.md": [
            ("de", "docs/de/index.md"), ("en", "docs/en/index.md"), ("pt-BR", "docs/pt-br/index.md"),
        ],
        "docs/{lang}/guide/settings.md": [
            ("de", "docs/de/guide/settings.md"), ("en", "docs/en/guide/settings.md"),
        ],
        "docs/{lang}/release-notes.md": [("en", "docs/en/release-notes.md")],
    },
    "docusaurus": {
        "docs/intro.md": [
            ("de", "i18n/de/docusaurus-plugin-content-docs/current/intro.md"),
            ("en", "docs/intro.md"),
            ("zh-Hans", "i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.md"),
            ("zh-Hant", "i18n/zh-Hant/docusaurus-plugin-content-docs/current/intro.md"),
        ],
        "docs/guide/settings.mdx": [
            ("de", "i18n/de/docusaurus-plugin-content-docs/current/guide/settings.mdx"),
            ("en", "docs/guide/settings.mdx"),
        ],
        "docs/release-notes.md": [("en", "docs/release-notes.md")],
    },
    "hugo": {
        "content/{lang}/_index.md": [
            ("en", "content/en/_index.md"), ("fr", "content/fr/_index.md"), ("zh-Hant", "content/zh-hant/_index.md"),
        ],
        "content/{lang}/posts/settings.md": [
            ("en", "content/en/posts/settings.md"), ("fr", "content/fr/posts/settings.md"),
        ],
    },
    "starlight": {
        "src/content/docs/index.mdx": [
            ("en", "src/content/docs/index.mdx"), ("fr", "src/content/docs/fr/index.mdx"),
        ],
        "src/content/docs/guides/start.mdx": [
            ("en", "src/content/docs/guides/start.mdx"), ("fr", "src/content/docs/fr/guides/start.mdx"),
            ("zh-CN", "src/content/docs/zh-cn/guides/start.mdx"),
        ],
        "src/content/docs/_fragments/cta.mdx": [("en", "src/content/docs/_fragments/cta.mdx")],
    },
    "suffix": {
        "docs/index.md": [
            ("en", "docs/index.md"), ("fr", "docs/index.fr.md"), ("pt-BR", "docs/index.pt_BR.md"),
        ],
        "docs/guide/settings.md": [
            ("en", "docs/guide/settings.md"), ("fr", "docs/guide/settings.fr.md"),
        ],
        "docs/release-notes.md": [("en", "docs/release-notes.md")],
    },
}


def test_layouts_page_has_a_configuration_for_each_fixture_tree():
    assert sorted(_documented_configs()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_documented_configuration_on_its_tree(tmp_path, name):
    tree = _tree(tmp_path, name)
    (tree / "transcheck.toml").write_text(_documented_configs()[name], encoding="utf-8")
    result = transcheck("check", "-f", "json", "--fail-on", "never", cwd=tree)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert _groups(report) == EXPECTED[name]
    # every finding names a real file of the tree, relative to the working directory
    paths = {f["path"] for f in report["findings"]}
    assert all((tree / p).is_file() for p in paths), paths
    # a page in one language is a note, not a problem
    assert not report["problems"]
    # `check .` is the same run
    dot = transcheck("check", ".", "-f", "json", "--fail-on", "never", cwd=tree)
    assert json.loads(dot.stdout)["documents"] == report["documents"]


def test_layout_on_the_command_line_and_a_path_that_narrows(tmp_path):
    tree = _tree(tmp_path, "mkdocs")
    args = ("--layout", "docs/{lang}/**/*.md", "--source", "en", "-f", "json", "--fail-on", "never")
    whole = json.loads(transcheck("check", *args, cwd=tree).stdout)
    assert _groups(whole) == EXPECTED["mkdocs"]
    # Only the German pages, each with the English page it is compared with.
    narrowed = transcheck("check", "docs/de", *args, cwd=tree)
    assert narrowed.returncode == 0, narrowed.stderr
    assert _groups(json.loads(narrowed.stdout)) == {
        "docs/{lang}/index.md": [("de", "docs/de/index.md"), ("en", "docs/en/index.md")],
        "docs/{lang}/guide/settings.md": [
            ("de", "docs/de/guide/settings.md"), ("en", "docs/en/guide/settings.md"),
        ],
    }


def test_paths_are_relative_to_the_working_directory(tmp_path):
    tree = _tree(tmp_path, "hugo")
    (tree / "transcheck.toml").write_text(_documented_configs()["hugo"], encoding="utf-8")
    result = transcheck("check", "-f", "json", "--fail-on", "never", cwd=tree / "content")
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout)["documents"]
    assert sorted(d["path"] for d in docs) == [
        "en/_index.md", "en/posts/settings.md", "fr/_index.md", "fr/posts/settings.md", "zh-hant/_index.md",
    ]


def test_without_a_layout_file_names_still_decide(tmp_path):
    tree = _tree(tmp_path, "suffix")
    found = discover([str(tree / "docs")])
    # index.fr.md and settings.fr.md are found by name; index.md has no language
    assert sorted((f.language, Path(f.path).name) for g in found.groups for f in g.files) == [
        ("fr", "index.fr.md"), ("fr", "settings.fr.md"), ("pt-BR", "index.pt_BR.md"),
    ]


def test_unknown_language_directories_are_one_warning(tmp_path, monkeypatch):
    tree = _tree(tmp_path, "mkdocs")
    (tree / "docs" / "qq").mkdir()
    for name in ("index.md", "other.md"):
        (tree / "docs" / "qq" / name).write_text("# Title\n\nSome text.\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    layouts = (parse_layout("docs/{lang}/**/*.md", "."),)
    found = discover([], layouts=layouts, source="en")
    [problem] = found.problems
    # the directory that holds the code names every file under it
    assert problem.severity == "warning" and problem.path == "docs/qq"
    assert "unknown language code 'qq'" in problem.message and "2 files not read" in problem.message
    # named on the command line, the same file is an error
    explicit = discover(["docs/qq/index.md"], layouts=layouts, source="en")
    assert [(p.path, p.severity) for p in explicit.problems] == [("docs/qq/index.md", "error")]


def test_zh_hant_and_zh_hans_are_two_languages(tmp_path, monkeypatch):
    tree = tmp_path / "t"
    for tag in ("zh-hans", "zh-HANT", "zh_TW", "en"):
        (tree / tag).mkdir(parents=True)
        (tree / tag / "a.md").write_text("# x\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    found = discover([], layouts=(parse_layout("{lang}/*.md", "."),))
    assert not found.problems
    assert [f.language for f in found.groups[0].files] == ["en", "zh-Hans", "zh-Hant", "zh-TW"]


def test_links_out_of_the_tree_are_refused_under_a_layout_too(tmp_path, monkeypatch):
    tree = _tree(tmp_path, "mkdocs")
    (tree / ".git").mkdir()
    (tree / ".git" / "config").write_text("token\n", encoding="utf-8")
    os.symlink("../../.git/config", tree / "docs" / "de" / "leak.md")
    monkeypatch.chdir(tree)
    found = discover([], layouts=(parse_layout("docs/{lang}/**/*.md", "."),), source="en")
    assert [(p.path, p.severity) for p in found.problems] == [("docs/de/leak.md", "error")]
    assert "leak" not in " ".join(f.path for g in found.groups for f in g.files)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("docs/**/*.md", "exactly one {lang}"),
        ("docs/{lang}/{lang}.md", "exactly one {lang}"),
        ("/docs/{lang}/*.md", "relative path pattern"),
        ("../{lang}/*.md", "relative path pattern"),
        ("docs/{lang}/a**/*.md", "whole path component"),
        ({"source": "docs/**/*.md", "translation": "i18n/{lang}/*.md"}, "same wildcards"),
        ({"source": "docs/{lang}/*.md", "translation": "i18n/{lang}/*.md"}, "no {lang}"),
        ({"translation": "i18n/{lang}/*.md"}, "expected a pattern"),
        (3, "expected a pattern"),
    ],
)
def test_bad_layouts(value, message):
    with pytest.raises(LayoutError, match=re.escape(message)):
        parse_layout(value, ".")


def test_bad_layout_is_one_line_and_exit_2(tmp_path):
    result = transcheck("check", "--layout", "docs/*.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "transcheck: --layout: 'docs/*.md' must hold exactly one {lang}\n"
    (tmp_path / "transcheck.toml").write_text('layout = [{ source = "a/*.md", translation = "b/{lang}/*.md" }]\n')
    result = transcheck("check", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "needs the source language" in result.stderr


def test_changed_since_with_a_layout(tmp_path):
    tree = _tree(tmp_path, "mkdocs")
    (tree / "transcheck.toml").write_text(_documented_configs()["mkdocs"], encoding="utf-8")
    git = ("git", "-c", "user.email=t@example.org", "-c", "user.name=t")
    subprocess.run(("git", "init", "-q"), cwd=tree, check=True)
    subprocess.run((*git, "add", "-A"), cwd=tree, check=True)
    subprocess.run((*git, "commit", "-qm", "one"), cwd=tree, check=True)
    page = tree / "docs" / "de" / "index.md"
    # a paragraph pasted twice: one finding, on the repository's path and the new line
    page.write_text(page.read_text(encoding="utf-8") + "\n" + page.read_text(encoding="utf-8").split("\n\n")[2], encoding="utf-8")
    subprocess.run((*git, "commit", "-qam", "two"), cwd=tree, check=True)
    result = transcheck("check", "--changed-since", "HEAD~1", "-f", "json", cwd=tree)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert {(f["code"], f["path"], f["line"]) for f in findings if f["code"] == "TC101"} == {
        ("TC101", "docs/de/index.md", 7)
    }


def test_source_inside_the_translation_tree(tmp_path, monkeypatch):
    # The source in docs/, translations in docs/{lang}/: "docs/api/" is a section of
    # the source, not a language called "api".
    for path in ("docs/api/ref.md", "docs/fr/api/ref.md", "docs/intro.md", "docs/fr/intro.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    layout = parse_layout({"source": "docs/**/*.md", "translation": "docs/{lang}/**/*.md"}, ".")
    found = discover([], layouts=(layout,), source="en")
    assert not found.problems
    assert {g.name: [(f.language, f.path) for f in g.files] for g in found.groups} == {
        "docs/api/ref.md": [("en", "docs/api/ref.md"), ("fr", "docs/fr/api/ref.md")],
        "docs/intro.md": [("en", "docs/intro.md"), ("fr", "docs/fr/intro.md")],
    }


_HALF_CONVERTED = {
    "en/page.mdx": "# Page\n\nThe site runs on 3 servers.\n",
    "de/page.mdx": "# Seite\n\nDie Seite läuft auf 3 Servern.\n",
    "es/page.md": "# Página\n\nEl sitio funciona con 3 servidores.\n",
    "en/guide.json": '{"title": "The guide has three steps."}\n',
    "de/guide.json": '{"title": "Die Anleitung hat drei Schritte."}\n',
}


@pytest.mark.parametrize(
    ("layouts", "name"),
    [
        (("docs/{lang}/**/*.mdx", "docs/{lang}/**/*.md"), "docs/{lang}/page.mdx"),
        (("docs/{lang}/**/*",), "docs/{lang}/page.mdx"),
        # Starlight: the source at the root, the translations beside it.
        (("docs/**/*=docs/{lang}/**/*",), "docs/page.mdx"),
    ],
)
def test_a_page_half_converted_to_mdx_is_one_document(tmp_path, layouts, name):
    # A site converting its pages to MDX leaves some translations as .md: Astro and
    # Docusaurus pair them by the path without its suffix, and so does transcheck.
    for path, text in _HALF_CONVERTED.items():
        if "**/*=" in layouts[0] and path.startswith("en/"):
            path = path.removeprefix("en/")
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    args = [a for layout in layouts for a in ("--layout", layout)]
    args += ["--source", "en", "-f", "json", "--fail-on", "never", "--no-history"]
    for scope in ([], ["docs/es"]):
        report = json.loads(transcheck("check", *scope, *args, cwd=tmp_path).stdout)
        groups = _groups(report)
        assert sorted(lang for lang, _ in groups[name]) == (["en", "es"] if scope else ["de", "en", "es"])
        assert dict(groups[name])["es"] == "docs/es/page.md"
        # guide.json, where the layout reads it, is another document
        others = [[(lang, os.path.basename(path)) for lang, path in files]
                  for group, files in groups.items() if group != name]
        assert others == ([] if scope or layouts[0].endswith(".mdx")
                          else [[("de", "guide.json"), ("en", "guide.json")]])
        assert not [p for p in report["problems"] if "source" in p["message"]]
