"""Progress on standard error, for a person watching or a CI log.

At a terminal: a transient bar for runs over many groups, gone when the run ends.
Elsewhere (a CI log, a pipe): one plain line about every INTERVAL seconds, saying what
is being checked and how far the run is, and nothing at all for a run shorter than
that. Both follow the groups, and within a group its stages (each document aligned,
each rule), so one large document is followed too. Off with ``--quiet``. Nothing of
either reaches the report.
"""

from __future__ import annotations

import sys
import time

MIN_GROUPS = 20  # fewer groups finish in well under a second
INTERVAL = 10.0  # seconds between two lines of the plain log


def for_stderr(quiet: bool):
    """The progress display standard error calls for: a bar at a terminal, a plain
    log elsewhere, nothing with ``quiet``."""
    stream = sys.stderr
    if quiet:
        return ProgressBar(enabled=False, stream=stream)
    return ProgressBar(enabled=True, stream=stream) if _isatty(stream) else ProgressLog(stream)


class ProgressBar:
    def __init__(self, enabled: bool, stream=None):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self._progress = None
        self._task = None

    @classmethod
    def for_terminal(cls, quiet: bool) -> ProgressBar:
        stream = sys.stderr
        return cls(enabled=not quiet and _isatty(stream), stream=stream)

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < MIN_GROUPS:
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("checking"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("groups"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("check", total=total)
        self._progress.update(self._task, completed=done)

    def stage(self, what: str, done: int, total: int) -> None:
        """A step inside a group: the bar counts groups only."""

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ProgressLog:
    """Plain lines, at most one per ``interval`` seconds, the first after ``interval``:
    "transcheck: 3 of 40 groups checked; README.md: aligning fr/README.md (10 of 27),
    20 s". ``clock`` is for tests."""

    def __init__(self, stream=None, interval: float = INTERVAL, clock=time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.clock = clock
        self.start = clock()
        self.last = self.start
        self.groups = ""
        self.current = ""

    def __call__(self, done: int, total: int) -> None:
        self.groups = f"{done} of {total} group{'s' if total != 1 else ''} checked"
        self.current = ""
        self._tick()

    def stage(self, what: str, done: int, total: int) -> None:
        self.current = f"{what} ({done} of {total})"
        self._tick()

    def _tick(self) -> None:
        now = self.clock()
        if now - self.last < self.interval:
            return
        self.last = now
        said = "; ".join(part for part in (self.groups, self.current) if part) or "checking"
        self.stream.write(f"transcheck: {said}, {now - self.start:.0f} s\n")
        self.stream.flush()

    def close(self) -> None:
        pass

    def __enter__(self) -> ProgressLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
