"""Language identification of prose segments.

langdetect alone is unreliable on short text and across scripts, so it is the last
step here, not the first:

1. non-prose segments are not identified; hashtags, @mentions, URLs, e-mail addresses
   and inline code are removed first (they are the same in every language), and text
   mostly in capitals is read in lower case (langdetect ignores runs of capitals);
2. the dominant script narrows the candidates (the group's languages plus English):
   when one candidate writes that script, the script decides;
3. otherwise langdetect decides between the candidates of that script only, with its
   profiles restricted to them and a fixed seed, and only when the segment is long
   enough and the answer confident; anything weaker is "undetermined";
4. a language whose alphabet lacks letters the text has (langdetect's own profiles
   list each language's letters: і ї є are Ukrainian, never Russian; ñ is not
   Portuguese) is not the answer, and a language written with a script of its own
   besides a shared one (Japanese kana, Korean hangul) is no candidate for text
   without it (Chinese, Traditional or Simplified, is not Korean).

Restricting langdetect by script also avoids its text cleaning, which silently drops
Latin letters when they are fewer than half of the non-Latin ones.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache

from transcheck.langid.script import (CJK_SCRIPTS, char_script, dominant_script, script_counts, scripts_of,
                                     signature_script)
from transcheck.model import LanguageGuess, base_language

# langdetect names some languages differently from ISO 639-1.
_TO_LANGDETECT = {"zh": ("zh-cn", "zh-tw"), "nb": ("no",), "nn": ("no",), "no": ("no",), "fil": ("tl",),
                  "bs": ("hr",)}
_FROM_LANGDETECT = {"zh-cn": "zh", "zh-tw": "zh", "no": "no"}
SEED = 0  # langdetect's draws; printed in every report's signature

# Text that is the same in every language says nothing about the language of the rest:
# addresses, mentions, code, and paths and keys ("node.koordinator.sh/gpu-vendor").
_NEUTRAL = re.compile(
    r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]++@\S+\.\w+|[#@][^\W_][\w.-]*+|`[^`\n]*`"
    r"|(?<![\w./-])[\w.-]++/[\w./-]++",
)
# Letters the chosen language lacks, as a share of all letters, that make it no answer:
# one such letter in a short line, a few in a paragraph (a name like "Björk" in a long
# English paragraph does not count).
_FOREIGN_LETTER_SHARE = 0.01

UNDETERMINED_SHORT = LanguageGuess(None, 0.0, "too-short")
_COMPOUND = re.compile(r"(?<![^\W_])[^\W\d_]++(?:[-_][^\W_]++)++")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*")
# Two Latin words or more with only spaces between them.
_LATIN_RUN = re.compile(r"(?<![A-Za-z\u00C0-\u024F'’-])[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*+(?:[ \t]++[A-Za-z\u00C0-\u024F]"
                        r"[A-Za-z\u00C0-\u024F'’-]*+)++")
_OTHER_LETTERS = 4  # letters of another script that make a line of names that script's
NOT_PROSE = LanguageGuess(None, 0.0, "not-prose")


@lru_cache(maxsize=1)
def _available_profiles() -> frozenset[str]:
    import langdetect

    return frozenset(os.listdir(os.path.join(os.path.dirname(langdetect.__file__), "profiles")))


@lru_cache(maxsize=256)
def _profile_of(language: str) -> str | None:
    """The one langdetect profile read for a candidate, when it has one of its own."""
    names = langdetect_names(language)
    return names[0] if len(names) == 1 and names[0] != language else None


def langdetect_names(language: str) -> tuple[str, ...]:
    base = base_language(language)
    names = _TO_LANGDETECT.get(base, (base,))
    return tuple(n for n in names if n in _available_profiles())


@lru_cache(maxsize=128)
def alphabet(profile: str) -> frozenset[str]:
    """The letters langdetect's profile of a language has seen (lower case)."""
    import langdetect

    path = os.path.join(os.path.dirname(langdetect.__file__), "profiles", profile)
    with open(path, encoding="utf-8") as fh:
        freq = json.load(fh)["freq"]
    return frozenset(k.lower() for k in freq if len(k) == 1 and k.isalpha())


def neutral_removed(text: str) -> str:
    """The text less what every language writes the same way, read in lower case when
    it is mostly capitals."""
    text = _NEUTRAL.sub(" ", text)
    upper = sum(ch.isupper() for ch in text)
    lower = sum(ch.islower() for ch in text)
    if upper > lower:
        # Turkish İ lower-cases to i + combining dot; the dot is no letter of any profile.
        text = text.lower().replace("\u0307", "")
    return text


