"""One page (group) of the HTML review: a header cell per language, one row per aligned
row holding every language's cell, each finding on the cell and segments it covers,
and the page's list of findings.

The page holds every language; the report's script shows two of them side by side (the
reference and the language under review) and the rest of a row on demand. Rows and
findings are numbered within the page (``r1``…, ``1``…): the same page gives the same
bytes wherever it sits in a run, so its file can be named by its content.

Every text from the checked files is HTML-escaped here, and nothing in a page can end
the ``<script type="text/html">`` element that carries it in a one-file report (no
"</script", no "<!--": document text never reaches the page unescaped).
"""

from __future__ import annotations

import re
from html import escape

from transcheck.langdata import is_rtl, language_name
from transcheck.model import MISSING, OUTDATED, Finding, GroupResult, Kind, Report, Row, Severity, finding_order
from transcheck.report.common import span
from transcheck.report.escape import printable
from transcheck.report.html_placement import Placement
from transcheck.report.summary import SEVERITIES, alone, by_severity, plural, status_text

# Segments shown in a monospace font: what is not running text.
_MONO = (Kind.CODE, Kind.URL, Kind.IMAGE)
_QUOTED = re.compile(r"“([^“”]*)”")


def e(text: object) -> str:
    return escape(printable(str(text)), quote=True)


def message(text: str) -> str:
    """A finding message, escaped, with each “quoted” excerpt isolated as <bdi>: an
    Arabic excerpt in an English sentence would otherwise pull the quotation marks
    and the words around it into its right-to-left run."""
    return _QUOTED.sub(lambda m: f"“<bdi>{m.group(1)}</bdi>”", e(text))


def languages(group: GroupResult, source: str | None) -> list[str]:
    """The page's languages: the source first, then by code."""
    return sorted((d.language for d in group.documents), key=lambda lang: (lang != source, lang))


def page(group: GroupResult, report: Report) -> str:
    """The page's HTML: a fragment the report's script puts in place when it is opened."""
    mine = list(enumerate(sorted(group.findings, key=finding_order), start=1))
    findings = dict(mine)
    place = Placement(group, mine)
    source = report.settings.source
    langs = languages(group, source)
    docs = {d.language: d for d in group.documents}
    out = [f'<section class="page" data-langs="{e(" ".join(langs))}">']
    out.append(
        f'<h2><bdi class="name">{e(group.group)}</bdi> <span class="sub">{plural(len(langs), "document")} · '
        f'{plural(len(group.rows), "aligned row")}</span></h2>'
    )
    out += [f'<p class="groupnote">{e(note)}</p>' for note in alone([group])]
    behind = [s for s in group.status if s.state in (OUTDATED, MISSING)]
    if behind:
        out.append(f'<p class="groupnote">{e("; ".join(f"{s.language} {status_text(s)}" for s in behind))}</p>')
    out.append('<div class="grid">')
    out.append(_header(group, langs, source, findings))
    for r, row in enumerate(group.rows):
        out.append(_row(r, row, langs, docs, place, findings))
    out.append("</div>")
    if place.unplaced:
        out.append('<p class="groupnote">Findings not on an aligned row:</p><div class="unplaced">')
        out += [_note(fid, findings[fid]) for fid in place.unplaced]
        out.append("</div>")
    out += _findings_list(mine, place)
    out.append("</section>")
    return "\n".join(out)


def _header(group: GroupResult, langs: list[str], source: str | None, findings: dict[int, Finding]) -> str:
    docs = {d.language: d for d in group.documents}
    status = {s.language: s for s in group.status}
    counts: dict[str, dict[Severity, int]] = {lang: by_severity([]) for lang in langs}
    for f in findings.values():
        if f.language in counts and f.path == docs[f.language].path:
            counts[f.language][f.severity] += 1
    cells = []
    for lang in langs:
        c = counts[lang]
        tally = " ".join(f'<span class="tally sev-{s.value}">{c[s]}</span>' for s in SEVERITIES if c[s]) or (
            '<span class="tally ok">no findings</span>'
        )
        tags = ['<span class="tag">source</span>'] if lang == source else []
        if is_rtl(lang):
            tags.append('<span class="tag">RTL</span>')
        state = status.get(lang)
        if state is not None and state.state in (OUTDATED, MISSING):
            tags.append(f'<span class="tag st-{state.state}">{e(status_text(state))}</span>')
        cells.append(
            f'<div class="c h" data-l="{e(lang)}"><div class="lang">{e(lang)} '
            f'<span class="sub">{e(language_name(lang) or lang)}</span> {"".join(tags)}</div>'
            f'<div class="path"><bdi>{e(docs[lang].path)}</bdi></div><div class="tallies">{tally}</div></div>'
        )
    return f'<div class="row head"><div class="rn">#</div>{"".join(cells)}</div>'


