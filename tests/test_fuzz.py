"""Property tests: whatever the input, transcheck does not crash, points at real lines,
says the same thing twice, and ``fix`` leaves nothing for TC101 to report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.align.aligner import align
from transcheck.model import Document
from transcheck.runner import run
from transcheck.read.decode import DecodeError, decode, encode, split_lines
from tests.conftest import render
from transcheck.report import Format
from transcheck.rules.registry import BY_CODE, RULES
from transcheck.segment import segment
from transcheck.settings import Settings

# No deadline: the first example pays for lazy imports (langdetect, sacrebleu), which
# would make a per-example deadline flaky; the example counts keep the suite fast.
# TRANSCHECK_FUZZ=10 runs ten times as many examples, for a longer search by hand.
_SCALE = int(os.environ.get("TRANSCHECK_FUZZ", "1"))
FAST = settings(max_examples=100 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SENTENCES = {
    "sv": [
        "Kundupplevelse är hela kundens resa med ditt varumärke.",
        "Kundsupport är den del av upplevelsen där kunden får hjälp.",
        "Varje kvadrat är en rektangel, men inte tvärtom.",
        "Ta en tur",
    ],
    "it": [
        "L'esperienza del cliente è l'intero percorso con il tuo marchio.",
        "Il supporto clienti è la parte in cui il cliente riceve aiuto.",
        "Ogni quadrato è un rettangolo, ma non viceversa.",
        "Fai un tour",
    ],
    "ru": [
        "Клиентский опыт — это весь путь клиента с вашим брендом.",
        "Поддержка клиентов — это часть опыта, где клиент получает помощь.",
        "Каждый квадрат является прямоугольником, но не наоборот.",
        "Пройдите тур",
    ],
    "ar": [
        "تجربة العملاء هي رحلة العميل الكاملة مع علامتك التجارية.",
        "دعم العملاء هو الجزء الذي يحصل فيه العميل على المساعدة.",
        "كل مربع هو مستطيل، ولكن ليس العكس.",
        "قم بجولة",
    ],
}
SHARED = [
    "Know Your Terminology: Customer Support vs Customer Experience",
    "cx-cs-part-of-whole-blog.png",
    "https://example.com/guide",
    "2024-05-01 12:30 99,5 %",
    "Guru SaaS CX CS 3",
]
ODD = st.sampled_from(
    ["", "   ", "\t", "\u200b", "\u202e", "\ufeff", "\u200d", "«", "»", '"', "„", "“", "”",
     "# ", "- ", "> ", "```", "|", "1. ", "    ", "<!-- x -->", "[a](b)", "\x0c", "\u2028"]
)


def line_strategy(language: str):
    words = st.sampled_from(SENTENCES[language] + SHARED)
    return st.one_of(
        words,
        st.tuples(ODD, words, ODD).map("".join),
        st.text(max_size=40),
        st.just(""),
    )


NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def document_text(draw, language: str):
    lines = draw(st.lists(line_strategy(language), max_size=14))
    if lines and draw(st.booleans()):
        start = draw(st.integers(0, len(lines) - 1))
        lines += lines[start:]  # a repeated block, the defect fix must remove
    newline = draw(NEWLINES)
    text = newline.join(line.replace("\r", " ").replace("\n", " ") for line in lines)
    if draw(st.booleans()):
        text += newline
    return text


@st.composite
def groups(draw):
    languages = draw(st.lists(st.sampled_from(sorted(SENTENCES)), min_size=1, max_size=4, unique=True))
    suffix = draw(st.sampled_from([".txt", ".md"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    return {f"{lang}{suffix}": (draw(document_text(lang)), encoding) for lang in languages}


def _write(directory: Path, files: dict) -> None:
    for name, (text, encoding) in files.items():
        (directory / name).write_bytes(encode(text, encoding))


def _assert_findings_point_at_lines(report) -> None:
    counts = {d.path: d.line_count for d in report.documents}
    for f in report.findings:
        assert f.path in counts, f
        assert 1 <= f.line <= f.end_line <= counts[f.path], f
        for r in f.related:
            assert r.path in counts and 1 <= r.line <= r.end_line <= counts[r.path], f


# --- reader ------------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=300))
def test_decode_never_raises_anything_else(data):
    try:
        decoded = decode(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert "\x00" not in decoded.text or decoded.encoding == "utf-8"


@FAST
@given(st.text(max_size=200).filter(lambda t: "\x00" not in t), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decode_round_trips(text, encoding):
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = "x" + text  # a leading U+FEFF in plain UTF-8 is read as a byte-order mark
    decoded = decode(encode(text, encoding))
    assert decoded.text == text and decoded.encoding == encoding


# --- segmenter -----------------------------------------------------------------------------


@FAST
@given(st.text(max_size=300), st.sampled_from(["doc.txt", "doc.md"]))
def test_segments_point_at_existing_lines(text, name):
    lines = split_lines(text)
    segments = segment(name, lines)
    for i, seg in enumerate(segments):
        assert seg.index == i
        assert 1 <= seg.line <= seg.end_line <= len(lines)
        assert seg.text.strip() == seg.text and seg.text
    assert [s.line for s in segments] == sorted(s.line for s in segments)


# --- aligner ---------------------------------------------------------------------------------


@FAST
@given(groups())
def test_aligner_keeps_every_segment_once_and_in_order(files):
    documents = []
    for name, (text, _) in files.items():
        lines = split_lines(text)
        segs = segment(name, lines)
        language = name.split(".")[0]
        documents.append(Document(name, language, "g", text, len(lines), segs))
    rows = align(documents, None)
    for doc in documents:
        seen = [i for row in rows for i in row.cells.get(doc.language, ())]
        assert seen == list(range(len(doc.segments)))
    assert all(any(row.cells.values()) for row in rows)


# --- whole pipeline and every format ----------------------------------------------------------


@SLOW
@given(groups())
def test_pipeline_and_every_format(files):
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        _write(directory, files)
        first = run([tmp], Settings(), RULES)
        second = run([tmp], Settings(), RULES)
        _assert_findings_point_at_lines(first)
        for fmt in Format:
            out = render(first, fmt)
            assert isinstance(out, str)
            assert render(second, fmt) == out, fmt


@SLOW
@given(groups(), st.booleans())
def test_fix_then_check_finds_no_repeats(files, quotes):
    from transcheck.fix import fix_paths, write

    with tempfile.TemporaryDirectory() as tmp:
        _write(Path(tmp), files)
        plans, _ = fix_paths([tmp], Settings(), quotes=quotes)
        for plan in plans:
            if plan.changed:
                write(plan)
        report = run([tmp], Settings(), (BY_CODE["TC101"],))
        assert not [f for f in report.findings if f.code == "TC101"]
        again, _ = fix_paths([tmp], Settings(), quotes=quotes)
        assert not any(p.changed for p in again)  # a second run changes nothing
