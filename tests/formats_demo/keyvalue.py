"""A minimal keyed format for the seam's tests: ``key = value`` lines, ``#`` comments."""

from transcheck.formats import FileFormat
from transcheck.model import Kind, Segment


def segment(lines):
    out = []
    for number, line in enumerate(lines, start=1):
        key, eq, value = line.partition("=")
        if eq and not line.lstrip().startswith("#"):
            out.append(Segment(len(out), number, number, value.strip(), Kind.PARAGRAPH, key=key.strip()))
    return tuple(out)


FORMAT = FileFormat(name="keyvalue", mime_type="text/plain", segment=segment,
                    comment=("#", ""))
