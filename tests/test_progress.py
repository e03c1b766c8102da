"""The progress bar: on standard error for a person at a terminal, never in CI logs."""

from __future__ import annotations

import io

from tests.cli import transcheck
from transcheck.api import check
from transcheck.progress import MIN_GROUPS, ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _groups(root, n):
    for i in range(n):
        (root / f"page{i}.sv.txt").write_text(f"Sida nummer {i} handlar om kundtjänst och support.\n", encoding="utf-8")


def test_bar_shows_on_a_terminal_for_many_groups(tmp_path):
    _groups(tmp_path, MIN_GROUPS + 1)
    stream = Terminal()
    calls = []
    with ProgressBar(True, stream) as bar:
        report = check([str(tmp_path)], select=["TC101"], progress=lambda d, t: (calls.append((d, t)), bar(d, t)))
    assert len(report.groups) == MIN_GROUPS + 1
    assert calls[-1] == (MIN_GROUPS + 1, MIN_GROUPS + 1) and len(calls) == MIN_GROUPS + 1
    assert f"{MIN_GROUPS + 1}/{MIN_GROUPS + 1}" in stream.getvalue()


def test_bar_stays_off_for_few_groups_quiet_or_no_terminal():
    for bar, total in (
        (ProgressBar(True, Terminal()), MIN_GROUPS - 1),
        (ProgressBar.for_terminal(quiet=True), MIN_GROUPS * 2),
        (ProgressBar(False, Terminal()), MIN_GROUPS * 2),
    ):
        with bar:
            for done in range(1, total + 1):
                bar(done, total)
        assert bar._progress is None
        if isinstance(bar.stream, Terminal):
            assert bar.stream.getvalue() == ""


def test_cli_writes_nothing_to_a_piped_stderr(tmp_path):
    _groups(tmp_path, MIN_GROUPS + 1)
    result = transcheck("check", str(tmp_path), "--select", "TC101")
    assert result.returncode == 0 and result.stderr == ""
