"""What git knows about when each file last changed, read in two calls for a whole run.

One ``git log --name-only`` pass over the repository lists, newest first, the commits
that touched each file; one ``git cat-file --batch`` reads every old version needed.
git is asked through ``transcheck.git``, in the run's own repository only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from transcheck.git import Repository

# Matched in any case; "[i18nIgnore]" and "[i18n-ignore]" are how Starlight sites (Astro,
# Tauri) mark commits that translations need not follow.
DEFAULT_SKIP_MARKERS = ("[i18n skip]", "[skip i18n]", "[i18n-skip]", "[i18n ignore]", "[i18nignore]",
                        "[i18n-ignore]")


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    time: int  # committer date, seconds since the epoch
    message: str

    @property
    def short(self) -> str:
        return self.sha[:10]

    @property
    def date(self) -> str:
        import time

        return time.strftime("%Y-%m-%d", time.gmtime(self.time))

    def skipped(self, markers: tuple[str, ...]) -> bool:
        low = self.message.lower()
        return any(m.lower() in low for m in markers)


class History:
    """The commit history of the files of one work tree."""

    def __init__(self, repo: Repository, paths: list[str], base: str | None = None):
        """``paths``: the files of interest, as the run names them. Their directories
        limit the log pass, so a monorepo's unrelated history is not read. ``base``: a
        revision whose later commits (a pull request's) are no one's last update."""
        self.repo = repo
        self.shallow = repo.is_shallow()
        self._boundary: frozenset[str] = frozenset()
        if self.shallow:
            self._boundary = frozenset(repo.shallow_commits())
        rel = sorted({self.relative(p) for p in paths} - {None})
        dirs = sorted({os.path.dirname(r) or "." for r in rel})
        self._log: dict[str, list[Commit]] = {}
        self._after_base: frozenset[str] = frozenset()
        if base is not None:
            self._after_base = repo.commits_after(base)
        if dirs:
            self._read_log(_minimal(dirs))

    def relative(self, path: str) -> str | None:
        """The file's name in the repository; None for a file that is not its own."""
        return self.repo.owns(path)

    def _read_log(self, dirs: list[str]) -> None:
        # %x1e starts a record, NULs end its fields; -z makes the names NUL-terminated too.
        out = self.repo.log("%x1e%H%x00%ct%x00%B%x00", dirs)
        for record in out.decode("utf-8", "surrogateescape").split("\x1e")[1:]:
            sha, ctime, message, rest = record.split("\0", 3)
            commit = Commit(sha, int(ctime), message.strip())
            for name in rest.lstrip("\0\n").split("\0"):
                if name:
                    self._log.setdefault(name, []).append(commit)

    def commits(self, path: str) -> list[Commit]:
        """Newest first; empty when the file was never committed."""
        rel = self.relative(path)
        return self._log.get(rel, []) if rel else []

    def last_update(self, path: str, markers: tuple[str, ...]) -> Commit | None:
        """The last commit that changed ``path`` and does not carry a skip marker."""
        for commit in self.commits(path):
            if not commit.skipped(markers) and commit.sha not in self._after_base:
                return commit
        return None

    def truncated(self, commit: Commit) -> bool:
        """In a shallow clone, a boundary commit shows every file as new: what it says
        of a file's last change cannot be trusted."""
        return commit.sha in self._boundary

    def baseline(self, source: str, since: Commit, markers: tuple[str, ...]) -> Commit:
        """The source revision a translation updated at ``since`` corresponds to.

        Source commits right after ``since`` that carry a skip marker (typo fixes) are
        taken as already carried over, so their edits are not reported as lag."""
        base = since
        later = [c for c in self.commits(source) if c.time > since.time]
        for commit in reversed(later):  # oldest first
            if not commit.skipped(markers):
                break
            base = commit
        return base

    def read_blobs(self, requests: list[tuple[str, str]]) -> dict[tuple[str, str], bytes | None]:
        """The content of each (commit, path) pair; None where the file did not exist."""
        results: dict[tuple[str, str], bytes | None] = {}
        names = []
        for sha, path in requests:
            rel = self.relative(path)
            if rel is None:
                results[(sha, path)] = None
            else:
                names.append(((sha, path), (sha, rel)))
        for (key, _), data in zip(names, self.repo.blobs([n for _, n in names])):
            results[key] = data
        return results


def _minimal(dirs: list[str]) -> list[str]:
    """Drop directories inside another one of the list (sorted input)."""
    if "." in dirs:
        return ["."]
    kept: list[str] = []
    for d in dirs:
        if not kept or not (d + "/").startswith(kept[-1] + "/"):
            kept.append(d)
    return kept
