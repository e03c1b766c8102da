"""Untranslated values of keyed resources (TC202), with the other translations as
evidence: a UI string is too short for language identification ("Save file",
"Settings"), but a value equal to the source's where the other translations all
differ from it was not translated. One the other translations keep as well ("OK",
a product name, a code) is the project's convention and stays quiet. A value equal
to one other translation's, in a script its own language does not write (Greek in a
Polish file), was pasted from that translation."""

from __future__ import annotations

import re
from dataclasses import replace

from transcheck.langid.names import language_name
from transcheck.model import Strength, base_language
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, Rule, snippet

_WORD = re.compile(r"[^\W\d_]{2,}")
_PEERS = 3  # translations that must have the key for their difference to count
# Languages written in more than one script, by region or by community: Punjabi in
# Gurmukhi and (in Pakistan) Shahmukhi, Kurdish in Latin and (Sorani) Arabic script...
_MANY_SCRIPTS = frozenset({"pa", "ku", "sd", "ks", "uz", "az", "ms", "mn", "tg", "sr", "bs", "ug", "sh"})


def untranslated(view: GroupView, rule: Rule, reported: set[tuple[str, int]]):
    yield from _pasted(view, rule, reported)
    if view.source is None:
        return
    source = keyed.cached_values(view, view.source)
    others = {lang: keyed.cached_values(view, lang) for lang in keyed.translations(view)}
    for lang, mine in others.items():
        if base_language(lang) == base_language(view.source):
            continue  # British English keeps most of the American source as it is
        for key, seg in mine.items():
            src = source.get(key)
            if (lang, seg.index) in reported or src is None or not seg.is_prose:
                continue
            value = seg.raw.strip()
            if value != src.raw.strip() or not _WORD.search(seg.text):
                continue
            peers = [other for other, theirs in others.items() if other != lang and key in theirs]
            keep = [other for other in peers if others[other][key].raw.strip() == value]
            if keep and 3 * (len(keep) + 1) >= len(peers) + 1:
                continue  # a third of the translations keep it as it is: the project's way
            if len(peers) < _PEERS:
                strength, why = Strength.HINT, "too few other translations to tell"
            elif len(_WORD.findall(seg.text)) < 2:
                # One word equal in two languages is as often a loanword ("Name", "Status").
                strength, why = Strength.HINT, "one word, which may be the same in both languages"
            elif keep:
                strength, why = Strength.HINT, f"{keyed.some(keep)} keep it too"
            else:
                strength = Strength.REDUCED
                why = f"{keyed.some(peers)} translate it"
            f = keyed.named(rule, view.documents[lang], seg,
                            f"the same as the source ({language_name(view.source)}): “{snippet(value)}”; {why}",
                            key=f"untranslated:{value}")
            yield replace(f, strength=strength)


def _pasted(view: GroupView, rule: Rule, reported: set[tuple[str, int]]):
    """Values equal to another translation's (one or two of them, not the source's)
    and written in a script the document's language does not use."""
    from transcheck.langid.script import dominant_script, scripts_of

    values = {lang: keyed.cached_values(view, lang) for lang in view.documents}
    source = values.get(view.source, {})
    for lang in keyed.translations(view):
        if base_language(lang) in _MANY_SCRIPTS:
            continue
        own = scripts_of(lang)
        for key, seg in values[lang].items():
            if (lang, seg.index) in reported or not seg.is_prose:
                continue
            # Words the source has ("О NewPipe") are names, not the value's language.
            kept = set(_WORD.findall(source[key].text)) if key in source else set()
            script, letters = dominant_script(" ".join(w for w in _WORD.findall(seg.text) if w not in kept))
            if script is None or script in own or letters < 4:
                continue
            value = seg.raw.strip()
            if key in source and source[key].raw.strip() == value:
                continue  # the source's text: a name kept as written
            same = [other for other, theirs in values.items()
                    if other != lang and key in theirs and theirs[key].raw.strip() == value]
            if not same or len(same) > 2 or not all(script in scripts_of(o) for o in same):
                continue
            reported.add((lang, seg.index))
            f = keyed.named(rule, view.documents[lang], seg,
                            f"{language_name(same[0])} text, the same as in {', '.join(same)}: “{snippet(value)}” "
                            f"({script} script, which {language_name(lang)} does not write)",
                            key=f"pasted:{value}")
            yield f if len(_WORD.findall(seg.text)) >= 2 else replace(f, strength=Strength.REDUCED)
