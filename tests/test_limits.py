"""Limits come before the work they bound.

A file's lines and blocks are counted before the Markdown parser runs (a 19.8 MB file
within the size limit took 11 min and 5.9 GB); a document in more languages than
--max-languages is not compared pair by pair (1,000 languages: 89 s, 570 MB); a TBX
term is looked for among its holder's children, not all its descendants (20,000
nested tig elements: 158 s); a glossary has caps on concepts and terms and is shared
with the worker processes, not copied into each; normalisation stays linear however
many combining marks a text stacks (200 kB of them: 24 s).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.growth import LIMIT, growth
from transcheck.read.discover import FileSpec
from transcheck.settings import Settings


def test_blocks_are_counted_before_the_parser_runs(tmp_path, monkeypatch):
    from transcheck.read.file import read_document
    from transcheck.segment import markdown

    page = tmp_path / "page.en.md"
    page.write_text("A paragraph of the page.\n\n" * 200, encoding="utf-8")

    def parse(*args, **kwargs):
        raise AssertionError("the parser ran on a file over the limit")

    monkeypatch.setattr(markdown, "segment_markdown", parse)
    problem = read_document(FileSpec(str(page), "en", "page"), Settings(max_segments=100))
    assert "too many segments (more than 100 blocks, counted before parsing" in problem.message


def test_lines_are_counted_before_the_parser_runs(tmp_path, monkeypatch):
    from transcheck.read.file import read_document
    from transcheck.segment import markdown

    page = tmp_path / "page.en.md"
    page.write_text("A paragraph.\n" + "\n" * 2000, encoding="utf-8")
    monkeypatch.setattr(markdown, "segment_markdown", lambda *a, **k: pytest.fail("parsed"))
    problem = read_document(FileSpec(str(page), "en", "page"), Settings(max_segments=100))
    assert problem.message.startswith("too many lines (2001; limit 1000")


@pytest.mark.parametrize(("text", "least"), [
    ("# Title\n\nOne paragraph\nstill the same.\n\n- an item\n- another\n", 3),
    ("```\ncode\n\n\nmore code\n```\n\nafter\n", 2),  # blank lines inside a fence split nothing
    ("| a | b |\n|---|---|\n| 1 | 2 |\n", 6),
])
def test_the_count_before_parsing_never_exceeds_the_segments(text, least):
    from transcheck.read.decode import split_lines
    from transcheck.formats import segment
    from transcheck.segment.count import least_blocks

    lines = split_lines(text)
    assert least_blocks(lines) == least
    assert least <= len(segment("page.md", lines)) + 2  # about the same; table rules count as rows


def _languages(tmp_path: Path, count: int) -> Path:
    from transcheck.read.languages import normalise_tag

    docs = tmp_path / "docs"
    docs.mkdir()
    codes = [c for c in (a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz")
             if normalise_tag(c) == c][:count]  # aliases ("in" is "id") would collide
    assert len(codes) == count
    for code in codes:
        (docs / f"page.{code}.txt").write_text(f"Text of the page in {code}, long enough to count.\n", encoding="utf-8")
    return docs


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "transcheck", "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def test_a_document_in_more_languages_than_the_limit_is_skipped(tmp_path):
    docs = _languages(tmp_path, 101)
    done = run(tmp_path, str(docs), "-q", "--select", "TC101")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"transcheck: {docs / 'page'}: 101 languages in one document (limit 100, see --max-languages); skipped"
    ]
    done = run(tmp_path, str(docs), "-q", "--select", "TC101", "--max-languages", "101")
    assert done.returncode == 0, done.stderr


def test_max_languages_in_the_configuration(tmp_path):
    docs = _languages(tmp_path, 4)
    (tmp_path / "transcheck.toml").write_text("max-languages = 3\n", encoding="utf-8")
    done = run(tmp_path, str(docs), "-q", "--select", "TC101")
    assert done.returncode == 2 and "4 languages in one document (limit 3" in done.stderr
    (tmp_path / "transcheck.toml").write_text("max-languages = 1\n", encoding="utf-8")
    done = run(tmp_path, str(docs), "-q")
    assert done.returncode == 2 and "transcheck.toml: max-languages: must be an integer of at least 2" in done.stderr


def _nested_tbx(depth: int) -> bytes:
    return (
        '<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>square</term></termSec>'
        + "<tig>" * depth + "<term>hidden</term>" + "</tig>" * depth
        + "</langSec></conceptEntry></body></text></tbx>"
    ).encode()


def test_tbx_terms_come_from_the_holders_own_children():
    from transcheck.terms import tbx

    (concept,) = tbx.parse_tbx(_nested_tbx(3), "glossary.tbx")
    assert [t.text for t in concept.terms["en"]] == ["square"]  # a term three tigs deep is no term


def test_tbx_reading_is_linear_in_the_nesting(monkeypatch):
    """Counted, not timed: the elements the reader looks at (the XML parser's own cost
    for deep nesting grows a little faster than the depth, and is not in question)."""
    from transcheck.terms import tbx

    looked_at = [0]
    local = tbx._local

    def counted(tag):
        looked_at[0] += 1
        return local(tag)

    monkeypatch.setattr(tbx, "_local", counted)
    work = []
    for depth in (500, 1000):
        looked_at[0] = 0
        tbx.parse_tbx(_nested_tbx(depth), "glossary.tbx")
        work.append(looked_at[0])
    assert work[1] <= LIMIT * work[0], f"twice as deep: {work[1] / work[0]:.1f}x the elements looked at"


@pytest.mark.parametrize(("cap", "value", "text", "message"), [
    ("MAX_CONCEPTS", 2, "en,sv\na,a\nb,b\nc,c\n", "more than 2 concepts"),
    ("MAX_TERMS", 3, "en,sv\na,a\nb,b\n", "more than 3 terms"),
    ("MAX_CONCEPT_TERMS", 3, "id,en,sv\nbig,a|b|c,d\n", "concept 'big' has 4 terms (limit 3)"),
])
def test_a_glossary_over_a_cap_is_refused(monkeypatch, cap, value, text, message):
    import transcheck.terms as terms
    from transcheck.terms.csv import parse_csv

    monkeypatch.setattr(terms, cap, value)
    with pytest.raises(terms.GlossaryError, match=re.escape(message)):
        parse_csv(text.encode(), "glossary.csv")


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists() or not hasattr(os, "fork"),
                    reason="needs Linux process accounting and fork")
def test_the_glossary_is_shared_with_the_workers_not_copied(tmp_path, monkeypatch):
    """Each worker's private memory stays well below what the glossary costs the main
    process: the workers read the main process's pages instead of copying them."""
    import random

    import transcheck.runner as runner
    from transcheck.rules.registry import BY_CODE

    rng = random.Random(1)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(20_000)]
    docs = tmp_path / "docs"
    docs.mkdir()
    with open(docs / "glossary.csv", "w", encoding="utf-8") as fh:
        fh.write("concept,en,sv,it,de\n")
        for i in range(60_000):
            fh.write(f"c{i}," + ",".join(f"{rng.choice(words)} {rng.choice(words)}" for _ in range(4)) + "\n")
    for n in range(4):
        (docs / f"p{n}.en.txt").write_text("Install the package with pip before the first command.\n", encoding="utf-8")
        (docs / f"p{n}.sv.txt").write_text("Installera paketet med pip före det första kommandot.\n", encoding="utf-8")

    def private_dirty() -> int:
        with open("/proc/self/smaps_rollup", encoding="ascii") as fh:
            return sum(int(line.split()[1]) for line in fh if line.startswith("Private_Dirty:"))

    reports = tmp_path / "workers"
    reports.mkdir()
    check_group = runner.check_group

    def measured(*args, **kwargs):
        out = check_group(*args, **kwargs)
        (reports / str(os.getpid())).write_text(str(private_dirty()), encoding="ascii")
        return out

    monkeypatch.setattr(runner, "check_group", measured)
    before = private_dirty()
    monkeypatch.chdir(tmp_path)
    runner.run(["docs"], Settings(source="en"), (BY_CODE["TC501"],), jobs=2)
    glossary_cost = private_dirty() - before
    workers = [int(p.read_text(encoding="ascii")) for p in reports.iterdir() if p.name != str(os.getpid())]
    # kB: the glossary is worth sharing. What the main process's growth shows depends on
    # the pages earlier tests of the same process freed, so the bar is well below the
    # glossary's usual 40-60 MB.
    assert workers and glossary_cost > 20_000, glossary_cost
    assert max(workers) < glossary_cost / 3, (workers, glossary_cost)


def test_normalisation_is_linear_however_many_marks_a_text_stacks():
    from transcheck.text import normalise

    ratio, n = growth(lambda n: "a" + "\u0301\u0316" * (n // 2), normalise, start=2048)
    assert ratio <= LIMIT, f"{2 * n} combining marks cost {ratio:.1f}x what {n} cost"


def test_stream_safe_text_bounds_runs_of_marks_and_leaves_text_alone():
    import unicodedata

    from transcheck.text import nfc, stream_safe

    stacked = stream_safe("a" + "\u0301" * 65)
    assert [i for i, ch in enumerate(stacked) if ch == "\u034f"] == [31, 62]
    for text in ("Ünïcödé ñ", "ﾊﾟ", "ཱི", "한국어", "e\u0301\u0316", "plain"):
        assert stream_safe(text) == text and nfc(text) == unicodedata.normalize("NFC", text)
