"""A mention, hashtag or cashtag the other translations keep that one writes with a slip.

What it catches:
    In each aligned row, the tags in Latin letters every document writes: @mentions
    (``@user18``, ``@user45@twitter.com``), #hashtags (``#PA28``, ``#mastodonfc``) and
    $cashtags or variables (``$tslq``). A translation is reported when the source (or
    a clear majority of at least three documents) has a tag it lacks, and it writes in
    its place a tag of the same kind that no other document has and that differs from
    the kept one by a slip: the same letters with another number (``@user34`` for
    ``@user18``, ``#PA29`` for ``#PA28``), or a letter or two changed, dropped, added or
    exchanged where the result is no word (``#mastdonfc``, ``$tslk``, ``@twitte.com``).
    A tag translated into a word of the language ("#pilote", "#Flygning"; also written
    without an accent, "#academie") is a translation, and so is a slip that makes no new
    word of three letters (``#PA-28``, ``@user 11``).

    Severity: a *warning*. On the real-text corpus (WMT24++, 15 languages; ``python
    bench/meaning.py``) 11 findings in each mode, 11 true (``@user34`` for @user18,
    ``#PA29``, ``$tlq``, ``@user45@twitte.com``); on NTREX-128 news (30 languages,
    held out) 1, true (``#MeTo``); none on five applications' resource files and four
    documentation trees.

Why it matters:
    A mention or hashtag is an address: with a digit or letter changed it points to
    another account, another tag or another ticker, and it still reads as fluent text.

Example:
    twelve translations keep "@user18" at the start of a reply; ``ru.txt`` writes
    "@user34": "“@user18” is written “@user34” here (…keep it)".

What it does not catch:
    A tag dropped without another in its place, a tag translated into another word, a
    tag in another script, a slip of three letters or more ("#DLS" for #DCU), and, with
    no dictionary (``transcheck[spelling]``), any slip but a changed number.
"""

from __future__ import annotations

import re

from transcheck.langid.script import scripts_of
from transcheck.model import Category, Severity, base_language
from transcheck.rules import _consensus as consensus
from transcheck.rules._places import ACCENTS, unknown_word
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.rules.entity_mismatch import anchor_text
from transcheck.text import normalise

# ASCII only: a particle written onto the tag ("#DCU가", "@user6를") is not part of it.
_TAG = re.compile(r"(?<![\w@#$])[@#$][A-Za-z][A-Za-z0-9_@-]*(?:\.[A-Za-z][A-Za-z0-9_-]*)*")
_DIGITS = re.compile(r"\d+")


def check(view: GroupView, options: NoOptions):
    for r, row in enumerate(view.rows):
        voters = consensus.voting_languages(view, row)
        if len(voters) < 2:
            continue
        texts = {lang: anchor_text(view, row, lang) for lang in voters}
        tags = {lang: {m.group().casefold(): m.group() for m in _TAG.finditer(texts[lang])} for lang in voters}
        if not any(tags.values()):
            continue
        for key in sorted(set().union(*tags.values())):
            votes = {lang: key in tags[lang] for lang in voters}
            for dev in consensus.deviations(view, votes, confirm=True):
                if dev.value or not dev.expected or len(dev.agree) < 2:
                    continue
                lang = dev.language
                kept = next(tags[o][key] for o in dev.agree)
                written = next((tags[lang][k] for k in sorted(tags[lang]) if k[0] == key[0]
                                and not any(k in tags[o] for o in voters if o != lang)
                                and _slip(kept, tags[lang][k], lang)), None)
                if written is None or consensus.displaced(view, r, lang):
                    continue
                yield RULE.at_cell(
                    view, row, lang,
                    f"“{kept}” is written “{written}” here ({consensus.names(dev.agree, 'keep')} it)",
                    related=consensus.related(view, row, dev.agree),
                    key="handle:" + key + ":" + normalise(texts[lang])[:80],
                )


def _slip(kept: str, written: str, lang: str) -> bool:
    """Whether ``written`` is ``kept`` with a slip: another number with the same letters,
    or one or two letters changed (a third of the tag at most) into no word."""
    from rapidfuzz.distance import DamerauLevenshtein

    a, b = kept.casefold(), written.casefold()
    if _DIGITS.search(a) and _DIGITS.sub("0", a) == _DIGITS.sub("0", b):
        return True
    distance = DamerauLevenshtein.distance(a, b)
    if not 0 < distance <= min(2, (len(a) - 1) // 3):
        return False
    # The words the slip made ("twitte" of @user45@twitte.com) must be no words; a
    # Latin tag in a document of another script is judged as English.
    made = sorted(set(re.findall(r"[a-z]{3,}", b)) - set(re.findall(r"[a-z]+", a)))
    languages = ["en"] + ([lang] if "Latin" in scripts_of(lang) else [])
    return bool(made) and all(unknown_word(word, language) and not _accented(word, language)
                              for word in made for language in languages)


def _accented(word: str, lang: str) -> bool:
    """Whether the language knows ``word`` with one accent put back ("academie")."""
    base = base_language(lang).lower()
    return base != "en" and any(
        not unknown_word(word[:i] + accented + word[i + 1:], lang)
        for i, ch in enumerate(word) for accented in ACCENTS.get(ch, ""))


RULE = Rule(
    code="TC406",
    name="handle-mismatch",
    category=Category.ENTITY,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
