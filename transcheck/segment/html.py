"""The text children of an HTML (or JSX) block: prose, one run per block-level element.

Attribute values, comments and the content of ``<style>``, ``<script>``, ``<pre>`` and
``<code>`` are never text.
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = frozenset({"style", "script", "pre", "code", "textarea", "svg", "math", "kbd"})
_BREAK = frozenset({
    "p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "h1", "h2",
    "h3", "h4", "h5", "h6", "br", "hr", "section", "article", "details", "summary", "dt", "dd",
    "dl", "blockquote", "figure", "figcaption", "header", "footer", "nav", "aside", "main",
})


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[int, int, str]] = []  # (first line, last line, text), 1-based
        self._parts: list[str] = []
        self._first = 0
        self._last = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in _SKIP:
            self._skip += 1
        if tag in _BREAK or tag in _SKIP:
            self.flush()

    def handle_startendtag(self, tag, attrs):
        if tag.lower() in _BREAK:
            self.flush()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in _SKIP and self._skip:
            self._skip -= 1
            self.flush()
        elif tag in _BREAK:
            self.flush()

    def handle_data(self, data):
        if self._skip:
            return
        line = self.getpos()[0]
        if data.strip():
            if not "".join(self._parts).strip():
                self._first = line + data[: len(data) - len(data.lstrip())].count("\n")
            self._last = line + data.rstrip().count("\n")
        self._parts.append(data)

    def flush(self):
        text = " ".join("".join(self._parts).split())
        if text:
            self.runs.append((self._first, self._last, text))
        self._parts = []


def html_texts(content: str) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each text run in ``content``, lines 1-based."""
    parser = _Texts()
    try:
        parser.feed(content)
        parser.close()
    except Exception:  # malformed markup: no text rather than a crash
        return []
    parser.flush()
    return parser.runs
