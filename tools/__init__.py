"""Maintenance scripts run from the repository root, outside the package: the README rule table (docs) and the example reports (regenerate)."""
