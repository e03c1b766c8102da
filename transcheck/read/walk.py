"""The one walk of a directory tree that file-name discovery and layouts share.

Every directory is listed once, its entries sorted by name and walked depth first (a
subdirectory where its name falls), so the same tree gives the same files in the same
order on every machine. The walk never enters hidden or tool directories (``.git``,
``node_modules``...) and reads no hidden file (``.draft.md``: site generators leave
them out too), except a name of dots and a suffix: ``..md`` is the page for the ``.``
command, not a hidden file. A link that leads out of the checked tree
(``transcheck.read.contain``) is named, never followed, unless the root is None
(``--follow-symlinks``). A directory that cannot be listed, or a link back to a directory
above it, is one problem naming it; the rest of the tree is still walked. Iterative, not
recursive: a hostile tree thousands of directories deep costs no more than a wide one.

What to do with the files found (which names are documents, which problems a user is
told about) is the caller's: the walk only says, for each one, why it cannot be read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from transcheck.model import InputProblem
from transcheck.read.contain import LEAVES_TREE, SKIP_DIRS, leaves_tree
from transcheck.read.spec import dangling

LOOP = "symbolic link loop, not followed"
NOT_REGULAR = "not a regular file; skipped"


def walk(
    tops: Iterable[tuple[str, str | None]],
    problems: list[InputProblem],
    show: Callable[[str], str] = str,
) -> Iterator[tuple[str, str | None]]:
    """``(path, why it is not read, or None)`` for every file under each ``(top, root)``:
    a link that leaves ``root`` is not followed (``root`` None: every link is). Problems
    with directories go to ``problems`` under the name ``show`` gives their path. A
    directory reached a second time (a link to it, an overlapping top) is not walked
    again: its files are listed already."""
    visited: set[str] = set()
    for top, root in tops:
        real = os.path.realpath(top)
        if real in visited:
            continue
        visited.add(real)
        entries = _listed(top, problems, show)
        if entries is None:
            continue
        stack = [(top, real, iter(entries))]
        while stack:
            directory, parent_real, entries = stack[-1]
            for entry in entries:
                if entry.name in SKIP_DIRS or (entry.name.startswith(".") and not _dots_page(entry)):
                    continue
                path = os.path.join(directory, entry.name)
                link = _test(entry.is_symlink)
                if link and root is not None and leaves_tree(path, root):
                    if os.path.isdir(path):  # whatever it holds is out of the tree
                        problems.append(InputProblem(show(path), LEAVES_TREE))
                    else:
                        yield path, LEAVES_TREE
                elif _test(entry.is_dir):
                    # Only a link can move a directory: resolving every path afresh would
                    # cost time in the square of a deep tree's depth.
                    real = os.path.realpath(path) if link else os.path.join(parent_real, entry.name)
                    if real in visited:
                        # A link back to a directory above is a loop, worth a word; any
                        # other directory reached twice has its files listed already.
                        if _under(parent_real, real):
                            problems.append(InputProblem(show(path), LOOP, severity="warning"))
                        continue
                    visited.add(real)
                    listed = _listed(path, problems, show)
                    if listed is not None:
                        stack.append((path, real, iter(listed)))
                        break  # its entries come before the rest of this directory's
                elif _test(entry.is_file):
                    yield path, None
                elif link and not os.path.exists(path):
                    yield path, dangling(path)  # a broken link, or a link to itself
                else:
                    yield path, NOT_REGULAR  # a FIFO would block the reader for ever
            else:
                stack.pop()


def _dots_page(entry: os.DirEntry) -> bool:
    stem, dot, suffix = entry.name.rpartition(".")
    return bool(stem) and not stem.strip(".") and suffix.isalnum() and not _test(entry.is_dir)


def _listed(directory: str, problems: list[InputProblem], show) -> list[os.DirEntry] | None:
    try:
        with os.scandir(directory) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        problems.append(InputProblem(show(directory), f"cannot list directory: {exc.strerror or exc}"))
        return None


def _test(method) -> bool:
    # An entry removed or changed while the walk runs, or a link to itself (ELOOP),
    # is neither a file nor a directory: never an exception.
    try:
        return method()
    except OSError:
        return False


def _under(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def undecodable(shown: str) -> InputProblem:
    """The problem for a file whose name is not valid UTF-8 (``spec.printable``): the
    name with its undecodable bytes as ``\\xNN``, as every report can carry it."""
    escaped = shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return InputProblem(escaped, "file name is not valid UTF-8; skipped")
