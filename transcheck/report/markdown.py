"""A short Markdown summary for a pull-request comment (GitHub, GitLab).

A headline with the counts, a table by severity and one by language, the most severe
findings first, the rest folded in a ``<details>`` block, and the reproducibility
signature in an HTML comment (invisible when rendered) and a small footer. The first
line is a marker comment so a CI job can find and update its previous comment.
Quoted text from the documents is escaped: it can hold Markdown, HTML or @mentions.
"""

from __future__ import annotations

from transcheck import __version__
from transcheck.model import Finding, Severity
from transcheck.model import Report
from transcheck.report.base import Formatter
from transcheck.report.common import by_language, most_severe_first, span
from transcheck.model import MISSING, OUTDATED, PRESENT, SOURCE, UP_TO_DATE
from transcheck.report.summary import SEVERITIES, plural, summarise, top_findings
from transcheck.report.escape import markdown_code, markdown_text
from transcheck.report.signature import signature, signature_line

MARKER = "<!-- transcheck-report -->"
TOP = 10
# A GitHub comment holds at most 65536 characters: past this many rows the folded
# list stops and points at the full reports.
FOLDED = 150
STATUS_ROWS = 30  # pages behind in the status table, the rest counted
ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}

escape = markdown_text
_code = markdown_code


def _row(f: Finding) -> str:
    loc = _code(f"{f.path}:{span(f.line, f.end_line)}")
    return f"| {ICON[f.severity]} {f.severity.value} | {loc} | {f.code} {escape(f.rule)} | {escape(f.message)} |"


_HEAD = "| Severity | Location | Rule | Message |\n|---|---|---|---|"


def _render(report: Report, color: bool = False) -> str:
    summary = summarise(report, annotations=True)
    findings = list(summary.findings)
    counts = summary.counts
    out = [MARKER]

    headline = summary.tally
    status = "✅" if not findings else ICON[most_severe_first(findings)[0].severity]
    out.append(f"### {status} transcheck: {headline}")
    out.append("")
    checked = (
        f"Checked {plural(summary.documents, 'document')} "
        f"({', '.join(summary.languages) or 'none'}), "
        f"{plural(summary.segments, 'segment')} "
        f"in {plural(summary.groups, 'group')}"
    )
    if summary.set_aside:
        checked += " · not shown: " + ", ".join(summary.set_aside)
    out.append(checked + ".")

    problems = summary.unreadable
    if problems:
        out.append("")
        out.append(f"**{plural(len(problems), 'file')} could not be checked:**")
        out.append("")
        out += [f"- {_code(p.path, cell=False)}: {escape(p.message, cell=False)}" for p in problems]

    pages = {lang: f"{have}/{of}" for lang, have, of in summary.coverage}
    if findings:
        out.append("")
        out.append("| Severity | Findings |\n|---|---:|")
        out += [f"| {ICON[s]} {s.value} | {counts[s]} |" for s in SEVERITIES]
    if findings or summary.groups > 1:
        out.append("")
        out.append("| Language | Pages | Errors | Warnings | Info |\n|---|---:|---:|---:|---:|")
        for lang, c in by_language(report, findings).items():
            out.append(
                f"| {escape(lang)} | {pages.get(lang, '0/0')} | {c[Severity.ERROR]} | {c[Severity.WARNING]} "
                f"| {c[Severity.INFO]} |"
            )
    out += _status(report)
    if findings:
        top, rest = top_findings(report, TOP, findings)
        out.append("")
        out.append("#### Top findings" if rest else "#### Findings")
        out.append("")
        out.append(_HEAD)
        out += [_row(f) for f in top]
        if rest:
            out.append("")
            out.append(f"<details><summary>{plural(len(rest), 'more finding')}</summary>")
            out.append("")
            out.append(_HEAD)
            out += [_row(f) for f in rest[:FOLDED]]
            if len(rest) > FOLDED:
                out.append("")
                out.append(
                    f"… and {len(rest) - FOLDED} more, not listed here: the SARIF, JUnit or HTML report has them all."
                )
            out.append("")
            out.append("</details>")

    notes = summary.notes
    if notes:
        out.append("")
        out += [f"> {escape(n, cell=False)}" for n in notes]

    sig = signature(report)
    out.append("")
    out.append(f"<!-- transcheck-signature: {signature_line(report).replace('--', '- -')} -->")
    out.append(
        f"<sub>transcheck {__version__} · rules {', '.join(sig['rules'])} · seed {sig['seed']}"
        f"{' · source ' + sig['source'] if sig['source'] else ''}</sub>"
    )
    return "\n".join(out) + "\n"


def _status(report: Report) -> list[str]:
    """Translation status: a count of each state, and a table of the pages behind
    (outdated or missing translations), the first ``STATUS_ROWS`` of them."""
    states = [s for g in report.groups for s in g.status if s.state != SOURCE]
    known = {UP_TO_DATE, OUTDATED}
    if not any(s.state in known or s.state == MISSING for s in states):
        return []
    tally = {state: sum(s.state == state for s in states) for state in (UP_TO_DATE, OUTDATED, MISSING, PRESENT)}
    out = ["", "**Translations:** " + ", ".join(f"{n} {state}" for state, n in tally.items() if n)]
    behind = []
    for g in report.groups:
        outdated = [s for s in g.status if s.state == OUTDATED]
        missing = [s.language for s in g.status if s.state == MISSING]
        if outdated or missing:
            cell = ", ".join(
                f"{escape(s.language)} ({plural(s.segments, 'segment')} since {_code(s.since_sha)} {s.since_date})"
                for s in outdated
            )
            behind.append(f"| {_code(g.group)} | {cell or '—'} | {escape(', '.join(missing)) or '—'} |")
    if behind:
        out += ["", "| Page | Outdated | Missing |", "|---|---|---|"] + behind[:STATUS_ROWS]
        if len(behind) > STATUS_ROWS:
            out += ["", f"… and {plural(len(behind) - STATUS_ROWS, 'more page')} behind, in the JSON and HTML reports."]
    return out


class MarkdownFormatter(Formatter):
    def render(self, report: Report) -> str:
        return _render(report, self.color)


FORMATTER = MarkdownFormatter
