"""How far each translation lags its source, from git history.

The main process asks git once for the whole run (``plan``): for every translation, the
commit that last brought it up to date and the source as it was then. Each group's
check then maps the source's changes since onto the translation (``lag.compute_lag``),
which is pure computation and runs beside the other checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.history.git import DEFAULT_SKIP_MARKERS, History, HistoryUnavailable, toplevel


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
    top = toplevel(pairs[0][2].path)
    if top is None:
        return LagPlan({}, ())
    try:
        history = History(top, sorted({p for _, t, s in pairs for p in (t.path, s.path)}), base)
    except HistoryUnavailable as exc:
        return LagPlan({}, (f"translation lag not computed: {exc}",))

    wanted: dict[tuple[str, str], tuple[str, str, str, str]] = {}  # (group, lang) -> (short, date, base, source)
    truncated = False
    last = _last_real_updates(history, [(t.path, s.path) for _, t, s in pairs], markers)
    for name, trans, src in pairs:
        since = last.get(trans.path)
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


def _last_real_updates(history, pairs: list[tuple[str, str]], markers: tuple[str, ...]) -> dict:
    """Each translation's last update (``pairs``: translation path, source path). A commit
    that only rewrote the translation's link targets, URLs or code (a site-wide link
    fix) did not bring it up to date if the source's words had changed since the update
    before it: then that one is the last update, looked at the same way, up to
    ``MECHANICAL_LOOKBACK`` commits back. One ``git cat-file --batch`` per round."""
    from transcheck.history.prose import same_prose

    source_of = dict(pairs)
    pending = {path: history.updates(path, markers) for path in source_of}
    found = {path: commits[0] for path, commits in pending.items() if commits}
    for depth in range(MECHANICAL_LOOKBACK):
        asks = {path: (commits[depth], commits[depth + 1]) for path, commits in pending.items()
                if len(commits) > depth + 1 and found.get(path) is commits[depth]}
        if not asks:
            break
        wanted = set()
        for path, (commit, before) in asks.items():
            wanted |= {(commit.sha, path), (commit.sha + "^", path),
                       (commit.sha, source_of[path]), (before.sha, source_of[path])}
        blobs = history.read_blobs(sorted(wanted))
        for path, (commit, before) in asks.items():
            new, old = blobs.get((commit.sha, path)), blobs.get((commit.sha + "^", path))
            if new is None or old is None or not same_prose(old, new):
                continue  # the translation's words changed: a real update
            src_then, src_now = blobs.get((before.sha, source_of[path])), blobs.get((commit.sha, source_of[path]))
            if src_then is not None and src_now is not None and same_prose(src_then, src_now):
                continue  # nothing to follow in the source's words since: still in step
            found[path] = before
    return found


MECHANICAL_LOOKBACK = 3

__all__ = ["LagInput", "LagPlan", "plan", "DEFAULT_SKIP_MARKERS"]
