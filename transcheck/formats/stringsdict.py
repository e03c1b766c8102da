"""Apple ``.stringsdict`` plural rules (a property list): for each key, its format
(``NSStringLocalizedFormatKey``, the key itself) and per variable the plural variants
(``key.variable[one]``; just ``key[one]`` when the format has one variable)."""

from __future__ import annotations

from transcheck.formats import FileFormat
from transcheck.formats.keyed import CATEGORIES, plural_key, value_segment
from transcheck.model import Segment


def _pairs(dict_element):
    """(key element, value element) pairs of a plist <dict>."""
    items = dict_element.children
    for i in range(0, len(items) - 1, 2):
        yield items[i], items[i + 1]


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from transcheck.formats.xmlsafe import local, parse

    root = parse(lines)
    top = root.find("dict") if local(root.name) == "plist" else None
    out: list[Segment] = []
    if top is None:
        return ()

    def add(key, element):
        out.append(value_segment(len(out), element.line, element.end_line or element.line, key, element.text))

    for name_el, entry in _pairs(top):
        if local(entry.name) != "dict":
            continue
        name = name_el.text
        pairs = [(k.text, v) for k, v in _pairs(entry)]
        variables = [(k, v) for k, v in pairs if local(v.name) == "dict"]
        for k, v in pairs:
            if k == "NSStringLocalizedFormatKey" and local(v.name) == "string":
                add(name, v)
        for var, spec in variables:
            base = name if len(variables) == 1 else f"{name}.{var}"
            for k, v in _pairs(spec):
                if k.text in CATEGORIES and local(v.name) == "string":
                    add(plural_key(base, k.text), v)
    return tuple(out)


FORMAT = FileFormat(name="stringsdict", mime_type="application/x-plist", segment=segment,
                    comment=("<!--", "-->"), keyed=True)
