"""Reading one file: bytes within the size limit, decoded, segmented, within the
segment limit. The one reader of ``check`` and ``fix``.

The limits are applied before the work they bound: the size before reading (and the
file opened without blocking, so that a FIFO swapped in is refused, not waited on),
the lines and blocks before parsing (``too_large``: counted in one pass, where the
Markdown parser builds tokens for every block first), the exact number of segments
after."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from transcheck.model import Document, InputProblem
from transcheck.read.decode import Decoded, DecodeError, decode, dominant_newline, split_lines
from transcheck.read.discover import FileSpec
from transcheck.settings import Settings


@dataclass(frozen=True)
class RawFile:
    """A file's bytes as read, and their text; what ``fix`` needs to write it back."""

    data: bytes
    decoded: Decoded
    mtime_ns: int


def read_file(spec: FileSpec, settings: Settings) -> RawFile | InputProblem:
    """Read and decode one file, within the size limit."""
    import stat

    from transcheck.read.contain import read_regular

    max_bytes = settings.max_file_bytes
    if spec.text is not None:
        return _from_memory(spec, max_bytes)
    try:
        info = os.stat(spec.path)
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO or a device would block or never end.
            return InputProblem(spec.path, "not a regular file")
        if info.st_size > max_bytes:
            return InputProblem(
                spec.path,
                f"file too large ({info.st_size} bytes; limit {max_bytes}, see --max-file-size); skipped",
            )
        data, info = read_regular(spec.path, max_bytes)
    except OSError as exc:
        return InputProblem(spec.path, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:  # it grew after the size check
        return InputProblem(spec.path, f"file too large (limit {max_bytes} bytes)")
    try:
        decoded = decode(data)
    except DecodeError as exc:
        from transcheck.formats import name_for

        # Java reads a .properties file as UTF-8 and, failing that, as ISO-8859-1, its
        # encoding before Java 9: the format's own rule, not a guess.
        if (spec.format or name_for(spec.path)) != "properties" or b"\x00" in data:
            return InputProblem(spec.path, str(exc))
        decoded = Decoded(data.decode("latin-1"), "latin-1", dominant_newline(data.decode("latin-1")))
    return RawFile(data=data, decoded=decoded, mtime_ns=info.st_mtime_ns)


def _from_memory(spec: FileSpec, max_bytes: int) -> RawFile | InputProblem:
    """A document handed over as text: held to the same size limit as a file."""
    data = spec.text.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        return InputProblem(spec.path, f"text too large ({len(data)} bytes; limit {max_bytes}); skipped")
    newline = "\r\n" if "\r\n" in spec.text else "\n"
    return RawFile(data=data, decoded=Decoded(spec.text, "utf-8", newline), mtime_ns=0)


def to_document(spec: FileSpec, text: str, lines: list[str] | None = None) -> Document:
    from transcheck.formats import name_for, segment

    lines = split_lines(text) if lines is None else lines
    return Document(
        path=spec.path,
        language=spec.language,
        group=spec.group,
        text=text,
        line_count=len(lines),
        segments=segment(spec.path, lines, spec.format),
        format=spec.format or name_for(spec.path) or "text",
    )


# Lines a file may have per segment allowed: blank lines and markup cost the parser too.
LINES_PER_SEGMENT = 10


def too_large(spec: FileSpec, lines: list[str], settings: Settings) -> InputProblem | None:
    """Why a file is too large to segment, judged before parsing: more lines than
    ``LINES_PER_SEGMENT`` times the segment limit, or, in a format whose parser is
    costly (``FileFormat.least_segments``), more blocks than the segment limit. Other
    formats segment in linear time and are held to the exact count afterwards."""
    from transcheck import formats

    limit, path = settings.max_segments, spec.path
    if len(lines) > LINES_PER_SEGMENT * limit:
        return InputProblem(path, f"too many lines ({len(lines)}; limit {LINES_PER_SEGMENT * limit}, "
                                  f"{LINES_PER_SEGMENT} per segment of --max-segments); skipped")
    count = formats.of(spec).least_segments
    if count is not None and count(lines, limit + 1) > limit:
        return InputProblem(path, f"too many segments (more than {limit} blocks, counted before parsing; "
                                  "see --max-segments); skipped")
    return None


def segment_limit_problem(doc: Document, settings: Settings) -> InputProblem | None:
    max_segments = settings.max_segments
    if len(doc.segments) > max_segments:
        return InputProblem(
            doc.path,
            f"too many segments ({len(doc.segments)}; limit {max_segments}, see --max-segments); skipped",
        )
    return None


EMPTY = "empty file (no text to check)"


def empty_placeholders(spec, problems: list[InputProblem], documents, source: str | None) -> list[InputProblem]:
    """``problems`` with the empty files of a page that is empty in its source too, or
    has front matter only there (Hugo's ``_index.md`` of a section), or, without a
    source, in every language, skipped as info: a placeholder page a site keeps in each
    language is no translation gone wrong; so is an empty source page with no
    translation yet. An empty translation of a page with text stays an error."""
    empty = {p.path for p in problems if p.message == EMPTY and p.severity == "error"}
    if not empty:
        return problems
    textless = empty | {p.path for p in problems if p.message.startswith("no text to check")}
    sources = [f.path for f in spec.files if f.language == source]
    if len(spec.files) < 2 and not sources:
        return problems
    if not (sources and set(sources) <= textless) and (documents or source in {f.language for f in spec.files}):
        return problems

    def why(path: str) -> str:
        if path in sources:
            return "empty file, the source's page, with nothing to translate; skipped"
        return "empty file, as its source is; skipped" if sources else "empty file, in every language; skipped"

    return [InputProblem(p.path, why(p.path), severity="info") if p.path in empty else p for p in problems]


def read_document(spec: FileSpec, settings: Settings) -> Document | InputProblem:
    """One file as a document to check, or why it cannot be one."""
    raw = read_file(spec, settings)
    if isinstance(raw, InputProblem):
        return raw
    lines = split_lines(raw.decoded.text)
    problem = too_large(spec, lines, settings)
    if problem is not None:
        return problem
    from transcheck.formats import FormatError

    try:
        doc = to_document(spec, raw.decoded.text, lines)
    except FormatError as exc:
        return InputProblem(spec.path, str(exc), line=exc.line)
    if not doc.segments:
        from transcheck.formats import of

        if of(doc).keyed:
            # A language added to a resource tree, not translated yet: a platform
            # (Weblate) adds one to every module at once. Said in JSON and SARIF, not
            # printed.
            return InputProblem(spec.path, "no messages; skipped", severity="info")
        if raw.decoded.text.strip():
            # Front matter, imports or components only: a site's splash or 404 page.
            return InputProblem(spec.path, "no text to check (markup only); skipped", severity="info")
        return InputProblem(spec.path, EMPTY)
    if _in_context(doc):
        # Crowdin's pseudo-language for editing in place (a language code the project
        # does not ship, often ach or xh): every value a marker, nothing translated.
        return InputProblem(spec.path, "Crowdin in-context markers (crwdns…), not a translation; skipped",
                            severity="info")
    return segment_limit_problem(doc, settings) or doc


_CROWDIN_MARKER = re.compile(r"crwdns\d+:\d")


def _in_context(doc: Document) -> bool:
    """Whether most of a document's values are Crowdin's in-context markers."""
    marked = sum(1 for seg in doc.segments if _CROWDIN_MARKER.search(seg.raw or seg.text))
    return 2 * marked > len(doc.segments)
