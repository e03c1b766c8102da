"""Where a report goes (``--output``).

The checked tree may come from a pull request, and so may anything in it: a link named
``transcheck.md`` that points at ``/dev/null`` (the report vanishes) or at a FIFO (the
step hangs), a directory in the report's place. So the path is never followed through
a link, and a path inside the checked tree (the repository that holds a checked path,
else the directory given; ``read.contain``) is refused. Only ``-`` (standard output)
or an existing character device or FIFO that the user named is a stream; a FIFO that
no process reads is refused at once instead of waited on. Anything else is a file,
replaced atomically (``atomic.replacing``).
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import contextmanager, nullcontext

from transcheck.atomic import WriteRefused, replacing


def report_file(path: str, checked: list[str] | tuple[str, ...] = ()):
    """A context manager giving the text file to write the report of a run that
    checked ``checked`` to; ``WriteRefused`` (one line) when ``path`` must not be it."""
    if path == "-":
        return nullcontext(sys.stdout)
    for written, real in sorted({_root(p) for p in checked}):
        root = written
        if _under(os.path.abspath(path), written) or _under(_real(path), real):
            raise WriteRefused(f"{path}: inside the checked tree ({root}), whose files a pull request "
                               "may have placed; write the report outside it")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteRefused(f"{path}: cannot write: {exc.strerror or exc}") from None
    if mode is not None and stat.S_ISLNK(mode):
        raise WriteRefused(f"{path}: is a symbolic link; not written")
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return _stream(path)
    return replacing(path, text=True)


def is_stream(path: str) -> bool:
    """Whether the report at ``path`` is written as a stream, with nothing beside it:
    ``-``, or an existing character device or FIFO (not through a link)."""
    if path == "-":
        return True
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


@contextmanager
def _stream(path: str):
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        import errno

        if exc.errno == errno.ENXIO:
            raise WriteRefused(f"{path}: a FIFO that no process reads; not written") from None
        raise WriteRefused(f"{path}: cannot write: {exc.strerror or exc}") from None
    os.set_blocking(fd, True)  # open without waiting; then write as a stream does
    with open(fd, "w", encoding="utf-8", newline="\n") as fh:
        yield fh


def _root(path: str) -> tuple[str, str]:
    """The checked tree of ``path``, as written and where it really is."""
    from transcheck.read.contain import checked_root

    root = os.path.abspath(checked_root(path))
    return root, os.path.realpath(root)


def _real(path: str) -> str:
    """Where ``path`` would be written: its directory's real place (links followed), and
    its own name."""
    directory, name = os.path.split(os.path.abspath(path))
    return os.path.join(os.path.realpath(directory), name)


def _under(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)
