"""Property tests: whatever the input, transcheck does not crash, points at real lines,
says the same thing twice, and ``fix`` leaves nothing for TC101 to report."""

from __future__ import annotations

import json
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from transcheck.align.aligner import align
from transcheck.model import Document
from transcheck.runner import run
from transcheck.read.decode import DecodeError, decode, encode, split_lines
from tests.conftest import render
from transcheck.report import Format
from transcheck.rules.registry import BY_CODE, RULES
from transcheck.formats import segment
from transcheck.settings import Settings

# No deadline: the first example pays for lazy imports (langdetect, sacrebleu), which
# would make a per-example deadline flaky; the example counts keep the suite fast.
pytestmark = pytest.mark.slow  # property searches: run by CI, not by default

# TRANSCHECK_FUZZ=10 runs ten times as many examples, for a longer search by hand.
_SCALE = int(os.environ.get("TRANSCHECK_FUZZ", "1"))
FAST = settings(max_examples=100 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HOSTILE = settings(max_examples=25 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

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


def _documents(files) -> list[Document]:
    documents = []
    for name, (text, _) in files.items():
        lines = split_lines(text)
        language = name.split(".")[0]
        documents.append(Document(name, language, "g", text, len(lines), segment(name, lines)))
    return documents


@FAST
@given(groups())
def test_aligner_keeps_every_segment_once(files):
    # Not necessarily in order: a block a translation moved is put in its own row.
    documents = _documents(files)
    rows = align(documents, None)
    for doc in documents:
        seen = [i for row in rows for i in row.cells.get(doc.language, ())]
        assert sorted(seen) == list(range(len(doc.segments)))
    assert all(any(row.cells.values()) for row in rows)


@FAST
@given(groups())
def test_a_document_and_its_copy_align_in_order(files):
    """Nothing moved, nothing to move: each segment in the row of its copy."""
    name, (text, encoding) = sorted(files.items())[0]
    suffix = name.split(".", 1)[1]
    documents = _documents({f"xa.{suffix}": (text, encoding), f"xb.{suffix}": (text, encoding)})
    rows = align(documents, None)
    assert [row.cells.get("xa", ()) for row in rows] == [row.cells.get("xb", ()) for row in rows]
    assert [i for row in rows for i in row.cells.get("xa", ())] == list(range(len(documents[0].segments)))


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


def test_a_missing_run_points_at_a_moved_cell_in_its_documents_order(tmp_path):
    # Found by the test above: the run's cells in Swedish stand in the other order (its
    # image line moved to the end), and the span named them last line first.
    _write(tmp_path, {
        "it.txt": ("cx-cs-part-of-whole-blog.png\nL'esperienza del cliente è l'intero percorso con il tuo "
                   "marchio.\nGuru SaaS CX CS 3\n", "utf-8"),
        "ru.txt": ("iÜQ×ß\x93\xa0", "utf-8"),
        "sv.txt": ("Kundupplevelse är hela kundens resa med ditt varumärke.\nGuru SaaS CX CS 3\n"
                   "cx-cs-part-of-whole-blog.png", "utf-8"),
    })
    report = run([str(tmp_path)], Settings(), RULES)
    assert any(f.code == "TC301" and f.related for f in report.findings)
    _assert_findings_point_at_lines(report)


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


# --- hostile names and text through every format ------------------------------------------

NAME_PIECES = st.sampled_from(
    [b"\n", b"\r", b"\t", b"\x01", b"\x7f", b"|", b"<img src=https:evil.example>", b"<", b">", b"&amp;",
     b"`", b"``", b"\x1b[31m", b"\x1b]0;t\x07", b"::error::x", b"::add-mask::s", b"##[error]", b"%0A",
     b"\xff", b"\xc3", b"\xe2\x80\xae", b"@user", b"#1", b"r#2", b"%", b",", b":", b" ", b"a", b"*", b"$",
     b"www.x.y", b"\\"]
)
HOSTILE_LINES = st.sampled_from(
    ["\x1b[31mred\x1b[0m text", "\x1b]0;title\x07 text", "::error::injected", "::add-mask::secret",
     "see @octocat and owner/repo#1 and #2", "https://evil.example/px.png and www.evil.example",
     "<img src=https://evil.example/px.png>", "`` ` `` code", "| a | b |", "##[add-mask]x", "\u202eabc\u2066",
     "100% done, 50%0A", "line\u2028break", "\x85next \x9b1m"]
)
GITHUB_LINE = re.compile(r"^::(error|warning|notice)( [A-Za-z]+=[^,:\r\n]*(,[A-Za-z]+=[^,:\r\n]*)*)?::[^\r\n]*$")
TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
MARKDOWN_TAGS = {"h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "ul", "li", "strong",
                 "details", "summary", "sub", "blockquote"}


@st.composite
def hostile_names(draw):
    pieces = draw(st.lists(st.one_of(NAME_PIECES, st.binary(min_size=1, max_size=3)), min_size=1, max_size=5))
    name = b"".join(pieces).replace(b"/", b"_").replace(b"\0", b"_")[:120]
    return b"_" + name if name in (b".", b"..") else name


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.outside_code: list[str] = []
        self._code = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._code += tag == "code"

    def handle_endtag(self, tag):
        self._code -= tag == "code"

    def handle_data(self, data):
        if not self._code:
            self.outside_code.append(data)


def _tree_state(path: Path) -> list:
    return sorted((str(p), p.stat().st_mtime_ns, p.read_bytes()) for p in path.rglob("*") if p.is_file())


def _assert_every_format_holds(report) -> None:
    from xml.etree import ElementTree as ET

    from jsonschema import Draft4Validator
    from markdown_it import MarkdownIt

    for fmt in Format:
        out = render(report, fmt)
        out.encode("utf-8")  # no lone surrogate: every format can be written
        if fmt is Format.TEXT:
            assert not TERMINAL_UNSAFE.search(out), out
        if fmt in (Format.TEXT, Format.GITHUB):
            assert "##[" not in out and "##vso[" not in out.lower()
    json.loads(render(report, Format.JSON))
    Draft4Validator(SARIF_SCHEMA).validate(json.loads(render(report, Format.SARIF)))
    ET.fromstring(render(report, Format.JUNIT).encode("utf-8"))
    for line in render(report, Format.TEXT).splitlines():
        assert not line.lstrip().startswith("::"), line
    github = render(report, Format.GITHUB)
    assert "\r" not in github and not TERMINAL_UNSAFE.search(github.replace("\n", ""))
    lines = github.splitlines()
    assert lines[-1].startswith("transcheck: ")
    assert all(GITHUB_LINE.match(line) for line in lines[:-1]), lines
    markdown = render(report, Format.MARKDOWN)
    assert not TERMINAL_UNSAFE.search(markdown)
    tags = _Tags()
    tags.feed(MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(markdown))
    assert set(tags.tags) <= MARKDOWN_TAGS, tags.tags
    assert not re.search(r"@\w|#\d|https?:|www\.", " ".join(tags.outside_code))
    for row in (line for line in markdown.splitlines() if re.match(r"\| \S+ (error|warning|info) \| `", line)):
        assert len(re.findall(r"(?<!\\)\|", row)) == 5, row
    from tests.test_report_html import Page

    # The pages in place of the elements that carry them: nothing but transcheck's own
    # three scripts (index, signature, code), and no image.
    tags = [tag for tag, _ in Page(render(report, Format.HTML)).elements]
    assert "img" not in tags and tags.count("script") == 3


@HOSTILE
@given(groups(), hostile_names(), st.lists(HOSTILE_LINES, max_size=3), st.booleans())
def test_hostile_names_and_text_through_every_format(files, name, extra, dangling):
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = Path(tmp) / "root", Path(tmp) / "outside"
        outside.mkdir()
        (outside / "secret.txt").write_text("not to be read or changed\n")
        group = os.path.join(os.fsencode(root), name)
        os.makedirs(group)
        for i, (doc, (text, encoding)) in enumerate(sorted(files.items())):
            if i == 0 and extra:
                text = text + "\n" + "\n".join(extra) + "\n"
            with open(os.path.join(group, os.fsencode(doc)), "wb") as fh:
                fh.write(encode(text, encoding))
        if dangling:
            os.symlink(b"/nonexistent/" + name, os.path.join(os.fsencode(root), name + b".de.txt"))
        before, cwd = _tree_state(outside), sorted(os.listdir("."))
        report = run([str(root)], Settings(), RULES, jobs=1)
        event(f"documents: {bool(report.documents)}, findings: {bool(report.findings)}, problems: {bool(report.problems)}")
        _assert_every_format_holds(report)
        assert _tree_state(outside) == before and sorted(os.listdir(".")) == cwd
