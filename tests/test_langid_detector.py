"""The faster langdetect driver must give exactly langdetect's own answers."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector
from langdetect.lang_detect_exception import LangDetectException

from transcheck.langid import _factory
from transcheck.langid.detector import FastDetector

CORPUS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "corpus")
PROFILE_SETS = [("en", "it", "sv", "tr"), ("ar", "en", "fa", "ur"), ("de", "en", "fr", "nl", "ru", "uk")]


def probabilities(cls, profiles, text):
    detector = cls(_factory(profiles))
    detector.append(text)
    try:
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except LangDetectException as exc:
        return str(exc)


def corpus_lines():
    for name in sorted(os.listdir(CORPUS)):
        with open(os.path.join(CORPUS, name), encoding="utf-8") as fh:
            yield from (line for line in fh.read().splitlines() if line.strip())


@pytest.mark.parametrize("profiles", PROFILE_SETS)
def test_same_probabilities_as_langdetect_on_the_corpus(profiles):
    for line in corpus_lines():
        assert probabilities(FastDetector, profiles, line) == probabilities(Detector, profiles, line)


_TEXT = st.lists(
    st.sampled_from(
        list("aAbBzZ  .,!?-'\"0123456789ÅäöçğışÜÉèàßøœ")
        + list("абвгдЁЖЩ") + list("ابتثجحی") + list("αβγ") + list("あアカ漢字한국")
        + ["\u00a0", "\u2019", "\u0219", "\u1ea1", "\u0301", "\t", "\n"]
        + ["http://example.com/a?b=1 ", "mail.me@example.org ", "   ", "CX ", "SaaS "]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(PROFILE_SETS))
def test_same_probabilities_as_langdetect_on_any_text(text, profiles):
    assert probabilities(FastDetector, profiles, text) == probabilities(Detector, profiles, text)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(PROFILE_SETS))
def test_same_ngrams_as_langdetect(text, profiles):
    fast, stock = FastDetector(_factory(profiles)), Detector(_factory(profiles))
    fast.append(text)
    stock.append(text)
    assert fast.text == stock.text
    fast.cleaning_text()
    stock.cleaning_text()
    assert fast.text == stock.text
    assert fast._extract_ngrams() == stock._extract_ngrams()
