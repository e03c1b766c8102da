"""transcheck: a translation consistency checker."""

__version__ = "0.1.0"
