"""The command line. Parses options, runs the pipeline, renders, and exits.

Every failure the user can cause ends in one line on standard error and exit code 2.
"""

from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from transcheck.policy import EXIT_USAGE, FAIL_ON

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check the translations of a document against each other.",
    pretty_exceptions_enable=False,
)


def fail(message: str) -> None:
    typer.echo(f"transcheck: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Files or directories of translations."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report here."),
    source: Optional[str] = typer.Option(None, "--source", help="Language of the original."),
    fail_on: str = typer.Option("error", "--fail-on", help="error, warning, info or never."),
    select: List[str] = typer.Option([], "--select", help="Only these rules (code, prefix, name)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Not these rules."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Groups checked in parallel processes."),
) -> None:
    """Check translations and report what is wrong."""
    from transcheck.pipeline import run
    from transcheck.policy import UnknownRule, exit_code, select_rules
    from transcheck.read.languages import normalise_tag
    from transcheck.report import Format, render
    from transcheck.rules.registry import RULES
    from transcheck.settings import Settings

    try:
        fmt = Format(format)
    except ValueError:
        fail(f"unknown format {format!r}; choose from {', '.join(f.value for f in Format)}")
    if fail_on not in FAIL_ON:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if source is not None and normalise_tag(source) is None:
        fail(f"--source: unknown language code {source!r}")
    try:
        rules = select_rules(RULES, _split(select), _split(ignore))
    except UnknownRule as exc:
        fail(str(exc))
    settings = Settings(source=normalise_tag(source) if source else None)
    report = run(paths, settings, rules, jobs=max(1, jobs))

    for problem in report.problems:
        typer.echo(f"transcheck: {problem.path}: {problem.message}", err=True)
    color = output is None and fmt is Format.TEXT and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = render(report, fmt, color=color)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror}")
    else:
        sys.stdout.write(text)
    raise typer.Exit(exit_code(report.findings, fail_on, len(report.problems)))


@app.command()
def rules() -> None:
    """List every rule: code, name, category, default severity, summary."""
    from transcheck.rules.registry import RULES

    for r in RULES:
        typer.echo(f"{r.code}  {r.name:<20} {r.category.value:<13} {r.severity.value:<8} {r.summary}")


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code (TC101) or name.")) -> None:
    """Print the full documentation of one rule."""
    from transcheck.rules.registry import lookup

    rule = lookup(code)
    if rule is None:
        fail(f"unknown rule {code!r}; `transcheck rules` lists them")
    typer.echo(f"{rule.code} {rule.name} ({rule.category.value}, default {rule.severity.value})\n")
    typer.echo(rule.summary + "\n")
    for title, body in rule.sections.items():
        typer.echo(f"{title}:")
        typer.echo("\n".join("    " + ln if ln else "" for ln in body.splitlines()) + "\n")


def _split(values: List[str]) -> list[str]:
    return [v for value in values for v in value.replace(",", " ").split()]


def main() -> None:
    app()
