"""JUnit XML, the test-report format GitLab, Jenkins and GitHub test-report actions read.

One ``<testsuite>`` per document, one ``<testcase>`` per enabled rule in it, so the CI
test view shows a grid of document x rule. A rule with findings that fail the run
(``--fail-on``, error by default) on the document fails its test case; the ``<failure>``
lists them, one line each. Findings below it leave the test passing and appear in
``<system-out>``; with ``--fail-on never`` no test case fails. A file that could
not be read is a suite with one ``read`` test case in error. Every suite carries the
reproducibility signature as properties. ``file`` and ``line`` attributes point the
reporters that annotate code (GitHub actions) at the first finding.
"""

from __future__ import annotations

import json
from itertools import groupby
from xml.sax.saxutils import quoteattr

from transcheck.decide.exit import fails
from transcheck.model import Finding
from transcheck.model import Report
from transcheck.report.base import Formatter
from transcheck.report.common import checkout_path, where
from transcheck.report.summary import plural, summarise
from transcheck.report.escape import xml_chars as _xml_chars
from transcheck.report.signature import signature, signature_line


def _text(value: str) -> str:
    """Element text: escaped, and free of characters XML 1.0 cannot carry at all."""
    from xml.sax.saxutils import escape

    return escape(_xml_chars(value))


def _attr(value: str) -> str:
    return quoteattr(_xml_chars(value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _line(f: Finding) -> str:
    return f"{where(f)}: {f.severity.value} {f.code} {f.rule}: {f.message}"


def _properties(report: Report, indent: str) -> list[str]:
    sig = signature(report)
    props = [
        ("transcheck.signature", signature_line(report)),
        ("transcheck.source", sig["source"] or ""),
        ("transcheck.seed", str(sig["seed"])),
        ("transcheck.thresholds", json.dumps(sig["thresholds"], sort_keys=True)),
    ]
    lines = [f"{indent}<properties>"]
    lines += [f"{indent}  <property name={_attr(k)} value={_attr(v)}/>" for k, v in props]
    lines.append(f"{indent}</properties>")
    return lines


def _render(report: Report, color: bool = False) -> str:
    findings = report.findings
    by_path = {path: list(items) for path, items in groupby(findings, key=lambda f: f.path)}
    suites: list[list[str]] = []
    total_tests = total_failures = total_errors = 0

    # Findings name their file; a path without a Document (a report assembled by an
    # API caller) still gets its suite rather than losing its findings.
    paths = [d.path for d in report.documents]
    paths += sorted(set(by_path) - set(paths))
    for path in paths:
        doc_findings = by_path.get(path, [])
        cases: list[str] = []
        failures = 0
        for rule in report.rules:
            mine = [f for f in doc_findings if f.code == rule.code]
            failing = [f for f in mine if fails(f, report.fail_on)]
            info = [f for f in mine if not fails(f, report.fail_on)]
            head = (
                f"    <testcase name={_attr(f'{rule.code} {rule.name}')} classname={_attr(path)}"
                f" file={_attr(checkout_path(path))}"
            )
            if mine:
                head += f' line="{(failing or info)[0].line}"'
            head += ' time="0"'
            if not mine:
                cases.append(head + "/>")
                continue
            body = [head + ">"]
            if failing:
                failures += 1
                worst = max(failing, key=lambda f: f.severity.rank).severity.value
                message = failing[0].message if len(failing) == 1 else plural(len(failing), "finding")
                body.append(
                    f"      <failure message={_attr(message)} type={_attr(worst)}>"
                    + _text("\n".join(_line(f) for f in failing))
                    + "</failure>"
                )
            if info:
                body.append("      <system-out>" + _text("\n".join(_line(f) for f in info)) + "</system-out>")
            body.append("    </testcase>")
            cases.append("\n".join(body))
        tests = len(report.rules)
        total_tests += tests
        total_failures += failures
        suite = [
            f"  <testsuite name={_attr(path)} tests=\"{tests}\" failures=\"{failures}\""
            f' errors="0" skipped="0" time="0">'
        ]
        suite += _properties(report, "    ")
        suite += cases
        suite.append("  </testsuite>")
        suites.append(suite)

    for problem in summarise(report).unreadable:
        total_tests += 1
        total_errors += 1
        suite = [
            f"  <testsuite name={_attr(problem.path)} tests=\"1\" failures=\"0\""
            f' errors="1" skipped="0" time="0">'
        ]
        suite += _properties(report, "    ")
        suite += [
            f"    <testcase name=\"read\" classname={_attr(problem.path)} file={_attr(checkout_path(problem.path))} time=\"0\">",
            f"      <error message={_attr(problem.message)} type=\"input\">"
            + _text(f"{problem.path}: {problem.message}")
            + "</error>",
            "    </testcase>",
            "  </testsuite>",
        ]
        suites.append(suite)

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append(
        f'<testsuites name="transcheck" tests="{total_tests}" failures="{total_failures}"'
        f' errors="{total_errors}" skipped="0" time="0">'
    )
    for suite in suites:
        out += suite
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


class JunitFormatter(Formatter):
    def render(self, report: Report) -> str:
        return _render(report, self.color)


FORMATTER = JunitFormatter
