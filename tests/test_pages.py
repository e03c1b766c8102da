"""A page the source no longer has: its translations are still read, compared only
with each other, and told at info, with one line that says why."""

from __future__ import annotations

from transcheck.api import check, exit_code


def _tree(root):
    pages = {
        "en/setup.md": "# Setup\n\nInstall the tool with pip and run it on your folder.\n",
        "de/setup.md": "# Einrichtung\n\nInstallieren Sie das Werkzeug mit pip und führen Sie es auf Ihrem Ordner aus.\n",
        "fr/setup.md": "# Installation\n\nInstallez l'outil avec pip et lancez-le sur votre dossier.\n",
        # The source renamed this page; two stale translations stayed behind.
        "de/old.md": "# Alt\n\nDieser Absatz steht hier.\n\nNoch einer, den nur diese Übersetzung hat.\n",
        "fr/old.md": "# Ancien\n\nCe paragraphe est ici.\n",
        "it/old.md": "# Vecchio\n\nQuesto paragrafo è qui.\n",
    }
    _write(root / "docs", pages)


def _write(root, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_page_the_source_lacks_is_told_once_and_its_findings_at_info(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = check(["."], source="en", layout=["docs/{lang}/**/*.md"])
    assert [(p.path, p.severity) for p in report.problems] == [("docs/de/old.md", "warning")]
    assert report.problems[0].message.startswith("the source (en) has no such page: its 3 translation(s)")
    found = [(f.path, f.code, f.severity.value) for f in report.findings]
    assert found == [("docs/de/old.md", "TC302", "info")]
    assert exit_code(report) == 0


def test_without_a_source_every_page_is_checked_as_before(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = check(["."], layout=["docs/{lang}/**/*.md"])
    assert report.problems == ()
    assert [(f.path, f.code, f.severity.value) for f in report.findings] == [
        ("docs/de/old.md", "TC302", "warning")]


def test_on_a_change_the_line_names_the_file_it_touched(tmp_path, monkeypatch):
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _tree(tmp_path)

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                        *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "pages")
    (tmp_path / "docs" / "fr" / "old.md").write_text("# Ancien\n\nCe paragraphe est ici, corrigé.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = check(["."], source="en", layout=["docs/{lang}/**/*.md"], changed_since="HEAD")
    assert [(p.path, p.severity) for p in report.problems] == [("docs/fr/old.md", "warning")]


def test_a_page_and_a_bundle_of_the_same_address_are_one_page(tmp_path, monkeypatch):
    pages = {
        "en/docs/gateway.md": "# Gateway\n\nDeploy the collector as a gateway behind a load balancer.\n",
        "ja/docs/gateway/index.md": "# ゲートウェイ\n\nロードバランサーの後ろにゲートウェイとしてコレクターをデプロイします。\n",
        "zh/docs/gateway/_index.md": "# 网关\n\n将收集器作为网关部署在负载均衡器之后。\n",
    }
    _write(tmp_path / "content", pages)
    monkeypatch.chdir(tmp_path)
    report = check(["."], source="en", layout=["content/{lang}/**/*.md"], history=False)
    assert report.problems == ()
    assert [sorted(d.language for d in g.documents) for g in report.groups] == [["en", "ja", "zh"]]


def test_a_page_in_one_translation_alone_or_beside_an_empty_source_page_is_no_missing_source(tmp_path, monkeypatch):
    _write(tmp_path / "docs", {
        "en/setup.md": "# Setup\n\nInstall the tool with pip and run it on your folder.\n",
        "de/setup.md": "# Einrichtung\n\nInstallieren Sie das Werkzeug mit pip und führen Sie es aus.\n",
        # A blog post written in German only: compared with nothing, so nothing to say.
        "de/blog/treffen.md": "# Treffen\n\nWir haben uns in Berlin getroffen.\n",
        # A section page the source keeps as front matter only.
        "en/guide/_index.md": "---\ntitle: Guide\n---\n",
        "de/guide/_index.md": "---\ntitle: Anleitung\n---\n\nDiese Anleitung erklärt alles.\n",
        "fr/guide/_index.md": "---\ntitle: Guide\n---\n\nCe guide explique tout.\n",
    })
    monkeypatch.chdir(tmp_path)
    report = check(["."], source="en", layout=["docs/{lang}/**/*.md"])
    assert not [p for p in report.problems if "has no such page" in p.message]
    assert exit_code(report) == 0


def test_strings_localising_an_interface_builder_file_have_their_source_in_base(tmp_path, monkeypatch):
    # Xcode localises Base.lproj/Main.storyboard with <lang>.lproj/Main.strings and no
    # source .strings: no page the source lacks. A .strings with no such file is one.
    _write(tmp_path / "App", {
        "Base.lproj/Main.storyboard": "<document/>\n",
        "en.lproj/Localizable.strings": '"quit" = "Quit";\n',
        "de.lproj/Localizable.strings": '"quit" = "Beenden";\n',
        "de.lproj/Main.strings": '"faa-9Y-Axk.title" = "Beenden";\n',
        "fr.lproj/Main.strings": '"faa-9Y-Axk.title" = "Quitter";\n',
        "de.lproj/Old.strings": '"a" = "Alt";\n',
        "fr.lproj/Old.strings": '"a" = "Ancien";\n',
    })
    monkeypatch.chdir(tmp_path)
    report = check(["App"], source="en")
    assert [p.path for p in report.problems if "has no such page" in p.message] == ["App/de.lproj/Old.strings"]
