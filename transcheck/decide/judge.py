"""The one owner of each finding's severity and visibility: ``judge`` takes a checked
group and the project's ``Policy`` and returns what is shown and what was set aside."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from transcheck.model import Finding, GroupResult, InputProblem, Report, Severity, Strength, SuppressedFinding


@dataclass(frozen=True)
class Policy:
    """What the project decided about findings, from its configuration and the command line."""

    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule code -> severity
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()  # (absolute glob, codes)
    suppressions: tuple = ()  # config.Suppression: fingerprint + justification
    baseline: frozenset[str] | None = None  # fingerprints already known; None: no baseline
    inline: bool = True  # honour <!-- transcheck: ignore ... --> comments in Markdown
    fail_on: str = "error"  # the least severity that fails the run (decide.exit.FAIL_ON)
    strict: bool = False  # every input problem fails the run
    # Info findings in workflow annotations and the pull-request summary too; by default
    # those carry only errors and warnings (report.summary.shown_in).
    show_info: bool = False


@dataclass(frozen=True)
class JudgedGroup:
    """One group after judgement: ``group.findings`` are the findings shown."""

    group: GroupResult
    suppressed: tuple[SuppressedFinding, ...] = ()
    baselined: tuple[Finding, ...] = ()
    # (fingerprint, "new"/"unchanged") for every finding, suppressed ones included
    # (SARIF wants a state on every result or on none); empty without a baseline.
    states: tuple[tuple[str, str], ...] = ()
    unsuppressed: tuple[Finding, ...] = ()  # what --write-baseline records
    out_of_scope: int = 0  # not introduced since --changed-since
    problems: tuple[InputProblem, ...] = ()  # from inline comments


def judge(
    group: GroupResult,
    policy: Policy,
    rules: Iterable,
    scope: Callable[[Finding], Severity | None] | None = None,
) -> JudgedGroup:
    """Judge the findings of one whole group (documents with their text), in this order:

    0. findings on the source language are dropped: the source is the reference every
       translation is judged against, and what is odd in it is the original's;
    1. severity: the rule's (its default, or the project's override) as the finding's
       strength of evidence allows (``graded``); in a page the source no longer has
       (``orphaned``) at most info: what stale translations say of each other is no
       defect of a page the project still publishes;
    2. suppressions: inline comments ("inSource"), per-file-ignores and fingerprints
       ("external");
    3. the baseline: known fingerprints are set aside, and every fingerprint gets
       SARIF's "new"/"unchanged";
    4. the changed-since ``scope``: findings outside it (``scope(f)`` is None) are only
       counted; the others are capped at the severity it gives (a translation that a
       change to its source makes outdated is told of, not failed).
    5. folding (``fold``): a finding inside a repeated block, or inside the tail of a
       translation that stops part of the way, that is shown is part of that block's
       finding, only counted.

    ``rules`` are the rules that ran: their defaults are what overrides replace, and
    only a comment whose every rule ran can be known to suppress nothing.
    """
    from transcheck.read.spec import path_matches
    from transcheck.decide.suppress import inline_suppressions

    rules = tuple(rules)
    problems: list[InputProblem] = []
    inline: dict[str, list] = {}
    if policy.inline:
        for doc in group.documents:
            marks, found = inline_suppressions(doc)
            # A keyed group's embedded source shares its file with a translation.
            inline.setdefault(doc.path, []).extend(marks)
            problems.extend(found)
    by_fingerprint = {s.fingerprint: s for s in policy.suppressions if s.fingerprint}
    by_key = [s for s in policy.suppressions if s.key]
    used = set()

    def suppression(f: Finding) -> tuple[str, str] | None:
        for mark in inline.get(f.path, ()):
            if mark.covers(f):
                used.add(mark)
                return "inSource", mark.justification
        for pattern, codes in policy.per_file_ignores:
            if f.code in codes and path_matches(f.path, pattern):
                return "external", f"per-file-ignores: {pattern}"
        entry = by_fingerprint.get(f.fingerprint)
        if entry is not None:
            return "external", entry.justification
        if f.resource_key:
            entry = next((s for s in by_key if s.covers(f)), None)
            if entry is not None:
                return "external", entry.justification
        return None

    defaults = {r.code: r.severity for r in rules}
    kept, suppressed, baselined, states, unsuppressed = [], [], [], [], []
    out_of_scope = 0
    for f in group.findings:
        if group.source is not None and f.language == group.source:
            continue
        default = defaults.get(f.code, f.severity)
        level = graded(f.strength, default, policy.severity.get(f.code, default))
        if group.orphaned:
            level = Severity.INFO
        if level is not f.severity:
            f = replace(f, severity=level)
        known = policy.baseline is not None and f.fingerprint in policy.baseline
        if policy.baseline is not None:
            states.append((f.fingerprint, "unchanged" if known else "new"))
        why = suppression(f)
        if why is not None:
            suppressed.append(SuppressedFinding(f, *why))
            continue
        unsuppressed.append(f)
        if known:
            baselined.append(f)
            continue
        if scope is not None:
            cap = scope(f)
            if cap is None:
                out_of_scope += 1
                continue
            if cap.rank < f.severity.rank:
                f = replace(f, severity=cap)
        kept.append(f)
    kept, folded = fold(kept)
    enabled = {r.code for r in rules}
    for mark in (m for marks in inline.values() for m in marks):
        if mark not in used and mark.codes <= enabled:
            problems.append(stale_comment(mark))
    return JudgedGroup(
        group=replace(group, findings=tuple(kept), folded=folded),
        suppressed=tuple(suppressed),
        baselined=tuple(baselined),
        states=tuple(states),
        unsuppressed=tuple(unsuppressed),
        out_of_scope=out_of_scope,
        problems=tuple(problems),
    )


REPEAT = "TC101"
PARTIAL = "TC307"
_BLOCKS = (REPEAT, PARTIAL)


def fold(findings: list[Finding]) -> tuple[list[Finding], int]:
    """The findings without those of other rules whose lines lie inside a repeated
    block (TC101) or an untranslated tail (TC307) of the same file, and how many were
    folded: a copy's problems are the original's, already reported there, and the fix
    (delete the copy) removes them; a tail's every line is the one fact that the
    translation stops there. A tail takes the most severe verdict of what it folds
    (its missing paragraphs are errors), so folding never lowers the exit code."""
    blocks: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        if f.code in _BLOCKS:
            blocks.setdefault(f.path, []).append((f.line, f.end_line))
    if not blocks:
        return findings, 0

    def inside(f: Finding, a: int, b: int) -> bool:
        return a <= f.line and f.end_line <= b

    kept, folded = [], []
    for f in findings:
        if f.code not in _BLOCKS and any(inside(f, a, b) for a, b in blocks.get(f.path, ())):
            folded.append(f)
        else:
            kept.append(f)

    def verdict(tail: Finding) -> Finding:
        worst = max((g.severity for g in folded if g.path == tail.path and inside(g, tail.line, tail.end_line)),
                    key=lambda s: s.rank, default=tail.severity)
        return replace(tail, severity=worst) if worst.rank > tail.severity.rank else tail

    return [verdict(f) if f.code == PARTIAL else f for f in kept], len(folded)


def graded(strength: Strength, default: Severity, configured: Severity) -> Severity:
    """The severity of a finding: the one place a rule's severity and a finding's
    strength of evidence meet.

    ``configured`` is the project's severity for the rule (its override, else the
    rule's ``default``). Full evidence takes it; reduced evidence is one level below the
    rule's default, capped by ``configured``; a hint is info. So an override replaces
    the rule's severity and weaker findings keep their distance below it, and an
    override equal to the default changes nothing.
    """
    if strength is Strength.FULL:
        return configured
    if strength is Strength.REDUCED:
        lower = _BELOW.get(default, Severity.INFO)
        return min(lower, configured, key=lambda s: s.rank)
    return Severity.INFO


_BELOW = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO}


def stale_comment(mark) -> InputProblem:
    rules = ", ".join(sorted(mark.codes))
    lines = f"line {mark.line}" if mark.line == mark.end_line else f"lines {mark.line}-{mark.end_line}"
    return InputProblem(
        f"{mark.path}:{mark.comment_line}",
        f"this transcheck comment suppresses nothing ({rules} found nothing at {lines}); remove it",
        severity="warning",
    )


def policy_from(config, baseline: frozenset[str] | None = None, fail_on: str | None = None,
                strict: bool = False, show_info: bool | None = None) -> Policy:
    """The policy of a ``config.Config`` plus the run's baseline and exit decision."""
    return Policy(
        severity=dict(config.severity),
        per_file_ignores=config.per_file_ignores,
        suppressions=config.suppressions,
        baseline=baseline,
        fail_on=fail_on or config.fail_on or "error",
        strict=strict,
        show_info=bool(config.show_info if show_info is None else show_info),
    )


def report_of(
    judged: Iterable[JudgedGroup],
    problems: Iterable[InputProblem],
    settings,
    rules: Iterable,
    *,
    baseline: bool = False,
    changed_since: str | None = None,
    changed: Iterable | None = None,
    fail_on: str = "error",
    strict: bool = False,
    show_info: bool = False,
) -> Report:
    """The one report of a run, from its judged groups in order; ``problems`` are all
    the run's input problems, the judged groups' among them, in the order met."""
    judged = tuple(judged)
    states: dict[str, str] | None = {} if baseline else None
    for j in judged:
        if states is not None:
            states.update(j.states)
    return Report(
        groups=tuple(j.group for j in judged),
        problems=tuple(problems),
        settings=settings,
        rules=tuple(rules),
        suppressed_findings=tuple(s for j in judged for s in j.suppressed),
        baselined_findings=tuple(f for j in judged for f in j.baselined),
        baseline_state=states,
        unsuppressed=tuple(f for j in judged for f in j.unsuppressed),
        changed_since=changed_since,
        changed=tuple(changed) if changed is not None else None,
        out_of_scope=sum(j.out_of_scope for j in judged),
        fail_on=fail_on,
        strict=strict,
        show_info=show_info,
    )
