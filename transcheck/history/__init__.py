"""How far each translation lags its source, from git history, paragraph by paragraph.

The main process asks git for the whole run (``plan``): one log pass lists the commits
of every file, one ``git log -p`` pass gives their hunks, and two batch reads give
today's committed translations and the source versions the translations follow. Each
line of a translation belongs to the commit that last translated it (``blame``: an
edit that only fixed a URL or renamed a product in every translation is not one), and
follows the source as it was then. Each group's check then maps the source's changes
since onto the translated paragraphs (``lag.compute_lag``), beside the other checks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from transcheck.git import GitError, Repository
from transcheck.history.git import History
from transcheck.settings import DEFAULT_SKIP_MARKERS

NOW = -1  # a line translated by the pull request or an edit not yet committed
# Source versions one translation is compared against, at most: each is segmented and
# aligned with today's source, so a page translated item by item over years (a list
# grown by 150 commits) would cost 150 times a page. The versions most lines follow are
# kept; a line of another follows the next newer one kept.
MAX_VERSIONS = 8


@dataclass(frozen=True, slots=True)
class Version:
    """A source version some lines of a translation follow: the commit that translated
    them, and the source's text then (None when the source did not exist then)."""

    since_sha: str
    since_date: str
    source_then: str | None


@dataclass(frozen=True, slots=True)
class LagInput:
    """What git says of one translation: the source versions its lines follow, newest
    first, and which lines follow which, as runs (first line, last line, version
    index; ``NOW``: today's source)."""

    versions: tuple[Version, ...]
    runs: tuple[tuple[int, int, int], ...]

    def version_of(self, line: int, end_line: int) -> int:
        """The newest version any of the lines follows (``NOW`` first): a paragraph one
        of whose lines a commit translated was translated by it."""
        found = [v for first, last, v in self.runs if first <= end_line and last >= line]
        if not found:
            return len(self.versions) - 1 if self.versions else NOW
        return NOW if NOW in found else min(found)


@dataclass(frozen=True)
class LagPlan:
    inputs: dict[str, dict[str, LagInput]]  # group name -> translation language -> input
    notes: tuple[str, ...]  # said once per run: a shallow clone, no git


def plan(groups, source: str, markers: tuple[str, ...] = DEFAULT_SKIP_MARKERS,
         base: str | None = None, concerned=None) -> LagPlan:
    """Lag inputs for every group that has a source document and translations. With a
    ``base`` revision (--changed-since), the lines that commits after it changed are
    judged on what they say now, not as history; ``concerned(path)``: whether a file
    changed, when only translations that changed, or whose source did, are asked about."""
    pairs = []  # (group name, translation spec, source spec)
    for group in groups:
        files = {f.language: f for f in group.files}
        if source in files:
            whole = concerned is None or concerned(files[source].path)
            pairs.extend((group.name, f, files[source]) for f in group.files
                         if f.language != source and (whole or concerned(f.path)))
    if not pairs:
        return LagPlan({}, ())
    paths = sorted({p for _, t, s in pairs for p in (t.path, s.path)})
    try:
        repo = run_repository(paths)
        if repo is None:
            return LagPlan({}, ())
        history = History(repo, paths, base)
        patches = history.patches(paths)
        committed = history.read_blobs(sorted({("HEAD", t.path) for _, t, _ in pairs}))
    except GitError as exc:
        return LagPlan({}, (f"translation lag not computed: {exc}",))

    shared: dict[str, Counter] = {}  # group -> commit -> translations of the page it changed
    for group in groups:
        if any(f.language == source for f in group.files):
            shared[group.name] = Counter(c.sha for f in group.files if f.language != source
                                         for c in history.commits(f.path))
    owners: dict[tuple[str, str], tuple[list, object]] = {}  # (group, lang) -> (owner per line, source)
    # Shared by the translations: (source path, commit) -> the words it changed, and
    # source path -> today's source's words.
    deltas: dict = {}
    truncated = False
    for name, trans, src in pairs:
        commits = {c.sha: c for c in history.commits(trans.path)}
        if not commits:
            continue  # never committed: nothing is known of when it was made
        found = _owners(history, trans, src, patches, commits, committed.get(("HEAD", trans.path)), markers,
                        deltas, shared[name])
        if not found:
            truncated = truncated or found is None
            continue
        owners[(name, trans.language)] = (_fewer_versions(found, MAX_VERSIONS), src)

    wanted = {}  # translation commit -> (short, date, source commit, source path)
    for found, src in owners.values():
        for commit in {o for o in found if o is not None and o != NOW}:
            if (commit.sha, src.path) not in wanted:
                base_commit = history.baseline(src.path, commit, markers)
                wanted[(commit.sha, src.path)] = (commit.short, commit.date, base_commit.sha, src.path)
    blobs = history.read_blobs(sorted({(sha, path) for _, _, sha, path in wanted.values()}))
    inputs: dict[str, dict[str, LagInput]] = {}
    texts: dict = {}
    for (name, lang), (found, src) in sorted(owners.items()):
        inputs.setdefault(name, {})[lang] = _input(found, src, wanted, blobs, texts)
    notes = ()
    if truncated:
        notes = ("shallow clone: the history of some translations is cut off, so their lag "
                 "behind the source is not reported; fetch more history (fetch-depth: 0)",)
    return LagPlan(inputs, notes)


