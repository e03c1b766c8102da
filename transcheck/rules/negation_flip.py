"""A sentence negated in every other translation but not in this one.

What it catches:
    Each cell of a row is split into sentences; when the translations have the same
    number of sentences, sentence k of one is compared with sentence k of the others.
    Negations are counted per sentence with each language's markers: verbal negators
    and negative words (sv inte/ej/aldrig/inga, it non, ru не/нет, ar لا/ليس/لم/لن,
    en not/never/n't…) and, for Turkish, the negative verb suffixes (-mıyor, -maz,
    -madı, -mamış, -madığ…, besides değil and yok). A translation with fewer
    negations than all the others, at least three of them agreeing (or than the
    source), is reported: it has dropped a "not".

Why it matters:
    A dropped or added "not" inverts a statement while leaving every other word in
    place; it survives review by anyone who reads one language at a time.

Example:
    ``sv.txt`` says "alla fyrkanter är rektanglar och alla rektanglar är fyrkanter"
    where it, ru, ar and tr keep "not all rectangles are squares": one negation in
    each of the others, none here.

What it does not catch:
    An *added* negation: translations add idiomatic ones ("не просто" for "more than
    just", "не так" for "wrong") too often for a count to tell a real one from them.
    Languages without a marker list (they do not vote); negation carried by a prefix
    (un-, не-, غير) or a word of negative meaning ("lack", "fail"), and so a dropped
    negation in a Russian, Ukrainian, Polish, Arabic or Turkish sentence that has such
    a prefixed word ("недолго", "غير", "-sız": the rule cannot tell; such a sentence
    abstains from the vote on the others, too); rows whose
    translations split sentences differently; a negation moved to another clause of
    the same sentence; any sentence where the others do not agree among themselves
    (negative concord and double negation make counts differ legitimately, so the
    rule waits for unanimity).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from transcheck.model import Category, Severity, base_language
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet

MIN_AGREE = 3

# Per language: the primary negators (each counts), and the negative words that
# accompany a primary one under negative concord (they count only in a sentence that
# has no primary negator: Italian "non … mai" is one negation, "mai" alone is one).
MARKERS: dict[str, tuple[frozenset, frozenset]] = {
    "en": (frozenset("not never no cannot nor neither none nobody nothing nowhere".split()), frozenset()),
    "sv": (frozenset("inte ej aldrig ingen inget inga icke varken".split()), frozenset()),
    "da": (frozenset("ikke ej aldrig ingen intet ingenting hverken".split()), frozenset()),
    "nb": (frozenset("ikke ei aldri ingen intet ingenting verken".split()), frozenset()),
    "nn": (frozenset("ikkje ikke aldri ingen inga ingenting verken".split()), frozenset()),
    "no": (frozenset("ikke ei aldri ingen intet ingenting verken".split()), frozenset()),
    "de": (frozenset("nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder".split()), frozenset()),
    "nl": (frozenset("niet geen nooit niets niemand noch".split()), frozenset()),
    "it": (frozenset(["non"]), frozenset("mai nessun nessuno nessuna niente nulla né".split())),
    "es": (frozenset(["no"]), frozenset("nunca jamás nada nadie ningún ninguna ninguno ni tampoco".split())),
    "pt": (frozenset(["não"]), frozenset("nunca jamais nada ninguém nenhum nenhuma nem".split())),
    "fr": (frozenset(["ne", "n"]), frozenset("pas jamais rien aucun aucune ni".split())),
    "ro": (frozenset(["nu"]), frozenset("niciodată nimic nimeni niciun nicio".split())),
    "ru": (frozenset("не нет нельзя".split()), frozenset("никогда ничего никто ни никакой никакая никакие".split())),
    "uk": (frozenset("не немає".split()), frozenset("ніколи нічого ніхто ні жоден".split())),
    "pl": (frozenset(["nie"]), frozenset("nigdy nic nikt żaden żadna żadne ani".split())),
    "ar": (frozenset("لا ليس ليست لست ليسوا لم لن".split()), frozenset()),
    "tr": (frozenset("değil değildir değiller değildi yok yoktur asla".split()), frozenset("hiç hiçbir".split())),
    "fi": (frozenset("ei en et emme ette eivät älä".split()), frozenset()),
}
# Turkish negates the verb with -ma/-me before tense and person: -mıyor (progressive),
# -maz (aorist), -madı (past), -mamış, -madık/-madığ (participle), -mayan, -mayacak,
# -mamalı, -mamak, -madan, and the imperative -mayın. The bare -ma/-me is left out: it is also the verbal noun
# ("anlamanın", "düşünme").
_TR_NEG = re.compile(
    r"(?<!\w)\w{2,}?(?:m[ıiuü]yor|m[ae]z|m[ae]d[ıi]|m[ae]m[ıi]ş|m[ae]y[ae]n|m[ae]y[ae]c[ae][kğ]"
    r"|m[ae]m[ae]l[ıi]|m[ae]m[ae]k|m[ae]d[ae]n|m[ae]y[ıi]n)\w*"
)
_WORD = re.compile(r"[^\W\d_]+(?:n['’]t)?")
_SENTENCE_END = re.compile(r"(?<=[.!?؟。！？])[\"'”»’)\]]*\s+(?=\S)")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


@lru_cache(maxsize=50_000)
def negations(sentence: str, language: str) -> int | None:
    """How many negations ``sentence`` has; None when the language has no markers."""
    base = base_language(language)
    markers = MARKERS.get(base)
    if markers is None:
        return None
    primary, concord = markers
    from transcheck.terms.match import lower

    n_primary = n_concord = 0
    for word in _WORD.findall(sentence):
        low = lower(word, base)
        if base == "en" and (low.endswith("n't") or low.endswith("n’t")):
            n_primary += 1
            continue
        if base == "ar" and len(low) > 2 and low[0] in "وف" and low[1:] in primary:
            low = low[1:]
        if low in primary:
            n_primary += 1
        elif low in concord:
            n_concord += 1
        elif base == "tr" and _TR_NEG.fullmatch(low):
            n_primary += 1
    return n_primary if n_primary else min(n_concord, 1)


# Negation carried by a word's prefix or suffix ("недолго" = not for long, "غير" = un-,
# Turkish -sız = without) is not counted, so a sentence that has such a word may well
# keep the negation the others state with a separate "not".
_WEAK = {
    "ru": re.compile(r"(?<!\w)(?:не|ни)\w{3,}", re.IGNORECASE),
    "uk": re.compile(r"(?<!\w)(?:не|ні)\w{3,}", re.IGNORECASE),
    "pl": re.compile(r"(?<!\w)nie\w{3,}", re.IGNORECASE),
    "ar": re.compile(r"(?<!\w)[وف]?غير(?!\w)"),
    "tr": re.compile(r"(?<!\w)\w{2,}s[ıiuü]z\w*"),
}


def _weak_negation(sentence: str, language: str) -> bool:
    pattern = _WEAK.get(base_language(language))
    return bool(pattern and pattern.search(sentence))


def check(view: GroupView, options: NoOptions):
    from transcheck.rules._consensus import voting_languages

    for row in view.rows:
        voters = [lang for lang in voting_languages(view, row) if base_language(lang) in MARKERS]
        if len(voters) < 2:
            continue
        split = {lang: sentences(view.cell_text(row, lang)) for lang in voters}
        counts = Counter(len(s) for s in split.values()).most_common()
        size, n = counts[0]
        source = view.source
        if source in split:
            size = len(split[source])
        elif n < MIN_AGREE + 1:
            continue
        langs = [lang for lang in voters if len(split[lang]) == size]
        for k in range(size):
            # A sentence that may carry its negation in a prefix ("недолго") abstains:
            # its count says nothing either way, and it must not break the others' vote.
            votes = {
                lang: negations(split[lang][k], lang)
                for lang in langs
                if lang == source or not _weak_negation(split[lang][k], lang)
            }
            yield from _judge(view, row, k, votes, split)


def _judge(view: GroupView, row, k: int, votes: dict, split: dict):
    from transcheck.rules.missing_segment import witness_language

    source = view.source
    if source in votes:
        expected = votes[source]
        deviants = [lang for lang, v in votes.items() if v != expected]
        agree = [lang for lang, v in votes.items() if v == expected]
    else:
        tally = Counter(votes.values()).most_common()
        expected, n = tally[0]
        deviants = [lang for lang, v in votes.items() if v != expected]
        # Unanimity but for one: negation counts vary too much for a looser vote.
        if n < MIN_AGREE or len(deviants) != 1:
            return
        agree = [lang for lang, v in votes.items() if v == expected]
    for lang in deviants:
        if _weak_negation(split[lang][k], lang):
            continue
        if votes[lang] > expected:
            # Languages add negations idiomatically ("не просто" for "more than just",
            # "не так" for "wrong"); only a negation the others have and this one
            # lacks is evidence enough.
            continue
        have = votes[lang]
        witness = view.source if view.source in agree else witness_language(agree)
        what = "has no negation" if have == 0 else f"has {have} negation{'s' if have > 1 else ''}"
        yield RULE.at_cell(
            view,
            row,
            lang,
            f"negation differs: sentence {k + 1} (“{snippet(split[lang][k], 70)}”) {what}, "
            f"but in {', '.join(agree)} it has {expected} "
            f"({witness}: “{snippet(split[witness][k], 70)}”)",
            related=[view.cell_location(row, o) for o in agree],
            key=f"{k}:{have}:{expected}:{snippet(split[lang][k], 40)}",
        )


RULE = Rule(
    code="TC503",
    name="negation-flip",
    category=Category.SEMANTIC,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
