"""The loop of a run: for each group, read → context → rules, then (in the main
process, in group order) decide → the formatter's section; after the last group the
report is built once, and the formatter writes it (``report.write``).

Each group is checked on its own by ``check_group``, a pure function of its files, the
settings and its glossary, so groups can run in parallel processes; the results are
taken back in order, so the output is the same for any number of processes. With a
formatter, a group is reduced to its findings and a summary of its documents once its
section is written: memory stays bounded by the largest group plus the findings.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from transcheck import pages
from transcheck.context import build_view, load_glossary, resolve_glossary
from transcheck.decide.judge import JudgedGroup, Policy, judge, report_of
from transcheck.model import (
    ChangedSegment,
    Document,
    Finding,
    GroupResult,
    InputProblem,
    Report,
    finding_order,
)
from transcheck.read.discover import Discovery, GroupSpec, discover_with
from transcheck.read.file import empty_placeholders, read_document
from transcheck.rules.base import Rule
from transcheck.rules.registry import RuleSet, rule_set
from transcheck.settings import Settings

if TYPE_CHECKING:
    from transcheck.decide.changed import ChangedSince
    from transcheck.report.base import Formatter, Spool


def check_group(
    spec: GroupSpec, settings: Settings, rules: tuple[Rule, ...], glossary: str | None = None,
    stage: Callable[[str, int, int], None] | None = None, jobs: int = 1,
) -> tuple[GroupResult, list[InputProblem]]:
    """Read, align, identify and check one group; ``glossary`` is the path the runner
    resolved for it (None: none). ``stage(what, done, total)`` hears of each document
    aligned and each rule run; ``jobs`` processes may share a large group's rules."""
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for file in spec.files:
        read = read_document(file, settings)
        (problems if isinstance(read, InputProblem) else documents).append(read)
    problems = empty_placeholders(spec, problems, documents, settings.source)
    from transcheck.align.keys import embedded_source, name_keys

    embedded = embedded_source(documents, settings.source)
    if embedded is not None:  # PO or XLIFF files without a template: their own source
        # First: it shares its path with a translation, whose name a report shows.
        documents = [embedded, *documents]
    termbase, problem = load_glossary(glossary, settings.follow_symlinks) if documents else (None, None)
    if problem is not None:
        # Reported once here; the terminology rules then run without it.
        problems.append(problem)
    voters = [d for f in spec.voters if isinstance(d := read_document(f, settings), Document)]
    view = build_view(spec.name, documents, settings, termbase, spec.lag, stage, voters)
    # A group whose every file was skipped (front matter only) is no group to check.
    findings = name_keys(_run_rules(rules, view, settings, problems, stage, jobs), documents, view.rows) if documents else []
    result = GroupResult(
        group=spec.name,
        documents=tuple(documents),
        rows=tuple(view.rows),
        findings=tuple(fingerprinted(findings)),
        status=pages.status(documents, settings.source, view.lag, spec.lag),
        source=view.source,
    )
    return result, problems


def _run_rules(rules: tuple[Rule, ...], view, settings: Settings, problems: list[InputProblem],
               stage=None, jobs: int = 1) -> list[Finding]:
    """Every rule's findings, in rule order (a large group's in ``jobs`` processes)."""
    from transcheck import group_jobs
    from transcheck.group_jobs import run_rule

    if group_jobs.worth_it(view, jobs):
        results = group_jobs.run_rules(rules, view, settings, jobs, stage)
    else:
        results = []
        for done, rule in enumerate(rules, start=1):
            results.append(run_rule(rule, view, settings))
            if stage is not None:
                stage(f"{view.name}: rules", done, len(rules))
    findings: list[Finding] = []
    for found, problem in results:
        findings.extend(found)
        if problem is not None:
            problems.append(problem)
    return findings


def fingerprinted(findings: Iterable[Finding]) -> list[Finding]:
    """Give each finding a fingerprint that ignores line numbers.

    It hashes the rule, the path and the rule's key (what is wrong); identical keys in
    one file (the same paragraph missing twice) are told apart by their order.
    """
    seen: dict[str, int] = {}
    out = []
    for f in sorted(findings, key=finding_order):
        # "./docs/a.md" and "docs/a.md" name one file: a baseline must not depend on it.
        path = os.path.normpath(f.path).replace(os.sep, "/")
        base = hashlib.sha256(f"{f.code}\0{path}\0{f.key}".encode()).hexdigest()[:16]
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(replace(f, fingerprint=base if n == 0 else f"{base}:{n}"))
    return out


