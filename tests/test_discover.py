"""File names to languages and groups."""

from __future__ import annotations

import os

import pytest

from transcheck.read.discover import discover, parse_name


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("corpus/ru.txt", ("ru", "corpus")),
        ("docs/guide.sv.md", ("sv", "docs/guide")),
        ("docs/it/guide.md", ("it", "docs/guide")),
        ("pt_br.txt", ("pt-BR", ".")),
        ("site/intro.zh-Hant.md", ("zh-Hant", "site/intro")),
        ("App/de.lproj/Localizable.strings", ("de", "App/Localizable.strings")),
        ("App/zh-Hans.lproj/Main.strings", ("zh-Hans", "App/Main.strings")),
        # gettext's glibc modifier for a script
        ("po/sr@latin.po", ("sr-Latn", "po")),
        ("po/uz@cyrillic.po", ("uz-Cyrl", "po")),
        # Crowdin's code for Serbian in Cyrillic: "SP" is no region
        ("locales/sr-SP.json", ("sr-Cyrl", "locales")),
    ],
)
def test_parse_name(path, expected):
    assert parse_name(path) == expected


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("corpus/xx.txt", "unknown language code 'xx'"),
        ("corpus/notes.txt", "no language in the file name"),
        ("corpus/sv.docx", "unsupported file type"),
        ("App/Base.lproj/Main.strings", "no language in the file name"),
        ("po/ca@valencia.po", "unknown language code 'ca@valencia'"),
        # Only Apple's resources live in LANG.lproj/.
        ("App/de.lproj/guide.md", "no language in the file name"),
    ],
)
def test_parse_name_problems(path, message):
    assert message in parse_name(path)


def test_many_groups_in_one_directory(tmp_path):
    for name in ("intro", "pricing", "faq"):
        for lang in ("sv", "it", "tr"):
            (tmp_path / f"{name}.{lang}.md").write_text(f"# {name} {lang}\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("not a translation\n", encoding="utf-8")
    found = discover([str(tmp_path)])
    # README.md is skipped with a warning, never an error
    assert [p.severity for p in found.problems] == ["warning"]
    assert [g.name.rsplit("/", 1)[-1] for g in found.groups] == ["faq", "intro", "pricing"]
    assert all([f.language for f in g.files] == ["it", "sv", "tr"] for g in found.groups)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("pt-br", "pt-BR"), ("pt_BR", "pt-BR"), ("zh-hant", "zh-Hant"), ("ZH-HANS", "zh-Hans"),
        ("zh-CN", "zh-CN"), ("sr-Latn", "sr-Latn"), ("sr_latn_rs", "sr-Latn-RS"), ("es-419", "es-419"),
        ("qq", None), ("english", None), ("pt-", None),
        # language and region glued, told apart by their case; in one case, a code to map
        ("zhCN", "zh-CN"), ("ptBR", "pt-BR"), ("ptbr", None), ("PTBR", None), ("myPC", None),
    ],
)
def test_language_tags_as_sites_spell_them(tag, expected):
    from transcheck.read.languages import normalise_tag

    assert normalise_tag(tag) == expected


