"""The terminal report, readable at a thousand findings: grouped by page (the group of
translations of one document), then by file, one aligned line per finding (line,
severity, code, rule, message); then closing tables of counts by rule and by language,
with each language's page coverage. Colour only on a terminal (the command line turns
it off for files, pipes and ``NO_COLOR``).

Text from the documents and the user's paths is never parsed as markup, and every piece
of a line passes through ``escape.terminal`` (control characters, escape sequences and
bidirectional overrides made visible, no CI logging command) before it is styled (with
rich's ``Style``, to ANSI codes), only on a terminal.
Lines are joined directly rather than laid out by a rich ``Console``, which costs a
millisecond a line: a report of thousands of findings stays instant.

On a terminal a finding's message wraps under itself to fit
the width, and a list of four or more of the page's languages is said as a count
("16 of 29 languages", ``report.peers``); the JSON report keeps every name.
"""

from __future__ import annotations

import io
from itertools import groupby

from transcheck.langid.names import language_name
from transcheck.model import MISSING, OUTDATED, Report, Severity, finding_order
from transcheck.report.base import Formatter
from transcheck.report.common import span
from transcheck.report.escape import terminal
from transcheck.report.peers import shorten_peers
from transcheck.report.summary import SEVERITIES, plural, status_text, summarise

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class Text:
    """One line in styled pieces (the few methods of rich's ``Text`` this report uses)."""

    def __init__(self, text: str = "", style: str = ""):
        self.parts: list[tuple[str, str]] = []
        if text:
            self.append(text, style)

    def append(self, text: str, style: str = "") -> None:
        self.parts.append((text, style))


class _Console:
    """Collects lines, each piece made safe for a terminal (``escape.terminal``: the one
    place this report escapes); styles become ANSI codes only with ``color``."""

    def __init__(self, color: bool):
        self.color = color
        self.out = io.StringIO()
        self._styles: dict[str, object] = {}

    def print(self, line: Text | None = None, soft_wrap: bool = True) -> None:
        if line is not None:
            for text, style in line.parts:
                text = terminal(text)
                self.out.write(self._styled(text, style) if self.color and style else text)
        self.out.write("\n")

    def _styled(self, text: str, style: str) -> str:
        from rich.color import ColorSystem

        rendered = self._styles.get(style)
        if rendered is None:
            from rich.style import Style

            rendered = self._styles[style] = Style.parse(style)
        return rendered.render(text, color_system=ColorSystem.STANDARD)

    def getvalue(self) -> str:
        return self.out.getvalue()


def _render(report: Report, color: bool = False, columns: int | None = None) -> str:
    console = _Console(color)
    summary = summarise(report)
    findings = summary.findings
    width = max((len(span(f.line, f.end_line)) for f in findings), default=1)
    rule_width = max((len(f.rule) for f in findings), default=1)
    langs = {d.path: d.language for d in report.documents}
    for group in report.groups:
        if not group.findings:
            continue
        console.print(Text(group.group, style="bold"), soft_wrap=True)
        lagging = [s for s in group.status if s.state in (OUTDATED, MISSING)]
        if lagging:
            said = "; ".join(f"{s.language} {status_text(s)}" for s in lagging)
            console.print(Text(f"  {said}", style="dim"), soft_wrap=True)
        languages = {d.language for d in group.documents}
        for path, items in groupby(sorted(group.findings, key=finding_order), key=lambda f: f.path):
            lang = langs.get(path, "?")
            head = Text("  ")
            head.append(path, style="underline")
            head.append(f"  {language_name(lang)} ({lang})", style="dim")
            console.print(head, soft_wrap=True)
            for f in items:
                line = Text("    ")
                line.append(f"{span(f.line, f.end_line):>{width}}", style="bold")
                line.append("  ")
                line.append(f"{f.severity.value:<7}", style=_STYLE[f.severity])
                line.append("  ")
                line.append(f.code, style="dim")
                line.append("  ")
                line.append(f"{f.rule:<{rule_width}}", style="magenta")
                line.append("  ")
                indent = sum(len(text) for text, _ in line.parts)
                message = shorten_peers(f.message, languages, f.language)
                first, *more = _wrapped(message, indent, columns)
                line.append(first)
                console.print(line, soft_wrap=True)
                for rest in more:
                    console.print(Text(rest), soft_wrap=True)
        console.print()
    for note in summary.notes:
        console.print(Text(f"note: {note}", style="dim"), soft_wrap=True)
    if report.changed is not None:
        _print_changes(console, report)
    if findings or len(summary.coverage) > 1:
        _closing_tables(console, report, summary)
    counts = summary.counts
    tail = Text(
        f"{plural(summary.documents, 'document')}, {plural(summary.segments, 'segment')}, "
        f"{plural(summary.groups, 'group')}: "
    )
    tail.append(plural(counts[Severity.ERROR], "error"), style=_STYLE[Severity.ERROR] if counts[Severity.ERROR] else "")
    tail.append(f", {plural(counts[Severity.WARNING], 'warning')}, {counts[Severity.INFO]} info")
    for item in summary.set_aside:  # suppressed, in the baseline, inside repeated blocks
        tail.append(f", {item}")
    if report.changed is not None and report.out_of_scope:
        tail.append(f", {report.out_of_scope} not introduced since {report.changed_since}")
    console.print(tail, soft_wrap=True)
    return console.getvalue()


