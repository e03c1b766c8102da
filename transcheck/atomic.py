"""Replacing a file safely: the one way transcheck writes a user's file (``fix --write``,
a report's ``--output`` (``transcheck.output``), ``--write-baseline``).

The new bytes go to a temporary file in the same directory, are flushed to disk, take
the old file's permissions (and owner, where allowed), and replace it in one
``os.replace``: a reader sees the old file or the new one, never half of one. A file
that a rename would harm is refused, untouched, with a one-line reason: a symbolic
link (the write would land wherever it points), a read-only file (its owner said no),
a file with several hard links (the others would keep the old text), anything that is
not a regular file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from transcheck.errors import UsageError


class WriteRefused(UsageError):
    """A write that was not done; the message is one line naming the path."""


def refuse_unsafe(path: str) -> os.stat_result | None:
    """The current status of ``path`` (None when it does not exist yet), or
    ``WriteRefused`` when replacing it would do harm."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteRefused(f"{path}: cannot write: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise WriteRefused(f"{path}: is a symbolic link; not written")
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused(f"{path}: not a regular file; not written")
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise WriteRefused(f"{path}: is read-only; not written")
    if info.st_nlink > 1:
        raise WriteRefused(
            f"{path}: has {info.st_nlink} hard links, which replacing it would break; not written"
        )
    return info


def _new_file_mode() -> int:
    # The mode open() would give a new file: 0666 less the umask (read by setting it).
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def replacing(
    path: str, verify: Callable[[], None] | None = None, *, text: bool = False, durable: bool = True
) -> Iterator[IO]:
    """A file to write the new content of ``path`` into, streamed (a report of any
    size); when the block ends without an exception it replaces (or creates) ``path``
    atomically. ``text``: a UTF-8 text file with "\\n" newlines, else binary.

    ``verify`` is called at the last moment before the replace and may raise (for
    example because the file changed since it was read): the file is then untouched.
    Raises ``WriteRefused`` for a path that must not be replaced and ``OSError`` when
    the system refuses; no temporary file is left behind either way. ``durable=False``
    skips the flush to disk (each costs milliseconds): for the thousands of files a
    report writes beside itself, whole or absent to a reader all the same.
    """
    import tempfile

    before = refuse_unsafe(path)
    directory = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(prefix=".transcheck-", suffix=".tmp", dir=directory)
    try:
        opened = (
            os.fdopen(fd, "w", encoding="utf-8", newline="\n") if text else os.fdopen(fd, "wb")
        )
        with opened as fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if before is None:
            os.chmod(tmp, _new_file_mode())
        else:
            os.chmod(tmp, before.st_mode & 0o7777)
            try:
                os.chown(tmp, before.st_uid, before.st_gid)
            except (AttributeError, PermissionError):
                pass  # only the owner's own files, or root, can keep another owner
        # The path may have become a link or lost its write bit while we wrote.
        if refuse_unsafe(path) is None and before is not None:
            raise WriteRefused(f"{path}: removed while it was written; not written")
        if verify is not None:
            verify()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_atomic(path: str, data: bytes, verify: Callable[[], None] | None = None, durable: bool = True) -> None:
    """Replace (or create) ``path`` with ``data``, atomically (see ``replacing``)."""
    with replacing(path, verify, durable=durable) as fh:
        fh.write(data)


def write_text(path: str, text: str) -> None:
    """A report or baseline: UTF-8 with "\\n" newlines, written atomically."""
    with replacing(path, text=True) as fh:
        fh.write(text)


def directory(path: str) -> None:
    """A directory for the files a report writes beside itself: made when missing,
    refused (``WriteRefused``) when a symbolic link (the files would land wherever it
    points) or anything but a directory."""
    try:
        os.mkdir(path)
    except FileExistsError:
        pass
    except OSError as exc:
        raise WriteRefused(f"{path}: cannot write: {exc.strerror or exc}") from None
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise WriteRefused(f"{path}: is a symbolic link; not written")
    if not stat.S_ISDIR(info.st_mode):
        raise WriteRefused(f"{path}: not a directory; not written")
