"""Maintenance scripts run from the repository root, outside the package: the README rule table (docs), the example reports (regenerate) and the language data generated from CLDR (cldr)."""
