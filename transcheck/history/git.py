"""What git knows about when each file last changed, read in two calls for a whole run.

One ``git log --name-status`` pass over the repository lists, newest first, the commits
that touched each file, following renames; one ``git cat-file --batch`` reads every old
version needed.
git is asked through ``transcheck.git``, in the run's own repository only.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from transcheck.git import Repository

_MAX_NAMES = 2000  # paths on one git command line, at most (well within ARG_MAX)




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
        self._renamed: dict[str, str] = {}  # an earlier name -> the file's name at HEAD
        self._moved: set[tuple[str, str]] = set()  # (commit, name): renamed, unchanged
        # name at HEAD -> (time of a rename, the name before it), newest first
        self._earlier: dict[str, list[tuple[int, str]]] = {}
        self._times: dict[str, int] = {}  # commit -> its time
        self._after_base: frozenset[str] = frozenset()
        if base is not None:
            self._after_base = repo.commits_after(base)
        # One level up from the files' directories, so a file moved in from a sibling
        # (docs/_es/ renamed docs/es/) is seen as renamed, with its history.
        self._dirs = _minimal(sorted({os.path.dirname(d) or "." for d in _minimal(dirs)})) if dirs else []
        if self._dirs:
            self._read_log(self._dirs)

    def relative(self, path: str) -> str | None:
        """The file's name in the repository; None for a file that is not its own."""
        return self.repo.owns(path)

    def _read_log(self, dirs: list[str]) -> None:
        # %x1e starts a record, NULs end its fields; -z makes the names NUL-terminated too.
        out = self.repo.log("%x1e%H%x00%ct%x00%B%x00", dirs)
        for record in out.decode("utf-8", "surrogateescape").split("\x1e")[1:]:
            sha, ctime, message, rest = record.split("\0", 3)
            commit = Commit(sha, int(ctime), message.strip())
            self._times[sha] = commit.time
            for status, name, old in _name_status(rest.lstrip("\0\n").split("\0")):
                name = self._renamed.get(name, name)
                self._log.setdefault(name, []).append(commit)
                if old is not None:
                    # Older commits of the old name are this file's history; a move
                    # that changed nothing in it translated nothing.
                    self._renamed[old] = name
                    self._earlier.setdefault(name, []).append((commit.time, old))
                    if status == "R100":
                        self._moved.add((commit.sha, name))

    def commits(self, path: str) -> list[Commit]:
        """Newest first; empty when the file was never committed."""
        rel = self.relative(path)
        return self._log.get(rel, []) if rel else []

    def last_update(self, path: str, markers: tuple[str, ...]) -> Commit | None:
        """The last commit that changed ``path``'s text and does not carry a skip marker."""
        rel = self.relative(path)
        for commit in self.commits(path):
            if not commit.skipped(markers) and commit.sha not in self._after_base and (
                    (commit.sha, rel) not in self._moved):
                return commit
        return None

    def after_base(self, commit: Commit) -> bool:
        """A commit of the change under review (after --changed-since's revision)."""
        return commit.sha in self._after_base

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

    def patches(self, paths: list[str], keep_text: int = 8) -> dict[str, list[tuple[str, list[Hunk]]]]:
        """For each of ``paths`` (as the run names them), newest first, the commits that
        changed it and their hunks, from one ``git log -p --unified=0`` pass over the
        directories the commit log read. A hunk keeps its lines' text only when each
        side has at most ``keep_text`` lines (what ``history.blame`` reads to tell a
        mechanical edit); a path not named is skipped as it is read."""
        wanted = {r: p for p in paths if (r := self.relative(p)) is not None}
        if not wanted:
            return {}
        earlier: dict[str, list[str]] = {}
        for old, now in self._renamed.items():
            if now in wanted:
                earlier.setdefault(now, []).append(old)
        # The files and the names they had, never their directories (whose images are no
        # text, and one blob a partial clone lacks fails a pass), in passes of at most
        # _MAX_NAMES names, each file with its earlier names.
        passes: list[list[str]] = [[]]
        for rel in sorted(wanted):
            names = [rel, *sorted(earlier.get(rel, ()))]
            if passes[-1] and len(passes[-1]) + len(names) > _MAX_NAMES:
                passes.append([])
            passes[-1].extend(names)
        out = b"".join(self.repo.patches(sorted(set(names))) for names in passes)
        found: dict[str, list[tuple[str, list[Hunk]]]] = {}
        renamed: dict[str, str] = {}  # as in the log pass: an earlier name -> today's
        # One commit decoded at a time: the whole log as text would hold every
        # translation's history in memory at up to four bytes a character.
        pos = out.find(b"\x1e")
        while pos >= 0:
            end = out.find(b"\x1e", pos + 1)
            record = out[pos + 1:end if end >= 0 else len(out)].decode("utf-8", "surrogateescape")
            sha, _, body = record.partition("\n")
            for name, hunks in _parse_patch(body, keep_text, wanted, renamed):
                found.setdefault(wanted[name], []).append((sha.strip(), hunks))
            pos = end
        return found

    def _name_at(self, rel: str, sha: str) -> str:
        """The name the file called ``rel`` at HEAD had at commit ``sha`` (a source
        renamed since a translation followed it is read under its name of then)."""
        when = self._times.get(sha)
        if when is None:
            return rel
        for renamed, before in self._earlier.get(rel, ()):
            if when >= renamed:
                break
            rel = before
        return rel

    def read_blobs(self, requests: list[tuple[str, str]]) -> dict[tuple[str, str], bytes | None]:
        """The content of each (commit, path) pair; None where the file did not exist."""
        results: dict[tuple[str, str], bytes | None] = {}
        names = []
        for sha, path in requests:
            rel = self.relative(path)
            if rel is None:
                results[(sha, path)] = None
            else:
                names.append(((sha, path), (sha, self._name_at(rel, sha))))
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


