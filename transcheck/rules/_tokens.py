"""Latin-script tokens of a segment, and matching a Latin name against its rendering in
another script: shared by the entity and mixed-language checks.

A name crosses scripts by transliteration ("Blake Morgan" is "Блейк Морган" and
"بليك مورغان"); Arabic script writes no short vowels. So both sides are reduced to a
consonant skeleton: transliterated to ASCII with anyascii, digraphs unified (ch, tsh,
sh, gh, ph), letters folded into sound classes (b/p/f/v, c/k/g/j/q, s/z, t/d, l/r),
vowels and the vowel-like y, w, h dropped, repeats collapsed. "Richardson" and
"ريتشاردسون" both become "rCrtsn".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transcheck.align.anchors import _FILE
from transcheck.langid.script import char_script
from transcheck.model import Kind
from transcheck.rules._morphology import CLITICS

# A word with its combining marks: Python's \w leaves out the vowel signs and viramas
# of Devanagari and the other Indic scripts, the Hebrew and Arabic points and the kana
# voicing marks, and would cut "स्ट्राउड" into four pieces.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u0f18-\u0fbc\u102b-\u103e"
    "\u1712-\u1734\u17b4-\u17d3\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\u3099\u309a"
    "\ufe00-\ufe0f\ufe20-\ufe2f"
)
_WORD = re.compile(rf"[\w{_MARKS}]+")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef]+", re.IGNORECASE)
# Characters after which a capitalised word starts a sentence or a quotation.
_OPENERS = set('.!?:;"“”„«»‹›([{—–…¿¡\u061f')
SKIPPED_KINDS = (Kind.CODE, Kind.URL, Kind.IMAGE, Kind.DIRECTIVE)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    sentence_start: bool

    @property
    def key(self) -> str:
        return self.text.casefold()

    @property
    def acronymish(self) -> bool:
        """CX, SaaS, iPhone: a capital letter after the first, so not merely a
        capitalised word."""
        return any(ch.isupper() for ch in self.text[1:])

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def is_latin(ch: str) -> bool:
    return char_script(ch) == "Latin"


def clean(text: str) -> str:
    """``text`` with file names and URLs blanked (same length, so offsets hold)."""
    text = _URL.sub(lambda m: " " * len(m.group()), text)
    return _FILE.sub(lambda m: " " * len(m.group()), text)


def latin_tokens(text: str) -> list[Token]:
    """Maximal runs of Latin letters (and digits after a letter) inside words: hyphens
    and apostrophes split ("Guru'da" gives "Guru", "SaaS-företag" gives "SaaS"), and so
    does a change of script ("وCS" gives "CS")."""
    return list(_latin_tokens(text))


# The entity, role and mixed-language checks each tokenise the same cells of a group.
@lru_cache(maxsize=1024)
def _latin_tokens(text: str) -> tuple[Token, ...]:
    if text.isascii():  # the same runs, found by one pattern: ASCII letters are Latin
        return tuple(
            Token(m.group(), m.start(), m.end(), _starts_sentence(text, m.start()))
            for m in _ASCII_RUN.finditer(text)
        )
    out = []
    latin = _LATIN
    for m in _WORD.finditer(text):
        word, base = m.group(), m.start()
        i = 0
        while i < len(word):
            ch = word[i]
            if not (latin[ch] if ch in latin else _learn(ch)):
                i += 1
                continue
            j = i + 1
            while j < len(word):
                ch = word[j]
                if not ((latin[ch] if ch in latin else _learn(ch)) or ch.isdigit()):
                    break
                j += 1
            start = base + i
            # The previous non-space character, found without copying the text: a
            # slice per token made one long line cost quadratic time.
            k = start - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            sentence_start = i == 0 and (k < 0 or text[k] in _OPENERS)
            out.append(Token(word[i:j], start, base + j, sentence_start))
            i = j
    return tuple(out)


_LATIN: dict[str, bool] = {}  # is_latin of the characters seen (a few hundred)


def _learn(ch: str) -> bool:
    _LATIN[ch] = value = is_latin(ch)
    return value


_ASCII_RUN = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def _starts_sentence(text: str, start: int) -> bool:
    """For an ASCII run at ``start``: it begins its word, after an opener or nothing."""
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False
    k = start - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or text[k] in _OPENERS


def other_script_words(text: str, unspaced: bool = False) -> list[str]:
    """Words with a letter of a non-Latin script. In a script written without spaces,
    a word is a run of one script: katakana names stand apart from the Han and
    hiragana around them (ワシントン州の gives ワシントン)."""
    words = [w for w in _WORD.findall(text) if any(ch.isalpha() and not is_latin(ch) for ch in w)]
    if not unspaced:
        return words
    out = []
    for w in words:
        out += [m.group() for m in _SCRIPT_RUN.finditer(w)]
    return [w for w in out if not all(is_latin(ch) or ch.isdigit() for ch in w)]


_SCRIPT_RUN = re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]+|[\u3040-\u309f]+|[\u3400-\u9fff]+|[\uac00-\ud7af]+|[^\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]+")


def cased_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w[0].lower() != w[0].upper()]


def cased_names(text: str) -> list[Token]:
    """Capitalised words that do not start a sentence, in any script with case (Latin,
    Cyrillic, Greek, Armenian…): where a cased language writes a name."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) < 2 or not word[0].isupper() or word[0].lower() == word[0].upper():
            continue
        k = m.start() - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        out.append(Token(word, m.start(), m.end(), k < 0 or text[k] in _OPENERS))
    return [t for t in out if not t.sentence_start]


