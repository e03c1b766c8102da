"""The command line. Parses options, hands the run to ``runner``, writes the report, and exits.

Every failure the user can cause ends in one line on standard error and exit code 2.
"""

from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from transcheck.decide.exit import EXIT_USAGE
from transcheck.read.contain import FOLLOW_HELP, LAYOUT_HELP

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check the translations of a document against each other.",
    pretty_exceptions_enable=False,
    # Plain help: with rich markup "[tool.transcheck]" or "transcheck[embeddings]" in a
    # help text would be read as a style tag and vanish.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from transcheck import __version__

        typer.echo(f"transcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="With any command: a traceback instead of a one-line "
                               "internal error (also in worker processes)."),
) -> None:
    """Check the translations of a document against each other."""
    # --debug is taken out of the arguments by ``main`` before the commands parse them,
    # so that it works after a command's name too; it is declared here to be listed.


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
    paths: List[str] = typer.Argument(None, help="Files or directories of translations (default: the current directory)."),
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
    show_info: bool = typer.Option(
        False, "--show-info", help="Info findings in workflow annotations (github) and the pull-request summary (markdown) too; by default those carry errors and warnings only."
    ),
    max_file_size: Optional[str] = typer.Option(
        None, "--max-file-size", help="Skip (and report) larger files: bytes, or 500k, 20M, 1G."
    ),
    max_segments: Optional[int] = typer.Option(
        None, "--max-segments", help="Skip (and report) files with more segments."
    ),
    max_languages: Optional[int] = typer.Option(None, "--max-languages", help="Skip (and report) documents in more languages (default 100)."),
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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on standard error (a bar at a terminal, a line every 10 s elsewhere)."),
    glossary: Optional[str] = typer.Option(
        None, "--glossary", help="Termbase, TBX or CSV (default: glossary.tbx or glossary.csv beside the documents)."
    ),
    history: bool = typer.Option(
        True, "--history/--no-history",
        help="With --source in a git work tree: report paragraphs whose source changed since the "
        "translation was last updated (outdated-segment, not-yet-translated).",
    ),
    embeddings: bool = typer.Option(
        False, "--embeddings",
        help="Use sentence embeddings in alignment and the meaning-drift check (needs transcheck[embeddings]).",
    ),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help=FOLLOW_HELP),
    layout: List[str] = typer.Option([], "--layout", help=LAYOUT_HELP),
) -> None:
    """Check translations and report what is wrong.

    Files are grouped into documents, each checked on its own: files whose paths are
    equal but for the language are translations of one document. The language is told
    by the file name (guide.fr.md, or fr.md for a directory of one document), by a
    directory named for it (fr/guide.md beside en/guide.md), or by a --layout pattern
    (or the configuration's layout) that says where {lang} sits in the path.
    """
    paths = paths or ["."]
    from transcheck.api import check_sections
    from transcheck.config.plan import Options, build_plan
    from transcheck.decide.exit import run_exit_code
    from transcheck.errors import UsageError
    from transcheck.progress import for_stderr
    from transcheck.report import Format, formatter, write, write_file

    try:
        fmt = Format(format)
    except ValueError:
        fail(f"unknown format {format!r}; choose from {', '.join(f.value for f in Format)}")
    options = Options(
        config=config, source=source, select=_split(select), ignore=_split(ignore),
        extend_select=_split(extend_select), exclude=tuple(exclude), layout=tuple(layout), fail_on=fail_on,
        strict=strict, show_info=show_info or None, glossary=glossary, max_file_size=max_file_size,
        max_segments=max_segments, max_languages=max_languages,
        follow_symlinks=follow_symlinks, history=history, embeddings=embeddings, baseline=baseline,
        changed_since=changed_since, jobs=jobs,
    )
    try:
        plan = build_plan(paths, options, flag=_flag)
        if not quiet:
            for note in plan.notes:
                say(f"transcheck: note: {note}")
        color = output is None and fmt is Format.TEXT and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        chosen = formatter(fmt, color=color)
        with for_stderr(quiet) as bar:
            report, sections = check_sections(paths, plan, formatter=chosen, progress=bar)
        if write_baseline:
            from transcheck.decide.baseline import write as write_baseline_file

            write_baseline_file(write_baseline, report.unsuppressed)
        _print_problems(report.problems, strict)
        if output:
            try:
                for note in write_file(report, output, chosen, sections, checked=paths):
                    if not quiet:
                        say(f"transcheck: note: {note}")
            except OSError as exc:
                fail(f"{output}: cannot write: {exc.strerror}")
        else:
            write(report, sys.stdout, chosen, sections)
    except UsageError as exc:
        fail(str(exc))
    raise typer.Exit(run_exit_code(report))


