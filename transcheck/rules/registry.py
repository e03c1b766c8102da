"""The one table of rules: transcheck's own, plus those installed packages register.

Codes are stable: a code is never reused for a different rule. The hundreds follow the
categories: 1xx duplication, 2xx language, 3xx alignment and structure, 4xx numbers and
entities, 5xx terminology and meaning, 6xx punctuation, length and spelling, 7xx format.

A package adds rules through the entry-point group ``transcheck.rules``: each entry
names a ``Rule`` or a sequence of them (``myrules = "my_package.rules:RULES"``). Every
rule carries its import path (``Rule.ref``), so a ``RuleSet`` travels to worker
processes as paths and codes and is imported there again: a plug-in works with
``--jobs`` as transcheck's own rules do.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from transcheck.errors import UsageError
from transcheck.rules.base import Rule

GROUP = "transcheck.rules"

# transcheck's own rules, in the order every report lists them: module names under
# ``transcheck.rules``, each defining ``RULE``.
_BUILTIN = (
    "duplicate_block",
    "value_copy",
    "wrong_language",
    "untranslated",
    "mixed_language",
    "missing_segment",
    "extra_segment",
    "structure_mismatch",
    "outdated_segment",
    "untranslated_addition",
    "moved_block",
    "partial_translation",
    "number_mismatch",
    "date_mismatch",
    "entity_mismatch",
    "handle_mismatch",
    "name_variant",
    "number_lead",
    "entity_lead",
    "terminology",
    "role_inversion",
    "negation_flip",
    "meaning_drift",
    "inconsistent_translation",
    "role_lead",
    "punctuation_mismatch",
    "length_mismatch",
    "spelling",
    "invisible_character",
    "placeholder_mismatch",
    "tag_mismatch",
    "plural_forms",
    "code_mismatch",
)


class PluginError(UsageError):
    """An installed rule package that cannot be used; the message is one line."""


def load(ref: str) -> tuple[Rule, ...]:
    """The rules at an import path ``module:attribute`` (a ``Rule`` or a sequence of
    them), each carrying ``ref``."""
    module, _, attribute = ref.partition(":")
    value = getattr(importlib.import_module(module), attribute or "RULE")
    found = (value,) if isinstance(value, Rule) else tuple(value)
    if not found or not all(isinstance(r, Rule) for r in found):
        raise PluginError(f"{ref}: not a transcheck Rule or a sequence of them")
    return tuple(r if r.ref == ref else replace(r, ref=ref) for r in found)


RULES: tuple[Rule, ...] = tuple(r for name in _BUILTIN for r in load(f"transcheck.rules.{name}:RULE"))
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


@cache
def catalogue() -> tuple[Rule, ...]:
    """Every rule a run can select: transcheck's, then the plug-ins' by entry-point name.
    ``PluginError`` for a plug-in that cannot be loaded or takes a code in use."""
    out = list(RULES)
    codes = {r.code for r in out}
    for name, ref in _plugin_refs():
        try:
            found = load(ref)
        except PluginError as exc:
            raise PluginError(f"rule plug-in {name!r}: {exc}") from None
        except Exception as exc:  # a broken package is the user's environment, said in one line
            raise PluginError(f"rule plug-in {name!r} ({ref}) cannot be loaded: {type(exc).__name__}: {exc}") from None
        for rule in found:
            if rule.code in codes:
                raise PluginError(f"rule plug-in {name!r} ({ref}): code {rule.code} is already taken")
            codes.add(rule.code)
            out.append(rule)
    return tuple(out)


def lookup(code_or_name: str) -> Rule | None:
    for rule in catalogue():
        if rule.code == code_or_name.upper() or rule.name == code_or_name.lower():
            return rule
    return None


def _plugin_refs() -> list[tuple[str, str]]:
    """(name, import path) of every ``transcheck.rules`` entry point, sorted by name.
    importlib.metadata costs tens of milliseconds to import, so it is asked only when
    some installed distribution's entry points mention the group at all."""
    if not _mentions_group():
        return []
    from importlib.metadata import entry_points

    return sorted((ep.name, ep.value) for ep in entry_points(group=GROUP))


def _mentions_group() -> bool:
    needle = f"[{GROUP}]"
    for directory in sys.path:
        try:
            entries = os.scandir(directory or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith((".dist-info", ".egg-info")) and _says(entry.path, needle):
                    return True
    return False


def _says(directory: str, needle: str) -> bool:
    try:
        with open(os.path.join(directory, "entry_points.txt"), encoding="utf-8", errors="replace") as fh:
            return needle in fh.read()
    except OSError:
        return False


@dataclass(frozen=True)
class RuleSet:
    """The rules a run selected, in report order: a value that travels to worker
    processes as import paths and codes (``refs``) and is rebuilt there (``loaded``)."""

    rules: tuple[Rule, ...]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rules)

    @property
    def refs(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(import paths, codes): what a worker needs to rebuild the set."""
        paths = tuple(dict.fromkeys(r.ref for r in self.rules))
        return paths, self.codes

    @staticmethod
    def loaded(refs: tuple[tuple[str, ...], tuple[str, ...]]) -> RuleSet:
        paths, codes = refs
        by_code = {r.code: r for path in paths for r in load(path)}
        return RuleSet(tuple(by_code[c] for c in codes))


def rule_set(rules: Iterable[Rule]) -> RuleSet:
    return rules if isinstance(rules, RuleSet) else RuleSet(tuple(rules))
