"""Files without a language in their path that are the source of the translations
beside them: ``README.md`` beside ``README.de.md``, Apple's ``Base.lproj``. Discovery
(``read.discover``) hands each its warnings; with a source language these read as the
source, and their warnings go."""

from __future__ import annotations

import os
from dataclasses import replace

from transcheck.formats import is_keyed
from transcheck.model import InputProblem
from transcheck.read.spec import FileSpec

NO_LANGUAGE = "no language in the file name"


def beside_translations(problems: list[InputProblem], reported: int, specs: list[FileSpec], before: int,
                        source: str | None) -> None:
    """A file without a language in its name beside its translations (README.md beside
    README.de.md) is their source: read in the ``source`` language when one is given,
    else named as such in its warning."""
    groups: dict[str, list[FileSpec]] = {}
    for spec in specs[before:]:
        groups.setdefault(spec.group, []).append(spec)
    for k in range(len(problems) - 1, reported - 1, -1):
        p = problems[k]
        if not p.message.startswith(NO_LANGUAGE):
            continue
        directory, filename = os.path.split(p.path)
        stem, ext = os.path.splitext(filename)
        group = os.path.normpath(os.path.join(directory, stem))
        beside = [f for f in groups.get(group, ()) if f.path.endswith(ext) and os.path.dirname(f.path) == directory]
        if not beside or any(f.language == source for f in beside):
            continue
        if source is not None:
            del problems[k]
            specs.append(FileSpec(path=p.path, language=source, group=group))
        else:
            names = ", ".join(os.path.basename(f.path) for f in beside[:3]) + (", …" if len(beside) > 3 else "")
            problems[k] = replace(p, message=f"{NO_LANGUAGE}, beside its translations ({names}); skipped "
                                             "(--source LANG reads it as their source)")


def base_lproj(problems: list[InputProblem], reported: int, specs: list[FileSpec], before: int,
               source: str | None) -> None:
    """Apple's ``Base.lproj/NAME.strings`` holds the development language's strings: the
    source of ``de.lproj/NAME.strings`` where ``--source`` is given and no
    ``SOURCE.lproj/NAME.strings`` is there (Sparkle keeps its English only in Base)."""
    if source is None:
        return
    have_source = {s.group for s in specs[before:] if s.language == source}
    for k in range(len(problems) - 1, reported - 1, -1):
        p = problems[k]
        directory, filename = os.path.split(p.path)
        parent_dir, parent = os.path.split(os.path.normpath(directory or "."))
        if parent != "Base.lproj" or not p.message.startswith(NO_LANGUAGE) or not is_keyed(p.path):
            continue
        group = os.path.join(os.path.normpath(parent_dir or "."), filename)
        if group in have_source or not any(s.group == group for s in specs[before:]):
            continue
        del problems[k]
        specs.append(FileSpec(path=p.path, language=source, group=group))
        have_source.add(group)
