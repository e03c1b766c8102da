"""The one direction of flow: read -> segment -> identify language -> align -> check,
then per group the report's decisions, its section of the output, and its summary.

Each group is checked on its own by ``check_group``, a pure function of its files and
the settings, so groups can run in parallel processes. ``run`` takes the results in
order and, when given a formatter, keeps of each group only its findings and a summary
of its documents once the formatter has seen it whole: memory stays bounded by the
largest group plus the findings, not by the whole directory.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from transcheck.model import (
    ChangedSegment,
    Document,
    DocumentInfo,
    Finding,
    GroupResult,
    InputProblem,
    SuppressedFinding,
)
from transcheck.read.decode import Decoded, DecodeError, decode, split_lines
from transcheck.read.discover import FileSpec, GroupSpec, discover
from transcheck.rules.base import GroupView, Rule
from transcheck.settings import Settings

if TYPE_CHECKING:
    from transcheck.changed import ChangedSince
    from transcheck.policy import Policy
    from transcheck.report.base import Formatter, Spool


@dataclass
class Report:
    """All results of one run, in a stable order; what the formatters render."""

    groups: list[GroupResult]
    problems: list[InputProblem]
    settings: Settings
    rules: tuple[Rule, ...]
    extra: dict = field(default_factory=dict)
    # Set by policy.apply_group_policy; formatters read them (SARIF: suppressions, baselineState).
    suppressed: int = 0
    suppressed_findings: list[SuppressedFinding] = field(default_factory=list)
    baselined: int = 0  # findings hidden because their fingerprint is in --baseline
    baselined_findings: list[Finding] = field(default_factory=list)
    baseline_state: dict[str, str] | None = None  # fingerprint -> "new"/"unchanged"; None: no baseline
    unsuppressed: list[Finding] = field(default_factory=list)  # what --write-baseline records
    changed_since: str | None = None  # the REV of --changed-since
    changed: list[ChangedSegment] | None = None  # segments changed since REV, with chrF
    out_of_scope: int = 0  # --changed-since: findings not introduced by the change
    # With a formatter: its sections, one per group, and the groups are summaries.
    formatter: Formatter | None = None
    sections: Spool | None = None

    @property
    def documents(self) -> list[Document] | list[DocumentInfo]:
        return [d for g in self.groups for d in g.documents]

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for g in self.groups for f in g.findings), key=finding_order)


def finding_order(f: Finding):
    # Ties keep the order the rule emitted them in (sorts are stable), e.g. row order.
    return (f.path, f.line, f.end_line, f.code)


@dataclass(frozen=True)
class RawFile:
    """A file's bytes as read, and their text; what ``fix`` needs to write it back."""

    data: bytes
    decoded: Decoded
    mtime_ns: int


def read_file(spec: FileSpec, settings: Settings) -> RawFile | InputProblem:
    """Read and decode one file, within the size limit; shared by check and fix."""
    import stat

    try:
        info = os.stat(spec.path)
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO or a device would block or never end.
            return InputProblem(spec.path, "not a regular file")
        if info.st_size > settings.max_file_bytes:
            return InputProblem(
                spec.path,
                f"file too large ({info.st_size} bytes; limit {settings.max_file_bytes}, "
                "see --max-file-size); skipped",
            )
        with open(spec.path, "rb") as fh:
            data = fh.read(settings.max_file_bytes + 1)
    except OSError as exc:
        return InputProblem(spec.path, f"cannot read: {exc.strerror or exc}")
    if len(data) > settings.max_file_bytes:  # it grew after the size check
        return InputProblem(spec.path, f"file too large (limit {settings.max_file_bytes} bytes)")
    try:
        decoded = decode(data)
    except DecodeError as exc:
        return InputProblem(spec.path, str(exc))
    return RawFile(data=data, decoded=decoded, mtime_ns=info.st_mtime_ns)


def to_document(spec: FileSpec, text: str) -> Document:
    from transcheck.segment import segment

    lines = split_lines(text)
    return Document(
        path=spec.path,
        language=spec.language,
        group=spec.group,
        text=text,
        line_count=len(lines),
        segments=segment(spec.path, lines),
    )


def segment_limit_problem(doc: Document, settings: Settings) -> InputProblem | None:
    if len(doc.segments) > settings.max_segments:
        return InputProblem(
            doc.path,
            f"too many segments ({len(doc.segments)}; limit {settings.max_segments}, "
            "see --max-segments); skipped",
        )
    return None


def read_document(spec: FileSpec, settings: Settings) -> Document | InputProblem:
    raw = read_file(spec, settings)
    if isinstance(raw, InputProblem):
        return raw
    doc = to_document(spec, raw.decoded.text)
    if not doc.segments:
        return InputProblem(spec.path, "empty file (no text to check)")
    return segment_limit_problem(doc, settings) or doc


def identify(documents: list[Document], settings: Settings):
    from transcheck.langid import Identifier

    t = settings.thresholds
    identifier = Identifier(
        [d.language for d in documents],
        min_letters=t.langid_min_letters,
        min_words=t.langid_min_words,
        min_confidence=t.langid_min_confidence,
    )
    return {
        (doc.language, seg.index): identifier.identify(seg.text, seg.is_prose)
        for doc in documents
        for seg in doc.segments
    }


