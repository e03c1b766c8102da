"""From the paths on the command line to groups of documents.

Without a layout, the language of a file comes from its name: ``LANG.EXT``,
``NAME.LANG.EXT`` or ``LANG/NAME.EXT`` (Apple's resources: ``LANG.lproj/NAME.strings``).
Files with the same NAME (in the same place) are one group: one document in several
languages, Markdown and MDX pages alike (``fr/guide.md`` translates ``en/guide.mdx``),
while a file of another format (``fr/guide.txt``) is another document. With layouts
(``--layout``, ``layout =``) the patterns say where the language sits
(``transcheck.read.layout``).

One rule for a file whose language cannot be told: met while walking a directory it is
skipped with a warning (a README beside the translations is normal); named on the
command line it is an error (the user meant it to be checked).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, replace

from transcheck.formats import family, known, name_for
from transcheck.model import InputProblem
from transcheck.read.codes import ambiguous_codes
from transcheck.read.beside import NO_LANGUAGE as _NO_LANGUAGE
from transcheck.read.beside import base_lproj, beside_translations
from transcheck.read.contain import LEAVES_TREE, checked_root, leaves_tree
from transcheck.read.languages import code_hint, looks_like_tag, mapping_key, resolve_code
from transcheck.read.folders import lone_folders
from transcheck.read.suggest import suggest
from transcheck.read.spec import FileSpec, GroupSpec, dangling, printable, unknown_language
from transcheck.read.walk import undecodable, walk

@dataclass(frozen=True)
class Discovery:
    groups: tuple[GroupSpec, ...]
    problems: tuple[InputProblem, ...]


def discover(
    paths: list[str],
    exclude: tuple[str, ...] = (),
    *,
    follow_symlinks: bool = False,
    layouts: tuple = (),
    source: str | None = None,
    max_languages: int | None = None,
    codes: tuple = (),
) -> Discovery:
    """Groups of files under ``paths``; ``layouts`` (``transcheck.read.layout.Layout``)
    replace the file-name rules when given; ``source`` is the language of a layout's
    source files that carry no language in their path. A group in more than
    ``max_languages`` languages is skipped with an error (each language is compared with
    every other: the work grows with the square), and so is a run whose ``exclude``
    patterns leave none of the files found. ``codes``: the project's own language
    codes (``[language-codes]``)."""
    if layouts:
        from transcheck.read.tree import discover_layouts

        specs, problems = discover_layouts(paths, layouts, follow_symlinks, source, codes)
        specs = _excluded(specs, exclude, paths, problems)
        groups = _group(specs, problems, max_languages)
        return Discovery(groups=groups, problems=tuple(problems + _sourceless(groups, source)))
    problems: list[InputProblem] = []
    specs: list[FileSpec] = []
    seen_real: set[str] = set()
    for given in paths:
        if not os.path.lexists(given):
            problems.append(InputProblem(given, "no such file or directory"))
        elif not follow_symlinks and leaves_tree(given, checked_root(given)):
            problems.append(InputProblem(given, LEAVES_TREE))
        elif os.path.isdir(given):
            before, reported = len(specs), len(problems)
            root = None if follow_symlinks else checked_root(given)
            for path in _files(given, problems, root):
                _add(path, explicit=False, specs=specs, problems=problems, seen=seen_real, codes=codes)
            beside_translations(problems, reported, specs, before, source)
            base_lproj(problems, reported, specs, before, source)
            specs[before:] = lone_folders(specs[before:], problems)
            found = suggest(given, problems[reported:], specs[before:])
            if found:
                # One line for the documents the layout would read, not one each.
                hint, covered = found
                problems[reported:] = [p for p in problems[reported:] if p.path not in covered]
            problems[reported:] = _summarised(given, problems[reported:])
            if found:
                # A directory of which nothing was read fails the run, as an empty one
                # does: a CI job that checks nothing must not pass.
                problems.append(hint if len(specs) > before else replace(hint, severity="error"))
            elif len(specs) == before and not any(
                p.severity == "error" for p in problems[reported:]
            ):
                problems.append(
                    InputProblem(given, "no translation files in this directory "
                                        f"(expected LANG.EXT, NAME.LANG.EXT or LANG/NAME.EXT, {known()}; "
                                        "--layout says where else the language is)"))
        elif not os.path.exists(given):
            problems.append(InputProblem(given, dangling(given)))
        elif not os.path.isfile(given):
            problems.append(InputProblem(given, "not a regular file"))
        else:
            _add(given, explicit=True, specs=specs, problems=problems, seen=seen_real, codes=codes)
    specs = _excluded(specs, exclude, paths, problems)
    problems += ambiguous_codes(specs, codes)  # "kr": Kanuri, or Korea's language
    groups = _group(specs, problems, max_languages)
    return Discovery(groups=groups, problems=tuple(problems + _sourceless(groups, source)))


def _sourceless(groups, source: str | None) -> list[InputProblem]:
    """An error when the source language has no document at all (``--source fr-XX``), or
    none among the pages of two languages or more while they carry a regional form of
    it (``en`` where they say ``en-US``): nothing would be checked against it.
    Bilingual resources carry their source inside (PO msgids, XLIFF sources): not here."""
    if source is None:
        return []
    groups = [g for g in groups if not any(_bilingual(f.path) for f in g.files)]
    # A page of one language compares nothing: a "404.md" read as English beside pages
    # that carry "en-US" does not make "--source en" right for them.
    compared = [g for g in groups if len({f.language for f in g.files}) >= 2] or groups
    if not compared or any(f.language == source for g in compared for f in g.files):
        return []
    found = sorted({f.language for g in compared for f in g.files})
    # "en" where the files say "en-US": name the code the user most likely meant.
    near = [c for c in found if c.split("-")[0].lower() == source.split("-")[0].lower()]
    if not near and any(f.language == source for g in groups for f in g.files):
        return []  # source pages not translated yet beside translations of a page it renamed
    groups = compared
    from transcheck.langid.names import language_name

    shown = ", ".join(found[:12]) + (f" and {len(found) - 12} more" if len(found) > 12 else "")
    hint = f"; did you mean --source {' or '.join(near[:3])}?" if near else ""
    return [InputProblem(
        groups[0].name,
        f"no document in the source language {source} ({language_name(source)}) among those found ({shown}){hint}",
    )]


def discover_with(paths: list[str], settings, exclude: tuple[str, ...] = ()) -> Discovery:
    """``discover`` as a run's settings (``settings.Settings``) ask: layouts, source,
    links, the languages a document may have."""
    return discover(paths, exclude=tuple(exclude), follow_symlinks=settings.follow_symlinks,
                    layouts=settings.layouts, source=settings.source, max_languages=settings.max_languages,
                    codes=settings.language_codes)


def _excluded(specs: list[FileSpec], exclude: tuple[str, ...], paths: list[str],
              problems: list[InputProblem]) -> list[FileSpec]:
    if not exclude:
        return specs
    import fnmatch

    def excluded(path: str) -> bool:
        # Patterns may be absolute (anchored at the configuration file's directory), so
        # the absolute path is tried too: it matches however the user named the path.
        return any(fnmatch.fnmatch(path, pat) or fnmatch.fnmatch(os.path.abspath(path), pat) for pat in exclude)

    kept = [s for s in specs if not excluded(s.path)]
    # A file left out is not read, so nothing about reading it is said either (a name
    # the layout takes for an unknown language code).
    problems[:] = [p for p in problems if not (os.path.isfile(p.path) and excluded(p.path))]
    if specs and not kept:
        problems.append(InputProblem(
            paths[0] if paths else ".",
            f"the exclude patterns leave none of the {len(specs)} files found; nothing would be checked",
        ))
    return kept


def _files(top: str, problems: list[InputProblem], root: str | None):
    """Translation files under ``top``, in the walk's order; the other files met on the
    way are skipped, with a word about those that look like documents."""
    for path, why in walk([(top, root)], problems):
        name = os.path.basename(path).lower()
        if name in ("glossary.tbx", "glossary.csv"):
            continue  # the termbase beside the documents (transcheck.terms)
        if name_for(name) is None:  # an Apple string catalog, which a user expects read, said aloud
            xc = name.endswith(".xcstrings")
            problems.append(InputProblem(path, "a string catalog (every language in one file) is not read: export "
                                         ".xliff to check it" if xc else f"not a {known()} file; skipped",
                                         severity="warning" if xc else "info"))
        elif why is not None:
            # A translation's file that cannot be read fails the run; a link that leads
            # nowhere and names no language (a CHANGELOG.md into a folder not checked
            # out) is no page of the check: skipped.
            named = not isinstance(parse_name(path), str)
            problems.append(InputProblem(path, why) if named else
                            InputProblem(path, why + "; skipped", severity="warning"))
        else:
            yield path


_LISTED_UNREAD = 10  # files without a language named one line each; more are counted


def _alike_folded(problems: list[InputProblem]) -> list[InputProblem]:
    """The same warning said of more than three files (55 pages named ``*.cn.md``: "unknown
    language code 'cn'") as one line, on the first, naming how many."""
    alike: dict[str, list[InputProblem]] = {}
    for p in problems:
        if p.severity == "warning" and not p.message.startswith(_NO_LANGUAGE):
            alike.setdefault(p.message, []).append(p)
    many = {id(same[0]): same for same in alike.values() if len(same) > 3}
    folded = {id(p) for same in many.values() for p in same[1:]}
    return [replace(p, message=f"{p.message} (and {len(many[id(p)]) - 1} more files alike: "
                               f"{many[id(p)][1].path}, {many[id(p)][2].path}, …)") if id(p) in many else p
            for p in problems if id(p) not in folded]


def _summarised(given: str, problems: list[InputProblem]) -> list[InputProblem]:
    """``problems`` with the warnings of files without a language in their name folded
    into one line when there are many: a tree of 100 pages beside their translations
    is one fact, not 100."""
    problems = _alike_folded(problems)
    unread = [p for p in problems if p.severity == "warning" and p.message.startswith(_NO_LANGUAGE)]
    if len(unread) <= _LISTED_UNREAD:
        return problems
    shown = ", ".join(p.path for p in unread[:3])
    folded = {id(p) for p in unread}
    rest = [p for p in problems if id(p) not in folded]
    return rest + [InputProblem(
        given,
        f"{len(unread)} files here have no language in their name and are skipped ({shown}, …; "
        "expected LANG.EXT, NAME.LANG.EXT or LANG/NAME.EXT; --layout says where else the language is)",
        severity="warning",
    )]


def _add(path, *, explicit, specs, problems, seen, codes=()):
    if not printable(path):
        problems.append(undecodable(path))
        return
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    parsed = parse_name(path, codes)
    if isinstance(parsed, str):
        if not explicit and _keyed(path):
            # package.json, a CI workflow's .yml: configuration beside the translations.
            problems.append(InputProblem(path, parsed + "; skipped", severity="info"))
            return
        problems.append(unknown_language(path, parsed, explicit))
        return
    language, group = parsed
    specs.append(FileSpec(path=path, language=language, group=group))


def _keyed(path: str) -> bool:
    from transcheck.formats import is_keyed

    return is_keyed(path)


def _bilingual(path: str) -> bool:
    from transcheck.formats import is_bilingual

    return is_bilingual(path)


def parse_name(path: str, codes: tuple = ()) -> tuple[str, str] | str:
    """``(language, group)`` for a file path, or a message saying why there is none;
    ``codes``: the project's own codes (``[language-codes]``)."""
    directory, filename = os.path.split(path)
    # "..md" is the page for the "." command: stem ".", suffix ".md".
    stem, dot, extension = filename.rpartition(".")
    stem, suffix = (stem, dot + extension) if stem else (filename, "")
    if name_for(filename) is None:
        return f"unsupported file type {suffix or '(none)'!r}; transcheck reads {known()}"
    parts = stem.split(".")
    if looks_like_tag(parts[-1]) or mapping_key(parts[-1]) in dict(codes):
        tag = resolve_code(parts[-1], codes)
        if tag is None:
            return _unknown(parts[-1], "file name")
        name = ".".join(parts[:-1])
        group = os.path.normpath(os.path.join(directory, name)) if name else os.path.normpath(directory or ".")
        return tag, group
    parent_dir, parent = os.path.split(os.path.normpath(directory or "."))
    # Apple keeps each language's resources in LANG.lproj/ ("de.lproj", "zh-Hans.lproj").
    parent = parent.removesuffix(".lproj") if _keyed(path) else parent
    if directory and (looks_like_tag(parent) or mapping_key(parent) in dict(codes)):
        tag = resolve_code(parent, codes)
        if tag is None:
            return _unknown(parent, "directory name")
        # Apple's Localizable.strings and Localizable.stringsdict are two resources.
        name = filename if _keyed(path) else stem
        # normpath would make the page "." the directory itself
        return tag, os.path.join(os.path.normpath(parent_dir or "."), name) if not name.strip(".") else \
            os.path.normpath(os.path.join(parent_dir, name))
    return f"{_NO_LANGUAGE} (expected LANG.EXT, NAME.LANG.EXT or LANG/NAME.EXT)"


def _unknown(raw: str, where: str) -> str:
    hint = code_hint(raw)
    advice = f'; if it means {hint}, map it: [language-codes] {raw} = "{hint}"' if hint else ""
    return f"unknown language code {raw!r} in the {where}{advice}"


def _writes(spec: FileSpec) -> bool:
    """Whether the file's path writes its language's own code (``ro.yml`` for ro, not
    ``mo.yml``)."""
    code = re.escape(spec.language.lower())
    return re.search(rf"(?<![a-z0-9]){code}(?![a-z0-9])", spec.path.lower().replace("_", "-")) is not None


def too_many_languages(group: str, count: int, limit: int) -> InputProblem:
    return InputProblem(group, f"{count} languages in one document (limit {limit}, see --max-languages); skipped")


def _group(specs: list[FileSpec], problems: list[InputProblem], max_languages: int | None = None
           ) -> tuple[GroupSpec, ...]:
    # A document is its name and its kind of file: guide.md and guide.mdx are one page,
    # guide.txt or guide.json beside them another document (``formats.family``).
    by_group: dict[tuple[str, str], dict[str, FileSpec]] = {}
    for spec in specs:
        langs = by_group.setdefault((spec.group, family(spec.path) or ""), {})
        if spec.language in langs:
            # An older code for the language (Moldovan "mo" beside "ro"): the file
            # written with the language's own code is read, and the run goes on.
            # The source a table layout names wins over a file of its language's code.
            first = langs[spec.language]
            if (spec.named_source, _writes(spec)) > (first.named_source, _writes(first)):
                spec, langs[spec.language] = first, spec
            kept = langs[spec.language]
            problems.append(InputProblem(
                spec.path, f"second file for language {spec.language!r} in group {spec.group!r} "
                f"(first: {kept.path}); skipped",
                "warning" if kept.named_source or (_writes(kept) and not _writes(spec)) else "error"))
            continue
        langs[spec.language] = spec
    kinds = Counter(name for name, _ in by_group)
    named = {}
    for (name, kind), langs in by_group.items():
        if kinds[name] > 1 and kind != "markdown":
            # guide.txt beside guide.md: the page keeps the name, the other document
            # is named with its suffix.
            name += os.path.splitext(next(iter(langs.values())).path)[1]
        named[name, kind] = {lang: replace(spec, group=name) for lang, spec in langs.items()}
    groups = []
    for (name, _), langs in sorted(named.items()):
        if max_languages is not None and len(langs) > max_languages:
            problems.append(too_many_languages(name, len(langs), max_languages))
            continue
        groups.append(GroupSpec(name=name, files=tuple(langs[lang] for lang in sorted(langs))))
    return tuple(groups)
