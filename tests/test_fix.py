"""``transcheck fix``: what it changes, what it leaves alone, and how it writes."""

from __future__ import annotations

import codecs
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.cli import transcheck
from tests.conftest import CORPUS
from transcheck.fix import FixConflict, plan_file, unified_diff, write
from transcheck.read.discover import FileSpec
from transcheck.settings import Settings

A = "Kundupplevelse är hela kundens resa med ditt varumärke, från första annons till köp."
B = "Kundsupport är den del av upplevelsen där kunden ber om hjälp och får den snabbt."
C = "Ta en tur genom plattformen och se hur allt hänger ihop i praktiken."
IT = "L'esperienza del cliente è l'intero percorso del cliente con il tuo marchio."


def _fixed(tmp_path: Path, text: str, name: str = "sv.txt", quotes: bool = False) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode())
    language = name.split(".")[-2]
    plan = plan_file(FileSpec(str(path), language, str(tmp_path)), Settings(), quotes=quotes)
    return plan.new_text


# --- the done-when test ----------------------------------------------------------------


def test_fix_corpus_then_check_reports_no_repeats(tmp_path):
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    before = {p.name: p.read_bytes() for p in copy.glob("*.txt")}
    dry = transcheck("fix", str(copy))
    assert dry.returncode == 1  # a dry run with something to change
    assert {p.name: p.read_bytes() for p in copy.glob("*.txt")} == before
    assert dry.stdout.count("\n--- ") + dry.stdout.startswith("--- ") == 5

    written = transcheck("fix", str(copy), "--write")
    assert written.returncode == 0, written.stderr
    for name in ("ar.txt", "it.txt", "ru.txt", "sv.txt", "tr.txt"):
        after = (copy / name).read_bytes()
        assert len(after) < len(before[name]) * 0.7, name  # the article body is there once
        assert after.endswith(b"\n") == before[name].endswith(b"\n")
    check = transcheck("check", str(copy), "--format", "json")
    assert '"code": "TC101"' not in check.stdout
    assert "Know Your Terminology" in (copy / "sv.txt").read_text(encoding="utf-8")

    again = transcheck("fix", str(copy), "--write")
    assert again.returncode == 0 and again.stdout == ""
    assert transcheck("fix", str(copy)).returncode == 0


def test_dry_run_diff_applies_with_patch(tmp_path):
    if shutil.which("patch") is None:
        pytest.skip("no patch program")
    (tmp_path / "sv.txt").write_text(f"{A}\n\n{B}\n\n{A}\n\n{B}\n\n{C}", encoding="utf-8")
    (tmp_path / "it.txt").write_text(IT + "\n", encoding="utf-8")
    diff = transcheck("fix", "sv.txt", cwd=tmp_path).stdout
    assert diff.startswith("--- a/sv.txt\n+++ b/sv.txt\n")
    subprocess.run(["patch", "-p1", "-s"], input=diff, text=True, cwd=tmp_path, check=True)
    assert (tmp_path / "sv.txt").read_text(encoding="utf-8") == f"{A}\n\n{B}\n\n{C}"


# --- layout ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the blank lines after the copy go with it
        (f"{A}\n\n{B}\n\n{A}\n\n{B}\n\n{C}\n", f"{A}\n\n{B}\n\n{C}\n"),
        # a copy at the end takes the blank lines before it; the final newline stays
        (f"{A}\n\n{B}\n\n\n{A}\n\n{B}\n", f"{A}\n\n{B}\n"),
        (f"{A}\n{B}\n{A}\n{B}", f"{A}\n{B}"),
        # no blank line after the copy: the one before it stays as the separator
        (f"{A}\n\n{B}\n\n{A}\n\n{B}\n{C}\n", f"{A}\n\n{B}\n\n{C}\n"),
        # three copies
        (f"{A}\n{B}\n{A}\n{B}\n{A}\n{B}\n{C}\n", f"{A}\n{B}\n{C}\n"),
        # nothing repeated, nothing changed (short lines repeat legitimately)
        (f"Ja\n{A}\nJa\n{B}\n", f"Ja\n{A}\nJa\n{B}\n"),
    ],
)
def test_repeated_block_removal_keeps_layout(tmp_path, text, expected):
    assert _fixed(tmp_path, text) == expected


def test_markdown_repeat(tmp_path):
    text = f"# Rubrik\n\n{A}\n\n- {B}\n- {C}\n\n## Igen\n\n{A}\n\n- {B}\n- {C}\n"
    assert _fixed(tmp_path, text, "guide.sv.md") == f"# Rubrik\n\n{A}\n\n- {B}\n- {C}\n\n## Igen\n"


def test_markdown_table_row_sharing_a_line_is_kept(tmp_path):
    text = f"| {A} | {B} |\n|---|---|\n| {C} | {A} |\n"
    assert _fixed(tmp_path, text, "guide.sv.md") == text


