"""transcheck as a library: ``transcheck.api`` is what the command line calls, texts can
come from memory, and rules from an installed package run in worker processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT
from transcheck import api

EN = "# Saving your work\n\nSave your work often, and keep a copy of every file you change.\n"
SV = "# Spara ditt arbete\n\nSave your work often, and keep a copy of every file you change.\n"
DE = "# Arbeit speichern\n\nSpeichern Sie Ihre Arbeit oft und behalten Sie eine Kopie jeder Datei.\n"


def test_texts_in_memory_are_checked_like_files(tmp_path):
    texts = [api.Text("save.md", "en", EN), api.Text("save.md", "sv", SV), api.Text("save.md", "de", DE)]
    report = api.check(texts, source="en")
    assert [(f.code, f.path, f.line, f.severity.value) for f in report.findings] == [
        ("TC202", "sv/save.md", 3, "error"),
    ]
    assert api.exit_code(report) == 1
    # The same texts as files give the same findings.
    for t in texts:
        (tmp_path / t.language).mkdir()
        (tmp_path / t.language / "save.md").write_text(t.text, encoding="utf-8")
    on_disk = api.check([str(tmp_path)], source="en")
    assert [(f.code, Path(f.path).relative_to(tmp_path).as_posix(), f.line) for f in on_disk.findings] == [
        ("TC202", "sv/save.md", 3),
    ]


def test_texts_in_memory_read_nothing_on_disk(tmp_path, monkeypatch):
    # A configuration that would turn everything off, and a glossary, where the texts'
    # default paths would find them: neither is read.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "transcheck.toml").write_text('ignore = ["TC2"]\n')
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "glossary.csv").write_text("broken\n")
    report = api.check([api.Text("save.md", "en", EN), api.Text("save.md", "sv", SV)], source="en")
    assert [f.code for f in report.findings] == ["TC202"] and not report.problems


def test_a_text_names_its_format_and_path():
    texts = [api.Text("notes", "en", "Save your work often, and keep a copy of every file you change.\n"),
             api.Text("notes", "sv", "Save your work often, and keep a copy of every file you change.\n",
                      path="locale/sv/notes", format="text")]
    report = api.check(texts, source="en")
    assert [(f.path, f.code) for f in report.findings] == [("locale/sv/notes", "TC202")]


@pytest.mark.parametrize(("call", "message"), [
    (lambda: api.check([api.Text("a.md", "xx-yy-zz", "x")]), "unknown language code 'xx-yy-zz'"),
    (lambda: api.check([api.Text("a.md", "en", "x"), api.Text("a.md", "en", "y")]), "two texts in 'en'"),
    (lambda: api.check([api.Text("a", "en", "x", format="docx")]), "unknown format 'docx'"),
    (lambda: api.check(["."], jobs=0), "jobs must be at least 1, not 0"),
    (lambda: api.check(["."], colour=True), "unknown option 'colour'"),
    (lambda: api.check(["."], fail_on="sometimes"), "fail_on must be one of error"),
    (lambda: api.check([api.Text("a.md", "en", "x")], changed_since="HEAD"), "texts in memory have none"),
    (lambda: api.render(api.check([api.Text("a.md", "en", "x")]), "docx"), "unknown format 'docx'"),
])
def test_what_a_caller_gets_wrong_is_one_usage_error(call, message):
    with pytest.raises(api.UsageError) as caught:
        call()
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_the_command_line_reports_what_the_library_does(monkeypatch):
    monkeypatch.chdir(ROOT)
    report = api.check(["corpus/"])
    assert api.exit_code(report) == 1
    result = subprocess.run([sys.executable, "-m", "transcheck", "check", "corpus/", "-f", "json"],
                            cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == api.exit_code(report)
    assert result.stdout == api.render(report, "json")


def test_a_plan_is_a_value_the_caller_can_keep_and_reuse(monkeypatch):
    monkeypatch.chdir(ROOT)
    plan = api.build_settings(["corpus/"], select=["TC101"], fail_on="never")
    assert plan.rules.codes == ("TC101",) and plan.fail_on == "never"
    report = api.check(["corpus/"], plan)
    assert {f.code for f in report.findings} == {"TC101"} and api.exit_code(report) == 0
    with pytest.raises(api.UsageError):
        api.check(["corpus/"], plan, select=["TC202"])


PLUGIN = '''
from transcheck.model import Category, Severity
from transcheck.rules.base import Rule


def check(view, options):
    """Any segment that still says TODO."""
    for doc in view.documents.values():
        for seg in doc.segments:
            if "TODO" in seg.text:
                yield RULE.at_segment(doc, seg, f"TODO left in {doc.language}", key=seg.text)


RULE = Rule(code="XT100", name="todo-left", category=Category.FORMAT, severity=Severity.WARNING,
            check=check, doc="""A translation that still says TODO.

