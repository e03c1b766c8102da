"""What discovery hands on: the files of one document in several languages, and the
few facts about a path that every way of finding files shares."""

from __future__ import annotations

import os
from dataclasses import dataclass

from transcheck.model import InputProblem


@dataclass(frozen=True)
class FileSpec:
    path: str  # display path, as the user gave it
    language: str
    group: str
    # A document handed over from memory (``transcheck.api``): its text, read instead
    # of the file; and its format's name when its path's suffix does not say it.
    text: str | None = None
    format: str = ""
    # Matched a table layout's source pattern ("messages.properties=messages_{lang}…"),
    # or a layout without its language part (README.md for "README_{lang}.md"): the
    # source the user named, which a file of the source language's code beside it
    # ("messages_en.properties", a platform's export, a stale README_en.md) does not
    # replace.
    named_source: bool = False


@dataclass(frozen=True)
class GroupSpec:
    name: str
    files: tuple[FileSpec, ...]  # sorted by language
    # (translation language, history.LagInput): what git says of each translation's
    # last update; filled in by the run when the lag is computed.
    lag: tuple = ()
    # Unchanged translations a pull request's narrowed group leaves out
    # (``decide.changed``): read for the votes that count every translation, never checked.
    voters: tuple[FileSpec, ...] = ()


def dangling(path: str) -> str:
    """Why a symbolic link leads nowhere: a loop or a missing target."""
    import errno

    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop, not followed"
    return "broken symbolic link"


def unknown_language(path: str, why: str, explicit: bool) -> InputProblem:
    """The one rule for a file whose language cannot be told (see the module's text)."""
    if explicit:
        return InputProblem(path, why)
    return InputProblem(path, why + "; skipped", severity="warning")


def printable(path: str) -> bool:
    # Names that are not UTF-8 arrive as lone surrogates; no report format can carry them.
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def path_matches(path: str, pattern: str) -> bool:
    """Whether a checked file matches an (absolute) glob; ``*`` also crosses ``/``."""
    import fnmatch

    return fnmatch.fnmatchcase(os.path.abspath(path), pattern) or fnmatch.fnmatchcase(path, pattern)


def anchor_glob(root: str, pattern: str) -> str:
    """A glob from a configuration file, made absolute (relative to ``root``, the file's
    directory) so that it matches however the paths were given."""
    pattern = pattern.replace("\\", "/")
    return pattern if os.path.isabs(pattern) else os.path.join(root, pattern)
