"""The CI formats (github, junit, markdown) on the corpus, checked for content: the
right files, lines and rules, cross-checked against the JSON report of the same run.
Then each format's escaping, on hostile text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from tests.cli import transcheck
from tests.conftest import ROOT
from transcheck.model import Category, Finding, GroupResult, Location, Severity
from transcheck.model import Report
from tests.conftest import render
from transcheck.report import Format, github, markdown
from transcheck.rules.registry import RULES
from transcheck.settings import Settings


def cli(fmt: str, *args: str) -> str:
    result = transcheck("check", "corpus/", "--format", fmt, *args, cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def corpus_json() -> dict:
    return json.loads(cli("json"))


def _span(f: dict) -> str:
    return str(f["line"]) if f["line"] == f["end_line"] else f"{f['line']}-{f['end_line']}"


# ---------------------------------------------------------------- github


_ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),endLine=(?P<end>\d+),"
    r"title=(?P<code>TC\d+) (?P<rule>[\w-]+)::(?P<message>.*)$"
)


def test_github_annotations_on_the_corpus(corpus_json):
    out = cli("github")
    annotations = [m.groupdict() for m in map(_ANNOTATION.match, out.splitlines()) if m]
    level = {"error": "error", "warning": "warning", "info": "notice"}
    want = [
        (level[f["severity"]], f["path"], str(f["line"]), str(f["end_line"]), f["code"], f["rule"])
        for f in corpus_json["findings"]
    ]
    got = [(a["level"], a["file"], a["line"], a["end"], a["code"], a["rule"]) for a in annotations]
    # Info findings are not annotated by default: only errors and warnings reach the diff.
    assert got == [w for w in want if w[0] != "notice"]
    assert any(w[0] == "notice" for w in want)
    hidden = sum(w[0] == "notice" for w in want)
    assert f"{hidden} info (--show-info)" in out.splitlines()[-1]
    shown = cli("github", "--show-info")
    every = [m.groupdict() for m in map(_ANNOTATION.match, shown.splitlines()) if m]
    assert [(a["level"], a["file"], a["line"], a["end"], a["code"], a["rule"]) for a in every] == want
    # the corpus's known defects, where they are
    assert ("warning", "corpus/sv.txt", "26", "44", "TC101", "duplicate-block") in got
    assert ("warning", "corpus/ru.txt", "10", "18", "TC101", "duplicate-block") in got
    for name in ("ar", "it", "sv", "tr"):
        assert ("error", f"corpus/{name}.txt", "1", "1", "TC202", "untranslated") in got
    assert sum(1 for a in got if a[1] == "corpus/ru.txt" and a[4] == "TC301") >= 3
    summary = out.splitlines()[-1]
    assert summary.startswith(f"transcheck: {corpus_json['summary']['error']} errors")
    assert "rules:" + ",".join(corpus_json["signature"]["rules"]) in summary


def test_github_escaping():
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    line = github.command("error", "x: 1, y", file="dir,a/b:c.md", line=3, title="T: t")
    assert line == "::error file=dir%2Ca/b%3Ac.md,line=3,title=T%3A t::x: 1, y"


def _report(*findings: Finding, documents=()) -> Report:
    return Report(
        groups=[GroupResult(group="g", documents=list(documents), rows=[], findings=list(findings))],
        problems=[], settings=Settings(), rules=RULES,
    )


def _finding(message="m", severity=Severity.INFO, path="docs/sv.md", line=2, end_line=2, code="TC601") -> Finding:
    return Finding(
        code=code, rule="punctuation-mismatch", category=Category.PUNCTUATION, severity=severity,
        path=path, language="sv", line=line, end_line=end_line, message=message,
        related=(Location("docs/it.md", 2, 2),), fingerprint="f" + str(line),
    )


def test_github_info_is_a_notice_and_messages_stay_on_one_line():
    from dataclasses import replace

    assert render(_report(_finding("two\nlines 100%")), Format.GITHUB).startswith("transcheck: ")
    out = render(replace(_report(_finding("two\nlines 100%")), show_info=True), Format.GITHUB)
    assert out.splitlines()[0] == (
        "::notice file=docs/sv.md,line=2,endLine=2,title=TC601 punctuation-mismatch::two%0Alines 100%25"
    )


def test_github_spreads_annotations_over_files_when_a_level_has_more_than_it_shows():
    # GitHub shows the first 10 annotations of each level in a step: a page with twelve
    # errors must not hide the errors of the other page the change touched.
    errors = [_finding(path="docs/a.md", line=n, end_line=n, severity=Severity.ERROR) for n in range(1, 13)]
    errors += [_finding(path="docs/b.md", line=n, end_line=n, severity=Severity.ERROR) for n in (5, 9)]
    warning = _finding(path="docs/c.md", line=3, end_line=3, severity=Severity.WARNING)
    out = render(_report(warning, *errors), Format.GITHUB).splitlines()
    assert out[0] == (
        "::notice title=transcheck::GitHub shows the first 10 annotations of each level in a step: "
        "4 more errors are in this step's log"
    )
    got = [(a["level"], a["file"], a["line"]) for a in map(_ANNOTATION.match, out) if a]
    assert got[:5] == [("error", "docs/a.md", "1"), ("error", "docs/b.md", "5"), ("error", "docs/a.md", "2"),
                       ("error", "docs/b.md", "9"), ("error", "docs/a.md", "3")]
    assert sorted(got) == sorted([("error", f.path, str(f.line)) for f in errors] + [("warning", "docs/c.md", "3")])
    # Ten of a level fit: the findings keep their order and no notice is printed.
    out = render(_report(warning, *errors[:10]), Format.GITHUB).splitlines()
    assert not out[0].startswith("::notice")
    assert [a["line"] for a in map(_ANNOTATION.match, out) if a] == [str(n) for n in range(1, 11)] + ["3"]


def test_github_input_warnings_follow_the_findings_and_input_errors_lead():
    from dataclasses import replace

    from transcheck.model import InputProblem

    skipped = [InputProblem(f"app{n}/locale/tet", "unknown language code 'tet'", severity="warning")
               for n in range(12)]
    broken = InputProblem("docs/fr.md", "not UTF-8", severity="error")
    warnings = [_finding(path="docs/a.md", line=n, end_line=n, severity=Severity.WARNING) for n in (4, 7)]
    out = render(replace(_report(*warnings), problems=[*skipped, broken]), Format.GITHUB).splitlines()
    levels = [line.split(" ", 1)[0] for line in out if line.startswith("::")]
    # The findings take the first places GitHub shows, before twelve skipped folders.
    assert levels[:4] == ["::notice", "::error", "::warning", "::warning"]
    assert out[1] == "::error file=docs/fr.md,title=transcheck%3A input::not UTF-8"
    assert [a["line"] for a in map(_ANNOTATION.match, out[2:4])] == ["4", "7"]
    assert all(line.startswith("::warning file=app") for line in out[4:16])


# ---------------------------------------------------------------- junit


@pytest.mark.parametrize(("fail_on", "failing_levels"), [
    ("error", ("error",)),  # the default: warnings leave their test cases passing
    ("warning", ("error", "warning")),
    ("never", ()),
])
def test_junit_on_the_corpus(corpus_json, fail_on, failing_levels):
    root = ET.fromstring(cli("junit", "--fail-on", fail_on))
    docs = [d["path"] for d in corpus_json["documents"]]
    rules = corpus_json["signature"]["rules"]
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == docs
    assert int(root.get("tests")) == len(docs) * len(rules)

    failing = [f for f in corpus_json["findings"] if f["severity"] in failing_levels]
    expected_failures = Counter((f["path"], f["code"]) for f in failing)
    assert int(root.get("failures")) == len(expected_failures)
    for suite in suites:
        path = suite.get("name")
        cases = suite.findall("testcase")
        assert [c.get("name").split()[0] for c in cases] == rules
        props = {p.get("name"): p.get("value") for p in suite.find("properties")}
        assert ",".join(rules) in props["transcheck.signature"]
        for case in cases:
            code = case.get("name").split()[0]
            failure = case.find("failure")
            if (path, code) not in expected_failures:
                assert failure is None, (path, code)
                continue
            lines = failure.text.splitlines()
            assert len(lines) == expected_failures[(path, code)]
            mine = [f for f in failing if f["path"] == path and f["code"] == code]
            assert [ln.split(": ", 1)[0] for ln in lines] == [f"{path}:{_span(f)}" for f in mine]
            assert case.get("file") == path and case.get("line") == str(mine[0]["line"])
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)

    sv = next(s for s in suites if s.get("name") == "corpus/sv.txt")
    # The English title is an error; the article body pasted twice in every file, a warning.
    title = next(c for c in sv.findall("testcase") if c.get("name") == "TC202 untranslated")
    dup = next(c for c in sv.findall("testcase") if c.get("name") == "TC101 duplicate-block")
    for case, level, at in ((title, "error", "corpus/sv.txt:1"), (dup, "warning", "corpus/sv.txt:26-44")):
        if level in failing_levels:
            assert at in case.find("failure").text
        else:
            assert case.find("failure") is None and at in case.find("system-out").text


def test_junit_survives_characters_xml_cannot_hold():
    report = _report(
        _finding("bad \x00\x1b <tag> & \"q\" \ud800 end", severity=Severity.ERROR),
        _finding("just a note", severity=Severity.INFO, line=5, end_line=5),
    )
    root = ET.fromstring(render(report, Format.JUNIT))
    failure = root.find(".//failure")
    assert "<tag> & \"q\"" in failure.text and "\\u0000" in failure.text
    assert "just a note" in root.find(".//system-out").text
    assert root.find(".//failure").get("type") == "error"


# ---------------------------------------------------------------- markdown


def test_markdown_shows_info_only_when_asked(corpus_json):
    out = cli("markdown")
    assert not re.search(r"^\| \S+ info \| `", out, re.M)
    assert f"not shown: {corpus_json['summary']['info']} info (--show-info)" in out
    assert re.search(rf"^\| \S+ error \| {corpus_json['summary']['error']} \|$", out, re.M)


def test_markdown_on_the_corpus(corpus_json):
    out = cli("markdown", "--show-info")
    assert out.startswith(markdown.MARKER + "\n")
    summary = corpus_json["summary"]
    assert f"transcheck: {summary['error']} errors, {summary['warning']} warnings" in out.splitlines()[1]
    for sev in ("error", "warning", "info"):
        assert re.search(rf"^\| \S+ {sev} \| {summary[sev]} \|$", out, re.M)
    # by language: every corpus language, with its pages and its own counts
    for lang in ("ar", "it", "ru", "sv", "tr"):
        mine = Counter(f["severity"] for f in corpus_json["findings"] if f["language"] == lang)
        assert f"| {lang} | 1/1 | {mine['error']} | {mine['warning']} | {mine['info']} |" in out
    # every finding exactly once, the most severe in the visible part, the rest folded
    rows = re.findall(r"^\| \S+ (error|warning|info) \| `([^`]+)` \| (TC\d+) ", out, re.M)
    want = Counter((f["severity"], f"{f['path']}:{_span(f)}", f["code"]) for f in corpus_json["findings"])
    assert Counter(rows) == want
    visible = out.split("<details>")[0]
    top = re.findall(r"^\| \S+ (error|warning|info) \| `", visible, re.M)
    assert len(top) == min(markdown.TOP, len(rows))
    rank = {"error": 3, "warning": 2, "info": 1}
    assert [rank[s] for s in top] == sorted((rank[s] for s in top), reverse=True)
    if len(rows) > markdown.TOP:
        assert f"<summary>{len(rows) - markdown.TOP} more finding" in out
    assert "transcheck-signature: transcheck:" in out and "seed:0" in out


def test_markdown_escapes_document_text():
    out = render(_report(_finding("<img src=x onerror=alert(1)> | **b** @team `x` $y$", severity=Severity.ERROR)), Format.MARKDOWN)
    row = next(line for line in out.splitlines() if "TC601" in line and "sv.md" in line)
    assert not re.search(r"(?<!\\)<img", row) and "\\<img" in row
    assert "\\| \\*\\*b\\*\\*" in row
    # A mention shown in a code span, where GitHub does not notify anyone.
    assert "`@team`" in row and "@team" not in re.sub(r"`[^`]*`", "", row)
    assert row.count(" | ") == 3  # the message's pipe does not open a fifth column


def test_markdown_stays_within_a_comment_when_findings_are_many():
    many = [_finding(f"number {i} differs " + "x" * 150, severity=Severity.WARNING, line=i, end_line=i) for i in range(1, 2001)]
    out = render(_report(*many), Format.MARKDOWN)
    assert len(out) < 65536
    assert out.count("| 🟠 warning | `docs/sv.md:") == markdown.TOP + markdown.FOLDED
    assert f"and {2000 - markdown.TOP - markdown.FOLDED} more, not listed here" in out
    assert "| 🟠 warning | 2000 |" in out
