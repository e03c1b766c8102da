"""The one table of rules. A rule exists for transcheck when, and only when, it is here.

Codes are stable: a code is never reused for a different rule. The hundreds follow the
categories: 1xx duplication, 2xx language, 3xx alignment and structure, 4xx numbers and
entities, 5xx terminology and meaning, 6xx punctuation, length and spelling, 7xx format.
"""

from __future__ import annotations

from transcheck.rules import (
    duplicate_block,
    inconsistent_translation,
    entity_mismatch,
    extra_segment,
    invisible_character,
    length_mismatch,
    placeholder_mismatch,
    plural_forms,
    value_copy,
    tag_mismatch,
    meaning_drift,
    missing_segment,
    mixed_language,
    negation_flip,
    number_mismatch,
    outdated_segment,
    punctuation_mismatch,
    structure_mismatch,
    role_inversion,
    spelling,
    terminology,
    untranslated,
    untranslated_addition,
    wrong_language,
)
from transcheck.rules.base import Rule

RULES: tuple[Rule, ...] = (
    duplicate_block.RULE,
    value_copy.RULE,
    wrong_language.RULE,
    untranslated.RULE,
    mixed_language.RULE,
    missing_segment.RULE,
    extra_segment.RULE,
    structure_mismatch.RULE,
    outdated_segment.RULE,
    untranslated_addition.RULE,
    number_mismatch.RULE,
    entity_mismatch.RULE,
    terminology.RULE,
    role_inversion.RULE,
    negation_flip.RULE,
    meaning_drift.RULE,
    inconsistent_translation.RULE,
    punctuation_mismatch.RULE,
    length_mismatch.RULE,
    spelling.RULE,
    invisible_character.RULE,
    placeholder_mismatch.RULE,
    tag_mismatch.RULE,
    plural_forms.RULE,
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def lookup(code_or_name: str) -> Rule | None:
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
