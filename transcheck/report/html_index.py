"""The index of the HTML review: what the report's script needs to list pages and
languages without opening a page. Data, not markup: a site of 38,000 pages in 39
languages is 1.5 million status cells, which as a table would weigh more than every
page together; as data it is a few bytes a page, and the script draws only the part of
the list in view.

``pages``: one entry a page, in group order: [name, page id, states, tallies]. The id
names the page's file, or its element in a one-file report. ``states`` has one letter
per language of ``languages``: s source, u up to date, o outdated, m missing, p present
(nothing known of its lag), "-" no document and none expected. ``tallies`` is a flat
list of counts, four numbers each: rule (index in ``rules``), severity (index in
``severities``), language (index in ``languages``), count.
"""

from __future__ import annotations

from collections import Counter

from transcheck.langdata import is_rtl, language_name
from transcheck.model import MISSING, OUTDATED, PRESENT, SOURCE, UP_TO_DATE, Report
from transcheck.report.summary import SEVERITIES

_STATE = {SOURCE: "s", UP_TO_DATE: "u", OUTDATED: "o", MISSING: "m", PRESENT: "p"}


def index(report: Report, page_ids: list[str], languages: list[str], coverage, directory: str | None) -> dict:
    """The index; ``directory`` is where the page files are, relative to the report
    ("report_files/"), or None when the pages are in the report itself."""
    source = report.settings.source
    position = {lang: i for i, lang in enumerate(languages)}
    names = {r.code: r.name for r in report.rules}
    per_rule: Counter = Counter()
    pages = []
    for group, page_id in zip(report.groups, page_ids):
        per_rule.update(f.code for f in group.findings)
        for f in group.findings:
            names.setdefault(f.code, f.rule)
        states = ["-"] * len(languages)
        for d in group.documents:
            states[position[d.language]] = "p"
        for s in group.status:
            if s.language in position:
                states[position[s.language]] = _STATE[s.state]
        pages.append([group.group, page_id, "".join(states), _tallies(group.findings, position)])
    rules = sorted(per_rule)  # a rule without findings has nothing to show or filter
    rule_at = {code: i for i, code in enumerate(rules)}
    for entry in pages:
        entry[3] = [rule_at[v] if i % 4 == 0 else v for i, v in enumerate(entry[3])]
    have = {lang: (n, of) for lang, n, of in coverage}
    return {
        "source": source if source in position else None,
        "severities": [s.value for s in SEVERITIES],
        "rules": [[code, names[code], per_rule[code]] for code in rules],
        "languages": [
            {"code": lang, "name": language_name(lang) or lang, "rtl": is_rtl(lang), "pages": list(have.get(lang, (0, 0)))}
            for lang in languages
        ],
        "directory": directory,
        "pages": pages,
    }


def _tallies(findings, position: dict[str, int]) -> list:
    # Rules by code here; ``index`` turns codes into positions once every rule is known.
    severity = {s: i for i, s in enumerate(SEVERITIES)}
    counts = Counter((f.code, severity[f.severity], position.get(f.language, -1)) for f in findings)
    out: list = []
    for (code, sev, lang), n in sorted(counts.items()):
        if lang >= 0:
            out += [code, sev, lang, n]
    return out