def _flag(name: str) -> str:
    """An option as the command line spells it, for messages."""
    return "--" + name.replace("_", "-")


@app.command()
def rules() -> None:
    """List every rule: code, name, category, default severity, summary."""
    from transcheck.errors import UsageError
    from transcheck.rules.registry import catalogue

    try:
        every = catalogue()
    except UsageError as exc:
        fail(str(exc))
    for r in every:
        state = "" if r.default else " [opt-in]"
        typer.echo(
            f"{r.code}  {r.name:<21} {r.category.value:<13} {r.severity.value:<8} {r.summary}{state}"
        )


@app.command()
def explain(
    code: str = typer.Argument(..., help="A rule code (TC101) or name."),
    markdown: bool = typer.Option(False, "--markdown", help="Markdown instead of plain text."),
) -> None:
    """Print the full documentation of one rule.

    Plain text, or Markdown with --markdown.
    """
    from transcheck.errors import UsageError
    from transcheck.rules.registry import lookup

    try:
        rule = lookup(code)
    except UsageError as exc:
        fail(str(exc))
    if rule is None:
        fail(f"unknown rule {code!r}; `transcheck rules` lists them")
    from transcheck.report.common import rule_markdown, rule_text

    if markdown:
        typer.echo(f"## {rule.code} `{rule.name}`\n\n*{rule.category.value}, default {rule.severity.value}*\n")
        typer.echo(rule_markdown(rule))
    else:
        typer.echo(f"{rule.code} {rule.name} ({rule.category.value}, default {rule.severity.value})\n")
        import textwrap

        # Paragraphs wrapped for a terminal; Markdown is left to its renderer.
        typer.echo("\n\n".join(textwrap.fill(p, 88) for p in rule_text(rule).split("\n\n")))


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
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help=FOLLOW_HELP),
) -> None:
    """Repair what needs no judgement: repeated blocks, and with --quotes quotation marks.

    Prints a unified diff and changes nothing unless --write is given; exits 1 when the diff is not empty.
    """
    from transcheck.config.plan import Options, build_plan
    from transcheck.errors import UsageError
    from transcheck.fix import FixConflict, fix_paths, write as write_plan

    try:
        # The configuration's thresholds, so that fix removes what check reports.
        run_plan = build_plan(paths, Options(config=config, max_file_size=max_file_size, max_segments=max_segments,
                                             follow_symlinks=follow_symlinks), flag=_flag)
    except UsageError as exc:
        fail(str(exc))
    plans, problems = fix_paths(paths, run_plan.settings, quotes=quotes, exclude=run_plan.exclude)
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
    from transcheck.decide.exit import blocking_problems

    if failed or blocking_problems(problems):
        raise typer.Exit(EXIT_USAGE)
    # Like a check: a dry run that would change something exits 1, so CI can require it.
    raise typer.Exit(1 if pending and not write else 0)


def _print_problems(problems, strict: bool) -> None:
    """One line on standard error per problem the report's summary shows."""
    from transcheck.report.summary import shown_problems

    for p in shown_problems(problems, strict):
        level = "" if p.severity == "error" else f"{p.severity}: "
        say(f"transcheck: {level}{p.path}: {p.message}")


def _split(values: List[str]) -> list[str]:
    return [v for value in values for v in value.replace(",", " ").split()]


def main() -> None:
    """The entry point: a user never sees a traceback unless they ask with --debug."""
    args = sys.argv[1:]
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    if debug:
        sys.argv.remove("--debug")
        os.environ["TRANSCHECK_DEBUG"] = "1"  # read by the runner, also in worker processes
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
