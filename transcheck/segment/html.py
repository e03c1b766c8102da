"""The text children of an HTML (or JSX) block: prose, one run per block-level element.

Attribute values, comments and the content of ``<style>``, ``<script>``, ``<pre>``,
``<code>`` and of media elements (``<audio>``, ``<video>``: a player's fallback) are
never text, nor is anything inside an element the page does not show
(``hidden``, ``style="display: none"``): sites put keywords for their search index there.

Read with a small scanner of its own, linear in the length of the block: the standard
library's ``HTMLParser`` searches the rest of the text again from every unterminated
``<!--``, ``<?``, ``</`` or ``<a b='`` (40 kB of ``<a b='``: 3.7 s, twice that four
times as long). Here every search either consumes what it found or ends the block: an
unterminated comment, declaration or raw-text element runs to the end (as in HTML), and
a ``<`` that starts no tag is text. A tag's attributes may quote ``>`` but not ``<``.
"""

from __future__ import annotations

import re
from html import unescape

# The fallback inside a media element ("Your browser does not support the audio
# element.") shows only where the page's player does not: no text of the page.
_MEDIA = frozenset({"audio", "video", "object", "canvas", "iframe"})
_SKIP = frozenset({"style", "script", "pre", "code", "textarea", "svg", "math", "kbd"}) | _MEDIA
# Elements without content or end tag: hidden or not, they hide nothing after them.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_BREAK = frozenset({
    "p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "h1", "h2",
    "h3", "h4", "h5", "h6", "br", "hr", "section", "article", "details", "summary", "dt", "dd",
    "dl", "blockquote", "figure", "figcaption", "header", "footer", "nav", "aside", "main",
})


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A link's target: an ``href`` attribute, quoted or not.
_HREF = re.compile(r"""(?<![^\s])href\s*=\s*(?:"([^"]*+)"|'([^']*+)'|([^\s"'>]++))""", re.IGNORECASE)
# "<a href=https://x.org/>": the slash ends an unquoted value, and the element opens.
_UNQUOTED_SLASH = re.compile(r"""=[^\s"'=<>`]*/$""")
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/<>]*+)((?:"[^"<]*+"|'[^'<]*+'|[^<>"'])*+)>""")
# An attribute and its value: quoted, a JSX expression (``{{ display: "none" }}``, one
# level of braces inside), or bare.
_ATTR = re.compile(r"""([^\s"'=<>/{}]++)(?:\s*+=\s*+("[^"]*+"|'[^']*+'|\{[^{}]*+(?:\{[^{}]*+\}[^{}]*+)*+\}|[^\s"'<>{}]++))?""")
_DISPLAY_NONE = re.compile(r"""(?<![\w-])display["']?\s*+:\s*+["']?none(?![\w-])""", re.IGNORECASE)
_RAW = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in ("script", "style")}


def link_href(tag: str) -> str | None:
    """The target of an opening ``<a href=…>`` tag, as written; None for any other tag."""
    m = _TAG.match(tag.strip())
    if m is None or m.group(1) or m.group(2).lower() != "a" or not (href := _HREF.search(m.group(3))):
        return None
    return unescape(next(g for g in href.groups() if g is not None))


def hides(attrs: str) -> bool:
    """Whether a tag with these attributes is not displayed: ``hidden`` (not the JSX
    ``hidden={false}``) or a style of ``display: none``. ``aria-hidden`` hides from
    screen readers only, and a class may mean anything: both are shown."""
    for m in _ATTR.finditer(attrs):
        name, value = m.group(1).lower(), (m.group(2) or "").strip("\"'{} \t\n")
        if name == "hidden" and value.lower() != "false":
            return True
        if name == "style" and _DISPLAY_NONE.search(value):
            return True
    return False


def hidden_start(tag: str) -> str:
    """The name of the element that ``tag`` (one whole tag, ``<span hidden>``) opens and
    hides (a media element hides its fallback), "" if it opens none or shows it."""
    m = _TAG.fullmatch(tag.strip())
    if m is None or m.group(1) or m.group(2).lower() in _VOID or m.group(3).rstrip().endswith("/"):
        return ""
    name = m.group(2).lower()
    return name if hides(m.group(3)) or name in _MEDIA else ""


def end_hidden(tag: str, hidden: list[str]) -> None:
    """Follow the elements open inside a hidden one (``hidden``, outermost first) over
    one more tag; the list is empty once the hidden element has ended."""
    m = _TAG.fullmatch(tag.strip())
    if m is None:
        return
    name = m.group(2).lower()
    if not m.group(1):
        if name not in _VOID and not m.group(3).rstrip().endswith("/"):
            hidden.append(name)
    else:
        _close(hidden, name)


