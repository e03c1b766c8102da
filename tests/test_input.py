"""Bad input: every way a translation file can be odd or broken is read right, or
reported in one line naming the file, while the intact files are still checked."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.cli import transcheck
from tests.conftest import ROOT
from transcheck.model import InputProblem
from transcheck.read.file import read_document
from transcheck.runner import run
from transcheck.read.decode import DecodeError, decode, split_lines
from transcheck.read.discover import FileSpec, discover
from transcheck.rules.registry import BY_CODE, RULES
from transcheck.settings import Settings

SV = [
    "Kundupplevelse är hela kundens resa med ditt varumärke, från första annons till köp.",
    "Kundsupport är den del av upplevelsen där kunden ber om hjälp och får den.",
    "Ta en tur",
]
IT = [
    "L'esperienza del cliente è l'intero percorso del cliente con il tuo marchio, dal primo annuncio all'acquisto.",
    "Il supporto clienti è la parte dell'esperienza in cui il cliente chiede aiuto e lo riceve.",
    "Fai un tour",
]


def _doc(path: Path, language: str = "sv"):
    return read_document(FileSpec(str(path), language, str(path.parent)), Settings())


def _lines_of(report, code: str) -> list[tuple[str, int, int]]:
    return [(Path(f.path).name, f.line, f.end_line) for f in report.findings if f.code == code]


# --- encodings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        ("Hej\nvärlden\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Hej\nvärlden\n".encode(), "utf-8-sig"),
        ("Hej\nvärlden\n".encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Hej\nvärlden\n".encode("utf-16-be"), "utf-16"),
        ("Hej\nvärlden\n".encode("utf-32"), "utf-32"),
    ],
)
def test_encodings_decode_exactly(encoded, encoding):
    decoded = decode(encoded)
    assert decoded.text == "Hej\nvärlden\n"  # no BOM left in the text
    assert decoded.encoding == encoding


def test_utf16_file_is_checked_with_right_line_numbers(tmp_path):
    body = "\n".join([SV[0], "", SV[1], "", SV[0], "", SV[1]]) + "\n"
    (tmp_path / "sv.txt").write_bytes(body.encode("utf-16"))
    (tmp_path / "it.txt").write_text("\n".join([IT[0], "", IT[1]]) + "\n", encoding="utf-8")
    report = run([str(tmp_path)], Settings(), (BY_CODE["TC101"],))
    assert not report.problems
    assert _lines_of(report, "TC101") == [("sv.txt", 5, 7)]


def test_other_encodings_are_a_problem_naming_offset_and_line(tmp_path):
    (tmp_path / "sv.txt").write_bytes("Hej\nvärlden\n".encode("latin-1"))
    (tmp_path / "it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    report = run([str(tmp_path)], Settings(), RULES)
    [problem] = report.problems
    assert problem.path.endswith("sv.txt")
    assert "not valid UTF-8: byte 0xe4 at byte offset 5 (line 2)" in problem.message
    assert [d.language for d in report.documents] == ["it"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at offset 8)"),
        ("Hej världen, hur mår du?".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "invalid UTF-16 at byte offset 4"),
    ],
)
def test_undecodable_bytes(data, message):
    with pytest.raises(DecodeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


# --- newlines and sizes ------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "mixed"])
def test_newline_styles_keep_line_numbers(tmp_path, newline):
    lines = [SV[0], "", SV[1], "", SV[0], "", SV[1]]
    if newline == "mixed":
        body = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lines))
    else:
        body = newline.join(lines) + newline
    (tmp_path / "sv.txt").write_bytes(body.encode())
    (tmp_path / "it.txt").write_text(f"{IT[0]}\n\n{IT[1]}\n", encoding="utf-8")
    report = run([str(tmp_path)], Settings(), (BY_CODE["TC101"],))
    assert _lines_of(report, "TC101") == [("sv.txt", 5, 7)]
    [sv] = [d for d in report.documents if d.language == "sv"]
    assert sv.line_count == 7
    assert [s.line for s in sv.segments] == [1, 3, 5, 7]


def test_split_lines_counts_like_an_editor():
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\n") == ["a"]
    assert split_lines("a\n\n") == ["a", ""]
    # form feed and U+2028 are not line ends for editors and diffs
    assert split_lines("a\fb\u2028c") == ["a\fb\u2028c"]


def test_no_trailing_newline(tmp_path):
    path = tmp_path / "sv.txt"
    path.write_text(f"{SV[0]}\n\n{SV[1]}", encoding="utf-8")
    doc = _doc(path)
    assert doc.line_count == 3
    assert [(s.line, s.text) for s in doc.segments] == [(1, SV[0]), (3, SV[1])]


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\r\n\r\n", codecs.BOM_UTF8])
def test_empty_and_whitespace_only_files_are_reported(tmp_path, content):
    path = tmp_path / "sv.txt"
    path.write_bytes(content)
    problem = _doc(path)
    assert isinstance(problem, InputProblem) and "empty file" in problem.message


def test_a_page_of_front_matter_only_is_skipped_as_info_not_an_error(tmp_path):
    # A site's splash or 404 page: its front matter is its content, and no input error.
    path = tmp_path / "sv.md"
    path.write_text("---\ntitle: '404'\ntemplate: splash\nhero:\n  tagline: Sidan finns inte.\n---\n",
                    encoding="utf-8")
    problem = _doc(path)
    assert isinstance(problem, InputProblem)
    assert (problem.severity, problem.message) == ("info", "no text to check (markup only); skipped")


def test_a_page_whose_every_translation_is_front_matter_only_is_checked_without_error(tmp_path):
    from tests.cli import transcheck

    for folder in ("docs", "docs/fr"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "404.md").write_text("---\ntitle: '404'\ntemplate: splash\n---\n", encoding="utf-8")
    result = transcheck("check", "--source", "en", "--layout", "docs/**/*=docs/{lang}/**/*", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.slow
def test_one_five_megabyte_line(tmp_path):
    words = "Kundupplevelse är hela kundens resa med ditt varumärke. "
    line = (words * (5_000_000 // len(words.encode()) + 1)).strip()
    assert len(line.encode()) > 5_000_000
    (tmp_path / "sv.txt").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    # Read, segment, identify, align and the structural rules; the rules' own speed on
    # huge segments is measured in bench/.
    rules = tuple(BY_CODE[c] for c in ("TC101", "TC201", "TC202", "TC301", "TC302", "TC701"))
    report = run([str(tmp_path)], Settings(), rules)
    assert not report.problems
    [sv] = [d for d in report.documents if d.language == "sv"]
    assert len(sv.segments) == 1 and sv.segments[0].end_line == 1
    assert all(f.line == 1 for f in report.findings if f.path.endswith("sv.txt"))


# --- paths -------------------------------------------------------------------------


def test_unreadable_file(tmp_path):
    path = tmp_path / "sv.txt"
    path.write_text(SV[0], encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read a mode-000 file (root)")
        problem = _doc(path)
        assert isinstance(problem, InputProblem)
        assert problem.message.startswith("cannot read: Permission denied")
    finally:
        path.chmod(0o644)


def test_directory_named_like_a_file(tmp_path):
    (tmp_path / "sv.txt").mkdir()
    (tmp_path / "sv.txt" / "guide.it.md").write_text(f"# {IT[2]}\n\n{IT[0]}\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert not found.problems
    assert sorted(f.path.removeprefix(str(tmp_path)) for g in found.groups for f in g.files) == [
        "/it.txt",
        "/sv.txt/guide.it.md",
    ]


def test_fifo_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "sv.txt")
    (tmp_path / "it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    found = discover([str(tmp_path)])  # would hang if the FIFO were opened
    assert [(Path(p.path).name, p.message) for p in found.problems] == [
        ("sv.txt", "not a regular file; skipped")
    ]
    assert discover([str(tmp_path / "sv.txt")]).problems[0].message == "not a regular file"


def test_symbolic_link_loops(tmp_path):
    (tmp_path / "it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    os.symlink("sv.txt", tmp_path / "sv.txt")  # a link to itself
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")  # a directory loop
    found = discover([str(tmp_path)])
    problems = {Path(p.path).name: (p.severity, p.message) for p in found.problems}
    assert problems == {
        "sv.txt": ("error", "symbolic link loop, not followed"),
        "up": ("warning", "symbolic link loop, not followed"),
    }
    assert [f.language for g in found.groups for f in g.files] == ["it"]
    explicit = discover([str(tmp_path / "sv.txt")])
    assert explicit.problems[0].message == "symbolic link loop, not followed"


def test_names_with_spaces_and_non_ascii(tmp_path):
    folder = tmp_path / "Привет мир"
    folder.mkdir()
    (folder / "kund resa.sv.txt").write_text(f"{SV[0]}\n\n{SV[1]}\n\n{SV[0]}\n\n{SV[1]}\n", encoding="utf-8")
    (folder / "kund resa.it.txt").write_text(f"{IT[0]}\n\n{IT[1]}\n", encoding="utf-8")
    result = transcheck("check", str(folder), "--select", "TC101", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert f"{folder}/kund resa.sv.txt" in result.stdout


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_file_name_that_is_not_utf8(tmp_path):
    (tmp_path / "it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"gu\xefde.sv.txt"), "w") as fh:
        fh.write(SV[0])
    result = transcheck("check", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("gu\\xefde.sv.txt: file name is not valid UTF-8; skipped")


def test_two_files_for_one_language_in_a_group(tmp_path):
    (tmp_path / "sv").mkdir()
    (tmp_path / "guide.sv.txt").write_text(SV[0] + "\n", encoding="utf-8")
    (tmp_path / "sv" / "guide.txt").write_text(SV[1] + "\n", encoding="utf-8")
    (tmp_path / "guide.it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    found = discover([str(tmp_path)])
    [problem] = found.problems
    assert problem.severity == "error"
    assert "second file for language 'sv'" in problem.message
    assert [[f.language for f in g.files] for g in found.groups] == [["it", "sv"]]


def test_single_language_group_is_a_note_not_a_crash(tmp_path):
    (tmp_path / "sv.txt").write_text(f"{SV[0]}\n\n{SV[1]}\n", encoding="utf-8")
    result = transcheck("check", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "note:" in result.stdout and "only one language (sv)" in result.stdout


def test_documents_in_one_language_are_one_note_not_one_each(tmp_path):
    # A pull request that adds pages to the source: one line for them all.
    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.sv.txt").write_text(f"{SV[0]}\n\n{SV[1]}\n", encoding="utf-8")
    result = transcheck("check", str(tmp_path), "--format", "github")
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stdout.splitlines() if line.startswith("::notice")]
    assert len(notices) == 1
    assert "4 documents in only one language (sv): " in notices[0] and "and 1 more" in notices[0]


def test_unknown_language_code(tmp_path):
    # One rule for every file whose language cannot be told: skipped with a warning
    # inside a walked directory, an error when named on the command line.
    (tmp_path / "qq.md").write_text("# Rubrik\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(IT[0] + "\n", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert [(Path(p.path).name, p.severity) for p in found.problems] == [("qq.md", "warning")]
    assert "unknown language code 'qq'" in found.problems[0].message
    explicit = discover([str(tmp_path / "qq.md"), str(tmp_path / "it.txt")])
    assert [(Path(p.path).name, p.severity) for p in explicit.problems] == [("qq.md", "error")]


# --- Unicode normalisation -----------------------------------------------------------


def test_nfc_and_nfd_are_the_same_text(tmp_path):
    from transcheck.text import chrf, normalise

    nfc = unicodedata.normalize("NFC", SV[0])
    nfd = unicodedata.normalize("NFD", SV[0])
    assert nfc != nfd
    assert normalise(nfc) == normalise(nfd) and chrf(nfc, nfd) == 100.0
    # a copy that differs only in normalisation form is still a repeated block
    (tmp_path / "sv.txt").write_text(f"{nfc}\n\n{SV[1]}\n\n{nfd}\n\n{SV[1]}\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(f"{IT[0]}\n\n{IT[1]}\n", encoding="utf-8")
    report = run([str(tmp_path)], Settings(), (BY_CODE["TC101"],))
    assert _lines_of(report, "TC101") == [("sv.txt", 5, 7)]


def test_untranslated_compares_normalised_text(tmp_path):
    english = "Know Your Terminology: Customer Support versus Customer Experience"
    (tmp_path / "sv.txt").write_text(f"{unicodedata.normalize('NFD', english + ' – Café')}\n\n{SV[0]}\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(f"{english} – Café\n\n{IT[0]}\n", encoding="utf-8")
    report = run([str(tmp_path)], Settings(), (BY_CODE["TC202"],))
    assert sorted(_lines_of(report, "TC202")) == [("it.txt", 1, 1), ("sv.txt", 1, 1)]


# --- exit codes, messages, --strict, --debug -----------------------------------------


def _broken_directory(directory: Path) -> list[str]:
    """Intact sv/it files (the sv one with a repeated block) among broken ones."""
    (directory / "sv.txt").write_text(f"{SV[0]}\n\n{SV[1]}\n\n{SV[0]}\n\n{SV[1]}\n", encoding="utf-8")
    (directory / "it.txt").write_text(f"{IT[0]}\n\n{IT[1]}\n", encoding="utf-8")
    (directory / "de.txt").write_bytes("Grüße aus Köln\n".encode("latin-1"))
    (directory / "fr.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (directory / "es.txt").write_bytes(b"")
    (directory / "pt.txt").write_bytes("Olá, mundo".encode("utf-16-le"))
    os.symlink("nl.txt", directory / "nl.txt")
    return ["de.txt", "es.txt", "fr.txt", "nl.txt", "pt.txt"]


def test_directory_of_broken_files_runs_to_completion(tmp_path):
    broken = _broken_directory(tmp_path)
    result = transcheck("check", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = sorted(result.stderr.strip().splitlines())
    assert len(lines) == len(broken), result.stderr
    for name, line in zip(broken, lines):
        assert line.startswith(f"transcheck: {tmp_path / name}: "), line
    # the intact files were checked, and their finding is in the report
    lines = result.stdout.splitlines()
    at = lines.index(f"  {tmp_path / 'sv.txt'}  Swedish (sv)")
    assert lines[at + 1].split()[:4] == ["5-7", "error", "TC101", "duplicate-block"]
    assert "2 documents" in result.stdout
    # An unreadable file is not a missing translation: it is reported, not counted.
    assert "missing" not in result.stdout


def test_strict_turns_skipped_files_into_errors(tmp_path):
    (tmp_path / "sv.txt").write_text(f"{SV[0]}\n\n{SV[1]}\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(f"{IT[0]}\n\n{IT[1]}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Remember the glossary.\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    relaxed = transcheck("check", str(tmp_path), "--select", "TC101")
    assert relaxed.returncode == 0
    assert relaxed.stderr.strip().splitlines() == [
        f"transcheck: warning: {tmp_path / 'notes.txt'}: no language in the file name "
        "(expected LANG.EXT, NAME.LANG.EXT or LANG/NAME.EXT); skipped"
    ]
    strict = transcheck("check", str(tmp_path), "--select", "TC101", "--strict")
    assert strict.returncode == 2
    assert [line.split(": ")[1] for line in strict.stderr.strip().splitlines()] == [
        str(tmp_path / "logo.png"),
        str(tmp_path / "notes.txt"),
    ]


def test_directory_without_translations_is_an_error(tmp_path):
    (tmp_path / "README.md").write_text("# Read me\n", encoding="utf-8")
    result = transcheck("check", str(tmp_path))
    assert result.returncode == 2
    assert "no translation files in this directory" in result.stderr


_CRASH = (
    "import sys, transcheck.runner as p\n"
    "def boom(*a, **k):\n    raise RuntimeError('the aligner fell over')\n"
    "p.execute = boom\n"
    "sys.argv = ['transcheck', *sys.argv[1:]]\n"
    "from transcheck.cli import main\nmain()\n"
)


def test_unexpected_error_is_one_line_unless_debug():
    plain = subprocess.run(
        [sys.executable, "-c", _CRASH, "check", "corpus/"],
        capture_output=True, text=True, cwd=ROOT, encoding="utf-8",
    )
    assert plain.returncode == 2
    assert plain.stderr == (
        "transcheck: internal error: RuntimeError: the aligner fell over; rerun with --debug\n"
    )
    debug = subprocess.run(
        [sys.executable, "-c", _CRASH, "check", "corpus/", "--debug"],
        capture_output=True, text=True, cwd=ROOT, encoding="utf-8",
    )
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "the aligner fell over" in debug.stderr


# --- limits ----------------------------------------------------------------------------


def test_max_file_size(tmp_path):
    (tmp_path / "sv.txt").write_text(f"{SV[0]}\n\n{SV[1]}\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(f"{IT[0]}\n", encoding="utf-8")
    size = (tmp_path / "sv.txt").stat().st_size
    result = transcheck("check", str(tmp_path), "--max-file-size", str(size - 1))
    assert result.returncode == 2
    assert result.stderr == (
        f"transcheck: {tmp_path / 'sv.txt'}: file too large ({size} bytes; limit {size - 1}, "
        "see --max-file-size); skipped\n"
    )
    assert "1 document" in result.stdout
    assert transcheck("check", str(tmp_path), "--max-file-size", "1k").returncode == 0


def test_max_segments(tmp_path):
    (tmp_path / "sv.txt").write_text("\n".join(SV) + "\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text("\n".join(IT[:2]) + "\n", encoding="utf-8")
    result = transcheck("check", str(tmp_path), "--max-segments", "2", "--select", "TC101")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"transcheck: {tmp_path / 'sv.txt'}: too many segments (3; limit 2, see --max-segments); skipped"
    )


@pytest.mark.parametrize(
    "args", [("--max-file-size", "lots"), ("--max-file-size", "0"), ("--max-segments", "0")]
)
def test_bad_limits_are_usage_errors(args):
    result = transcheck("check", "corpus/", *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_failing_rule_costs_only_its_own_findings(tmp_path, monkeypatch):
    from transcheck.rules.base import Rule

    def broken(view, options):
        raise ValueError("cannot handle this text")

    bad = Rule(code="TC999", name="broken", category=RULES[0].category,
               severity=RULES[0].severity, check=broken, doc="Broken.")
    (tmp_path / "sv.txt").write_text(f"{SV[0]}\n\n{SV[1]}\n\n{SV[0]}\n\n{SV[1]}\n", encoding="utf-8")
    (tmp_path / "it.txt").write_text(f"{IT[0]}\n\n{IT[1]}\n", encoding="utf-8")
    monkeypatch.delenv("TRANSCHECK_DEBUG", raising=False)
    report = run([str(tmp_path)], Settings(), (bad, BY_CODE["TC101"]))
    assert _lines_of(report, "TC101") == [("sv.txt", 5, 7)]
    [problem] = report.problems
    assert problem.severity == "error"
    assert problem.message.startswith("internal error in TC999 broken: ValueError: cannot handle this text")
    monkeypatch.setenv("TRANSCHECK_DEBUG", "1")
    with pytest.raises(ValueError):
        run([str(tmp_path)], Settings(), (bad,))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--bogus", "corpus/"), "No such option: --bogus"),
        (("fix",), "Missing argument 'paths'"),  # check without PATH checks the current directory
        (("check", "corpus/", "--jobs", "many"), "Invalid value for '--jobs'"),
        (("fix", "corpus/", "--max-segments", "x"), "Invalid value for '--max-segments'"),
        (("translate", "corpus/"), "No such command 'translate'"),
    ],
)
def test_command_line_mistakes_are_one_line(args, message):
    result = transcheck(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("transcheck: ") and message in line and "--help" in line


def test_templated_text_costs_bounded_work(monkeypatch):
    """Hundreds of lines that differ by one number: chrF runs a bounded number of times
    per line (not once per pair), and exact repeats keep a bounded list of originals."""
    from transcheck.rules import _repeats

    calls = []
    real = _repeats.chrf_at_least
    monkeypatch.setattr(_repeats, "chrf_at_least",
                        lambda a, b, t: calls.append(1) or real(a, b, t))
    n = 300
    templated = [_repeats.normalise(f"{SV[0]} Avsnitt {i}.") for i in range(n)]
    _repeats.matches(templated, 90.0)
    assert len(calls) <= 2 * _repeats._MAX_CANDIDATES * n  # each way, per candidate
    same = _repeats.matches([templated[0]] * n, 90.0)
    assert max(len(v) for v in same.values()) <= 2 * _repeats._MAX_CANDIDATES
    assert same[n - 1] >= {0, n - 2}  # the first and the latest copies are kept


def test_an_older_code_beside_the_languages_own_is_skipped_with_a_warning(tmp_path):
    # mo (Moldovan) is an older code for Romanian: ro.yml, whatever the order, is read,
    # and the run is not failed for a repository that keeps both.
    (tmp_path / "loc").mkdir()
    for code, text in (("en", "Hello there, friend"), ("mo", "Салут, приетене"), ("ro", "Salut, prietene")):
        (tmp_path / "loc" / f"{code}.yml").write_text(f'{code}:\n  hello: "{text}"\n', encoding="utf-8")
    from transcheck.read.layout import parse_layouts

    found = discover([str(tmp_path)], layouts=parse_layouts(["loc/{lang}.yml"], str(tmp_path), "--layout"))
    [problem] = found.problems
    assert (problem.severity, problem.path.endswith("mo.yml")) == ("warning", True)
    assert [f.path.endswith("ro.yml") for g in found.groups for f in g.files if f.language == "ro"] == [True]


def test_a_folder_named_like_a_language_code_alone_beside_its_siblings_holds_no_translation(tmp_path):
    # topics/os/ holds the operating-system exercises (os is Ossetic's code): no other
    # language beside it and no file of another language translating its pages.
    for path, text in (("docs/en/guide.md", "Read the guide before you start."),
                       ("docs/de/guide.md", "Lies die Anleitung, bevor du beginnst."),
                       ("topics/os/fork.md", "What happens when a process calls fork?"),
                       ("topics/network/tcp.md", "What is the difference between TCP and UDP?")):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text + "\n", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert sorted(f.language for g in found.groups for f in g.files) == ["de", "en"]
    [problem] = [p for p in found.problems if p.path.endswith("os")]
    assert problem.severity == "warning" and "no other language beside it" in problem.message


def test_a_two_way_code_in_a_file_name_is_told_without_a_layout_too(tmp_path):
    # kr is Kanuri in ISO 639 and Korea in ISO 3166: Korean text under it is told, as a
    # layout's discovery tells it; Kanuri text is not.
    (tmp_path / "README.md").write_text("# Guide\n\nRead the guide before you start.\n", encoding="utf-8")
    (tmp_path / "README.de.md").write_text("# Anleitung\n\nLies die Anleitung zuerst.\n", encoding="utf-8")
    (tmp_path / "README.kr.md").write_text(
        "# 가이드\n\n테스트를 시작하기 전에 가이드를 읽고 실행하세요. 이 문서는 설치 방법과 설정 파일의 "
        "위치를 설명합니다. 모든 규칙은 설정에서 하나씩 끌 수 있습니다.\n", encoding="utf-8")
    found = discover([str(tmp_path)], source="en")
    [problem] = [p for p in found.problems if "Kanuri" in p.message]
    assert problem.severity == "warning" and 'kr = "ko-KR"' in problem.message


def test_a_broken_link_that_names_no_language_is_skipped(tmp_path):
    # A CHANGELOG.md linked into a folder not checked out is no page of the check.
    (tmp_path / "README.md").write_text("# Title\n\nThe first paragraph of the page.\n", encoding="utf-8")
    (tmp_path / "README.fr.md").write_text("# Titre\n\nLe premier paragraphe de la page.\n", encoding="utf-8")
    os.symlink("CHANGELOG/CHANGELOG.md", tmp_path / "CHANGELOG.md")
    result = transcheck("check", str(tmp_path), "--source", "en")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"transcheck: warning: {tmp_path / 'CHANGELOG.md'}: broken symbolic link; skipped"


def test_one_warning_said_of_many_files_is_one_line(tmp_path):
    for i in range(6):
        (tmp_path / f"p{i}.sv.txt").write_text(SV[0] + "\n", encoding="utf-8")
        (tmp_path / f"p{i}.cn.txt").write_text("这是文档的一页。\n", encoding="utf-8")
    result = transcheck("check", str(tmp_path), "--select", "TC101")
    lines = [line for line in result.stderr.splitlines() if "'cn'" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"transcheck: warning: {tmp_path / 'p0.cn.txt'}: unknown language code 'cn'")
    assert lines[0].endswith(f"(and 5 more files alike: {tmp_path / 'p1.cn.txt'}, {tmp_path / 'p2.cn.txt'}, …)")
