"""Layouts said on the command line, each with the source file the project keeps, and
every file of the layout accounted for: read, or named in a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import transcheck

EN = "# Guide\n\nRead the guide before you start, then run the tests.\n\nAsk for help when stuck.\n"
TEXT = {
    "de": "# Anleitung\n\nLies die Anleitung, bevor du beginnst, und führe dann die Tests aus.\n\nFrag nach Hilfe.\n",
    "fr": "# Guide\n\nLisez le guide avant de commencer, puis lancez les tests.\n\nDemandez de l'aide.\n",
    "zh": "# 指南\n\n开始之前请阅读本指南，然后运行测试。遇到问题时请寻求帮助，我们会尽快回复你的问题。\n\n卡住时请求助。\n",
    "zh-tw": "# 指南\n\n開始之前請閱讀本指南，然後執行測試。遇到問題時請尋求協助，我們會儘快回覆你的問題。\n\n卡住時請求助。\n",
    "pt": "# Guia\n\nLeia o guia antes de começar e depois rode os testes.\n\nPeça ajuda.\n",
}
# The project's codes, as public repositories spell them: a country (cn, tw), a language
# and region glued together (ptbr), a tag (zh-Hant).
FILES = {"de": "de", "fr": "fr", "zh-Hant": "zh-tw", "cn": "zh", "ptbr": "pt", "tw": "zh-tw"}


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _run(tree: Path, *args: str) -> tuple[dict, str, int]:
    result = transcheck("check", *args, "-f", "json", "--fail-on", "never", cwd=tree)
    return json.loads(result.stdout), result.stderr, result.returncode


def _accounted(report: dict, stderr: str, files: list[str]) -> dict[str, str]:
    """How each file is accounted for: "read", or the warning that names it (its path,
    or the directory holding its code)."""
    read = {d["path"] for d in report["documents"]}
    warned = {}
    for line in stderr.splitlines():
        assert line.startswith("transcheck: warning: "), line
        path, _, message = line[len("transcheck: warning: "):].partition(": ")
        warned[path] = message
    out = {}
    for f in files:
        if f in read:
            out[f] = "read"
        else:
            holders = [p for p in warned if f == p or f.startswith(p + "/")]
            assert holders, f"{f}: neither read nor warned about"
            out[f] = warned[holders[0]]
    return out


def _layout_files(tree: Path) -> list[str]:
    return sorted(str(p.relative_to(tree)) for p in tree.rglob("*.md"))


def test_readme_beside_its_translations(tmp_path):
    _write(tmp_path, "README.md", EN)
    for code, text in FILES.items():
        _write(tmp_path, f"README-{code}.md", TEXT[text])
    report, stderr, _ = _run(tmp_path, "--layout", "README-{lang}.md", "--source", "en")
    seen = _accounted(report, stderr, _layout_files(tmp_path))
    assert seen["README.md"] == seen["README-de.md"] == seen["README-zh-Hant.md"] == "read"
    assert "unknown language code 'cn'" in seen["README-cn.md"]
    assert '[language-codes] cn = "zh-CN"' in seen["README-cn.md"]
    assert '[language-codes] ptbr = "pt-BR"' in seen["README-ptbr.md"]
    # tw is Twi in ISO 639: read as such, and the Chinese text makes it a question
    assert seen["README-tw.md"] == "read"
    assert "'tw' is Twi in ISO 639, but the text reads as Chinese (Taiwan)" in stderr
    # the project's mapping settles every code
    (tmp_path / "transcheck.toml").write_text(
        '[language-codes]\ncn = "zh-CN"\nptbr = "pt-BR"\ntw = "zh-TW"\n', encoding="utf-8")
    report, stderr, _ = _run(tmp_path, "--layout", "README-{lang}.md", "--source", "en")
    assert stderr == ""
    assert sorted(d["language"] for d in report["documents"]) == [
        "de", "en", "fr", "pt-BR", "zh-CN", "zh-Hant", "zh-TW"]


def test_translations_directory_with_the_source_a_level_up(tmp_path):
    _write(tmp_path, "README.md", EN)
    for code, text in FILES.items():
        _write(tmp_path, f"translations/README-{code}.md", TEXT[text])
    _write(tmp_path, "translations/how-to.md", "How to translate.\n")  # no file of the layout
    report, stderr, _ = _run(tmp_path, "--layout", "README.md=translations/README-{lang}.md", "--source", "en")
    files = [f for f in _layout_files(tmp_path) if f != "translations/how-to.md"]
    seen = _accounted(report, stderr, files)
    assert [f for f, how in seen.items() if how == "read"] == [
        "README.md", "translations/README-de.md", "translations/README-fr.md",
        "translations/README-tw.md", "translations/README-zh-Hant.md"]
    assert {d["group"] for d in report["documents"]} == {"README.md"}
    # the same layout written translation first
    again, _, _ = _run(tmp_path, "--layout", "translations/README-{lang}.md=README.md", "--source", "en")
    assert again["documents"] == report["documents"]


def test_pages_beside_pages_per_language(tmp_path):
    for page in ("tar.md", "..md", "git-commit.md"):
        _write(tmp_path, f"pages/common/{page}", EN)
    for code in ("fr", "pt_BR", "zh_TW"):
        for page in ("tar.md", "..md"):
            _write(tmp_path, f"pages.{code}/common/{page}", TEXT["fr"])
    _write(tmp_path, "pages.xx/common/tar.md", TEXT["fr"])
    _write(tmp_path, "pages.xx/linux/ls.md", TEXT["fr"])
    report, stderr, _ = _run(tmp_path, "--layout", "pages.{lang}/**/*.md", "--source", "en")
    seen = _accounted(report, stderr, _layout_files(tmp_path))
    assert seen["pages/common/..md"] == seen["pages.pt_BR/common/..md"] == "read"
    assert seen["pages.zh_TW/common/tar.md"] == "read"
    # one warning for the directory whose name holds the code, with its file count
    assert seen["pages.xx/linux/ls.md"] == seen["pages.xx/common/tar.md"]
    assert "unknown language code 'xx'" in seen["pages.xx/linux/ls.md"]
    assert "2 files not read" in seen["pages.xx/linux/ls.md"]
    groups = {d["group"] for d in report["documents"]}
    assert groups == {"pages/common/..md", "pages/common/tar.md", "pages/common/git-commit.md"}


def test_unresolved_codes_fail_under_strict(tmp_path):
    _write(tmp_path, "README.md", EN)
    _write(tmp_path, "README-de.md", TEXT["de"])
    _write(tmp_path, "README-kh.md", TEXT["de"])
    result = transcheck("check", "--layout", "README-{lang}.md", "--source", "en", "--strict", cwd=tmp_path)
    assert result.returncode == 2
    assert 'README-kh.md: unknown language code \'kh\'' in result.stderr
    assert '[language-codes] kh = "km"' in result.stderr


def test_source_files_without_a_source_language_are_named(tmp_path):
    _write(tmp_path, "README.md", EN)
    _write(tmp_path, "README-de.md", TEXT["de"])
    _write(tmp_path, "README-fr.md", TEXT["fr"])
    report, stderr, _ = _run(tmp_path, "--layout", "README-{lang}.md")
    assert [d["path"] for d in report["documents"]] == ["README-de.md", "README-fr.md"]
    assert stderr.startswith("transcheck: warning: README.md: 1 file of the layout README-{lang}.md "
                             "without a language part")
    assert "--source LANG" in stderr


def test_a_language_named_in_english_in_the_path_gets_its_code_suggested(tmp_path):
    _write(tmp_path, "README.md", EN)
    _write(tmp_path, "README-de.md", TEXT["de"])
    _write(tmp_path, "README-french.md", TEXT["fr"])
    report, stderr, _ = _run(tmp_path, "--layout", "README-{lang}.md", "--source", "en")
    seen = _accounted(report, stderr, _layout_files(tmp_path))
    assert "unknown language code 'french'" in seen["README-french.md"]
    assert 'if it means fr, map it: [language-codes] french = "fr"' in seen["README-french.md"]


def test_android_qualifiers_that_are_no_language_are_counted_not_warned_about(tmp_path):
    en = '<resources><string name="a">Open the file</string><string name="b">Save it now</string></resources>\n'
    de = '<resources><string name="a">Datei öffnen</string><string name="b">Jetzt speichern</string></resources>\n'
    _write(tmp_path, "res/values/strings.xml", en)
    _write(tmp_path, "res/values-de/strings.xml", de)
    _write(tmp_path, "res/values-cn/strings.xml", de)
    for qualifier in ("land", "sw600dp", "v21", "night"):
        _write(tmp_path, f"res/values-{qualifier}/dimens.xml", '<resources><dimen name="w">8dp</dimen></resources>\n')
    report, stderr, _ = _run(tmp_path, "--layout", "res/values-{lang}/*.xml", "--source", "en")
    assert "unknown language code 'cn'" in stderr  # a code, likely China's
    for qualifier in ("land", "sw600dp", "v21", "night"):
        assert f"'{qualifier}'" not in stderr
        assert any(f"'{qualifier}'" in p["message"] for p in report["problems"])  # still accounted for
    # Nor annotated on a pull request: what the terminal keeps silent, GitHub does too.
    annotations = transcheck("check", "--layout", "res/values-{lang}/*.xml", "--source", "en", "-f", "github",
                             cwd=tmp_path).stdout
    assert "'cn'" in annotations and "'land'" not in annotations


def test_a_translation_named_in_another_case_is_the_same_page(tmp_path):
    # The source is readMe.md; translators saved README.md and Day_Sets_And_Maps on
    # file systems that ignore case.
    _write(tmp_path, "readMe.md", EN)
    _write(tmp_path, "RU/README.md", TEXT["de"])
    _write(tmp_path, "10_Day_Sets_and_Maps/day.md", EN)
    _write(tmp_path, "RU/10_Day_Sets_And_Maps/day.md", TEXT["de"])
    (tmp_path / "transcheck.toml").write_text('[language-codes]\nRU = "de"\n', encoding="utf-8")
    report, _, _ = _run(tmp_path, "--layout", "**/*.md={lang}/**/*.md", "--source", "en")
    assert sorted((p["group"], [s["language"] for s in p["status"]]) for p in report["pages"]) == [
        ("10_Day_Sets_and_Maps/day.md", ["de", "en"]), ("readMe.md", ["de", "en"])]


def test_a_source_language_with_no_document_is_an_error(tmp_path):
    _write(tmp_path, "README.de.md", TEXT["de"])
    _write(tmp_path, "README.fr.md", TEXT["fr"])
    result = transcheck("check", "--source", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert "no document in the source language en (English) among those found (de, fr)" in result.stderr
    result = transcheck("check", "--source", "fr-XX", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "transcheck: --source: unknown language code 'fr-XX'\n")


def test_a_source_given_without_its_region_names_the_code_found(tmp_path):
    _write(tmp_path, "README.en-US.md", EN)
    _write(tmp_path, "README.de-DE.md", TEXT["de"])
    result = transcheck("check", "--source", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert "among those found (de-DE, en-US); did you mean --source en-US?" in result.stderr
    # Two regional forms of it: both are named.
    _write(tmp_path, "README.en-GB.md", EN)
    result = transcheck("check", "--source", "en", cwd=tmp_path)
    assert "among those found (de-DE, en-GB, en-US); did you mean --source en-GB or en-US?" in result.stderr


def test_a_page_of_one_language_does_not_make_a_source_without_its_region_right(tmp_path):
    # A site's 404 page without a language in its name is read as English; the pages
    # compared still carry en-US, and --source en checks nothing against them.
    _write(tmp_path, "page.en-US.md", EN)
    _write(tmp_path, "page.de-DE.md", TEXT["de"])
    _write(tmp_path, "notfound.md", "# Not found\n\nThis page does not exist.\n")
    result = transcheck("check", "--layout", "*.{lang}.md", "--source", "en", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "among those found (de-DE, en-US); did you mean --source en-US?" in result.stderr
    assert transcheck("check", "--layout", "*.{lang}.md", "--source", "en-US", cwd=tmp_path).returncode in (0, 1)


@pytest.mark.parametrize(
    ("files", "suggested"),
    [
        (["README.md", "README-de.md", "README-fr.md"],
         "try --layout 'README-{lang}.md' --source LANG (LANG: the language of README.md)"),
        # One translation, beside the page without its code.
        (["README.md", "README_en.md"],
         "2 documents here look like README_{lang}.md beside README.md: try --layout 'README_{lang}.md' --source LANG"),
        (["README.md", "translations/README-de.md", "translations/README-fr.md", "translations/README-cn.md"],
         "try --layout 'README.md=translations/README-{lang}.md' --source LANG"),
        (["pages/common/tar.md", "pages.fr/common/tar.md", "pages.de/common/tar.md", "pages.de/linux/x/ls.md"],
         "try --layout 'pages.{lang}/**/*.md' --source LANG"),
        # Docusaurus: the language is a directory above the page's own.
        (["docs/intro.md", "i18n/de/docusaurus-plugin-content-docs/current/intro.md",
          "i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
          "i18n/zh-CN/docusaurus-plugin-content-docs/current/guide/setup.md"],
         "3 documents here look like i18n/{lang}/**/*.md: try --layout 'i18n/{lang}/**/*.md'"),
        # A site translated into one language so far.
        (["docs/intro.md", "docs/setup.md", "docs/guide.md",
          "i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.md",
          "i18n/zh-Hans/docusaurus-plugin-content-docs/current/setup.md",
          "i18n/zh-Hans/docusaurus-plugin-content-docs/current/guide.md"],
         "3 documents here look like i18n/{lang}/**/*.md: try --layout 'i18n/{lang}/**/*.md'"),
        # Android: one resource directory, or one in each module of the app.
        (["app/src/main/res/values/strings.xml", "app/src/main/res/values-de/strings.xml",
          "app/src/main/res/values-de/arrays.xml", "app/src/main/res/values-fr/strings.xml"],
         "try --layout 'app/src/main/res/values-{lang}/*.xml'"),
        (["app/src/main/res/values/strings.xml", "app/src/main/res/values-de/strings.xml",
          "core/src/main/res/values/strings.xml", "core/src/main/res/values-de/strings.xml",
          "core/src/main/res/values-fr/strings.xml"],
         "4 documents here look like **/values-{lang}/strings.xml beside **/values/strings.xml: "
         "try --layout '**/values-{lang}/strings.xml' --source LANG"),
    ],
)
def test_documents_of_no_layout_get_one_line_suggesting_it(tmp_path, files, suggested):
    for f in files:
        _write(tmp_path, f, EN)
    result = transcheck("check", cwd=tmp_path)
    hints = [line for line in result.stderr.splitlines() if "try --layout" in line]
    assert len(hints) == 1 and suggested in hints[0], result.stderr
    # nothing read: the run fails, as one on an empty directory does, and does not pass in CI
    assert result.returncode == 2


def test_many_files_without_a_language_are_one_line(tmp_path):
    """A tree of pages beside the translations a layout would read: the pages the hint
    covers are in its line, and the rest, when many, are counted in one."""
    for i in range(12):
        _write(tmp_path, f"docs/page{i}.md", EN)
        for lang in ("de", "fr"):
            _write(tmp_path, f"i18n/{lang}/plugin/current/page{i}.md", TEXT[lang])
    result = transcheck("check", cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert "12 files here have no language in their name and are skipped (./docs/page" in lines[0]
    assert "24 documents here look like i18n/{lang}/**/*.md" in lines[1]


def test_bad_language_codes_table(tmp_path):
    _write(tmp_path, "README.md", EN)
    (tmp_path / "transcheck.toml").write_text('[language-codes]\ncn = "zz-QQ"\n', encoding="utf-8")
    result = transcheck("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith("language-codes.cn: unknown language tag 'zz-QQ'\n")


def test_directories_named_for_languages_in_words(tmp_path):
    """A project that names its translation directories in words (``portuguese/``,
    ``chinese-traditional/``, ``_template/``): every one is read through the project's
    mapping, or named in a warning, whatever the length of the name, or, where it is
    no language's name at all, counted."""
    _write(tmp_path, "README.md", EN)
    names = {"german": "de", "portuguese": "pt", "vietnamese": "pt", "chinese-traditional": "zh-tw",
             "_template": "de"}
    for name, text in names.items():
        _write(tmp_path, f"src/translations/{name}/README.md", TEXT[text])
    (tmp_path / "transcheck.toml").write_text(
        'layout = ["src/translations/{lang}/README.md"]\n[language-codes]\n'
        'german = "de"\nportuguese = "pt"\nchinese-traditional = "zh-Hant"\n', encoding="utf-8")
    report, stderr, _ = _run(tmp_path)
    template = "src/translations/_template/README.md"
    seen = _accounted(report, stderr, [f for f in _layout_files(tmp_path) if f not in ("README.md", template)])
    assert sorted(d["language"] for d in report["documents"]) == ["de", "pt", "zh-Hant"]
    assert "unknown language code 'vietnamese'" in seen["src/translations/vietnamese/README.md"]
    # A name no language is written as is counted, not warned about.
    assert "'_template'" not in stderr
    assert any("'_template'" in p["message"] for p in report["problems"])
    # in a file name, a language written as a word is a code to map as well
    _write(tmp_path, "docs/README.md", EN)
    _write(tmp_path, "docs/README.portuguese.md", TEXT["pt"])
    report, stderr, _ = _run(tmp_path, "--layout", "docs/README.{lang}.md", "--source", "en")
    seen = _accounted(report, stderr, ["docs/README.md", "docs/README.portuguese.md"])
    assert seen == {"docs/README.md": "read", "docs/README.portuguese.md": "read"}


