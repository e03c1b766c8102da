"""The command line as a user meets it: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import transcheck, transcheck_process
from tests.conftest import CORPUS, ROOT


def test_the_installed_command_and_python_m_print_what_the_check_prints():
    """Real processes: the console script pip installs, and ``python -m transcheck``.
    The other tests run the command line inside the test process (tests/cli.py)."""
    script = shutil.which("transcheck", path=str(Path(sys.executable).parent)) or shutil.which("transcheck")
    assert script, "the transcheck command is not installed"
    installed = subprocess.run(
        [script, "check", "corpus/", "-f", "json"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    module = transcheck_process("check", "corpus/", "-f", "json")
    assert installed.returncode == module.returncode == 1
    assert installed.stderr == module.stderr == ""
    assert installed.stdout == module.stdout == transcheck("check", "corpus/", "-f", "json").stdout


def test_a_usage_error_in_a_real_process_is_one_line_without_traceback():
    result = transcheck_process("check", "corpus/", "--format", "yaml")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("transcheck: unknown format 'yaml'")
    assert len(result.stderr.splitlines()) == 1


def _two_good_files(directory: Path) -> None:
    (directory / "sv.txt").write_text("Vårt team svarar på alla kundfrågor inom en arbetsdag.\n", encoding="utf-8")
    (directory / "it.txt").write_text("Il nostro team risponde a tutte le domande entro un giorno.\n", encoding="utf-8")


def test_corpus_text_report_and_exit_code():
    result = transcheck("check", "corpus/")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # Grouped by file under its page, one aligned line per finding.
    at = lines.index("  corpus/ru.txt  Russian (ru)")
    after = lines[at + 1:]
    assert any(ln.split()[:4] == ["10-18", "warning", "TC101", "duplicate-block"] for ln in after[:until_blank(after)])
    assert any(ln.split()[:4] == ["1", "error", "TC301", "missing-segment"] for ln in after[:until_blank(after)])
    assert result.stderr == ""


def until_blank(lines):
    return next((i for i, ln in enumerate(lines) if not ln.strip() or not ln.startswith("    ")), len(lines))


def test_text_report_folds_findings_inside_a_repeat_and_closes_with_tables():
    # tr.txt repeats lines 6-24 at 26-44: the copy's punctuation and role-inversion
    # findings are the original's, reported once, on the original.
    out = transcheck("check", "corpus/").stdout
    lines = out.splitlines()
    at = lines.index("  corpus/tr.txt  Turkish (tr)")
    block = lines[at + 1:][:until_blank(lines[at + 1:])]
    spans = [ln.split()[0] for ln in block]
    assert "26-44" in spans and "12" in spans and "24" in spans
    assert not any(s in ("32", "44") for s in spans)
    assert "inside repeated blocks" in lines[-1]
    header = next(ln for ln in lines if ln.startswith("language"))
    assert header.split() == ["language", "error", "warning", "info", "pages"]
    assert any(ln.split()[:2] == ["tr", "Turkish"] and ln.endswith("1/1") for ln in lines)
    assert any(ln.split()[:2] == ["TC101", "duplicate-block"] for ln in lines)


def test_json_is_byte_identical_across_runs_and_jobs():
    first = transcheck("check", "corpus/", "--format", "json", "--jobs", "1")
    second = transcheck("check", "corpus/", "--format", "json", "--jobs", "2")
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["version"] == 1 and data["tool"]["name"] == "transcheck"
    assert [d["path"] for d in data["documents"]] == [f"corpus/{l}.txt" for l in ("ar", "it", "ru", "sv", "tr")]
    assert data["summary"]["error"] == sum(1 for f in data["findings"] if f["severity"] == "error")
    assert all(f["fingerprint"] for f in data["findings"])
    assert len({f["fingerprint"] for f in data["findings"]}) == len(data["findings"])


def test_fail_on_never_exits_zero():
    assert transcheck("check", "corpus/", "--fail-on", "never").returncode == 0


def test_output_file(tmp_path):
    out = tmp_path / "report.json"
    result = transcheck("check", "corpus/", "-f", "json", "-o", str(out))
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("de.txt", b"", "empty file"),
        ("fr.txt", b"   \n\t\n", "empty file"),
        ("es.txt", "caf\u00e9".encode("latin-1") + b" con leche\n", "not valid UTF-8: byte 0xe9 at byte offset 3"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, name, content, message):
    _two_good_files(tmp_path)
    (tmp_path / name).write_bytes(content)
    result = transcheck("check", str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and message in lines[0]
    assert "Traceback" not in result.stderr
    # the intact files are still checked and reported
    assert "2 documents" in result.stdout


def test_a_page_empty_in_every_language_is_skipped_and_an_empty_translation_of_text_is_an_error(tmp_path):
    # A site's placeholder page, empty in the source and the translation, in a full
    # clone: no exit 2 and no word of a shallow history. An empty translation of a
    # page with text is still bad input.
    for code, text in (("en", "# Guide\n\nSave your work before you close the editor.\n"),
                       ("zh", "# 指南\n\n关闭编辑器之前请保存你的工作。\n")):
        (tmp_path / "docs" / code).mkdir(parents=True)
        (tmp_path / "docs" / code / "guide.md").write_text(text, encoding="utf-8")
        (tmp_path / "docs" / code / "blank.md").write_bytes(b"")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "site"], cwd=tmp_path, check=True)
    args = ("check", ".", "--layout", "docs/{lang}/*.md", "--source", "en", "-f", "json")
    result = transcheck(*args, cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    skipped = {(p["path"], p["message"]) for p in json.loads(result.stdout)["problems"]}
    assert skipped == {("docs/en/blank.md", "empty file, the source's page, with nothing to translate; skipped"),
                       ("docs/zh/blank.md", "empty file, as its source is; skipped")}

    # Hugo: a section's _index.md with front matter and no title in the source, empty in the
    # translation; and an empty source page no translation has yet.
    (tmp_path / "docs" / "en" / "_index.md").write_text("---\nweight: 10\n---\n", encoding="utf-8")
    (tmp_path / "docs" / "zh" / "_index.md").write_bytes(b"")
    (tmp_path / "docs" / "en" / "new.md").write_bytes(b"")
    result = transcheck(*args, cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    skipped = {(p["path"], p["message"]) for p in json.loads(result.stdout)["problems"]}
    assert {("docs/zh/_index.md", "empty file, as its source is; skipped"),
            ("docs/en/new.md", "empty file, the source's page, with nothing to translate; skipped")} <= skipped

    (tmp_path / "docs" / "zh" / "guide.md").write_bytes(b"")
    result = transcheck(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "transcheck: docs/zh/guide.md: empty file (no text to check)"


def test_missing_path(tmp_path):
    result = transcheck("check", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"transcheck: {tmp_path / 'nowhere'}: no such file or directory"


@pytest.mark.parametrize(
    "args",
    [
        ("check", "corpus/", "--format", "yaml"),
        ("check", "corpus/", "--fail-on", "sometimes"),
        ("check", "corpus/", "--source", "xx"),
        ("check", "corpus/", "--select", "TC999"),
        ("explain", "TC999"),
    ],
)
def test_usage_errors(args):
    result = transcheck(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_rules_and_explain():
    listing = transcheck("rules").stdout
    assert "TC101" in listing and "duplicate-block" in listing
    text = transcheck("explain", "TC101").stdout
    for section in ("What it catches:", "Why it matters:", "Example:", "What it does not catch:"):
        assert section in text


def test_paths_stay_as_given():
    result = transcheck("check", str(CORPUS / "sv.txt"), str(CORPUS / "it.txt"), "-f", "json")
    data = json.loads(result.stdout)
    assert {d["path"] for d in data["documents"]} == {str(CORPUS / "sv.txt"), str(CORPUS / "it.txt")}


def test_help_keeps_square_brackets_and_says_how_files_are_grouped():
    # Rich markup would read "[tool.transcheck]" and "[embeddings]" as style tags.
    text = " ".join(transcheck("check", "--help").stdout.split())
    assert "[tool.transcheck]" in text
    assert "transcheck[embeddings]" in text
    assert "one document" in text and "--layout" in text


def test_explain_has_no_restructuredtext_literals():
    plain = transcheck("explain", "TC101").stdout
    markdown = transcheck("explain", "TC101", "--markdown").stdout
    assert "``" not in plain and "``" not in markdown
    assert "duplicate_min_chrf" in plain
    assert "`duplicate_min_chrf`" in markdown and "**What it catches:**" in markdown


def test_text_report_colours_only_when_asked(corpus_report):
    from transcheck.report import Format, formatter

    report = corpus_report
    plain = formatter(Format.TEXT).render(report)
    coloured = formatter(Format.TEXT, color=True).render(report)
    assert "\x1b[" not in plain and "\x1b[1;31merror" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_version_and_the_global_options_are_listed():
    from transcheck import __version__

    version = transcheck("--version")
    assert version.returncode == 0 and version.stdout == f"transcheck {__version__}\n"
    listed = transcheck("--help").stdout
    assert "--version" in listed and "--debug" in listed
