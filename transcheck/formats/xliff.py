"""XLIFF 1.2 and 2.0: each unit's target is the value, its source the embedded source,
its id the key (prefixed by the file's ``original`` when a document holds several
files). Inline elements (``<x/>``, ``<g>``, ``<ph>``, ``<pc>``) stay in the value as
tags, so the tag check compares them. A target marked ``needs-translation``, ``new``,
``needs-review-*`` (1.2) or a segment in state ``initial`` (2.0) is "fuzzy"; a unit
without a target "empty". A ``translate="no"`` unit is not a message.
"""

from __future__ import annotations

from transcheck.formats import FileFormat
from transcheck.formats.keyed import value_segment
from transcheck.model import Segment

_UNFINISHED = {"new", "needs-translation", "needs-adaptation", "needs-l10n", "needs-review-translation",
               "needs-review-adaptation", "needs-review-l10n", "initial"}


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from transcheck.formats.xmlsafe import local, parse

    root = parse(lines)
    files = [f for f in root.children if local(f.name) == "file"]
    out: list[Segment] = []

    def units(element, prefix):
        for child in element.children:
            name = local(child.name)
            if name in ("trans-unit", "unit"):
                if child.attrs.get("translate") != "no":
                    yield prefix, child
            elif name in ("body", "group"):
                yield from units(child, prefix)

    for f in files:
        prefix = f.attrs.get("original", "") + "#" if len(files) > 1 else ""
        for prefix, unit in units(f, prefix):
            uid = prefix + (unit.attrs.get("id") or unit.attrs.get("resname") or "")
            parts = unit.all("segment") or [unit]  # 2.0 splits a unit into segments
            for n, part in enumerate(parts):
                source, target = part.find("source"), part.find("target")
                if source is None:
                    continue
                key = uid if len(parts) == 1 else f"{uid}:{n}"
                state = (target.attrs.get("state", "") if target is not None else "") or part.attrs.get("state", "")
                value = target.text if target is not None else ""
                where = target if target is not None else source
                out.append(value_segment(len(out), where.line, where.end_line or where.line, key, value,
                                         source=source.text, state="fuzzy" if state in _UNFINISHED else ""))
    return tuple(out)


FORMAT = FileFormat(name="xliff", mime_type="application/xliff+xml", segment=segment,
                    comment=("<!--", "-->"), keyed=True, bilingual=True)