_DIGRAPHS = (
    ("chr", "kr"), ("chl", "kl"), ("dzh", "j"), ("tsh", "C"), ("tch", "C"), ("sch", "s"),
    ("ch", "C"), ("sh", "s"), ("zh", "j"), ("kh", "k"), ("gh", "g"), ("ph", "f"),
    ("th", "t"), ("ck", "k"), ("qu", "k"), ("x", "ks"),
)
# l and r are one sound class: Japanese and Korean do not tell them apart.
_CLASSES = str.maketrans("pfvcgjqzdl", "bbbkkkkstr")
_DROP = re.compile(r"[aeiouyhw]")
_SOFT_C = re.compile(r"c(?=[eiy])")


# Letters that write vowels or length rather than consonants before romanisation: the
# Hebrew matres lectionis (ו, י, א, ע: "קוהרן" is Cohren), the kana gemination mark and
# long-vowel sign (グレッグス is Greggs).
_VOWEL_LETTERS = str.maketrans("", "", "וייאעッっーｯｰ")


@lru_cache(maxsize=50_000)
def skeleton(word: str) -> str:
    return _skeleton(word)[0]


@lru_cache(maxsize=50_000)
def skeletons(word: str) -> tuple[str, ...]:
    """The skeleton and its variants: a romanised "kh" may stand for a foreign "h"
    (Хэмилтона is Hamilton, خ for H), so may a Cyrillic "г" (Ukrainian Гейл is Hale);
    Greek writes d, b, g, h as ντ, μπ, γκ, χ (Ντογκ is Dogg, Χίλαρι is Hillary); a "th"
    may be voiced (Гізер is Heather), and a final "s" may be silent (إلينوي is
    Illinois)."""
    return _skeleton(word)


def _skeleton(word: str) -> tuple[str, ...]:
    from anyascii import anyascii

    s = re.sub(r"[^a-z]", "", anyascii(word.translate(_VOWEL_LETTERS)).lower())
    out = [_reduce(s)]
    if "kh" in s:
        out.append(_reduce(s.replace("kh", "h")))
    if "w" in s:  # Eirwen is Эирвин: w heard as v
        out.append(_reduce(s.replace("w", "v")))
    if _SOFT_C.search(s):  # Vicente is Висенте, ビセンテ: a soft c heard as s
        out.append(_reduce(_SOFT_C.sub("s", s)))
    if "th" in s:  # Heather is Гізер: a voiced th heard as z
        out.append(_reduce(s.replace("th", "z")))
    greek = word.lower().replace("ντ", "d").replace("μπ", "b").replace("γκ", "g").replace("χ", "h")
    if greek != word.lower():  # Greek writes a foreign d, b, g, h as ντ, μπ, γκ, χ (Ντογκ is Dogg)
        out.extend(_skeleton(greek))
    if "г" in word.lower():  # Ukrainian and Belarusian write an English h with г (Гейл is Hale)
        out.extend(_skeleton(word.lower().replace("г", "х")))
    if len(out[0]) >= 3 and out[0].endswith("s"):
        out.append(out[0][:-1])
    return tuple(dict.fromkeys(out))


