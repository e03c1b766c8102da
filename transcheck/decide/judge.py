"""The decisions made here and nowhere else: which rules run, which findings are
reported (severity overrides, suppressions, the baseline, the changed-since scope), and
the exit code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from transcheck.model import Finding, InputProblem, Severity, SuppressedFinding
from transcheck.rules.base import Rule

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

FAIL_ON = ("error", "warning", "info", "never")


class UnknownRule(ValueError):
    pass


def select_rules(
    rules: Iterable[Rule],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    extend: Iterable[str] = (),
) -> tuple[Rule, ...]:
    """Rules enabled by ``select`` (default: the rules on by default) plus ``extend``,
    minus ``ignore``.

    Entries are codes (``TC101``), code prefixes (``TC1``, ``TC``), rule names
    (``duplicate-block``) or categories (``duplication``); ``ALL`` selects everything,
    opt-in rules included. An entry that matches no rule raises ``UnknownRule`` naming it.
    """
    rules = tuple(rules)

    def matching(entries: Iterable[str]) -> set[str]:
        return set().union(*(resolve_codes(rules, e) for e in entries))

    select, ignore, extend = tuple(select), tuple(ignore), tuple(extend)
    chosen = matching(select) if select else {r.code for r in rules if r.default}
    chosen |= matching(extend)
    return tuple(r for r in rules if r.code in chosen - matching(ignore))


def resolve_codes(rules: Iterable[Rule], entry: str) -> set[str]:
    """The codes one selection entry stands for (code, prefix, name, category, ALL);
    ``UnknownRule`` when it matches none."""
    e = entry.strip()
    hits = {
        r.code
        for r in rules
        if e
        and (
            e.upper() == "ALL"
            or r.code.startswith(e.upper())
            or r.name == e.lower()
            or r.category.value == e.lower()
        )
    }
    if not hits:
        raise UnknownRule(f"unknown rule code or name: {entry!r}")
    return hits


def blocking_problems(problems: Iterable, strict: bool = False) -> int:
    """How many input problems force exit code 2.

    Errors always do: a file that was asked for and could not be read or decoded. Files
    skipped by design (severity "warning" or "info": no language in the name inside a
    walked directory, another file type) do only under ``--strict``.
    """
    return sum(1 for p in problems if strict or p.severity == "error")


def exit_code(findings: Iterable[Finding], fail_on: str, input_problems: int = 0) -> int:
    """2 for any input or usage problem; 1 for a finding at or above ``fail_on``; else 0."""
    if input_problems:
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in findings) else EXIT_OK


@dataclass(frozen=True)
class Policy:
    """What the project decided about findings, from its configuration and the command line."""

    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule code -> severity
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()  # (absolute glob, codes)
    suppressions: tuple = ()  # config.Suppression: fingerprint + justification
    baseline: frozenset[str] | None = None  # fingerprints already known; None: no baseline
    inline: bool = True  # honour <!-- transcheck: ignore ... --> comments in Markdown


def apply_policy(report, policy: Policy, scope: Callable[[Finding], bool] | None = None) -> list[Finding]:
    """``apply_group_policy`` on every group of a report that holds its groups whole;
    returns what ``--write-baseline`` records."""
    for group in report.groups:
        apply_group_policy(report, group, policy, scope)
    return report.unsuppressed


def apply_group_policy(report, group, policy: Policy, scope: Callable[[Finding], bool] | None = None) -> None:
    """Filter and adjust the findings of one whole group (documents with their text) in
    place, in this order:

    1. per-rule severity overrides;
    2. suppressions: inline comments ("inSource"), per-file-ignores and fingerprints
       ("external"); they go to ``report.suppressed_findings``;
    3. the baseline: known fingerprints go to ``report.baselined_findings`` and
       ``report.baseline_state`` maps every fingerprint to SARIF's "new"/"unchanged";
    4. the changed-since ``scope``: findings outside it are only counted (``out_of_scope``).

    The findings left after step 2 join ``report.unsuppressed``, which is what
    ``--write-baseline`` records. Problems found on the way (an inline comment naming no
    rule) join ``report.problems``.
    """
    from transcheck.decide.config import path_matches
    from transcheck.decide.suppress import inline_suppressions

    inline: dict[str, list] = {}
    if policy.inline:
        for doc in group.documents:
            marks, problems = inline_suppressions(doc)
            inline[doc.path] = marks
            report.problems.extend(problems)
    by_fingerprint = {s.fingerprint: s for s in policy.suppressions}
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
        return None

    if policy.baseline is not None and report.baseline_state is None:
        report.baseline_state = {}
    defaults = {r.code: r.severity for r in report.rules}
    kept = []
    for f in group.findings:
        override = policy.severity.get(f.code)
        if override is not None:
            level = overridden(f.severity, defaults.get(f.code, f.severity), override)
            if level is not f.severity:
                f = replace(f, severity=level)
        if policy.baseline is not None:
            # Suppressed findings get a state too: SARIF wants it on every result or none.
            known = f.fingerprint in policy.baseline
            report.baseline_state[f.fingerprint] = "unchanged" if known else "new"
        why = suppression(f)
        if why is not None:
            report.suppressed_findings.append(SuppressedFinding(f, *why))
            continue
        report.unsuppressed.append(f)
        if policy.baseline is not None and known:
            report.baselined_findings.append(f)
            continue
        if scope is not None and not scope(f):
            report.out_of_scope += 1
            continue
        kept.append(f)
    group.findings = kept
    enabled = {r.code for r in report.rules}
    for mark in (m for marks in inline.values() for m in marks):
        # Only a comment whose every rule ran can be known to suppress nothing.
        if mark not in used and mark.codes <= enabled:
            report.problems.append(stale_comment(mark))
    report.suppressed = len(report.suppressed_findings)
    report.baselined = len(report.baselined_findings)


def overridden(severity: Severity, default: Severity, override: Severity) -> Severity:
    """A finding's severity under a configured override of its rule's severity.

    The override replaces the rule's default: findings at the default take the
    override; a finding the rule itself set below its default (a weaker case) keeps
    that, capped by the override. An override equal to the default changes nothing.
    """
    if override is default:
        return severity
    if severity is default:
        return override
    return min(severity, override, key=lambda s: s.rank)


def stale_comment(mark) -> InputProblem:
    rules = ", ".join(sorted(mark.codes))
    lines = f"line {mark.line}" if mark.line == mark.end_line else f"lines {mark.line}-{mark.end_line}"
    return InputProblem(
        f"{mark.path}:{mark.comment_line}",
        f"this transcheck comment suppresses nothing ({rules} found nothing at {lines}); remove it",
        severity="warning",
    )


def policy_from(config, baseline: frozenset[str] | None = None) -> Policy:
    """The policy of a ``config.Config`` plus the run's baseline."""
    return Policy(
        severity=dict(config.severity),
        per_file_ignores=config.per_file_ignores,
        suppressions=config.suppressions,
        baseline=baseline,
    )
