"""A name written with a letter or two changed: "Revik" for Ravik, "Corhen" for Cohren,
"Garshore Works" for Gartshore Works. Used by the entity check (TC402): a slip in a name
is told from another language's form of it (Londra, Tsoï, Caterina) and from a common
word rendered by its cognate (Algorithms as Algoritma).
"""

from __future__ import annotations

import re

from transcheck.rules._places import common_word, listed_name, same_place, unknown_word
from transcheck.rules._tokens import latin_prefix_match, latin_tokens
from transcheck.rules.base import GroupView


def misspelt(name: str, text: str, source_text: str) -> str | None:
    """A capitalised Latin word of ``text`` that is ``name`` with one letter changed,
    added, dropped or two neighbours exchanged (two edits in a name of seven letters or
    more): "Revik" for Ravik, "Graith" for Craith, "Frostwell" for Frostfell, "Corhen"
    for Cohren. Not an inflection (a word that starts with the name, or that the name
    starts with), not another word of the source, not another language's form of a
    place (Londra for London), not the same name under another romanisation or
    ending (Tsoï for Tsoy, Charkiw for Kharkiv, Caterina for Catherine)."""
    from rapidfuzz.distance import OSA

    key = name.casefold()
    if len(key) < 4:
        return None
    source_words = {t.text.casefold() for t in latin_tokens(source_text)}
    for tok in latin_tokens(text):
        word = tok.text
        low = word.casefold()
        if not tok.capitalised or word.isupper() or len(low) < 4 or low in source_words:
            continue
        if low.startswith(key[:-1]) or key.startswith(low[:-1]):
            continue  # an inflection: Cohrena, Cohren's as Cohren
        allowed = 2 if len(key) >= 7 else 1
        if OSA.distance(low, key) > allowed or abs(len(low) - len(key)) > 1:
            continue
        if same_place(name, word):
            continue
        if any(_romanised(low, first).rstrip(_VOWELS) == _romanised(key, first).rstrip(_VOWELS)
               for first in _READINGS):
            continue
        return word
    return None


_VOWELS = "aeiou"
# Spellings one sound takes in the romanisations and orthographies of European
# languages: names from a third language are written by each convention.
_SPELLINGS = (("tsch", "c"), ("tch", "c"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "c"),
              ("zh", "z"), ("ph", "f"), ("th", "t"), ("ou", "u"), ("y", "i"), ("j", "i"),
              ("w", "v"), ("k", "c"), ("q", "c"), ("x", "cs"))
# Letters that stand for other sounds in some of them, read first: French "ch" for
# "sh" (Bachar), Czech "č" and French "dj" for an English "j" (Čong for Jong). Not a
# soft "c" as "s": "Centi" for Senti is a slip as often as "Barselona" is Turkish.
_READINGS = ((), (("ch", "sh"), ("dj", "ch"), ("dz", "ch"), ("j", "ch")))


def _romanised(low: str, first: tuple = ()) -> str:
    from anyascii import anyascii

    out = anyascii(low).casefold()
    for spelling, sound in (*first, *_SPELLINGS):
        out = out.replace(spelling, sound)
    # A doubled letter is a convention inside a name (Mohammed, Prachett), a slip at
    # its start ("Ppeter").
    return out[:1] + re.sub(r"(.)\1+", r"\1", out[1:])


def mutated(word: str, name: str, lang: str) -> bool:
    """Whether ``word`` is ``name`` with the initial mutation a Celtic language gives a
    word after a preposition, article or possessive: Gaelic and Irish lenition
    ("Mhastodon") and eclipsis ("gCorcaigh"), Welsh soft, nasal and aspirate mutations
    ("Nghaerdydd", "Gaerdydd"), Breton's ("Vrest"), "h" or "t-" before a vowel."""
    changes = _MUTATIONS.get(lang.split("-")[0].lower())
    if not changes:
        return False
    w, n = word.casefold(), name.casefold()
    if n[:1] in "aeiou" and any(w == p + n for p in ("h", "h-", "t-", "n-", "t")):
        return True
    return any(n.startswith(a) and w == b + n[len(a):] for a, b in changes)


# (first letters of the word, what a mutation makes of them), per language.
_LENITION = tuple((c, c + "h") for c in "bcdfgmpst")
_MUTATIONS = {
    "gd": _LENITION, "gv": _LENITION,
    "ga": _LENITION + (("b", "mb"), ("c", "gc"), ("d", "nd"), ("f", "bhf"), ("g", "ng"), ("p", "bp"),
                       ("t", "dt"), ("s", "ts")),
    "cy": (("c", "g"), ("p", "b"), ("t", "d"), ("g", ""), ("b", "f"), ("d", "dd"), ("m", "f"), ("ll", "l"),
           ("rh", "r"), ("c", "ngh"), ("p", "mh"), ("t", "nh"), ("g", "ng"), ("b", "m"), ("d", "n"),
           ("c", "ch"), ("p", "ph"), ("t", "th")),
    "br": (("k", "g"), ("t", "d"), ("p", "b"), ("g", "c'h"), ("gw", "w"), ("b", "v"), ("d", "z"), ("m", "v"),
           ("k", "c'h"), ("t", "z"), ("p", "f")),
    "kw": (("k", "g"), ("t", "d"), ("p", "b"), ("b", "v"), ("m", "v"), ("d", "dh"), ("g", "w"),
           ("k", "h"), ("t", "th"), ("p", "f")),
}


