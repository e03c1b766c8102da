"""SARIF 2.1.0, the static-analysis exchange format that GitHub code scanning, Azure
DevOps and IDE viewers read.

One run. The driver lists every enabled rule with its documentation (summary as the
short description, the docstring sections as full description and Markdown help).
Each finding is a result with its line region, related locations, the finding
fingerprint as ``partialFingerprints`` (so viewers track it across line moves, as the
baseline does), and its document language in the property bag. Findings that policy
suppressed are results too, carrying ``suppressions`` (SARIF consumers then show them
as dismissed); with a baseline, every result carries ``baselineState``. The run's
property bag holds the reproducibility signature. No timestamps: output is
byte-identical for the same input.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from transcheck import __version__, formats
from transcheck.model import Finding, Location, Report, Severity, finding_order
from transcheck.report.base import Formatter
from transcheck.report.common import (
    checkout_path,
    rule_markdown,
    rule_text,
    span,
)
from transcheck.report.escape import json_safe
from transcheck.report.signature import signature
from transcheck.report.summary import summarise

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "transcheck/v1"

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (viewers resolve them
    against the checkout), absolute ones become file URIs; always '/' and %-escaped,
    bytes of the name that are not UTF-8 included (%FF)."""
    posix = checkout_path(path)
    if os.path.isabs(path):
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix, errors="surrogateescape")
    return quote(posix, errors="surrogateescape")


def _physical(path: str, line: int, end_line: int, artifacts: dict[str, int]) -> dict:
    location: dict = {"uri": uri(path)}
    if path in artifacts:
        location["index"] = artifacts[path]
    return {
        "artifactLocation": location,
        "region": {"startLine": max(1, line), "endLine": max(1, end_line, line)},
    }


def _result(
    f: Finding,
    rule_index: dict[str, int],
    artifacts: dict[str, int],
    languages: dict[str, str],
) -> dict:
    result: dict = {"ruleId": f.code}
    if f.code in rule_index:
        result["ruleIndex"] = rule_index[f.code]
    result["level"] = LEVEL[f.severity]
    result["message"] = {"text": f.message}
    result["locations"] = [{"physicalLocation": _physical(f.path, f.line, f.end_line, artifacts)}]
    related = _related(f.related, artifacts, languages)
    if related:
        result["relatedLocations"] = related
    if f.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    result["properties"] = {"language": f.language, "category": f.category.value, "rule": f.rule}
    return result


def _related(related: tuple[Location, ...], artifacts: dict[str, int], languages: dict[str, str]) -> list[dict]:
    out = []
    seen = set()
    for loc in related:
        if loc is None:
            continue
        key = (loc.path, loc.line, loc.end_line)
        if key in seen:  # relatedLocations must be unique
            continue
        seen.add(key)
        lang = languages.get(loc.path)
        label = f"{lang}: " if lang else ""
        out.append(
            {
                "id": len(out) + 1,
                "physicalLocation": _physical(loc.path, loc.line, loc.end_line, artifacts),
                "message": {"text": f"{label}{loc.path}:{span(loc.line, loc.end_line)}"},
            }
        )
    return out


def _rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule_text(rule)},
        "help": {"text": rule_text(rule), "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": rule.category.value, "tags": ["translation", rule.category.value]},
    }


def as_dict(report: Report) -> dict:
    rules = list(report.rules)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    documents = report.documents
    languages = {d.path: d.language for d in documents}
    artifacts = {d.path: i for i, d in enumerate(documents)}
    summary = summarise(report)
    states = report.baseline_state

    # Findings already in the baseline are hidden from the other formats; here they are
    # results with baselineState "unchanged", so a viewer that tracks results across
    # runs (code scanning) keeps them open instead of counting them as fixed.
    baselined = sorted(report.baselined_findings, key=finding_order)
    results = []
    for f in sorted([*report.findings, *baselined], key=finding_order):
        result = _result(f, rule_index, artifacts, languages)
        if states is not None:
            result["baselineState"] = states.get(f.fingerprint, "new")
        results.append(result)
    for item in summary.suppressed:
        result = _result(item.finding, rule_index, artifacts, languages)
        suppression = {"kind": item.kind, "status": "accepted"}
        if item.justification:
            suppression["justification"] = item.justification
        result["suppressions"] = [suppression]
        if states is not None and item.finding.fingerprint in states:
            result["baselineState"] = states[item.finding.fingerprint]
        results.append(result)

    notifications = [
        {
            "level": _PROBLEM.get(p.severity, "error"),
            "message": {"text": p.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(p.path)},
                                                **({"region": {"startLine": p.line}} if p.line else {})}}],
        }
        for p in summary.problems
    ]
    invocation: dict = {
        "executionSuccessful": summary.successful
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    properties: dict = {"signature": signature(report)}
    notes = list(summary.notes)
    if notes:
        properties["notes"] = notes

    run = {
        "tool": {
            "driver": {
                "name": "transcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(r) for r in rules],
            }
        },
        "invocations": [invocation],
        "artifacts": [
            {
                "location": {"uri": uri(d.path)},
                "mimeType": formats.of(d).mime_type,
                "properties": {"language": d.language, "group": d.group},
            }
            for d in documents
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": properties,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _render(report: Report, color: bool = False) -> str:
    return json.dumps(json_safe(as_dict(report)), ensure_ascii=False, indent=2) + "\n"


class SarifFormatter(Formatter):
    def render(self, report: Report) -> str:
        return _render(report, self.color)


FORMATTER = SarifFormatter
