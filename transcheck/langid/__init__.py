"""Language identification of prose segments.

langdetect alone is unreliable on short text and across scripts, so it is the last
step here, not the first:

1. non-prose segments are not identified;
2. the dominant script narrows the candidates (the group's languages plus English):
   when one candidate writes that script, the script decides;
3. otherwise langdetect decides between the candidates of that script only, with its
   profiles restricted to them and a fixed seed, and only when the segment is long
   enough and the answer confident; anything weaker is "undetermined".

Restricting langdetect by script also avoids its text cleaning, which silently drops
Latin letters when they are fewer than half of the non-Latin ones.
"""

from __future__ import annotations

import os
from functools import lru_cache

from transcheck.langid.script import dominant_script, scripts_of
from transcheck.model import LanguageGuess, base_language

# langdetect names some languages differently from ISO 639-1.
_TO_LANGDETECT = {"zh": ("zh-cn", "zh-tw"), "nb": ("no",), "nn": ("no",), "no": ("no",)}
_FROM_LANGDETECT = {"zh-cn": "zh", "zh-tw": "zh", "no": "no"}
SEED = 0  # langdetect's draws; printed in every report's signature

UNDETERMINED_SHORT = LanguageGuess(None, 0.0, "too-short")
NOT_PROSE = LanguageGuess(None, 0.0, "not-prose")


@lru_cache(maxsize=1)
def _available_profiles() -> frozenset[str]:
    import langdetect

    return frozenset(os.listdir(os.path.join(os.path.dirname(langdetect.__file__), "profiles")))


def langdetect_names(language: str) -> tuple[str, ...]:
    base = base_language(language)
    names = _TO_LANGDETECT.get(base, (base,))
    return tuple(n for n in names if n in _available_profiles())


@lru_cache(maxsize=64)
def _factory(profiles: tuple[str, ...]):
    """A langdetect factory that knows only ``profiles``; built once per candidate set."""
    import langdetect
    from langdetect.detector_factory import DetectorFactory

    directory = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    texts = []
    for name in profiles:
        with open(os.path.join(directory, name), encoding="utf-8") as fh:
            texts.append(fh.read())
    factory = DetectorFactory()
    factory.load_json_profile(texts)
    factory.seed = SEED
    return factory


# Repeats are mostly within a document (a pasted block) or among a few neighbouring
# ones (boilerplate); a bounded cache keeps them cheap without holding every text of a
# large run alive.
@lru_cache(maxsize=8192)
def _langdetect(text: str, profiles: tuple[str, ...]) -> tuple[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    from transcheck.langid.detector import FastDetector

    detector = FastDetector(_factory(profiles))
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):  # no usable features (digits only, ...)
        return "", 0.0
    return _FROM_LANGDETECT.get(best.lang, best.lang), best.prob


class Identifier:
    """Identifies segments of one group. Cheap to build; the model caches are global."""

    def __init__(self, languages: list[str], min_letters: int = 20, min_words: int = 3,
                 min_confidence: float = 0.95):
        self.min_letters = min_letters
        self.min_words = min_words
        self.min_confidence = min_confidence
        candidates = sorted({base_language(lang) for lang in languages} | {"en"})
        self.by_script: dict[str, list[str]] = {}
        for lang in candidates:
            for script in scripts_of(lang):
                self.by_script.setdefault(script, []).append(lang)

    def identify(self, text: str, is_prose: bool = True) -> LanguageGuess:
        if not is_prose:
            return NOT_PROSE
        script, letters = dominant_script(text)
        if script is None:
            return LanguageGuess(None, 0.0, "no-letters")
        candidates = self.by_script.get(script, [])
        if not candidates:
            return LanguageGuess(None, 1.0, f"script:{script}")
        if len(candidates) == 1:
            # The script decides, but on a short Latin line ("Guru", "SaaS") calling the
            # language English would be a guess about a name, so stay undetermined.
            if letters < self.min_letters and candidates[0] == "en":
                return UNDETERMINED_SHORT
            return LanguageGuess(candidates[0], 1.0, "script")
        if letters < self.min_letters or len(text.split()) < self.min_words:
            return UNDETERMINED_SHORT
        profiles = tuple(sorted({p for lang in candidates for p in langdetect_names(lang)}))
        if not profiles:
            return LanguageGuess(None, 0.0, "unsupported")
        if len(profiles) == 1:
            return LanguageGuess(_FROM_LANGDETECT.get(profiles[0], profiles[0]), 1.0, "script")
        language, confidence = _langdetect(text, profiles)
        if not language or confidence < self.min_confidence:
            return LanguageGuess(None, confidence, "uncertain")
        return LanguageGuess(language, round(confidence, 4), "langdetect")