def test_resource_codes_are_judged_by_their_values_not_their_keys(tmp_path):
    def strings(values: list[str]) -> str:
        rows = "".join(f'  <string name="preference_screen_notification_settings_{i}">{v}</string>\n'
                       for i, v in enumerate(values))
        return f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n{rows}</resources>\n'

    values = {
        "": ["Subscriptions", "Play the next episode", "Download new episodes", "Settings", "Queue"],
        "-ar": ["الاشتراكات", "تشغيل الحلقة التالية", "تنزيل الحلقات الجديدة", "الإعدادات", "قائمة الانتظار"],
        "-be": ["Падпіскі", "Прайграць наступны эпізод", "Спампаваць новыя эпізоды", "Налады", "Чарга"],
        "-tw": ["訂閱", "播放下一集", "下載新的單集", "設定", "播放佇列"],
        # Assamese with English fallbacks, a quarter of its letters: no Samoan.
        "-as": ["সদস্যতাসমূহ", "পৰৱৰ্তী পৰ্ব বজাওক", "নতুন পৰ্বসমূহ ডাউনলোড কৰক", "ছেটিংছ", "First action button"],
        # Sanskrit in Devanagari with one value pasted in Arabic: no Arabic of Saudi Arabia.
        "-sa": ["सदस्यताः", "अग्रिमं प्रकरणं वादयतु", "नूतनानि प्रकरणानि अवारोहतु", "إعدادات الحساب والخصوصية", "पङ्क्तिः"],
    }
    for suffix, texts in values.items():
        _write(tmp_path, f"res/values{suffix}/strings.xml", strings(texts * 3))
    report, stderr, _ = _run(tmp_path, "--layout", "res/values-{lang}/strings.xml", "--source", "en")
    # The keys' Latin letters are no Spanish of Argentina, no Dutch of Belgium.
    assert "'ar' is" not in stderr and "'be' is" not in stderr and "'as' is" not in stderr
    assert "'sa' is" not in stderr
    assert "'tw' is Twi in ISO 639, but the text reads as Chinese (Taiwan)" in stderr
    assert sorted(d["language"] for d in report["documents"]) == ["ar", "as", "be", "en", "sa", "tw"]


