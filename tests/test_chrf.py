"""transcheck's chrF gives sacrebleu's sentence chrF bit for bit."""

from __future__ import annotations

import random

from sacrebleu.metrics.chrf import CHRF

from transcheck.text import chrf, normalise

_TEXTS = [
    "The quick brown fox jumps over the lazy dog.",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Le renard brun rapide saute par-dessus le chien paresseux.",
    "快速的棕色狐狸跳过了懒狗。",
    "Быстрая коричневая лиса перепрыгивает через ленивую собаку.",
    "def read_item(item_id: int, q: str | None = None):",
    "a", "ab", "abc abc abc", ". , ;", "x\u200by", "  spaced   out  ",
]


def _sacrebleu(a: str, b: str) -> float:
    a, b = normalise(a), normalise(b)
    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    return CHRF().sentence_score(a, [b]).score


def _variants(rng: random.Random) -> list[str]:
    out = list(_TEXTS)
    for text in _TEXTS:
        for _ in range(5):
            cut = rng.randint(0, len(text))
            out.append(text[:cut] + rng.choice(_TEXTS)[: rng.randint(0, 8)])
    alphabet = "ab cdé.,!?xy"
    out.extend("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(200))
    return out


def test_chrf_equals_sacrebleu_bit_for_bit():
    rng = random.Random(7)
    texts = _variants(rng)
    for _ in range(4000):
        a, b = rng.choice(texts), rng.choice(texts)
        assert chrf(a, b) == _sacrebleu(a, b), (a, b)


def test_chrf_of_a_text_and_itself_or_nothing():
    assert chrf("Hello world", "hello  world") == 100.0
    assert chrf("Hello", "") == 0.0


def test_chrf_at_least_agrees_with_chrf():
    from transcheck.text import chrf_at_least

    rng = random.Random(11)
    texts = _variants(rng)
    for _ in range(3000):
        a, b = rng.choice(texts), rng.choice(texts)
        value = chrf(a, b)
        for threshold in (0.0, 35.0, 85.0, 90.0, value, 100.0):
            assert chrf_at_least(a, b, threshold) == (value >= threshold), (a, b, threshold)
