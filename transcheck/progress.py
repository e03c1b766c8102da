"""A progress bar on standard error for runs over many groups.

Only for a person watching: off when standard error is not a terminal (CI logs, pipes),
with ``--quiet``, and for small runs that finish before a bar would help. It is
transient, so nothing of it stays in the terminal or reaches the report.
"""

from __future__ import annotations

import sys

MIN_GROUPS = 20  # fewer groups finish in well under a second


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

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
