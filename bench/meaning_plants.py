"""Meaning defects to plant in one translation of a real document, for
``bench/plant_meaning.py``: one function per kind, each given a ``Doc`` (the line
index, the translation's language, its lines, the source's and the peers' lines, and
the same language's lines of the other documents) and returning the new text of that
line, or None when the line has nothing to change.

- ``entity``: a name the source has, kept or transliterated in the translation, becomes
  another name, as the same language writes a name of another document ("Baton Rouge"
  for "Los Angeles", "Байден" for "Трамп");
- ``unit``: a measure's unit exchanged for the other system's, the number kept (8 km
  becomes 8 miles, 1,98 m becomes 1,98 ft, 30 °C becomes 30 °F);
- ``number-word``: a number written as a word that the source also has becomes another
  ("cinq" for "six");
- ``negation-drop``: every negation marker of the first negated sentence goes;
- ``negation-add``: a verb of a sentence nobody negates is negated (per-language forms:
  "is not", "n'est pas", "non è", "ist nicht", "не является", "gelmedi", "ません");
- ``role-swap``: two different numbers the source also has change places.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from transcheck.rules._negations import _WORD, MARKERS, UNSPACED, negations
from transcheck.text import sentences
from transcheck.rules._number_words import number_words
from transcheck.rules._quantities import _data, quantities
from transcheck.rules._substitution import _transliteration_chars
from rapidfuzz.fuzz import ratio

from transcheck.rules._tokens import (
    clitic_prefixes,
    latin_tokens,
    other_script_words,
    skeletons,
    transliteration_match,
)


@dataclass
class Doc:
    lang: str
    line: int  # 0-based
    text: str
    source: str
    peers: dict[str, str]
    foreign: list[str]  # the same language's lines of other documents
    foreign_source: list[str]  # their source lines, in the same order


def _names(source: str) -> list[str]:
    return [t.text for t in latin_tokens(source)
            if t.capitalised and not t.acronymish and not t.sentence_start and len(t.text) >= 4]


def _loose(name: str, text: str, lang: str) -> str | None:
    """A word of ``text`` that may write ``name``: as it is, or transliterated. Loose
    (a common word of a caseless script may sound like a name): enough for the peers'
    vote on whether a name is kept, not for choosing the word to replace."""
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        return name
    arabic = lang in ("ar", "fa", "ur")
    if lang in ("zh", "ja"):
        for run in other_script_words(text, True):
            for size in range(2, min(7, len(run)) + 1):
                for i in range(len(run) - size + 1):
                    piece = run[i:i + size]
                    if transliteration_match(name, [piece], False) and len(piece) >= max(2, len(name) // 3):
                        return piece
        return None
    for word in other_script_words(text):
        if word[:1].isupper() or word[:1].lower() == word[:1].upper():
            if transliteration_match(name, [word], arabic):
                return word
    return None


_LATIN = r"[A-Za-z\u00c0-\u024f\d]"


@lru_cache(maxsize=4096)
def _naming(name: str) -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_]){re.escape(name)}", re.I)


# A Hebrew word with its geresh (ג'ונסון is Johnson; the word pattern splits it).
_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea]+(?:['\u05f3][\u05d0-\u05ea]+)*['\u05f3]?")


@lru_cache(maxsize=1)
def _han_name_run() -> re.Pattern:
    return re.compile("[" + "".join(sorted(_transliteration_chars())) + "]{2,}")


def _name_runs(text: str, lang: str) -> list[str]:
    """The runs of ``text`` in which Chinese or Japanese writes a foreign name: in
    Japanese katakana; in Chinese the characters it transliterates with (斯, 特, 尔,
    克…; learnt from CLDR's Chinese names of the world's cities, as the entity check
    learns them), not 国王 or 众议院 that merely stand beside a name in one document."""
    if lang == "ja":
        return re.findall(r"[\u30a0-\u30ff\uff66-\uff9f]{2,}", text)
    return _han_name_run().findall(text)


def _pieces(text: str, lang: str) -> list[str]:
    """The parts of ``text`` without case that may write a name: in Chinese and
    Japanese any 2 to 10 characters of one script; elsewhere a word, less a clitic
    prefix (Hebrew, Arabic) and less a Korean particle (스필레인의, 우크라이나에서)."""
    if lang in ("zh", "ja"):
        pieces = [run[i:i + size] for run in _name_runs(text, lang)
                  for size in range(min(10, len(run)), 1, -1) for i in range(len(run) - size + 1)]
        return [p for p in pieces if p[0] != "・" and p[-1] != "・"]
    out = []
    for word in _HEBREW_WORD.findall(text) if lang == "he" else other_script_words(text):
        if word[:1].lower() != word[:1].upper():
            continue
        for p in ("", *clitic_prefixes(word)):
            stem = word[len(p):]
            ends = [0] + [k for k in (1, 2, 3) if all("\uac00" <= ch <= "\ud7af" for ch in stem[-k:])]
            out += [stem[:len(stem) - k] for k in ends if len(stem) - k >= 2]
    return out


def _confirmed(piece: str, name: str, lines: list[str], sources: list[str], skip: int) -> int:
    """How many lines hold ``piece`` where the source names ``name`` (the line it was
    found in, left out of ``lines`` or at index ``skip``, and the others), or 0 when it
    is not confirmed as the name: a rendering of a name stands where the source has
    the name, a common word everywhere. Another such line, and at least two for each
    line that holds it without the name (a translation may name whom the source calls
    "he")."""
    says = _naming(name)
    on, off = 1, 0
    for j, line in enumerate(lines):
        if j != skip and piece in line:
            if says.search(sources[j]):
                on += 1
            else:
                off += 1
    return on if on >= 2 and 2 * off <= on else 0


def _closeness(name: str, piece: str) -> float:
    """How alike the consonant skeletons sound (0 to 100): the matcher admits a word
    a third unlike the name (Ignniat, खनिज: knt, knk), too loose to plant by."""
    targets = set(skeletons(name)) | (set(skeletons(re.sub("[jJ]", "y", name))) if "j" in name.lower() else set())
    return max(ratio(a, b) for a in targets for b in skeletons(piece))


def _rendering(name: str, text: str, lang: str, lines: list[str], sources: list[str], skip: int = -1) -> str | None:
    """The word of ``text`` that writes ``name``: as it is, capitalised and
    transliterated in a cased script, or, without case, the part that sounds like the
    name (three quarters alike) and is confirmed as the name by the same language's
    ``lines`` (``sources`` their source lines, ``skip`` the index of ``text`` among
    them); of several, the likest, then the one found most often where the source has
    the name, then the longest (利文斯顿 before 利文斯顿附, 우크라이나 before 우크라이나에서)."""
    if re.search(rf"(?<!{_LATIN}){re.escape(name)}(?!{_LATIN})", text):  # Digikey에서 holds Digikey
        return name
    arabic = lang in ("ar", "fa", "ur")
    if lang not in ("zh", "ja"):
        for word in other_script_words(text):
            if word[:1].isupper() and transliteration_match(name, [word], arabic):
                return word
    best = (0.0, 0, 0, "")
    least = max(2, len(name) // 3) if lang in ("zh", "ja") else 2
    for piece in dict.fromkeys(_pieces(text, lang)):
        if len(piece) < least or not transliteration_match(name, [piece], arabic):
            continue
        like = _closeness(name, piece)
        if like >= 75 and (on := _confirmed(piece, name, lines, sources, skip)):
            best = max(best, (like, on, len(piece), piece), key=lambda b: b[:3])
    return best[3] or None


def entity(doc: Doc) -> str | None:
    names = [n for n in _names(doc.source) if sum(_loose(n, p, lg) is not None
                                                   for lg, p in doc.peers.items()) >= len(doc.peers) / 2]
    for name in names:
        here = _rendering(name, doc.text, doc.lang, doc.foreign, doc.foreign_source)
        if here is None:
            continue
        # The other document's line to take a name from starts at a place of its own
        # for each plant: one substitute for every plant of a language would measure
        # that word's luck (a short skeleton like a word of the source) more than the
        # rule.
        n = len(doc.foreign)
        start = int(hashlib.sha1(f"{doc.lang}:{doc.line}:{name}".encode()).hexdigest(), 16) % max(n, 1)
        for j in [*range(start, n), *range(start)]:
            other_text, other_source = doc.foreign[j], doc.foreign_source[j]
            for other in _names(other_source):
                if other.casefold() in doc.source.casefold() or other[:2].casefold() == name[:2].casefold():
                    continue
                replacement = _rendering(other, other_text, doc.lang, doc.foreign, doc.foreign_source, j)
                if not replacement or replacement in doc.text or len(replacement) < 2:
                    continue
                # A name in a caseless script becomes another so written: a Latin word
                # inside Chinese is another, easier defect.
                caseless = here[:1].lower() == here[:1].upper()
                if caseless and replacement[:1].lower() != replacement[:1].upper():
                    continue
                if caseless or doc.lang in ("zh", "ja"):
                    return doc.text.replace(here, replacement)  # a part of a word, confirmed rare
                return re.sub(rf"(?<!\w){re.escape(here)}", replacement, doc.text)
    return None


# Each unit and the other system's: what a wrong conversion leaves.
_SWAP = {"length-kilometer": "length-mile", "length-mile": "length-kilometer", "length-meter": "length-foot",
         "length-foot": "length-meter", "length-centimeter": "length-inch", "length-inch": "length-centimeter",
         "mass-kilogram": "mass-pound", "mass-pound": "mass-kilogram", "temperature-celsius": "temperature-fahrenheit",
         "temperature-fahrenheit": "temperature-celsius", "volume-liter": "volume-gallon", "volume-gallon": "volume-liter",
         "speed-kilometer-per-hour": "speed-mile-per-hour", "speed-mile-per-hour": "speed-kilometer-per-hour"}


def _unit_word(lang: str, unit: str) -> str | None:
    forms = [a for b, a, u in _data()["units"].get(lang, ()) if u == unit and not b and a]
    return max(forms, key=len) if forms else None


def unit(doc: Doc) -> str | None:
    if not quantities(doc.source, "en"):
        return None
    for q in quantities(doc.text, doc.lang):
        number = re.match(r"-?\d+(?:[.,]\d+)*", q.surface)
        if number is None or "-" in q.surface[number.end():] or "′" in q.surface or "'" in q.surface:
            continue
        rest = q.surface[number.end():].strip()
        own = {a.casefold(): u for b, a, u in list(_data()["units"].get(doc.lang, [])) + _data()["units"]["en"] if not b}
        current = own.get(rest.casefold())
        if rest in ("°C", "°F", "℃", "℉"):
            new = {"°C": "°F", "°F": "°C", "℃": "℉", "℉": "℃"}[rest]
        elif current in _SWAP and (word := _unit_word(doc.lang, _SWAP[current])):
            new = word
        else:
            continue
        space = q.surface[number.end():len(q.surface) - len(rest)]
        return doc.text[:q.start] + number.group() + space + new + doc.text[q.end:]
    return None


def number_word(doc: Doc) -> str | None:
    from transcheck.rules._numbers import values

    wanted = {str(v) for v, *_ in number_words(doc.source, "en")} | set(values(doc.source, "en"))
    table = _data()["number_words"].get(doc.lang, {})
    for value, start, end in number_words(doc.text, doc.lang):
        if str(value) not in wanted:
            continue
        new_value = value + 1 if value not in (9, 19, 90, 100, 1000) else value - 1
        if doc.lang in ("zh", "ja"):
            new = "二三四五六七八九十"[new_value - 2] if new_value <= 10 else None
        else:
            forms = sorted(w for w, v in table.items() if v == new_value)
            new = forms[0] if forms else None
        if new:
            word = doc.text[start:end]
            new = new.capitalize() if word[:1].isupper() else new
            return doc.text[:start] + new + doc.text[end:]
    return None


def negation_drop(doc: Doc) -> str | None:
    base = doc.lang
    have = [bool(sum(negations(s, lg) or 0 for s in sentences(t))) for lg, t in doc.peers.items()]
    if 5 * sum(have) < 4 * len(have) or not sum(negations(s, "en") or 0 for s in sentences(doc.source)):
        return None
    for sentence in sentences(doc.text):
        if not negations(sentence, doc.lang):
            continue
        if base in UNSPACED:
            new = UNSPACED[base].sub("", sentence)
        else:
            primary, concord = MARKERS.get(base, (frozenset(), frozenset()))

            def drop(m):
                low = m.group().lower()
                if low in primary or low in concord or (base == "fr" and low in ("ne", "n")):
                    return ""
                return m.group()
            new = re.sub(r"\s{2,}", " ", _WORD.sub(drop, sentence))
            if base == "tr":
                new = re.sub(r"(\w{2,}?)m[ae](d[ıi]|yor|z)", r"\1\2", new)
        if new != sentence:
            return doc.text.replace(sentence, new, 1)
    return None


_ADD = {
    "en": (r"\b(is|are|was|were|will|can|has|have|had)\b", r"\1 not"),
    "de": (r"\b(ist|sind|war|waren|wird|werden|hat|haben|kann|können)\b", r"\1 nicht"),
    "fr": (r"\b(est|sont|était|sera|peut|va|ont)\b", r"n'\1 pas"),
    "es": (r"\b(es|son|está|están|era|fue|ha|han|puede|va)\b", r"no \1"),
    "it": (r"(?<!\w)(è|sono|era|ha|hanno|può|sarà)\b", r"non \1"),
    "pt": (r"(?<!\w)(é|são|está|estão|era|foi|tem|pode|vai)\b", r"não \1"),
    "sv": (r"\b(är|var|har|hade|kan|ska|skulle|blir|blev)\b", r"\1 inte"),
    "ru": (r"(?<!\w)(является|будет|может|был|была|были|было|есть|стал|стала|стали)(?!\w)", r"не \1"),
    "uk": (r"(?<!\w)(є|буде|може|був|була|були|було|став|стала|стали)(?!\w)", r"не \1"),
    "ar": (r"(?<!\w)(يمكن|يجب|يكون|تكون|يوجد|توجد)(?!\w)", r"لا \1"),
    "he": (r"(?<!\w)(היה|הייתה|היו|יכול|יכולה|צריך|צריכה|יהיה)(?!\w)", r"לא \1"),
    "hi": (r"(?<!\S)(है|हैं|था|थी|थे)(?=[\s।,]|$)", r"नहीं \1"),
    "tr": (r"(?<!\w)(\w{2,}?)(d[ıiuü]|t[ıiuü])(?=[\s.,!?]|$)", None),
    "ja": (r"(ます|です)(?=[。、])", None),
    "ko": (r"습니다(?=[.\s]|$)", r"지 않습니다"),
    "zh": (r"(是|有|会|能)", None),
}
_TR_BACK = set("aıou")


def _tr_negative(m: re.Match) -> str:
    stem, tense = m.group(1), m.group(2)
    vowels = [ch for ch in stem if ch in "aeıioöuü"]
    suffix = "ma" if vowels and vowels[-1] in _TR_BACK else "me"
    tense = "d" + ("ı" if suffix == "ma" else "i")
    return stem + suffix + tense


def negation_add(doc: Doc) -> str | None:
    rule = _ADD.get(doc.lang)
    if rule is None or sum(negations(s, "en") or 0 for s in sentences(doc.source)):
        return None
    if sum(bool(sum(negations(s, lg) or 0 for s in sentences(t))) for lg, t in doc.peers.items()) * 5 > len(doc.peers):
        return None
    pattern, repl = rule
    for sentence in sentences(doc.text):
        if negations(sentence, doc.lang):
            continue
        m = re.search(pattern, sentence)
        if m is None:
            continue
        if doc.lang == "tr":
            new = sentence[:m.start()] + _tr_negative(m) + sentence[m.end():]
        elif doc.lang == "ja":
            new = sentence[:m.start()] + {"ます": "ません", "です": "ではありません"}[m.group(1)] + sentence[m.end():]
        elif doc.lang == "zh":
            new = sentence[:m.start()] + ("没" if m.group(1) == "有" else "不") + sentence[m.start():]
        else:
            new = sentence[:m.start()] + m.expand(repl) + sentence[m.end():]
        return doc.text.replace(sentence, new, 1)
    return None


_CASED = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_NUMBER = rf"(?<![{_CASED}\d_.,@])\d{{2,}}(?![{_CASED}\d_.,])"


def role_swap(doc: Doc) -> str | None:
    from transcheck.rules._numbers import ascii_digits

    text = ascii_digits(doc.text)
    if len(text) != len(doc.text):
        return None
    source = set(re.findall(_NUMBER, ascii_digits(doc.source)))
    nums = [m for m in re.finditer(_NUMBER, text) if m.group() in source]
    for a in nums:
        for b in nums:
            if b.start() > a.end() and a.group() != b.group():
                return (doc.text[:a.start()] + b.group() + doc.text[a.end():b.start()] + a.group()
                        + doc.text[b.end():])
    return None


KINDS = {"entity": entity, "unit": unit, "number-word": number_word, "negation-drop": negation_drop,
         "negation-add": negation_add, "role-swap": role_swap}
# Each kind's rule and its lead (off by default, info): a plant a lead finds is found,
# not loudly.
EXPECT = {"entity": {"TC402", "TC404"}, "unit": {"TC401", "TC403"}, "number-word": {"TC401", "TC403"},
          "negation-drop": {"TC503"}, "negation-add": {"TC503"}, "role-swap": {"TC502", "TC506"}}
