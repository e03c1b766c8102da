"""A file's repairs, planned from the bytes read, shown as a diff, and written safely."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from transcheck.atomic import WriteRefused, write_atomic
from transcheck.fix._read import (
    read_file,
    segment_limit_problem,
    to_document,
    too_large,
)
from transcheck.fix.lines import pieces
from transcheck.fix.quotes import normalise_quotes
from transcheck.fix.repeats import remove_repeats
from transcheck.model import InputProblem
from transcheck.read.decode import encode, split_lines
from transcheck.read.discover import FileSpec
from transcheck.settings import Settings


class FixConflict(WriteRefused):
    """A file not written: it changed between reading and writing, or replacing it
    would do harm (a symbolic link, read-only, several hard links)."""


@dataclass
class FilePlan:
    path: str
    language: str
    original: bytes
    encoding: str
    old_text: str
    new_text: str
    mtime_ns: int
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text


def plan_file(spec: FileSpec, settings: Settings, quotes: bool = False) -> FilePlan | InputProblem:
    """What ``fix`` would change in one file; an ``InputProblem`` when it cannot be read."""
    raw = read_file(spec, settings)
    if isinstance(raw, InputProblem):
        return raw
    too_many = too_large(spec, split_lines(raw.decoded.text), settings) or segment_limit_problem(
        to_document(spec, raw.decoded.text), settings)
    if too_many:
        return too_many
    data, decoded = raw.data, raw.decoded
    plan = FilePlan(
        path=spec.path,
        language=spec.language,
        original=data,
        encoding=decoded.encoding,
        old_text=decoded.text,
        new_text=decoded.text,
        mtime_ns=raw.mtime_ns,
    )
    plan.new_text = remove_repeats(plan.new_text, spec, settings, plan.changes)
    if quotes:
        plan.new_text = normalise_quotes(plan.new_text, spec, plan.changes)
    return plan


def unified_diff(plan: FilePlan) -> str:
    import difflib

    old = [line + nl for line, nl in pieces(plan.old_text)]
    new = [line + nl for line, nl in pieces(plan.new_text)]
    # a/ and b/ prefixes let `git apply` and `patch -p1` take the diff as it is.
    a, b = (plan.path, plan.path) if os.path.isabs(plan.path) else (f"a/{plan.path}", f"b/{plan.path}")
    out = []
    for line in difflib.unified_diff(old, new, a, b):
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _encode_like(text: str, encoding: str, original: bytes) -> bytes:
    import codecs

    # Keep the byte order of the original mark; the codecs' default is the machine's.
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if encoding.startswith(name[:6]) and original.startswith(bom):
            return bom + text.encode(name)
    return encode(text, encoding)


def write(plan: FilePlan) -> None:
    """Replace the file with the fixed text, atomically; ``FixConflict`` if it changed
    since it was read or must not be replaced."""
    data = _encode_like(plan.new_text, plan.encoding, plan.original)

    def unchanged() -> None:
        # Last moment before the replace: the file must still be what was planned on.
        info = os.stat(plan.path)
        with open(plan.path, "rb") as fh:
            current = fh.read()
        if current != plan.original or info.st_mtime_ns != plan.mtime_ns:
            raise FixConflict(f"{plan.path}: changed since it was read; not written")

    try:
        write_atomic(plan.path, data, verify=unchanged)
    except FixConflict:
        raise
    except WriteRefused as exc:
        raise FixConflict(str(exc)) from None


def fix_paths(
    paths: list[str], settings: Settings, quotes: bool = False, exclude: tuple[str, ...] = ()
) -> tuple[list[FilePlan], list[InputProblem]]:
    """Plans for every translation file under ``paths`` whose format ``fix`` can rewrite
    line by line, in a stable order."""
    from transcheck import formats
    from transcheck.read.discover import discover_with

    found = discover_with(paths, settings, exclude)
    problems = list(found.problems)
    plans = []
    for group in found.groups:
        for spec in group.files:
            if not formats.of(spec).fixable:
                continue
            planned = plan_file(spec, settings, quotes=quotes)
            (problems if isinstance(planned, InputProblem) else plans).append(planned)
    return plans, problems
