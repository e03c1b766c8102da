"""Which orders of two anchors the role-inversion check (TC502) reads as a swap."""

from types import SimpleNamespace

import pytest

from transcheck.rules.role_inversion import _deviants

A, B = "x:algorithms", "n:1"


@pytest.mark.parametrize(
    ("seqs", "swapped"),
    [
        # Mirrored (A … B … B … A) and stated by the source alone: a swap.
        ({"en": (A, B, B, A), "uk": (B, A, A, B)}, ["uk"]),
        # Odd (A … B … A) and stated by the source alone: a title given twice,
        # translated and as written ("Алгоритми …, частини 1-5 … Algorithms in C, Parts 1-5").
        ({"en": (A, B, A), "uk": (B, A, B)}, []),
        # Odd, and three translations agree with the source: a swap.
        ({"en": (A, B, A), "de": (A, B, A), "fr": (A, B, A), "it": (A, B, A), "uk": (B, A, B)}, ["uk"]),
    ],
)
def test_mirrored_patterns(seqs, swapped):
    view = SimpleNamespace(source="en")
    assert [lang for lang, *_ in _deviants(view, seqs, A, B)] == swapped


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # A stop inside a number ends no sentence.
        ("The 44-year-old was found at 7.55am, with a 32-year-old arrested. Police left.", [0, 66]),
        ("«Он пришёл». Потом ушёл.", [0, 13]),
        # Chinese and Japanese put no space after a stop.
        ("他来了。我走了。", [0, 4]),
    ],
)
def test_sentence_units(text, starts):
    from transcheck.rules._role_swaps import _units

    assert _units(text) == starts
