"""The corpus's known defects, found at the right files and lines, and nothing false
among the errors of the rules these tests cover."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CLEAN, CORPUS
from transcheck.model import Severity
from transcheck.runner import run
from transcheck.rules.registry import RULES
from transcheck.settings import Settings

LATIN_FILES = ["ar.txt", "it.txt", "sv.txt", "tr.txt"]


def _at(report, code):
    return sorted((Path(f.path).name, f.line, f.end_line) for f in report.findings if f.code == code)


def test_repeated_article_body_in_every_file(corpus_report):
    dup = _at(corpus_report, "TC101")
    assert dup == [
        ("ar.txt", 26, 44),
        ("it.txt", 26, 44),
        ("ru.txt", 10, 18),
        ("sv.txt", 26, 44),
        ("tr.txt", 26, 44),
    ]
    first = next(f for f in corpus_report.findings if f.code == "TC101" and f.path.endswith("sv.txt"))
    assert [(r.line, r.end_line) for r in first.related] == [(6, 24)]
    # Every file has the body twice: pasted before translation, no translation's own
    # slip, so a warning in each that names the others, not an error.
    for f in corpus_report.findings:
        if f.code == "TC101":
            assert f.severity is Severity.WARNING
            assert "repeat it too: pasted twice before translation" in f.message
    assert "ar, it, ru, tr repeat it too" in first.message


def test_untranslated_english_title_in_four_files(corpus_report):
    assert _at(corpus_report, "TC202") == [(name, 1, 1) for name in LATIN_FILES]
    # the English title is not "wrong language" as well: one defect, one finding
    assert not [f for f in corpus_report.findings if f.code == "TC201" and f.line == 1]


def test_every_segment_the_russian_file_lacks(corpus_report):
    missing = [f for f in corpus_report.findings if f.code == "TC301"]
    assert all(f.path.endswith("ru.txt") for f in missing)
    # title, subtitle and table of contents before line 1 (one run of three rows); the
    # image line in the body (before line 5; its copy in the repeated body, at line 14,
    # is folded into the repeat's finding); the button after the last line.
    assert [f.line for f in missing] == [1, 5, 19]
    assert corpus_report.folded >= 1
    witnesses = [f.message for f in missing]
    assert "3 consecutive segments missing" in witnesses[0] and "Know Your Terminology" in witnesses[0]
    assert "cx-cs-part-of-whole-blog.png" in witnesses[1]
    # every missing segment points at the four files that have it
    for f in missing:
        assert sorted(Path(r.path).name for r in f.related) == LATIN_FILES


def test_no_false_error_among_the_foundation_rules(corpus_report):
    foundation = {"TC101", "TC201", "TC202", "TC301", "TC302"}
    errors = [f for f in corpus_report.findings if f.code in foundation and f.severity is Severity.ERROR]
    assert len(errors) == 4 + 3  # the missing image in the repeated body is folded into it


def test_alignment_lines_up_the_five_files(corpus_report):
    (group,) = corpus_report.groups
    assert len(group.rows) == 25
    for row in group.rows:
        present = row.present()
        assert set(present) >= {"ar", "it", "sv", "tr"}


@pytest.mark.parametrize("name", sorted(p.name for p in CLEAN.iterdir() if p.is_dir()))
def test_clean_set_has_no_error_or_warning(name):
    report = run([str(CLEAN / name)], Settings(), RULES)
    assert not report.problems
    loud = [f for f in report.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert loud == []


def test_source_language_is_used_when_present(tmp_path):
    (tmp_path / "en.txt").write_text(
        "Know Your Terminology: Customer Support vs Customer Experience\n"
        "What is the difference between customer support and customer experience?\n",
        encoding="utf-8",
    )
    (tmp_path / "sv.txt").write_text(
        "Know Your Terminology: Customer Support vs Customer Experience\n"
        "Vad är skillnaden mellan kundsupport och kundupplevelse?\n",
        encoding="utf-8",
    )
    report = run([str(tmp_path)], Settings(source="en"), RULES)
    untranslated = [f for f in report.findings if f.code == "TC202"]
    assert [(Path(f.path).name, f.line) for f in untranslated] == [("sv.txt", 1)]
    assert "the source" in untranslated[0].message


def test_corpus_copy_is_byte_identical_to_the_delivery():
    shared = CORPUS.parent.parent / "shared" / "corpus"
    if not shared.is_dir():
        pytest.skip("the delivered corpus is not beside this checkout")
    for path in shared.glob("*.txt"):
        assert (CORPUS / path.name).read_bytes() == path.read_bytes()
