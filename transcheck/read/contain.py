"""The checked tree, and symbolic links that lead out of it.

A pull request can add a link such as ``docs/tr/x.de.txt -> ../../.git/config``; read
like any file it would put the repository's credentials into every report. So by
default a link is followed only when its target stays inside the checked root (the git
repository's top directory when there is one, else the directory given) and outside
its hidden directories (``.git``, ``.env`` files...), which transcheck never checks.
``--follow-symlinks`` is the explicit opt-in. The message names the link, never the
target: where it points is itself worth hiding.
"""

from __future__ import annotations

import os

LEAVES_TREE = (
    "symbolic link that leads out of the checked tree; not followed "
    "(--follow-symlinks follows it)"
)

FOLLOW_HELP = (
    "Follow symbolic links that lead out of the checked tree (the git repository, else the "
    "directory given); by default they are reported and not read."
)

# Here, not in layout.py, so that the command line's help imports one small module.
LAYOUT_HELP = (
    "Where the language sits in the paths (repeatable; replaces the configuration's layout). "
    "PATTERN, a glob with one {lang}: 'docs/{lang}/**/*.md', 'docs/**/*.{lang}.md', "
    "'README-{lang}.md', 'pages.{lang}/**/*.md'; files equal but for {lang} are one document, and "
    "the path without its .{lang}, -{lang} or _{lang} (page.md, README.md, pages/) is the "
    "source's (with --source). SOURCE=TRANSLATION, the source elsewhere, paired by what the "
    "wildcards match: 'README.md=translations/README-{lang}.md', "
    "'docs/**/*.md=i18n/{lang}/docs/**/*.md' (in the configuration, the table "
    "{ source = ..., translation = ... }). A project's own codes (cn, ptbr) map to languages "
    "in [language-codes]. Without a layout: LANG.EXT, NAME.LANG.EXT or LANG/NAME.EXT."
)

# Directories a walk never enters; a link into one leaves the checked tree too.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def checked_root(path: str) -> str:
    """The root that ``path`` (given on the command line, or a glossary) is checked in:
    the nearest directory above it holding ``.git``, else the directory itself (for a
    file, or a link, the directory it is in).

    Found by looking at the path's own spelling, never by following links, and without
    running git: cheap, and a link cannot move the root.
    """
    absolute = os.path.abspath(path)
    start = absolute if os.path.isdir(absolute) and not os.path.islink(absolute) else os.path.dirname(absolute)
    directory = start
    while True:
        if os.path.lexists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return start


def leaves_tree(path: str, root: str) -> bool:
    """Whether following the links in ``path`` (which is spelled inside ``root``) ends
    outside ``root`` or inside one of its hidden or tool directories."""
    root_real = os.path.realpath(root)
    real = os.path.realpath(path)
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if real == os.path.normpath(os.path.join(root_real, relative)):
        return False  # no link on the way: the path is where it says it is
    if not _under(real, root_real):
        return True
    inside = os.path.relpath(real, root_real)
    return inside != "." and any(part.startswith(".") or part in SKIP_DIRS for part in inside.split(os.sep))


def _under(path: str, directory: str) -> bool:
    try:
        return os.path.commonpath([path, directory]) == directory
    except ValueError:  # different drives
        return False


def read_regular(path: str, limit: int) -> tuple[bytes, os.stat_result]:
    """At most ``limit`` + 1 bytes of the regular file at ``path`` (one more than the
    limit, so that the caller can tell a larger file), and its status.

    Opened without blocking and checked once open, so that a FIFO, a device or
    ``/proc/self/fd/0`` in its place, or swapped in after a check, is refused instead
    of stalling the run: ``OSError`` "not a regular file"."""
    import errno
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", path)
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks), info
    finally:
        os.close(fd)


def inside(path: str, tree: str) -> bool:
    """Whether ``path`` (absolute, normal) is in ``tree`` as written and where its links
    lead: neither above it nor in one of its hidden or tool directories (``.git``)."""
    tree = os.path.abspath(tree)
    if not _under(path, tree) or leaves_tree(path, tree):
        return False
    directories = os.path.relpath(path, tree).split(os.sep)[:-1]
    return not any(part.startswith(".") or part in SKIP_DIRS for part in directories)


def glossary_escapes(settings) -> str | None:
    """The one line for a named glossary that is a link out of the tree, or None."""
    path = settings.glossary
    if path and not settings.follow_symlinks and leaves_tree(path, checked_root(path)):
        return f"{path}: {LEAVES_TREE}"
    return None