What it catches:
    TODO.

Why it matters:
    Unfinished.

Example:
    TODO.

What it does not catch:
    Anything else.
""")
'''


@pytest.fixture
def plugin(tmp_path):
    """A rule package installed the way pip installs one: its module and a dist-info
    directory whose entry_points.txt registers it in the ``transcheck.rules`` group."""
    site = tmp_path / "site"
    (site / "todo_rules").mkdir(parents=True)
    (site / "todo_rules" / "__init__.py").write_text(PLUGIN)
    info = site / "todo_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: todo-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[transcheck.rules]\ntodo = todo_rules:RULE\n")
    docs = tmp_path / "docs"
    for page in ("a", "b", "c"):
        (docs / "en").mkdir(parents=True, exist_ok=True)
        (docs / "sv").mkdir(exist_ok=True)
        (docs / "en" / f"{page}.md").write_text(f"Page {page} explains how the settings work.\n")
        (docs / "sv" / f"{page}.md").write_text(f"Sidan {page} förklarar hur inställningarna fungerar. TODO\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    return docs, env


def test_a_plugin_rule_runs_in_worker_processes(plugin):
    docs, env = plugin
    result = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", str(docs), "--jobs", "2", "--select", "XT100", "-f", "json"],
        capture_output=True, text=True, encoding="utf-8", env=env,
    )
    assert result.returncode == 0, result.stderr  # warnings do not fail by default
    found = json.loads(result.stdout)["findings"]
    assert sorted((Path(f["path"]).parent.name, Path(f["path"]).name, f["code"]) for f in found) == [
        ("sv", "a.md", "XT100"), ("sv", "b.md", "XT100"), ("sv", "c.md", "XT100"),
    ]
    listed = subprocess.run([sys.executable, "-m", "transcheck", "rules"], capture_output=True, text=True, env=env)
    assert "XT100  todo-left" in listed.stdout


def test_a_plugin_that_takes_a_code_in_use_is_one_line(plugin, tmp_path):
    docs, env = plugin
    module = tmp_path / "site" / "todo_rules" / "__init__.py"
    module.write_text(module.read_text().replace('"XT100"', '"TC101"'))
    result = subprocess.run([sys.executable, "-m", "transcheck", "check", str(docs)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stderr == "transcheck: rule plug-in 'todo' (todo_rules:RULE): code TC101 is already taken\n"


def test_rule_sets_travel_as_import_paths():
    from transcheck.rules.registry import RULES, RuleSet

    chosen = RuleSet(RULES[2:5])
    paths, codes = chosen.refs
    assert all(":" in p and p.startswith("transcheck.rules.") for p in paths)
    assert RuleSet.loaded(chosen.refs).rules == chosen.rules


def test_the_corpus_through_the_library_finds_its_known_defects(monkeypatch):
    monkeypatch.chdir(ROOT)
    report = api.check([str(CORPUS.relative_to(ROOT))])
    codes = {f.code for f in report.findings}
    assert {"TC101", "TC202", "TC301", "TC502"} <= codes


def test_a_plugin_rule_set_is_rebuilt_from_its_paths_in_a_fresh_interpreter(plugin):
    """What a spawned worker (macOS, Windows) does: nothing inherited, only the paths."""
    _, env = plugin
    code = ("from transcheck.rules.registry import RuleSet, catalogue\n"
            "chosen = RuleSet(tuple(r for r in catalogue() if r.code in ('TC101', 'XT100')))\n"
            "print(chosen.refs)\n")
    refs = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    rebuild = f"from transcheck.rules.registry import RuleSet\nprint(RuleSet.loaded({refs.strip()}).codes)\n"
    out = subprocess.run([sys.executable, "-c", rebuild], capture_output=True, text=True, env=env, check=True).stdout
    assert out.strip() == "('TC101', 'XT100')"
