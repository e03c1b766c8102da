"""Segmentation as a whole is linear in its input, whatever the input holds.

Each shape below is a hostile page: runs of regular-expression metacharacters,
unterminated constructs, the openings of links, images, shortcodes and comments. The
inline masks once were quadratic on some of them (100 kB of ``[`` took 48 s, 300 kB of
``![a`` or 400 kB of ``{{< `` over two minutes), and the HTML reader on ``<!--`` or
``<a b='``. Twice the input must cost at most 2.5 times as much (``tests/growth.py``).
A property test then drives random Markdown and MDX, heavy in metacharacters, through
segmentation within a time bound per kilobyte.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.growth import LIMIT, growth
from transcheck.read.decode import split_lines
from transcheck.formats import segment

SHAPES = {
    "brackets": "[",
    "images": "![a",
    "shortcodes": "{{< ",
    "shortcodes %": "{{% ",
    "includes": "{* ",
    "liquid": "{% ",
    "footnotes": "[^",
    "links": "[a](",
    "empty links": "[a]( ",
    "emphasis": "*a",
    "underscores": "_a ",
    "code": "`a",
    "comments": "<!--",
    "attributes": "<a b='",
    "declarations": "<!x",
    "instructions": "<?",
    "end tags": "</",
    "braces": "{",
    "jsx": "<A ",
    "dollars": "$",
    "backslashes": "\\",
    "entities": "&a",
    "urls": "http://a",
    "pipes": "|a",
    "suppression": "<!-- transcheck: ",
    "heading ids": "# a {#",
    "one per line": "[\n",
    "list items": "- ![\n",
    "quotes": "> [",
    "definitions": "a\n: ",
}


# MDX reads braces and JSX itself; the rest it reads as Markdown does.
_MDX = ("brackets", "shortcodes", "comments", "attributes", "instructions", "braces", "jsx")
CASES = [(name, ".md") for name in SHAPES] + [(name, ".mdx") for name in _MDX]
# Where the parser itself is slow (about 12 ms per kB of "["), its linear cost hides a
# quadratic mask below 16 kB (16 kB of "[" once cost 1.4 s, 32 kB 5.3 s).
_START = {"brackets": 16 * 1024, "images": 16 * 1024, "footnotes": 16 * 1024}


def _page(unit: str):
    return lambda n: split_lines(unit * max(1, n // len(unit)))


@pytest.mark.parametrize(("name", "suffix"), CASES, ids=[f"{n}{s}" for n, s in CASES])
def test_segmentation_is_linear(name, suffix):
    unit = SHAPES[name]
    ratio, n = growth(_page(unit), lambda lines: segment("page" + suffix, lines), start=_START.get(name, 4096))
    assert ratio <= LIMIT, f"{2 * n} characters of {unit!r} cost {ratio:.1f}x what {n} cost"


def test_suppression_comments_are_linear():
    """A ``<!-- transcheck:`` line followed by 3,000 spaces took 37 s (cubic)."""
    from transcheck.decide.suppress import inline_suppressions
    from transcheck.model import Document

    def page(n):
        text = "A paragraph to suppress findings in, written in plain English.\n\n<!-- transcheck:" + " " * n
        lines = split_lines(text)
        return Document("page.md", "en", "page", text, len(lines), segment("page.md", lines))

    ratio, n = growth(page, inline_suppressions, start=256)
    assert ratio <= LIMIT, f"a comment of {2 * n} spaces cost {ratio:.1f}x one of {n}"


def test_the_measure_sees_a_quadratic_step():
    """``growth`` can fail: a step that is quadratic on purpose is over the limit the
    linear tests hold. Measured from a tenth of a second up: beside the other test
    worker, a fourfold step measured from 10 or 13 ms came out at 2.7 and under 2.5."""
    # ``growth`` takes the first measure within the limit, so that a noisy moment never
    # fails a linear step; one such moment (2.25 once in CI) may hide a quadratic step
    # once, not three times.
    ratios = [growth(lambda n: n, lambda n: sum(1 for i in range(n) for j in range(0, n, 8)), start=6144)[0]
              for _ in range(3)]
    assert max(ratios) > LIMIT, ratios


# Pieces of pages: metacharacters, openings and closings of every construct read.
_PIECES = [*"[]{}()*+?|^$\\.<>!%#:;=~_`'\"&-/@ \n\ta1é", "<!--", "-->", "{{<", ">}}", "{%", "%}", "{*",
           "*}", "![", "](", "[^", "<a ", "</", "http://", "- ", "> ", "# ", "```", "\u0301", "import ",
           "export ", "<!-- transcheck:", "{#", "::: ", "!!! "]
_KB = 32
_MS_PER_KB = 60  # linear pages of the worst kind seen cost about 20 ms per kilobyte
_SCALE = int(os.environ.get("TRANSCHECK_FUZZ", "1"))


@settings(max_examples=12 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(motif=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join),
       suffix=st.sampled_from([".md", ".mdx"]))
def test_random_hostile_pages_stay_within_a_time_per_kilobyte(motif, suffix):
    lines = split_lines(motif * (_KB * 1024 // len(motif) + 1))
    segment("page" + suffix, lines[:8])  # the parser's first use pays for its imports
    start = time.process_time()
    segment("page" + suffix, lines)
    per_kb = (time.process_time() - start) * 1000 / _KB
    assert per_kb <= _MS_PER_KB, f"{per_kb:.0f} ms per kB of {motif!r}"
