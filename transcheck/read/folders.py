"""Folders named like a language code that hold no translation: ``topics/os/`` (the
operating-system exercises, not Ossetic) read as LANG/NAME.EXT would be a document in
one language, checked against nothing and told it is written in the wrong one."""

from __future__ import annotations

import os
from collections import Counter

from transcheck.model import InputProblem
from transcheck.read.spec import FileSpec


def lone_folders(specs: list[FileSpec], problems: list[InputProblem]) -> list[FileSpec]:
    """``specs`` without the files whose language only their folder gives, where that
    folder is the one language folder beside its siblings and no file of another
    language translates theirs; each such folder is named in one warning."""
    def folder_coded(spec: FileSpec) -> bool:
        # LANG/NAME.EXT: the group sits beside the folder, not in it (NAME.LANG.EXT) nor
        # is it the folder (LANG.EXT).
        folder, group = os.path.normpath(os.path.dirname(spec.path)), os.path.normpath(spec.group)
        return group != folder and os.path.dirname(group) != folder

    languages: dict[str, set[str]] = {}
    for spec in specs:
        if folder_coded(spec):
            languages.setdefault(os.path.dirname(os.path.dirname(spec.path)), set()).add(spec.language)
    sizes = Counter(spec.group for spec in specs)
    lone: dict[str, int] = {}
    kept = []
    for spec in specs:
        folder = os.path.dirname(spec.path)
        if folder_coded(spec) and len(languages[os.path.dirname(folder)]) == 1 and sizes[spec.group] == 1:
            lone[folder] = lone.get(folder, 0) + 1
        else:
            kept.append(spec)
    for folder, count in sorted(lone.items()):
        problems.append(InputProblem(
            folder, f"a folder named like a language code with no other language beside it; its {count} "
            f"file{'s are' if count > 1 else ' is'} not read as translations (--layout says where the language is)",
            "warning"))
    return kept
