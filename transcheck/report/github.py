"""GitHub Actions workflow commands: each finding becomes an annotation on its lines in
the pull request's diff view.

    ::error file=corpus/sv.txt,line=26,endLine=44,title=TC101 duplicate-block::lines 26-44 repeat lines 6-24 (10 segments)

Errors and warnings keep their level; info findings are not annotated unless the run
asks for them (``--show-info``, ``report.summary.shown_in``), then as notices. Input problems are
error annotations on the file; group notes are notices without a file. The last line,
plain log text, is the summary with the reproducibility signature.
"""

from __future__ import annotations

from transcheck.model import Severity
from transcheck.model import Report
from transcheck.report.base import Formatter
from transcheck.report.common import checkout_path
from transcheck.report.summary import plural, summarise
from transcheck.report.escape import github_data as escape_data
from transcheck.report.escape import github_property as escape_property
from transcheck.report.escape import terminal
from transcheck.report.signature import signature_line

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_PROBLEM = {"error": "error", "warning": "warning", "info": "notice"}


def command(name: str, message: str, **properties) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _render(report: Report, color: bool = False) -> str:
    lines = []
    summary = summarise(report, annotations=True)
    for problem in summary.problems:
        level = _PROBLEM.get(problem.severity, "error")
        lines.append(command(level, problem.message, file=checkout_path(problem.path), title="transcheck: input"))
    for f in summary.findings:
        lines.append(
            command(
                COMMAND[f.severity],
                f.message,
                file=checkout_path(f.path),
                line=f.line,
                endLine=f.end_line,
                title=f"{f.code} {f.rule}",
            )
        )
    for note in summary.notes:
        lines.append(command("notice", note, title="transcheck"))
    tail = ", ".join((f"transcheck: {summary.tally} in {plural(summary.documents, 'document')}",) + summary.set_aside)
    lines.append(terminal(f"{tail} ({signature_line(report)})"))
    return "\n".join(lines) + "\n"


class GithubFormatter(Formatter):
    def render(self, report: Report) -> str:
        return _render(report, self.color)


FORMATTER = GithubFormatter
