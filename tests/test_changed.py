"""--changed-since: only findings a change introduced, and how much each segment changed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli import transcheck
from tests.conftest import CORPUS
from transcheck.decide.changed import align_versions
from transcheck.model import Document
from transcheck.formats import segment

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

WRONG = "her dikdörtgenin bir kare olduğunu ama her karenin dikdörtgen olmadığını"
RIGHT = "her karenin bir dikdörtgen olduğunu ama her dikdörtgenin kare olmadığını"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )


@pytest.fixture()
def repo(tmp_path):
    work = tmp_path / "repo"
    shutil.copytree(CORPUS, work)
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "corpus")
    return work


def test_fix_and_new_duplicate_yield_exactly_the_new_duplicate(repo):
    tr = repo / "tr.txt"
    lines = tr.read_text(encoding="utf-8").split("\n")
    assert WRONG in lines[23] and WRONG in lines[43]  # lines 24 and 44
    lines[23] = lines[23].replace(WRONG, RIGHT)
    lines[43] = lines[43].replace(WRONG, RIGHT)
    tr.write_text("\n".join(lines), encoding="utf-8")
    sv = repo / "sv.txt"
    sv_lines = sv.read_text(encoding="utf-8").split("\n")
    paragraph = sv_lines[9]  # line 10, a long paragraph; pasted again below itself
    assert len(paragraph) > 100
    sv_lines[10:10] = ["", paragraph]
    sv.write_text("\n".join(sv_lines), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "fix the geometry sentence; paste a paragraph twice")

    result = transcheck("check", ".", "--changed-since", "HEAD~1", "-f", "json", cwd=repo)
    data = json.loads(result.stdout)
    # Whatever rules exist (a meaning-inversion rule included): the fixed sentence has
    # nothing left to report, and every older defect is not part of this change.
    assert [(f["code"], Path(f["path"]).name, f["line"]) for f in data["findings"]] == [("TC101", "sv.txt", 12)]
    assert result.returncode == 1

    changed = {(Path(c["path"]).name, c["line"]): c for c in data["changed_since"]["segments"]}
    assert set(changed) == {("sv.txt", 12), ("tr.txt", 24), ("tr.txt", 44)}
    assert changed[("sv.txt", 12)]["status"] == "added" and changed[("sv.txt", 12)]["chrf"] is None
    for line in (24, 44):
        c = changed[("tr.txt", line)]
        assert c["status"] == "modified" and 0 < c["chrf"] < 100
    assert data["changed_since"]["not_introduced"] > 0

    text = transcheck("check", ".", "--changed-since", "HEAD~1", cwd=repo).stdout
    assert "changed since HEAD~1: 3 segments" in text and "tr.txt:24  modified, chrF" in text


def test_nothing_changed_reports_nothing(repo):
    result = transcheck("check", ".", "--changed-since", "HEAD", "-f", "json", cwd=repo)
    data = json.loads(result.stdout)
    assert data["findings"] == [] and data["changed_since"]["segments"] == []
    assert result.returncode == 0


def test_new_file_is_all_added(repo):
    (repo / "pt.txt").write_text("Olá mundo, esta é uma frase nova em português para o teste.\n", encoding="utf-8")
    data = json.loads(transcheck("check", ".", "--changed-since", "HEAD", "-f", "json", cwd=repo).stdout)
    assert [(Path(c["path"]).name, c["status"]) for c in data["changed_since"]["segments"]] == [("pt.txt", "added")]


def test_a_skipped_file_is_annotated_only_when_the_change_touches_it(repo):
    (repo / "notes.txt").write_text("Notes for the maintainers of these translations.\n", encoding="utf-8")
    _git(repo, "add", "notes.txt")
    _git(repo, "commit", "-q", "-m", "notes")
    (repo / "pt.txt").write_text("Olá mundo, esta é uma frase nova em português para o teste.\n", encoding="utf-8")
    result = transcheck("check", ".", "--changed-since", "HEAD", "-f", "github", cwd=repo)
    assert "notes.txt" not in result.stdout and "notes.txt" not in result.stderr
    (repo / "notes.txt").write_text("Notes, edited by this change.\n", encoding="utf-8")
    result = transcheck("check", ".", "--changed-since", "HEAD", "-f", "github", cwd=repo)
    assert "::warning file=notes.txt,title=transcheck%3A input::no language in the file name" in result.stdout
    # Without --changed-since the whole tree is the subject: the file is named.
    assert "notes.txt" in transcheck("check", ".", "-f", "github", cwd=repo).stdout


def test_an_unreadable_file_the_change_leaves_alone_is_not_its_doing(repo):
    (repo / "de.txt").write_bytes("Hallo Welt, ein Satz auf Deutsch.\n".encode("latin-1") + b"\xe4\xff\n")
    _git(repo, "add", "de.txt")
    _git(repo, "commit", "-q", "-m", "a German file in Latin-1")
    (repo / "pt.txt").write_text("Olá mundo, esta é uma frase nova em português para o teste.\n", encoding="utf-8")
    result = transcheck("check", ".", "--changed-since", "HEAD", "-f", "github", cwd=repo)
    assert "de.txt" not in result.stdout and result.returncode != 2
    # A change to the file itself is news, and the file still cannot be read.
    (repo / "de.txt").write_bytes(b"Hallo Welt\xe4\xff\n")
    result = transcheck("check", ".", "--changed-since", "HEAD", "-f", "github", cwd=repo)
    assert "::error file=de.txt" in result.stdout and result.returncode == 2


def test_a_folder_the_layout_cannot_read_is_annotated_only_when_the_change_touches_it(tmp_path):
    work = tmp_path / "site"
    for folder, text in (("en", "The configuration file is read once, when the program starts."),
                         ("fr", "Le fichier de configuration est lu une fois, au démarrage du programme."),
                         ("cn", "配置文件在程序启动时读取一次。")):
        (work / "docs" / folder).mkdir(parents=True)
        (work / "docs" / folder / "index.md").write_text(text + "\n", encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "docs")
    args = ("check", "--layout", "docs/{lang}/*.md", "--source", "en", "--changed-since", "HEAD", "-f", "github")
    (work / "docs" / "fr" / "index.md").write_text(
        "Le fichier de configuration est lu une seule fois, au démarrage du programme.\n", encoding="utf-8")
    assert "docs/cn" not in transcheck(*args, cwd=work).stdout
    (work / "docs" / "cn" / "index.md").write_text("配置文件只在启动时读取。\n", encoding="utf-8")
    assert "::warning file=docs/cn" in transcheck(*args, cwd=work).stdout


def test_a_keyed_group_of_many_languages_changed_in_one_is_checked_with_a_few_peers(tmp_path):
    from transcheck.decide.changed import PEERS

    work = tmp_path / "locales"
    work.mkdir()
    codes = ["ar", "bg", "cs", "da", "de", "el", "es", "fi", "fr", "he", "hu", "it", "ja", "ko", "nl",
             "pl", "pt", "ro", "ru", "sv"]
    (work / "en.json").write_text('{"open": "Open {{name}}", "save": "Save the file"}\n', encoding="utf-8")
    for code in codes:
        (work / f"{code}.json").write_text(f'{{"open": "{code} {{{{name}}}}", "save": "{code} save"}}\n',
                                           encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "locales")
    (work / "fr.json").write_text('{"open": "Ouvrir {{nom}}", "save": "Enregistrer le fichier"}\n', encoding="utf-8")
    result = transcheck("check", ".", "--source", "en", "--changed-since", "HEAD", "-f", "json", cwd=work)
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 1 + 1 + PEERS  # fr, the source, the peers
    assert [(f["code"], Path(f["path"]).name, f["line"]) for f in data["findings"]] == [("TC702", "fr.json", 1)]
    full = json.loads(transcheck("check", ".", "--source", "en", "-f", "json", cwd=work).stdout)
    # The limit of languages holds the group as checked: narrowed, it is within it.
    limited = transcheck("check", ".", "--source", "en", "--max-languages", "15", "-f", "json", cwd=work)
    assert limited.returncode == 2 and "21 languages in one document (limit 15" in limited.stderr
    narrowed = transcheck("check", ".", "--source", "en", "--max-languages", "15", "--changed-since", "HEAD",
                          "-f", "json", cwd=work)
    assert narrowed.returncode == 1 and len(json.loads(narrowed.stdout)["documents"]) == 1 + 1 + PEERS
    # The same finding; its list of the peers that agree names only those checked.
    assert [f["message"].split(";")[0] for f in data["findings"]] == [
        f["message"].split(";")[0] for f in full["findings"]
        if Path(f["path"]).name == "fr.json" and f["code"] == "TC702"] == ["[open] placeholder renamed: {{nom}} for {{name}}"]


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--changed-since", "no-such-rev"), "unknown revision 'no-such-rev'")],
)
def test_bad_revision_exits_2(repo, args, message):
    result = transcheck("check", ".", *args, cwd=repo)
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1


def test_outside_a_repository_exits_2(tmp_path):
    (tmp_path / "sv.txt").write_text("Hej och välkommen till vår kundtjänst i dag.\n", encoding="utf-8")
    result = transcheck("check", str(tmp_path), "--changed-since", "HEAD", cwd=tmp_path)
    assert result.returncode == 2 and "not in a git repository" in result.stderr


def _doc(text: str) -> Document:
    lines = text.split("\n")
    return Document("sv.txt", "sv", "g", text, len(lines), segment("sv.txt", lines))


A = "Vårt team svarar på alla kundfrågor inom en arbetsdag."
B = "Varje svar kontrolleras av en andra kollega innan det skickas."
B2 = "Varje svar kontrolleras av två kollegor innan det skickas till kunden."
C = "Kontakta oss gärna om du har fler frågor om tjänsten."
D = "Vi har kontor i Göteborg, Malmö och Stockholm sedan många år."


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ([A, B, C], [A, B, C], []),
        ([A, B, C], [A, B2, C], [(2, "modified")]),
        ([A, B, C], [A, B, D, C], [(3, "added")]),
        ([A, B, C], [A, C], [(2, "removed")]),
        ([A, B, C], [A, B], [(3, "removed")]),
        ([A, B, C], [A, D, C], [(2, "removed"), (2, "added")]),  # unrelated text: not a modification
        ([A, B], [A, A, B], [(2, "added")]),  # the later copy is the new one
    ],
)
def test_align_versions(old, new, expected):
    doc = _doc("\n".join(new))
    _, changes = align_versions(doc, segment("sv.txt", old))
    assert [(c.line, c.status) for c in changes] == expected
    for c in changes:
        assert (c.chrf is not None) == (c.status == "modified")
        if c.chrf is not None:
            assert 35 <= c.chrf < 100


def test_uncommitted_edits_count_as_changes(repo):
    sv = repo / "sv.txt"
    lines = sv.read_text(encoding="utf-8").split("\n")
    lines[7] = lines[7] + " Nu med en extra mening om kundupplevelse."
    sv.write_text("\n".join(lines), encoding="utf-8")
    data = json.loads(transcheck("check", ".", "--changed-since", "HEAD", "-f", "json", cwd=repo).stdout)
    assert [(Path(c["path"]).name, c["line"], c["status"]) for c in data["changed_since"]["segments"]] == [
        ("sv.txt", 8, "modified")
    ]


def test_glossary_beside_the_documents_is_used_for_the_old_revision_too(tmp_path):
    """A terminology finding already there at REV is not new because a change touched
    its segment: the old revision is checked with the same glossary."""
    import tomllib

    from tests.test_rule_cases import CASES_DIR

    case = tomllib.loads((CASES_DIR / "TC501.toml").read_text(encoding="utf-8"))["case"][0]
    assert [e["at"] for e in case["expect"]] == ["it.txt:2"] and "glossary.csv" in case["files"]
    for name, text in case["files"].items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "docs")
    it = tmp_path / "it.txt"
    it.write_text(it.read_text(encoding="utf-8").replace("Un buon", "Un ottimo"), encoding="utf-8")

    result = transcheck("check", ".", "--select", "TC501", "--changed-since", "HEAD", "-f", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert [(Path(c["path"]).name, c["status"]) for c in data["changed_since"]["segments"]] == [("it.txt", "modified")]
    assert data["findings"] == [] and data["changed_since"]["not_introduced"] == 1
    assert result.returncode == 0


def test_a_narrowed_keyed_group_counts_the_translations_left_out_where_a_rule_counts_them_all(tmp_path):
    # The largest files translate the theme's name; the smaller ones, a third and
    # more of the translations, keep it: the project's way, in a pull request too.
    work = tmp_path / "locales"
    work.mkdir()
    codes = ["ar", "bg", "cs", "da", "de", "el", "es", "fi", "fr", "he", "hu", "it", "ja", "ko", "nl",
             "pl", "pt", "ro", "ru", "sv", "tr", "uk", "vi", "zh"]
    (work / "en.json").write_text('{"theme": "Gruvbox Dark", "size": "1"}\n', encoding="utf-8")
    for n, code in enumerate(codes):
        theme = f"{code} Gruvbox dunkel" if n < 14 else "Gruvbox Dark"
        size = "1234567890" * (30 if n < 14 else 1)  # the larger files, which are kept
        (work / f"{code}.json").write_text(f'{{"theme": "{theme}", "size": "{size}"}}\n', encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "locales")
    (work / "ur.json").write_text('{"theme": "Gruvbox Dark", "size": "1"}\n', encoding="utf-8")
    full = transcheck("check", ".", "--source", "en", "--select", "TC202", "-f", "json", cwd=work)
    changed = transcheck("check", ".", "--source", "en", "--select", "TC202", "--changed-since", "HEAD",
                         "-f", "json", cwd=work)
    assert json.loads(full.stdout)["findings"] == json.loads(changed.stdout)["findings"] == []


def test_a_missing_run_the_change_cuts_in_two_is_not_new(tmp_path):
    # The translation lacks sections three to eight; the change translates the sixth
    # at its end. What it still lacks, in two runs now, was lacking before: nothing new.
    work = tmp_path / "guide"
    work.mkdir()
    en = [(f"Topic {n}", f"Paragraph number {n} explains step {n} of the long procedure in plain words.")
          for n in range(1, 9)]
    fr = [(f"Sujet {n}", f"Le paragraphe numéro {n} explique l'étape {n} de la longue procédure en mots simples.")
          for n in range(1, 9)]
    (work / "en.md").write_text("".join(f"## {h}\n\n{p}\n\n" for h, p in en), encoding="utf-8")
    (work / "fr.md").write_text("".join(f"## {h}\n\n{p}\n\n" for h, p in fr[:2]), encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "guide")
    (work / "fr.md").write_text("".join(f"## {h}\n\n{p}\n\n" for h, p in fr[:2] + fr[5:6]), encoding="utf-8")
    whole = json.loads(transcheck("check", ".", "--source", "en", "--no-history", "-f", "json", cwd=work).stdout)
    assert [f["code"] for f in whole["findings"]].count("TC301") == 2
    changed = transcheck("check", ".", "--source", "en", "--no-history", "--changed-since", "HEAD", "-f", "json",
                         cwd=work)
    assert [f["code"] for f in json.loads(changed.stdout)["findings"]] == []


def test_a_page_renamed_after_its_source_brings_only_what_the_rename_changed(tmp_path):
    # The French page lacked its source's third section before the rename; renaming
    # both pages (and fixing a word) is no new missing section. A number the same
    # change gets wrong is new.
    work = tmp_path / "site"
    for code in ("en", "fr"):
        (work / "docs" / code).mkdir(parents=True)
    en = [(f"Topic {n}", f"Since {2010 + n}, paragraph {n} explains step {n} of the procedure in plain words.")
          for n in range(1, 5)]
    fr = [(f"Sujet {n}", f"Depuis {2010 + n}, le paragraphe {n} explique l'étape {n} de la procédure en mots simples.")
          for n in range(1, 5)]
    (work / "docs/en/guide.md").write_text("".join(f"## {h}\n\n{p}\n\n" for h, p in en), encoding="utf-8")
    (work / "docs/fr/guide.md").write_text("".join(f"## {h}\n\n{p}\n\n" for h, p in fr[:2] + fr[3:]),
                                           encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "guide")
    for code in ("en", "fr"):
        _git(work, "mv", f"docs/{code}/guide.md", f"docs/{code}/start.md")
    _git(work, "commit", "-q", "-m", "rename the guide")
    args = ("check", ".", "--layout", "docs/{lang}/*.md", "--source", "en", "--no-history", "-f", "json")
    whole = json.loads(transcheck(*args, cwd=work).stdout)
    assert [(f["code"], f["path"]) for f in whole["findings"]] == [("TC301", "docs/fr/start.md")]
    renamed = transcheck(*args, "--changed-since", "HEAD~1", cwd=work)
    assert json.loads(renamed.stdout)["findings"] == [] and renamed.returncode == 0

    page = work / "docs/fr/start.md"
    page.write_text(page.read_text(encoding="utf-8").replace("2014", "2004"), encoding="utf-8")
    _git(work, "commit", "-q", "-am", "a wrong step")
    edited = json.loads(transcheck(*args, "--changed-since", "HEAD~2", cwd=work).stdout)
    assert [(f["code"], f["line"]) for f in edited["findings"]] == [("TC401", 11)]


def test_a_paragraph_added_in_both_languages_beside_an_old_gap_brings_no_missing_run(tmp_path):
    # The English page lacked the source's last two sections; a change adds a paragraph
    # to the first in both languages, which moves where the gap is (at REV the aligner
    # paired the English paragraph with another and named other lines).
    work = tmp_path / "site"
    zh = ["# 指南", "## 网络", "使用 tc 命令模拟网络延迟。", "## 扩展", "通过 SPI 可以扩展编解码器。",
          "## 故障排查", "发送信号可以打印节点状态。"]
    en = ["# Guide", "## Network", "Use the tc command to simulate network latency."]
    for code, paragraphs in (("zh", zh), ("en", en)):
        (work / "content" / code).mkdir(parents=True)
        (work / "content" / code / "p.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "base")
    zh.insert(3, "要取消 tc，请执行下面的命令。")
    en.insert(3, "To cancel tc, run the command below.")
    for code, paragraphs in (("zh", zh), ("en", en)):
        (work / "content" / code / "p.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    _git(work, "commit", "-q", "-am", "both: cancelling tc")
    args = ("check", ".", "--layout", "content/{lang}/*.md", "--source", "zh", "--no-history", "-f", "json")
    assert json.loads(transcheck(*args, "--changed-since", "HEAD~1", cwd=work).stdout)["findings"] == []


@pytest.mark.parametrize(("spans", "lacked", "expected"), [
    ({}, 0, True),  # the same number of the source's segments lacked, none written by the change
    ({"zh/p.md": [(9, 9)]}, 0, False),  # it names a line the change wrote in the source
    ({}, -1, False),  # it lacks more of the source than at REV: the gap grew
])
def test_an_absence_is_the_same_gap_only_where_it_names_old_content_and_did_not_grow(spans, lacked, expected):
    from collections import Counter
    from types import SimpleNamespace

    from transcheck.decide.rev import gap_as_before
    from transcheck.model import Location

    f = SimpleNamespace(path="en/p.md", related=[Location("zh/p.md", 7, 11)])
    assert gap_as_before(f, spans, Counter({("en/p.md", "zh/p.md"): lacked})) is expected


def test_folders_moved_into_each_others_language_are_new_text_there(tmp_path):
    # A module split that moved values-de to values-ru and back the other way: git
    # calls both renames, but the German strings are new text in the Russian place.
    work = tmp_path / "app"
    strings = {
        "": ("Delete the message", "The message could not be sent", "Check your connection and try again"),
        "-de": ("Nachricht löschen", "Die Nachricht konnte nicht gesendet werden",
                "Prüfen Sie Ihre Verbindung und versuchen Sie es erneut"),
        "-ru": ("Удалить сообщение", "Не удалось отправить сообщение", "Проверьте подключение и повторите попытку"),
        "-fr": ("Supprimer le message", "Le message n'a pas pu être envoyé",
                "Vérifiez votre connexion et réessayez"),
    }
    for suffix, values in strings.items():
        folder = work / "old" / "res" / f"values{suffix}"
        folder.mkdir(parents=True)
        (folder / "strings.xml").write_text(
            "<resources>\n" + "".join(f'    <string name="s{n}">{v}</string>\n' for n, v in enumerate(values))
            + "</resources>\n", encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "base")
    (work / "new" / "res").mkdir(parents=True)
    for old, new in (("values", "values"), ("values-fr", "values-fr"), ("values-de", "values-ru"),
                     ("values-ru", "values-de")):
        _git(work, "mv", f"old/res/{old}", f"new/res/{new}")
    _git(work, "commit", "-q", "-m", "split the module")
    args = ("check", ".", "--layout", "**/values-{lang}/strings.xml", "--source", "en", "-f", "json")
    found = json.loads(transcheck(*args, "--changed-since", "HEAD~1", cwd=work).stdout)["findings"]
    assert {(f["code"], f["path"]) for f in found if f["severity"] == "error"} == {
        ("TC201", "new/res/values-ru/strings.xml"), ("TC201", "new/res/values-de/strings.xml")}


def test_po_files_whose_msgids_are_the_source_keep_their_old_findings_when_lines_shift(tmp_path):
    # Without a template, the source is the msgids of the files (the first writes
    # it): at REV too, not that file's translations read as the source's text.
    work = tmp_path / "app"
    (work / "po").mkdir(parents=True)
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    entry = '\nmsgid "{hours} hour left"\nmsgstr "%s"\n'
    for code, value in (("af", "{days} uur oor"), ("de", "{hours} Stunde übrig"), ("fr", "{hours} heure restante")):
        (work / "po" / f"{code}.po").write_text(head + entry % value, encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "po")
    args = ("check", "--layout", "po/{lang}.po", "--source", "en", "--changed-since", "HEAD", "-f", "github")
    (work / "po" / "af.po").write_text(head + '"Language: af\\n"\n' + entry % "{days} uur oor", encoding="utf-8")
    assert "::error" not in transcheck(*args, cwd=work).stdout
    (work / "po" / "de.po").write_text(head + entry % "{stunden} Stunde übrig", encoding="utf-8")
    assert "::error file=po/de.po" in transcheck(*args, cwd=work).stdout
