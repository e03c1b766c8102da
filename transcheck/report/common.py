"""What several output formats need alike: counts, spans, rule help, and the findings
that policy set aside (suppressed or already in the baseline).

Reading those through ``getattr`` keeps every format usable on a bare ``Report`` built
by a test or an API caller that never ran the policy step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from transcheck.model import Finding, Severity
from transcheck.model import Report, finding_order
from transcheck.rules.base import Rule

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def span(line: int, end_line: int) -> str:
    return str(line) if end_line == line else f"{line}-{end_line}"


def where(f: Finding) -> str:
    return f"{f.path}:{span(f.line, f.end_line)}"


def set_aside(report: Report) -> list[str]:
    """What policy kept out of the report, as phrases: "2 suppressed", "5 in the baseline"."""
    out = []
    if report.suppressed:
        out.append(f"{report.suppressed} suppressed")
    if baselined_count(report):
        out.append(f"{baselined_count(report)} in the baseline")
    return out


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts


def by_language(report: Report, findings: Iterable[Finding]) -> dict[str, dict[Severity, int]]:
    """Counts per document language, every checked language present (zeros included)."""
    out: dict[str, dict[Severity, int]] = {
        lang: {s: 0 for s in SEVERITIES} for lang in sorted({d.language for d in report.documents})
    }
    for f in findings:
        out.setdefault(f.language, {s: 0 for s in SEVERITIES})[f.severity] += 1
    return out


def most_severe_first(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, finding_order(f)))


def suppressed_findings(report: Report) -> list:
    """``model.SuppressedFinding`` records (finding, kind, justification), in finding order."""
    items = getattr(report, "suppressed_findings", None) or []
    return sorted(items, key=lambda s: finding_order(s.finding))


def baseline_state(report: Report) -> dict[str, str] | None:
    """Fingerprint -> "new"/"unchanged" when a baseline was applied, else None."""
    return getattr(report, "baseline_state", None)


def baselined_count(report: Report) -> int:
    return int(getattr(report, "baselined", 0) or 0)


_LITERAL = re.compile(r"``(.+?)``", re.S)


def rule_markdown(rule: Rule) -> str:
    """The rule's documentation as Markdown: summary, then one bold-titled paragraph
    per fixed section (docstrings use reST ``literals``; Markdown wants single ticks)."""
    parts = [rule.summary]
    for title, body in rule.sections.items():
        parts.append(f"**{title}:** {_unwrap(body)}")
    return _LITERAL.sub(r"`\1`", "\n\n".join(parts))


def rule_text(rule: Rule) -> str:
    parts = [rule.summary]
    for title, body in rule.sections.items():
        parts.append(f"{title}: {_unwrap(body)}")
    return _LITERAL.sub(r"\1", "\n\n".join(parts))


def _unwrap(body: str) -> str:
    """Join the wrapped lines of each paragraph, keep paragraph breaks."""
    return "\n\n".join(" ".join(p.split()) for p in body.split("\n\n"))
