"""Suppression files: ``[[suppress]]`` entries, each a finding's fingerprint (or a
message key, for keyed resources) and the reason it is not a defect
(``.transcheck-suppressions.toml``, or ``suppress`` in the configuration itself)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from transcheck.config.toml import ConfigError, read_toml as _read_toml
from transcheck.read.spec import anchor_glob as _anchor

_SUPPRESS_KEYS = {"fingerprint", "justification", "rule", "path", "message", "key"}


@dataclass(frozen=True)
class Suppression:
    fingerprint: str
    justification: str
    origin: str  # the file that holds it, for messages
    # By key instead of fingerprint (keyed resources, JSON above all, have no comments):
    # findings on this message key, of ``rule`` (a code; "": any) in files matching
    # ``path`` (an absolute glob; "": any).
    key: str = ""
    rule: str = ""
    path: str = ""

    def covers(self, f) -> bool:
        from transcheck.read.spec import path_matches

        return (bool(self.key) and f.resource_key == self.key and (not self.rule or f.code == self.rule)
                and (not self.path or path_matches(f.path, self.path)))


def load_suppressions(path: str) -> list[Suppression]:
    """A suppression file: ``[[suppress]]`` entries with a fingerprint and a justification."""
    data = _read_toml(path)
    for key in data:
        if key != "suppress":
            raise ConfigError(f"{path}: unknown key {key!r}")
    entries = data.get("suppress", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: suppress: expected an array of tables ([[suppress]])")
    return list(parse_suppressions(entries, path, "suppress"))


def parse_suppressions(entries: list, path: str, where: str):
    for n, entry in enumerate(entries, start=1):
        here = f"{path}: {where}[{n}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{here}: expected a table with fingerprint and justification")
        for key in entry:
            if key not in _SUPPRESS_KEYS:
                raise ConfigError(f"{here}: unknown key {key!r}")
        fingerprint = entry.get("fingerprint")
        justification = entry.get("justification")
        key = entry.get("key")
        if key is not None and fingerprint is None:
            if not isinstance(key, str) or not key:
                raise ConfigError(f"{here}: key must be a message key")
            if not isinstance(justification, str) or not justification.strip():
                raise ConfigError(f"{here}: justification is required (say why this is not a defect)")
            rule, where = entry.get("rule", ""), entry.get("path", "")
            if not isinstance(rule, str) or not isinstance(where, str):
                raise ConfigError(f"{here}: rule and path must be strings")
            where = _anchor(os.path.dirname(os.path.abspath(path)), where) if where else ""
            yield Suppression("", justification.strip(), path, key, rule.strip().upper(), where)
            continue
        if not isinstance(fingerprint, str) or not fingerprint.strip():
            raise ConfigError(f"{here}: fingerprint is required")
        if not isinstance(justification, str) or not justification.strip():
            # A suppression nobody can explain a year later is a deleted check.
            raise ConfigError(f"{here}: justification is required (say why this is not a defect)")
        yield Suppression(fingerprint.strip(), justification.strip(), path)
