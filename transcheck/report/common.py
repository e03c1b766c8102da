"""What several output formats need alike: spans, per-language counts, rule help.
Counts and what was set aside are in ``summary``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from transcheck.model import Finding, Report, Severity, finding_order
from transcheck.report.summary import SEVERITIES
from transcheck.rules.base import Rule


def checkout_path(path: str) -> str:
    """A path as CI matches it against the checkout: ``./docs/a.md`` (a run on ".") is
    ``docs/a.md``, the path a pull request's diff has; '/' on every system."""
    posix = path.replace(os.sep, "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


def span(line: int, end_line: int) -> str:
    return str(line) if end_line == line else f"{line}-{end_line}"


def where(f: Finding) -> str:
    return f"{f.path}:{span(f.line, f.end_line)}"








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
