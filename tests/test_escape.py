"""Hostile names and text through every output, and hostile glossaries.

A pull request controls file names, document text and the glossary. Whatever they
hold, each output stays valid in its own format, nothing in it acts as a command (a
terminal escape sequence, a GitHub workflow command, Markdown that renders an image,
a link or a mention), and a bad glossary is one input problem while the rest is
checked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.cli import transcheck
from transcheck.runner import run
from tests.conftest import render
from transcheck.report import Format
from transcheck.report.escape import markdown_code, markdown_text, terminal
from transcheck.rules.registry import BY_CODE, RULES
from transcheck.settings import Settings
from transcheck.terms import GlossaryError, load

FIXTURE = Path(__file__).parent / "data" / "fixture"
# One directory name with every family at once: workflow commands after newlines, a
# Markdown cell separator, an HTML image, backticks, a mention and a reference.
HOSTILE_DIR = "x\n::error file=a::pwned\n::add-mask::s3cret|<img src=https:evil.example>`@octo #1"
ESCAPES = "\x1b[31m\x1b]0;owned\x07 see https://evil.example/a @octocat owner/repo#1 #2 \u202e"
GITHUB_LINE = re.compile(r"^::(error|warning|notice)( [A-Za-z]+=[^,:\r\n]*(,[A-Za-z]+=[^,:\r\n]*)*)?::[^\r\n]*$")
CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _hostile_tree(tmp_path: Path) -> Path:
    """The fixture in a hostile directory, its English line 5 carrying escape sequences,
    links and mentions (fr lacks that line: TC301 quotes it)."""
    group = tmp_path / "tree" / HOSTILE_DIR
    shutil.copytree(FIXTURE, group)
    en = (group / "en.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    en[4] = en[4].replace("Invoices are kept", f"Invoices {ESCAPES} are kept")
    (group / "en.txt").write_text("".join(en), encoding="utf-8")
    return tmp_path / "tree"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    tree = _hostile_tree(tmp)
    # A dangling symlink and a file whose names are not UTF-8: input problems.
    os.symlink(b"/nonexistent/\xfe", os.fsencode(tree) + b"/dangling\xff.de.txt")
    (Path(os.fsencode(tree).decode("utf-8")) / "bad").mkdir()
    with open(os.fsencode(tree) + b"/bad/\xff.fr.txt", "wb") as fh:
        fh.write(b"Bonjour.\n")
    report = run([str(tree)], Settings(), (BY_CODE["TC301"], BY_CODE["TC302"], BY_CODE["TC101"]), jobs=1)
    assert report.findings and report.problems
    assert any(HOSTILE_DIR in f.path for f in report.findings)
    return report


def test_undecodable_names_never_crash_a_format_and_show_as_bytes(hostile):
    for fmt in Format:
        out = render(hostile, fmt)
        out.encode("utf-8")  # a lone surrogate would raise here, as writing did
        # (text shows problems on standard error only; SARIF has the name as a URI)
        assert "\\xff" in out or fmt is Format.TEXT or re.search("%FF|%5Cxff", out), fmt
    json.loads(render(hostile, Format.JSON))
    json.loads(render(hostile, Format.SARIF))
    ET.fromstring(render(hostile, Format.JUNIT).encode("utf-8"))


def test_sarif_uris_keep_the_bytes_of_a_name():
    from transcheck.report.sarif import uri

    assert uri(os.fsdecode(b"docs/\xff.de.txt")) == "docs/%FF.de.txt"


def test_output_file_is_complete_for_undecodable_names(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    os.symlink(b"/nonexistent", os.fsencode(tree) + b"/\xff.it.txt")
    for fmt in ("json", "sarif", "github", "markdown", "html"):
        out = tmp_path / f"out.{fmt}"
        result = transcheck(
            "check", str(tree), "--select", "TC301", "--format", fmt, "--output", str(out), errors="replace",
        )
        assert result.returncode in (1, 2), result.stderr
        assert "internal error" not in result.stderr
        assert re.search(r"\\xff|%FF|%5Cxff", out.read_text(encoding="utf-8")), fmt


def test_text_report_has_no_control_characters_and_no_workflow_command(hostile):
    out = render(hostile, Format.TEXT)
    assert not CONTROLS.search(out)
    assert "\\n::error file=a::pwned\\n" in out  # the newline in the name, visibly
    assert "\\x1b[31m" in out  # the escape sequence, visibly
    for line in out.splitlines():
        assert not line.lstrip().startswith("::"), line


def test_github_lines_follow_the_workflow_command_grammar(hostile):
    out = render(hostile, Format.GITHUB)
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    lines = out.splitlines()
    assert lines[-1].startswith("transcheck: ")
    for line in lines[:-1]:
        assert GITHUB_LINE.match(line), line
    assert not any(line.startswith("::add-mask::") for line in lines)


def test_stderr_lines_cannot_start_a_workflow_command(tmp_path):
    tree = _hostile_tree(tmp_path)
    os.symlink("/nonexistent", tree / "x\n::add-mask::s3cret\n::error::pwned.de.txt")
    for fmt in ("text", "github", "json"):
        result = transcheck("check", str(tree), "--select", "TC301", "--format", fmt, errors="replace")
        assert "symbolic link" in result.stderr  # broken, or leading out of the tree
        assert not CONTROLS.search(result.stderr)
        for stream in (result.stderr, result.stdout if fmt != "github" else ""):
            for line in stream.splitlines():
                assert not line.lstrip().startswith("::"), (fmt, line)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []  # text outside <code>
        self.code = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.code += tag == "code"

    def handle_endtag(self, tag):
        self.code -= tag == "code"

    def handle_data(self, data):
        if not self.code:
            self.text.append(data)


def _markdown_html(text: str) -> _Tags:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(text)
    tags = _Tags()
    tags.feed(html)
    return tags


def test_markdown_cells_hold_and_nothing_renders_as_html_link_or_mention(hostile):
    out = render(hostile, Format.MARKDOWN)
    assert not CONTROLS.search(out)
    tags = _markdown_html(out)
    assert set(tags.tags) <= {"h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "ul",
                              "li", "strong", "details", "summary", "sub", "blockquote"}
    # Each finding row has its four cells: no '|' in a name or message split one.
    rows = [line for line in out.splitlines() if line.startswith("| ") and "TC3" in line]
    assert rows
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 5, row
    outside_code = " ".join(tags.text)
    assert not re.search(r"@\w|#\d|https?:|www\.", outside_code), outside_code


def test_markdown_code_span_cannot_be_closed_by_its_content():
    for text in ("a`b", "``x``", "```", "`lead", "trail`", "a|b"):
        span = markdown_code(text, cell=False)
        tags = _markdown_html(span)
        assert tags.tags == ["p", "code"], (text, span)
    assert markdown_code("a|b") == "`a\\|b`"
    assert "\\<img" in markdown_text("<img src=x>")
    assert markdown_text("mail me@example.com") == "mail `me@example.com`"
    # A scheme without "//" is a link to some renderers: a directory named so, in a note.
    assert markdown_text("<img src=https:evil.example>: only one") == "\\<img `src=https:evil.example>:` only one"
    assert markdown_text("xhttps: stays") == "xhttps: stays"


def test_terminal_escaping():
    assert terminal("a\nb\x1b[31mc\x07\u202e\x85") == "a\\nb\\x1b[31mc\\x07\\u202e\\x85"
    assert terminal(os.fsdecode(b"\xff.png")) == "\\xff.png"
    assert not terminal("::error::x").startswith("::")
    assert "##[" not in terminal("a ##[add-mask]b") and "##vso[" not in terminal("a ##vso[task.x]b")
    assert terminal("plain ümlaut «text» 100%") == "plain ümlaut «text» 100%"


# --- glossaries ----------------------------------------------------------------------


def _group_with_glossary(tmp_path: Path, name: str, data: bytes) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    (tree / name).write_bytes(data)
    return tree


def test_oversized_csv_field_is_one_problem_and_the_rest_is_checked(tmp_path):
    data = b"concept,en,de\nc1," + b"x" * 140_000 + b",y\nc2,invoice,Rechnung\n"
    with pytest.raises(GlossaryError, match="line 2: a field longer than 131,072 characters"):
        load(str(_group_with_glossary(tmp_path, "glossary.csv", data) / "glossary.csv"))
    report = run([str(tmp_path / "tree")], Settings(), RULES, jobs=1)
    problems = [p for p in report.problems if p.path.endswith("glossary.csv")]
    assert len(problems) == 1 and "field longer" in problems[0].message
    assert any(f.code == "TC301" for f in report.findings)  # the documents were still checked


TBX = """<?xml version="1.0" encoding="{enc}"?>{dtd}
<martif type="TBX"><text><body>
<termEntry id="c1"><langSet xml:lang="en"><tig><term>invoice{ref}</term></tig></langSet>
<langSet xml:lang="de"><tig><term>Rechnung</term></tig></langSet></termEntry>
</body></text></martif>
"""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_tbx_dtd_is_refused_in_any_encoding(tmp_path, encoding):
    declared = encoding.replace("-sig", "").split("-")[0] + "-" + encoding.split("-")[1]
    bomb = TBX.format(enc=declared.upper(), ref="&a;",
                      dtd='<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>')
    path = tmp_path / "glossary.tbx"
    path.write_bytes(bomb.encode(encoding))
    with pytest.raises(GlossaryError, match="document type declaration"):
        load(str(path))
    path.write_bytes(TBX.format(enc=declared.upper(), ref="", dtd="").encode(encoding))
    (concept,) = load(str(path)).concepts
    assert concept.terms["en"][0].text == "invoice"


def test_tbx_external_dtd_is_refused(tmp_path):
    path = tmp_path / "glossary.tbx"
    path.write_text(TBX.format(enc="UTF-8", ref="", dtd='<!DOCTYPE martif SYSTEM "file:///etc/passwd">'),
                    encoding="utf-8")
    with pytest.raises(GlossaryError, match="document type declaration"):
        load(str(path))
