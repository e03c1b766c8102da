"""How the cost of a step grows with its input: twice the input must cost at most 2.5
times as much (a quadratic step costs four times as much).

Measured as processor time (not wall time: other processes on the machine do not
count), the best of three runs, on an input made long enough to cost at least 10 ms;
a ratio above the limit is measured again, twice, before it counts, so a noisy moment
does not fail a test while a quadratic step fails every time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

LIMIT = 2.5
_FLOOR = 0.010  # seconds: below this, timer noise could dominate the ratio
_MAX_SIZE = 1 << 19


def _cost(run: Callable[[object], object], data) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run(data)
        best = min(best, time.process_time() - start)
    return best


def growth(make: Callable[[int], object], run: Callable[[object], object], start: int = 1024) -> tuple[float, int]:
    """The ratio of the cost of ``run(make(2n))`` to that of ``run(make(n))``, and n,
    for the first n from ``start`` (doubling) whose cost reaches 10 ms. A step too
    cheap to measure even at twice the largest size counts as within the limit."""
    n = start
    while _cost(run, make(n)) < _FLOOR and n < _MAX_SIZE:
        n *= 2
    ratio = float("inf")
    for _ in range(3):
        small, large = _cost(run, make(n)), _cost(run, make(2 * n))
        ratio = min(ratio, large / max(small, 1e-9))
        if ratio <= LIMIT or large < _FLOOR:
            return min(ratio, LIMIT), n
    return ratio, n
