"""Discovery through layouts: one walk, compiled patterns, the paths given as a scope.

With no path, or ``.``, the whole tree the layouts describe is checked (under the
working directory); a path narrows the check to the files under it, and with a source
language each narrowed group keeps its source file to compare against.
"""

from __future__ import annotations

import os

from transcheck.model import InputProblem
from transcheck.read.contain import LEAVES_TREE, checked_root, leaves_tree
from transcheck.formats import name_for
from transcheck.read.spec import FileSpec, printable
from transcheck.read.languages import normalise_tag
from transcheck.read.layout import CompiledLayout, Layout
from transcheck.read.walk import undecodable, walk


def discover_layouts(
    paths: list[str], layouts: tuple[Layout, ...], follow_symlinks: bool, source: str | None
) -> tuple[list[FileSpec], list[InputProblem]]:
    problems: list[InputProblem] = []
    compiled = [CompiledLayout(layout, source) for layout in layouts]
    for c in compiled:
        if c.layout.source is not None and source is None:
            return [], [InputProblem(
                c.layout.describe(),
                "a layout with a source pattern needs the source language (--source or source = ...)",
            )]
    scopes, explicit = _scopes(paths or ["."], follow_symlinks, problems)
    cwd = os.getcwd()
    # key -> [(absolute path, spec)], key = (layout index, group name)
    found: dict[tuple[int, str], list[tuple[str, FileSpec]]] = {}
    unknown: dict[tuple[int, str], list[str]] = {}
    matched: list[str] = []
    for absolute, link_problem in _walk(compiled, follow_symlinks, problems, cwd):
        hit = _match(compiled, absolute)
        if hit is None:
            continue
        index, raw, name = hit
        shown = _relative(absolute, cwd)
        if name_for(absolute) is None:
            continue  # images, JSON and the like beside the pages
        matched.append(absolute)
        in_scope = any(_under(absolute, scope) for _, scope in scopes)
        if not printable(absolute) and in_scope:
            problems.append(undecodable(shown))
            continue
        if link_problem or not printable(absolute):
            if link_problem and in_scope:
                problems.append(InputProblem(shown, link_problem))
            continue
        language = source if raw is None else normalise_tag(raw)
        if language is None:
            if absolute in explicit:
                problems.append(InputProblem(shown, f"unknown language code {raw!r} in the path"))
            elif in_scope:
                unknown.setdefault((index, raw), []).append(shown)
            continue
        group = _relative(os.path.join(compiled[index].layout.anchor, name), cwd)
        spec = FileSpec(path=shown, language=language, group=group)
        found.setdefault((index, group), []).append((absolute, spec))
    for (index, raw), shown in sorted(unknown.items(), key=lambda kv: kv[1][0]):
        problems.append(InputProblem(
            shown[0],
            f"unknown language code {raw!r} in the path (layout {compiled[index].layout.describe()}); "
            f"{len(shown)} file{'s' if len(shown) > 1 else ''} skipped",
            severity="warning",
        ))
    specs = _in_scope(found, scopes, source)
    described = "; ".join(c.layout.describe() for c in compiled)
    for given, absolute in scopes:
        if not any(_under(a, absolute) for a in matched):
            what = "no files of the layout here" if os.path.isdir(given) else "not a file of the layout"
            problems.append(InputProblem(given, f"{what} ({described})"))
    return specs, problems


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


def _in_scope(found, scopes, source) -> list[FileSpec]:
    specs = []
    for files in found.values():
        inside = [any(_under(a, s) for _, s in scopes) for a, _ in files]
        if not any(inside):
            continue
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
            raw, _, name = hit
            return index, raw, name
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
