"""The group as it was at a pull request's base revision: its findings then, where
their lines are now, and whether an absence now is the one then (``decide.changed``
tells what a change introduced)."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, replace

from transcheck.model import ChangedSegment, Document, Finding, Segment


@dataclass
class Version:
    """One document against its version at REV."""

    doc: Document
    old_text: str | None  # None: the file did not exist at REV (or was not text)
    old_segments: tuple[Segment, ...]
    old_to_new: dict[int, int]  # old segment index -> new segment index
    changes: list[ChangedSegment]
    mapped_old: tuple | None = None  # see ``rev.map_span``


def old_findings(name: str, versions: list[Version], recheck):
    """Check the group as it was at REV; yields (finding, version of its document)."""
    import tempfile

    from transcheck.read.discover import FileSpec, GroupSpec

    # A source the group's bilingual files hold (PO msgids) is read from them again,
    # not from its file as a document of its own: that file is a translation's.
    embedded = {v.doc.language for v in versions if not v.doc.text
                and any(o.doc.path == v.doc.path and o is not v for o in versions)}
    present = [v for v in versions if v.old_text is not None and v.doc.language not in embedded]
    if not present:
        return
    with tempfile.TemporaryDirectory(prefix="transcheck-rev-") as tmp:
        files = []
        for v in present:
            # One directory per language keeps the file name (and so its format).
            target = os.path.join(tmp, v.doc.language, os.path.basename(v.doc.path))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(v.old_text)
            files.append(FileSpec(path=target, language=v.doc.language, group=name))
        spec = GroupSpec(name=name, files=tuple(sorted(files, key=lambda s: s.language)))
        result = recheck(spec)
    by_language = {v.doc.language: v for v in present}
    # The old files lay in a temporary folder: a finding's related places are named by
    # the documents' own paths (their lines are the old ones).
    paths = {spec.path: v.doc.path for spec, v in zip(files, present)}
    for f in result.findings:
        if f.language in by_language:
            related = tuple(replace(loc, path=paths.get(loc.path, loc.path)) for loc in f.related)
            yield replace(f, related=related), by_language[f.language]


def map_span(version: Version, f: Finding) -> tuple[int, int]:
    """Where an old finding's lines are in the new document.

    On segments: the new lines of those segments. Between segments (a finding about
    something missing there): the whole corresponding gap of the new document, up to
    and including the next segment, since new text inserted into the gap moves it.
    """
    from bisect import bisect_left, bisect_right

    new = version.doc.segments
    mapped = version.old_to_new
    if version.mapped_old is None:  # old segments that have a new place, in line order
        kept = [s for s in version.old_segments if s.index in mapped]
        version.mapped_old = kept, [s.line for s in kept], [s.end_line for s in kept]
    kept, starts, ends = version.mapped_old
    # Bisection instead of a pass over the document per finding, which made a long
    # document with many findings quadratic.
    first = bisect_left(ends, f.line)
    hits = []
    for s in kept[first:]:
        if s.line > f.end_line:
            break
        hits.append(new[mapped[s.index]])
    if hits:
        return min(s.line for s in hits), max(s.end_line for s in hits)
    before = kept[first - 1] if first else None
    later = bisect_right(starts, f.end_line)
    after = kept[later] if later < len(kept) else None
    start = new[mapped[before.index]].end_line + 1 if before else 1
    end = new[mapped[after.index]].line if after else (new[-1].end_line + 1 if new else 1)
    return start, max(start, end)


def named_before(f: Finding, before, spans) -> bool:
    """Whether every place of the peers that an absence names was named at REV (where
    it is now: a peer the change edited too moved its lines), and none is a line the
    change wrote in a peer: content the change added there is new to lack."""
    places = list(f.related)
    return bool(places) and all(
        not touches(loc.line, loc.end_line, spans.get(loc.path, ()))
        and any(o.path == loc.path and o.line <= loc.line and loc.end_line <= o.end_line for o in before)
        for loc in places)


def gap_as_before(f: Finding, spans, lacked: Counter) -> bool:
    """Whether an absence names only peer content the change did not write, and the
    document lacks no more of each peer than at REV: the same gap, which an edit beside
    it made the aligner cut elsewhere (at REV it may have paired a paragraph with the
    wrong one, and named other lines)."""
    return bool(f.related) and all(
        not touches(loc.line, loc.end_line, spans.get(loc.path, ())) and lacked[(f.path, loc.path)] >= 0
        for loc in f.related)


def within(segments, loc) -> int:
    return sum(1 for s in segments if loc.line <= s.line and s.end_line <= loc.end_line)


def touches(line: int, end_line: int, spans) -> bool:
    """Whether lines ``line``..``end_line`` meet any of the (start, end) ``spans``."""
    return any(line <= end and end_line >= start for start, end in spans)