def test_near_repeat_is_removed_and_said(tmp_path):
    path = tmp_path / "sv.txt"
    path.write_text(f"{A}\n\n{B}\n\n{A}\n\n{B[:-1]}!\n", encoding="utf-8")
    plan = plan_file(FileSpec(str(path), "sv", str(tmp_path)), Settings())
    assert plan.new_text == f"{A}\n\n{B}\n"
    assert plan.changes == ["removed lines 5-7, a repeat of lines 1-3 (near repeat: 1 of its segments differ from the kept copy)"]


# --- writing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "newline"),
    [
        (lambda t: t.encode(), "\r\n"),
        (lambda t: t.encode(), "\r"),
        (lambda t: codecs.BOM_UTF8 + t.encode(), "\n"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "\r\n"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "\n"),
        (lambda t: t.encode("utf-32"), "\n"),
    ],
)
def test_write_keeps_encoding_newlines_and_mode(tmp_path, encode, newline):
    path = tmp_path / "sv.txt"
    lines = [A, "", B, "", A, "", B]
    path.write_bytes(encode(newline.join(lines)))
    path.chmod(0o640)
    plan = plan_file(FileSpec(str(path), "sv", str(tmp_path)), Settings())
    write(plan)
    assert path.read_bytes() == encode(newline.join([A, "", B]))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["sv.txt"]  # no temporary file left
    again = plan_file(FileSpec(str(path), "sv", str(tmp_path)), Settings())
    assert not again.changed


def test_write_keeps_mixed_newlines_line_by_line(tmp_path):
    path = tmp_path / "sv.txt"
    path.write_bytes(f"{A}\r\n\r\n{B}\n\n{A}\r\n\r\n{B}\n\n{C}\r".encode())
    write(plan_file(FileSpec(str(path), "sv", str(tmp_path)), Settings()))
    assert path.read_bytes() == f"{A}\r\n\r\n{B}\n\n{C}\r".encode()


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "sv.txt"
    path.write_text(f"{A}\n{B}\n{A}\n{B}\n", encoding="utf-8")
    plan = plan_file(FileSpec(str(path), "sv", str(tmp_path)), Settings())
    path.write_text(f"{A}\n{B}\n{A}\n{B}\n{C}\n", encoding="utf-8")  # someone saved meanwhile
    with pytest.raises(FixConflict, match="changed since it was read"):
        write(plan)
    assert path.read_text(encoding="utf-8") == f"{A}\n{B}\n{A}\n{B}\n{C}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["sv.txt"]


def _refused_setups():
    def symlink(tmp_path):
        os.symlink("real.txt", tmp_path / "sv.txt")
        return "is a symbolic link; not written"

    def read_only(tmp_path):
        os.rename(tmp_path / "real.txt", tmp_path / "sv.txt")
        (tmp_path / "sv.txt").chmod(0o444)
        return "is read-only; not written"

    def hard_link(tmp_path):
        os.link(tmp_path / "real.txt", tmp_path / "sv.txt")
        return "has 2 hard links, which replacing it would break; not written"

    return [symlink, read_only, hard_link]


