"""The layout a directory's documents would fit, for the one line that says so when a
run finds documents there but reads none of them as translations.

Every document path not read is tried at each of its parts for a language code joined
by ``.``, ``-`` or ``_`` (``README-de.md``, ``pages.fr/``, ``guide_pt-BR.md``); the
pattern that covers the most paths in at least two languages (or one, beside the page
without its code) wins. Its source is the path without the code (``README.md`` beside
``README-de.md``), or the same file name one directory up (``README.md`` above
``translations/README-de.md``), which needs the ``SOURCE=TRANSLATION`` form. Resource files in a language directory of each module of an
app (Android's ``*/src/main/res/values-de/strings.xml``) also fit one pattern for them
all (``**/values-{lang}/strings.xml``), which wins where it covers more.
"""

from __future__ import annotations

import os

from transcheck.formats import is_keyed, name_for
from transcheck.model import InputProblem
from transcheck.read.languages import code_hint, looks_like_tag, normalise_tag

_NOT_READ = ("no language in the file name", "unknown language code")
_SEPARATORS = (".", "-", "_")


def suggest(given: str, problems: list[InputProblem], read: list) -> tuple[InputProblem, set[str]] | None:
    """One warning naming the layout the unread documents under ``given`` fit, and the
    paths it accounts for (their own warnings say nothing more), or None.
    ``problems``: what the walk of ``given`` reported; ``read``: the files it read."""
    unread = [p.path for p in problems if p.message.startswith(_NOT_READ) and name_for(p.path)]
    if len(unread) < 2:
        return None
    top = os.path.normpath(given)
    relative = {os.path.relpath(p, top).replace(os.sep, "/"): p for p in unread}
    best = _best(list(relative))
    if best is None:
        return None
    pattern, covered, source, members = best
    prefix = "" if top == "." else top.replace(os.sep, "/") + "/"
    layout = prefix + pattern if source is None or source == _implied(pattern) else (
        f"{prefix}{source}={prefix}{pattern}")
    with_source = " --source LANG" if source is not None else ""
    beside = f" beside {prefix}{source}" if source is not None else ""
    return InputProblem(
        given,
        f"{covered} documents here look like {prefix}{pattern}{beside}: try --layout '{layout}'{with_source}"
        + (f" (LANG: the language of {prefix}{source})" if source is not None else ""),
        severity="warning",
    ), {relative[m] for m in members}


def _best(paths: list[str]) -> tuple[str, int, str | None, set[str]] | None:
    members: dict[str, set[str]] = {}
    codes: dict[str, set[str]] = {}
    for path in paths:
        for pattern, code in _patterns(path):
            members.setdefault(pattern, set()).add(path)
            codes.setdefault(pattern, set()).add(code.lower())
    # On a tie the layout of one directory wins: it reads every file there ("*.xml").
    # One language is enough where it is a real tag and several pages have it (a site
    # translated into one language so far: Docusaurus's i18n/zh-Hans/…), or where the
    # page without the code stands beside it (README.md and README_en.md).
    present = set(paths)
    ranked = sorted(((len(members[p]), p) for p in members if len(codes[p]) >= 2 or (
        all(normalise_tag(c) for c in codes[p]) and (len(members[p]) >= 3 or _source(p, present)))),
        key=lambda t: (-t[0], t[1].startswith("**/"), t[1]))
    if not ranked:
        return None
    covered, pattern = ranked[0]
    source = _source(pattern, present)
    return pattern, covered + (source is not None), source, members[pattern] | ({source} & present)


def _patterns(path: str):
    """(layout pattern, code) for each way the path holds a language code."""
    parts = path.split("/")
    last = len(parts) - 1
    for i, part in enumerate(parts):
        if i < last - 1 and looks_like_tag(part) and _is_code(part):
            # A directory deeper than the file's parent (Docusaurus's
            # i18n/de/docusaurus-plugin-content-docs/current/…): discovery reads only
            # LANG/NAME.EXT.
            yield "/".join(parts[:i] + ["{lang}", "**", "*" + os.path.splitext(parts[-1])[1]]), part
        stem, ext = (part[: -len(os.path.splitext(part)[1])] or part, os.path.splitext(part)[1]) if i == last else (part, "")
        for sep in _SEPARATORS:
            head, found, code = stem.rpartition(sep)
            if not found or not head or not _is_code(code):
                continue
            placed = f"{head}{sep}{{lang}}{ext}"
            if i == last:
                yield "/".join(parts[:i] + [placed]), code
            else:
                doc_ext = os.path.splitext(parts[-1])[1]
                rest = "**/*" + doc_ext if i < last - 1 else "*" + doc_ext
                yield "/".join(parts[:i] + [placed, rest]), code
                if i == last - 1 and i > 0 and is_keyed(parts[-1]):
                    # An app of many modules keeps one resource directory in each
                    # (Android's */src/main/res/values-de/strings.xml): one layout
                    # for them all.
                    yield f"**/{placed}/{parts[-1]}", code


def _is_code(code: str) -> bool:
    return 2 <= len(code) <= 8 and (normalise_tag(code) is not None or code_hint(code) is not None)


def _implied(pattern: str) -> str | None:
    from transcheck.read.layout import implicit_source

    return implicit_source(pattern)


def _source(pattern: str, present: set[str]) -> str | None:
    """The source file the pattern's translations sit beside, when it is a file of its
    own: without the code, or with the same name a directory up."""
    implied = _implied(pattern)
    if implied is None or "*" in implied:
        return implied if implied is not None and "*" in implied and _any_fits(implied, present) else None
    if implied in present:
        return implied
    up = "/".join(implied.split("/")[:-2] + implied.split("/")[-1:])
    return up if "/" in implied and up in present else None


def _any_fits(pattern: str, present: set[str]) -> bool:
    from transcheck.read.layout import compile_pattern

    compiled = compile_pattern(pattern)
    return any(compiled.fullmatch(p) for p in present)
