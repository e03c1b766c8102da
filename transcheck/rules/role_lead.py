"""Two names or numbers that occur once each and stand in the other order in one
translation: a lead, off by default (``--select TC506``).

What it catches:
    What the role-inversion check (TC502) finds but does not count as evidence: two
    anchors (names, numbers) that the other translations, or the source, give in one
    order and this translation in the other, once each, without the mirrored pattern
    TC502 reports as an error, and without what makes two exchanged numbers a warning
    there (a mark, a range, a fixed point or a sentence between them, against the
    source and every peer). Those are TC502's info findings, reissued here under their
    own code.

    Off by default, *info*: reviewed on the real-text corpus (WMT24++, 15 languages;
    ``python bench/meaning.py``), 0 of 26 were swapped roles; every one was ordinary
    word order (genitives, fronted dates, dates in year-month-day order, verb-final
    languages).

Why it matters:
    "A pays B" and "B pays A" read equally well; where the order of two names changes,
    a reviewer who reads the language can check that the roles did not.

Example:
    ar, it, ru and sv say the patient was aged 29 and the donor 19; ``tr.txt`` has 19
    before 29: "“29” and “19” swap roles: here 19 … 29".

What it does not catch:
    What TC502 reports itself (the mirrored pattern), and everything TC502 does not
    catch.
"""

from __future__ import annotations

from transcheck.model import Category, Severity, Strength
from transcheck.rules._leads import weak
from transcheck.rules.base import Rule
from transcheck.rules.role_inversion import check as _every

RULE = Rule(
    code="TC506",
    name="role-lead",
    category=Category.SEMANTIC,
    severity=Severity.INFO,
    check=weak(_every, lambda: RULE, skip=(Strength.FULL, Strength.REDUCED)),
    doc=__doc__,
    default=False,
)