def slip(name: str, lang: str, cells: dict, source: str | None, keyed: bool = False) -> str | None:
    """``name`` written with a letter or two changed in ``lang``'s cell, in Latin letters
    (also inside another script: "Garshore Works" in Hebrew), where no other cell writes
    it so. A variant another translation writes too is a language's form of the name
    (Edimburgo, Gales), not a slip, nor is a name the language's dictionary lists
    ("Eropa"); in a resource's values (``keyed``), nor is a word of the language: its
    word for a UI term (Swedish "Skift" for the Shift key)."""
    reference = cells[source].text if source in cells else ""
    if re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", re.sub(r"[-\u2010]", "", cells[lang].text.casefold())):
        return None  # written with a hyphen: German "E-Mail" is Email
    word = misspelt(name, cells[lang].text, reference)
    if not word or any(o != lang and latin_prefix_match(word, c.text) for o, c in cells.items()):
        return None
    if mutated(word, name, lang):
        return None  # a Celtic language's initial mutation: Gaelic "de Mhastodon"
    # A resource's capitalised words are UI terms more often than names (Shift, Option);
    # in prose a slip may make a word ("Jest" for West).
    if keyed and cells[lang].latin and common_word(word, lang):
        return None
    # A common word of the source given as the language's word for it ("Options" as
    # "Opciones" in a heading French and Chinese keep as it is): a translation.
    if cells[lang].latin and source and common_word(name, source) and common_word(word, lang):
        return None
    # A name the language's dictionary lists is its own form of the name (Indonesian
    # "Eropa", Czech "Neapoli"), as CLDR's exonyms are.
    if cells[lang].latin and listed_name(word, lang):
        return None
    return word


def named_slip(view: GroupView, name: str, lang: str, cells: dict) -> str | None:
    """A slip (``slip``) in the spelling of a name where the word also sounds like it:
    not a common word rendered by a cognate ("Algorithms" as "Algoritma", "Foundation"
    as "Fondation" in a heading), since neither the name nor the word here is written
    in lower case anywhere in its documents, nor known in lower case to its language's
    dictionary; and, in a translation in Latin letters, not the language's own form of
    a name ("Singapurze", "Waszyngton"): its dictionary must be there and know the word
    in no form. A Latin word inside another script is a copy of the name, and a copy
    changed is a slip."""
    word = slip(name, lang, cells, view.source, view.keyed)
    if not word:
        return None
    if cells[lang].latin and not unknown_word(word, lang):
        return None
    lower = _lower_words(view)
    if word.casefold() in lower[lang] or common_word(word, lang):
        return None
    if any(name.casefold() in lower[o] for o in view.documents if o != lang):
        return None
    if view.source and common_word(name, view.source):
        return None
    return word


def _lower_words(view: GroupView) -> dict[str, set[str]]:
    """Per language, the words its document writes in lower case."""
    cache = view.memo("entity_lower_words")
    if not cache:
        for lang, doc in view.documents.items():
            cache[lang] = {w for seg in doc.segments for w in _WORD.findall(seg.text) if w[0].islower()}
    return cache


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def orthography_spared(found: list) -> list:
    """The findings of ``found`` (finding, language, (name, slip) or None), without the
    slips whose change of letters the same language makes in another name too: a
    language's own spelling of foreign names ("Anqola", "Uruqvay", "Uqanda" in
    Azerbaijani, g as q) is its orthography, not a typo."""
    changes: dict[tuple, set[str]] = {}
    per: list = []
    for _, lang, variant in found:
        ops = _letters_changed(*variant) if variant else frozenset()
        per.append(ops)
        for op in ops:
            changes.setdefault((lang, op), set()).add(variant[0].casefold())
    return [finding for (finding, lang, _), ops in zip(found, per)
            if not any(len(changes[(lang, op)]) > 1 for op in ops)]


def _letters_changed(name: str, word: str) -> frozenset:
    """The letters ``word`` writes in place of ``name``'s, one by one where as many
    stand for as many (gu -> qv: g -> q, u -> v), and those it adds or leaves out, each
    with the letter before it; in lower case."""
    from difflib import SequenceMatcher

    a, b = name.casefold(), word.casefold()
    out = set()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            out.update((tag, x, y) for x, y in zip(a[i1:i2], b[j1:j2]) if x != y)
        elif tag != "equal":
            out.add((tag, a[max(0, i1 - 1):i2], b[max(0, j1 - 1):j2]))
    return frozenset(out)
