"""Inline suppressions in Markdown and suppression files, end to end."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import transcheck
from transcheck.model import Document
from transcheck.formats import segment
from transcheck.decide.suppress import inline_suppressions

PARA = "Vårt team svarar på alla kundfrågor inom en arbetsdag och hjälper dig gärna."


def _doc(text: str, path: str = "guide.sv.md") -> Document:
    lines = text.split("\n")
    return Document(path, "sv", "guide", text, len(lines), segment(path, lines))


def test_comment_applies_to_the_next_segment_only():
    doc = _doc(f"# Rubrik\n\n<!-- transcheck: ignore TC101, TC3; copied on purpose -->\n{PARA}\nsecond line\n\n{PARA}\n")
    (mark,), problems = inline_suppressions(doc)
    assert problems == []
    assert (mark.line, mark.end_line) == (4, 5)  # the paragraph spans two lines
    assert "TC101" in mark.codes and "TC301" in mark.codes and "TC202" not in mark.codes
    assert mark.justification == "copied on purpose"


def test_comment_without_codes_covers_every_rule_and_blank_lines_are_allowed():
    doc = _doc(f"<!-- transcheck: ignore -->\n\n{PARA}\n")
    (mark,), _ = inline_suppressions(doc)
    assert mark.line == 3 and "TC101" in mark.codes and "TC202" in mark.codes


def test_comment_inside_a_code_block_is_an_example_not_a_directive():
    doc = _doc(f"```\n<!-- transcheck: ignore TC101 -->\n```\n\n{PARA}\n")
    assert inline_suppressions(doc) == ([], [])


def test_plain_text_files_have_no_inline_suppressions():
    doc = _doc(f"<!-- transcheck: ignore TC101 -->\n{PARA}\n", path="sv.txt")
    assert inline_suppressions(doc) == ([], [])


def test_bad_comments_are_input_problems_naming_the_line():
    doc = _doc(f"<!-- transcheck: ignore TC999 -->\n{PARA}\n\n<!-- transcheck: disable TC101 -->\n{PARA}\n\n<!-- transcheck: ignore TC101 -->\n")
    marks, problems = inline_suppressions(doc)
    assert marks == []
    assert [(p.path, "TC999" in p.message or "disable" in p.message or "no segment" in p.message) for p in problems] == [
        ("guide.sv.md:1", True), ("guide.sv.md:4", True), ("guide.sv.md:7", True)
    ]


DUP_MD = f"""# Rubrik

{PARA}

Kontakta oss

<!-- transcheck: ignore TC101; the summary repeats the introduction on purpose -->
{PARA}
"""


def test_inline_suppression_end_to_end(tmp_path: Path):
    (tmp_path / "guide.sv.md").write_text(DUP_MD, encoding="utf-8")
    result = transcheck("check", str(tmp_path), "-f", "json")
    data = json.loads(result.stdout)
    assert data["findings"] == [] and data["suppressed"] == 1
    assert result.returncode == 0
    text = transcheck("check", str(tmp_path)).stdout
    assert "1 suppressed" in text
    # without the comment the repeat is reported
    (tmp_path / "guide.sv.md").write_text(DUP_MD.replace("<!-- transcheck: ignore TC101; the summary repeats the introduction on purpose -->\n", ""), encoding="utf-8")
    again = json.loads(transcheck("check", str(tmp_path), "-f", "json").stdout)
    assert [f["code"] for f in again["findings"]] == ["TC101"] and again["suppressed"] == 0


def test_suppression_file_by_fingerprint(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sv.txt").write_text(f"{PARA}\nKontakta oss\n{PARA}\n", encoding="utf-8")
    first = json.loads(transcheck("check", "docs", "-f", "json", cwd=tmp_path).stdout)
    (finding,) = first["findings"]
    (tmp_path / "transcheck.toml").write_text("", encoding="utf-8")
    (tmp_path / ".transcheck-suppressions.toml").write_text(
        f'[[suppress]]\nfingerprint = "{finding["fingerprint"]}"\nrule = "TC101"\n'
        'justification = "The closing line repeats the opening by design."\n',
        encoding="utf-8",
    )
    result = transcheck("check", "docs", "-f", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["findings"] == [] and data["suppressed"] == 1 and result.returncode == 0
    # the same file, named differently on the command line, keeps its fingerprint
    assert json.loads(transcheck("check", "./docs/", "-f", "json", cwd=tmp_path).stdout)["suppressed"] == 1
    # a suppression without a justification is refused
    (tmp_path / ".transcheck-suppressions.toml").write_text(
        f'[[suppress]]\nfingerprint = "{finding["fingerprint"]}"\n', encoding="utf-8"
    )
    refused = transcheck("check", "docs", cwd=tmp_path)
    assert refused.returncode == 2 and "justification is required" in refused.stderr


def test_per_file_ignores_from_pyproject(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "legal.sv.txt").write_text(f"{PARA}\nKontakta oss\n{PARA}\n", encoding="utf-8")
    (tmp_path / "docs" / "guide.sv.txt").write_text(f"{PARA}\nKontakta oss\n{PARA}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.transcheck.per-file-ignores]\n"docs/legal.*.txt" = ["TC101"]\n', encoding="utf-8"
    )
    data = json.loads(transcheck("check", str(tmp_path / "docs"), "-f", "json").stdout)
    assert [(f["code"], Path(f["path"]).name) for f in data["findings"]] == [("TC101", "guide.sv.txt")]
    assert data["suppressed"] == 1
