"""The helpers behind the cross-language consistency rules: locale-independent numbers,
names across scripts, and the majority vote."""

from __future__ import annotations

import pytest

from transcheck.align.anchors import numbers
from transcheck.rules._consensus import majority
from transcheck.rules._tokens import latin_prefix_match, latin_tokens, transliteration_match


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,000 · 1 000 · 1.000 · 1’000 · 1\u202f000", ["1000"] * 5),
        ("2,8 and 2.8", ["2.8", "2.8"]),
        ("1.234.567,89 or 1,234,567.89", ["1234567.89", "1234567.89"]),
        ("٣٫٥ and ١٬٠٠٠ and ۱۲۳", ["3.5", "1000", "123"]),
        ("50% %50 ٪٥٠", ["50", "50", "50"]),
        ("0,125", ["0.125"]),
        ("2024-03-05, 05.03.2024, 3/5/2024", ["date:24:3:5"] * 3),
        ("section 1.2.3", ["1.2.3"]),
        ("in 2024, 3 items", ["2024", "3"]),
        ("CO2 and v1.2 and cx-cs-part-of-whole-blog.png", []),
    ],
)
def test_numbers_are_read_whatever_the_locale(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("name", "word", "arabic"),
    [
        ("Blake", "بليك", True),
        ("Morgan", "مورغان", True),
        ("Richardson", "ريتشاردسون", True),
        ("Apple", "آبل", True),
        ("Guru", "وجورو", True),
        ("Morgan", "Морганом", False),
        ("Christine", "Кристин", False),
        ("McCue", "Маки", False),
        ("López", "Λόπεθ", False),
        ("Roma", "Rom", False),
    ],
)
def test_a_name_matches_its_rendering_in_another_script(name, word, arabic):
    assert transliteration_match(name, [word], arabic)


@pytest.mark.parametrize(("name", "word"), [("Genius", "бар"), ("Morgan", "объясняет"), ("Blake", "تفاعل")])
def test_unrelated_words_do_not_match(name, word):
    assert not transliteration_match(name, [word], True)


def test_latin_tokens_split_endings_and_scripts():
    assert [t.text for t in latin_tokens("Guru'da, SaaS-företag och وCS")] == [
        "Guru", "da", "SaaS", "företag", "och", "CS",
    ]
    assert latin_prefix_match("CS", "الفرق بين CX وCS مهم")
    assert latin_prefix_match("guru", "Guru'da Stratejik")
    assert not latin_prefix_match("Bar", "a sidebar")  # inside a word is no name


@pytest.mark.parametrize(
    ("votes", "winner"),
    [
        ({"a": 1, "b": 1, "c": 2}, 1),
        ({"a": 1, "b": 2}, None),  # two voters: no majority
        ({"a": 1, "b": 1, "c": 2, "d": 2}, None),  # tie
        ({"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}, None),  # 3 against 2: not clear
        ({"a": 1, "b": 1, "c": 1, "d": 2, "e": 3}, 1),
    ],
)
def test_majority_must_be_clear(votes, winner):
    assert majority(votes)[0] == winner
