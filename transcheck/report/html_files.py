"""The pages of a large HTML review, in a directory beside the report (``report.html``
and ``report_files/``, as a browser saves a web page with its parts): one JavaScript
file a page, run by a ``<script>`` element when the page is opened. Browsers refuse
fetch() on file://, but load scripts there.

A page file is named by its content (``<sha-256 prefix>.js``): the report, written last,
names only files already in place, a reader of the previous report keeps finding its
pages while the new ones are written, and the files no report names any more are
removed after it. Each file is replaced atomically (``atomic.replacing``), never through
a symbolic link. The directory must be transcheck's: a directory of that name without
transcheck's marker file is left alone and the report refused.
"""

from __future__ import annotations

import os
import stat

from transcheck.atomic import WriteRefused, directory, write_atomic
from transcheck.report.escape import script_json

MARKER = ".transcheck-pages"
_HEX = frozenset("0123456789abcdef")


def directory_for(report_path: str) -> str:
    """``report.html`` -> ``report_files``, beside it."""
    head, name = os.path.split(report_path)
    dot = name.rfind(".")
    return os.path.join(head, (name[:dot] if dot > 0 else name) + "_files")


class PageFiles:
    """The page directory of the report written to ``report_path``."""

    def __init__(self, report_path: str):
        self.path = directory_for(report_path)
        self.report = os.path.basename(report_path)
        self._written: set[str] = set()

    def open(self) -> None:
        directory(self.path)
        if os.listdir(self.path) and not os.path.lexists(os.path.join(self.path, MARKER)):
            raise WriteRefused(f"{self.path}: holds files transcheck did not write; not written")
        note = f"The pages of the transcheck report {self.report}; rewritten with it.\n"
        write_atomic(os.path.join(self.path, MARKER), note.encode("utf-8"))

    def put(self, page_id: str, fragment: str) -> None:
        name = f"{page_id}.js"
        if name in self._written:  # two pages alike
            return
        self._written.add(name)
        data = f"transcheckPage({script_json(page_id, False)},{script_json(fragment, False)});\n".encode("utf-8")
        path = os.path.join(self.path, name)
        if not _holds(path, data):  # a page that did not change since the last report stays
            write_atomic(path, data, durable=False)

    def prune(self) -> None:
        """Remove the page files the report does not name (all of them after a report
        that holds its pages itself), and the directory when nothing else is left."""
        try:
            names = os.listdir(self.path)
            if MARKER not in names or stat.S_ISLNK(os.lstat(self.path).st_mode):
                return
        except OSError:
            return
        for name in names:
            full = os.path.join(self.path, name)
            if _is_page(name) and name not in self._written and stat.S_ISREG(os.lstat(full).st_mode):
                os.unlink(full)
        if not self._written and set(os.listdir(self.path)) == {MARKER}:
            os.unlink(os.path.join(self.path, MARKER))
            os.rmdir(self.path)


def _holds(path: str, data: bytes) -> bool:
    """The file at ``path`` is a regular file (not a link) with these bytes."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as fh:
        return fh.read(len(data) + 1) == data


def _is_page(name: str) -> bool:
    """A page file's name: 20 hexadecimal digits and ".js"."""
    return len(name) == 23 and name.endswith(".js") and set(name[:20]) <= _HEX
