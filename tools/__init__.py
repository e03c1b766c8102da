"""Maintenance scripts run from the repository root, outside the package: the rule documentation in README.md and docs/rules.md (docs) and the example reports (regenerate)."""
