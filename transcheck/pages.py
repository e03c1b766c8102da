"""Each page's state in each language of the run, and a page the source lacks."""

from __future__ import annotations

import os
from collections.abc import Iterable

from transcheck.model import (
    MISSING,
    OUTDATED,
    PRESENT,
    SOURCE,
    UP_TO_DATE,
    InputProblem,
    PageStatus,
)


def status(documents, source: str | None, lag: dict, inputs) -> tuple[PageStatus, ...]:
    """Each present language's status: the source; outdated (``lag``: the view's
    outdated translations); up to date (git knows when it was made, and nothing changed
    since); or present (nothing is known of its lag)."""
    from transcheck.align.keys import coverage

    known = {lang for lang, given in inputs if any(v.source_then is not None for v in given.versions)
             or not given.versions}
    src = next((d for d in documents if d.language == source), None)
    out = []
    for doc in sorted(documents, key=lambda d: d.language):
        lang = doc.language
        keys, translated, fuzzy = coverage(doc, src) if lang != source else (0, 0, 0)
        if lang == source:
            out.append(PageStatus(lang, SOURCE))
        elif lang in lag:
            behind = lag[lang]
            out.append(PageStatus(lang, OUTDATED, sum(c.count for c in behind.changes),
                                  behind.since_sha, behind.since_date))
        elif lang in known and source in {d.language for d in documents}:
            out.append(PageStatus(lang, UP_TO_DATE, keys=keys, translated=translated, fuzzy=fuzzy))
        else:
            out.append(PageStatus(lang, PRESENT, keys=keys, translated=translated, fuzzy=fuzzy))
    return tuple(out)


def with_missing(status: tuple[PageStatus, ...], missing: Iterable[str]) -> tuple[PageStatus, ...]:
    """``status`` plus ``missing`` for each language of the run that has no file of the page."""
    return tuple(sorted(status + tuple(PageStatus(lang, MISSING) for lang in missing), key=lambda s: s.language))


def orphaned(path: str, files: int, source: str) -> InputProblem:
    """The one line said of a page whose translations have no source page beside them
    (``path``: one of its ``files``, the one a change touched where there is a change)."""
    return InputProblem(path, f"the source ({source}) has no such page: its {files} translation(s) are compared "
                              "only with each other, their findings told at info (renamed or removed?)", "warning")


def interface_builder(path: str) -> bool:
    """Whether ``path`` is an Apple ``<lang>.lproj/<name>.strings`` whose source is an
    Interface Builder file (``Base.lproj/<name>.storyboard`` or ``.xib``), which Xcode
    localises without a source ``.strings``: no page the source lacks."""
    folder, name = os.path.split(path)
    parent, lproj = os.path.split(folder)
    if not (lproj.endswith(".lproj") and name.endswith(".strings")):
        return False
    stem = name[: -len(".strings")]
    return any(os.path.isfile(os.path.join(parent, "Base.lproj", stem + ext)) for ext in (".storyboard", ".xib"))
