"""GitHub Actions workflow commands: each finding becomes an annotation on its lines in
the pull request's diff view.

    ::error file=corpus/sv.txt,line=26,endLine=44,title=TC101 duplicate-block::lines 26-44 repeat lines 6-24 (10 segments)

Errors and warnings keep their level; info findings are not annotated unless the run
asks for them (``--show-info``, ``report.summary.shown_in``), then as notices. Input problems are
annotations on the file at their own level (errors before the findings, warnings and
notices after them); group notes are notices without a file. The last line,
plain log text, is the summary with the reproducibility signature.

GitHub shows the first 10 annotations of each level a step prints and drops the rest
without a word. When a level has more, its findings are printed round the files (every
file's first before any file's second), so what the pull request shows reaches every
file it touched, and a notice printed first says how many more the log holds.
"""

from __future__ import annotations

from collections import Counter

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
PER_STEP = 10  # annotations of one level GitHub shows in a step: the first printed
_LEVELS = ("error", "warning", "notice")


def command(name: str, message: str, **properties) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _round_the_files(findings) -> list:
    """Each level's findings, every file's first before any file's second."""
    out = []
    for severity in COMMAND:
        by_file: dict[str, list] = {}
        for f in findings:
            if f.severity is severity:
                by_file.setdefault(f.path, []).append(f)
        depth = max(map(len, by_file.values()), default=0)
        out.extend(queue[k] for k in range(depth) for queue in by_file.values() if k < len(queue))
    return out


def _overflow(counts: Counter) -> str | None:
    """The notice that says how many annotations GitHub will not show, or None."""
    more = [(counts[level] - PER_STEP, level) for level in _LEVELS if counts[level] > PER_STEP]
    if not more:
        return None
    said = " and ".join(f"{n} more {level}{'' if n == 1 else 's'}" for n, level in more)
    return (f"GitHub shows the first {PER_STEP} annotations of each level in a step: "
            f"{said} are in this step's log")


def _render(report: Report, color: bool = False) -> str:
    lines = []
    summary = summarise(report, annotations=True)
    counts = Counter(_PROBLEM.get(p.severity, "error") for p in summary.shown_problems)
    counts.update(COMMAND[f.severity] for f in summary.findings)
    counts["notice"] += len(summary.notes)
    findings = summary.findings
    overflow = _overflow(counts)
    if overflow is not None:
        lines.append(command("notice", overflow, title="transcheck"))
        findings = _round_the_files(findings)
    # Input errors stop the run and come first; the input's warnings and notices after
    # the findings, so that a file skipped in every folder never takes the places
    # GitHub shows the findings in.
    problems = [(_PROBLEM.get(p.severity, "error"), p) for p in summary.shown_problems]
    lines += [_problem(level, p) for level, p in problems if level == "error"]
    for f in findings:
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
    lines += [_problem(level, p) for level, p in problems if level != "error"]
    for note in summary.notes:
        lines.append(command("notice", note, title="transcheck"))
    tail = ", ".join((f"transcheck: {summary.tally} in {plural(summary.documents, 'document')}",) + summary.set_aside)
    lines.append(terminal(f"{tail} ({signature_line(report)})"))
    return "\n".join(lines) + "\n"


def _problem(level: str, problem) -> str:
    return command(level, problem.message, file=checkout_path(problem.path), line=problem.line or None,
                   title="transcheck: input")


class GithubFormatter(Formatter):
    def render(self, report: Report) -> str:
        return _render(report, self.color)


FORMATTER = GithubFormatter
