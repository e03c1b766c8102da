"""Every git call of transcheck, confined to the run's own repository.

A pull request can commit a git directory as ordinary files (``docs/x/HEAD``,
``config``, ``objects``, ``refs``). git asked about a file from that file's directory
would discover that directory, take it for a repository and obey its configuration,
whose ``core.fsmonitor``, ``gpg.program`` and diff drivers name commands to run. So git
never discovers anything here: the work tree is the checked root (the directory that
holds ``.git``, found by its spelling without running git), named once and passed to
every call as ``--git-dir`` and ``--work-tree``, with hooks and the file-system monitor
off, ``safe.bareRepository=explicit``, external diff and text conversion off, and
pathspecs taken literally. A file under another repository's ``.git`` (a submodule, a
nested clone) is not this repository's, and git is not asked about it.

Revisions and paths reach git as data: revisions after ``--end-of-options``, paths
after ``--``, blob names on standard input.
"""

from __future__ import annotations

import os
import subprocess

from transcheck.errors import UsageError

_CONFINED = (
    "--literal-pathspecs",
    "-c", "safe.bareRepository=explicit",
    "-c", "core.fsmonitor=false",
    "-c", "core.hooksPath=" + os.devnull,
    "-c", "log.showSignature=false",
    "-c", "diff.external=",
)
_NO_DRIVERS = ("--no-ext-diff", "--no-textconv")


class GitError(UsageError):
    """git cannot answer; the message is one line."""


