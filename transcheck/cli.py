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
    help="Check the translations of a document against each other. "
    "--debug (with any command) shows a traceback instead of a one-line internal error.",
    pretty_exceptions_enable=False,
)


def fail(message: str) -> None:
    say(f"transcheck: {message}")
    raise typer.Exit(EXIT_USAGE)


def say(line: str) -> None:
    """One line on standard error. Names and messages come from the checked files:
    control characters and CI logging commands are made inert first."""
    from transcheck.report.escape import terminal

    typer.echo(terminal(line), err=True)


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Files or directories of translations."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text, json, sarif, junit, github, markdown or html."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report here."),
    source: Optional[str] = typer.Option(None, "--source", help="Language of the original."),
    fail_on: Optional[str] = typer.Option(
        None, "--fail-on", help="error, warning, info or never (default: the configuration's, else error)."
    ),
    select: List[str] = typer.Option([], "--select", help="Only these rules (code, prefix, name)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Not these rules."),
    extend_select: List[str] = typer.Option(
        [], "--extend-select", help="These rules too, e.g. the opt-in TC603 spelling."
    ),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", help="Groups checked in parallel processes (default: one per CPU core)."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Every warning about the input is an error: files skipped in a directory (no language in the name, other types), inline comments that suppress nothing."
    ),
    max_file_size: Optional[str] = typer.Option(
        None, "--max-file-size", help="Skip (and report) larger files: bytes, or 500k, 20M, 1G."
    ),
    max_segments: Optional[int] = typer.Option(
        None, "--max-segments", help="Skip (and report) files with more segments."
    ),
    config: Optional[str] = typer.Option(
        None, "--config", help="Configuration file (default: the nearest transcheck.toml or pyproject.toml with [tool.transcheck])."
    ),
    exclude: List[str] = typer.Option([], "--exclude", help="Skip files matching this glob."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Report only findings not in this baseline file."),
    write_baseline: Optional[str] = typer.Option(
        None, "--write-baseline", help="Write the fingerprints of the current findings to this file."
    ),
    changed_since: Optional[str] = typer.Option(
        None, "--changed-since", help="Only findings a change since this git revision introduced."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on standard error."),
    glossary: Optional[str] = typer.Option(
        None, "--glossary", help="Termbase, TBX or CSV (default: glossary.tbx or glossary.csv beside the documents)."
    ),
    embeddings: bool = typer.Option(
        False, "--embeddings",
        help="Use sentence embeddings in alignment and the meaning-drift check (needs transcheck[embeddings]).",
    ),
) -> None:
    """Check translations and report what is wrong."""
    from transcheck.baseline import BaselineError
    from transcheck.baseline import read as baseline_fingerprints
    from transcheck.baseline import write as write_baseline_file
    from transcheck.config import ConfigError, plan_run
    from transcheck.pipeline import run
    from transcheck.policy import exit_code, policy_from
    from transcheck.read.languages import normalise_tag
    from transcheck.report import Format, formatter, write

    try:
        fmt = Format(format)
    except ValueError:
        fail(f"unknown format {format!r}; choose from {', '.join(f.value for f in Format)}")
    if fail_on is not None and fail_on not in FAIL_ON:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if source is not None and normalise_tag(source) is None:
        fail(f"--source: unknown language code {source!r}")
    try:
        plan = plan_run(
            paths, config_path=config, source=normalise_tag(source) if source else None,
            fail_on=fail_on, select=_split(select), ignore=_split(ignore), exclude=exclude,
            extend_select=_split(extend_select),
        )
        known = baseline_fingerprints(baseline) if baseline else None
    except (ConfigError, BaselineError) as exc:
        fail(str(exc))
    settings, rules, fail_on = plan.settings, plan.rules, plan.fail_on
    settings = _limits(settings, max_file_size, max_segments)
    settings = _glossary(settings, glossary)
    if embeddings:
        from dataclasses import replace

        from transcheck import embeddings as sentence_embeddings

        if not sentence_embeddings.available():
            fail(f"--embeddings needs the embeddings extra: {sentence_embeddings.EXTRA_HINT}")
        settings = replace(settings, embeddings=True)
    if not quiet and any(r.code == "TC603" for r in rules):
        from transcheck.rules import _hunspell

        if not _hunspell.engine_available():
            typer.echo(f"transcheck: note: spelling (TC603) skipped, no dictionaries: {_hunspell.EXTRA_HINT}",
                       err=True)
    color = output is None and fmt is Format.TEXT and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    changes = None
    if changed_since:
        from transcheck.changed import ChangedSince

        changes = ChangedSince(changed_since)
    from transcheck.changed import GitError
    from transcheck.progress import ProgressBar

    try:
        with ProgressBar.for_terminal(quiet) as bar:
            report = run(
                paths, settings, rules, jobs=_jobs(jobs), exclude=plan.exclude, progress=bar,
                policy=policy_from(plan.config, known), changed_since=changes,
                formatter=formatter(fmt, color=color),
            )
    except GitError as exc:
        fail(str(exc))
    if write_baseline:
        try:
            write_baseline_file(write_baseline, report.unsuppressed)
        except BaselineError as exc:
            fail(str(exc))

    _print_problems(report.problems, strict)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                write(report, fh)
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror}")
    else:
        write(report, sys.stdout)
    from transcheck.policy import blocking_problems

    raise typer.Exit(exit_code(report.findings, fail_on, blocking_problems(report.problems, strict)))


@app.command()
def rules() -> None:
    """List every rule: code, name, category, default severity, summary."""
    from transcheck.rules.registry import RULES

    for r in RULES:
        state = "" if r.default else " [opt-in]"
        typer.echo(
            f"{r.code}  {r.name:<21} {r.category.value:<13} {r.severity.value:<8} {r.summary}{state}"
        )


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


