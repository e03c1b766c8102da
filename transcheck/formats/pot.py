"""gettext templates (``.pot``): the source of a PO tree, its msgids are its values."""

from __future__ import annotations

from transcheck.formats import FileFormat
from transcheck.model import Segment


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from transcheck.formats.po import segment as po_segment

    return po_segment(lines, template=True)


FORMAT = FileFormat(name="pot", mime_type="text/x-gettext-translation", segment=segment,
                    comment=("#", ""), keyed=True, bilingual=True)