def test_keyed_files_without_the_source_language_are_an_error_unless_bilingual(tmp_path):
    _write(tmp_path, "en-us.json", '{"save": "Save the file", "open": "Open the file"}\n')
    _write(tmp_path, "de.json", '{"save": "Datei speichern", "open": "Datei öffnen"}\n')
    _write(tmp_path, "fr.json", '{"save": "Enregistrer le fichier", "open": "Ouvrir le fichier"}\n')
    result = transcheck("check", "--source", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert "did you mean --source en-US?" in result.stderr
    assert transcheck("check", "--source", "en-US", cwd=tmp_path).returncode in (0, 1)
    po = tmp_path / "po"
    _write(po, "de.po", 'msgid "Save the file"\nmsgstr "Datei speichern"\n')
    _write(po, "fr.po", 'msgid "Save the file"\nmsgstr "Enregistrer le fichier"\n')
    result = transcheck("check", "po", "--source", "en", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr


def test_a_resource_file_with_no_messages_yet_is_no_warning(tmp_path):
    _write(tmp_path, "en.json", '{"save": "Save the file", "open": "Open the file"}\n')
    _write(tmp_path, "de.json", '{"save": "Datei speichern", "open": "Datei öffnen"}\n')
    _write(tmp_path, "fr.json", "{}\n")
    result = transcheck("check", "--source", "en", "-f", "json", cwd=tmp_path)
    assert "fr.json" not in result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert [(Path(p["path"]).name, p["message"]) for p in problems] == [("fr.json", "no messages; skipped")]


def test_a_code_that_is_also_a_country_keeps_its_language_when_the_text_is_in_its_script(tmp_path):
    # "bn" is Bangla and Brunei, whose Malay CLDR writes in Latin and Arabic letters: the
    # English terms a Bengali page keeps in brackets are no evidence of Malay.
    bengali = ("# স্কেলেবিলিটি (Scalability)\n\nস্কেলেবিলিটি (scalability) হলো একটি সিস্টেমের বৃদ্ধি পাওয়ার ক্ষমতা "
               "(capacity to grow), যেমন ক্লাউড কম্পিউটিং (cloud computing) এবং কন্টেইনার (containers)।\n")
    _write(tmp_path, "content/en/scalability.md", EN)
    _write(tmp_path, "content/bn/scalability.md", bengali)
    _write(tmp_path, "content/de/scalability.md", TEXT["de"])
    report, stderr, _ = _run(tmp_path, "--layout", "content/{lang}/**/*.md", "--source", "en")
    assert "Malay" not in stderr and "Brunei" not in stderr
    assert "bn" in {d["language"] for d in report["documents"]}


def test_a_pattern_without_a_suffix_reads_the_pages_not_the_manifests_beside_them(tmp_path):
    # docs/**/* in a Docusaurus tree: a multi-document YAML manifest among the pages is
    # an example, not a resource (YAML reads one document a file and would fail).
    _write(tmp_path, "docs/guide.md", EN)
    _write(tmp_path, "i18n/de/docusaurus-plugin-content-docs/current/guide.md", TEXT["de"])
    _write(tmp_path, "docs/examples/app.yaml", "kind: A\nname: one\n---\nkind: B\nname: two\n")
    layout = "docs/**/*=i18n/{lang}/docusaurus-plugin-content-docs/current/**/*"
    report, stderr, code = _run(tmp_path, "--layout", layout, "--source", "en")
    assert code != 2, stderr
    assert sorted(d["path"] for d in report["documents"]) == [
        "docs/guide.md", "i18n/de/docusaurus-plugin-content-docs/current/guide.md"]
    # A suffixless pattern over resource files alone still reads them.
    _write(tmp_path, "loc/en/app.json", '{"save": "Save your changes"}\n')
    _write(tmp_path, "loc/de/app.json", '{"save": "Änderungen speichern"}\n')
    keyed, _, _ = _run(tmp_path, "--layout", "loc/{lang}/*", "--source", "en")
    assert sorted(d["path"] for d in keyed["documents"]) == ["loc/de/app.json", "loc/en/app.json"]


def test_a_table_layout_is_described_as_the_option_takes_it(tmp_path):
    # Copied from the message into --layout, it must work: "SOURCE=TRANSLATION".
    _write(tmp_path, "site/other.md", EN)
    result = transcheck("check", "site", "--layout", "README.md=doc/i18n/README.{lang}.md", "--source", "en",
                        cwd=tmp_path)
    assert result.returncode == 2
    assert "(README.md=doc/i18n/README.{lang}.md)" in result.stderr


def test_a_pattern_written_for_the_directory_given_says_it_is_read_from_the_working_directory(tmp_path):
    for lang in ("en", "de"):
        _write(tmp_path, f"site/docs/{lang}/guide.md", EN if lang == "en" else TEXT[lang])
    result = transcheck("check", "site", "--layout", "docs/{lang}/**/*.md", "--source", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "transcheck: site: no files of the layout here (docs/{lang}/**/*.md); a pattern is relative to "
        "the working directory: run in site, or give --layout 'site/docs/{lang}/**/*.md'")
    moved = transcheck("check", "site", "--layout", "site/docs/{lang}/**/*.md", "--source", "en",
                       "-f", "json", "--fail-on", "never", cwd=tmp_path)
    assert moved.returncode == 0
    assert sorted(d["path"] for d in json.loads(moved.stdout)["documents"]) == [
        "site/docs/de/guide.md", "site/docs/en/guide.md"]


def test_one_unknown_code_in_many_folders_is_one_warning(tmp_path):
    for app in ("admin", "images", "search"):
        for lang, text in (("en", EN), ("de", TEXT["de"]), ("tet", EN)):
            _write(tmp_path, f"src/{app}/{lang}/guide.md", text)
    report, stderr, code = _run(tmp_path, "--layout", "src/*/{lang}/guide.md", "--source", "en")
    assert code == 0
    assert len(report["documents"]) == 6
    assert stderr.splitlines() == [
        "transcheck: warning: src/admin/tet: unknown language code 'tet' in the path (layout "
        "src/*/{lang}/guide.md) and 2 more folders; 3 files not read; map it to a language tag in "
        '[language-codes] (tet = "...")'
    ]


def test_a_glibc_modifier_in_the_code_is_read_or_named(tmp_path):
    for name, text in (("en", EN), ("de", TEXT["de"]), ("sr@latin", "# Vodič\n\nPročitaj vodič pre nego što počneš, pa pokreni testove.\n\nZatraži pomoć.\n"),
                       ("ca@valencia", "# Guia\n\nLlig la guia abans de començar i després executa les proves.\n\nDemana ajuda.\n")):
        _write(tmp_path, f"po/{name}.md", text)
    report, stderr, code = _run(tmp_path, "--layout", "po/{lang}.md", "--source", "en")
    assert sorted(d["language"] for d in report["documents"]) == ["de", "en", "sr-Latn"]
    assert stderr.splitlines() == [
        "transcheck: warning: po/ca@valencia.md: unknown language code 'ca@valencia' in the path (layout "
        "po/{lang}.md); 1 file not read; map it to a language tag in [language-codes] (\"ca@valencia\" = \"...\")"
    ]


def test_the_source_a_table_layout_names_wins_over_a_file_of_its_languages_code(tmp_path):
    """Crowdin exports the source language too ("messages_en.properties", often
    stale): the file the layout names as the source is read, the other skipped with a
    warning."""
    _write(tmp_path, "messages.properties", "a=Open\nb=Save\nc=Close\n")
    _write(tmp_path, "messages_en.properties", "a=Open\nb=Save\n")
    _write(tmp_path, "messages_de.properties", "a=Öffnen\nb=Speichern\nc=Schließen\n")
    report, stderr, code = _run(tmp_path, "--layout", "messages.properties=messages_{lang}.properties",
                                "--source", "en")
    assert code == 0
    assert sorted(d["path"] for d in report["documents"]) == ["messages.properties", "messages_de.properties"]
    assert "messages_en.properties: second file for language 'en'" in stderr
    assert "(first: messages.properties); skipped" in stderr


def test_translations_of_a_page_the_source_renamed_beside_its_own_pages_are_no_wrong_source(tmp_path):
    # The source's pages not translated yet, and two translations of a page it renamed:
    # --source en is right, the orphans are a warning, not a usage error.
    _write(tmp_path, "guide.en.md", EN)
    _write(tmp_path, "old.de.md", TEXT["de"])
    _write(tmp_path, "old.fr.md", TEXT["fr"])
    result = transcheck("check", "--layout", "*.{lang}.md", "--source", "en", cwd=tmp_path)
    assert result.returncode != 2, result.stderr
    assert "the source (en) has no such page" in result.stderr


def test_files_left_out_by_exclude_are_not_named_for_their_code(tmp_path):
    # `*_{lang}.md` also matches API pages named after functions (`empty_like.md`);
    # excluded, they are neither read nor warned about.
    _write(tmp_path, "docs/guide/start_en.md", EN)
    _write(tmp_path, "docs/guide/start_de.md", TEXT["de"])
    _write(tmp_path, "docs/api/empty_like.md", "# empty_like\n\nReturns an empty tensor shaped like its input.\n")
    args = ("check", ".", "--layout", "docs/**/*_{lang}.md", "--source", "en", "--no-history")
    result = transcheck(*args, cwd=tmp_path)
    assert "docs/api/empty_like.md: unknown language code 'like'" in result.stderr
    result = transcheck(*args, "--exclude", "docs/api/**", cwd=tmp_path)
    assert result.stderr == "" and result.returncode == 0, result.stderr


def test_the_layouts_source_without_a_language_part_wins_over_a_file_of_its_code(tmp_path):
    # README.md is the source README_{lang}.md names; a stale README_en.md beside it is
    # the one left out, with a warning.
    _write(tmp_path, "README.md", EN)
    _write(tmp_path, "README_en.md", "# Guide\n\nAn older copy of the guide.\n")
    _write(tmp_path, "README_de.md", TEXT["de"])
    report, stderr, _ = _run(tmp_path, "--layout", "README_{lang}.md", "--source", "en")
    assert sorted(d["path"] for d in report["documents"]) == ["README.md", "README_de.md"]
    assert "README_en.md: second file for language 'en' in group 'README.md' (first: README.md); skipped" in stderr


def test_a_gettext_template_named_by_a_wildcard_is_the_source_of_every_po(tmp_path):
    # po/*.pot=po/{lang}.po: the template whatever the project calls it.
    _write(tmp_path, "po/solaar.pot", 'msgid ""\nmsgstr ""\n\nmsgid "Open file"\nmsgstr ""\n')
    for lang, text in (("de", "Datei öffnen"), ("fr", "Ouvrir le fichier")):
        _write(tmp_path, f"po/{lang}.po", f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n\n'
                                          f'msgid "Open file"\nmsgstr "{text}"\n')
    report, _, code = _run(tmp_path, "--layout", "po/*.pot=po/{lang}.po", "--source", "en")
    assert code == 0
    assert sorted(d["path"] for d in report["documents"]) == ["po/de.po", "po/fr.po", "po/solaar.pot"]
    # Two templates: which one is meant cannot be told.
    _write(tmp_path, "po/other.pot", 'msgid ""\nmsgstr ""\n')
    result = transcheck("check", "--layout", "po/*.pot=po/{lang}.po", "--source", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert "the source pattern 'po/*.pot' names 2 files: po/other.pot, po/solaar.pot" in result.stderr
    # Only the pattern's own folder is listed, never through a link out of the tree.
    (tmp_path / "po" / "other.pot").unlink()
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "x.pot").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    (tmp_path / "elsewhere").symlink_to(outside)
    (tmp_path / "po" / "linked.pot").symlink_to(outside / "x.pot")
    for pattern in ("elsewhere/*.pot", "*/*.pot"):
        result = transcheck("check", "--layout", f"{pattern}=po/{{lang}}.po", "--source", "en", cwd=tmp_path)
        assert result.returncode == 2 and "x.pot" not in result.stderr, result.stderr
    report, _, code = _run(tmp_path, "--layout", "po/*.pot=po/{lang}.po", "--source", "en")
    assert code == 0 and "po/solaar.pot" in {d["path"] for d in report["documents"]}
