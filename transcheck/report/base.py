"""The one interface every output format implements, and where group sections wait.

A report is written in two steps so that a run never holds every document at once:
``section`` sees each group whole (segments, text, aligned rows) once, in order, as it
finishes; what it returns waits in a ``Spool`` (on disk past a few megabytes) while the
group itself is reduced to its summary. ``finish`` then writes the report from the
summaries, the findings and the sections, in order. Formats whose report needs nothing
per segment return no sections.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator

from transcheck.model import GroupResult
from transcheck.model import Report


class Formatter:
    """One format. An instance writes one report: ``section`` may keep state (the HTML
    report numbers findings as it goes) that ``finish`` reads."""

    def __init__(self, color: bool = False):
        self.color = color
        # The file the report goes to, when it goes to one (not a stream): a format
        # may write files beside it (``report.write_file``).
        self.path: str | None = None

    def section(self, group: GroupResult, report: Report) -> str:
        """The part of the report that needs the group's segments; "" for none.
        ``report`` carries the run's settings and rules; its groups and counts are not
        known yet."""
        return ""

    def finish(self, report: Report, sections: Iterable[str]) -> Iterator[str]:
        """The report, in chunks; ``sections`` are the groups' sections in group order."""
        yield self.render(report)

    def written(self) -> list[str]:
        """Called once the report file is in place: tidy what lies beside it. What a
        user should know of the files written (lines for standard error)."""
        return []

    def render(self, report: Report) -> str:
        """The whole report at once, for formats without sections."""
        raise NotImplementedError


class Spool:
    """Sections in order, in memory up to ``max_size`` bytes and in a temporary file past it."""

    def __init__(self, max_size: int = 8 << 20):
        self._file = tempfile.SpooledTemporaryFile(max_size=max_size, mode="w+b")
        self._sizes: list[int] = []

    def append(self, text: str) -> None:
        data = text.encode("utf-8")
        self._file.write(data)
        self._sizes.append(len(data))

    def __iter__(self) -> Iterator[str]:
        self._file.seek(0)
        for size in self._sizes:
            yield self._file.read(size).decode("utf-8")
        self._file.seek(0, 2)
