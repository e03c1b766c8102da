"""A rule's weak findings as a rule of their own, off by default.

Some checks find two kinds of thing: evidence a reviewer can act on (a measure
converted wrongly, a name misspelt) and leads that are mostly legitimate
translation (a number written as a word, a name transliterated in a way the
matcher does not know). Measured on real translations, the leads of the meaning
checks were right in under half of the cases, so they are not shown by default:
the check keeps its full-strength findings, and a companion rule, off unless
selected (``--select TC403``), reissues the weaker ones under its own code at info.
"""

from __future__ import annotations

from dataclasses import replace

from transcheck.model import Strength


def strong(check, keep=(Strength.FULL,)):
    """``check`` with its full-strength findings only (or those of the strengths in
    ``keep``: a check whose reduced findings are evidence enough for a warning)."""
    def checked(view, options):
        return (f for f in check(view, options) if f.strength in keep)
    return checked


def weak(check, rule_of, skip=(Strength.FULL,)):
    """``check``'s weaker findings (reduced or hints; those not in ``skip``), reissued
    as ``rule_of()``'s: the same place, message and key under the lead's code, at full
    strength, so that judge grades them at the lead's own default (info) or the
    project's setting for it."""
    def checked(view, options):
        rule = rule_of()
        for f in check(view, options):
            if f.strength in skip:
                continue
            lead = rule.finding(view.documents[f.language], f.line, f.end_line, f.message,
                                related=f.related, key=f.key, row=f.row)
            yield replace(lead, resource_key=f.resource_key) if f.resource_key else lead
    return checked
