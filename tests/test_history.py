"""Translation lag from git history: fixture repositories built here with ``git init``."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from transcheck.git import Repository
from transcheck.history.git import History, _minimal

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="git not installed"
)

EN = [
    "# Getting started",
    "Install the package with pip before you run the first command.",
    "The configuration file lives in the root of your project and is read at start-up.",
    "Every rule can be turned off in the configuration, one code at a time.",
    "Reports are written in seven formats, from plain text to SARIF for code scanning.",
]
FR = [
    "# Prise en main",
    "Installez le paquet avec pip avant de lancer la première commande.",
    "Le fichier de configuration se trouve à la racine de votre projet et il est lu au démarrage.",
    "Chaque règle peut être désactivée dans la configuration, un code à la fois.",
    "Les rapports sont écrits en sept formats, du texte brut à SARIF pour l'analyse de code.",
]


def git(repo, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env).stdout


def write(repo, lang, paragraphs):
    path = repo / "docs" / lang / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


_clock = [1_700_000_000]


def commit(repo, message):
    _clock[0] += 3600  # distinct, increasing commit times: the log is ordered by them
    stamp = f"{_clock[0]} +0000"
    env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "commit", "-q", "-m", message], check=True, env=env)


def new_repo(tmp_path, name: str):
    r = tmp_path / name
    r.mkdir()
    git(r, "init", "-q")
    return r


@pytest.fixture
def repo(tmp_path):
    r = new_repo(tmp_path, "site")
    write(r, "en", EN)
    write(r, "fr", FR)
    commit(r, "docs: first version, translated")
    return r


def check(repo, *extra):
    from transcheck.cli import app
    from typer.testing import CliRunner

    cwd = os.getcwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            app, ["check", "docs", "--source", "en", "--format", "json", "-q", "--jobs", "1", *extra]
        )
    finally:
        os.chdir(cwd)
    data = json.loads(result.stdout)
    return data, [f for f in data["findings"] if f["path"].endswith("fr/index.md")]


def codes(findings):
    return sorted((f["code"], f["line"]) for f in findings if f["code"] in ("TC301", "TC302", "TC304", "TC305"))


def test_up_to_date_translation_has_no_lag(repo):
    _, found = check(repo)
    assert codes(found) == []


def test_a_translation_moved_keeps_the_history_it_had_before_the_move(tmp_path):
    # French was translated in docs/_fr/, the source then grew a paragraph, and later
    # the French folder was renamed to docs/fr/ as it was. The move translated
    # nothing: the new paragraph is not yet translated, not missing from a
    # translation made after it.
    r = new_repo(tmp_path, "moved")
    write(r, "en", EN)
    write(r, "_fr", FR)
    commit(r, "docs: first version, translated")
    write(r, "en", EN + ["Each finding names the rule that made it, with a link to its page."])
    commit(r, "docs: findings name their rule")
    git(r, "mv", "docs/_fr", "docs/fr")
    commit(r, "docs: move the French pages")
    _, found = check(r)
    assert codes(found) == [("TC305", 10)]
    h = History(Repository.at(str(r)), [str(r / "docs" / "fr" / "index.md")])
    assert [c.message for c in h.commits(str(r / "docs" / "fr" / "index.md"))] == [
        "docs: move the French pages", "docs: first version, translated"]
    assert h.last_update(str(r / "docs" / "fr" / "index.md"), ()).message == "docs: first version, translated"


def test_a_page_moved_in_every_language_keeps_its_lag(repo):
    # The source changed after the French page was translated, then a commit moved
    # the page in both languages: the move translated nothing, and the French page is
    # still behind the source it followed, read under the name it had then.
    edited = list(EN)
    edited[2] = "The configuration file lives in the root of your project and is read again on every run."
    write(repo, "en", edited)
    commit(repo, "docs: reading the configuration")
    for lang in ("en", "fr"):
        git(repo, "mv", f"docs/{lang}/index.md", f"docs/{lang}/start.md")
    commit(repo, "docs: rename the page")
    data, _ = check(repo)
    found = [f for f in data["findings"] if f["path"].endswith("fr/start.md")]
    assert codes(found) == [("TC304", 5)]


def test_a_typo_fixed_in_a_translation_is_no_update_of_the_page(repo):
    # The source grew a paragraph; the French translator then fixed one misspelt word.
    # That commit read nothing against the new source: the paragraph is still not yet
    # translated, not missing from a page translated after it.
    write(repo, "en", EN + ["Each finding names the rule that made it, with a link to its page."])
    commit(repo, "docs: findings name their rule")
    fr = [FR[0], FR[1].replace("commande", "commmande"), *FR[2:]]
    write(repo, "fr", fr)
    commit(repo, "fr: a typo")
    write(repo, "fr", FR)
    commit(repo, "fr: fix a typo")
    _, found = check(repo)
    assert codes(found) == [("TC305", 10)]


def test_a_section_added_to_the_source_since_is_not_yet_translated_not_a_partial_translation(tmp_path):
    r = new_repo(tmp_path, "grown")
    more_en = ["## Running a check",
               "Run the check on a folder and every translation in it is compared with the others.",
               "A file whose name carries no language is skipped with a warning.",
               "## Limits",
               "Files larger than twenty megabytes are skipped before they are read.",
               "A document in more than one hundred languages is skipped and reported."]
    more_fr = ["## Lancer une vérification",
               "Lancez la vérification sur un dossier et chaque traduction y est comparée aux autres.",
               "Un fichier dont le nom ne porte aucune langue est ignoré avec un avertissement.",
               "## Limites",
               "Les fichiers de plus de vingt mégaoctets sont ignorés avant d’être lus.",
               "Un document en plus de cent langues est ignoré et signalé."]
    write(r, "en", EN[:4] + more_en)
    write(r, "fr", FR[:4] + more_fr)
    commit(r, "docs: first version, translated")
    write(r, "en", EN[:4] + more_en + [
        "## Reports",
        "Reports can be written as plain text, JSON, SARIF, JUnit or Markdown.",
        "The plain text report groups the findings by file and by line.",
        "The JSON report carries every finding with its rule, its place and its message.",
        "The SARIF report is read by code scanning services and shows findings on the diff.",
        "The Markdown report fits in a comment on a pull request.",
    ])
    commit(r, "docs: reports")
    _, found = check(r)
    # French was translated before the section was written: not yet translated (lag),
    # not a translation that stops halfway.
    assert [(f["code"], f["severity"]) for f in found] == [("TC305", "info")]


def test_a_repeat_the_source_had_when_the_page_was_translated_is_the_originals(tmp_path):
    # A generated reference listed one option under two commands; the translation
    # followed it. The source now lists it once: the translation is behind, and its
    # repeat is the old source's, not a paste of its own.
    r = new_repo(tmp_path, "reference")
    option_en = "Sets the prefix printed before every line of the log, so that two runs can be told apart."
    option_fr = "Définit le préfixe imprimé avant chaque ligne du journal, pour distinguer deux exécutions."
    write(r, "en", ["# Command line", "## check", "Checks the files and reports what is wrong.", option_en,
                    "## format", "Formats the files in place and reports what it changed.", option_en])
    write(r, "fr", ["# Ligne de commande", "## check", "Vérifie les fichiers et signale ce qui ne va pas.",
                    option_fr, "## format", "Met en forme les fichiers et signale ce qu’il a changé.", option_fr])
    commit(r, "docs: the command line, translated")
    write(r, "en", ["# Command line", "## Options", option_en, "## check",
                    "Checks the files and reports what is wrong.", "## format",
                    "Formats the files in place and reports what it changed."])
    commit(r, "docs: options listed once")
    _, found = check(r)
    assert "TC101" not in {f["code"] for f in found}
    # Without the history, the same repeat is this translation's own.
    _, found = check(r, "--no-history")
    assert "TC101" in {f["code"] for f in found}


def test_edited_source_paragraph_is_outdated_on_its_translation(repo):
    edited = list(EN)
    edited[2] = "The configuration file lives in the root of your project and is read again on every run."
    write(repo, "en", edited)
    commit(repo, "docs: reading the configuration")
    _, found = check(repo)
    assert codes(found) == [("TC304", 5)]
    (f,) = [f for f in found if f["code"] == "TC304"]
    assert "read at start-up" in f["message"] and "read again on every run" in f["message"]
    assert f["severity"] == "warning"


def test_added_source_paragraph_is_not_yet_translated_not_missing(repo):
    added = EN[:3] + ["Rules are grouped by category, and each category has its own hundred of codes."] + EN[3:]
    write(repo, "en", added)
    commit(repo, "docs: categories")
    _, found = check(repo)
    assert codes(found) == [("TC305", 7)]  # before the French paragraph that follows it
    (f,) = [f for f in found if f["code"] == "TC305"]
    assert "grouped by category" in f["message"] and f["severity"] == "info"


def test_removed_source_paragraph_is_outdated_not_extra(repo):
    write(repo, "en", EN[:3] + EN[4:])
    commit(repo, "docs: drop the rule paragraph")
    _, found = check(repo)
    assert codes(found) == [("TC304", 7)]
    assert "removed" in found[0]["message"] and "Every rule can be turned off" in found[0]["message"]


def test_reflowed_source_paragraph_is_not_outdated(repo):
    reflowed = list(EN)
    reflowed[1] = "Install the package with pip before\nyou run the first command."
    write(repo, "en", reflowed)
    commit(repo, "docs: wrap lines")
    _, found = check(repo)
    assert codes(found) == []


def test_source_typo_fix_with_skip_marker_is_not_lag(repo):
    fixed = list(EN)
    fixed[3] = "Every rule can be switched off in the configuration, one code at a time."
    write(repo, "en", fixed)
    commit(repo, "docs: wording [i18n skip]")
    _, found = check(repo)
    assert codes(found) == []


def _source_edited_then_other_fr_line(repo, message):
    """The source edits paragraph 3; a later French commit (``message``) touches only
    paragraph 2: an update of the page unless its message marks it as none."""
    edited = list(EN)
    edited[2] = "The configuration file lives in the root of your project and is read again on every run."
    write(repo, "en", edited)
    commit(repo, "docs: reading the configuration")
    fr = list(FR)
    fr[1] = "Installez le paquet avec pip avant de lancer la toute première commande."
    write(repo, "fr", fr)
    commit(repo, message)


@pytest.mark.parametrize("marker", ["[i18n skip]", "[i18nIgnore]", "[i18n-ignore]"])
def test_translation_commit_with_skip_marker_does_not_count_as_update(repo, marker):
    _source_edited_then_other_fr_line(repo, f"fr: typo {marker}")
    _, found = check(repo)
    assert codes(found) == [("TC304", 5)]


def test_a_projects_own_skip_marker_from_its_configuration(repo):
    _source_edited_then_other_fr_line(repo, "fr: add frontmatter [lunaria-ignore]")
    # Without the marker the fr commit is an update, after which nothing is outdated.
    assert codes(check(repo)[1]) == []
    (repo / "transcheck.toml").write_text('skip-markers = ["[Lunaria-Ignore]"]\n', encoding="utf-8")
    assert codes(check(repo)[1]) == [("TC304", 5)]


def test_translation_updated_later_is_up_to_date_again(repo):
    edited = list(EN)
    edited[2] = "The configuration file lives in the root of your project and is read again on every run."
    write(repo, "en", edited)
    commit(repo, "docs: reading the configuration")
    fr = list(FR)
    fr[2] = "Le fichier de configuration se trouve à la racine de votre projet et il est relu à chaque exécution."
    write(repo, "fr", fr)
    commit(repo, "fr: follow the source")
    _, found = check(repo)
    assert codes(found) == []


def test_shallow_clone_says_so_and_falls_back(repo, tmp_path):
    write(repo, "en", EN[:3] + EN[4:])
    commit(repo, "docs: drop the rule paragraph")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    data, found = check(clone)
    assert "TC304" not in {f["code"] for f in found}
    assert any("shallow clone" in p["message"] for p in data["problems"])
    # Today's behaviour: the translation's extra paragraph is reported as such.
    assert ("TC302", 7) in codes(found)


def test_no_history_option_turns_lag_off(repo):
    write(repo, "en", EN[:3] + EN[4:])
    commit(repo, "docs: drop the rule paragraph")
    _, found = check(repo, "--no-history")
    assert "TC304" not in {f["code"] for f in found}


def test_one_log_pass_lists_commits_newest_first(repo):
    write(repo, "en", EN[:2])
    commit(repo, "second")
    h = History(Repository.at(str(repo)), [str(repo / "docs" / lang / "index.md") for lang in ("en", "fr")])
    messages = [c.message for c in h.commits(str(repo / "docs" / "en" / "index.md"))]
    assert messages == ["second", "docs: first version, translated"]
    assert [c.message for c in h.commits(str(repo / "docs" / "fr" / "index.md"))] == [
        "docs: first version, translated"
    ]


@pytest.mark.parametrize(
    "dirs, expected",
    [(["a", "a/b", "c"], ["a", "c"]), (["docs/en", "docs/fr"], ["docs/en", "docs/fr"]), ([".", "x"], ["."]),
     (["ab", "a"], ["ab", "a"])],
)
def test_minimal_directories(dirs, expected):
    assert sorted(_minimal(sorted(dirs))) == sorted(expected)


def test_option_like_paths_reach_git_as_data(tmp_path):
    r = tmp_path / "r"
    (r / "-c").mkdir(parents=True)
    git(r, "init", "-q")
    (r / "-c" / "en.txt").write_text("Hello there, this is a sentence.\n")
    commit(r, "x")
    h = History(Repository.at(str(r)), [str(r / "-c" / "en.txt")])
    assert [c.message for c in h.commits(str(r / "-c" / "en.txt"))] == ["x"]


def test_pull_request_that_updates_a_translation_annotates_the_outdated_paragraphs_it_touched(repo):
    edited = list(EN)
    edited[2] = "The configuration file lives in the root of your project and is read again on every run."
    edited[3] = "Every rule can be turned off in the configuration, one code or one prefix at a time."
    write(repo, "en", edited)
    commit(repo, "docs: configuration")
    base = git(repo, "rev-parse", "HEAD").decode().strip()
    fr = list(FR)
    fr[2] = "Le fichier de configuration se trouve à la racine de votre projet et il est relu à chaque exécution."
    write(repo, "fr", fr)
    commit(repo, "fr: follow the source, part one")
    _, found = check(repo, "--changed-since", base)
    # Line 5 was brought up to date by the pull request; line 7, which it did not
    # touch, was behind before it: listed, not annotated.
    assert [(f["code"], f["line"], f["severity"]) for f in found] == [("TC304", 7, "info")]
    # A paragraph the pull request touches without translating it (its punctuation)
    # still follows the old source: that is on the change's diff, and a warning.
    fr[3] = fr[3].replace("un code à la fois.", "un code à la fois !")
    write(repo, "fr", fr)
    commit(repo, "fr: follow the source, part one, and a typographic fix")
    _, found = check(repo, "--changed-since", base)
    assert [(f["code"], f["line"], f["severity"]) for f in found] == [("TC304", 7, "warning")]


def test_a_pull_request_that_fixes_one_paragraph_of_a_page_the_source_rewrote_before_lists_the_page(tmp_path):
    r = new_repo(tmp_path, "site")
    en = ["# Guide"] + [f"Step {n} of the guide explains how the tool reads the file number {n}." for n in range(1, 13)]
    fr = ["# Guide"] + [f"L'étape {n} du guide explique comment l'outil lit le fichier numéro {n}." for n in range(1, 13)]
    write(r, "en", en)
    write(r, "fr", fr)
    commit(r, "docs: guide, translated")
    write(r, "en", [en[0]] + [p.replace("explains how", "shows in detail how") for p in en[1:]])
    commit(r, "docs: reword the guide")
    base = git(r, "rev-parse", "HEAD").decode().strip()
    data, found = check(r)
    assert [(f["code"], f["severity"]) for f in found] == [("TC304", "warning")]
    assert found[0]["message"].startswith("outdated page: the source changed 12 of the 13")
    # One paragraph brought up to date in both languages: the page's lag was there
    # before, so it is listed, not annotated.
    en2 = [en[0]] + [p.replace("explains how", "shows in detail how") for p in en[1:]]
    en2[5] = "Step 5 of the guide shows in detail how the tool reads and checks the file number 5."
    fr2 = list(fr)
    fr2[5] = "L'étape 5 du guide montre en détail comment l'outil lit et vérifie le fichier numéro 5."
    write(r, "en", en2)
    write(r, "fr", fr2)
    commit(r, "docs: step 5, in both")
    _, found = check(r, "--changed-since", base)
    assert [(f["code"], f["severity"]) for f in found] == [("TC304", "info")]
    assert "11 of the 13" in found[0]["message"]


def test_pull_request_that_changes_the_source_lists_the_translations_it_outdates(repo):
    base = git(repo, "rev-parse", "HEAD").decode().strip()
    edited = list(EN)
    edited[4] = "Reports are written in eight formats, from plain text to SARIF for code scanning."
    write(repo, "en", edited)
    commit(repo, "docs: formats")
    data, found = check(repo, "--changed-since", base)
    assert [(f["code"], f["line"], f["severity"]) for f in found] == [("TC304", 9, "info")]
    assert not [f for f in data["findings"] if f["path"].endswith("en/index.md")]


@pytest.mark.parametrize("change", ["image moved", "version bumped", "cells swapped"])
def test_a_pull_request_that_edits_the_source_and_its_translation_alike_brings_no_lag(repo, change):
    # The source and the translation edited the same way in one pull request: no
    # paragraph of the translation is behind.
    en, fr = list(EN), list(FR)
    en[2:2] = ["![img](overview.png)", "- **Reader**: parses each file once.", "- **Writer**: keeps the report."]
    fr[2:2] = ["![img](overview.png)", "- **Reader** : lit chaque fichier une fois.", "- **Writer** : garde le rapport."]
    en.append("| a | b | c |\n| --- | --- | --- |\n| f32 | f32 | c128 |\n| c64 | c64 | c128 |")
    fr.append("| a | b | c |\n| --- | --- | --- |\n| f32 | f32 | c128 |\n| c64 | c64 | c128 |")
    en[1] = en[1].replace("pip", "pip 2.6.0")
    fr[1] = fr[1].replace("pip", "pip 2.6.0")
    write(repo, "en", en)
    write(repo, "fr", fr)
    commit(repo, "docs: architecture")
    base = git(repo, "rev-parse", "HEAD").decode().strip()
    for doc in (en, fr):
        if change == "image moved":  # and a heading with the new image after the list
            doc[2:5] = [doc[3].replace("Reader", "Parser"), doc[4], "### Modes", "![img](modes.png)"]
        elif change == "version bumped":
            doc[1] = doc[1].replace("2.6.0", "3.0.0b1")
        else:
            doc[-1] = doc[-1].replace("| c64 | c64 | c128 |", "| c64 | c128 | c64 |")
    write(repo, "en", en)
    write(repo, "fr", fr)
    commit(repo, "docs: " + change)
    _, found = check(repo, "--changed-since", base)
    assert [(f["code"], f["line"]) for f in found if f["code"] == "TC304"] == []


def test_a_page_whose_name_has_a_space_keeps_its_history_across_a_rename(tmp_path):
    # git ends such a name with a tab in a patch's "---"/"+++" lines; read without
    # it, the page had no history: every paragraph of a later rewrite was outdated.
    r = new_repo(tmp_path, "site")
    for lang, text in (("en", EN), ("fr", FR)):
        (r / "docs" / lang).mkdir(parents=True)
        (r / "docs" / lang / "getting started.md").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    commit(r, "docs: first version, translated")
    for lang in ("en", "fr"):
        git(r, "mv", f"docs/{lang}/getting started.md", f"docs/{lang}/first steps.md")
    commit(r, "docs: rename the page")
    en, fr = list(EN), list(FR)
    en[1] = en[1].replace("pip", "pip or uv")
    fr[1] = fr[1].replace("pip", "pip ou uv")
    for lang, text in (("en", en), ("fr", fr)):
        (r / "docs" / lang / "first steps.md").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    commit(r, "docs: uv, in both languages")
    data, _ = check(r)
    assert [f for f in data["findings"] if f["code"] in ("TC304", "TC305")] == []
    assert not any("shallow" in note for note in data.get("notes", []))


def test_a_source_grammar_fix_stays_info_after_a_link_fixed_in_both(repo):
    # The source alone fixes a word's grammar (info); a later pull request fixes a link
    # in the source and the translation alike. The paragraph it touched still follows
    # the old source, but the link is carried: the change left is the grammar fix.
    en, fr = list(EN), list(FR)
    en[3] = "Every rule can be turned off in the [configuration](https://old.example.org/config), one code at a time."
    fr[3] = "Chaque règle peut être désactivée dans la [configuration](https://old.example.org/config), un code à la fois."
    write(repo, "en", en)
    write(repo, "fr", fr)
    commit(repo, "docs: link the configuration")
    en[3] = en[3].replace("one code", "one codes")
    write(repo, "en", en)
    commit(repo, "docs: grammar")
    base = git(repo, "rev-parse", "HEAD").decode().strip()
    en[3] = en[3].replace("old.example.org", "docs.example.org")
    fr[3] = fr[3].replace("old.example.org", "docs.example.org")
    write(repo, "en", en)
    write(repo, "fr", fr)
    commit(repo, "docs: the configuration's new address")
    _, found = check(repo, "--changed-since", base)
    assert [(f["code"], f["line"], f["severity"]) for f in found] == [("TC304", 7, "info")]


# ---------------------------------------------------------------- mass commits and evidence

LINKED_EN = EN + ["Read the [rule reference](https://old.example.org/rules) for every code."]
LINKED_FR = FR + ["Lisez la [référence des règles](https://old.example.org/rules) pour chaque code."]
LINKED_DE = [
    "# Erste Schritte",
    "Installieren Sie das Paket mit pip, bevor Sie den ersten Befehl ausführen.",
    "Die Konfigurationsdatei liegt im Wurzelverzeichnis Ihres Projekts und wird beim Start gelesen.",
    "Jede Regel kann in der Konfiguration abgeschaltet werden, ein Code nach dem anderen.",
    "Berichte werden in sieben Formaten geschrieben, von reinem Text bis SARIF für Code-Scanning.",
    "Lesen Sie die [Regelreferenz](https://old.example.org/rules) für jeden Code.",
]


@pytest.fixture
def linked(tmp_path):
    """A page in English, French and German with a link; then the English configuration
    paragraph reworded, and neither translation followed."""
    r = new_repo(tmp_path, "linked")
    write(r, "en", LINKED_EN)
    write(r, "fr", LINKED_FR)
    write(r, "de", LINKED_DE)
    commit(r, "docs: first version, translated")
    edited = list(LINKED_EN)
    edited[2] = "The configuration file lives in the root of your project and is read again on every run."
    write(r, "en", edited)
    commit(r, "docs: reading the configuration")
    return r, edited


def statuses(data, lang):
    return [s for p in data["pages"] for s in p["status"] if s["language"] == lang]


def _replace_everywhere(repo, old, new):
    for lang in ("en", "fr", "de"):
        path = repo / "docs" / lang / "index.md"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_url_fixed_in_every_translation_leaves_the_pages_outdated(linked):
    repo, _ = linked
    _replace_everywhere(repo, "https://old.example.org/rules", "https://docs.example.org/rules")
    commit(repo, "Fix the rule reference link everywhere")
    data, found = check(repo)
    # The French configuration paragraph still follows the first English version; the
    # link paragraph carries the new URL and is up to date.
    assert codes(found) == [("TC304", 5)]
    assert "read again on every run" in found[0]["message"]
    for lang in ("fr", "de"):
        (status,) = statuses(data, lang)
        assert status["state"] == "outdated" and status["segments"] == 1


def test_a_product_renamed_everywhere_leaves_the_pages_outdated(linked):
    repo, _ = linked
    _replace_everywhere(repo, "SARIF", "Sarif2")
    commit(repo, "Rename SARIF in every language")
    data, found = check(repo)
    assert codes(found) == [("TC304", 5)]
    assert statuses(data, "de")[0]["state"] == "outdated"


def test_a_one_line_fix_in_every_translation_updates_only_that_line(linked):
    repo, _ = linked
    fr = (repo / "docs" / "fr" / "index.md").read_text(encoding="utf-8")
    (repo / "docs" / "fr" / "index.md").write_text(
        fr.replace("un code à la fois", "une règle à la fois"), encoding="utf-8")
    de = (repo / "docs" / "de" / "index.md").read_text(encoding="utf-8")
    (repo / "docs" / "de" / "index.md").write_text(
        de.replace("ein Code nach dem anderen", "eine Regel nach der anderen"), encoding="utf-8")
    commit(repo, "Translations: wording of the rule paragraph")
    data, found = check(repo)
    assert codes(found) == [("TC304", 5)]
    assert statuses(data, "fr")[0]["state"] == "outdated"


def test_a_translation_that_carries_the_new_url_is_up_to_date(linked):
    repo, edited = linked
    # The source moves the link, and the French page later takes the new URL in a
    # commit that changes nothing else: it carries the change, whatever the history.
    moved = list(edited)
    moved[5] = moved[5].replace("old.example.org", "docs.example.org")
    write(repo, "en", moved)
    commit(repo, "docs: new home of the rule reference")
    fr = (repo / "docs" / "fr" / "index.md").read_text(encoding="utf-8")
    (repo / "docs" / "fr" / "index.md").write_text(fr.replace("old.example.org", "docs.example.org"),
                                                    encoding="utf-8")
    commit(repo, "fr: link")
    _, found = check(repo)
    assert codes(found) == [("TC304", 5)]  # the reworded paragraph only, not the link


def test_a_reworded_source_paragraph_is_changed_not_removed(repo):
    edited = list(EN)
    edited[3] = "Codes may be switched off one by one."
    write(repo, "en", edited)
    commit(repo, "docs: shorter")
    _, found = check(repo)
    assert codes(found) == [("TC304", 7)]
    assert "changed" in found[0]["message"] and "removed" not in found[0]["message"]
    assert "switched off one by one" in found[0]["message"]


def test_pull_request_is_judged_on_the_content_after_it(linked):
    repo, edited = linked
    moved = list(edited)
    moved[5] = moved[5].replace("old.example.org", "docs.example.org")
    write(repo, "en", moved)
    commit(repo, "docs: new home of the rule reference")
    base = git(repo, "rev-parse", "HEAD").decode().strip()
    fr = (repo / "docs" / "fr" / "index.md").read_text(encoding="utf-8")
    (repo / "docs" / "fr" / "index.md").write_text(fr.replace("old.example.org", "docs.example.org"),
                                                    encoding="utf-8")
    commit(repo, "fr: follow the link")
    _, found = check(repo, "--changed-since", base)
    # The link the pull request fixed is up to date; the reworded paragraph it left
    # alone is still outdated, on its own line, as it was before: listed, not annotated.
    assert [(f["code"], f["line"], f["severity"]) for f in found] == [("TC304", 5, "info")]


def test_a_translators_update_of_the_page_covers_the_paragraphs_it_left_alone(linked):
    repo, edited = linked
    typo = list(edited)
    typo[3] = "Every rule can be turned off in the configuration, one code at the time."
    write(repo, "en", typo)
    commit(repo, "docs: wording")
    fr = (repo / "docs" / "fr" / "index.md").read_text(encoding="utf-8")
    (repo / "docs" / "fr" / "index.md").write_text(
        fr.replace("et il est lu au démarrage", "et il est relu à chaque exécution"), encoding="utf-8")
    commit(repo, "fr: follow the source")
    data, found = check(repo)
    # The French translator read the page against the source and kept the rule
    # paragraph; German, untouched, lags on both.
    assert codes(found) == []
    assert statuses(data, "fr")[0]["state"] == "up to date"
    assert statuses(data, "de")[0]["segments"] == 2


def test_a_removed_heading_is_not_reported_on_a_heading_with_another_id(tmp_path):
    r = new_repo(tmp_path, "ids")
    en = ["# Help { #help }", "## How to help { #how-to-help }", "Star the project on the forge.",
          "## Ask questions { #ask-questions }", "Open a discussion with your question."]
    fr = ["# Aide { #help }", "## Comment aider { #how-to-help }", "Mettez une étoile au projet sur la forge.",
          "## Poser des questions { #ask-questions }", "Ouvrez une discussion avec votre question."]
    write(r, "en", en)
    write(r, "fr", fr)
    commit(r, "docs: help")
    write(r, "en", en[:1] + en[3:])
    commit(r, "docs: drop the how-to-help section")
    _, found = check(r)
    removed = [f for f in found if f["code"] == "TC304"]
    assert [f["line"] for f in removed] == [3, 5]  # the French heading and paragraph of that section


def _commits(n):
    from transcheck.history.git import Commit

    return [Commit(f"{k:040x}", 1_700_000_000 + k, f"c{k}") for k in range(n)]


@pytest.mark.parametrize("lines, limit, expected", [
    # Few enough commits: every line keeps its own.
    ([0, 1, 2, "now", None], 3, [0, 1, 2, "now", None]),
    # The newest (3) and the one that translated most lines (0) stay; 1 and 2 go to the
    # next newer kept commit, never an older one.
    ([0, 0, 0, 1, 2, 3], 2, [0, 0, 0, 3, 3, 3]),
    ([0, 1, 1, 1, 2, 3], 2, [1, 1, 1, 1, 3, 3]),
    ([0, 1, 1, 2, 2, 3, "now"], 3, [1, 1, 1, 2, 2, 3, "now"]),
])
def test_a_translation_is_compared_with_at_most_a_few_source_versions(lines, limit, expected):
    from transcheck.history import NOW, _fewer_versions

    commits = _commits(4)

    def of(x):
        return NOW if x == "now" else None if x is None else commits[x]

    assert _fewer_versions([of(x) for x in lines], limit) == [of(x) for x in expected]


def test_a_page_translated_line_by_line_over_many_commits_keeps_the_lag_of_its_last_update(tmp_path, monkeypatch):
    # A list grown one item per commit in both languages, then a source item changed:
    # with two versions compared at most, the item's translation is still outdated.
    import transcheck.history as history

    monkeypatch.setattr(history, "MAX_VERSIONS", 2)
    r = new_repo(tmp_path, "list")
    en, fr = [EN[0]], [FR[0]]
    for k in range(1, 5):
        en.append(EN[k])
        fr.append(FR[k])
        write(r, "en", en)
        write(r, "fr", fr)
        commit(r, f"docs: item {k}, translated")
    en[2] = "The configuration file lives in the root of your project and is read again on every run."
    write(r, "en", en)
    commit(r, "docs: reading the configuration")
    _, found = check(r)
    assert codes(found) == [("TC304", 5)]


def test_a_code_span_added_to_a_list_is_followed_by_the_translation_that_adds_it(repo):
    # The source lists one more command, with its comma; French does the same a commit
    # later: up to date. Before that commit it lags, on the code alone.
    write(repo, "en", EN[:4] + ["See also: `check`."])
    write(repo, "fr", FR[:4] + ["Voir aussi : `check`."])
    commit(repo, "docs: see also")
    write(repo, "en", EN[:4] + ["See also: `check`, `fix`."])
    commit(repo, "docs: see also fix")
    _, found = check(repo)
    assert [(f["code"], f["line"], f["message"].split(":")[1].split(" since ")[0].strip())
            for f in found if f["code"] == "TC304"] == [("TC304", 9, "the source paragraph changed its links or code")]
    write(repo, "fr", FR[:4] + ["Voir aussi : `check`, `fix`."])
    commit(repo, "fr: see also fix")
    _, found = check(repo)
    assert codes(found) == []


@pytest.mark.parametrize("stale, paragraphs, rewritten", [
    (10, 20, True),   # ten paragraphs changed and half the page: translate it again
    (9, 12, False),   # fewer than ten
    (10, 21, False),  # less than half
])
def test_a_page_is_rewritten_from_ten_changed_paragraphs_and_half_of_it(stale, paragraphs, rewritten):
    from transcheck.history.lag import Lag, LagChange

    changes = tuple(LagChange("edited", n, n, "old", "new", n, n) for n in range(stale)) + (
        LagChange("added", 99, 99, "", "new", 99, 99),)  # text added since is no paragraph changed
    assert Lag("de", "abc", "2025-01-01", changes).rewritten(paragraphs) is rewritten


def test_an_image_blob_the_clone_lacks_leaves_the_lag_of_the_text(repo):
    # A partial clone (or a damaged one) may lack an image's blob: the history of the
    # checked pages does not read it, so their lag is still known.
    image = repo / "docs" / "en" / "diagram.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    commit(repo, "docs: a diagram")
    blob = git(repo, "rev-parse", "HEAD:docs/en/diagram.png").decode().strip()
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(255, -1, -1)) * 4)
    edited = list(EN)
    edited[2] = "The configuration file lives in the root of your project and is read again on every run."
    write(repo, "en", edited)
    commit(repo, "docs: reading the configuration, a new diagram")
    os.remove(repo / ".git" / "objects" / blob[:2] / blob[2:])
    data, found = check(repo)
    assert codes(found) == [("TC304", 5)]
    assert not [p for p in data["problems"] if "lag" in p["message"]]


def test_patches_of_more_files_than_one_command_line_holds_are_read_in_passes(tmp_path, monkeypatch):
    # Each pass names files, never their directories: a blob a partial clone lacks
    # (an image beside the pages) then fails no pass.
    import transcheck.history.git as history_git

    r = new_repo(tmp_path, "site")
    for lang in ("de", "en", "fr"):
        write(r, lang, ["First paragraph.", f"Second paragraph in {lang}."])
    commit(r, "docs: first version")
    write(r, "fr", ["First paragraph.", "Second paragraph, revised."])
    (r / "docs" / "fr" / "logo.png").write_bytes(b"\x89PNG\r\n")
    commit(r, "docs: revise the French")
    paths = [str(r / "docs" / lang / "index.md") for lang in ("de", "en", "fr")]
    whole = History(Repository.at(str(r)), paths).patches(paths)
    blob = git(r, "rev-parse", "HEAD:docs/fr/logo.png").decode().strip()
    os.remove(r / ".git" / "objects" / blob[:2] / blob[2:])
    monkeypatch.setattr(history_git, "_MAX_NAMES", 1)
    passes = History(Repository.at(str(r)), paths).patches(paths)
    assert passes == whole
    assert [len(passes[p]) for p in paths] == [1, 1, 2]


def test_a_paragraph_a_formatter_split_in_source_and_translation_alike_is_no_change(tmp_path):
    # Prettier puts an inline "<br/>" on a line of its own in an MDX page, in every
    # language at once: the paragraph ends there now, its words and link all kept.
    r = new_repo(tmp_path, "site")
    en = "# Suspense\n\nSuspense is an experimental feature of React.{br}[More information](https://react.dev/s)\n"
    fr = "# Suspense\n\nSuspense est une fonction expérimentale de React.{br}[En savoir plus](https://react.dev/s)\n"

    def page(br: str, lives: str = "an experimental") -> None:
        for lang, text in (("en", en.replace("an experimental", lives)), ("fr", fr)):
            path = r / "docs" / lang / "suspense.mdx"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.format(br=br), encoding="utf-8")

    page("<br/>\n")
    commit(r, "docs: suspense, translated")
    page("\n<br />\n")
    commit(r, "style: prettier")
    data, _ = check(r)
    assert not [f for f in data["findings"] if f["code"] in ("TC304", "TC305")]
    # Split with a word changed, it is still an edit to follow.
    page("\n<br />\n", lives="a new")
    commit(r, "docs: reword")
    data, _ = check(r)
    assert [(f["code"], f["path"]) for f in data["findings"] if f["code"] in ("TC304", "TC305")] == [
        ("TC304", "docs/fr/suspense.mdx")]
