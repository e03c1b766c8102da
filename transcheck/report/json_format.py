"""The JSON report: the stable contract other tools read (version 1)."""

from __future__ import annotations

import json

from transcheck import __version__
from transcheck.model import Finding, Severity
from transcheck.pipeline import Report
from transcheck.report.signature import signature


def finding_dict(f: Finding) -> dict:
    return {
        "rule": f.rule,
        "code": f.code,
        "category": f.category.value,
        "severity": f.severity.value,
        "path": f.path,
        "language": f.language,
        "line": f.line,
        "end_line": f.end_line,
        "message": f.message,
        "related": [{"path": r.path, "line": r.line, "end_line": r.end_line} for r in f.related],
        "fingerprint": f.fingerprint,
    }


def summary(findings: list[Finding]) -> dict:
    counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for f in findings:
        counts[f.severity.value] += 1
    return counts


def as_dict(report: Report) -> dict:
    findings = report.findings
    groups = report.groups
    return {
        "version": 1,
        "tool": {"name": "transcheck", "version": __version__},
        "signature": signature(report),
        "documents": [
            {"path": d.path, "language": d.language, "group": d.group, "segments": len(d.segments)}
            for g in groups
            for d in g.documents
        ],
        "alignment": [
            {
                "group": g.group,
                "rows": [
                    {
                        lang: [docs[lang].segments[i].line for i in idx]
                        for lang, idx in row.cells.items()
                    }
                    for row in g.rows
                ],
            }
            for g in groups
            for docs in [{d.language: d for d in g.documents}]
        ],
        "findings": [finding_dict(f) for f in findings],
        "summary": summary(findings),
        "suppressed": report.suppressed,
        "baselined": report.baselined,
        **_changes(report),
        "problems": [{"path": p.path, "message": p.message} for p in report.problems],
        "notes": [n for g in groups for n in g.notes],
    }


def _changes(report: Report) -> dict:
    """With --changed-since: the revision, the changed segments with chrF to their old
    version, and how many findings were left out as not introduced by the change."""
    if report.changed is None:
        return {}
    return {
        "changed_since": {
            "revision": report.changed_since,
            "segments": [
                {"path": c.path, "language": c.language, "line": c.line, "end_line": c.end_line,
                 "status": c.status, "chrf": c.chrf}
                for c in report.changed
            ],
            "not_introduced": report.out_of_scope,
        }
    }


def render(report: Report, color: bool = False) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"
