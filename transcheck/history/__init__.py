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
    last = _last_real_updates(history, [t.path for _, t, _ in pairs], markers)
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


def _last_real_updates(history, paths: list[str], markers: tuple[str, ...]) -> dict:
    """Each translation's last update that changed its text: a commit that only rewrote
    link targets, URLs or code (a site-wide link fix, a moved example) did not bring the
    translation up to date with its source, so an older one is looked at, up to
    ``MECHANICAL_LOOKBACK`` of them. One ``git cat-file --batch`` per round."""
    from transcheck.history.prose import same_prose

    pending = {path: history.updates(path, markers) for path in paths}
    found = {path: commits[0] for path, commits in pending.items() if commits}
    for depth in range(MECHANICAL_LOOKBACK):
        asks = {path: commits[depth] for path, commits in pending.items()
                if len(commits) > depth + 1 and found.get(path) is commits[depth]}
        if not asks:
            break
        blobs = history.read_blobs(sorted({(c.sha + suffix, p) for p, c in asks.items()
                                           for suffix in ("", "^")}))
        for path, commit in asks.items():
            after, before = blobs.get((commit.sha, path)), blobs.get((commit.sha + "^", path))
            if after is not None and before is not None and same_prose(before, after):
                found[path] = pending[path][depth + 1]
    return found


MECHANICAL_LOOKBACK = 3

__all__ = ["LagInput", "LagPlan", "plan", "DEFAULT_SKIP_MARKERS"]