def execute(
    found: Discovery,
    settings: Settings,
    rules: Iterable[Rule],
    *,
    jobs: int = 1,
    policy: Policy | None = None,
    changed_since: ChangedSince | None = None,
    formatter: Formatter | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Report, Spool | None]:
    """Check the groups ``found``: the report, judged by ``policy``. With a
    ``formatter``, also its sections, one per group, for ``report.write``: each group is
    then reduced to a summary once its section is written. ``progress(done, total)`` is
    called as groups finish."""
    sections = None
    render = None
    if formatter is not None:
        from transcheck.report.base import Spool

        sections = Spool()

        def render(group: GroupResult, header: Report) -> GroupResult:
            sections.append(formatter.section(group, header))
            return group.summary()

    rules = tuple(rules)
    report = _loop(found, settings, rules, jobs, progress, policy or Policy(), changed_since, render)
    return report, sections


def run(
    paths: list[str],
    settings: Settings,
    rules: Iterable[Rule],
    jobs: int = 1,
    exclude: tuple[str, ...] = (),
    *,
    policy: Policy | None = None,
    changed_since: ChangedSince | None = None,
) -> Report:
    """Check the files under ``paths``; the report keeps every group whole (segments and
    rows), for a caller that reads them or renders several formats."""
    found = discover_with(paths, settings, exclude)
    return execute(found, settings, rules, jobs=jobs, policy=policy, changed_since=changed_since)[0]


def _loop(found, settings, rules, jobs, progress, policy, changed_since, render) -> Report:
    specs = found.groups
    # The languages of the run: a page that another language has is missing in the rest.
    languages = sorted({f.language for spec in specs for f in spec.files})
    over: list[InputProblem] = []
    if changed_since is not None:  # a PR of a few pages checks those pages' groups only
        specs, over = changed_since.scope(specs, settings.source, settings.max_languages)
    specs, notes = _with_lag(specs, settings, rules, changed_since)
    page_codes = frozenset(r.code for r in rules if r.lag)
    absence_codes = frozenset(r.code for r in rules if r.absence)
    # Texts from memory have no place on disk to find a glossary beside.
    groups = [(spec, resolve_glossary(settings, [f.path for f in spec.files if f.text is None]))
              for spec in specs]
    if jobs > 1:
        # Parsed once, here, with what the checks derive from it: the worker processes
        # are forked from this one and find it all in the caches they inherit.
        from transcheck.terms import share

        for path in sorted({g for _, g in groups if g}):
            share(load_glossary(path, settings.follow_symlinks)[0], settings.vocabulary, languages)
    # What a formatter's section may read of the run before its groups are known.
    header = Report(groups=(), problems=(), settings=settings, rules=rules)
    problems = list(found.problems) + over + notes
    if changed_since is not None:
        problems = [p for p in problems if changed_since.concerns(p)]
    seen: set[InputProblem] = set(problems)
    judged: list[JudgedGroup] = []
    changed: list[ChangedSegment] | None = [] if changed_since is not None else None
    results = _map_groups(groups, settings, rules, jobs, getattr(progress, "stage", None))
    for done, ((spec, glossary), (result, group_problems)) in enumerate(zip(groups, results), start=1):
        # A glossary shared by many groups that cannot be used is one line, not one per group.
        problems.extend(p for p in group_problems if (changed_since is None or changed_since.concerns(p))
                        and not (p in seen or seen.add(p)))
        if result.documents:
            have = {f.language for f in spec.files}  # an unreadable file is not a missing page
            result = replace(result, status=pages.with_missing(result.status, [lang for lang in languages if lang not in have]))
            if settings.source in languages and result.source is None:
                result = replace(result, orphaned=True)
                # A translation alone is compared with nothing (a blog post only one
                # language has: the run's note names it), and a source file that holds
                # no text is no page the source lacks.
                if len(result.documents) > 1 and not any(f.language == settings.source for f in spec.files):
                    # Named by a file the change touched, which the pull request shows.
                    paths = [d.path for d in result.documents]
                    named = next((p for p in paths if changed_since is None or changed_since.differs(p)), paths[0])
                    if not pages.interface_builder(named):
                        problems.append(pages.orphaned(named, len(paths), settings.source))
            scope = None
            if changed_since is not None:
                def recheck(old: GroupSpec, glossary=glossary) -> GroupResult:
                    return check_group(old, settings, rules, glossary)[0]

                changes, scope = changed_since.group(result, recheck, page_codes, settings.source, absence_codes)
                changed.extend(changes)
            verdict = judge(result, policy, rules, scope)
            problems.extend(verdict.problems)
            if render is not None:
                verdict = replace(verdict, group=render(verdict.group, header))
            judged.append(verdict)
        if progress is not None:
            progress(done, len(groups))
    return report_of(
        judged, problems, settings, rules,
        baseline=policy.baseline is not None,
        changed_since=changed_since.rev if changed_since is not None else None,
        changed=changed,
        fail_on=policy.fail_on,
        strict=policy.strict,
        show_info=policy.show_info,
    )


