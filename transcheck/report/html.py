"""A self-contained HTML page for localization review: the aligned documents side by
side, each finding marked on its segment.

One table per group: one row per aligned row, one column per language. A cell shows
its segments with their line numbers; a finding colours the segments it covers and
shows its message in the cell where it starts (later rows of a long finding get a small
"continued" tag). A segment that a document lacks is a hatched gap, and a finding about
the gap (a missing segment) is shown in it rather than on the line where it would be
inserted. Right-to-left languages get ``dir="rtl"`` cells. Filters for severity, rule and
language, and "only rows with findings", are a few lines of inline JavaScript; without
JavaScript everything is simply shown.

One file, no network: the CSS and script (package data in ``report/assets``) are
inline in the page, there are no fonts, images or links to elsewhere. All document text
is HTML-escaped. No timestamps: the same input gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from html import escape

from transcheck import __version__
from transcheck.langdata import is_rtl
from transcheck.model import MISSING, OUTDATED, Document, Finding, GroupResult, Report, Row, Severity, finding_order
from transcheck.report.base import Formatter
from transcheck.report.common import span
from transcheck.report import html_index
from transcheck.report.html_placement import Placement
from transcheck.report.summary import SEVERITIES, by_severity, plural, status_text, summarise
from transcheck.report.escape import printable
from transcheck.report.signature import signature, signature_line


def _e(text: object) -> str:
    return escape(printable(str(text)), quote=True)


_QUOTED = re.compile(r"“([^“”]*)”")


def _message(text: str) -> str:
    """A finding message, escaped, with each “quoted” excerpt isolated as <bdi>: an
    Arabic excerpt in an English sentence would otherwise pull the quotation marks
    and the words around it into its right-to-left run."""
    return _QUOTED.sub(lambda m: f"“<bdi>{m.group(1)}</bdi>”", _e(text))


def _worst(ids: list[int], findings: dict[int, Finding]) -> str:
    if not ids:
        return ""
    return max((findings[i].severity for i in ids), key=lambda s: s.rank).value


def _ids(ids: list[int]) -> str:
    return " ".join(str(i) for i in ids)


def _note(fid: int, f: Finding) -> str:
    return (
        f'<div class="note fx sev-{f.severity.value}" data-f="{fid}" id="f{fid}" dir="ltr" lang="en">'
        f'<span class="badge">{_e(f.code)}</span> <span class="rule">{_e(f.rule)}</span>'
        f'<div class="msg">{_message(f.message)}</div>'
        f'<div class="at">{_e(f.path)}:{span(f.line, f.end_line)}</div></div>'
    )


def _continued(fid: int, f: Finding) -> str:
    return (
        f'<div class="cont fx sev-{f.severity.value}" data-f="{fid}" dir="ltr" lang="en">'
        f'<a href="#f{fid}">{_e(f.code)} {_e(f.rule)}, continued</a></div>'
    )


def _cell(r: int, row: Row, lang: str, doc: Document, place: Placement, findings: dict[int, Finding]) -> str:
    starts = place.starts.get((r, lang), [])
    conts = place.continues.get((r, lang), [])
    every = starts + conts
    idx = row.cells.get(lang, ())
    attrs = [f'class="cell l-{_e(lang)}{" gap" if not idx else ""}"', f'data-col="{_e(lang)}"', f'lang="{_e(lang)}"']
    if is_rtl(lang):
        attrs.append('dir="rtl"')
    if every:
        attrs.append(f'data-f="{_ids(every)}"')
        attrs.append(f'data-flag="{_worst(every, findings)}"')
    parts = [f"<td {' '.join(attrs)}>"]
    if not idx:
        parts.append('<div class="gap-label" dir="ltr">no segment</div>')
    for i in idx:
        seg = doc.segments[i]
        hits = place.segment_hits.get((lang, i), [])
        hit_attrs = f' data-f="{_ids(hits)}" data-flag="{_worst(hits, findings)}"' if hits else ""
        lines = span(seg.line, seg.end_line)
        parts.append(
            f'<div class="seg k-{seg.kind.value}"{hit_attrs}>'
            f'<span class="ln" dir="ltr">{lines}</span>'
            f'<span class="txt">{_e(seg.text)}</span></div>'
        )
    parts += [_note(fid, findings[fid]) for fid in starts]
    parts += [_continued(fid, findings[fid]) for fid in conts]
    parts.append("</td>")
    return "".join(parts)


def _group_table(gi: int, group: GroupResult, report: Report, findings: dict[int, Finding], place: Placement) -> list[str]:
    source = report.settings.source
    langs = [d.language for d in group.documents]
    if source in langs:
        langs.remove(source)
        langs.insert(0, source)
    docs = {d.language: d for d in group.documents}
    counts: dict[str, dict[Severity, int]] = {lang: by_severity([]) for lang in langs}
    for f in findings.values():
        if f.language in counts and f.path == docs[f.language].path:
            counts[f.language][f.severity] += 1

    out = [f'<section class="group" id="g{gi}">']
    out.append(
        f'<h2>{_e(group.group)} <span class="sub">{plural(len(langs), "document")} · '
        f'{plural(len(group.rows), "aligned row")}</span></h2>'
    )
    for note in group.notes:
        out.append(f'<p class="groupnote">{_e(note)}</p>')
    behind = [s for s in group.status if s.state in (OUTDATED, MISSING)]
    if behind:
        out.append(f'<p class="groupnote">{_e("; ".join(f"{s.language} {status_text(s)}" for s in behind))}</p>')
    out.append('<div class="tablewrap"><table class="align">')
    out.append('<colgroup><col class="c-rn">' + "".join(f'<col data-col="{_e(l)}">' for l in langs) + "</colgroup>")
    head = ['<thead><tr><th class="rn" scope="col">#</th>']
    for lang in langs:
        doc = docs[lang]
        c = counts[lang]
        tally = " ".join(
            f'<span class="tally sev-{s.value}">{c[s]}</span>' for s in SEVERITIES if c[s]
        ) or '<span class="tally ok">no findings</span>'
        tags = []
        if lang == source:
            tags.append('<span class="tag">source</span>')
        if is_rtl(lang):
            tags.append('<span class="tag">RTL</span>')
        head.append(
            f'<th scope="col" class="l-{_e(lang)}" data-col="{_e(lang)}">'
            f'<div class="lang">{_e(lang)} {"".join(tags)}</div>'
            f'<div class="path">{_e(doc.path)}</div><div class="tallies">{tally}</div></th>'
        )
    head.append("</tr></thead>")
    out.append("".join(head))
    out.append("<tbody>")
    for r, row in enumerate(group.rows):
        ids = [fid for lang in langs for fid in place.starts.get((r, lang), []) + place.continues.get((r, lang), [])]
        row_attrs = f' data-f="{_ids(ids)}"' if ids else ""
        cells = "".join(_cell(r, row, lang, docs[lang], place, findings) for lang in langs)
        out.append(
            f'<tr id="g{gi}-r{r + 1}"{row_attrs}><th class="rn" scope="row">'
            f'<a href="#g{gi}-r{r + 1}">{r + 1}</a></th>{cells}</tr>'
        )
    out.append("</tbody></table></div>")
    if place.unplaced:
        out.append('<p class="groupnote">Findings not on an aligned row:</p><div class="unplaced">')
        out += [_note(fid, findings[fid]) for fid in place.unplaced]
        out.append("</div>")
    out.append("</section>")
    return out


def _findings_list(report: Report, numbered: list[tuple[int, Finding]], anchors: dict[int, str]) -> list[str]:
    out = [f'<details class="findings" open><summary>Findings <span class="sub">{len(numbered)}</span></summary>']
    if not numbered:
        out.append('<p class="empty">Nothing to report.</p></details>')
        return out
    out.append('<div class="listwrap"><table class="list"><thead><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Message</th></tr></thead><tbody>')
    for fid, f in numbered:
        target = anchors.get(fid)
        loc = f"{_e(f.path)}:{span(f.line, f.end_line)}"
        loc = f'<a href="#{target}">{loc}</a>' if target else loc
        out.append(
            f'<tr class="fx" data-f="{fid}" data-sev="{f.severity.value}" data-rule="{_e(f.code)}" data-lang="{_e(f.language)}">'
            f'<td><span class="sevtag sev-{f.severity.value}">{f.severity.value}</span></td>'
            f'<td class="mono">{loc}</td><td class="nowrap"><span class="badge">{_e(f.code)}</span> {_e(f.rule)}</td>'
            f"<td>{_message(f.message)}</td></tr>"
        )
    out.append("</tbody></table></div></details>")
    return out


def _filters(report: Report, findings: list[Finding], langs: list[str]) -> list[str]:
    counts = by_severity(findings)
    per_rule: dict[str, int] = {}
    for f in findings:
        per_rule[f.code] = per_rule.get(f.code, 0) + 1
    names = {r.code: r.name for r in report.rules}
    for f in findings:
        names.setdefault(f.code, f.rule)
    per_lang: dict[str, int] = {lang: 0 for lang in langs}
    for f in findings:
        per_lang[f.language] = per_lang.get(f.language, 0) + 1

    def box(kind: str, value: str, label: str, count: int, extra: str = "") -> str:
        return (
            f'<label class="chip{extra}"><input type="checkbox" data-filter="{kind}" value="{_e(value)}" checked>'
            f' {label} <span class="n">{count}</span></label>'
        )

    out = ['<nav class="toolbar" id="filters" aria-label="Filters">']
    out.append('<div class="fgroup"><span class="flabel">Severity</span>')
    out += [box("sev", s.value, s.value, counts[s], f" sev-{s.value}") for s in SEVERITIES]
    out.append("</div>")
    out.append('<div class="fgroup"><span class="flabel">Rule</span>')
    rules = sorted(per_rule)  # a rule without findings has nothing to filter
    out += [
        box("rule", code, f'<span class="badge">{_e(code)}</span> {_e(names[code])}', per_rule.get(code, 0))
        for code in rules
    ]
    out.append("</div>")
    out.append('<div class="fgroup"><span class="flabel">Language</span>')
    out += [box("lang", lang, _e(lang), per_lang[lang]) for lang in sorted(per_lang)]
    out.append("</div>")
    out.append(
        '<div class="fgroup"><span class="flabel">View</span>'
        '<label class="chip"><input type="checkbox" id="only-flagged"> only rows with findings</label>'
        '<label class="chip"><input type="checkbox" id="full-text"> full text</label></div>'
    )
    out.append("</nav>")
    return out


class HtmlFormatter(Formatter):
    """Each group's table is written as the group finishes, its findings numbered in
    that order; the findings list at the top links to them by number."""

    def __init__(self, color: bool = False):
        super().__init__(color)
        self._groups = 0
        self._numbered: list[tuple[int, Finding]] = []
        self._anchors: dict[int, str] = {}

    def section(self, group: GroupResult, report: Report) -> str:
        self._groups += 1
        gi, first = self._groups, len(self._numbered) + 1
        mine = list(enumerate(sorted(group.findings, key=finding_order), start=first))
        self._numbered += mine
        place = Placement(group, mine)
        for fid, r in place.anchor.items():
            self._anchors[fid] = f"g{gi}-r{r + 1}"
        for fid in place.unplaced:
            self._anchors[fid] = f"f{fid}"
        return "\n".join(_group_table(gi, group, report, dict(mine), place))

    def finish(self, report: Report, sections: Iterable[str]) -> Iterator[str]:
        findings = report.findings
        numbered = sorted(self._numbered, key=lambda item: finding_order(item[1]))
        head, tail = _page(report, findings, numbered, self._anchors)
        yield "\n".join(head) + "\n"
        for text in sections:
            yield text + "\n"
        yield "\n".join(tail) + "\n"


def _page(report: Report, findings: list[Finding], numbered, anchors) -> tuple[list[str], list[str]]:
    """The page around the group tables: what comes before them and what after."""
    summary = summarise(report)
    counts = summary.counts
    langs = list(summary.languages)
    headline = summary.tally
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="transcheck {_e(__version__)}">',
        f"<title>transcheck: {_e(headline)}</title>",
        f"<style>{_asset('report.css')}{_language_css(langs)}</style>",
        "</head>",
        "<body>",
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
        f'<div class="stat"><div class="num">{summary.groups}</div><div class="lbl">{"group" if summary.groups == 1 else "groups"}</div></div>'
    )
    out.append("</div></header>")
    out += _filters(report, findings, langs)
    out.append("<main>")

    if summary.set_aside:
        out.append(f'<p class="banner">Not shown: {_e(", ".join(summary.set_aside))}.</p>')
    problems = summary.shown_problems
    if problems:
        out.append('<div class="banner warn"><strong>Input problems</strong><ul>')
        out += [f"<li><code>{_e(p.path)}</code>: {_e(p.message)}</li>" for p in problems]
        out.append("</ul></div>")

    if html_index.wanted(report):
        out += html_index.index(report, langs, summary.coverage)
    out += _findings_list(report, numbered, anchors)
    tail = ["</main>"]
    sig = json.dumps(signature(report), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    tail.append(
        f'<footer><span>Generated by transcheck {_e(__version__)}</span>'
        f'<code class="sig">{_e(signature_line(report))}</code></footer>'
    )
    tail.append(f'<script type="application/json" id="transcheck-signature">{sig}</script>')
    # The script's filters: a finding is shown when its severity, rule and language are
    # all ticked; a cell or segment is coloured by its worst shown finding; unticked
    # languages hide their column. Finding ids ("data-f") link everything to the
    # findings list, which holds each finding's severity, rule and language once.
    tail.append(f"<script>{_asset('report.js')}</script>")
    tail.append("</body>")
    tail.append("</html>")
    return out, tail


def _asset(name: str) -> str:
    """The page's style sheet or script, shipped as package data (``report/assets``)."""
    from importlib.resources import files

    return files("transcheck.report").joinpath("assets", name).read_text(encoding="utf-8")


def _language_css(langs: list[str]) -> str:
    # Language codes are validated tags (letters, digits, '-'), safe in a selector.
    return "".join(f'.hide-{lang} [data-col="{lang}"]{{display:none}}' for lang in langs)


FORMATTER = HtmlFormatter
