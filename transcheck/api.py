"""transcheck as a library: the same run as ``transcheck check``, called from Python.

    from transcheck import api

    report = api.check(["docs/"], source="en")
    for finding in report.findings:
        print(finding.path, finding.line, finding.code, finding.message)
    raise SystemExit(api.exit_code(report))

Translations held in memory (a localization platform's, an editor's buffers) are
checked without touching the disk: one ``Text`` per language, and texts with the same
``name`` are one document in several languages.

    report = api.check([
        api.Text("welcome.md", "en", "# Welcome\\n\\nSave your work often.\\n"),
        api.Text("welcome.md", "sv", "# Välkommen\\n\\nSave your work often.\\n"),
    ], source="en")

Options are the command line's, by their Python names (``fail_on``, ``max_segments``,
``select``...); see ``Options``. Everything a caller can get wrong raises
``UsageError`` with a one-line message; problems with the checked files are
``report.problems`` and the other files are still checked. The ``Report`` and its
findings are immutable records (``transcheck.model``); ``render`` writes a report in
any of the command line's formats.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace

from transcheck.config.plan import Options, RunPlan, build_plan
from transcheck.errors import UsageError
from transcheck.model import Finding, InputProblem, Report, Severity

__all__ = [
    "Finding", "InputProblem", "Options", "Report", "RunPlan", "Severity", "Text", "UsageError",
    "build_settings", "check", "exit_code", "render",
]


@dataclass(frozen=True)
class Text:
    """One translation held in memory. ``name`` is the document it translates (texts
    with the same name are compared); ``format`` is a file format's name ("markdown",
    "mdx", "text"...), by default the one ``name``'s suffix says, else plain text.
    Reports call it ``path``, by default ``LANGUAGE/NAME`` (as a directory per
    language would)."""

    name: str
    language: str
    text: str
    format: str = ""
    path: str = ""


def build_settings(paths: Sequence[str] = (".",), options: Options | None = None, **kwargs) -> RunPlan:
    """The plan of a run over ``paths``: ``options`` (or the same as keyword arguments)
    merged with the configuration file found above the paths, every value checked.
    Raises ``UsageError``."""
    return build_plan(list(paths), _options(options, kwargs))


def check(
    inputs: Iterable[str | os.PathLike | Text] = (".",),
    plan: RunPlan | None = None,
    *,
    formatter=None,
    progress: Callable[[int, int], None] | None = None,
    **options,
) -> Report:
    """Check files and directories (paths), or ``Text`` translations held in memory, and
    return the report. ``plan`` comes from ``build_settings``; without it the options
    given here (keyword arguments, as ``Options``) make one. Texts in memory are never
    compared with files, use no configuration file unless one is named, and have no git
    history. Raises ``UsageError``.

    With a ``formatter`` (``transcheck.report.formatter``), each group is rendered as it
    finishes and then reduced to its summary, so a large run keeps little in memory;
    ``check_sections`` returns the sections that ``report.write`` then needs.
    """
    return check_sections(inputs, plan, formatter=formatter, progress=progress, **options)[0]


def check_sections(inputs=(".",), plan: RunPlan | None = None, *, formatter=None, progress=None, **options):
    """``check``, and the formatter's sections (None without a formatter)."""
    from transcheck.runner import execute

    inputs = list(inputs)
    texts = [i for i in inputs if isinstance(i, Text)]
    if texts and len(texts) != len(inputs):
        raise UsageError("check either paths or texts in memory, not both in one run")
    paths = [os.fspath(i) for i in inputs if not isinstance(i, Text)]
    if plan is None:
        given = _options(None, options)
        if texts:
            given = replace(given, find_config=False, history=False)
        plan = build_plan(paths, given)
    elif options:
        raise UsageError("give options either in the plan or as keyword arguments, not both")
    found = _from_texts(texts, plan) if texts else _discover(paths, plan)
    if texts and plan.changed_since:
        raise UsageError("changed_since compares files with a git revision; texts in memory have none")
    changed = None
    if plan.changed_since:
        from transcheck.decide.changed import ChangedSince

        changed = ChangedSince(plan.changed_since, paths or ["."])
    return execute(found, plan.settings, plan.rules, jobs=plan.jobs, policy=plan.policy,
                   changed_since=changed, formatter=formatter, progress=progress)


def exit_code(report: Report) -> int:
    """The command line's exit code for ``report``: 2 for input problems that fail the
    run, 1 for a finding at or above the run's ``fail_on``, else 0."""
    from transcheck.decide.exit import run_exit_code

    return run_exit_code(report)


def render(report: Report, format: str = "json") -> str:
    """``report`` in one of the command line's formats, as a string."""
    import io

    from transcheck.report import Format, write

    try:
        chosen = Format(format)
    except ValueError:
        raise UsageError(f"unknown format {format!r}; choose from {', '.join(f.value for f in Format)}") from None
    out = io.StringIO()
    write(report, out, chosen)
    return out.getvalue()


def _options(options: Options | None, kwargs: dict) -> Options:
    if options is not None and kwargs:
        raise UsageError("give options either as an Options record or as keyword arguments, not both")
    if options is not None:
        return options
    known = {f.name for f in fields(Options)}
    unknown = sorted(set(kwargs) - known)
    if unknown:
        raise UsageError(f"unknown option {unknown[0]!r}; the options are {', '.join(sorted(known))}")
    for name in ("select", "ignore", "extend_select", "exclude", "layout"):
        if isinstance(kwargs.get(name), str):
            kwargs[name] = (kwargs[name],)
        elif name in kwargs:
            kwargs[name] = tuple(kwargs[name])
    return Options(**kwargs)


def _discover(paths: list[str], plan: RunPlan):
    from transcheck.read.discover import discover_with

    # A pull request checks a large resource set narrowed to what it changed: the run
    # holds it to the limit then (``runner``), not before.
    settings = replace(plan.settings, max_languages=None) if plan.changed_since else plan.settings
    return discover_with(paths or ["."], settings, plan.exclude)


def _from_texts(texts: list[Text], plan: RunPlan):
    """Groups of the texts by name, each text a file that is never opened."""
    from transcheck.read.discover import Discovery
    from transcheck.read.languages import normalise_tag
    from transcheck.read.spec import FileSpec, GroupSpec

    groups: dict[str, dict[str, FileSpec]] = {}
    for t in texts:
        language = normalise_tag(t.language)
        if language is None:
            raise UsageError(f"{t.name}: unknown language code {t.language!r}")
        if t.format:
            from transcheck import formats

            if t.format not in formats.names():
                raise UsageError(f"{t.name}: unknown format {t.format!r}; choose from {', '.join(formats.names())}")
        spec = FileSpec(path=t.path or f"{language}/{t.name}", language=language, group=t.name,
                        text=t.text, format=t.format)
        if language in groups.setdefault(t.name, {}):
            raise UsageError(f"{t.name}: two texts in {language!r}")
        groups[t.name][language] = spec
    specs = tuple(GroupSpec(name, tuple(files[lang] for lang in sorted(files)))
                  for name, files in sorted(groups.items()))
    return Discovery(groups=specs, problems=())
