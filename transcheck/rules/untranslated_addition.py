"""Source text added after the translation was last updated, not translated yet.

What it catches:
    With ``--source`` in a git work tree: source segments that did not exist when the
    translation was last brought up to date (see outdated-segment for how that revision
    is found). One finding per added run of source segments, at the place in the
    translation where they belong, quoting the new source text.

Why it matters:
    A translation that merely lags is not one where the translator dropped a paragraph.
    Telling the two apart gives lag its own, lower severity, and missing-segment keeps
    its error for omissions present in the source the translation was made from.

Example:
    A new section "Upgrading" of three paragraphs was added to ``docs/en/install.md``
    after ``docs/ja/install.md`` was last updated: one info finding in the Japanese
    file, at the line where the section belongs, quoting its first words and counting
    the three paragraphs.

What it does not catch:
    Additions the translation already carries (today's alignment gives them a
    translated paragraph); lag outside git or beyond the history of a shallow clone.
"""

from __future__ import annotations

from transcheck.model import Category, Location, Severity
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet


def check(view: GroupView, options: NoOptions):
    source = view.source
    for lang, lag in sorted(view.lag.items()):
        doc = view.documents[lang]
        for change in lag.changes:
            if change.kind != "added":
                continue
            count = f"{change.count} source segments" if change.count > 1 else "a source segment"
            related = []
            if source:
                src = view.documents[source]
                related = [Location(src.path, change.source_line, change.source_end_line)]
            yield RULE.finding(
                doc, change.line, change.line,
                f"not yet translated: {count} added since {change.since_sha} ({change.since_date}): "
                f"“{snippet(change.new)}”",
                related=related,
                key=f"added:{change.new}",
            )


RULE = Rule(
    code="TC305",
    name="not-yet-translated",
    category=Category.ALIGNMENT,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
    lag=True,
)
