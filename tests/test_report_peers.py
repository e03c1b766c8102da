"""Reports that a reader scans at thirty languages: peer lists said as a count, lines
that fit the terminal, and a Markdown summary whose first findings spread over pages
and languages."""

from __future__ import annotations

import json

from transcheck.model import Category, Finding, GroupResult, Location, Report, Severity
from transcheck.report.peers import shorten_peers
from transcheck.report.summary import top_findings
from transcheck.rules.registry import RULES
from transcheck.settings import Settings

LANGS = ["cs", "de", "el", "en", "es", "fr", "it", "pl", "ro"]


def test_a_run_of_four_or_more_of_the_page_languages_is_a_count():
    said = shorten_peers("missing segment, present in de, el, en, es, fr (English: “Hello, world”)", LANGS, "cs")
    assert said == "missing segment, present in 5 of 8 languages (English: “Hello, world”)"
    # three stay named; codes that are not the page's languages are words
    assert shorten_peers("where de, el, en have a heading", LANGS, "cs") == "where de, el, en have a heading"
    assert shorten_peers("tags a, bb, cc, dd, ee", LANGS, "cs") == "tags a, bb, cc, dd, ee"
    assert shorten_peers("de, el, en, es keep it; fr, it, pl, ro do not", LANGS, "cs") == (
        "4 of 8 languages keep it; 4 of 8 languages do not")
    # a list the rule cut short is counted whole, not said twice
    assert shorten_peers("placeholder missing: %0; de, el, en, es and 3 more have %0", LANGS, "cs") == (
        "placeholder missing: %0; 7 of 8 languages have %0")


def _tree(tmp_path):
    body = "\n\n".join(f"Paragraph {n} of the guide explains step {n} in some detail." for n in range(1, 5))
    for lang in LANGS:
        text = body if lang != "cs" else body.replace("Paragraph 3 of the guide explains step 3 in some detail.", "")
        (tmp_path / f"guide.{lang}.md").write_text(f"# Guide\n\n{text}\n", encoding="utf-8")


def test_text_lines_fit_the_width_and_json_keeps_every_name(tmp_path, monkeypatch):
    from transcheck import api
    from transcheck.report import text

    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = api.check(["."], select=("TC301",), source="en")
    wrapped = text._render(report, columns=72)
    assert "present in 8 of 8 languages" in " ".join(wrapped.split())
    assert max(len(line) for line in wrapped.splitlines()) <= 72
    # a file or a pipe: whole lines
    assert max(len(line) for line in text._render(report).splitlines()) > 72
    [finding] = json.loads(api.render(report, "json"))["findings"]
    assert "present in de, el, en, es, fr, it, pl, ro" in finding["message"]


def _finding(path: str, language: str, line: int, severity: Severity) -> Finding:
    return Finding(code="TC301", rule="missing-segment", category=Category.ALIGNMENT, severity=severity,
                   path=path, language=language, line=line, end_line=line, message="m",
                   related=(Location("en/a.md", 1, 1),), fingerprint=f"{path}{line}")


def test_top_findings_by_severity_then_spread_over_pages_and_languages():
    groups = []
    for page in ("a", "b", "c"):
        findings = [_finding(f"{lang}/{page}.md", lang, n, Severity.ERROR) for lang in ("de", "fr") for n in (1, 2, 3)]
        findings.append(_finding(f"de/{page}.md", "de", 9, Severity.WARNING))
        groups.append(GroupResult(group=f"{page}.md", documents=(), rows=(), findings=tuple(findings)))
    report = Report(groups=groups, problems=[], settings=Settings(), rules=RULES)
    top, rest = top_findings(report, 4)
    assert [f.severity for f in top] == [Severity.ERROR] * 4
    # a new page in a new language, then a new page, then a page in a language not yet
    # shown for it
    assert [(f.path, f.line) for f in top] == [("de/a.md", 1), ("fr/b.md", 1), ("de/c.md", 1), ("de/b.md", 1)]
    assert len(top) + len(rest) == 21 and rest[-1].severity is Severity.WARNING
    assert top_findings(report, 30)[0][-3:] == [f for f in rest if f.severity is Severity.WARNING]
