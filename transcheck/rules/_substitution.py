"""A name of the source given as another name, with the source (``--source``): for the
entity check (TC402).

A name merely missing is mostly a pronoun or a rendering the matcher does not know; a
name missing *and* a name-like word in its place that renders nothing of the source
and nothing the other translations have in the row is a substitution ("Los Angeles"
for Baton Rouge). What is name-like depends on the script:

- a Latin word in a translation of another script (a name kept in Latin letters);
- in Latin letters, a capitalised word not starting a sentence that the language's
  Hunspell dictionary does not know (German capitalises its nouns, so there the
  dictionary must not know it as written either); in Cyrillic or Greek those were
  renderings the matcher does not know ("Пуч" for Puig), no evidence;
- in Japanese, a katakana run (loanwords and foreign names);
- in Chinese, a run of the characters Chinese uses to transliterate foreign names
  (斯, 特, 尔, 克…), learnt from CLDR's Chinese names of the world's cities where they
  sound like the English name;
- in Arabic, Hebrew, Hindi and other scripts without case, only a Latin word: their
  dictionaries miss too many inflected and borrowed words to tell a name by them;
- in Korean, a word of three syllables or more with two of the "ㅡ" syllables that
  Korean writes for a foreign consonant (브루스터, 스터지스: 스, 트, 크, 르…).

A word that resembles the missing name (same first consonant, or two thirds of its
consonants) is taken for an unusual rendering of it, not a substitution.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.model import base_language
from transcheck.rules._places import ACCENTS, _dictionary, own_script, places
from transcheck.rules._tokens import (
    cased_names,
    latin_prefix_match,
    latin_tokens,
    skeleton,
    skeletons,
    other_script_words,
    transliteration_match,
)

# Possessive pieces: linear on a long run of either kind.
HANDLE = re.compile(r"(?<![\w@])[@#](?:[.\-]*+[\w@]++)++")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]{3,}")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7af]{3,}")
# Korean particles and endings a name takes (로스앤젤레스에서, 브루스터는).
_KO_PARTICLES = ("에서", "으로", "까지", "부터", "에게", "와", "과", "을", "를", "이", "가",
                 "은", "는", "의", "에", "로", "도", "만")
# The syllables with the empty vowel "ㅡ" that render a consonant without a vowel.
_KO_CLUSTER = set("스트크르브프드즈그츠")


def substitution(cells: dict, lang: str, source: str, elsewhere) -> tuple[str, str, tuple] | None:
    """(the source's name missing in ``lang``, the name-like word there instead, the
    languages that keep the name), or None. ``cells``: language -> entity cell (``text``, ``anchors``, ``writes``,
    ``renders``, ``words``); ``elsewhere(word)``: the word is in another row of the
    translation's document."""
    src = cells[source]
    here = cells[lang]
    translations = [o for o in cells if o not in (lang, source)]
    missing = {}  # name -> its anchor key
    need = max(2, -(-len(translations) // 3))
    exonyms = candidates = None  # read once, and only for a name the translation lacks
    for key, tok in src.anchors.items():
        name = tok.text
        if len(name) < 3 or name.isupper() or here.writes(key) or here.renders(name, False):
            continue
        if exonyms is None:
            # A language's own name for a place ("Ucrania", "Londres", "Лондон") renders it.
            exonyms, candidates = places(here.text, lang), _candidates(here, lang, True)
        if name in exonyms or any(_close(name, w) and (not cased or unlisted(w, lang)) for w, cased in candidates):
            continue
        # Two translations, and a third of them, must keep the name; counting stops there.
        keeping = (o for o in translations if cells[o].writes(key) or cells[o].renders(name, False))
        if sum(1 for _ in zip(range(need), keeping)) == need:
            missing[name] = key
    if not missing:
        return None
    # Names and content words, which a translation may write as a loanword; a short
    # function word's skeleton ("the": t) starts too many.
    source_words = [t.text for t in latin_tokens(src.text)
                    if len(t.text) >= (3 if t.capitalised else 5)
                    and len(skeleton(t.text)) >= (2 if t.capitalised else 3)]
    source_places = places(src.text, "en")
    for word, cased in _candidates(here, lang, False):
        if word in source_words or elsewhere(word):
            continue
        if _resembles(word, list(missing)) or _renders_any(word, source_words, here):
            continue
        if places(word, lang) & source_places:
            continue
        if any(_in_peer(word, cells[o], o) for o in translations):
            continue
        if cased and not unlisted(word, lang):
            continue
        name, key = next(iter(missing.items()))
        keeping = tuple(o for o in translations if cells[o].writes(key) or cells[o].renders(name, False))
        return name, word, (source, *keeping)
    return None


def name_like(cell, lang: str, caseless: bool = True) -> list[str]:
    """The words of ``cell`` that look like a name in ``lang``'s writing (see above);
    without ``caseless``, not the katakana, Chinese and Korean ones: as evidence of a
    substitution they were mostly loanwords and names the matcher joins or does not
    know (see the rule's docstring), so they serve only to recognise a peer's name."""
    return [word for word, cased in _candidates(cell, lang, caseless) if not cased or unlisted(word, lang)]


def _candidates(cell, lang: str, caseless: bool) -> list[tuple[str, bool]]:
    """``name_like``'s words before the dictionary is asked, each with whether it must
    still be unknown to it (a capitalised word): the dictionary is loaded only for a word
    every other test lets through. Without ``caseless``, capitalised words only in Latin
    letters: in Cyrillic or Greek they were renderings the matcher does not know
    ("Сусітна" for Mat-Su)."""
    # Hashtags and @mentions are tags, often translated.
    text = HANDLE.sub(lambda m: " " * len(m.group()), cell.text)
    base = base_language(lang).lower()
    out: dict[str, bool] = {}
    if not cell.latin:
        out.update((t.text, False) for t in latin_tokens(text) if len(t.text) >= 3 and not t.text.isupper())
    if cell.cased and (caseless or cell.latin):
        for tok in cased_names(text):
            if len(tok.text) >= 4 and not tok.text.isupper():
                out.setdefault(tok.text, True)
    elif not caseless:
        pass
    elif base == "ja":
        out.update((w, False) for run in _KATAKANA.findall(text) for w in run.split("・") if len(w.strip("ー")) >= 3)
    elif base == "zh":
        out.update((w, False) for w in _han_names(text))
    elif base == "ko":
        for w in _HANGUL_WORD.findall(text):
            w = strip_particle(w)
            if len(w) >= 3 and sum(ch in _KO_CLUSTER for ch in w) >= 2:
                out.setdefault(w, False)
    return list(out.items())


def unlisted(word: str, lang: str) -> bool:
    """A capitalised word the language's dictionary does not know, also with an accent
    on its capital: a name the dictionary lists (Tjeckien, Noel) is a place or a common
    name, which translators add for their readers. False without a dictionary."""
    # A dictionary knows only its script's words: a Kazakh file in Latin letters has
    # none the (Cyrillic) Kazakh dictionary knows.
    if not own_script(word, lang):
        return False
    base = base_language(lang).lower()
    dictionary = _dictionary(base)
    accented = ACCENTS.get(word[:1].lower(), "").upper() if word[:1].isupper() else ""
    return dictionary is not None and not (
        dictionary.knows(_lower(word, base)) or dictionary.knows(word) or _compound(word, dictionary, base)
        or any(dictionary.knows(a + word[1:]) for a in accented))


def _lower(word: str, base: str) -> str:
    """Lower case, with Turkish and Azerbaijani dotted and dotless i (İnsani, insani)."""
    if base in ("tr", "az"):
        word = word.replace("İ", "i").replace("I", "ı")
    return word.lower()


def _compound(word: str, dictionary, base: str) -> bool:
    """Whether a capitalised word is a compound of two known words ("Sprachenrechte",
    "Dışişleri"), which dictionaries do not list; in German, a noun known as written
    (German capitalises every noun)."""
    german = base in ("de", "lb")
    if german and any(dictionary.knows(word[: len(word) - len(j)]) for j in ("", "s", "es", "n")):
        return True  # "Sicherheits-" of a compound written with a hyphen
    for i in range(3, len(word) - 2):
        head, tail = word[:i], (word[i:].capitalize() if german else _lower(word[i:], base))
        head = head if german else _lower(head, base)
        if dictionary.knows(tail) and any(
                dictionary.knows(head[: len(head) - len(j)]) for j in ("", "s", "n", "en", "es", "e")
                if len(head) - len(j) >= 3):
            return True
    return False


def strip_particle(word: str) -> str:
    for p in _KO_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    return word


def _han_names(text: str) -> list[str]:
    chars = _transliteration_chars()
    out, run = [], ""
    for ch in text + " ":
        if ch in chars or (run and ch == "·"):
            run += ch
            continue
        run = run.strip("·的和与在")
        if len(run) >= 3:
            out.append(run)
        run = ""
    return out


@lru_cache(maxsize=1)
def _transliteration_chars() -> frozenset[str]:
    """Characters in three or more of CLDR's Chinese city names that sound like the
    English name (伊尔库茨克 for Irkutsk; not 新, 港, 东 of names translated)."""
    from collections import Counter

    from transcheck.langdata import meaning_data

    counts: Counter = Counter()
    for local, english in meaning_data()["exonyms"].get("zh", {}).items():
        if transliteration_match(english, [local], False, True):
            counts.update(set(local))
    return frozenset(ch for ch, n in counts.items() if n >= 3 and "\u3400" <= ch <= "\u9fff")


def _resembles(word: str, names: list[str]) -> bool:
    """Whether ``word`` may be an unusual rendering of one of ``names``: the same first
    consonant sound, or two thirds of the consonants alike."""
    from rapidfuzz.fuzz import ratio

    mine = skeleton(word)
    if not mine:
        return True
    for name in names:
        theirs = skeleton(name)
        if theirs and (theirs[0] == mine[0] or ratio(mine, theirs) >= 67):
            return True
    return False


def _renders_any(word: str, source_words: list[str], cell) -> bool:
    """Whether ``word`` renders a word of the source (a loanword, a name; İskoçya is
    Scottish)."""
    if word.isascii() or all(ord(ch) < 0x250 for ch in word):
        low = word.casefold()
        return any(w.casefold().startswith(low[:4]) or _close(word, w) for w in source_words)
    return any(transliteration_match(w, [word], cell.arabic) or _close(word, w)
               for w in source_words)


def _in_peer(word: str, cell, lang: str) -> bool:
    """Whether another translation has ``word`` too, as written or in its script."""
    if word.casefold() in cell.text.casefold():
        return True
    latin = all(ord(ch) < 0x250 for ch in word)
    if latin and latin_prefix_match(word[:4], cell.text):
        return True
    if not latin and any(_close(word, t.text) for t in latin_tokens(cell.text) if len(t.text) >= 3):
        return True
    if cell.latin:
        return False
    # In a script without case only its name-like words: a short skeleton is inside
    # most long runs of Chinese, and like some word of a long paragraph.
    return any(_close(word, w) for w in (other_script_words(cell.text) if cell.cased else name_like(cell, lang)))


def _close(a: str, b: str, alike: int = 75) -> bool:
    """Two words of different scripts that write one name: their consonant skeletons
    are equal, or start alike and are three quarters alike (ロサンゼルス, Los Angeles;
    not コーンウォール, Ignniat)."""
    from rapidfuzz.fuzz import ratio

    # A short skeleton is like many others: one differing consonant in four is too much.
    return any(x == y or (min(len(x), len(y)) >= 3 and abs(len(x) - len(y)) <= 1 and x[0] == y[0]
                          and ratio(x, y) >= (alike if min(len(x), len(y)) >= 5 else 85))
               for x in skeletons(a) for y in skeletons(b))
