"""What every format says about a run, computed once from the ``Report``: the findings
shown and their counts, the size of the input, what was set aside, and which input
problems a reader is shown. Formats phrase it; they do not decide it."""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.model import Finding, InputProblem, Report, Severity, SuppressedFinding, finding_order

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Summary:
    findings: tuple[Finding, ...]  # shown, in finding order
    counts: dict  # Severity -> count of shown findings, every severity present
    documents: int
    segments: int
    groups: int
    languages: tuple[str, ...]  # of the checked documents, sorted
    notes: tuple[str, ...]  # the groups' notes, in group order
    set_aside: tuple[str, ...]  # "2 suppressed", "5 in the baseline"
    suppressed: tuple[SuppressedFinding, ...]  # in finding order
    # Input problems: every one (machine-readable formats); the ones a reader is shown
    # (errors and warnings; "info" is a file of another type met in a directory); and
    # the files that could not be checked at all (errors).
    problems: tuple[InputProblem, ...]
    shown_problems: tuple[InputProblem, ...]
    unreadable: tuple[InputProblem, ...]

    @property
    def tally(self) -> str:
        """"1 error, 2 warnings, 0 info"."""
        c = self.counts
        return (
            f"{plural(c[Severity.ERROR], 'error')}, {plural(c[Severity.WARNING], 'warning')}, "
            f"{c[Severity.INFO]} info"
        )

    @property
    def successful(self) -> bool:
        """Every file asked for was checked (SARIF's executionSuccessful)."""
        return not self.unreadable


def summarise(report: Report) -> Summary:
    findings = tuple(report.findings)
    documents = report.documents
    set_aside = []
    if report.suppressed:
        set_aside.append(f"{report.suppressed} suppressed")
    if report.baselined:
        set_aside.append(f"{report.baselined} in the baseline")
    return Summary(
        findings=findings,
        counts=by_severity(findings),
        documents=len(documents),
        segments=sum(d.segment_count for d in documents),
        groups=len(report.groups),
        languages=tuple(sorted({d.language for d in documents})),
        notes=tuple(n for g in report.groups for n in g.notes),
        set_aside=tuple(set_aside),
        suppressed=tuple(sorted(report.suppressed_findings, key=lambda s: finding_order(s.finding))),
        problems=tuple(report.problems),
        shown_problems=tuple(p for p in report.problems if p.severity != "info"),
        unreadable=tuple(p for p in report.problems if p.severity == "error"),
    )


def by_severity(findings) -> dict[Severity, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts
