"""The index of the HTML report for a tree: one row per page (group) with each
language's status and the page's counts, linking to the page's side-by-side table
further down the same file, and a closing row of pages present per language.

The review stays one self-contained file: it is the one thing a reviewer can attach to
a pull request, keep as a CI artifact or send, and open from a download with no server;
links between the files of a folder break as soon as one file is shared alone. The
index links to each page's table by its anchor (``#g1``, ``#g2``…), the order the
tables are written in.
"""

from __future__ import annotations

from html import escape

from transcheck.report.escape import printable
from transcheck.model import MISSING, OUTDATED, PRESENT, SOURCE, UP_TO_DATE, Report
from transcheck.report.summary import SEVERITIES, by_severity, status_text

_MARK = {SOURCE: "source", UP_TO_DATE: "✓", OUTDATED: "outdated", MISSING: "missing", PRESENT: "✓"}


def _e(text: object) -> str:
    return escape(printable(str(text)), quote=True)


def wanted(report: Report) -> bool:
    """An index for a tree, or for a page whose translations are behind; a single page
    whose status says nothing new is its own table."""
    return len(report.groups) > 1 or any(
        s.state in (OUTDATED, MISSING) for g in report.groups for s in g.status
    )


def index(report: Report, languages: list[str], coverage) -> list[str]:
    source = report.settings.source
    langs = sorted(languages, key=lambda lang: (lang != source, lang))
    pages = {lang: (have, of) for lang, have, of in coverage}
    out = [f'<details class="pages" open><summary>Pages <span class="sub">{len(report.groups)}</span></summary>']
    out.append('<div class="listwrap"><table class="list index"><thead><tr><th>Page</th>')
    out += [f'<th data-col="{_e(lang)}">{_e(lang)}</th>' for lang in langs]
    out += [f'<th class="num">{s.value}</th>' for s in SEVERITIES]
    out.append("</tr></thead><tbody>")
    for gi, group in enumerate(report.groups, start=1):
        status = {s.language: s for s in group.status}
        counts = by_severity(group.findings)
        cells = []
        for lang in langs:
            s = status.get(lang)
            if s is None:
                cells.append(f'<td data-col="{_e(lang)}"></td>')
                continue
            mark = f"{_MARK[s.state]} {s.segments}" if s.state == OUTDATED else _MARK[s.state]
            cells.append(
                f'<td data-col="{_e(lang)}" class="st st-{s.state.replace(" ", "-")}" '
                f'title="{_e(lang)}: {_e(status_text(s))}">{_e(mark)}</td>'
            )
        tallies = "".join(
            f'<td class="num">{f"""<span class="tally sev-{s.value}">{counts[s]}</span>""" if counts[s] else ""}</td>'
            for s in SEVERITIES
        )
        out.append(f'<tr><td class="mono"><a href="#g{gi}">{_e(group.group)}</a></td>{"".join(cells)}{tallies}</tr>')
    out.append('</tbody><tfoot><tr><th scope="row">pages</th>')
    for lang in langs:
        have, of = pages.get(lang, (0, 0))
        out.append(f'<td data-col="{_e(lang)}">{have}/{of}</td>')
    out.append(f'<td colspan="{len(SEVERITIES)}"></td></tr></tfoot></table></div></details>')
    return out