@dataclass(frozen=True, slots=True)
class Hunk:
    """One hunk of a zero-context diff: ``old_count`` lines from ``old_start`` became
    ``new_count`` lines from ``new_start`` (a start is the line before the hunk when
    its count is 0). ``old``/``new``: the lines, or None for a larger hunk."""

    old_start: int
    old_count: int
    new_start: int
    new_count: int
    old: tuple[str, ...] | None = None
    new: tuple[str, ...] | None = None


_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def _name_status(fields: list[str]):
    """(status, name, earlier name or None) from ``--name-status -z`` fields: a rename
    or copy (``R``, ``C``) has two names, the new one last."""
    k = 0
    while k < len(fields) and fields[k]:
        status = fields[k]
        if status[:1] in ("R", "C") and k + 2 < len(fields):
            yield status, fields[k + 2], fields[k + 1] if status[:1] == "R" else None
            k += 3
        else:
            if k + 1 < len(fields) and fields[k + 1]:
                yield status, fields[k + 1], None
            k += 2


def _parse_patch(body: str, keep_text: int, wanted, renamed: dict[str, str]):
    """(path, hunks) for each file of one commit's patch that is in ``wanted`` under
    its name at HEAD; the others are passed over without reading their lines.
    ``renamed`` (an earlier name -> the name at HEAD) learns this commit's renames:
    the patches are read newest first, so the older commits of a renamed file are
    found under the name it has now."""
    for part in body.split("\ndiff --git ")[1:] if not body.startswith("diff --git ") else (
            ("\n" + body).split("\ndiff --git ")[1:]):
        head_end = part.find("\n@@ ")
        head = part if head_end < 0 else part[:head_end]
        name = old_name = moved_from = None
        for line in head.split("\n"):
            if line.startswith("--- "):
                old_name = _patch_path(line[4:])
            elif line.startswith("+++ "):
                name = _patch_path(line[4:]) or old_name
            elif line.startswith("rename from "):
                moved_from = _unquoted(line[12:])
            elif line.startswith("rename to "):
                name = name or _unquoted(line[10:])
        if name is None:
            continue
        name = renamed.get(name, name)
        if moved_from is not None:
            renamed[moved_from] = name
        if name not in wanted:
            continue
        hunks: list[Hunk] = []
        if head_end >= 0:
            for chunk in part[head_end + 1:].split("\n@@ "):
                lines = chunk.split("\n")
                m = _HUNK.match(lines[0] if lines[0].startswith("@@ ") else "@@ " + lines[0])
                if m is None:
                    continue
                counts = (int(m[1]), 1 if m[2] is None else int(m[2]), int(m[3]), 1 if m[4] is None else int(m[4]))
                if counts[1] <= keep_text and counts[3] <= keep_text:
                    old = tuple(x[1:] for x in lines[1:] if x[:1] == "-")
                    new = tuple(x[1:] for x in lines[1:] if x[:1] == "+")
                    hunks.append(Hunk(*counts, old, new))
                else:
                    hunks.append(Hunk(*counts))
        yield name, hunks


def _patch_path(text: str) -> str | None:
    """``a/docs/x.md`` -> ``docs/x.md``; None for /dev/null. git ends a name that has a
    space with a tab there (``--- a/docs/a b.md\t``), for patch to read."""
    text = _unquoted(text[:-1] if text.endswith("\t") else text)
    if text == "/dev/null":
        return None
    return text[2:] if text[1:2] == "/" else text


def _unquoted(text: str) -> str:
    """A name as git writes it in a patch: in C style quotes when it has unusual bytes
    ("\\303\\251" for é)."""
    if text.startswith('"') and text.endswith('"'):
        import codecs

        raw = codecs.escape_decode(text[1:-1].encode("utf-8", "surrogateescape"))[0]
        text = raw.decode("utf-8", "surrogateescape")
    return text