@lru_cache(maxsize=256)
def _known_letters(language: str) -> frozenset[str]:
    from transcheck.langdata import letters

    return letters(language).union(*(alphabet(p) for p in langdetect_names(language)))


def foreign_letters(text: str, language: str, script: str) -> int:
    """How many letters of ``text`` in ``script`` the alphabet of ``language`` lacks (0
    when unknown): the letters langdetect's profiles have seen and CLDR's letters of
    the language (langdetect's Vietnamese profile lacks "ậ", "ệ"). Letters of other
    scripts are names and terms, not evidence."""
    if script in CJK_SCRIPTS:
        return 0  # the profiles of logographic scripts list only their commoner characters
    known = _known_letters(base_language(language))
    if not known:
        return 0
    return sum(1 for ch in text.lower() if ch.isalpha() and ch not in known and char_script(ch) == script)


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


def _behind_names(text: str) -> tuple[str, int] | None:
    """The other script of a line whose Latin words are names rather than a sentence,
    and that script's letters. With fewer than two words in lower case side by side, "Koala -
    Less、Sass、CoffeeScriptコンパイル用のGUIアプリケーション" is Japanese about
    products; "GIF Brewery gives everyone the power to…" is English however many Han
    letters stand beside it."""
    counts = script_counts(text)
    others = sorted(((n, s) for s, n in counts.items() if s != "Latin"), reverse=True)
    if not others or others[0][0] < _OTHER_LETTERS:
        return None
    # Words of a sentence stand side by side: a lower-case word alone between letters
    # of the other script or its list marks ("安装docker、go、kind、kubectl") is a name.
    lower = sum(1 for run in _LATIN_RUN.findall(text) for w in _LATIN_WORD.findall(run)
                if len(w) > 1 and w.islower())
    return (others[0][1], others[0][0]) if lower < 2 else None


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
        written, text = text, neutral_removed(text)
        script, letters = dominant_script(text)
        if script == "Latin" and (behind := _behind_names(written)):
            script, letters = behind  # the names tell nothing: the rest is judged alone
        if script is None:
            return LanguageGuess(None, 0.0, "no-letters")
        candidates = self.by_script.get(script, [])
        if len(candidates) > 1:
            present = script_counts(text)
            kept = [c for c in candidates
                    if (own := signature_script(c)) is None or present[own] > 0]
            if len(kept) < len(candidates) and letters < self.min_letters:
                return UNDETERMINED_SHORT  # a short line of kanji may well be Japanese
            candidates = kept
        if not candidates:
            return LanguageGuess(None, 1.0, f"script:{script}")
        if len(candidates) == 1:
            # The script decides, but on a short Latin line ("Guru", "SaaS") or one token
            # of hyphenated parts ("kube-controller-manager") calling the language
            # English would be a guess about a name, so stay undetermined.
            if candidates[0] == "en" and (letters < self.min_letters or _COMPOUND.fullmatch(text.strip())):
                return UNDETERMINED_SHORT
            return LanguageGuess(candidates[0], 1.0, "script")
        if letters < self.min_letters or len(text.split()) < self.min_words:
            return UNDETERMINED_SHORT
        profiles = tuple(sorted({p for lang in candidates for p in langdetect_names(lang)}))
        if not profiles:
            return LanguageGuess(None, 0.0, "unsupported")
        if len(profiles) == 1:
            # The one candidate langdetect knows, against some it does not (Azerbaijani
            # beside English): the text's letters must be that language's.
            language, confidence = _FROM_LANGDETECT.get(profiles[0], profiles[0]), 1.0
            if len(candidates) > 1 and foreign_letters(text, language, script):
                return LanguageGuess(None, confidence, "alphabet")
            return LanguageGuess(language, confidence, "script")
        language, confidence = _langdetect(text, profiles)
        # The candidate whose profile answered (Filipino is read with Tagalog's).
        owners = [c for c in candidates if language and _profile_of(c) == language]
        language = owners[0] if len(owners) == 1 else language
        if not language or confidence < self.min_confidence:
            return LanguageGuess(None, confidence, "uncertain")
        foreign = foreign_letters(text, language, script)
        if foreign and foreign >= _FOREIGN_LETTER_SHARE * letters:
            return LanguageGuess(None, confidence, "alphabet")
        return LanguageGuess(language, round(confidence, 4), "langdetect")
