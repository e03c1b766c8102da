"""ARB (Flutter's Application Resource Bundle): JSON whose ``@key`` entries describe
the message ``key`` and whose ``@@locale`` names the language; the values are ICU
MessageFormat."""

from __future__ import annotations

from transcheck.formats import FileFormat
from transcheck.model import Segment


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from transcheck.formats.json import messages, to_segments

    return to_segments(messages("\n".join(lines), skip=lambda path: path[0].startswith("@")))


FORMAT = FileFormat(name="arb", mime_type="application/json", segment=segment, keyed=True,
                    numbered_categories=True)
