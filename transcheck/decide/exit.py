"""The exit code of a run: 2 for input or usage problems, 1 for a finding at or above
``fail-on``, else 0."""

from __future__ import annotations

from collections.abc import Iterable

from transcheck.model import Finding, Report, Severity

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

FAIL_ON = ("error", "warning", "info", "never")


def blocking_problems(problems: Iterable, strict: bool = False) -> int:
    """How many input problems force exit code 2.

    Errors always do: a file that was asked for and could not be read or decoded. Files
    skipped by design (severity "warning" or "info": no language in the name inside a
    walked directory, another file type) do only under ``--strict``.
    """
    return sum(1 for p in problems if strict or p.severity == "error")


def fails(finding: Finding, fail_on: str) -> bool:
    """Whether ``finding`` fails a run that fails on ``fail_on``: the one test every
    exit code and every format's pass/fail (JUnit's failures) applies."""
    return fail_on != "never" and finding.severity.rank >= Severity(fail_on).rank


def exit_code(findings: Iterable[Finding], fail_on: str, input_problems: int = 0) -> int:
    """2 for any input or usage problem; 1 for a finding at or above ``fail_on``; else 0."""
    if input_problems:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(fails(f, fail_on) for f in findings) else EXIT_OK


def run_exit_code(report: Report) -> int:
    """The exit code of a run, by the decision the report carries (``fail_on``, ``strict``)."""
    return exit_code(report.findings, report.fail_on, blocking_problems(report.problems, report.strict))


def fail_on_error(value: str) -> str | None:
    """Why ``value`` is not a ``fail-on`` level, or None."""
    return None if value in FAIL_ON else f"must be one of {', '.join(FAIL_ON)}, not {value!r}"
