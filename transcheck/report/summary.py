"""What every format says about a run, computed once from the ``Report``: the findings
shown and their counts, the size of the input, what was set aside, and which input
problems a reader is shown. Formats phrase it; they do not decide it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from transcheck.model import (
    OUTDATED,
    SOURCE,
    Finding,
    InputProblem,
    PageStatus,
    Report,
    Severity,
    SuppressedFinding,
    finding_order,
)

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Summary:
    findings: tuple[Finding, ...]  # shown, in finding order
    counts: dict  # Severity -> count of shown findings, every severity present
    documents: int
    segments: int
    groups: int
    languages: tuple[str, ...]  # of the checked documents, sorted
    notes: tuple[str, ...]  # said of the run's groups (documents in one language only)
    set_aside: tuple[str, ...]  # "2 suppressed", "5 in the baseline"
    suppressed: tuple[SuppressedFinding, ...]  # in finding order
    # Input problems: every one (machine-readable formats); the ones a reader is shown
    # (errors and warnings; "info" is a file of another type met in a directory); and
    # the files that could not be checked at all (errors).
    problems: tuple[InputProblem, ...]
    shown_problems: tuple[InputProblem, ...]
    unreadable: tuple[InputProblem, ...]
    # Pages per language: (language, pages it has, pages it should have), sorted by
    # language; the pages it should have are the source's pages with a source, else
    # every page of the run.
    coverage: tuple[tuple[str, int, int], ...] = ()
    # Keyed resources per language: (language, keys translated, keys, fuzzy), over
    # the groups with a source; empty when the run has none.
    keys: tuple[tuple[str, int, int, int], ...] = ()

    @property
    def tally(self) -> str:
        """"1 error, 2 warnings, 0 info"."""
        c = self.counts
        return (
            f"{plural(c[Severity.ERROR], 'error')}, {plural(c[Severity.WARNING], 'warning')}, "
            f"{c[Severity.INFO]} info"
        )

    @property
    def successful(self) -> bool:
        """Every file asked for was checked (SARIF's executionSuccessful)."""
        return not self.unreadable


def shown_in(report: Report, annotations: bool) -> tuple[Finding, ...]:
    """The findings a format shows. Workflow annotations and the pull-request summary
    (``annotations``) carry errors and warnings only, unless the run asked for info
    (``--show-info``): the severity ladder gives error or warning only to findings whose
    reviewed precision is at least 0.8, and a reviewer reads each annotation on the diff.
    Info findings stay in the terminal report, JSON, SARIF (as notes) and HTML."""
    findings = tuple(report.findings)
    if annotations and not report.show_info:
        return tuple(f for f in findings if f.severity is not Severity.INFO)
    return findings


def summarise(report: Report, annotations: bool = False) -> Summary:
    """``annotations``: for workflow annotations or a pull-request summary (``shown_in``)."""
    findings = shown_in(report, annotations)
    documents = report.documents
    set_aside = []
    hidden = len(report.findings) - len(findings)
    if hidden:
        set_aside.append(f"{hidden} info (--show-info)")
    if report.suppressed:
        set_aside.append(f"{report.suppressed} suppressed")
    if report.baselined:
        set_aside.append(f"{report.baselined} in the baseline")
    if report.folded:
        set_aside.append(f"{report.folded} inside repeated blocks or untranslated tails")
    return Summary(
        findings=findings,
        counts=by_severity(findings),
        documents=len(documents),
        segments=sum(d.segment_count for d in documents),
        groups=len(report.groups),
        languages=tuple(sorted({d.language for d in documents})),
        notes=alone(report.groups),
        set_aside=tuple(set_aside),
        suppressed=tuple(sorted(report.suppressed_findings, key=lambda s: finding_order(s.finding))),
        problems=tuple(report.problems),
        shown_problems=shown_problems(report.problems, report.strict),
        unreadable=tuple(p for p in report.problems if p.severity == "error"),
        coverage=coverage(report),
        keys=key_coverage(report),
    )


def alone(groups) -> tuple[str, ...]:
    """One note for every document found in one language only: a pull request that adds
    pages to the source gets one line, not one per page."""
    single = [g for g in groups if len(g.documents) == 1]
    if not single:
        return ()
    languages = ", ".join(sorted({g.documents[0].language for g in single}))
    if len(single) == 1:
        what = f"{single[0].group}: only one language ({languages})"
    else:
        names = ", ".join(g.group for g in single[:3]) + (f" and {len(single) - 3} more" if len(single) > 3 else "")
        what = f"{len(single)} documents in only one language ({languages}): {names}"
    return (f"{what}; nothing to compare, only single-document checks ran",)


def key_coverage(report: Report) -> tuple[tuple[str, int, int, int], ...]:
    totals: dict[str, list[int]] = {}
    for group in report.groups:
        for s in group.status:
            if s.keys:
                t = totals.setdefault(s.language, [0, 0, 0])
                t[0] += s.translated
                t[1] += s.keys
                t[2] += s.fuzzy
    return tuple((lang, *t) for lang, t in sorted(totals.items()))


def shown_problems(problems, strict: bool) -> tuple[InputProblem, ...]:
    """The input problems a reader is shown: errors and warnings; a file of another
    type met in a directory ("info") stays silent. Under ``strict`` each fails the run,
    so each is shown as an error."""
    if strict:
        return tuple(p if p.severity == "error" else replace(p, severity="error") for p in problems)
    return tuple(p for p in problems if p.severity != "info")


def coverage(report: Report) -> tuple[tuple[str, int, int], ...]:
    """(language, pages present, pages expected) per language of the run."""
    pages = [{d.language for d in g.documents} for g in report.groups]
    source = report.settings.source if report.settings is not None else None
    expected = [p for p in pages if source in p] if source and any(source in p for p in pages) else pages
    languages = sorted({lang for p in pages for lang in p})
    return tuple((lang, sum(lang in p for p in expected), len(expected)) for lang in languages)


def status_text(status: PageStatus) -> str:
    """"up to date", "outdated (3 segments, since 1a2b3c4 2024-05-01)", "missing"."""
    if status.state == OUTDATED:
        return f"outdated ({plural(status.segments, 'segment')}, since {status.since_sha} {status.since_date})"
    if status.keys:
        return f"{status.state} ({keys_text(status.translated, status.keys, status.fuzzy)})"
    return status.state


def keys_text(translated: int, keys: int, fuzzy: int) -> str:
    """"412/520 keys translated, 3 fuzzy"."""
    return f"{translated}/{keys} keys translated" + (f", {fuzzy} fuzzy" if fuzzy else "")


def status_dict(status: PageStatus) -> dict:
    out = {"language": status.language, "state": status.state}
    if status.state == OUTDATED:
        out.update(segments=status.segments, since=status.since_sha, date=status.since_date)
    if status.keys:
        out.update(keys=status.keys, translated=status.translated, fuzzy=status.fuzzy)
    return out


def is_translation(status: PageStatus) -> bool:
    return status.state != SOURCE


def by_severity(findings) -> dict[Severity, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts


def top_findings(report: Report, count: int, findings=None) -> tuple[list[Finding], list[Finding]]:
    """The ``count`` findings a short summary shows first, and the rest (most severe
    first, in path order), among ``findings`` (those the summary shows; all the
    report's by default). Severity decides first; among findings of one severity,
    each page and each language gets one before any gets a second, so that ten lines
    show ten places rather than the first page's first ten paragraphs."""
    page = {id(f): g.group for g in report.groups for f in g.findings}
    ordered = sorted(report.findings if findings is None else findings, key=lambda f: (-f.severity.rank, finding_order(f)))
    chosen: list[Finding] = []
    taken: set[int] = set()
    for severity in SEVERITIES:
        level = [f for f in ordered if f.severity is severity]
        pages: set = set()
        languages: set = set()
        pairs: set = set()
        # Rounds: a new page in a new language, a new page, a new language, a page and
        # language not yet seen together, then anything.
        for fresh in (lambda p, lang: p not in pages and lang not in languages,
                      lambda p, lang: p not in pages,
                      lambda p, lang: lang not in languages,
                      lambda p, lang: (p, lang) not in pairs,
                      lambda p, lang: True):
            for f in level:
                if len(chosen) >= count:
                    break
                where = page.get(id(f), f.path)
                if id(f) not in taken and fresh(where, f.language):
                    chosen.append(f)
                    taken.add(id(f))
                    pages.add(where)
                    languages.add(f.language)
                    pairs.add((where, f.language))
    return chosen, [f for f in ordered if id(f) not in taken]
