"""How far each translation lags its source, from git history.

The main process asks git once for the whole run (``plan``): for every translation, the
commit that last brought it up to date and the source as it was then. Each group's
check then maps the source's changes since onto the translation (``lag.compute_lag``),
which is pure computation and runs beside the other checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.git import GitError, Repository
from transcheck.history.git import DEFAULT_SKIP_MARKERS, History


@dataclass(frozen=True, slots=True)
class LagInput:
    """What git says of one translation: when it was last updated, and the source then.

    ``source_then`` is the source's text at that revision; None when it did not exist
    then (the translation is older than the source file) or could not be decoded."""

    since_sha: str
    since_date: str
    source_then: str | None


@dataclass(frozen=True)
class LagPlan:
    inputs: dict[str, dict[str, LagInput]]  # group name -> translation language -> input
    notes: tuple[str, ...]  # said once per run: a shallow clone, no git


def plan(groups, source: str, markers: tuple[str, ...] = DEFAULT_SKIP_MARKERS,
         base: str | None = None) -> LagPlan:
    """Lag inputs for every group that has a source document and translations. With a
    ``base`` revision (--changed-since), commits after it do not count as a
    translation's update."""
    from transcheck.read.decode import text_or_none

    pairs = []  # (group name, translation spec, source spec)
    for group in groups:
        files = {f.language: f for f in group.files}
        if source in files:
            pairs.extend((group.name, f, files[source]) for f in group.files if f.language != source)
    if not pairs:
        return LagPlan({}, ())
    paths = sorted({p for _, t, s in pairs for p in (t.path, s.path)})
    try:
        repo = run_repository(paths)
        if repo is None:
            return LagPlan({}, ())
        history = History(repo, paths, base)
    except GitError as exc:
        return LagPlan({}, (f"translation lag not computed: {exc}",))

    wanted: dict[tuple[str, str], tuple[str, str, str, str]] = {}  # (group, lang) -> (short, date, base, source)
    truncated = False
    for name, trans, src in pairs:
        since = history.last_update(trans.path, markers)
        if since is None:
            continue  # never committed: nothing is known of when it was made
        if history.truncated(since):
            truncated = True
            continue
        base = history.baseline(src.path, since, markers)
        wanted[(name, trans.language)] = (since.short, since.date, base.sha, src.path)
    blobs = history.read_blobs(sorted({(sha, path) for _, _, sha, path in wanted.values()}))
    inputs: dict[str, dict[str, LagInput]] = {}
    for (name, lang), (short, date, sha, path) in sorted(wanted.items()):
        inputs.setdefault(name, {})[lang] = LagInput(short, date, text_or_none(blobs.get((sha, path))))
    notes = ()
    if truncated:
        notes = ("shallow clone: the history of some translations is cut off, so their lag "
                 "behind the source is not reported; fetch more history (fetch-depth: 0)",)
    return LagPlan(inputs, notes)


def run_repository(paths: list[str]) -> Repository | None:
    """The repository of the checked tree that holds ``paths``: the directory with
    ``.git`` above their common directory, found by its spelling (the files' own
    directories are never asked, see ``transcheck.git``); None outside git."""
    import os

    from transcheck.read.contain import checked_root

    absolute = [os.path.abspath(p) for p in paths]
    try:
        common = os.path.commonpath(absolute) if len(absolute) > 1 else os.path.dirname(absolute[0])
    except ValueError:  # different drives: no one repository
        return None
    return Repository.at(checked_root(common))


__all__ = ["LagInput", "LagPlan", "plan", "DEFAULT_SKIP_MARKERS"]