def _ids(ids: list[int]) -> str:
    return " ".join(map(str, ids))


def _worst(ids: list[int], findings: dict[int, Finding]) -> str:
    return max((findings[i].severity for i in ids), key=lambda s: s.rank).value


def _row(r: int, row: Row, langs: list[str], docs: dict, place: Placement, findings: dict[int, Finding]) -> str:
    ids = [fid for lang in langs for fid in place.starts.get((r, lang), []) + place.continues.get((r, lang), [])]
    attrs = f' data-f="{_ids(ids)}"' if ids else ""
    cells = "".join(_cell(r, row, lang, docs[lang], place, findings) for lang in langs)
    return (
        f'<div class="row" id="r{r + 1}"{attrs}><div class="rn"><a href="#r={r + 1}">{r + 1}</a>'
        f'<button type="button" class="more" title="every language of this row" aria-expanded="false">⋯</button>'
        f"</div>{cells}</div>"
    )


def _cell(r: int, row: Row, lang: str, doc, place: Placement, findings: dict[int, Finding]) -> str:
    starts = place.starts.get((r, lang), [])
    conts = place.continues.get((r, lang), [])
    every = starts + conts
    idx = row.cells.get(lang, ())
    attrs = f'class="c{"" if idx else " gap"}" data-l="{e(lang)}" lang="{e(lang)}"'
    if is_rtl(lang):
        attrs += ' dir="rtl"'
    if every:
        attrs += f' data-f="{_ids(every)}" data-flag="{_worst(every, findings)}"'
    parts = [f"<div {attrs}>"]
    for i in idx:
        seg = doc.segments[i]
        hits = place.segment_hits.get((lang, i), [])
        hit = f' data-f="{_ids(hits)}" data-flag="{_worst(hits, findings)}"' if hits else ""
        mono = " m" if seg.kind in _MONO else ""
        # Inline code is taken out of the text rules judge; shown after it, it is still there to review.
        code = "".join(f' <code dir="ltr">{e(c)}</code>' for c in seg.code)
        parts.append(f'<p class="s{mono}" data-n="{span(seg.line, seg.end_line)}"{hit}>{e(seg.text)}{code}</p>')
    parts += [_note(fid, findings[fid]) for fid in starts]
    parts += [_continued(fid, findings[fid]) for fid in conts]
    parts.append("</div>")
    return "".join(parts)


def _note(fid: int, f: Finding) -> str:
    return (
        f'<div class="note fx sev-{f.severity.value}" data-f="{fid}" dir="ltr" lang="en">'
        f'<span class="badge">{e(f.code)}</span> <span class="rule">{e(f.rule)}</span>'
        f'<div class="msg">{message(f.message)}</div>'
        f'<div class="at"><bdi>{e(f.path)}</bdi>:{span(f.line, f.end_line)}</div></div>'
    )


def _continued(fid: int, f: Finding) -> str:
    return (
        f'<div class="cont fx sev-{f.severity.value}" data-f="{fid}" dir="ltr" lang="en">'
        f"{e(f.code)} {e(f.rule)}, continued</div>"
    )


def _findings_list(mine: list[tuple[int, Finding]], place: Placement) -> list[str]:
    out = [f'<details class="findings" open><summary>Findings on this page <span class="sub">{len(mine)}</span></summary>']
    if not mine:
        out.append('<p class="empty">Nothing to report.</p></details>')
        return out
    out.append(
        '<div class="listwrap"><table class="list"><thead><tr><th>Severity</th><th>Location</th><th>Rule</th>'
        "<th>Message</th></tr></thead><tbody>"
    )
    for fid, f in mine:
        row = place.anchor.get(fid)
        loc = f"<bdi>{e(f.path)}</bdi>:{span(f.line, f.end_line)}"
        if row is not None:
            loc = f'<a href="#r={row + 1}">{loc}</a>'
        out.append(
            f'<tr class="fx" data-f="{fid}" data-sev="{f.severity.value}" data-rule="{e(f.code)}" data-lang="{e(f.language)}">'
            f'<td><span class="sevtag sev-{f.severity.value}">{f.severity.value}</span></td>'
            f'<td class="mono">{loc}</td><td class="nowrap"><span class="badge">{e(f.code)}</span> {e(f.rule)}</td>'
            f"<td>{message(f.message)}</td></tr>"
        )
    out.append("</tbody></table></div></details>")
    return out
