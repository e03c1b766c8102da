"""Discovery through layouts: one walk, compiled patterns, the paths given as a scope.

With no path, or ``.``, the whole tree the layouts describe is checked (under the
working directory); a path narrows the check to the files under it, and with a source
language each narrowed group keeps its source file to compare against.
"""

from __future__ import annotations

import os
from dataclasses import replace

from transcheck.model import InputProblem
from transcheck.read.contain import LEAVES_TREE, checked_root, leaves_tree
from transcheck.formats import family, is_keyed, name_for
from transcheck.read.spec import FileSpec, printable
from transcheck.read.codes import ambiguous_code, questionable, reads_as_country
from transcheck.read.codes import unknown_code as codes_unknown
from transcheck.read.languages import could_be_language
from transcheck.read.languages import resolve_code
from transcheck.read.layout import CompiledLayout, Layout
from transcheck.read.walk import undecodable, walk


def _any_suffix(layout: Layout) -> bool:
    """Whether the layout's file names end in a wildcard (``docs/**/*``), not a suffix."""
    return not any(c.isalnum() for c in os.path.splitext(layout.translation.rsplit("/", 1)[-1])[1])


def discover_layouts(
    paths: list[str], layouts: tuple[Layout, ...], follow_symlinks: bool, source: str | None,
    codes: tuple = (),
) -> tuple[list[FileSpec], list[InputProblem]]:
    """Every file a layout matches is read, or named in a warning (a code that is no
    language, a two-way code the text contradicts, a source file with no source
    language set); ``codes`` are the project's ``[language-codes]``."""
    problems: list[InputProblem] = []
    compiled = [CompiledLayout(layout, lambda raw: resolve_code(raw, codes)) for layout in layouts]
    for c in compiled:
        if c.layout.source is not None and source is None:
            return [], [InputProblem(
                c.layout.describe(),
                "a layout with a source pattern needs the source language (--source or source = ...)",
            )]
    scopes, explicit = _scopes(paths or ["."], follow_symlinks, problems)
    cwd = os.getcwd()
    # document (_document) -> [(absolute path, spec)]
    found: dict[tuple[str, str | None], list[tuple[str, FileSpec]]] = {}
    unknown: dict[tuple[int, str, str], list[str]] = {}  # (layout, holder, code) -> files
    twofold: dict[tuple[str, str], list[str]] = {}  # (holder, code) -> absolute paths
    sourceless: dict[int, list[str]] = {}
    matched: list[str] = []
    # Per layout whose file names end in a wildcard: the resource files it matched, and
    # the pages.
    keyed: dict[int, set[str]] = {}
    paged: dict[int, set[str]] = {}
    for absolute, link_problem in _walk(compiled, follow_symlinks, problems, cwd):
        found_at = _match(compiled, absolute)
        if found_at is None:
            continue
        index, hit = found_at
        shown = _relative(absolute, cwd)
        if name_for(absolute) is None:
            continue  # images and the like beside the pages
        if _any_suffix(compiled[index].layout):
            (keyed if is_keyed(absolute) else paged).setdefault(index, set()).add(absolute)
        matched.append(absolute)
        in_scope = any(_under(absolute, scope) for _, scope in scopes)
        if not printable(absolute) and in_scope:
            problems.append(undecodable(shown))
            continue
        if link_problem or not printable(absolute):
            if link_problem and in_scope:
                problems.append(InputProblem(shown, link_problem))
            continue
        if hit.raw is None:
            language = source
            if language is None:
                if in_scope:
                    sourceless.setdefault(index, []).append(shown)
                continue
        else:
            language = resolve_code(hit.raw, codes)
            if language is None:
                if absolute in explicit:
                    # named on the command line: meant to be checked, so an error
                    problems.append(replace(codes_unknown(shown, hit.raw, 1), severity="error"))
                elif in_scope:
                    unknown.setdefault((index, hit.holder, hit.raw), []).append(shown)
                continue
            if in_scope and questionable(hit.raw, codes):
                twofold.setdefault((_shown(compiled[index], hit.holder, cwd), hit.raw), []).append(absolute)
        group = _relative(os.path.join(compiled[index].layout.anchor, hit.name), cwd)
        spec = FileSpec(path=shown, language=language, group=group,
                        named_source=hit.explicit_source or hit.raw is None)
        found.setdefault(_document(group), []).append((absolute, spec))
    # One code in many folders (Tetum's "tet" in every Django app's locale/) is one fact.
    folded: dict[tuple[int, str], list[tuple[str, list[str]]]] = {}
    for (index, holder, raw), shown in sorted(unknown.items(), key=lambda kv: kv[1][0]):
        folded.setdefault((index, raw), []).append((holder, shown))
    for (index, raw), holders in folded.items():
        where = f" (layout {compiled[index].layout.describe()})"
        if len(holders) > 1:
            where += f" and {len(holders) - 1} more folder{'s' if len(holders) > 2 else ''}"
        holder, count = holders[0][0], sum(len(shown) for _, shown in holders)
        problem = codes_unknown(_shown(compiled[index], holder, cwd), raw, count, where)
        # What no language is written as (Android's values-land, values-sw600dp): the
        # pattern's other matches, counted, not warned about on every run.
        problems.append(problem if could_be_language(raw) else replace(problem, severity="info"))
    for (holder, raw), files in sorted(twofold.items()):
        language, country = resolve_code(raw, codes), questionable(raw, codes)
        if any(reads_as_country(path, language, country) for path in files[:3]):
            problems.append(ambiguous_code(holder, raw, language, country, len(files)))
    for index, shown in sorted(sourceless.items()):
        problems.append(InputProblem(
            shown[0],
            f"{len(shown)} file{'s' if len(shown) > 1 else ''} of the layout "
            f"{compiled[index].layout.describe()} without a language part, as the source's are, "
            "not read: give the source language (--source LANG, or source = ... in the configuration)",
            severity="warning",
        ))
    # A pattern that names no suffix (docs/**/*) and matches pages reads the JSON or
    # YAML beside them only where a translation has it too: one in a single language
    # (a Kubernetes manifest among the pages) is an example, not a resource.
    beside = set().union(*(files for index, files in keyed.items() if index in paged))
    found = {doc: hits for doc, hits in found.items()
             if len({spec.language for _, spec in hits}) > 1 or not any(a in beside for a, _ in hits)}
    specs = _in_scope(found, scopes, source)
    described = "; ".join(c.layout.describe() for c in compiled)
    for given, absolute in scopes:
        if not any(_under(a, absolute) for a in matched):
            what = "no files of the layout here" if os.path.isdir(given) else "not a file of the layout"
            problems.append(InputProblem(given, f"{what} ({described}){_read_from(given, absolute, compiled, cwd)}"))
    return specs, problems