@pytest.mark.parametrize("setup", _refused_setups(), ids=lambda f: f.__name__)
def test_write_refuses_a_file_a_replace_would_harm(tmp_path, setup):
    real = tmp_path / "real.txt"
    text = f"{A}\n{B}\n{A}\n{B}\n"
    real.write_text(text, encoding="utf-8")
    reason = setup(tmp_path)
    (tmp_path / "it.txt").write_text(IT + "\n", encoding="utf-8")
    before = {p.name: (p.read_bytes(), os.lstat(p).st_mode) for p in tmp_path.iterdir()}
    plan = plan_file(FileSpec(str(tmp_path / "sv.txt"), "sv", str(tmp_path)), Settings())
    assert plan.changed
    with pytest.raises(FixConflict, match=reason):
        write(plan)
    result = transcheck("fix", "--write", "sv.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == f"transcheck: sv.txt: {reason}"
    assert "Traceback" not in result.stderr
    assert {p.name: (p.read_bytes(), os.lstat(p).st_mode) for p in tmp_path.iterdir()} == before


def test_unreadable_input_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "sv.txt").write_bytes("Grüße\n".encode("latin-1"))
    result = transcheck("fix", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not valid UTF-8" in result.stderr


# --- quotes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # mismatched marks are fixed in the language's convention
        ("ru.txt", "Он сказал «привет” и ушёл.\n", "Он сказал «привет» и ушёл.\n"),
        ("de.txt", "Er sagte „Hallo” und ging.\n", "Er sagte „Hallo” und ging.\n"),  # „…” is a real pair (pl)
        ("de.txt", "Er sagte «Hallo“ und ging.\n", "Er sagte „Hallo“ und ging.\n"),
        # mixed styles in a document that uses its convention elsewhere
        (
            "ru.txt",
            "Это «первый» пример.\nЭто \"второй\" пример.\n",
            "Это «первый» пример.\nЭто «второй» пример.\n",
        ),
        (
            "fr.txt",
            "C'est « un » exemple.\nC'est “deux” exemples.\n",
            "C'est « un » exemple.\nC'est «\u00a0deux\u00a0» exemples.\n",
        ),
        # a document consistently in another style is a house style: left alone
        ("ru.txt", "Это \"первый\" пример.\nЭто \"второй\" пример.\n", None),
        # both accepted Italian styles may appear together
        ("it.txt", "Un «primo» esempio.\nUn “secondo” esempio.\n", None),
        # ambiguous: odd number of marks (an inch sign), nesting, marks inside words
        ("ru.txt", "Экран 5\" и «текст».\nЭто «первый» пример.\n", None),
        ("ru.txt", "Он сказал «слово „внутри“ текста».\n", None),
        ("en.txt", "He said “one ”two“ three” once.\nA “plain” one.\n", None),
        # without a settled convention, a mismatched pair takes the document's own style
        ("tr.txt", "Bir «örnek” cümle.\n", None),
        (
            "ar.txt",
            'قال "نعم" ثم "لا" ثم "ربما” أخيرا.\n',
            'قال "نعم" ثم "لا" ثم "ربما" أخيرا.\n',
        ),
        ("tr.txt", 'Bir "örnek" ve "ikinci” cümle.\n', None),  # one example is no house style
        ("tr.txt", 'Bir "bir" “iki” «üç» "dört» cümle.\n', None),  # no majority
        # corner brackets: 「」 and 『』 are one convention, never rewritten into another
        ("ja.txt", "彼は 「一」 と 「二」 と 「三」 と 『四』 と “五” を書いた。\n", None),
        ("ru.txt", "Это «первый» пример.\nИ 「второй」 тоже.\n", None),
        ("tr.txt", "Bir 「örnek” cümle.\n", None),  # marks of two families: ambiguous
        ("tr.txt", "Bir “örnek“ cümle.\n", "Bir “örnek” cümle.\n"),  # one family
    ],
)
def test_quotes(tmp_path, name, text, expected):
    assert _fixed(tmp_path, text, name, quotes=True) == (text if expected is None else expected)
    assert _fixed(tmp_path, text, name, quotes=False) == text


def test_quotes_leave_markdown_syntax_alone(tmp_path):
    text = 'Это «первый» пример.\n\nСм. [ссылку](http://example.com "Заголовок").\n'
    assert _fixed(tmp_path, text, "guide.ru.md", quotes=True) == text


def test_unified_diff_of_an_unchanged_plan_is_empty(tmp_path):
    path = tmp_path / "sv.txt"
    path.write_text(f"{A}\n{B}\n", encoding="utf-8")
    plan = plan_file(FileSpec(str(path), "sv", str(tmp_path)), Settings())
    assert not plan.changed and unified_diff(plan) == ""


def test_write_keeps_the_owner(tmp_path):
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("only root can give a file to another owner")
    path = tmp_path / "sv.txt"
    path.write_text(f"{A}\n{B}\n{A}\n{B}\n", encoding="utf-8")
    os.chown(path, 4321, 4321)
    write(plan_file(FileSpec(str(path), "sv", str(tmp_path)), Settings()))
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4321)


def test_limits_apply_to_fix(tmp_path):
    (tmp_path / "sv.txt").write_text(f"{A}\n{B}\n{A}\n{B}\n", encoding="utf-8")
    result = transcheck("fix", str(tmp_path), "--max-segments", "3")
    assert result.returncode == 2
    assert result.stderr.strip() == f"transcheck: {tmp_path / 'sv.txt'}: too many segments (4; limit 3, see --max-segments); skipped"
    result = transcheck("fix", str(tmp_path), "--max-file-size", "10")
    assert result.returncode == 2 and "file too large" in result.stderr


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("ja.txt", "彼は 「テスト』 と言った。\n", "彼は 「テスト」 と言った。\n"),
        ("zh.txt", "他说 『测试」 然后走了。\n", "他说 『测试』 然后走了。\n"),
        ("ko.txt", "그는 “테스트“ 라고 말했다.\n", "그는 “테스트” 라고 말했다.\n"),
    ],
)
def test_a_mixed_pair_the_punctuation_rule_reports_is_one_fix_repairs(tmp_path, name, text, expected):
    from transcheck.runner import run
    from transcheck.rules.registry import BY_CODE

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = run([str(path)], Settings(), (BY_CODE["TC601"],))
    assert [f.message.split(":")[0] for f in report.findings] == [
        f"quotation opened with {text.split()[1][0]} and closed with {text.split()[1][-1]}"
    ]
    assert _fixed(tmp_path, text, name, quotes=True) == expected
    path.write_text(expected, encoding="utf-8")
    assert run([str(path)], Settings(), (BY_CODE["TC601"],)).findings == []
