"""The ASCII shortcut of latin_tokens gives the runs the general path gives."""

from __future__ import annotations

import random

from transcheck.rules import _tokens


def _general(text: str) -> list:
    # The general path on a text that is not ASCII: a trailing "é" adds its own token,
    # which is dropped.
    return [t for t in _tokens.latin_tokens(text + " é") if t.start < len(text)]


def test_ascii_shortcut_equals_general_path():
    rng = random.Random(5)
    alphabet = "aB1_ -'.(\"x\tZ:?"
    texts = ["Hello World. (Guru) CX-team", "a_b 1ab ab1c", "x.  Y", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(3000)]
    for text in texts:
        assert _tokens.latin_tokens(text) == _general(text), text
