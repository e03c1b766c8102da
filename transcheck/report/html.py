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

One file, no network: CSS and script are inline, there are no fonts, images or links
to elsewhere. All document text is HTML-escaped. No timestamps: the same input gives
the same bytes.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from html import escape

from transcheck import __version__
from transcheck.model import Document, Finding, GroupResult, Row, Severity
from transcheck.pipeline import Report, finding_order
from transcheck.report.base import Formatter
from transcheck.read.languages import RTL_LANGUAGES
from transcheck.report.common import (
    SEVERITIES,
    by_severity,
    plural,
    set_aside,
    span,
)
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


def _is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGUAGES


class _Placement:
    """Where each finding of one group goes in its table."""

    def __init__(self, group: GroupResult, findings: list[tuple[int, Finding]]):
        self.docs = {d.language: d for d in group.documents}
        self.rows = group.rows
        # (row, lang) -> finding ids that start / continue there; (lang, segment) -> ids
        self.starts: dict[tuple[int, str], list[int]] = {}
        self.continues: dict[tuple[int, str], list[int]] = {}
        self.segment_hits: dict[tuple[str, int], list[int]] = {}
        self.anchor: dict[int, int] = {}
        self.unplaced: list[int] = []
        self._ends: dict[str, list[int]] = {}
        self._row_of = {(lang, i): r for r, row in enumerate(self.rows) for lang, idx in row.cells.items() for i in idx}
        for fid, f in findings:
            self._place(fid, f)

    def _overlapping(self, lang: str, line: int, end_line: int) -> list[int]:
        """The rows whose cell for ``lang`` holds a segment touching the line span."""
        doc = self.docs.get(lang)
        if doc is None:
            return []
        return sorted(
            {self._row_of[(lang, i)] for i in self._segments(doc, line, end_line) if (lang, i) in self._row_of}
        )

    def _segments(self, doc: Document, line: int, end_line: int) -> range:
        # Segments are in line order and do not overlap: the ones touching a span are
        # one run, found by bisection (a large document has many thousands).
        ends = self._ends.get(doc.language)
        if ends is None:
            ends = self._ends[doc.language] = [s.end_line for s in doc.segments]
        first = bisect.bisect_left(ends, line)
        last = first
        while last < len(doc.segments) and doc.segments[last].line <= end_line:
            last += 1
        return range(first, last)

    def _gap_row(self, f: Finding) -> int | None:
        """The row where ``f``'s document has nothing and which holds every related
        location of the other documents: the finding is about that gap."""
        others = [loc for loc in f.related if loc is not None and loc.path != f.path]
        if not others or len(others) != len([loc for loc in f.related if loc is not None]):
            return None
        by_path = {d.path: d.language for d in self.docs.values()}
        candidates = None
        for loc in others:
            lang = by_path.get(loc.path)
            if lang is None:
                return None
            rows = set(self._overlapping(lang, loc.line, loc.end_line))
            candidates = rows if candidates is None else candidates & rows
        for r in sorted(candidates or ()):
            if not self.rows[r].cells.get(f.language):
                return r
        return None

    def _place(self, fid: int, f: Finding) -> None:
        gap = self._gap_row(f)
        if gap is not None:
            self.starts.setdefault((gap, f.language), []).append(fid)
            self.anchor[fid] = gap
            return
        rows = self._overlapping(f.language, f.line, f.end_line)
        if not rows:
            self.unplaced.append(fid)
            return
        self.anchor[fid] = rows[0]
        self.starts.setdefault((rows[0], f.language), []).append(fid)
        for r in rows[1:]:
            self.continues.setdefault((r, f.language), []).append(fid)
        for i in self._segments(self.docs[f.language], f.line, f.end_line):
            self.segment_hits.setdefault((f.language, i), []).append(fid)


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


def _cell(r: int, row: Row, lang: str, doc: Document, place: _Placement, findings: dict[int, Finding]) -> str:
    starts = place.starts.get((r, lang), [])
    conts = place.continues.get((r, lang), [])
    every = starts + conts
    idx = row.cells.get(lang, ())
    attrs = [f'class="cell l-{_e(lang)}{" gap" if not idx else ""}"', f'data-col="{_e(lang)}"', f'lang="{_e(lang)}"']
    if _is_rtl(lang):
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