@app.command()
def fix(
    paths: List[str] = typer.Argument(..., help="Files or directories of translations."),
    write: bool = typer.Option(False, "--write", help="Change the files (default: print a diff)."),
    quotes: bool = typer.Option(
        False, "--quotes", help="Also rewrite mismatched or mixed quotation marks in the language's style."
    ),
    max_file_size: Optional[str] = typer.Option(None, "--max-file-size", help="Skip larger files."),
    max_segments: Optional[int] = typer.Option(None, "--max-segments", help="Skip files with more segments."),
    config: Optional[str] = typer.Option(
        None, "--config", help="Configuration file (thresholds and excludes, as for check)."
    ),
) -> None:
    """Repair what needs no judgement: repeated blocks, and with --quotes quotation marks.

    Prints a unified diff and changes nothing unless --write is given; exits 1 when the diff is not empty.
    """
    from transcheck.config import ConfigError, plan_run
    from transcheck.fix import FixConflict, fix_paths, write as write_plan

    try:
        # The configuration's thresholds, so that fix removes what check reports.
        run_plan = plan_run(paths, config_path=config)
    except ConfigError as exc:
        fail(str(exc))
    settings = _limits(run_plan.settings, max_file_size, max_segments)
    plans, problems = fix_paths(paths, settings, quotes=quotes, exclude=run_plan.exclude)
    _print_problems(problems, strict=False)
    from transcheck.fix import unified_diff

    failed = pending = 0
    for plan in plans:
        if not plan.changed:
            continue
        pending += 1
        for change in plan.changes:
            say(f"{plan.path}: {change}")
        if not write:
            sys.stdout.write(unified_diff(plan))
            continue
        try:
            write_plan(plan)
        except FixConflict as exc:
            say(f"transcheck: {exc}")
            failed += 1
        except OSError as exc:
            say(f"transcheck: {plan.path}: cannot write: {exc.strerror or exc}")
            failed += 1
    from transcheck.policy import blocking_problems

    if failed or blocking_problems(problems):
        raise typer.Exit(EXIT_USAGE)
    # Like a check: a dry run that would change something exits 1, so CI can require it.
    raise typer.Exit(1 if pending and not write else 0)


def _limits(settings, max_file_size: Optional[str], max_segments: Optional[int]):
    """``settings`` with the command line's size limits, checked."""
    from dataclasses import replace

    if max_file_size is not None:
        size = _parse_size(max_file_size)
        if size is None:
            fail(f"--max-file-size: expected a size such as 5000000, 500k, 20M or 1G, not {max_file_size!r}")
        settings = replace(settings, max_file_bytes=size)
    if max_segments is not None:
        if max_segments < 1:
            fail(f"--max-segments must be at least 1, not {max_segments}")
        settings = replace(settings, max_segments=max_segments)
    return settings


def _parse_size(text: str) -> int | None:
    import re

    m = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text, re.IGNORECASE)
    if not m or int(m.group(1)) < 1:
        return None
    return int(m.group(1)) * 1024 ** "_kmg".index(m.group(2).lower() or "_")


def _print_problems(problems, strict: bool) -> None:
    """One line per problem on standard error. Files of other types met while walking
    a directory (severity "info") stay silent unless --strict makes each an error."""
    for p in problems:
        if p.severity == "error" or strict:
            say(f"transcheck: {p.path}: {p.message}")
        elif p.severity == "warning":
            say(f"transcheck: warning: {p.path}: {p.message}")


def _jobs(jobs: Optional[int]) -> int:
    # One process per core by default: groups are independent and the output is the
    # same for any number of processes.
    return max(1, os.cpu_count() or 1) if jobs is None else max(1, jobs)


def _glossary(settings, path: Optional[str]):
    """Settings with the termbase named on the command line (or in the configuration),
    read once here so that a broken one is one line on stderr and exit code 2."""
    from dataclasses import replace

    from transcheck.terms import GlossaryError, load_cached

    if path:
        settings = replace(settings, glossary=path)
    if settings.glossary:
        try:
            load_cached(settings.glossary)
        except GlossaryError as exc:
            fail(f"{exc.path}: {exc}")
    return settings


def _split(values: List[str]) -> list[str]:
    return [v for value in values for v in value.replace(",", " ").split()]


def main() -> None:
    """The entry point: a user never sees a traceback unless they ask with --debug."""
    args = sys.argv[1:]
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    if debug:
        sys.argv.remove("--debug")
        os.environ["TRANSCHECK_DEBUG"] = "1"  # read by the pipeline, also in worker processes
    if not sys.argv[1:]:
        app()  # the help, as no_args_is_help asks
    click = _click_exceptions()
    try:
        code = app(standalone_mode=False)
    except click.UsageError as exc:
        # One line instead of click's usage block: the same rule as for bad input.
        command = f"transcheck {exc.ctx.info_name}" if exc.ctx and exc.ctx.parent else "transcheck"
        message = " ".join(exc.format_message().split()).rstrip(".")
        say(f"transcheck: {message}; see '{command} --help'")
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        say(f"transcheck: {' '.join(exc.format_message().split())}")
        sys.exit(EXIT_USAGE)
    except (KeyboardInterrupt, getattr(click, "Abort", KeyboardInterrupt)):
        typer.echo("transcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # SystemExit (every normal exit) is not an Exception
        if debug:
            raise
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0] if str(exc) else type(exc).__name__
        say(f"transcheck: internal error: {detail}; rerun with --debug")
        sys.exit(EXIT_USAGE)
    sys.exit(code or 0)


def _click_exceptions():
    # Recent typer versions carry their own copy of click; older ones use click itself.
    try:
        from typer._click import exceptions
    except ImportError:
        from click import exceptions
    return exceptions