def _read_from(given: str, absolute: str, compiled: list[CompiledLayout], cwd: str) -> str:
    """Where a directory below the working directory holds the tree a command-line
    pattern describes (``check ../site --layout 'docs/{lang}/**'``): the pattern is
    read from the working directory, so say how to reach it."""
    for c in compiled:
        first = c.layout.translation.split("/", 1)[0]
        if (c.layout.anchor != cwd or absolute == cwd or not os.path.isdir(absolute)
                or any(ch in first for ch in "{*?[") or not os.path.isdir(os.path.join(absolute, first))):
            continue
        moved = _relative(absolute, cwd).replace(os.sep, "/")
        return (f"; a pattern is relative to the working directory: run in {given}, "
                f"or give --layout '{moved}/{c.layout.translation}'")
    return ""


def _shown(compiled: CompiledLayout, holder: str, cwd: str) -> str:
    return _relative(os.path.join(compiled.layout.anchor, holder), cwd)


def _scopes(paths, follow_symlinks, problems):
    scopes, explicit = [], {}
    for given in paths:
        absolute = os.path.abspath(given)
        if not os.path.lexists(given):
            problems.append(InputProblem(given, "no such file or directory"))
        elif not follow_symlinks and leaves_tree(given, checked_root(given)):
            problems.append(InputProblem(given, LEAVES_TREE))
        else:
            scopes.append((given, absolute))
            if not os.path.isdir(given):
                explicit[absolute] = given
    return scopes, explicit


def _document(group: str) -> tuple[str, str | None]:
    """Which document a file whose group is ``group`` translates: the group without a
    Markdown-like suffix, so that page.md and page.mdx (two layouts, or one ``**/*``)
    are one page, as Astro and Docusaurus pair them, and so are page.md and
    page/index.md; guide.json stays apart. Case does
    not tell pages apart: a translation saved as README.md beside the source's readMe.md
    (written on a file system that ignores case, as most translators' do) is its page."""
    kind = family(group)
    if kind != "markdown":
        return group.casefold(), kind
    # x.md, x/index.md and x/_index.md are one page to Hugo, MkDocs and Docusaurus
    # (its address is /x/): a translation may be a bundle where the source is a file.
    stem = os.path.splitext(group)[0]
    head, _, name = stem.replace(os.sep, "/").rpartition("/")
    return (head if head and name.casefold() in ("index", "_index") else stem).casefold(), kind


def _in_scope(found, scopes, source) -> list[FileSpec]:
    specs = []
    for files in found.values():
        inside = [any(_under(a, s) for _, s in scopes) for a, _ in files]
        if not any(inside):
            continue
        names = {spec.group for _, spec in files}
        if len(names) > 1:
            # One name for a page some of whose files are .md and others .mdx: the
            # source's, else the same whichever order the files were found in.
            name = next((spec.group for _, spec in files if spec.language == source), min(names))
            files = [(a, replace(spec, group=name)) for a, spec in files]
        # The source file stays as what the narrowed files are compared with.
        specs.extend(spec for (a, spec), keep in zip(files, inside) if keep or spec.language == source)
    return specs


def _match(compiled: list[CompiledLayout], absolute: str):
    for index, c in enumerate(compiled):
        anchor = c.layout.anchor
        if not _under(absolute, anchor):
            continue
        relative = _relative(absolute, anchor).replace(os.sep, "/")
        hit = c.match(relative)
        if hit is not None:
            return index, hit
    return None


def _walk(compiled: list[CompiledLayout], follow_symlinks: bool, problems: list[InputProblem], cwd: str):
    """(absolute path, why it is not read or None) for every file under the patterns'
    literal prefixes, each directory listed once."""
    starts = sorted({
        os.path.normpath(os.path.join(c.layout.anchor, prefix)) for c in compiled for prefix in c.prefixes
    })
    tops = [s for s in starts if not any(s != t and _under(s, t) for t in starts)]
    roots = ((top, None if follow_symlinks else checked_root(top)) for top in tops if os.path.isdir(top))
    return walk(roots, problems, show=lambda path: _relative(path, cwd))


def _under(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def _relative(path: str, directory: str) -> str:
    # os.path.relpath makes both paths absolute on every call: most of the time of a
    # walk over thousands of files, for paths that are absolute and normal already.
    prefix = directory.rstrip(os.sep) + os.sep
    if path.startswith(prefix):
        return path[len(prefix):]
    return os.path.relpath(path, directory)