def _wrapped(message: str, indent: int, columns: int | None) -> list[str]:
    """The message in lines that fit ``columns`` after ``indent`` characters; the lines
    after the first carry their indent. One line when there is no width to fit."""
    if not columns:
        return [message]
    import textwrap

    options = {"break_on_hyphens": False, "break_long_words": False}
    lines = textwrap.wrap(message, width=max(20, columns - indent), **options)
    if len(lines) <= 1:
        return [message]
    hang = indent if columns - indent >= 40 else 6  # a narrow terminal: wrap further left
    rest = textwrap.wrap(" ".join(lines[1:]), width=max(20, columns - hang), **options)
    return [lines[0]] + [" " * hang + line for line in rest]


def terminal_columns() -> int | None:
    """The terminal's width when standard output is one (``COLUMNS`` overrides it
    there), else None: a file or a pipe gets whole lines, the same on every machine."""
    import shutil
    import sys

    try:
        if sys.stdout.isatty():
            return shutil.get_terminal_size().columns
    except (OSError, ValueError, AttributeError):
        pass
    return None


def _closing_tables(console, report: Report, summary) -> None:
    """Counts by rule, then by language with its pages present of those expected."""

    names = {r.code: r.name for r in report.rules}
    by_rule: dict[str, dict[Severity, int]] = {}
    by_lang: dict[str, dict[Severity, int]] = {lang: dict.fromkeys(SEVERITIES, 0) for lang in summary.languages}
    for f in summary.findings:
        names.setdefault(f.code, f.rule)
        by_rule.setdefault(f.code, dict.fromkeys(SEVERITIES, 0))[f.severity] += 1
        by_lang.setdefault(f.language, dict.fromkeys(SEVERITIES, 0))[f.severity] += 1
    heads = [s.value for s in SEVERITIES]
    if by_rule:
        rows = [[code, names[code]] + [_n(c[s]) for s in SEVERITIES] for code, c in sorted(by_rule.items())]
        _table(console, ["rule", ""] + heads, rows, numeric=2)
    pages = {lang: (have, of) for lang, have, of in summary.coverage}
    keys = {lang: (done, of, fuzzy) for lang, done, of, fuzzy in summary.keys}
    rows = []
    for lang, c in sorted(by_lang.items()):
        have, of = pages.get(lang, (0, 0))
        row = [lang, language_name(lang)] + [_n(c[s]) for s in SEVERITIES] + [f"{have}/{of}"]
        if keys:  # a resource tree: how much of the source each language translates
            done, total, fuzzy = keys.get(lang, (0, 0, 0))
            row.append(f"{done}/{total}" + (f" ({fuzzy} fuzzy)" if fuzzy else "") if total else "")
        rows.append(row)
    _table(console, ["language", ""] + heads + ["pages"] + (["keys"] if keys else []), rows, numeric=2)


def _n(count: int) -> str:
    return str(count) if count else "·"


def _table(console, head: list[str], rows: list[list[str]], numeric: int) -> None:
    """A plain aligned table: columns from ``numeric`` on are right-aligned."""
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]

    def cells(values: list[str]) -> str:
        return "  ".join(
            (v.rjust(w) if i >= numeric else v.ljust(w)) for i, (v, w) in enumerate(zip(values, widths))
        ).rstrip()

    console.print(Text(cells(head), style="bold"), soft_wrap=True)
    for r in rows:
        console.print(Text(cells(r)), soft_wrap=True)
    console.print()


def _print_changes(console, report: Report) -> None:
    """--changed-since: each changed segment and how much it changed (chrF to the old)."""
    changed = report.changed
    console.print(Text(f"changed since {report.changed_since}: {plural(len(changed), 'segment')}", style="bold"))
    for c in changed:
        where = f"{c.path}:{c.line}" + (f"-{c.end_line}" if c.end_line != c.line else "")
        how = (f"modified, chrF {c.chrf:.1f} to the previous version" if c.chrf is not None
               else c.status)
        console.print(Text(f"  {where}  {how}"), soft_wrap=True)
    console.print()


class TextFormatter(Formatter):
    def render(self, report: Report) -> str:
        # A report written to a file is the same on every machine: no width to fit.
        return _render(report, self.color, terminal_columns() if self.path is None else None)


FORMATTER = TextFormatter
