"""The HTML review: the source (or a reference language the reviewer picks) and one
language side by side, a language picker, every other language of a row on demand, and
each finding on the cell and segments it covers, filtered by severity and rule.

The report is an index and its pages. The index (``html_index``) is data the report's
script draws: the list of pages with each language's status and counts, the languages
and the rules. A page (``html_page``) is the HTML of one group, put in place when it is
opened, so that a site of thousands of pages opens as fast as one. Small reports hold
their pages themselves, each in a ``<script type="text/html">`` element the browser
keeps as text until it is shown: one file to attach to a pull request or keep as a CI
artifact. Past ``INLINE_LIMIT`` bytes of pages, a report written to a file
(``--output report.html``) puts them in ``report_files/`` beside it (``html_files``),
one file a page; the index stays a few megabytes for tens of thousands of pages. A
report on standard output is always one file.

No network: style sheet and script are package data (``report/assets``) inlined in the
page, with no fonts, images or links to elsewhere; it works from file://. Every text
from the checked files is escaped (``report.escape``, ``html.escape``); the script
writes it into the page as text, never as markup. No timestamps: the same input gives
the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from transcheck import __version__
from transcheck.model import Report
from transcheck.report import html_index
from transcheck.report.base import Formatter
from transcheck.report.escape import script_json
from transcheck.report.html_files import PageFiles
from transcheck.report.html_page import e, page
from transcheck.report.signature import signature, signature_line
from transcheck.report.summary import SEVERITIES, summarise

# Pages up to this size (UTF-8 bytes, all together) stay in the report itself.
INLINE_LIMIT = 4 << 20
_ENDS_ELEMENT = re.compile(r"</script|<!--", re.IGNORECASE)


class HtmlFormatter(Formatter):
    """Each group's page is made as the group finishes and named by its content; the
    index, written last, lists them."""

    def __init__(self, color: bool = False):
        super().__init__(color)
        self._ids: list[str] = []
        self._size = 0
        self._files: PageFiles | None = None
        self._apart = False

    def section(self, group, report: Report) -> str:
        text = page(group, report)
        if _ENDS_ELEMENT.search(text):  # escaping failed: never write such a page
            raise AssertionError(f"{group.group}: page would end its <script> element")
        data = text.encode("utf-8")
        self._ids.append(hashlib.sha256(data).hexdigest()[:20])
        self._size += len(data)
        return text

    def finish(self, report: Report, sections: Iterable[str]) -> Iterator[str]:
        self._files = PageFiles(self.path) if self.path else None
        apart = self._apart = self._files is not None and self._size > INLINE_LIMIT
        directory = None
        if apart:
            self._files.open()
            for page_id, text in zip(self._ids, sections):
                self._files.put(page_id, text)
            directory = quote(os.path.basename(self._files.path)) + "/"
        head, tail = _page(report, self._ids, directory)
        yield head
        if not apart:
            seen: set[str] = set()
            for page_id, text in zip(self._ids, sections):
                if page_id not in seen:
                    seen.add(page_id)
                    yield f'<script type="text/html" id="page-{page_id}">\n{text}\n</script>\n'
        yield tail

    def written(self) -> list[str]:
        if self._files is None:
            return []
        self._files.prune()
        if not self._apart:
            return []
        return [f"{self.path}: its {len(set(self._ids))} pages are in {self._files.path}/; keep the two together"]


def _page(report: Report, page_ids: list[str], directory: str | None) -> tuple[str, str]:
    """The report around its pages: what comes before them and what after."""
    summary = summarise(report)
    counts = summary.counts
    data = html_index.index(report, page_ids, list(summary.languages), summary.coverage, directory)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="transcheck {e(__version__)}">',
        f"<title>transcheck: {e(summary.tally)}</title>",
        f"<style>{_asset('report.css')}</style>",
        "</head>",
        '<body class="clamp">',
        '<header class="top">',
        '<div class="brand">transcheck <span class="sub">translation review</span></div>',
        '<div class="stats">',
    ]
    out += [
        f'<div class="stat sev-{s.value}"><div class="num">{counts[s]}</div><div class="lbl">{s.value}</div></div>'
        for s in SEVERITIES
    ]
    out.append(
        f'<div class="stat"><div class="num">{summary.documents}</div><div class="lbl">documents</div></div>'
        f'<div class="stat"><div class="num">{summary.segments}</div><div class="lbl">segments</div></div>'
        f'<div class="stat"><div class="num">{summary.groups}</div><div class="lbl">{"page" if summary.groups == 1 else "pages"}</div></div>'
    )
    out.append("</div></header>")
    out += _toolbar(data, counts)
    out.append(
        '<noscript><p class="banner warn">This review draws its pages with JavaScript. The same findings are in '
        "the text, Markdown and JSON reports (--format).</p></noscript>"
    )
    out.append('<div class="layout"><aside id="pages" class="pages" hidden aria-label="Pages"></aside><main>')
    if summary.set_aside:
        out.append(f'<p class="banner">Not shown: {e(", ".join(summary.set_aside))}.</p>')
    if summary.shown_problems:
        out.append('<div class="banner warn"><strong>Input problems</strong><ul>')
        out += [f"<li><code>{e(p.path)}</code>: {e(p.message)}</li>" for p in summary.shown_problems]
        out.append("</ul></div>")
    out.append('<div id="view" aria-live="polite"></div></main></div>')
    tail = [
        f'<footer><span>Generated by transcheck {e(__version__)}</span>'
        f'<code class="sig">{e(signature_line(report))}</code></footer>',
        f'<script type="application/json" id="transcheck-index">{script_json(data)}</script>',
        f'<script type="application/json" id="transcheck-signature">{script_json(signature(report))}</script>',
        f"<script>{_asset('report.js')}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n", "\n".join(tail) + "\n"


def _toolbar(data: dict, counts) -> list[str]:
    def box(kind: str, value: str, label: str, count: int, extra: str = "") -> str:
        return (
            f'<label class="chip{extra}"><input type="checkbox" data-filter="{kind}" value="{e(value)}" checked>'
            f" {label} <span class=\"n\">{count}</span></label>"
        )

    out = ['<nav class="toolbar" id="filters" aria-label="Languages and filters">']
    out.append(
        '<div class="fgroup"><span class="flabel">Compare</span>'
        '<select id="ref" aria-label="Reference language"></select><span class="sub">with</span>'
        '<select id="lang" aria-label="Language under review"></select></div>'
    )
    out.append('<div class="fgroup"><span class="flabel">Severity</span>')
    out += [box("sev", s.value, s.value, counts[s], f" sev-{s.value}") for s in SEVERITIES]
    out.append("</div>")
    if data["rules"]:
        out.append('<div class="fgroup"><span class="flabel">Rule</span>')
        out += [box("rule", code, f'<span class="badge">{e(code)}</span> {e(name)}', n) for code, name, n in data["rules"]]
        out.append("</div>")
    out.append(
        '<div class="fgroup"><span class="flabel">View</span>'
        '<label class="chip"><input type="checkbox" id="only-flagged"> only rows with findings</label>'
        '<label class="chip"><input type="checkbox" id="full-text"> full text</label>'
        '<span class="sub">j / k: next / previous row with findings</span></div>'
    )
    out.append("</nav>")
    return out


def _asset(name: str) -> str:
    """The page's style sheet or script, shipped as package data (``report/assets``)."""
    from importlib.resources import files

    return files("transcheck.report").joinpath("assets", name).read_text(encoding="utf-8")


FORMATTER = HtmlFormatter
