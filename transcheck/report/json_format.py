"""The JSON report: the stable contract other tools read (version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from transcheck import __version__
from transcheck.model import Finding
from transcheck.model import Report
from transcheck.report.base import Formatter
from transcheck.report.escape import json_safe
from transcheck.report.signature import signature
from transcheck.report.summary import status_dict, summarise


def finding_dict(f: Finding) -> dict:
    out = {
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
    if f.resource_key:  # a keyed resource's message key
        out["key"] = f.resource_key
    return out


def _alignment(group) -> dict:
    """The group's aligned rows as line numbers per language, and beside them each
    row's confidence per language (0 to 1: that a cell belongs in its row, or that an
    empty cell's content is absent; rules compare only cells at 0.5 and above)."""
    docs = {d.language: d for d in group.documents}
    return {
        "group": group.group,
        "rows": [
            {lang: [docs[lang].segments[i].line for i in idx] for lang, idx in row.cells.items()}
            for row in group.rows
        ],
        "confidence": [
            {lang: row.confidence.get(lang, 1.0) for lang in row.cells}
            for row in group.rows
        ],
    }


class JsonFormatter(Formatter):
    """Written member by member, each group's alignment as the group finishes: the same
    bytes as one ``json.dumps(..., indent=2)`` of the whole report, without holding it."""

    def section(self, group, report: Report) -> str:
        return _dumps(_alignment(group), "    ")

    def finish(self, report: Report, sections: Iterable[str]) -> Iterator[str]:
        summary = summarise(report)
        findings = summary.findings
        head = {
            "version": 1,
            "tool": {"name": "transcheck", "version": __version__},
            "signature": signature(report),
        }
        yield "{\n" + "".join(f"{_member(k, v)},\n" for k, v in head.items())
        documents = (
            {"path": d.path, "language": d.language, "group": d.group, "segments": d.segment_count}
            for d in report.documents
        )
        yield from _array("documents", (_dumps(d, "    ") for d in documents))
        yield ",\n"
        yield from _array("alignment", sections)
        yield ",\n"
        yield from _array("findings", (_dumps(finding_dict(f), "    ") for f in findings))
        yield ",\n"
        tail = {
            "summary": {s.value: n for s, n in summary.counts.items()},
            "suppressed": report.suppressed,
            "baselined": report.baselined,
            "folded": report.folded,
            "coverage": [{"language": lang, "pages": have, "expected": of} for lang, have, of in summary.coverage],
            "pages": [
                {"group": g.group, "status": [status_dict(s) for s in g.status]} for g in report.groups
            ],
            **_changes(report),
            "problems": [{"path": p.path, "message": p.message} for p in summary.problems],
            "notes": list(summary.notes),
        }
        yield ",\n".join(_member(k, v) for k, v in tail.items()) + "\n}\n"


def _dumps(value, indent: str) -> str:
    """``value`` as JSON, indented by two, as it reads nested ``indent`` deep."""
    return json.dumps(json_safe(value), ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def _array(key: str, items: Iterable[str]) -> Iterator[str]:
    """A top-level member whose value is a list, item by item (each dumped 4 deep)."""
    opened = False
    for text in items:
        yield (",\n    " if opened else f"  {json.dumps(key)}: [\n    ") + text
        opened = True
    yield "\n  ]" if opened else f"  {json.dumps(key)}: []"


def _member(key: str, value) -> str:
    return f"  {json.dumps(key)}: {_dumps(value, '  ')}"


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


FORMATTER = JsonFormatter
