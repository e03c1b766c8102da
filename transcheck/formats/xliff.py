"""XLIFF 1.2 and 2.0: each unit's target is the value, its source the embedded source,
its id the key (prefixed by the file's ``original`` when a document holds several
files). Inline elements (``<x/>``, ``<g>``, ``<ph>``, ``<pc>``) stay in the value as
tags with their ``id`` alone, so the tag check compares them: the other attributes
(Angular's ``equiv-text="{{ n &gt; 1 }}"``, ``ctype``) describe the element for tools
and are no text of the message. A target marked ``needs-translation``, ``new``,
``needs-review-*`` (1.2) or a segment in state ``initial`` (2.0) is "fuzzy"; a unit
without a target "empty", except in a file that names no target language (Angular's
``messages.xlf``, the source every translation is made from), whose sources are its
values. A ``translate="no"`` unit is not a message.
"""

from __future__ import annotations

import re

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
        found = list(units(f, prefix))
        # No target language and no target anywhere: the source file itself.
        source_only = not (f.attrs.get("target-language") or root.attrs.get("trgLang")) and not any(
            part.find("target") is not None for _, unit in found for part in (unit.all("segment") or [unit]))
        for prefix, unit in found:
            uid = prefix + (unit.attrs.get("id") or unit.attrs.get("resname") or "")
            parts = unit.all("segment") or [unit]  # 2.0 splits a unit into segments
            for n, part in enumerate(parts):
                source, target = part.find("source"), part.find("target")
                if source is None:
                    continue
                key = uid if len(parts) == 1 else f"{uid}:{n}"
                state = (target.attrs.get("state", "") if target is not None else "") or part.attrs.get("state", "")
                text = _text(source)
                value = _text(target) if target is not None else text if source_only else ""
                where = target if target is not None else source
                out.append(value_segment(len(out), where.line, where.end_line or where.line, key, value,
                                         source=text, state="fuzzy" if state in _UNFINISHED else ""))
    return tuple(out)


# An inline element's tag, its attribute values quoted (a ">" may stand in one).
_INLINE = re.compile(r"""<(/?)(x|g|ph|bx|ex|bpt|ept|it|mrk|pc|sc|ec|sm|em)((?:\s++[\w:.-]++\s*+=\s*+"""
                     r"""(?:"[^"]*+"|'[^']*+'))*+)\s*+(/?)>""")
_ID = re.compile(r"""(?<![\w:.-])id\s*+=\s*+("[^"]*+"|'[^']*+')""")


def _text(element) -> str:
    """The element's text, each inline element's tag with its ``id`` alone."""
    from transcheck.formats.xmlsafe import text_of

    def bare(m: re.Match) -> str:
        found = _ID.search(m.group(3))
        return f"<{m.group(1)}{m.group(2)}{' id=' + found.group(1) if found else ''}{m.group(4)}>"

    return text_of(_INLINE.sub(bare, element.inner))


FORMAT = FileFormat(name="xliff", mime_type="application/xliff+xml", segment=segment,
                    comment=("<!--", "-->"), keyed=True, bilingual=True)
