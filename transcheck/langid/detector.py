"""langdetect's detector, with the same model, features and random draws, made cheaper.

``langdetect.detector.Detector`` spends most of its time in per-character Python calls:
``NGram.normalize`` looks up the Unicode block of every character of every text, and
``append`` builds its text one character at a time. Here the normalisation of each
distinct character is computed once (by langdetect's own ``NGram.normalize``) and
cached, the n-gram buffer is kept in local variables, and the trial loop looks up each
n-gram's probabilities once instead of at every draw.

Nothing else changes: the n-grams, their order, the seeded random draws and the
arithmetic are the library's, so the probabilities are bit-identical to langdetect's
(``tests/test_langid_detector.py`` compares them on every line of the corpus and on
generated text). langdetect 1.0.9 has been the final release since 2021, so the private
methods overridden here do not move.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram
from langdetect.utils.unicode_block import unicode_block

_SPACES = re.compile(" +")
_LATIN_RANGE = re.compile("[A-z]")  # the library's own test: 'A' <= ch <= 'z'


class _Normalised(dict):
    """Code point -> langdetect's normalised character, filled on first use."""

    def __missing__(self, code: int) -> str:
        ch = NGram.normalize(chr(code))
        self[code] = ch
        return ch


_NORMALISED = _Normalised()


class _NonLatin(dict):
    """Character -> whether langdetect's cleaning counts it as non-Latin."""

    def __missing__(self, ch: str) -> bool:
        value = ch >= "\u0300" and unicode_block(ch) != "Latin Extended Additional"
        self[ch] = value
        return value


_NON_LATIN = _NonLatin()


_WORD_CACHE_LIMIT = 200_000  # words per profile set; cleared when full, to bound memory


def _word_ngrams(word: str, spaced: bool, known) -> list[str]:
    """The n-grams langdetect extracts from one word (a run of non-space normalised
    characters) after a space, followed by a space when ``spaced``: NGram.add_char and
    the n-gram loop of Detector._extract_ngrams, inlined."""
    result: list[str] = []
    grams = " "
    capital = False
    for ch in word + " " if spaced else word:
        last = grams[-1]
        if len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        if ch != " " and ch in known:
            result.append(ch)
        if len(grams) >= 2:
            w = grams[-2:]
            if w in known:
                result.append(w)
            if len(grams) >= 3 and grams in known:
                result.append(grams)
    return result


class FastDetector(Detector):
    def __init__(self, factory):
        super().__init__(factory)
        # The n-grams of a word depend only on the word and the profiles: cache their
        # probabilities on the factory, which exists once per profile set.
        cache = factory.__dict__.get("_word_features")
        if cache is None or len(cache) > _WORD_CACHE_LIMIT:
            cache = factory._word_features = {}
        self._words = cache

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # The library keeps the first of several consecutive spaces and drops the rest.
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        # The library's per-character loop, counted per distinct character instead.
        latin = non_latin = 0
        for ch, n in Counter(self.text).items():
            if "A" <= ch <= "z":
                latin += n
            elif _NON_LATIN[ch]:
                non_latin += n
        if latin * 2 < non_latin:
            self.text = _LATIN_RANGE.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        known = self.word_lang_prob_map
        return [gram for word, spaced in self._words_of_text() for gram in _word_ngrams(word, spaced, known)]

    def _words_of_text(self):
        # A space resets langdetect's n-gram buffer and its capital-word state, so the
        # n-grams of a text are those of its words (runs of non-spaces), in order.
        parts = self.text.translate(_NORMALISED).split(" ")
        last = len(parts) - 1
        for i, word in enumerate(parts):
            if word:
                yield word, i < last

    def _features(self) -> list[list[float]]:
        """The language probabilities of each n-gram of the text, in n-gram order."""
        known = self.word_lang_prob_map
        cache = self._words
        result: list[list[float]] = []
        for key in self._words_of_text():
            features = cache.get(key)
            if features is None:
                features = cache[key] = [known[g] for g in _word_ngrams(*key, known)]
            result += features
        return result

    def _detect_block(self) -> None:
        self.cleaning_text()
        # Drawing from the n-grams' probabilities consumes the random state exactly as
        # drawing the n-grams does.
        features = self._features()
        if not features:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        n_lang = len(self.langlist)
        langs = range(n_lang)
        self.langprob = [0.0] * n_lang
        rnd = self.random
        rnd.seed(self.seed)
        # random.choice(seq) is seq[_randbelow(len(seq))], and _randbelow draws
        # bit_length(n) bits until the number is below n; done here without the two
        # calls per draw. Elsewhere (another random implementation) choice() is used.
        inline = type(rnd)._randbelow is random.Random._randbelow_with_getrandbits
        getrandbits = rnd.getrandbits
        n = len(features)
        bits = n.bit_length()
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                if inline:
                    r = getrandbits(bits)
                    while r >= n:
                        r = getrandbits(bits)
                    lang_prob = features[r]
                else:
                    lang_prob = rnd.choice(features)
                for k in langs:
                    prob[k] *= weight + lang_prob[k]
                if i % 5 == 0:
                    maxp, sump = 0.0, sum(prob)
                    for k in langs:
                        p = prob[k] / sump
                        if maxp < p:
                            maxp = p
                        prob[k] = p
                    if maxp > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            for k in langs:
                self.langprob[k] += prob[k] / self.n_trial
