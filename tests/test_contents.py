"""Tables of contents in a long README translated into several languages, one of them
older than its source: its table of contents lists fewer entries, and its headings have
translated ids. Entries are short and alike, so the ordered alignment would pair them
by position; the heading each entry links to says where it belongs."""

from __future__ import annotations

import re

from transcheck.api import check

TOPICS = {  # heading per language; the section's command pins the heading's row
    "en": ["I want to list all branches", "I want to create a branch from a commit",
           "I pulled into the wrong branch", "I want to delete a branch", "I want to delete several branches",
           "I want to rename a branch", "I want to check out a remote branch", "I want to track a remote branch",
           "I want to split a branch in two", "I want to undo a merge"],
    "es": ["Quiero listar todas las ramas", "Quiero crear una rama desde un commit",
           "Hice pull en la rama equivocada", "Quiero borrar una rama", "Quiero borrar varias ramas",
           "Quiero renombrar una rama", "Quiero obtener una rama remota", "Quiero seguir una rama remota",
           "Quiero dividir una rama en dos", "Quiero deshacer una fusión"],
    "ja": ["すべてのブランチを一覧したい", "コミットからブランチを作りたい", "間違ったブランチにプルしてしまった",
           "ブランチを削除したい", "複数のブランチを削除したい", "ブランチの名前を変えたい",
           "リモートブランチをチェックアウトしたい", "リモートブランチを追跡したい", "ブランチを二つに分けたい",
           "マージを取り消したい"],
    "zh-TW": ["我想列出所有分支", "我想從提交建立分支", "我拉取到了錯誤的分支", "我想刪除一個分支",
              "我想刪除多個分支", "我想重新命名分支", "我想簽出遠端分支", "我想追蹤遠端分支", "我想把分支分成兩個",
              "我想撤銷合併"],
}
BODY = {
    "en": "Run this and read what it prints before you go on:",
    "es": "Ejecuta esto y lee lo que imprime antes de seguir:",
    "ja": "これを実行し、続ける前に出力を読んでください：",
    "zh-TW": "執行這個命令，並在繼續之前閱讀它的輸出：",
}
TITLE = {"en": "Git recipes", "es": "Recetas de Git", "ja": "Git のレシピ", "zh-TW": "Git 食譜"}
COMMANDS = ["git branch -a", "git branch new-feature 4f2a9c1", "git reset --hard ORIG_HEAD",
            "git branch -d old-feature", "git branch | grep fix/ | xargs git branch -d",
            "git branch -m new-name", "git switch --track origin/daily", "git branch -u origin/main",
            "git switch -c second-half", "git reset --merge ORIG_HEAD"]


def _slug(text: str) -> str:
    return re.sub(r"[^\w\- ]", "", text.casefold()).replace(" ", "-")


def _readme(lang: str, topics: list[int]) -> str:
    headings = TOPICS[lang]
    toc = [f"- [{headings[i]}](#{_slug(headings[i])})" for i in topics]
    body = [f"## {headings[i]}\n\n{BODY[lang]}\n\n```sh\n$ {COMMANDS[i]}\n```" for i in topics]
    return f"# {TITLE[lang]}\n\n" + "\n".join(toc) + "\n\n" + "\n\n".join(body) + "\n"


def test_an_older_translations_entries_are_paired_by_the_headings_they_link_to(tmp_path, monkeypatch):
    every = list(range(10))
    older = [0, 1, 2, 3, 6, 7, 8, 9]  # it lacks "several branches" and "rename"
    for lang in ("en", "es", "ja"):
        (tmp_path / ("README.md" if lang == "en" else f"README-{lang}.md")).write_text(
            _readme(lang, every), encoding="utf-8")
    (tmp_path / "README-zh-TW.md").write_text(_readme("zh-TW", older), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a layout is relative to the working directory
    report = check(["."], source="en", layout=["README-{lang}.md"], select=["TC301", "TC302"])
    found = sorted((f.path.rsplit("/", 1)[-1], f.line, f.code, f.message) for f in report.findings)
    assert [(p, line, code) for p, line, code, _ in found] == [
        ("README-zh-TW.md", 7, "TC301"),  # the two entries, after "delete a branch"
        ("README-zh-TW.md", 44, "TC301"),  # the two sections, before "check out"
    ]
    assert [m.split(",")[0] for *_, m in found] == ["2 consecutive segments missing", "6 consecutive segments missing"]
    assert all("I want to delete several branches" in m for *_, m in found)