def test_markdown_and_mdx_pages_of_one_name_are_one_document(tmp_path):
    from transcheck import api

    for path, text in {
        "en/page.mdx": "# Page\n\nThe site runs on 3 servers.\n",
        "de/page.mdx": "# Seite\n\nDie Seite läuft auf 3 Servern.\n",
        "es/page.md": "# Página\n\nEl sitio funciona con 3 servidores.\n",
    }.items():
        (tmp_path / path).parent.mkdir(exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    report = api.check([str(tmp_path)], source="en", history=False)
    assert [[(d.language, os.path.basename(d.path)) for d in g.documents] for g in report.groups] == [
        [("de", "page.mdx"), ("en", "page.mdx"), ("es", "page.md")]
    ]
    assert report.groups[0].source == "en" and not report.problems


@pytest.mark.parametrize(
    "names",
    [("{lang}/guide.md", "{lang}/guide.txt"), ("guide.{lang}.md", "guide.{lang}.json"),
     ("{lang}.md", "{lang}.json")],
)
def test_another_format_of_the_same_name_is_another_document(tmp_path, names):
    for lang in ("en", "de"):
        for name in names:
            path = tmp_path / name.format(lang=lang)
            path.parent.mkdir(exist_ok=True)
            text = '{"title": "Three steps."}\n' if path.suffix == ".json" else "Three steps.\n"
            path.write_text(text, encoding="utf-8")
    found = discover([str(tmp_path)], source="en")
    assert not found.problems
    other = os.path.splitext(names[1])[1]
    assert [sorted({os.path.splitext(f.path)[1] for f in g.files}) for g in found.groups] == [[".md"], [other]]
    assert all([f.language for f in g.files] == ["de", "en"] for g in found.groups)
    # the page keeps its name; the other document's says its format
    assert found.groups[1].name == found.groups[0].name + other


def test_a_page_without_a_language_beside_its_translations_is_their_source(tmp_path):
    for name, text in {"README.md": "# Tool\n", "README.de.md": "# Werkzeug\n", "README.fr.md": "# Outil\n",
                       "NOTES.md": "# Notes\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = discover([str(tmp_path)], source="en")
    assert [(os.path.basename(f.path), f.language) for g in found.groups for f in g.files] == [
        ("README.de.md", "de"), ("README.md", "en"), ("README.fr.md", "fr")]
    # NOTES.md has no translations beside it: skipped, as any file without a language.
    assert [(os.path.basename(p.path), p.message.split(" (")[0]) for p in found.problems] == [
        ("NOTES.md", "no language in the file name")]
    # Without a source its language is unknown: the warning says how to read it.
    found = discover([str(tmp_path)])
    assert [f.language for g in found.groups for f in g.files] == ["de", "fr"]
    assert any(p.path.endswith("README.md") and "beside its translations (README.de.md, README.fr.md)" in p.message
               and "--source LANG" in p.message for p in found.problems)


def test_base_lproj_is_the_source_where_the_source_language_has_no_such_file(tmp_path):
    def write(relative, text):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    for lang in ("Base", "de", "fr"):
        write(f"App/{lang}.lproj/Sparkle.strings", f'"Later" = "Later {lang}";\n')
    for lang in ("Base", "en", "de"):
        write(f"App/{lang}.lproj/Main.strings", f'"1.title" = "Title {lang}";\n')
    found = discover([str(tmp_path / "App")], source="en")
    files = {g.name.rsplit("/", 1)[-1]: {f.language: f.path.rsplit("/", 2)[-2] for f in g.files}
             for g in found.groups}
    # Sparkle's English is only in Base; Main's source is en.lproj, and Base beside it stays unread.
    assert files == {"Sparkle.strings": {"de": "de.lproj", "en": "Base.lproj", "fr": "fr.lproj"},
                     "Main.strings": {"de": "de.lproj", "en": "en.lproj"}}
    assert [(p.severity, p.path.rsplit("/", 2)[-2]) for p in found.problems] == [("info", "Base.lproj")]
    # Without a source language Base is no language, as before.
    assert all("Base.lproj" not in f.path for g in discover([str(tmp_path / "App")]).groups for f in g.files)


def test_an_apple_string_catalog_is_said_to_be_unread_and_other_files_are_skipped_silently(tmp_path):
    for lang, value in (("en", "Open"), ("de", "Öffnen")):
        (tmp_path / f"{lang}.lproj").mkdir()
        (tmp_path / f"{lang}.lproj" / "InfoPlist.strings").write_text(f'"a" = "{value}";\n', encoding="utf-8")
    (tmp_path / "Localizable.xcstrings").write_text('{"sourceLanguage": "en", "strings": {}}', encoding="utf-8")
    (tmp_path / "build.gradle").write_text("apply plugin: 'java'\n", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert sorted((os.path.basename(p.path), p.severity) for p in found.problems) == [
        ("Localizable.xcstrings", "warning"), ("build.gradle", "info")]
    assert "string catalog" in next(p.message for p in found.problems if p.severity == "warning")