class Repository:
    """The run's own repository: its work tree ``top`` and its git directory."""

    def __init__(self, top: str, git_dir: str):
        self.top = top
        self._git_dir = git_dir
        self._real_top = os.path.realpath(top)
        self._nested: dict[str, bool] = {}  # directory -> under another repository
        self._unchanged: dict[str, frozenset[str]] = {}  # revision -> files equal to it
        self._renamed: dict[str, dict[str, str]] = {}  # revision -> {new name: old name}

    @classmethod
    def at(cls, root: str) -> Repository | None:
        """The repository whose work tree is ``root``, or None when ``root`` holds no
        ``.git`` (or git does not take it for one). ``GitError`` without git."""
        root = os.path.abspath(root)
        dot_git = os.path.join(root, ".git")
        if not os.path.lexists(dot_git):
            return None
        try:
            out = _run(root, ("--git-dir", dot_git, "--work-tree", root, "rev-parse", "--absolute-git-dir"))
        except GitError as exc:
            if "not installed" in str(exc):
                raise
            return None
        return cls(root, os.fsdecode(out.strip()))

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        """git's standard output; ``GitError`` with git's first line of complaint."""
        return _run(self.top, ("--git-dir", self._git_dir, "--work-tree", self.top, *args), stdin)

    def owns(self, path: str) -> str | None:
        """``path`` relative to the work tree, "/"-separated, when the file is this
        repository's; None when it lies outside it or under another repository."""
        real = os.path.realpath(path)
        rel = os.path.relpath(real, self._real_top)
        if rel == os.curdir or rel.startswith(os.pardir):
            return None
        directory = os.path.dirname(rel)
        while directory:
            if directory not in self._nested:
                self._nested[directory] = os.path.lexists(os.path.join(self._real_top, directory, ".git"))
            if self._nested[directory]:
                return None
            directory = os.path.dirname(directory)
        return rel.replace(os.sep, "/")

    # ------------------------------------------------------------------ questions
    def commit(self, revision: str) -> str | None:
        """The commit ``revision`` names, or None when it names none."""
        try:
            out = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        except GitError:
            return None
        return out.decode("ascii", "replace").strip() or None

    def unchanged_since(self, commit: str) -> frozenset[str]:
        """Tracked files equal to their version at ``commit`` (two calls for a whole
        tree); empty when git cannot say, so that every file counts as changed."""
        if commit not in self._unchanged:
            try:
                diff = self.run("diff", *_NO_DRIVERS, "--name-only", "--no-renames", "-z",
                                "--end-of-options", commit, "--")
                tracked = self.run("ls-files", "-z")
            except GitError:
                self._unchanged[commit] = frozenset()
            else:
                changed = set(diff.decode("utf-8", "surrogateescape").split("\0"))
                files = tracked.decode("utf-8", "surrogateescape").split("\0")
                self._unchanged[commit] = frozenset(f for f in files if f and f not in changed)
        return self._unchanged[commit]

    def renamed_since(self, commit: str) -> dict[str, str]:
        """Tracked files renamed since ``commit`` (git's rename detection), each new
        name with its old one; empty when git cannot say."""
        if commit not in self._renamed:
            try:
                out = self.run("diff", *_NO_DRIVERS, "-M", "--diff-filter=R", "--name-status", "-z",
                               "--end-of-options", commit, "--")
            except GitError:
                out = b""
            fields = out.decode("utf-8", "surrogateescape").split("\0")
            # Records of three fields: status (R and a similarity), old name, new name.
            self._renamed[commit] = {new: old for status, old, new in zip(fields[::3], fields[1::3], fields[2::3])
                                     if status.startswith("R")}
        return self._renamed[commit]

    def changed_under(self, commit: str, folder: str) -> bool:
        """Whether a tracked file below ``folder`` (relative; "" for the root) differs
        from its version at ``commit``, or git cannot say."""
        same = self.unchanged_since(commit)
        if not same:
            return True
        prefix = folder.rstrip("/") + "/" if folder else ""
        return any(f.startswith(prefix) and f not in same
                   for f in self.run("ls-files", "-z", "--", folder or ".").decode(
                       "utf-8", "surrogateescape").split("\0") if f)

    def blobs(self, names: list[tuple[str, str]]) -> list[bytes | None]:
        """The content of each (commit, relative path); None where it did not exist
        or is no file. One ``cat-file --batch`` for them all."""
        wanted = [i for i, (_, rel) in enumerate(names) if "\n" not in rel and "\r" not in rel]
        results: list[bytes | None] = [None] * len(names)
        if not wanted:
            return results
        request = "".join(f"{names[i][0]}:{names[i][1]}\n" for i in wanted)
        out = self.run("cat-file", "--batch", stdin=request.encode("utf-8", "surrogateescape"))
        pos = 0
        for i in wanted:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                results[i] = out[pos:pos + size]
                pos += size + 1
        return results

    def is_shallow(self) -> bool:
        return self.run("rev-parse", "--is-shallow-repository").strip() == b"true"

    def shallow_commits(self) -> list[str]:
        """The boundary commits of a shallow clone."""
        try:
            with open(os.path.join(self._git_dir, "shallow"), encoding="ascii") as fh:
                return [line.strip() for line in fh if line.strip()]
        except (OSError, UnicodeDecodeError):
            return []

    def commits_after(self, base: str) -> frozenset[str]:
        """The commits of HEAD that ``base`` does not have (a pull request's)."""
        out = self.run("rev-list", "--end-of-options", f"{base}..HEAD")
        return frozenset(out.decode("ascii", "replace").split())

    def log(self, fields: str, directories: list[str]) -> bytes:
        """``git log --name-status -z`` of HEAD over ``directories``, newest first, each
        commit in ``--format`` ``fields``; a file renamed within them is one rename
        record (``R100``, old name, new name)."""
        return self.run("log", *_NO_DRIVERS, "-M", f"--format={fields}", "--name-status", "-z",
                        "--end-of-options", "HEAD", "--", *directories)


    def patches(self, directories: list[str]) -> bytes:
        """``git log -p --unified=0`` of HEAD over ``directories`` (or files), newest first, each
        commit introduced by a record separator and its sha; renames found (``-M``)."""
        return self.run("log", *_NO_DRIVERS, "-M", "--no-color", "-p", "--unified=0",
                        "--format=%x1e%H", "--end-of-options", "HEAD", "--", *directories)


def _run(cwd: str, args: tuple[str, ...], stdin: bytes | None = None) -> bytes:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"):
        env.pop(name, None)
    try:
        done = subprocess.run(["git", *_CONFINED, *args], cwd=cwd, input=stdin, capture_output=True,
                              check=False, env=env)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(detail[0] if detail else f"git failed with exit code {done.returncode}")
    return done.stdout
