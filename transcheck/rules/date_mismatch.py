"""A day of the week or a month that one translation gives as another.

What it catches:
    In each aligned row, the days and months every translation names, read in its own
    language from CLDR's names (declined, with a particle or a clitic: "в субботу",
    "토요일에", "يوم السبت", "בשבת", "周六", "Ocak'ta"). A translation is reported when
    the source (or a clear majority of at least three documents) names a day or month
    it lacks, and it names in its place another day or month of the same kind that none
    of them names (and a third of the documents at most): "Saturday" as "неділя"
    (Sunday), "January" as "Februar".
    A name the translation's document also uses in rows where no other document names
    it is a word, not a date (Russian "среди", "among", reads as Wednesday's "среда"),
    and is left out.

    Severity: a *warning*. On the real-text corpus (WMT24++, 15 languages; ``python
    bench/meaning.py``) the rule reports the four days a reviewer found changed
    (Saturday as Sunday in Ukrainian, Swedish and Korean, Sunday as Saturday in
    Korean) and nothing else, with and without the source; on NTREX-128 news (30
    languages; ``python bench/ntrex.py``) 24 findings, all a day or month changed
    ("late March" as "τέλη Μαΐου", "Sunday" as "samedi"; a few Japanese and Korean ones
    may be days moved to Asian time, which a reviewer should see too).

Why it matters:
    A day or a month changed moves an event: readers come on the wrong day. It reads
    as fluent text, and a reviewer who does not read every language misses it.

Example:
    de, en, es, fr and it say the flight is on Saturday; ``uk.txt`` says "в неділю":
    "“Saturday” is “Sunday” here (de, en, es, fr, it name Saturday)".

What it does not catch:
    A day or month dropped or rewritten ("the weekend", "next week", 12月 for December
    where the others write the name: a number is TC401's), a date written in digits
    only, a day of the month changed (TC401), names in a language CLDR's calendar names
    do not cover, and a day or month every translation but one leaves out. A
    translator's credit dated later than the others, with a link of its own, carries
    the translation's date, not the original's changed (as in TC401).
"""

from __future__ import annotations

from collections import Counter

from transcheck.model import Category, Severity
from transcheck.rules import _consensus as consensus
from transcheck.rules._calendar import english, named
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.rules.entity_mismatch import anchor_text
from transcheck.text import normalise


def check(view: GroupView, options: NoOptions):
    table = _named(view)
    for r, row in enumerate(view.rows):
        voters = consensus.voting_languages(view, row)
        if len(voters) < 2:
            continue
        cells = {lang: table[(r, lang)] for lang in voters}
        items = sorted(set().union(*cells.values()))
        changed: dict[str, list[tuple[tuple, tuple, tuple[str, ...]]]] = {}
        for item in items:
            votes = {lang: cells[lang][item] > 0 for lang in voters}
            for dev in consensus.deviations(view, votes, confirm=True):
                if dev.value or not dev.expected:
                    continue  # only a name the reference has and this one lacks
                lang = dev.language
                # Another name no document that keeps this one has, and a third of
                # them at most: two translations may make one slip (a shared draft).
                others = [o for o in voters if o != lang]
                instead = [b for b in cells[lang] if b[0] == item[0] and b != item
                           and not any(cells[o][b] for o in dev.agree)
                           and 3 * sum(cells[o][b] > 0 for o in others) <= len(voters)
                           and not _a_word(view, table, lang, b)]
                if instead:
                    changed.setdefault(lang, []).append((item, instead[0], dev.agree))
        for lang, pairs in sorted(changed.items()):
            if consensus.displaced(view, r, lang) or consensus.own_byline(view, row, lang):
                continue
            holders = sorted({x for *_, agree in pairs for x in agree})
            shown = "; ".join(f"“{english(*a)}” is “{english(*b)}” here" for a, b, _ in pairs)
            names = ", ".join(english(*a) for a, _, _ in pairs)
            yield RULE.at_cell(
                view,
                row,
                lang,
                f"{shown} ({consensus.names(holders, 'name')} {names})",
                related=consensus.related(view, row, holders),
                key="date:" + ",".join(f"{a[0]}{a[1]}" for a, _, _ in pairs) + ":"
                + normalise(anchor_text(view, row, lang))[:80],
            )


def _named(view: GroupView) -> dict[tuple[int, str], Counter]:
    """Per row and language, the days and months its cell names."""
    cache = view.memo("dates_named")
    if not cache:
        for r, row in enumerate(view.rows):
            for lang in row.present():
                cache[(r, lang)] = named(anchor_text(view, row, lang), lang)
    return cache


def _a_word(view: GroupView, table: dict, lang: str, item: tuple) -> bool:
    """Whether ``lang``'s document names ``item`` in a row where the other documents
    name no day or month at all: there the name is another word of the language
    (Russian "среди")."""
    memo = view.memo("dates_words")
    if (lang, item) not in memo:
        memo[(lang, item)] = any(
            table[(r, lang)][item] and not any(table[(r, o)] for o in row.present() if o != lang)
            for r, row in enumerate(view.rows) if (r, lang) in table and len(row.present()) >= 2)
    return memo[(lang, item)]


RULE = Rule(
    code="TC405",
    name="date-mismatch",
    category=Category.NUMBER,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
