"""A name the other translations keep and one translation lacks, with nothing to show it
was changed: a lead, off by default (``--select TC404``).

What it catches:
    What the entity check (TC402) finds but does not count as evidence: a name, brand
    or acronym that a clear majority (or the source) keeps and this translation has in
    no form the check recognises (not as written, not inflected, not transliterated),
    and that is not misspelt into another name or given as another city ("“Genius”,
    “Bar” are missing here"). Those are TC402's weaker findings, reissued here under
    their own code.

    Off by default, *info*: reviewed on the real-text corpus (WMT24++, 15 languages;
    ``python bench/meaning.py``), 1 of 16 was a divergence; the others were names
    transliterated in ways the matcher does not know ("मिच" for Mitch, "萨萨林" for
    Thassalin, "부스트트랩" for Bootstrap), a language's own name for a place ("Galles"
    for Wales) and titles translated ("Le Poste" for The Post Office).

Why it matters:
    A name dropped from one translation may be a sentence rewritten or cut; a reviewer
    who reads the languages can follow these leads.

Example:
    sv, it, tr and ar keep "Genius Bar" in the sentence about Apple; ``ru.txt`` says
    "фирменный сервис": "“Genius”, “Bar” are missing here (ar, it, sv, tr keep them)".

What it does not catch:
    What TC402 reports itself (a name misspelt, a city substituted), and everything
    TC402 does not catch.
"""

from __future__ import annotations

from transcheck.model import Category, Severity
from transcheck.rules._leads import weak
from transcheck.rules.base import Rule
from transcheck.rules.entity_mismatch import check as _every

RULE = Rule(
    code="TC404",
    name="entity-lead",
    category=Category.ENTITY,
    severity=Severity.INFO,
    check=weak(_every, lambda: RULE),
    doc=__doc__,
    default=False,
)
