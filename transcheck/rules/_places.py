"""Places named in a text, in any language transcheck has CLDR data for: the countries
and the exemplar cities of CLDR's time zones, each under its English name ("Londres",
"Лондоне", "لندن" and "ロンドン" are London; "Allemagne" is Germany). Used by the
entity check (TC402): a place of the source that a translation gives as another place
is a name substituted, not a name translated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.model import base_language

_WORD = re.compile(r"[^\W\d_][\w\u0900-\u0dff\u064b-\u065f'’׳-]*")
# Arabic and Hebrew write "and", "in", "to", "the" as a letter glued to the name.
_CLITICS = {"ar": ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك"), "he": ("וה", "וב", "ול", "ומ", "ה", "ב", "ל", "מ", "ו", "ש"),
            "fa": ("و",), "ur": ("و",)}
_UNSPACED = ("ja", "zh", "th")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_RUNS = re.compile(r"[\u30a0-\u30ff]+|[\u3400-\u9fff]+|[\u0e00-\u0e7f]+")


@lru_cache(maxsize=64)
def _table(language: str) -> dict[str, str]:
    """Casefolded local name -> English name; English names stand for themselves (a
    translation keeps "Los Angeles" in Latin letters)."""
    from transcheck.langdata import meaning_data

    exonyms = meaning_data()["exonyms"]
    table = {en.casefold(): en for names in exonyms.values() for en in names.values()}
    table.update(exonyms.get(base_language(language).lower(), {}))
    return table


@lru_cache(maxsize=64)
def _latin(language: str) -> dict[str, str]:
    return {k: v for k, v in _table(language).items() if k.isascii()}


def places(text: str, language: str) -> set[str]:
    """The English names of the places ``text`` names, in ``language``'s forms or in
    English; a name with a case ending ("Лондоне", "Londons") or a clitic ("ولندن")."""
    table = _table(language)
    base = base_language(language).lower()
    latin = _latin(language)
    if base in _UNSPACED:
        # A run of one script that is the name, whole (ロサンゼルス, not マリ in マリオ);
        # a Han name of three characters or more anywhere (洛杉矶 is 洛杉矶市 too).
        runs = set(_RUNS.findall(text))
        return {en for local, en in table.items() if not local.isascii() and (
            local in runs or (len(local) >= 3 and _HAN.fullmatch(local) and local in text))} | _spaced(text, latin, base)
    if base == "ko":
        # A name with its particle (로스앤젤레스에): the word starts with it, and one
        # or two syllables follow at most ("이란" is "called", no Iran).
        words = _WORD.findall(text)
        return {en for local, en in table.items() if not local.isascii() and len(local) >= 3 and any(
            w.startswith(local) and len(w) - len(local) <= 2 for w in words)} | _spaced(text, latin, base)
    return _spaced(text, table, base)


def _spaced(text: str, table: dict[str, str], base: str) -> set[str]:
    words = _WORD.findall(text)
    found = set()
    clitics = _CLITICS.get(base, ())
    for i in range(len(words)):
        first = words[i][0]
        if first.lower() != first.upper() and not first.isupper():
            continue  # in a script with case a name is capitalised: "nice" is no Nice
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            span = " ".join(words[i:i + size]).casefold()
            forms = (span, *(span[len(c):] for c in clitics if span.startswith(c) and len(span) > len(c) + 2))
            # A name of three letters in a script without case is too often a piece of
            # another word or name (سول for Sol, not Seoul).
            for form in (f for f in forms if len(f) >= 4 or (f[:1].lower() != f[:1].upper())):
                en = table.get(form) or table.get(form.replace(" ", "-")) or _inflected(form, table)
                if en:
                    found.add(en)
                    break
    return found


def _inflected(form: str, table: dict[str, str]) -> str | None:
    """A name with a case ending ("лондоне", "германии"): a name of the table of six
    letters or more that shares the form's first five letters or more and differs
    only in an ending."""
    if len(form) < 6:
        return None
    for cut in (1, 2, 3):
        stem = form[:-cut]
        if len(stem) < 5:
            break
        for end in ("", "а", "я", "a", "e", "ия", "ь", "й"):
            en = table.get(stem + end)
            if en and len(stem + end) >= 6:
                return en
    return None


def new_place(source: str | None, cells: dict, lang: str) -> str | None:
    """A city ``lang``'s cell names that no other cell names (the source's, the other
    translations'): "Los Angeles" where the source says Baton Rouge. Countries are
    left out: translators add one to place a city ("特尔福德" as a town of the United
    Kingdom), and so is a city written the way the translation renders a name of the
    source ("كييف" is Kyiv, and Keefe). ``cells``: language -> the entity check's cell
    (``text``, ``arabic``)."""
    here = places(cells[lang].text, lang) - _countries()
    if not here:
        return None
    others = set()
    for o, cell in cells.items():
        if o != lang:
            others |= places(cell.text, o)
    new = [en for en in sorted(here - others)
           if not (source in cells and _renders_source(en, cells[source].text, lang, cells[lang].arabic))]
    return new[0] if new else None


def _renders_source(place: str, source_text: str, lang: str, arabic: bool) -> bool:
    """Whether the language writes the city ``place`` the way it renders a name of the
    source: "كييف" is Kyiv, and Adam Keefe in Arabic."""
    from transcheck.rules._tokens import latin_tokens, transliteration_match

    local = [k for k, en in _table(lang).items() if en == place and not k.isascii()]
    names = {t.text for t in latin_tokens(source_text) if t.capitalised and t.text.casefold() != place.casefold()}
    unspaced = base_language(lang).lower() in _UNSPACED  # 圣地亚哥 is Santiago, and San Diego
    return bool(local) and any(transliteration_match(name, local, arabic, unspaced) for name in sorted(names))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from transcheck.langdata import region_names

    return region_names()


def unknown_word(word: str, language: str) -> bool:
    """Whether the language's Hunspell dictionary knows ``word`` neither as written (a
    name it lists, in any of its forms: "Singapurze", "Waszyngton") nor in lower case;
    False without a dictionary: then nothing is known to be unknown."""
    if not own_script(word, language):
        return _has_dictionary(language)  # no need to load it: it knows no such word
    dictionary = _dictionary(base_language(language).lower())
    return dictionary is not None and not (dictionary.knows(word) or dictionary.knows(word.lower()))


def listed_name(word: str, language: str) -> bool:
    """Whether the language's Hunspell dictionary lists ``word`` as a name, known as
    written and not in lower case ("Eropa", "Neapoli"); never in German or
    Luxembourgish, which capitalise every noun ("Dock"). False without a dictionary."""
    base = base_language(language).lower()
    if base in ("de", "lb") or not own_script(word, language):
        return False
    dictionary = _dictionary(base)
    return dictionary is not None and dictionary.knows(word) and not dictionary.knows(word.lower())


# Letters whose accent is often left off: on a capital ("Ecosse" for Écosse), in a tag
# ("#academie").
ACCENTS = {"e": "éèê", "a": "àâá", "i": "îí", "o": "ôó", "u": "ûùú", "c": "ç"}


def own_script(word: str, language: str) -> bool:
    """Whether ``word`` has letters of a script ``language`` is written in: another
    script's word is in none of its dictionaries (a Latin name in a Russian text)."""
    from transcheck.langid.script import script_counts, scripts_of

    return bool(set(script_counts(word)) & scripts_of(language))


