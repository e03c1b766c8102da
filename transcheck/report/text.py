"""The terminal report: findings grouped by document, one line each, then a summary."""

from __future__ import annotations

import io
from itertools import groupby

from transcheck.model import Report, Severity
from transcheck.report.base import Formatter
from transcheck.report.summary import summarise
from transcheck.report.escape import terminal

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _render(report: Report, color: bool = False) -> str:
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, force_terminal=color, no_color=not color, highlight=False,
        width=200, color_system="standard" if color else None,
    )
    summary = summarise(report)
    findings = summary.findings
    langs = {d.path: d.language for d in report.documents}
    for path, items in groupby(findings, key=lambda f: f.path):
        items = list(items)
        # soft_wrap: a wrapped line of a long name could start a CI logging command.
        console.print(Text(terminal(f"{path} ({langs.get(path, '?')})"), style="bold underline"), soft_wrap=True)
        for f in items:
            where = terminal(f"{path}:{f.line}" + (f"-{f.end_line}" if f.end_line != f.line else ""))
            line = Text("  ")
            line.append(where, style="bold")
            line.append("  ")
            line.append(f"{f.severity.value:<7}", style=_STYLE[f.severity])
            line.append(f" {f.code} ", style="dim")
            line.append(f"{f.rule}: ", style="magenta")
            line.append(terminal(f.message))
            console.print(line, soft_wrap=True)
        console.print()
    for note in summary.notes:
        console.print(Text(terminal(f"note: {note}"), style="dim"), soft_wrap=True)
    if report.changed is not None:
        _print_changes(console, report)
    counts = summary.counts
    tail = Text(
        f"{_n(summary.documents, 'document')}, {_n(summary.segments, 'segment')}, {_n(summary.groups, 'group')}: "
    )
    tail.append(_n(counts[Severity.ERROR], "error"), style=_STYLE[Severity.ERROR] if counts[Severity.ERROR] else "")
    tail.append(f", {_n(counts[Severity.WARNING], 'warning')}, {counts[Severity.INFO]} info")
    if report.suppressed:
        tail.append(f", {report.suppressed} suppressed")
    if report.baselined:
        tail.append(f", {report.baselined} baselined")
    if report.changed is not None and report.out_of_scope:
        tail.append(terminal(f", {report.out_of_scope} not introduced since {report.changed_since}"))
    console.print(tail, soft_wrap=True)
    return out.getvalue()


def _print_changes(console, report: Report) -> None:
    """--changed-since: each changed segment and how much it changed (chrF to the old)."""
    from rich.text import Text

    changed = report.changed
    console.print(Text(terminal(f"changed since {report.changed_since}: {_n(len(changed), 'segment')}"), style="bold"))
    for c in changed:
        where = f"{c.path}:{c.line}" + (f"-{c.end_line}" if c.end_line != c.line else "")
        how = f"modified, chrF {c.chrf:.1f} to the previous version" if c.status == "modified" else c.status
        console.print(Text(terminal(f"  {where}  {how}")), soft_wrap=True)
    console.print()


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class TextFormatter(Formatter):
    def render(self, report: Report) -> str:
        return _render(report, self.color)


FORMATTER = TextFormatter
