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
from transcheck.langid.script import scripts_of
from transcheck.model import Strength, base_language
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, Rule, snippet

_WORD = re.compile(r"[^\W\d_]{2,}")
_ACRONYM = re.compile(r"(?<![^\W\d_])[A-Z][A-Z0-9]+(?![^\W\d_])")
_PEERS = 3  # translations that must have the key for their difference to count


def untranslated(view: GroupView, rule: Rule, reported: set[tuple[str, int]]):
    yield from _pasted(view, rule, reported)
    if view.source is None:
        return
    source = keyed.cached_values(view, view.source)
    # British or Australian English keeps most of the American source as it is: no
    # evidence either way.
    others = {lang: keyed.cached_values(view, lang) for lang in keyed.translations(view)
              if base_language(lang) != base_language(view.source)}
    # A pull request's narrowed group: the translations left out count in the share
    # that keeps a value, which the largest files (the peers kept) do least.
    voters = {lang: keyed.values(doc) for lang, doc in view.voters.items()
              if base_language(lang) != base_language(view.source)}
    for lang, mine in others.items():
        for key, seg in mine.items():
            src = source.get(key)
            if (lang, seg.index) in reported or src is None or not seg.is_prose:
                continue
            value = seg.raw.strip()
            if value != src.raw.strip() or not _WORD.search(seg.text):
                continue
            peers = [other for other, theirs in others.items() if other != lang and key in theirs]
            voting = [other for other, theirs in voters.items() if key in theirs]
            keep = sorted([other for other in peers if others[other][key].raw.strip() == value]
                          + [other for other in voting if voters[other][key].raw.strip() == value])
            if keep and 3 * (len(keep) + 1) >= len(peers) + len(voting) + 1:
                continue  # a third of the translations keep it as it is: the project's way
            if len(peers) < _PEERS:
                strength, why = Strength.HINT, "too few other translations to tell"
            elif len([w for w in _WORD.findall(seg.text)
                      if not all(w in _WORD.findall(others[o][key].raw) for o in peers)]) < 2:
                # One word equal in two languages is as often a loanword ("Name", "Status"),
                # beside a name every translation keeps too ("Notifications - Penpot").
                strength, why = Strength.HINT, "one word, which may be the same in both languages"
            elif keep:
                # Others keep it too: a name ("Class Act", an alarm sound) or a word
                # the languages share ("Start") as often as a lag.
                strength, why = Strength.HINT, f"{keyed.some(keep)} keep it too"
            elif _all_known(seg.text, lang):
                # Czech "OPML export", French "Documentation & support", Dutch "in
                # podcasts": the language's own words, written as the source writes them.
                strength, why = Strength.HINT, f"every word is also {language_name(lang)}"
            else:
                strength = Strength.REDUCED
                why = f"{keyed.some(peers)} translate it"
            f = keyed.named(rule, view.documents[lang], seg,
                            f"the same as the source ({language_name(view.source)}): “{snippet(value)}”; {why}",
                            key=f"untranslated:{value}")
            yield replace(f, strength=strength)


def _all_known(text: str, lang: str) -> bool:
    """Whether ``lang``'s Hunspell dictionary (``transcheck[spelling]``) knows every
    word of ``text`` but acronyms, as written or in lower case; False without one."""
    from transcheck.rules._places import _dictionary, unknown_word

    words = _WORD.findall(_ACRONYM.sub(" ", text))
    return bool(words) and _dictionary(base_language(lang).lower()) is not None and not any(
        unknown_word(w, lang) for w in words)


