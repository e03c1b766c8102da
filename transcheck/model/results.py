"""The results of a run: each group as checked and judged, pages' status, what was set
aside, and the one ``Report`` the formatters render."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from transcheck.model.records import Document, DocumentInfo, Finding, InputProblem, Row


# A page's state in one language (``PageStatus.state``).
SOURCE, UP_TO_DATE, OUTDATED, MISSING, PRESENT = "source", "up to date", "outdated", "missing", "present"


@dataclass(frozen=True, slots=True)
class PageStatus:
    """One page in one language: ``source``; ``up to date`` or ``outdated`` (git knows
    the translation's last update: ``segments`` source segments changed since
    ``since_sha`` of ``since_date``); ``present`` (nothing known of its lag: no
    ``--source``, no history); or ``missing`` (another language of the run has it)."""

    language: str
    state: str
    segments: int = 0
    since_sha: str = ""
    since_date: str = ""
    # A keyed resource's coverage: the source's messages, those this file translates
    # (neither missing, empty nor fuzzy), and those it has marked fuzzy; 0, 0, 0 for
    # running text or without a source.
    keys: int = 0
    translated: int = 0
    fuzzy: int = 0


@dataclass(frozen=True)
class GroupResult:
    """One group, checked. ``documents`` are ``DocumentInfo`` and ``rows`` empty once
    the group has been rendered and summarised (``summary``)."""

    group: str
    documents: tuple[Document, ...] | tuple[DocumentInfo, ...]
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...]
    status: tuple[PageStatus, ...] = ()  # one per language of the run, sorted by language
    folded: int = 0  # findings inside a repeated block, shown as part of the repeat
    source: str | None = None  # the source language, when the group has its document
    # The run's source language has pages but not this one (renamed or removed there):
    # its translations could only be compared with each other.
    orphaned: bool = False

    def __post_init__(self):
        for name in ("documents", "rows", "findings", "status"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def summary(self) -> GroupResult:
        return GroupResult(self.group, tuple(d.info() for d in self.documents), (), self.findings,
                           self.status, self.folded, self.source, self.orphaned)


@dataclass(frozen=True)
class SuppressedFinding:
    """A finding the project chose not to report, and on whose authority.

    ``kind`` uses SARIF's vocabulary: "inSource" for a comment in the checked file,
    "external" for the configuration (per-file-ignores) or a suppression file.
    """

    finding: Finding
    kind: str
    justification: str


@dataclass(frozen=True)
class ChangedSegment:
    """A segment that differs from the version at ``--changed-since REV``.

    ``status`` is "added" (no counterpart in the old version), "modified", or
    "removed" (old segments deleted before ``line``; a zero-width place);
    ``chrf`` is chrF of the new text against the old segment it replaced (None when
    added or removed, and for a keyed value, matched by its key): 100 means equal
    after normalisation, lower means a larger edit.
    """

    path: str
    language: str
    line: int
    end_line: int
    status: str
    chrf: float | None = None


def finding_order(f: Finding):
    # Ties keep the order the rule emitted them in (sorts are stable), e.g. row order.
    return (f.path, f.line, f.end_line, f.code)


@dataclass(frozen=True)
class Report:
    """All results of one run, in a stable order; what the formatters render.

    Built once, after the last group, from the groups as ``decide`` judged them: the
    findings shown, and what was set aside (suppressed, in the baseline, not introduced
    since ``--changed-since``). ``settings`` and ``rules`` are the run's
    (``settings.Settings``, ``rules.base.Rule``).
    """

    groups: tuple[GroupResult, ...]
    problems: tuple[InputProblem, ...]
    settings: Any
    rules: tuple[Any, ...]
    suppressed_findings: tuple[SuppressedFinding, ...] = ()
    baselined_findings: tuple[Finding, ...] = ()  # hidden: their fingerprint is in --baseline
    # fingerprint -> "new"/"unchanged" (SARIF's baselineState); None: no baseline
    baseline_state: MappingProxyType | None = None
    unsuppressed: tuple[Finding, ...] = ()  # what --write-baseline records
    changed_since: str | None = None  # the REV of --changed-since
    changed: tuple[ChangedSegment, ...] | None = None  # segments changed since REV, with chrF
    out_of_scope: int = 0  # --changed-since: findings not introduced by the change
    # The run's exit decision (``decide.exit``): findings at or above ``fail_on`` fail
    # it; under ``strict`` every input problem does.
    fail_on: str = "error"
    strict: bool = False
    show_info: bool = False  # info findings in annotations and the PR summary too

    def __post_init__(self):
        for name in ("groups", "problems", "rules", "suppressed_findings", "baselined_findings", "unsuppressed"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.changed is not None:
            object.__setattr__(self, "changed", tuple(self.changed))
        if self.baseline_state is not None:
            object.__setattr__(self, "baseline_state", MappingProxyType(dict(self.baseline_state)))

    @property
    def suppressed(self) -> int:
        return len(self.suppressed_findings)

    @property
    def baselined(self) -> int:
        return len(self.baselined_findings)

    @property
    def folded(self) -> int:
        return sum(g.folded for g in self.groups)

    @property
    def documents(self) -> list[Document] | list[DocumentInfo]:
        return [d for g in self.groups for d in g.documents]

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for g in self.groups for f in g.findings), key=finding_order)
