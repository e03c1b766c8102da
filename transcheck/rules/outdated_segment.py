"""A translated paragraph whose source changed after the translation was last updated.

What it catches:
    With ``--source`` in a git work tree: each translated paragraph follows the source
    as it was when a commit last translated it. A commit that changed the paragraph only
    mechanically (markup, a link target, code or a number, the same words the commit
    changed in the source, such as a product renamed everywhere, or a commit whose
    message carries a skip marker such as ``[i18n skip]``) did not translate it; one
    that rewrote most of the page translated all of it. That source paragraph and
    today's are compared, and a translated paragraph whose source paragraph was since
    edited gets a finding quoting the words that changed (or, when only a link target
    or inline code changed, those); a rewritten one is "changed" too, and only one whose
    source paragraph is gone is "removed". A paragraph that already carries every link
    target, code span, number and name an edit put in (and none it took out, link
    targets compared with their language directory made one) is up to date for that
    edit, and so is one that replaced Latin words it keeps as written the way the
    source did ("srting 类型" as "string 类型" for "srting" as "string"), and a code
    block nearer today's source than the old one. An edit of at
    most two words each way, none a number or a name, is info: most are fixes of the
    source's grammar that a translation need not follow; a word put back in another
    form of itself ("commands" as "command", by the source language's stemmer) does
    not count. When the source changed most
    of the page (at least ten paragraphs and half of the translation), one finding
    spans the page instead; on a pull request it is the change's only when the change
    edited one of those source paragraphs (a fix of one translated paragraph is no
    promise to bring the page up to date).

Why it matters:
    Most divergence in a documentation tree is lag, not mistranslation: the source moved
    on and the translation did not. The finding tells the translator which paragraph to
    update and what changed, instead of a vague "missing" or "different" elsewhere.

Example:
    ``docs/en/index.md`` reworded "Install with pip." as "Install with pip or uv." after
    the last commit to ``docs/fr/index.md``: a warning on the French paragraph, quoting
    both versions of the English.

What it does not catch:
    Lag outside git, or in a shallow clone whose history stops before a paragraph's
    translation (said once). A change of wording that the translation already follows
    without having been edited since (nothing shows it). Source edits that only reflow
    or recase text are not changes.
"""

from __future__ import annotations

from dataclasses import replace

from transcheck.model import Category, Location, Severity, Strength
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet


def check(view: GroupView, options: NoOptions):
    for lang, lag in sorted(view.lag.items()):
        doc = view.documents[lang]
        stale = [c for c in lag.changes if c.kind in ("edited", "removed")]
        # A page the source rewrote: one finding for it says more than one per paragraph.
        if lag.rewritten(len(doc.segments)):
            # The source paragraphs that changed: a pull request is judged on them.
            related = [Location(view.documents[view.source].path, c.source_line, c.source_end_line)
                       for c in stale if c.kind == "edited"] if view.source else []
            yield RULE.finding(
                doc, stale[0].line, stale[-1].end_line,
                f"outdated page: the source changed {len(stale)} of the {len(doc.segments)} paragraphs "
                f"translated here since {lag.since_sha} ({lag.since_date}); retranslate it from the source",
                related=related, key=f"page:{lag.since_sha}",
            )
            continue
        for change in stale:
            if change.kind == "edited" and change.detail != "text":
                message = (f"outdated: the source paragraph changed its {change.detail} since "
                           f"{change.since_sha} ({change.since_date}): was “{snippet(change.old)}”, "
                           f"now “{snippet(change.new)}”")
            elif change.kind == "edited":
                old, new = changed_words(change.old, change.new)
                message = (f"outdated: the source paragraph changed since {change.since_sha} "
                           f"({change.since_date}): was “{old}”, now “{new}”")
            else:
                message = (f"outdated: the source removed this paragraph since {change.since_sha} "
                           f"({change.since_date}): “{snippet(change.old)}”")
            related = []
            if change.kind == "edited" and view.source:
                src = view.documents[view.source]
                related = [Location(src.path, change.source_line, change.source_end_line)]
            finding = RULE.finding(doc, change.line, change.end_line, message, related=related,
                                   key=f"{change.kind}:{change.old}")
            # A few words of the source reworded (grammar, a typo): a translation seldom
            # has to follow, so it is told one level lower.
            yield replace(finding, strength=Strength.REDUCED) if change.minor else finding


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