@lru_cache(maxsize=64)
def _has_dictionary(language: str) -> bool:
    from transcheck.rules._hunspell import available

    return available(base_language(language).lower())


def common_word(word: str, language: str) -> bool:
    """Whether the language's Hunspell dictionary knows ``word`` in lower case; False
    without a dictionary."""
    dictionary = _dictionary(base_language(language).lower())
    return dictionary is not None and dictionary.knows(word.lower())


def same_place(name: str, other: str) -> bool:
    """Whether ``other`` is a language's form of the place CLDR calls ``name`` in
    English (Londra for London)."""
    english = _table("en").get(name.casefold())
    return bool(english) and english == _any_place(other.casefold())


def _any_place(low: str) -> str | None:
    from transcheck.langdata import meaning_data

    for names in meaning_data()["exonyms"].values():
        if low in names:
            return names[low]
    return None


def ui_label(names: list[str], source: str | None, translated_by: int) -> bool:
    """Whether ``names`` is one common word of the source's language (English without
    one) that two other translations or more translate too: "Restart", "Name", "Under"
    are a manual's UI labels, which some translators keep and others translate
    ("Genstart", "Onder"); the entity check then needs a slip its language knows as no
    word ("Veriety"). A name every other translation keeps ("Terry") is a name."""
    return len(names) == 1 and translated_by >= 2 and common_word(names[0], source or "en")


@lru_cache(maxsize=64)
def _dictionary(language: str):
    from transcheck.rules._hunspell import load

    return load(language)