def check_group(
    spec: GroupSpec, settings: Settings, rules: tuple[Rule, ...]
) -> tuple[GroupResult, list[InputProblem]]:
    from transcheck.align.aligner import align

    documents: list[Document] = []
    problems: list[InputProblem] = []
    for file in spec.files:
        read = read_document(file, settings)
        (problems if isinstance(read, InputProblem) else documents).append(read)
    notes = []
    if len(documents) == 1:
        notes.append(
            f"{spec.name}: only one language ({documents[0].language}); "
            "nothing to compare, only single-document checks ran"
        )
    rows = align(documents, settings.source, settings.embeddings) if documents else []
    view = GroupView(
        name=spec.name,
        documents={d.language: d for d in documents},
        rows=rows,
        guesses=identify(documents, settings),
        settings=settings,
    )
    problems.extend(_glossary_problems(view))
    findings = _run_rules(rules, view, problems)
    result = GroupResult(
        group=spec.name,
        documents=documents,
        rows=rows,
        findings=fingerprinted(findings),
        notes=notes,
    )
    return result, problems


def _glossary_problems(view: GroupView) -> list[InputProblem]:
    """A glossary found beside the documents that cannot be read: reported once here;
    the terminology rules then run without it."""
    from transcheck.terms import GlossaryError, termbase_for

    try:
        termbase_for(view)
    except GlossaryError as exc:
        return [InputProblem(exc.path, str(exc))]
    return []


def _run_rules(rules: tuple[Rule, ...], view: GroupView, problems: list[InputProblem]) -> list[Finding]:
    """Every rule's findings. A rule that fails on some input costs its own findings
    for this group, one line and exit code 2, not the whole report; with --debug
    (``TRANSCHECK_DEBUG``) the exception propagates."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.check(view))
        except Exception as exc:
            if os.environ.get("TRANSCHECK_DEBUG"):
                raise
            detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
            problems.append(
                InputProblem(
                    view.name,
                    f"internal error in {rule.code} {rule.name}: {detail}; "
                    "its findings for this group are missing; rerun with --debug",
                )
            )
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


def run(
    paths: list[str],
    settings: Settings,
    rules: tuple[Rule, ...],
    jobs: int = 1,
    exclude: tuple[str, ...] = (),
    progress: Callable[[int, int], None] | None = None,
    *,
    policy: Policy | None = None,
    changed_since: ChangedSince | None = None,
    formatter: Formatter | None = None,
) -> Report:
    """Check ``paths``; ``progress(done, total)`` is called as groups finish.

    Each group, as it finishes and in order: the segments changed since a revision
    (``changed_since``), then the ``policy`` (overrides, suppressions, baseline, scope),
    then the ``formatter``'s section, after which only the group's summary is kept.
    Without a formatter the report keeps every group whole, for a caller that reads
    segments and rows or renders several formats.
    """
    found = discover(paths, exclude=exclude, follow_symlinks=settings.follow_symlinks,
                     layouts=settings.layouts, source=settings.source)
    report = Report(groups=[], problems=list(found.problems), settings=settings, rules=rules)
    if changed_since is not None:
        report.changed, report.changed_since = [], changed_since.rev
    if formatter is not None:
        from transcheck.report.base import Spool

        report.formatter, report.sections = formatter, Spool()
    total = len(found.groups)
    seen: set[InputProblem] = set(report.problems)
    for done, (result, group_problems) in enumerate(
        _map_groups(found.groups, settings, rules, jobs), start=1
    ):
        # A glossary shared by many groups that cannot be used is one line, not one per group.
        report.problems.extend(p for p in group_problems if not (p in seen or seen.add(p)))
        if result.documents:
            _report_group(report, result, policy, changed_since)
        if progress is not None:
            progress(done, total)
    return report


def _report_group(report: Report, result: GroupResult, policy, changed_since) -> None:
    scope = None
    if changed_since is not None:
        changes, scope = changed_since.group(result, report.settings, report.rules)
        report.changed.extend(changes)
    if policy is not None:
        from transcheck.policy import apply_group_policy

        apply_group_policy(report, result, policy, scope)
    if report.formatter is not None:
        report.sections.append(report.formatter.section(result, report))
        result = result.summary()
    report.groups.append(result)


# Groups per task sent to a worker, and tasks in flight per worker: enough to keep the
# workers busy and the pipes cheap, few enough that results waiting for an earlier,
# slower group (and a worker's finished batch) stay a handful of groups.
_BATCH = 4
_AHEAD = 4


def _map_groups(groups, settings, rules, jobs) -> Iterator[tuple[GroupResult, list[InputProblem]]]:
    if jobs <= 1 or len(groups) <= 1:
        for spec in groups:
            yield check_group(spec, settings, rules)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    codes = tuple(r.code for r in rules)
    jobs = min(jobs, len(groups))
    batches = iter([groups[i:i + _BATCH] for i in range(0, len(groups), _BATCH)])
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = deque()

        def submit() -> None:
            batch = next(batches, None)
            if batch is not None:
                pending.append(pool.submit(_check_groups_by_codes, batch, settings, codes))

        for _ in range(jobs * _AHEAD):
            submit()
        # Results are taken in submission order, so output equals a serial run.
        while pending:
            done = pending.popleft().result()
            submit()
            yield from done


def _check_groups_by_codes(specs, settings, codes):
    # Rules hold functions; sending their codes across processes is cheaper and safe.
    from transcheck.rules.registry import BY_CODE

    rules = tuple(BY_CODE[c] for c in codes)
    return [check_group(spec, settings, rules) for spec in specs]
