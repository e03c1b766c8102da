"""Android string resources (``res/values*/strings.xml``): ``<string name>``,
``<plurals name>`` with an ``<item quantity>`` per variant (``name[one]``) and
``<string-array name>`` with numbered items (``name:0``). ``translatable="false"``
strings are no messages. Android's escapes (``\\'``, ``\\"``, ``\\n``, ``\\u00e9``, a
value in double quotes) are resolved; inline markup (``<b>``, ``<xliff:g>``) stays as
tags. Any other XML file (a layout, a manifest) holds no messages."""

from __future__ import annotations

import re

from transcheck.formats import FileFormat
from transcheck.formats.keyed import plural_key, value_segment
from transcheck.model import Segment

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t"}


def unescape(value: str) -> str:
    """A value as Android shows it: quoted runs keep their spaces, escapes resolved."""
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        value = value[1:-1]
    else:
        value = " ".join(value.split())  # Android collapses white space outside quotes

    def one(m):
        c = m.group(1)
        return chr(int(c[1:], 16)) if len(c) == 5 else _SIMPLE.get(c, c)

    return _ESCAPE.sub(one, value)


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from transcheck.formats.xmlsafe import local, parse

    if not any("<resources" in line for line in lines[:50]):
        return ()
    root = parse(lines)
    if local(root.name) != "resources":
        return ()
    out: list[Segment] = []

    def add(key, element):
        out.append(value_segment(len(out), element.line, element.end_line or element.line, key,
                                 unescape(element.text)))

    for child in root.children:
        name, kind = child.attrs.get("name", ""), local(child.name)
        if not name or child.attrs.get("translatable") == "false":
            continue
        if kind == "string":
            add(name, child)
        elif kind == "plurals":
            for item in child.all("item"):
                add(plural_key(name, item.attrs.get("quantity", "other")), item)
        elif kind == "string-array":
            for n, item in enumerate(child.all("item")):
                add(f"{name}:{n}", item)
    return tuple(out)


FORMAT = FileFormat(name="android", mime_type="application/xml", segment=segment,
                    comment=("<!--", "-->"), keyed=True)