def _group_table(gi: int, group: GroupResult, report: Report, findings: dict[int, Finding], place: _Placement) -> list[str]:
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
        if _is_rtl(lang):
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
        place = _Placement(group, mine)
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
    counts = by_severity(findings)
    docs = report.documents
    langs = sorted({d.language for d in docs})

    headline = ", ".join(
        plural(counts[s], s.value) if s is not Severity.INFO else f"{counts[s]} info" for s in SEVERITIES
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="transcheck {_e(__version__)}">',
        f"<title>transcheck: {_e(headline)}</title>",
        f"<style>{_CSS}{_language_css(langs)}</style>",
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
        f'<div class="stat"><div class="num">{len(docs)}</div><div class="lbl">documents</div></div>'
        f'<div class="stat"><div class="num">{sum(d.segment_count for d in docs)}</div><div class="lbl">segments</div></div>'
        f'<div class="stat"><div class="num">{len(report.groups)}</div><div class="lbl">{"group" if len(report.groups) == 1 else "groups"}</div></div>'
    )
    out.append("</div></header>")
    out += _filters(report, findings, langs)
    out.append("<main>")

    hidden = set_aside(report)
    if hidden:
        out.append(f'<p class="banner">Not shown: {_e(", ".join(hidden))}.</p>')
    problems = [p for p in report.problems if getattr(p, "severity", "error") != "info"]
    if problems:
        out.append('<div class="banner warn"><strong>Input problems</strong><ul>')
        out += [f"<li><code>{_e(p.path)}</code>: {_e(p.message)}</li>" for p in problems]
        out.append("</ul></div>")

    out += _findings_list(report, numbered, anchors)
    tail = ["</main>"]
    sig = json.dumps(signature(report), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    tail.append(
        f'<footer><span>Generated by transcheck {_e(__version__)}</span>'
        f'<code class="sig">{_e(signature_line(report))}</code></footer>'
    )
    tail.append(f'<script type="application/json" id="transcheck-signature">{sig}</script>')
    tail.append(f"<script>{_JS}</script>")
    tail.append("</body>")
    tail.append("</html>")
    return out, tail


def _language_css(langs: list[str]) -> str:
    # Language codes are validated tags (letters, digits, '-'), safe in a selector.
    return "".join(f'.hide-{lang} [data-col="{lang}"]{{display:none}}' for lang in langs)


_CSS = """
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--soft:#f6f8fa;--bg:#fff;
--err:#cf222e;--err-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--info:#0969da;--info-bg:#ddf4ff;
--accent:#8250df}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{scroll-padding-top:calc(var(--sticky,0px) + 90px)}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","DejaVu Sans",sans-serif;color:var(--fg);background:var(--soft)}
.sub{color:var(--muted);font-weight:400;font-size:.85em}
.top{display:flex;align-items:center;gap:32px;padding:16px 24px;background:#24292f;color:#fff}
.brand{font-size:20px;font-weight:650;letter-spacing:.2px}
.brand .sub{color:#afb8c1;margin-left:6px}
.stats{display:flex;gap:10px;flex-wrap:wrap}
.stat{min-width:84px;padding:6px 12px;border-radius:8px;background:#32383f;text-align:center}
.stat .num{font-size:20px;font-weight:700;line-height:1.2}
.stat .lbl{font-size:12px;color:#d0d7de}
.stat.sev-error .num{color:#ff8182}.stat.sev-warning .num{color:#eac54f}.stat.sev-info .num{color:#80ccff}
.toolbar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:8px 20px;padding:10px 24px;background:var(--bg);border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(31,35,40,.06)}
.fgroup{display:flex;align-items:center;gap:6px;flex-wrap:wrap}
.flabel{font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.6px;color:var(--muted);margin-right:2px}
.chip{display:inline-flex;align-items:center;gap:5px;padding:2px 10px 2px 6px;border:1px solid var(--line);border-radius:999px;background:var(--bg);cursor:pointer;user-select:none;font-size:13px}
.chip:has(input:not(:checked)){opacity:.5;background:var(--soft)}
.chip input{margin:0;accent-color:var(--accent)}
.chip .n{color:var(--muted);font-variant-numeric:tabular-nums}
.chip.sev-error{border-color:#ffcecb}.chip.sev-warning{border-color:#f5e0a0}.chip.sev-info{border-color:#b6e3ff}
main{padding:16px 24px 32px}
.banner{margin:0 0 12px;padding:8px 12px;border:1px solid var(--line);border-radius:6px;background:var(--bg)}
.banner.warn{border-color:#d4a72c;background:#fff8c5}
.banner ul{margin:4px 0 0;padding-left:20px}
details.findings{margin:0 0 18px;background:var(--bg);border:1px solid var(--line);border-radius:8px}
details.findings>summary{cursor:pointer;padding:8px 14px;font-weight:600}
.listwrap{max-height:272px;overflow:auto;border-top:1px solid var(--line)}
table.list thead th{position:sticky;top:0;z-index:1}
.empty{margin:0;padding:8px 14px;color:var(--muted)}
table.list{width:100%;border-collapse:collapse;font-size:13px}
table.list th{text-align:left;font-weight:600;color:var(--muted);padding:4px 14px;border-bottom:1px solid var(--line);background:var(--soft)}
table.list td{padding:4px 14px;border-bottom:1px solid #eaeef2;vertical-align:top}
table.list tr:last-child td{border-bottom:0}
table.list a{color:var(--info);text-decoration:none}
table.list a:hover{text-decoration:underline}
.mono,.path,.ln,code{font-family:ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,monospace}
.mono,.nowrap{white-space:nowrap}
.badge{display:inline-block;padding:0 6px;border-radius:4px;background:#eaeef2;color:#424a53;font:600 11px/18px ui-monospace,"DejaVu Sans Mono",monospace}
.sevtag{display:inline-block;min-width:58px;padding:0 6px;border-radius:4px;font-size:12px;font-weight:600;text-align:center}
.sevtag.sev-error{background:var(--err-bg);color:var(--err)}.sevtag.sev-warning{background:var(--warn-bg);color:var(--warn)}.sevtag.sev-info{background:var(--info-bg);color:var(--info)}
.group{margin-top:8px}
.group h2{font-size:16px;margin:0 0 8px}
.groupnote{color:var(--muted);margin:0 0 8px}
.tablewrap{background:var(--bg);border:1px solid var(--line);border-radius:8px;overflow:clip}
table.align{width:100%;border-collapse:separate;border-spacing:0;table-layout:fixed}
table.align col.c-rn{width:46px}
table.align thead th{position:sticky;top:var(--sticky,0px);z-index:2;background:var(--bg);text-align:left;vertical-align:bottom;padding:8px 10px;border-bottom:2px solid var(--line);font-weight:400}
table.align thead th.rn{color:var(--muted);text-align:center}
.lang{font-size:15px;font-weight:700}
.tag{display:inline-block;margin-left:4px;padding:0 5px;border-radius:4px;background:#fbefff;color:var(--accent);font-size:10px;font-weight:600;vertical-align:2px}
.path{font-size:11px;color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tallies{margin-top:2px}
.tally{display:inline-block;margin-right:4px;padding:0 6px;border-radius:999px;font-size:11px;font-weight:600}
.tally.sev-error{background:var(--err-bg);color:var(--err)}.tally.sev-warning{background:var(--warn-bg);color:var(--warn)}.tally.sev-info{background:var(--info-bg);color:var(--info)}
.tally.ok{color:#1a7f37;background:#dafbe1}
table.align tbody th.rn{vertical-align:top;text-align:center;padding:8px 4px;font-weight:400;font-size:12px;border-bottom:1px solid #eaeef2;background:var(--soft)}
table.align tbody th.rn a{color:var(--muted);text-decoration:none}
table.align tbody tr:target th.rn{background:#fbefff}
table.align tbody tr:target td{box-shadow:inset 0 2px 0 var(--accent),inset 0 -2px 0 var(--accent)}
td.cell{vertical-align:top;padding:6px 10px;border-bottom:1px solid #eaeef2;border-left:1px solid #eaeef2;overflow-wrap:anywhere}
td.cell[data-flag=error]{background:#fff5f4}td.cell[data-flag=warning]{background:#fffcea}td.cell[data-flag=info]{background:#f1f9ff}
td.cell.gap{background:repeating-linear-gradient(135deg,#f6f8fa 0 8px,#eef1f4 8px 16px)}
.gap-label{color:#8c959f;font-size:12px;font-style:italic}
.seg{display:flex;gap:8px;padding:2px 4px;margin:0 -4px;border-radius:4px}
.seg+.seg{margin-top:4px}
.seg .ln{flex:none;min-width:2.2em;color:#8c959f;font-size:11px;line-height:21px;text-align:end}
.seg .txt{flex:1;min-width:0}
.clamp .seg .txt{display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden;cursor:zoom-in}
.clamp .seg.open .txt{display:block;cursor:zoom-out}
.seg.k-code .txt,.seg.k-url .txt,.seg.k-image .txt{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12.5px;color:#424a53}
.seg[data-flag=error]{--c:var(--err);background:#ffd8d3}
.seg[data-flag=warning]{--c:#d4a72c;background:#fff1b3}
.seg[data-flag=info]{--c:var(--info);background:#cfeaff}
.seg[data-flag]{box-shadow:inset 3px 0 0 var(--c)}
[dir=rtl] .seg[data-flag]{box-shadow:inset -3px 0 0 var(--c)}
[dir=rtl] .txt{font-size:15px}
.note{margin-top:6px;padding:5px 8px;border-radius:6px;border:1px solid;font-size:12.5px;line-height:1.4}
.note.sev-error{border-color:#ffcecb;background:#fff;color:var(--fg);border-left:4px solid var(--err)}
.note.sev-warning{border-color:#f5e0a0;background:#fff;border-left:4px solid #d4a72c}
.note.sev-info{border-color:#b6e3ff;background:#fff;border-left:4px solid var(--info)}
.note .rule{font-weight:600}
.note .msg{margin-top:2px}
.note .at{margin-top:2px;color:var(--muted);font:11px ui-monospace,"DejaVu Sans Mono",monospace;direction:ltr;text-align:start;unicode-bidi:isolate}
.cont{margin-top:4px;font-size:11px}
.cont a{color:var(--muted);text-decoration:none}
.cont.sev-error a::before{content:"";display:inline-block;width:8px;height:8px;margin-inline-end:5px;border-radius:50%;background:var(--err)}
.cont.sev-warning a::before{content:"";display:inline-block;width:8px;height:8px;margin-inline-end:5px;border-radius:50%;background:#d4a72c}
.cont.sev-info a::before{content:"";display:inline-block;width:8px;height:8px;margin-inline-end:5px;border-radius:50%;background:var(--info)}
.unplaced{max-width:720px}
footer{display:flex;gap:12px;flex-wrap:wrap;align-items:center;padding:12px 24px 24px;color:var(--muted);font-size:12px}
footer .sig{padding:2px 6px;border-radius:4px;background:#eaeef2;color:#424a53;font-size:11px;overflow-wrap:anywhere}
"""

# Filters: a finding is shown when its severity, rule and language are all ticked; a
# cell or segment is coloured by its worst shown finding; unticked languages hide their
# column. Finding ids ("data-f") link everything to the findings list, which holds each
# finding's severity, rule and language once.
_JS = """
(function(){
var RANK={info:1,warning:2,error:3},NAME=['','info','warning','error'];
var meta={};
document.querySelectorAll('table.list tr.fx').forEach(function(tr){meta[tr.dataset.f]=tr.dataset;});
var boxes=[].slice.call(document.querySelectorAll('#filters input[data-filter]'));
var only=document.getElementById('only-flagged'),full=document.getElementById('full-text');
function apply(){
  var on={sev:{},rule:{},lang:{}};
  boxes.forEach(function(b){if(b.checked)on[b.dataset.filter][b.value]=1;});
  function shown(id){var m=meta[id];return !!m&&on.sev[m.sev]&&on.rule[m.rule]&&on.lang[m.lang];}
  function worst(el){var w=0;(el.dataset.f||'').split(' ').forEach(function(id){if(id&&shown(id))w=Math.max(w,RANK[meta[id].sev]);});return w;}
  document.querySelectorAll('.fx').forEach(function(el){el.hidden=!shown(el.dataset.f);});
  document.querySelectorAll('td.cell[data-f],.seg[data-f]').forEach(function(el){var w=worst(el);if(w)el.dataset.flag=NAME[w];else el.removeAttribute('data-flag');});
  var cls=[];boxes.forEach(function(b){if(b.dataset.filter==='lang'&&!b.checked)cls.push('hide-'+b.value);});
  document.body.className=cls.join(' ')+(full.checked?'':' clamp');
  document.querySelectorAll('table.align tbody tr').forEach(function(tr){
    var flagged=false;
    tr.querySelectorAll('td.cell[data-flag]').forEach(function(td){if(on.lang[td.dataset.col])flagged=true;});
    tr.hidden=only.checked&&!flagged;
  });
}
boxes.concat([only,full]).forEach(function(b){b.addEventListener('change',apply);});
// The table header sticks below the filter bar, whose height depends on the window.
function sticky(){document.documentElement.style.setProperty('--sticky',document.getElementById('filters').offsetHeight+'px');}
window.addEventListener('resize',sticky);sticky();
document.addEventListener('click',function(ev){var t=ev.target.closest&&ev.target.closest('.seg .txt');if(t&&!full.checked)t.parentNode.classList.toggle('open');});
apply();
})();
"""


FORMATTER = HtmlFormatter