def _close(hidden: list[str], name: str) -> None:
    # An end tag closes what it names and whatever was left open inside it; a stray
    # one closes nothing.
    if name in hidden:
        del hidden[len(hidden) - 1 - hidden[::-1].index(name):]


class _Texts:
    def __init__(self) -> None:
        # (first line, last line, text, inside a list item, link targets, heading
        # level or 0), lines 1-based
        self.runs: list[tuple[int, int, str, bool, tuple[str, ...], int]] = []
        self._heading = 0  # the level of the <hN> open
        self._urls: list[str] = []
        self._items = 0  # <li> elements open
        self._parts: list[str] = []
        self._has_text = False
        self._first = 0
        self._last = 0
        self._skip = 0
        self._line = 1  # the line handle_data's text starts on
        self._hidden: list[str] = []  # the elements open inside a hidden one, itself first

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if self._hidden or (tag not in _VOID and hides(attrs)):
            if not self._hidden and tag in _BREAK:
                self.flush()
            if tag not in _VOID:
                self._hidden.append(tag)
            return
        if tag in _SKIP:
            self._skip += 1
        if tag in _BREAK or tag in _SKIP:
            self.flush()
        if tag == "li":
            self._items += 1
        if tag in _HEADINGS:
            self._heading = int(tag[1])
        # A translation that writes its list in HTML (right to left, often) keeps its
        # links there: they count as the Markdown links of the other translations do.
        if tag == "a" and not self._skip and (href := _HREF.search(attrs)):
            self._urls.append(unescape(next(g for g in href.groups() if g is not None)))

    def handle_startendtag(self, tag, attrs):
        if not self._hidden and tag.lower() in _BREAK:
            self.flush()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if self._hidden:
            _close(self._hidden, tag)
            return
        if tag in _SKIP and self._skip:
            self._skip -= 1
            self.flush()
        elif tag in _BREAK:
            self.flush()
            if tag == "li" and self._items:
                self._items -= 1
            if tag in _HEADINGS:
                self._heading = 0

    def handle_data(self, data):
        if self._skip or self._hidden:
            return
        line = self._line
        if data.strip():
            if not self._has_text:
                self._first = line + data[: len(data) - len(data.lstrip())].count("\n")
                self._has_text = True
            self._last = line + data.rstrip().count("\n")
        self._parts.append(data)

    def flush(self):
        text = " ".join("".join(self._parts).split())
        if text:
            self.runs.append((self._first, self._last, text, self._items > 0, tuple(self._urls), self._heading))
        self._parts = []
        self._urls = []
        self._has_text = False

    def feed(self, content: str) -> None:
        n = len(content)
        pos = text_start = 0
        counted = 0  # newlines are counted up to here, once each

        def text(end: int) -> None:
            nonlocal counted
            if end > text_start:
                self._line += content.count("\n", counted, text_start)
                counted = text_start
                self.handle_data(unescape(content[text_start:end]))

        while (lt := content.find("<", pos)) >= 0:
            if content.startswith("<!--", lt):
                text(lt)
                end = content.find("-->", lt + 4)
                pos = text_start = n if end < 0 else end + 3
                continue
            if content.startswith(("<!", "<?"), lt):
                text(lt)
                end = content.find(">", lt + 2)
                pos = text_start = n if end < 0 else end + 1
                continue
            tag = _TAG.match(content, lt)
            if tag is None:
                pos = lt + 1  # a "<" of the text
                continue
            text(lt)
            pos = text_start = tag.end()
            closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
            if closing:
                self.handle_endtag(name)
            elif attrs.rstrip().endswith("/") and not _UNQUOTED_SLASH.search(attrs):
                self.handle_startendtag(name, attrs)
            else:
                self.handle_starttag(name, attrs)
                raw = _RAW.get(name.lower())
                if raw is not None:  # script and style: raw text up to their end tag
                    end = raw.search(content, pos)
                    pos = text_start = n if end is None else end.start()
        text(n)


def html_runs(content: str) -> list[tuple[int, int, str, bool, tuple[str, ...], int]]:
    """(first line, last line, text, inside an ``<li>``, the targets of its ``<a href>``
    links, the level of the ``<hN>`` it is in or 0) of each text run in ``content``,
    lines 1-based: a list written in HTML (as right-to-left translations often write
    theirs) is a list, and an ``<h2>`` a heading."""
    parser = _Texts()
    parser.feed(content)
    parser.flush()
    return parser.runs
