"""``transcheck fix``: the repairs that need no judgement, planned, shown and written safely.

Two repairs exist:

- **repeated blocks** (what TC101 reports): the later copy is removed, the first kept,
  together with the blank lines that separated it, so the layout stays as it was;
- **quotes** (only when asked for): a quotation whose marks do not belong together
  (``«text”``) or that uses another style than the rest of the document, when the
  document already uses its language's convention, is rewritten in that convention;
  in a language without a settled convention, a mismatched pair takes the style most
  of the document's well-formed quotations use.

A plan is computed from the bytes read; nothing is written unless asked. Writing keeps
the encoding (byte-order mark included), every line's own newline, the presence of a
final newline and the file's permissions, goes through a temporary file in the same
directory and ``os.replace``, and refuses when the file changed after it was read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from transcheck.model import InputProblem, Segment
from transcheck.pipeline import read_file, segment_limit_problem, to_document
from transcheck.read.decode import encode
from transcheck.read.discover import FileSpec
from transcheck.settings import Settings

_PIECES = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_MAX_PASSES = 10


class FixConflict(RuntimeError):
    """The file changed between reading and writing; nothing was written."""


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


# --- reading -----------------------------------------------------------------------


def plan_file(spec: FileSpec, settings: Settings, quotes: bool = False) -> FilePlan | InputProblem:
    """What ``fix`` would change in one file; an ``InputProblem`` when it cannot be read."""
    raw = read_file(spec, settings)
    if isinstance(raw, InputProblem):
        return raw
    too_many = segment_limit_problem(to_document(spec, raw.decoded.text), settings)
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


def _pieces(text: str) -> list[tuple[str, str]]:
    """``(line, newline)`` pairs; the last newline is "" when the file has no final one."""
    out = []
    pos = 0
    while pos < len(text):
        m = _PIECES.match(text, pos)
        out.append((m.group(1), m.group(2)))
        pos = m.end()
    return out


def _join(pieces: list[tuple[str, str]], final_newline: bool) -> str:
    if pieces and not final_newline:
        pieces = pieces[:-1] + [(pieces[-1][0], "")]
    return "".join(line + nl for line, nl in pieces)


# --- repeated blocks ---------------------------------------------------------------


def remove_repeats(text: str, spec: FileSpec, settings: Settings, changes: list[str]) -> str:
    """``text`` without the later copies of repeated blocks (as TC101 finds them)."""
    from transcheck.rules.duplicate_block import find_repeats
    from transcheck.text import normalise

    t = settings.thresholds
    final_newline = text.endswith(("\n", "\r"))
    for _ in range(_MAX_PASSES):
        doc = to_document(spec, text)
        pieces = _pieces(text)
        drop: set[int] = set()  # 0-based line indices
        for run in find_repeats(doc, t.duplicate_min_chrf, t.duplicate_min_letters):
            segs = doc.segments
            first, last = segs[run.copy_start].line, segs[run.copy_end].end_line
            if _shares_lines(segs, run.copy_start, run.copy_end, first, last):
                changes.append(
                    f"kept lines {first}-{last}: the repeat shares its lines with other text"
                )
                continue
            lines = _block_lines(pieces, first - 1, last - 1)
            drop |= lines
            differing = sum(
                normalise(segs[run.orig_start + k].text) != normalise(segs[run.copy_start + k].text)
                for k in range(run.copy_end - run.copy_start + 1)
            )
            what = (
                f"removed {_span(first, last)}, a repeat of "
                f"{_span(segs[run.orig_start].line, segs[run.orig_end].end_line)}"
            )
            if differing:
                what += f" (near repeat: {differing} of its segments differ from the kept copy)"
            changes.append(what)
        if not drop:
            break
        text = _join([p for i, p in enumerate(pieces) if i not in drop], final_newline)
    return text


def _shares_lines(segs: tuple[Segment, ...], start: int, end: int, first: int, last: int) -> bool:
    # A Markdown table row holds several segments on one line: removing the line
    # would remove text that is not repeated.
    return any(
        s.line <= last and s.end_line >= first
        for i, s in enumerate(segs)
        if not start <= i <= end
    )


def _block_lines(pieces: list[tuple[str, str]], first: int, last: int) -> set[int]:
    """The lines of a repeated block plus the blank lines that belong with it.

    The blank lines after the block go with it when there are blank lines before it
    too (one separator stays); at the end of the file the blank lines before it go, so
    the file ends where the kept text ends.
    """
    def blank(i: int) -> bool:
        return not pieces[i][0].strip()

    before = first
    while before > 0 and blank(before - 1):
        before -= 1
    after = last
    while after + 1 < len(pieces) and blank(after + 1):
        after += 1
    lines = set(range(first, last + 1))
    if after + 1 >= len(pieces):
        lines |= set(range(before, len(pieces)))
    elif before < first and after > last:
        lines |= set(range(last + 1, after + 1))
    return lines


def _span(a: int, b: int) -> str:
    return f"line {a}" if a == b else f"lines {a}-{b}"


# --- quotes ------------------------------------------------------------------------

# Each language's accepted double-quote styles, its convention first. Only languages
# whose convention is settled are listed; others are never touched.
QUOTE_STYLES: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("«", "»"),),
    "uk": (("«", "»"),),
    "de": (("„", "“"),),
    "fr": (("«", "»"),),
    "es": (("«", "»"), ("“", "”")),
    "it": (("«", "»"), ("“", "”")),
    "pl": (("„", "”"),),
    "sv": (("”", "”"),),
    "fi": (("”", "”"),),
    "en": (("“", "”"),),
}
# French sets its guillemets off with no-break spaces.
_SPACED = {"fr"}
_OPENERS = frozenset('"“„«”')
_CLOSERS = frozenset('"”“»')
_MARKS = _OPENERS | _CLOSERS
_KNOWN_PAIRS = frozenset({('"', '"'), ("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("”", "”")})
_INNER_SPACE = " \u00a0\u202f"


def normalise_quotes(text: str, spec: FileSpec, changes: list[str]) -> str:
    base = spec.language.split("-")[0]
    styles = QUOTE_STYLES.get(base)
    doc = to_document(spec, text)
    pieces = _pieces(text)
    candidates = []  # (segment, raw text, pairs)
    for seg in doc.segments:
        if not seg.is_prose:
            continue
        raw = "\n".join(pieces[i][0] for i in range(seg.line - 1, seg.end_line))
        if spec.path.lower().endswith((".md", ".markdown")) and any(c in raw for c in "`[]<>{}"):
            continue  # quotes inside Markdown syntax (link titles, HTML) are not prose
        pairs = _pairs(raw)
        if pairs is None:
            continue
        candidates.append((seg, raw, pairs))
    if not styles:
        # No settled convention for the language: a mismatched pair takes the style
        # the document itself uses for most of its quotations, when there is one.
        styles = _house_style(candidates)
        if not styles:
            return text
    uses_convention = any((raw[o], raw[c]) == styles[0] for _, raw, pairs in candidates for o, c in pairs)
    accepted = set(styles)
    open_mark, close_mark = styles[0]
    spaced = base in _SPACED
    count = 0
    for seg, raw, pairs in candidates:
        fix = [
            (o, c)
            for o, c in pairs
            if (raw[o], raw[c]) not in _KNOWN_PAIRS
            or (uses_convention and (raw[o], raw[c]) not in accepted)
        ]
        if not fix:
            continue
        new = _rewrite(raw, fix, open_mark, close_mark, spaced)
        for offset, line in enumerate(new.split("\n")):
            i = seg.line - 1 + offset
            pieces[i] = (line, pieces[i][1])
        count += len(fix)
        changes.append(
            f"line {seg.line}: {len(fix)} quotation{'s' if len(fix) > 1 else ''} "
            f"rewritten as {open_mark}…{close_mark}"
        )
    if not count:
        return text
    return _join(pieces, text.endswith(("\n", "\r")))


def _house_style(candidates) -> tuple[tuple[str, str], ...]:
    """The style of more than half of the document's well-formed quotations, if at
    least two use it; otherwise none (and nothing is rewritten)."""
    from collections import Counter

    styles = Counter(
        (raw[o], raw[c])
        for _, raw, pairs in candidates
        for o, c in pairs
        if (raw[o], raw[c]) in _KNOWN_PAIRS
    )
    total = sum(styles.values())
    if not total:
        return ()
    n, style = max((n, style) for style, n in styles.items())
    return (style,) if n >= 2 and n * 2 > total else ()


def _pairs(raw: str) -> list[tuple[int, int]] | None:
    """Positions of the double-quote pairs of ``raw``, or None when they are ambiguous
    (an odd number, a mark that cannot open or close where it stands, nesting)."""
    marks = [i for i, ch in enumerate(raw) if ch in _MARKS]
    if not marks or len(marks) % 2:
        return None
    pairs = []
    for o, c in zip(marks[0::2], marks[1::2]):
        if raw[o] not in _OPENERS or raw[c] not in _CLOSERS or c == o + 1:
            return None
        before = raw[o - 1] if o > 0 else " "
        after_open = raw[o + 1]
        before_close = raw[c - 1]
        after = raw[c + 1] if c + 1 < len(raw) else " "
        # An opening mark starts a word, a closing mark ends one; anything else
        # (an inch sign, a mark glued between letters) means the pairing is a guess.
        if before.isalnum() or after.isalnum():
            return None
        if (after_open.isspace() and raw[o] != "«") or (before_close.isspace() and raw[c] != "»"):
            return None
        pairs.append((o, c))
    return pairs


def _rewrite(raw: str, pairs, open_mark: str, close_mark: str, spaced: bool) -> str:
    out = []
    pos = 0
    for o, c in pairs:
        inner = raw[o + 1 : c].strip(_INNER_SPACE)
        out.append(raw[pos:o])
        if spaced:
            out.append(f"{open_mark}\u00a0{inner}\u00a0{close_mark}")
        else:
            out.append(f"{open_mark}{inner}{close_mark}")
        pos = c + 1
    out.append(raw[pos:])
    return "".join(out)


# --- output ------------------------------------------------------------------------


def unified_diff(plan: FilePlan) -> str:
    import difflib

    old = [line + nl for line, nl in _pieces(plan.old_text)]
    new = [line + nl for line, nl in _pieces(plan.new_text)]
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
    """Replace the file with the fixed text, atomically; ``FixConflict`` if it changed."""
    import tempfile

    data = _encode_like(plan.new_text, plan.encoding, plan.original)
    target = os.path.realpath(plan.path)  # through a symbolic link, never replacing it
    directory = os.path.dirname(target)
    before = os.stat(target)
    fd, tmp = tempfile.mkstemp(prefix=".transcheck-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, before.st_mode & 0o7777)
        try:
            os.chown(tmp, before.st_uid, before.st_gid)
        except (AttributeError, PermissionError):
            pass  # only the owner's own files, or root, can keep another owner
        # Last moment before the replace: the file must still be what was planned on.
        info = os.stat(target)
        with open(target, "rb") as fh:
            current = fh.read()
        if current != plan.original or info.st_mtime_ns != plan.mtime_ns:
            raise FixConflict(f"{plan.path}: changed since it was read; not written")
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_paths(
    paths: list[str], settings: Settings, quotes: bool = False, exclude: tuple[str, ...] = ()
) -> tuple[list[FilePlan], list[InputProblem]]:
    """Plans for every translation file under ``paths``, in a stable order."""
    from transcheck.read.discover import discover

    found = discover(
        paths, exclude=tuple(exclude), follow_symlinks=settings.follow_symlinks,
        layouts=settings.layouts, source=settings.source,
    )
    problems = list(found.problems)
    plans = []
    for group in found.groups:
        for spec in group.files:
            planned = plan_file(spec, settings, quotes=quotes)
            (problems if isinstance(planned, InputProblem) else plans).append(planned)
    return plans, problems