def _with_lag(groups, settings: Settings, rules, changed_since=None):
    """The groups with what git says of each translation's last update (one log pass
    and one batch read for the whole run), and what could not be known, said once.
    With --changed-since, the change's own commits are not an update: a pull request
    is judged on what it leaves outdated."""
    if not (settings.source and settings.history and any(r.lag for r in rules)):
        return groups, []
    from transcheck import history
    from transcheck.formats import is_keyed

    # Keys have no history of paragraphs to follow: the lag rules read pages only.
    pages = [g for g in groups if not any(is_keyed(f.path) for f in g.files)]
    if not pages:
        return groups, []

    since = changed_since.rev if changed_since is not None else None
    # A pull request is told of the lag of the translations it changes, and of those
    # whose source it changes: git is asked about those pages only.
    concerned = changed_since.differs if changed_since is not None else None
    lag = history.plan(pages, settings.source, settings.skip_markers, since, concerned)
    out = tuple(
        replace(g, lag=tuple(sorted(lag.inputs[g.name].items()))) if g.name in lag.inputs else g
        for g in groups
    )
    return out, [InputProblem(".", note, severity="warning") for note in lag.notes]


# Groups per task sent to a worker, and tasks in flight per worker: enough to keep the
# workers busy and the pipes cheap, few enough that results waiting for an earlier,
# slower group (and a worker's finished batch) stay a handful of groups.
_BATCH = 4
_AHEAD = 4


def _map_groups(groups, settings, rules, jobs, stage=None) -> Iterator[tuple[GroupResult, list[InputProblem]]]:
    """``check_group`` of each (spec, glossary), in order, in ``jobs`` processes; a
    single group gets the processes to itself. ``stage`` hears of the steps inside the
    groups checked in this process."""
    if jobs <= 1 or len(groups) <= 1:
        for spec, glossary in groups:
            yield check_group(spec, settings, rules, glossary, stage, jobs)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    refs = rule_set(rules).refs
    jobs = min(jobs, len(groups))
    batches = iter([groups[i:i + _BATCH] for i in range(0, len(groups), _BATCH)])
    import multiprocessing

    # Forked workers inherit what the main process has loaded (the termbases).
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if fork else None
    if fork:
        import gc

        # A worker's garbage collector would write to every object it inherited (a
        # termbase of 400 MB), copying each page: frozen, the pages stay shared.
        gc.freeze()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending = deque()

        def submit() -> None:
            batch = next(batches, None)
            if batch is not None:
                pending.append(pool.submit(_check_groups, batch, settings, refs))

        for _ in range(jobs * _AHEAD):
            submit()
        # Results are taken in submission order, so output equals a serial run.
        while pending:
            done = pending.popleft().result()
            submit()
            yield from done


def _check_groups(batch, settings, refs):
    # Rules hold functions: they cross to a worker as import paths and codes, and are
    # imported there (a plug-in's as transcheck's own).
    rules = _worker_rules(refs)
    return [check_group(spec, settings, rules, glossary) for spec, glossary in batch]


@functools.cache
def _worker_rules(refs) -> tuple[Rule, ...]:
    return RuleSet.loaded(refs).rules
