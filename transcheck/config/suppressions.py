"""Suppression files: ``[[suppress]]`` entries, each a finding's fingerprint and the
reason it is not a defect (``.transcheck-suppressions.toml``, or ``suppress`` in the
configuration itself)."""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.config.toml import ConfigError, read_toml as _read_toml

_SUPPRESS_KEYS = {"fingerprint", "justification", "rule", "path", "message"}


@dataclass(frozen=True)
class Suppression:
    fingerprint: str
    justification: str
    origin: str  # the file that holds it, for messages


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
        if not isinstance(fingerprint, str) or not fingerprint.strip():
            raise ConfigError(f"{here}: fingerprint is required")
        if not isinstance(justification, str) or not justification.strip():
            # A suppression nobody can explain a year later is a deleted check.
            raise ConfigError(f"{here}: justification is required (say why this is not a defect)")
        yield Suppression(fingerprint.strip(), justification.strip(), path)