def _reduce(s: str) -> str:
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = _DROP.sub("", s.translate(_CLASSES))
    return re.sub(r"(.)\1+", r"\1", s)


_ARABIC_PREFIXES = CLITICS["ar"][0]
_HEBREW_PREFIXES = CLITICS["he"][0]


def clitic_prefixes(word: str) -> tuple[str, ...]:
    """The clitic prefixes ``word`` may start with, by its script: the one list per
    writing system shared by the name matcher, the glossary check and the negation
    count (Arabic و ب ل ك ف ال; Hebrew ו ה ב ל כ מ ש)."""
    first = word[:1]
    if "\u0600" <= first <= "\u06ff":
        return tuple(p for p in _ARABIC_PREFIXES if word.startswith(p))
    if "\u05d0" <= first <= "\u05ea":
        return tuple(p for p in _HEBREW_PREFIXES if word.startswith(p))
    return ()


UNSPACED_SCRIPTS = frozenset({"Han", "Kana", "Thai"})  # no spaces between words


def transliteration_match(
    name: str, words: list[str], arabic_script: bool, unspaced: bool = False
) -> bool:
    """Whether one of ``words`` renders the Latin ``name``: transliterated from another
    script, or another language's form of it (Rom, Roma; Londra, London), allowing a
    short inflection ending and, in Arabic script, a clitic prefix (و, ب, ل, ك, ف,
    ال). In scripts written without spaces a "word" is a whole run of text, so the
    name may sit anywhere inside it."""
    # Latin "j" is /j/ in German or Scandinavian names (Jonas: Йонас, يوناس) and /dʒ/
    # in English ones (John: Джон, جون): try both readings.
    targets = set(skeletons(name))
    if "j" in name.lower():
        targets.update(skeletons(re.sub("[jJ]", "y", name)))
    return any(
        _renders(target, words, arabic_script, unspaced) for target in sorted(targets) if target
    )


def _renders(target: str, words: list[str], arabic_script: bool, unspaced: bool) -> bool:
    from rapidfuzz.distance import Hamming
    from rapidfuzz.fuzz import ratio

    slack = 1 if arabic_script else 2
    for word in words:
        forms = set(skeletons(word))
        for p in clitic_prefixes(word):
            if len(word) > len(p) + 2 or (arabic_script and len(word) > len(p)):
                forms.update(skeletons(word[len(p):]))
        for form in forms:
            if unspaced and target in form:
                return True
            # A short skeleton (Bar: br) takes at most one more consonant, or every
            # word that starts alike (бренда: brnt) would render it.
            room = slack if len(target) > 2 else min(slack, 1) if not arabic_script else 0
            if form.startswith(target) and len(form) <= len(target) + room:
                return True
            if len(target) >= 5 and ratio(form, target) >= 85:
                return True
            if len(target) >= 3 and abs(len(form) - len(target)) <= 1 and form[:3] == target[:3]:
                return True
            # One consonant heard differently (López, Λόπεθ): same length, same start.
            if (len(target) >= 3 and len(form) == len(target) and form[:2] == target[:2]
                    and Hamming.distance(form, target) == 1):
                return True
    return False


def latin_prefix_match(name: str, text: str) -> bool:
    """``name`` written in Latin letters in ``text``, at the start of a word, in any case
    and with any ending ("Guru'da", "CS-team", "وCS", "SaaS-компаний")."""
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    for m in pattern.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if not is_latin(before):
            return True
    return False
