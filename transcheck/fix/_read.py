"""The reader ``fix`` shares with ``check``: one import to follow it when it moves."""

from transcheck.read.file import (
    read_file,
    segment_limit_problem,
    to_document,
    too_large,
)

__all__ = ["read_file", "segment_limit_problem", "to_document", "too_large"]
