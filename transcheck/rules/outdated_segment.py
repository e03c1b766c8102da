"""A translated paragraph whose source changed after the translation was last updated.

What it catches:
    With ``--source`` in a git work tree: the source as it was when the translation was
    last brought up to date (its last commit, not counting commits whose message carries
    a skip marker such as ``[i18n skip]``) is compared with the source now, segment by
    segment, and the translation is aligned to the source of then. Each translated
    paragraph whose source paragraph was since edited gets a finding quoting the old and
    the new source text; one whose source paragraph was removed gets a finding saying so.
    When the source changed most of the page (at least ten paragraphs and half of the
    translation), one finding spans the page instead of one per paragraph.

Why it matters:
    Most divergence in a documentation tree is lag, not mistranslation: the source moved
    on and the translation did not. The finding tells the translator which paragraph to
    update and what changed, instead of a vague "missing" or "different" elsewhere.

Example:
    ``docs/en/index.md`` reworded "Install with pip." as "Install with pip or uv." after
    the last commit to ``docs/fr/index.md``: a warning on the French paragraph, quoting
    both versions of the English.

What it does not catch:
    Lag outside git, in a shallow clone whose history stops before the translation's last
    update (said once), or when the translation's last commit changed it without
    following the source (a commit that touches the file counts as an update). Source
    edits that only reflow or recase text are not changes.
"""

from __future__ import annotations

from transcheck.model import Category, Location, Severity
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet


# From this many outdated paragraphs, and half the page, the page was rewritten: one
# finding for the page says more than a finding on every paragraph.
REWRITE_MIN = 10
REWRITE_SHARE = 0.5


def check(view: GroupView, options: NoOptions):
    for lang, lag in sorted(view.lag.items()):
        doc = view.documents[lang]
        stale = [c for c in lag.changes if c.kind in ("edited", "removed")]
        if len(stale) >= REWRITE_MIN and len(stale) >= REWRITE_SHARE * len(doc.segments):
            yield RULE.finding(
                doc, stale[0].line, stale[-1].end_line,
                f"outdated page: the source changed {len(stale)} of the {len(doc.segments)} paragraphs "
                f"translated here since {lag.since_sha} ({lag.since_date}); retranslate it from the source",
                key=f"page:{lag.since_sha}",
            )
            continue
        for change in stale:
            if change.kind == "edited":
                old, new = changed_words(change.old, change.new)
                message = (f"outdated: the source paragraph changed since {lag.since_sha} "
                           f"({lag.since_date}): was “{old}”, now “{new}”")
            else:
                message = (f"outdated: the source removed this paragraph since {lag.since_sha} "
                           f"({lag.since_date}): “{snippet(change.old)}”")
            related = []
            if change.kind == "edited" and view.source:
                src = view.documents[view.source]
                related = [Location(src.path, change.source_line, change.source_end_line)]
            yield RULE.finding(doc, change.line, change.end_line, message, related=related,
                               key=f"{change.kind}:{change.old}")


def changed_words(old: str, new: str, context: int = 3, width: int = 70) -> tuple[str, str]:
    """The part of each version that differs, with a few words of context on each side,
    so a long paragraph's one-word edit is visible in the message."""
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    lo = max(0, start - context)

    def excerpt(words: list[str]) -> str:
        hi = min(len(words), len(words) - end + context)
        text = " ".join(words[lo:hi])
        text = ("…" if lo else "") + snippet(text, width) + ("…" if hi < len(words) and not text.endswith("…")
                                                                else "")
        return text

    return excerpt(a), excerpt(b)


RULE = Rule(
    code="TC304",
    name="outdated-segment",
    category=Category.ALIGNMENT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
    lag=True,
)
