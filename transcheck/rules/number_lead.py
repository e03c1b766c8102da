"""A number one translation lacks or adds where the others agree, with nothing to show
it changed: a lead, off by default (``--select TC403``).

What it catches:
    What the number check (TC401) finds but does not count as evidence: a number the
    majority (or the source) has and this translation lacks, or has and they do not,
    with no near copy of it in its place and no measure of another quantity ("24
    missing", "48 not in the others", "2030 not in the others"), and a number word
    changed into another ("cinquante" for fifteen; with ``--source``, "tre giochi" for
    "two games" where no other translation has three). Those are TC401's info
    findings, reissued here under their own code.

    Off by default, *info*: reviewed on the real-text corpus (WMT24++, 15 languages;
    ``python bench/meaning.py``), 1 of 20 was a divergence; the others were numbers
    written as words ("пятьсот", "십만"), times and dates written another way (22h26
    for 10:26 PM, 1年半 for 18 months) and figures made explicit (2030 for "the end of
    the decade"). A number word changed was a warning until it was read on held-out
    news (NTREX-128, 30 languages): 6 of 36 were true, the rest numbers of two words
    or ordinals read in part ("ثماني عشرة", "yüzde elli sekizi", "سی و ششمین"),
    homographs ("в семью", "năm") and the same quantity said another way (五分之一 for
    20%, 两个月 for 60 days).

Why it matters:
    A number missing from one translation may be an omission the number check cannot
    prove: a reviewer who reads the languages can follow these leads.

Example:
    ar, it, ru and sv answer within "24" hours, ``tr.txt`` says "48": "24 missing (ar,
    it, ru, sv have it); 48 not in the others (ar, it, ru, sv)".

What it does not catch:
    Anything TC401 reports itself (a changed digit, a wrong conversion, a currency
    changed), and everything TC401 does not catch.
"""

from __future__ import annotations

from transcheck.model import Category, Severity
from transcheck.rules._leads import weak
from transcheck.rules.base import Rule
from transcheck.rules.number_mismatch import check as _every

RULE = Rule(
    code="TC403",
    name="number-lead",
    category=Category.NUMBER,
    severity=Severity.INFO,
    check=weak(_every, lambda: RULE),
    doc=__doc__,
    default=False,
)
