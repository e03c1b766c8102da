"""``--changed-since REV``: report only what a change introduced.

For every checked file the version at REV comes from git (``transcheck.git``, in the
run's own repository only), is segmented like the current file, and the two segment
lists are aligned: identical segments by a longest-matching-blocks diff, and inside
each edited stretch, old and new segments are paired by chrF in order (see
``align.versions``; otherwise the new one is "added" and the old one "removed"). Each changed segment records how much it changed: chrF of its text
against the old segment it replaced.

A finding is in scope when its line span touches a changed segment (or the place of a
removed one) **and** it was not already there: the group is also checked as it was at
REV, and a finding of the same rule in the same file is pre-existing when its old span
maps onto the new one, or when it states the same problem (the same key, the basis of
the fingerprint) no more often than at REV, or when it is an absence (a missing run,
``Rule.absence``) whose peers' lines were all named at REV too (where they are now, in a
peer the change edited too). Without that second test, fixing one
sentence inside a long duplicated block would re-report the whole block, and inserting
a paragraph would re-report a missing segment whose position the insertion moved.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable

from transcheck.decide.rev import Version, gap_as_before, map_span, named_before, old_findings, touches, within
from transcheck.git import GitError, Repository
from transcheck.model import (ChangedSegment, Document, Finding, InputProblem, Location, Segment, Severity,
                              base_language)


# Unchanged translations that stay beside the changed ones in a narrowed keyed group.
PEERS = 12


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _repository(rev: str, paths) -> tuple[Repository, str]:
    """The run's repository (the one checked root of ``paths``) and the commit REV
    names in it; ``GitError`` when there is none."""
    from transcheck.read.contain import checked_root

    roots = sorted({checked_root(p) for p in paths})
    if len(roots) > 1:
        raise GitError(f"--changed-since: the paths lie in {len(roots)} different trees "
                       f"({roots[0]}, {roots[1]}); check one repository at a time")
    try:
        repo = Repository.at(roots[0])
    except GitError as exc:
        raise GitError(f"--changed-since needs git: {exc}") from None
    if repo is None:
        raise GitError(f"{paths[0]}: not in a git repository (needed for --changed-since)")
    commit = repo.commit(rev)
    if commit is None:
        raise GitError(f"--changed-since: unknown revision {rev!r} in {repo.top}")
    return repo, commit


def compare(doc: Document, old_text: str | None) -> Version:
    """Align ``doc`` with its old text and list what changed."""
    from transcheck.read.decode import split_lines
    from transcheck.formats import segment

    new = doc.segments
    if old_text is None:
        changes = [ChangedSegment(doc.path, doc.language, s.line, s.end_line, "added") for s in new]
        return Version(doc, None, (), {}, changes)
    from transcheck.formats import FormatError

    try:
        old = segment(doc.path, split_lines(old_text), doc.format)
    except FormatError:  # not readable then: all of it is new
        old = ()
    keyed = bool(doc.segments) and all(s.key for s in doc.segments)
    old_to_new, changes = (by_key if keyed else align_versions)(doc, old)
    return Version(doc, old_text, old, old_to_new, changes)


def by_key(doc: Document, old: tuple[Segment, ...]) -> tuple[dict[int, int], list[ChangedSegment]]:
    """A keyed resource's versions, matched by key: a key that is new or whose value or
    state changed is a change (a sync that rewrites one value touches that key alone)."""
    before = {s.key: s for s in old}
    old_to_new, changes = {}, []
    for s in doc.segments:
        then = before.get(s.key)
        if then is None:
            changes.append(ChangedSegment(doc.path, doc.language, s.line, s.end_line, "added"))
            continue
        old_to_new[then.index] = s.index
        if (then.raw, then.state, then.source) != (s.raw, s.state, s.source):
            changes.append(ChangedSegment(doc.path, doc.language, s.line, s.end_line, "modified"))
    return old_to_new, changes


def align_versions(doc: Document, old: tuple[Segment, ...]) -> tuple[dict[int, int], list[ChangedSegment]]:
    from transcheck.align.versions import match_versions

    new = doc.segments
    match = match_versions(old, new)
    new_to_old, score, removed_before = match.new_to_old, match.score, match.removed_before
    changes: list[ChangedSegment] = []
    for j, s in enumerate(new):
        if j in removed_before:
            changes.append(ChangedSegment(doc.path, doc.language, s.line, s.line, "removed"))
        if j not in new_to_old:
            changes.append(ChangedSegment(doc.path, doc.language, s.line, s.end_line, "added"))
        elif j in score:
            changes.append(
                ChangedSegment(doc.path, doc.language, s.line, s.end_line, "modified", round(score[j], 1))
            )
        elif (s.urls, s.code) != (old[new_to_old[j]].urls, old[new_to_old[j]].code):
            # The same words with another link target or code span: a change all the same.
            changes.append(ChangedSegment(doc.path, doc.language, s.line, s.end_line, "modified", 100.0))
    if len(new) in removed_before:
        line = new[-1].end_line + 1 if new else 1
        changes.append(ChangedSegment(doc.path, doc.language, line, line, "removed"))
    return {i: j for j, i in new_to_old.items()}, changes


class ChangedSince:
    """``--changed-since REV`` for a run, one group at a time (git answers are cached
    across groups: one ``git diff`` for the run). The repository is the checked tree's
    (``paths``: what the run checks); a file that is not its own (under another
    repository's ``.git``) is taken as new, wholly in scope."""

    def __init__(self, rev: str, paths=(".",)):
        self.rev = rev
        self._repo, self._commit = _repository(rev, list(paths))

    def _unchanged(self, path: str) -> bool:
        rel = self._repo.owns(path)
        return rel is not None and rel in self._repo.unchanged_since(self._commit)

    def _old_bytes(self, paths: dict[str, str]) -> dict[str, bytes | None]:
        """Each file's content at REV (one git call for them all), under its old name
        where the change renamed it: a page moved, or renamed after its source, is the
        same translation, and its old findings are not the change's. A file moved into
        another language's place (``values-cy`` made ``values-ar``) is another language's
        text there, new. None where it had none, or is not the repository's. ``paths``:
        each path and its language."""
        renamed = self._repo.renamed_since(self._commit)
        owned = [(p, rel) for p in paths if (rel := self._repo.owns(p)) is not None]
        found = self._repo.blobs([(self._commit, old if _same_language(old := renamed.get(rel, rel), rel, paths[p])
                                   else rel) for p, rel in owned])
        return {p: data for (p, _), data in zip(owned, found)}

    def differs(self, path: str) -> bool:
        """Whether ``path`` differs from its version at REV (or is not tracked)."""
        return not self._unchanged(path)

    def concerns(self, problem: InputProblem) -> bool:
        """Whether an input problem is news on this change: a file (left out by design,
        or unreadable: not valid UTF-8) or a folder (a code the layout does not know) the
        change did not touch is not; a note on a group, a file that is not there, is."""
        if problem.severity != "error" and os.path.isdir(problem.path):
            return (rel := self._repo.owns(problem.path)) is None or self._repo.changed_under(self._commit, rel)
        return not os.path.isfile(problem.path) or self.differs(problem.path)

    def scope(self, specs, source: str | None, limit: int | None) -> tuple[tuple, list[InputProblem]]:
        """The groups the change touched, each narrowed (``narrowed``), and the input
        problems of those still over the run's limit of languages, which are skipped:
        a resource set of more languages than the limit is checked when narrowed."""
        from transcheck.read.discover import too_many_languages

        touched = [self.narrowed(s, source) for s in specs if self.touches([f.path for f in s.files])]
        over = [s for s in touched if limit and len(s.files) > limit]
        return (tuple(s for s in touched if s not in over),
                [too_many_languages(s.name, len(s.files), limit) for s in over])

    def narrowed(self, spec, source: str | None):
        """A keyed group of many files, of which the change touched a few: those, the
        source and ``PEERS`` unchanged translations (the largest files, the most
        complete translations, which have the keys a change adds: a new string needs
        peers that translate it to be judged) are enough for a majority's vote, and
        the others can have no finding in scope: they are read, not checked, for the
        votes that count every translation (``voters``). A resource set of a hundred
        languages changed in one file is then checked in seconds, not minutes."""
        from dataclasses import replace

        from transcheck.formats import is_keyed

        if len(spec.files) <= PEERS + 2 or not all(is_keyed(f.path) for f in spec.files):
            return spec
        changed = {f.path for f in spec.files if self.differs(f.path)}
        others = [f for f in spec.files if f.path not in changed and f.language != source]
        peers = [f.path for f in sorted(others, key=lambda f: (-_size(f.path), f.language))][:PEERS]
        keep = changed | set(peers)
        return replace(spec, files=tuple(f for f in spec.files if f.path in keep or f.language == source),
                       voters=tuple(f for f in others if f.path not in keep))

    def touches(self, paths) -> bool:
        """Whether any of ``paths`` differs from REV: a group of unchanged files can have
        no finding in scope, so the run need not check it."""
        return not all(self._unchanged(p) for p in paths)

    def group(self, group, recheck, page_codes: frozenset[str] = frozenset(), source: str | None = None,
              absence_codes: frozenset[str] = frozenset()) -> tuple[list[ChangedSegment], Callable]:
        """What changed since REV in one whole group's documents, and the scope of its
        findings: ``scope(f)`` is None for a finding the change did not introduce, else
        the highest severity it may have. ``recheck(spec)`` checks a group of files (the
        old versions) the way the run checks its groups, with the same rules, settings
        and glossary, and returns its ``GroupResult``. ``page_codes``: rules whose
        findings are about a page's lag behind its ``source`` (see ``_page_scope``);
        ``absence_codes``: rules whose findings name the peers' lines a document lacks
        (``Rule.absence``). ``GitError`` when git cannot answer."""
        from transcheck.read.decode import text_or_none

        versions: list[Version] = []
        same = {doc.path for doc in group.documents if self._unchanged(doc.path)}
        old = self._old_bytes({doc.path: doc.language for doc in group.documents if doc.path not in same})
        for doc in group.documents:
            if doc.path in same:
                identity = {s.index: s.index for s in doc.segments}
                versions.append(Version(doc, doc.text, doc.segments, identity, []))
                continue
            versions.append(compare(doc, text_or_none(old.get(doc.path))))

        changes = [c for v in versions for c in v.changes]
        spans: dict[str, list[tuple[int, int]]] = {}
        for c in changes:
            spans.setdefault(c.path, []).append((c.line, c.end_line))

        old_spans: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (path, code) -> new spans
        old_keys: Counter = Counter()  # (path, code, key) at REV
        named: dict[str, list] = {}  # path -> the peers' places its absences named at REV, as they are now
        by_path = {v.doc.path: v for v in versions}
        lacked: Counter = Counter()  # (path, peer) -> the peer's segments it lacked at REV less those it lacks now
        # The group is checked again as it was at REV only when some finding touches a
        # change (not a lag finding, nor one on the source, which are judged apart):
        # otherwise nothing needs telling apart from what was there before, and a pull
        # request costs one check of its groups, not two.
        candidates = any(f.code not in page_codes and f.language != source
                         and touches(f.line, f.end_line, spans.get(f.path, ())) for f in group.findings)
        if candidates:
            for f, version in old_findings(group.group, versions, recheck):
                old_spans.setdefault((version.doc.path, f.code), []).append(map_span(version, f))
                old_keys[(version.doc.path, f.code, f.key)] += 1
                if f.code in absence_codes:
                    # Where those places are now: a peer the change edited moved them.
                    named.setdefault(version.doc.path, []).extend(
                        Location(loc.path, *map_span(by_path[loc.path], loc)) if loc.path in by_path else loc
                        for loc in f.related)
                    for loc in f.related:
                        if loc.path in by_path:
                            lacked[(version.doc.path, loc.path)] += within(by_path[loc.path].old_segments, loc)
        new_keys = Counter((f.path, f.code, f.key) for f in group.findings)
        for f in group.findings:
            if f.code in absence_codes:
                for loc in f.related:
                    if loc.path in by_path:
                        lacked[(f.path, loc.path)] -= within(by_path[loc.path].doc.segments, loc)

        source_path = next((d.path for d in group.documents if d.language == source), None)

        def in_scope(f: Finding) -> Severity | None:
            if f.code in page_codes:
                return _page_scope(f, spans, source_path)
            own = spans.get(f.path, ())
            # A finding about two keys of one resource (one source translated two ways,
            # a value pasted from another key) is the change's when it touched either.
            if not touches(f.line, f.end_line, own) and not (
                    f.resource_key and any(loc.path == f.path and touches(loc.line, loc.end_line, own)
                                           for loc in f.related)):
                return None
            if touches(f.line, f.end_line, old_spans.get((f.path, f.code), ())):
                return None  # the same rule reported the same place at REV
            if f.code in absence_codes and (named_before(f, named.get(f.path, ()), spans) or gap_as_before(
                    f, spans, lacked)):
                return None  # content lacked at REV too, its run cut another way by the edit
            # The same statement of what is wrong (the fingerprint's basis) as at REV, only
            # moved by the edit: not new, unless the change added another one like it.
            k = (f.path, f.code, f.key)
            return None if f.key and new_keys[k] <= old_keys[k] else Severity.ERROR

        return changes, in_scope


def _same_language(old: str, new: str, language: str) -> bool:
    """Whether a file renamed from ``old`` to ``new`` (``language``'s now) was that
    language's before: the language's code, a part of the new path, is a part of the old
    one too (``values-ar`` moved from ``values-cy`` was Welsh)."""
    if old == new:
        return True
    code = base_language(language).lower()
    return code not in _path_parts(new) or code in _path_parts(old)


def _path_parts(path: str) -> set[str]:
    return set(re.split(r"[/\\._-]", path.lower()))


def _page_scope(f: Finding, spans, source_path: str | None) -> Severity | None:
    """The scope of a lag finding (a translated paragraph behind its source).

    A change that edits the translation is judged on the paragraphs it edited: the lag
    counts the ones it translated as up to date (``history.blame``), and one it only
    touched (a link fixed, markup) as still following the source it followed before,
    which the change's annotation says. The page's other outdated paragraphs were
    behind before the change and are listed as info, and so is one finding for a page
    the source rewrote, unless the change rewrote it: a one-line fix is no promise to
    bring the page up to date, and its diff is not the place for the page's old lag.
    A change that edits only the source makes its translations outdated: their lag on
    the source paragraphs it changed is listed, as info too."""
    own = spans.get(f.path)
    source = spans.get(source_path, ()) if source_path else ()
    related = [loc for loc in f.related if loc.path == source_path]
    if own:
        if not touches(f.line, f.end_line, own):
            return Severity.INFO
        # A finding for a whole page behind its source (several source paragraphs) is
        # the change's only where it changed one of them.
        if len(related) > 1 and not any(touches(loc.line, loc.end_line, source) for loc in related):
            return Severity.INFO
        return Severity.ERROR
    if not source:
        return None
    if related and not any(touches(loc.line, loc.end_line, source) for loc in related):
        return None
    return Severity.INFO