def _pasted(view: GroupView, rule: Rule, reported: set[tuple[str, int]]):
    """Values equal to another translation's (one or two of them, not the source's)
    and written in a script other than the one the file's values are mostly written
    in: a Cyrillic value in a Latin-script file, a Latin one in a Serbian Cyrillic file,
    Lao in a Spanish file. The file's own script is read from its values, not from a
    table: Punjabi files are Gurmukhi or Shahmukhi, Kurdish ones Latin or Arabic."""
    values = {lang: keyed.cached_values(view, lang) for lang in view.documents}
    source = values.get(view.source, {})
    # Read from the values it translates: a file of English copies and a few
    # Cyrillic translations is a Cyrillic file not yet done.
    homes = {lang: _home_script([s for k, s in theirs.items()
                                 if k not in source or s.raw.strip() != source[k].raw.strip()])
             for lang, theirs in values.items()}
    for lang in keyed.translations(view):
        home = homes[lang]
        if home is None:
            continue
        for key, seg in values[lang].items():
            if (lang, seg.index) in reported or not seg.is_prose:
                continue
            if source and key not in source:
                continue  # a key the source no longer has: its old text, not a paste
            # Words the source has ("О NewPipe") are names, not the value's language.
            # So are addresses ("soundcloud.com/вашID") and acronyms ("URL(_U)").
            kept = set(_PARTS.split(source[key].text)) if key in source else set()
            script, letters = _foreign(seg.text, kept)
            if script is None or script == home or letters < 4:
                continue
            value = seg.raw.strip()
            same = [other for other, theirs in values.items()
                    if base_language(other) != base_language(lang) and key in theirs
                    and theirs[key].raw.strip() == value]
            if not same or len(same) > 2:
                continue
            if key not in source:
                # Without a source, words the languages it does not equal keep are names
                # ("на GitHub" in Russian and Ukrainian, GitHub in every file).
                script, letters = _foreign(seg.text, {
                    w for other, theirs in values.items() if other not in same and other != lang and key in theirs
                    for w in _PARTS.split(theirs[key].text)})
                if script is None or script == home or letters < 4:
                    continue
            own = scripts_of(lang)
            if script.title() in own and home.title() not in own:
                continue  # the language's script in a file of stale copies ("Приватност" in Macedonian)
            if key in source and _letters_only(source[key].raw) == _letters_only(value):
                continue  # the source's text, spaced or hyphenated otherwise ("Push-URL")
            reported.add((lang, seg.index))
            # The text is the language of the file written in its script: English
            # copied into the Thai and the Chuvash files alike is English.
            named = next((other for other in same if homes.get(other) == script), same[0])
            f = keyed.named(rule, view.documents[lang], seg,
                            f"{language_name(named)} text, the same as in {', '.join(same)}: “{snippet(value)}” "
                            f"({_shown(script)} script in a file written in {_shown(home)})",
                            key=f"pasted:{value}")
            if len(_WORD.findall(seg.text)) < 2:
                # One word in Latin letters is mostly a term every script keeps ("Tracker",
                # "Peer" in Chinese and Thai); one in another script in a Latin file is not.
                f = replace(f, strength=Strength.HINT if script == "LATIN" else Strength.REDUCED)
            yield f


# Words, and the parts of a hyphenated one ("Push-URL" keeps the source's "Push URL").
_PARTS = re.compile(r"[\s\-‐‑]+")


def _letters_only(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _shown(script: str) -> str:
    return "Han and kana" if script == "CJK" else script.title()


def _script(text: str) -> tuple[str | None, int]:
    """The script most of the letters of ``text`` are in, by Unicode character name
    ("LATIN", "CYRILLIC", "LAO", "CJK"), and how many letters it has."""
    import unicodedata
    from collections import Counter

    counts: Counter = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "?").split(" ")[0]
            counts[_ONE_SCRIPT.get(name, name)] += 1
    if not counts:
        return None, 0
    (script, n), = counts.most_common(1)
    total = sum(counts.values())
    # Mostly one script, or none: "вашID" is Cyrillic with a Latin name in it.
    return (script if 4 * n >= 3 * total else None), total


# Japanese writes kanji and kana in one sentence: one script here.
_ONE_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK"}
_HOME_VALUES = 5  # values a file needs before its own script is known


def _foreign(text: str, kept: set[str]) -> tuple[str | None, int]:
    """The script of ``text`` without the words ``kept`` (names), addresses and
    acronyms, and how many letters it has."""
    return _script(_ACRONYM.sub("", " ".join(
        w for w in _PARTS.split(text) if w not in kept and not any(c in w for c in "./@:"))))


def _home_script(segments) -> str | None:
    """The script most of a file's values are in (by value), when most are in one."""
    from collections import Counter

    votes = Counter(_script(s.text)[0] for s in segments if s.is_prose)
    votes.pop(None, None)
    if sum(votes.values()) < _HOME_VALUES:
        return None
    script, n = votes.most_common(1)[0]
    return script if 2 * n > sum(votes.values()) else None


_UNSTARTED_VALUES = 10  # a file this long at least...
_UNSTARTED_SHARE = 0.5  # ... with this share of its values the source's as they are


def unstarted(view: GroupView) -> dict[str, tuple[int, int]]:
    """Resource files most of whose values are the source's text, with their count:
    a platform (Crowdin, Weblate) writes an untranslated string as its source, so a
    language just added holds hundreds. Each is a string not translated yet, which the
    coverage counts, not a copy a translator let through: one error per key would bury
    the findings of the pull request that added the language."""
    if view.source is None:
        return {}
    source = keyed.cached_values(view, view.source)
    out = {}
    for lang in keyed.translations(view):
        if base_language(lang) == base_language(view.source):
            continue
        values = [(key, seg) for key, seg in keyed.cached_values(view, lang).items() if seg.is_prose]
        same = sum(1 for key, seg in values if key in source and seg.raw.strip() == source[key].raw.strip())
        if len(values) >= _UNSTARTED_VALUES and same >= _UNSTARTED_SHARE * len(values):
            out[view.documents[lang].path] = (same, len(values))
    return out