def _owners(history: History, trans, src, patches, commits, head: bytes | None, markers, deltas: dict,
            shared: Counter):
    """The commit that translated each line of today's translation (``NOW`` for lines
    changed after ``base`` or not committed); None when a shallow clone cuts the history
    off before some line's translation, empty when there is nothing to attribute.
    ``shared``: how many translations of the page each commit changed (one: the
    translator's update of the page)."""
    from transcheck.history.blame import attribute, delta, mechanical, words
    from transcheck.read.decode import split_lines, text_or_none

    source_hunks = dict(patches.get(src.path, ()))

    def source_delta(sha: str):
        def ask():
            if sha not in source_hunks:
                return None
            if (src.path, sha) not in deltas:
                deltas[(src.path, sha)] = _words_changed(source_hunks[sha], delta)
            return deltas[(src.path, sha)]
        return ask

    def source_words():
        """Today's source's words, read once for all its translations, and only if a
        hunk needs them."""
        if src.path not in deltas:
            deltas[src.path] = frozenset(words(_lines(_current_bytes(src) or b"")))
        return deltas[src.path]

    steps = []
    data = _current_bytes(trans)
    if data is None or not data.strip():
        # Not readable now, or empty (git shows no hunk for an empty file): nothing to
        # attribute, and no sign of a cut history.
        return ()
    if head is not None and head.replace(b"\r\n", b"\n") != data.replace(b"\r\n", b"\n"):
        current, committed = text_or_none(data), text_or_none(head)
        if current is None:
            return None
        lines = split_lines(current)
        if committed is not None:
            steps.append((NOW, _hunks(split_lines(committed), lines),
                          lambda h: mechanical(h, lambda: None, source_words())))
    else:
        lines = _lines(data)
    oldest = None
    for sha, hunks in patches.get(trans.path, ()):
        commit = commits.get(sha)
        if commit is None:
            continue
        oldest = commit
        skipped = commit.skipped(markers)
        after = history.after_base(commit)
        owner = NOW if after else commit
        ask = source_delta(sha)
        steps.append((owner, hunks, (lambda h: True) if skipped else (
                          lambda h, ask=ask: mechanical(h, ask, source_words())),
                      not after and shared.get(sha, 0) <= 1))  # a change under review: line by line
    if not steps:
        return None if oldest is None else [oldest] * len(lines)
    found = attribute(len(lines), steps)
    if any(o is not None and o != NOW and history.truncated(o) for o in found):
        return None
    return [oldest if o is None else o for o in found]


def _fewer_versions(found: list, limit: int) -> list:
    """``found`` with at most ``limit`` commits: the newest and those that translated
    the most lines. A line of a commit left out is given to the next newer commit kept:
    a change of the source between the two is not reported on it (a lag missed), where
    an older one would report a change the line already follows (a false alarm)."""
    lines = Counter(o for o in found if o is not None and o != NOW)
    if len(lines) <= limit:
        return found
    newest = max(lines, key=lambda c: (c.time, c.sha))
    kept = {newest} | set(sorted(lines, key=lambda c: (-lines[c], -c.time, c.sha))[:limit - 1])
    order = sorted(lines, key=lambda c: (c.time, c.sha))
    given, heir = {}, newest
    for commit in reversed(order):
        if commit in kept:
            heir = commit
        given[commit] = heir
    return [given.get(o, o) for o in found]


def _words_changed(hunks, delta) -> tuple[Counter, Counter]:
    out, into = Counter(), Counter()
    for h in hunks:
        if h.old is not None and h.new is not None:
            a, b = delta(h.old, h.new)
            out += a
            into += b
    return out, into


def _current_bytes(spec) -> bytes | None:
    if spec.text is not None:
        return spec.text.encode("utf-8", "surrogatepass")
    try:
        with open(spec.path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def _lines(data: bytes) -> list[str]:
    """The lines of a file as ``read.decode.split_lines`` counts them (only their
    number matters here, so UTF-8 is tried before the full decoding)."""
    from transcheck.read.decode import split_lines, text_or_none

    try:
        return split_lines(data.decode("utf-8"))
    except UnicodeDecodeError:
        return split_lines(text_or_none(data) or "")


def _hunks(old: list[str], new: list[str]):
    """Edits not yet committed, as hunks of one pseudo-commit, each a translation."""
    from transcheck.history.git import Hunk
    from transcheck.linediff import opcodes

    out = []
    for op, i1, i2, j1, j2 in opcodes(old, new):
        if op != "equal":
            small = i2 - i1 <= 8 and j2 - j1 <= 8
            out.append(Hunk(i1 if i1 == i2 else i1 + 1, i2 - i1, j1 if j1 == j2 else j1 + 1, j2 - j1,
                            tuple(old[i1:i2]) if small else None, tuple(new[j1:j2]) if small else None))
    return out


def _text(data: bytes | None) -> str | None:
    from transcheck.read.decode import text_or_none

    if data is None:
        return None
    if not data.startswith(b"\xef\xbb\xbf") and b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return text_or_none(data)


def _input(found, src, wanted, blobs, texts: dict) -> LagInput:
    """``texts``: the source versions decoded so far, shared by the page's translations."""
    order = sorted({o for o in found if o is not None and o != NOW}, key=lambda c: (-c.time, c.sha))
    index = {c.sha: k for k, c in enumerate(order)}
    versions = []
    for c in order:
        short, date, sha, path = wanted[(c.sha, src.path)]
        if (sha, path) not in texts:
            texts[(sha, path)] = _text(blobs.get((sha, path)))
        versions.append(Version(short, date, texts[(sha, path)]))
    runs: list[list[int]] = []
    for line, o in enumerate(found, start=1):
        v = NOW if o == NOW or o is None else index[o.sha]
        if runs and runs[-1][2] == v and runs[-1][1] == line - 1:
            runs[-1][1] = line
        else:
            runs.append([line, line, v])
    return LagInput(tuple(versions), tuple(tuple(r) for r in runs))


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


__all__ = ["LagInput", "LagPlan", "Version", "NOW", "plan", "DEFAULT_SKIP_MARKERS"]
