"""XML read safely, with positions, for the XML resource formats (XLIFF, Android,
stringsdict).

Files come from pull requests: the stdlib's expat parser reads them with every
declaration refused that could make reading cost more than the file's length or reach
outside it (an internal DTD subset, entity declarations: "billion laughs", external
entities); a ``<!DOCTYPE plist PUBLIC ...>`` line alone is allowed and never fetched.
What it gives is a light tree: each element's name, attributes, lines, and its inner
XML as written, so a message keeps its inline tags (``<b>``, ``<xliff:g>``) as text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from transcheck.formats import FormatError
from transcheck.formats.keyed import MAX_DEPTH



@dataclass
class Element:
    name: str
    attrs: dict[str, str]
    line: int
    end_line: int = 0
    children: list[Element] = field(default_factory=list)
    inner: str = ""  # the XML between the start and end tags, as written

    def find(self, name: str) -> Element | None:
        return next((c for c in self.children if local(c.name) == name), None)

    def all(self, name: str) -> list[Element]:
        return [c for c in self.children if local(c.name) == name]

    @property
    def text(self) -> str:
        """The inner XML as a message's text: entities resolved, CDATA opened,
        comments dropped, inline tags kept as written."""
        return text_of(self.inner)


def local(name: str) -> str:
    """The name without its namespace (expat gives "uri name" with namespaces on)."""
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


def text_of(inner: str) -> str:
    # Found with str.find, start to end once: a lazy pattern retried from every "<!--"
    # that has no end costs the square of the text (the XML parser has already refused
    # an unterminated one, but inner text is not always the parser's).
    parts = []
    pos = 0
    while True:
        comment, cdata = inner.find("<!--", pos), inner.find("<![CDATA[", pos)
        if comment < 0 and cdata < 0:
            break
        if cdata < 0 or 0 <= comment < cdata:
            parts.append(html.unescape(inner[pos:comment]))
            end = inner.find("-->", comment + 4)
            pos = len(inner) if end < 0 else end + 3
        else:
            parts.append(html.unescape(inner[pos:cdata]))
            end = inner.find("]]>", cdata + 9)
            parts.append(inner[cdata + 9:] if end < 0 else inner[cdata + 9:end])
            pos = len(inner) if end < 0 else end + 3
    parts.append(html.unescape(inner[pos:]))
    return "".join(parts)


def parse(lines: list[str]) -> Element:
    """The root element of the text; FormatError for anything not well-formed or refused."""
    import xml.parsers.expat as expat

    data = "\n".join(lines).encode("utf-8")
    parser = expat.ParserCreate("utf-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[tuple[Element, int]] = []
    root: list[Element] = []

    def refuse(what: str):
        def handler(*args):
            raise FormatError(f"line {parser.CurrentLineNumber}: {what} refused (a resource file needs none)")
        return handler

    def doctype(name, sysid, pubid, has_internal_subset):
        if has_internal_subset:
            refuse("a DTD with declarations")()

    def start(name, attrs):
        if len(stack) >= MAX_DEPTH:
            raise FormatError(f"line {parser.CurrentLineNumber}: nested deeper than {MAX_DEPTH} levels")
        element = Element(name, attrs, parser.CurrentLineNumber)
        (stack[-1][0].children if stack else root).append(element)
        stack.append((element, _tag_end(data, parser.CurrentByteIndex)))

    def end(name):
        element, inner_start = stack.pop()
        at = parser.CurrentByteIndex
        element.end_line = parser.CurrentLineNumber
        if at >= inner_start:
            element.inner = data[inner_start:at].decode("utf-8")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse("an entity declaration")
    parser.ExternalEntityRefHandler = refuse("an external entity")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise FormatError(f"not well-formed XML: line {exc.lineno}: {expat.ErrorString(exc.code)}") from None
    if not root:
        raise FormatError("no XML element")
    return root[0]


def _tag_end(data: bytes, start: int) -> int:
    """The offset just after the start tag at ``start``: its ``>`` outside quotes."""
    quote = 0
    for i in range(start + 1, len(data)):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (34, 39):  # " '
            quote = c
        elif c == 62:  # >
            return i + 1
    return len(data)
