"""A sentence negated in every other translation but not in this one.

What it catches:
    Each cell of a row is split into sentences, and each translation's sentences are
    matched by length (Gale and Church) to a pivot's: the source's, else those of a
    translation with the commonest sentence count. Translators split and join
    sentences; a sentence joined with its neighbour abstains.
    Negations are counted per sentence with each language's markers: verbal negators
    and negative words (sv inte/ej/aldrig/inga, it non, ru не/нет, ar لا/ليس/لم/لن,
    en not/never/n't…) and, for Turkish, the negative verb suffixes (-mıyor, -maz,
    -madı, -mamış, -madığ…, -mayız, -maması, -mayabil…, besides değil, yok, yoktu,
    kimse and "ne … ne"), Swedish knappast, Arabic عدم/بعدم and Egyptian ملوش/مفيش,
    Italian nessuna, neanche, nemmeno and a bare "no", German keineswegs, French "ne
    … plus" and literary "ne" before pouvoir, savoir, oser and cesser ("ne
    saurait"). A translation with fewer negations than all the others, at least three of them agreeing (or than the
    source), is reported: it has dropped a "not". Where the counts differ (negative
    concord, a "not" added), a sentence that four in five of the voters negate and up
    to three do not is reported in those. Where sentences cannot be matched, each cell's
    count is compared with the usual gap between its language and each other one over
    the group. Japanese, Korean, Chinese
    and Thai markers (ない/ません, 않/못/없, 不/没) are counted where they occur.

    Severity: *info*, and off by default (``--select TC503``). On the real-text
    corpus (WMT24++, 15 languages) fewer than one in five sentences with a "not"
    fewer than all their peers had lost a negation (reviewed with ``python
    bench/meaning.py``: 2 of 36 with the source): professional translators rephrase
    negations ("Des efforts restent à faire" for "The job's not done", "утратил
    способность" for "could not", "реально" for "not impossible"). Even a sentence
    that the source and every other translation (five at least) negate, matched one
    to one, is mostly rephrased (2 of 45 on that corpus; 0 of the 20 left without a
    word of negative meaning such as "impossible", "refused", "lacks"), and a sentence
    negated against all of them is mostly an idiom (Chinese 不禁, 忍不住, Japanese
    すまない, "No le falta razón"), so the rule has no louder class. With ``--source`` the
    source is one more voter that must side with the others; it decides alone only
    when there are too few translations to vote.

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

from transcheck.model import Category, Severity, base_language
from transcheck.rules._negations import MARKERS, UNSPACED, negations
from transcheck.text import sentences
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.langid.names import quoted_in

MIN_AGREE = 3
_MAX_LACKING = 3  # more translations without the negation: it is the others' idiom

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
# "Without" says "no" in a word of its own (senza, sans, без, بدون, בלי): a sentence
# that has one may carry the others' "no" in it.
# Per language: the word of one language is an ordinary word of another (Spanish "sin"
# is Swedish "sin", his or her).
_WITHOUT_WORDS = {
    "en": "without nothing none", "it": "senza", "fr": "sans", "es": "sin", "pt": "sem",
    "de": "ohne", "sv": "utan", "da": "uden", "nb": "uten", "no": "uten", "nn": "utan",
    "nl": "zonder", "ru": "без", "uk": "без", "bg": "без", "pl": "bez", "cs": "bez",
    "ar": "بدون دون", "he": "בלי ללא", "hi": "बिना", "tr": "olmadan",
}
_WITHOUT = {lang: re.compile(r"(?<!\w)(?:" + "|".join(words.split()) + r")(?!\w)", re.IGNORECASE)
            for lang, words in _WITHOUT_WORDS.items()}
_WITHOUT.update({"ja": re.compile("なし|なく"), "ko": re.compile("없이"), "zh": re.compile("无|没有")})


def _weak_negation(sentence: str, language: str) -> bool:
    base = base_language(language)
    pattern, without = _WEAK.get(base), _WITHOUT.get(base)
    return bool(pattern and pattern.search(sentence)) or bool(without and without.search(sentence))


def check(view: GroupView, options: NoOptions):
    from transcheck.rules._consensus import voting_languages

    rows = []
    for row in view.rows:
        voters = [lang for lang in voting_languages(view, row)
                  if base_language(lang) in MARKERS or base_language(lang) in UNSPACED]
        if len(voters) < 2:
            continue
        split = {lang: sentences(view.cell_text(row, lang)) for lang in voters}
        totals = {lang: sum(negations(x, lang) or 0 for x in split[lang]) for lang in split}
        rows.append((row, voters, split, totals))
    usual = _usual_gaps([totals for *_, totals in rows])
    for row, voters, split, totals in rows:
        reported = set()
        for finding in _by_sentence(view, row, voters, split):
            reported.add(finding.language)
            yield finding
        yield from _by_cell(view, row, [v for v in voters if v not in reported], split, totals, usual)


def _by_sentence(view: GroupView, row, voters: list, split: dict):
    """Sentence by sentence, each translation's sentences matched to a pivot's by length
    (translators split and join sentences): the source, else a language with the
    commonest sentence count."""
    from transcheck.align.sentences import match

    source = view.source
    if source in split:
        pivot = source
    else:
        size = Counter(len(s) for s in split.values()).most_common(1)[0][0]
        pivot = next(lang for lang in voters if len(split[lang]) == size)
    lengths = {lang: [len(x) for x in split[lang]] for lang in voters}
    matched = {lang: match(lengths[pivot], lengths[lang]) if lang != pivot
               else [(k,) for k in range(len(split[pivot]))] for lang in voters}
    for k in range(len(split[pivot])):
        units = {lang: matched[lang][k] for lang in voters if matched[lang][k]}
        texts = {lang: " ".join(split[lang][i] for i in idx) for lang, idx in units.items()}
        # A sentence that may carry its negation in a prefix ("недолго") abstains:
        # its count says nothing either way, and it must not break the others' vote.
        votes = {
            lang: sum(negations(split[lang][i], lang) or 0 for i in units[lang])
            for lang in units
            if lang == source or not _weak_negation(texts[lang], lang)
        }
        yield from _judge(view, row, votes, texts, {lang: idx[0] for lang, idx in units.items()})


def _usual_gaps(rows: list[dict]) -> dict[tuple[str, str], float]:
    """For each pair of languages, the median of (negations in B - negations in A) over
    the group's rows: how many more "not"s B usually writes than A."""
    import statistics

    gaps: dict[tuple[str, str], list[int]] = {}
    for totals in rows:
        for a, ta in totals.items():
            for b, tb in totals.items():
                if a != b:
                    gaps.setdefault((a, b), []).append(tb - ta)
    return {pair: statistics.median(values) for pair, values in gaps.items()}


def _by_cell(view: GroupView, row, voters: list, split: dict, totals: dict, usual: dict):
    """Rows whose translations split sentences differently: a cell with fewer
    negations than usual next to four in five of the other translations (at least
    three, each with a negation here; the source, if given, among them) has lost one.
    "Usual" is the median gap between the two languages over the group's rows, so a
    language that writes more or fewer "not"s than another is measured against
    itself."""

    for lang in voters:
        others = [o for o in totals if o != lang and totals[o] >= 1]
        if len(others) < MIN_AGREE or 5 * len(others) < 4 * (len(totals) - 1):
            continue
        more = [o for o in others if totals[o] - totals[lang] > usual.get((lang, o), 0)]
        if 5 * len(more) < 4 * len(others):
            continue
        if view.source in totals and view.source != lang and view.source not in more:
            continue
        if _weak_negation(" ".join(split[lang]), lang):
            continue
        agree = sorted(more)
        yield _finding(
            view, row, lang, agree, lambda w: " ".join(split[w]),
            f"{totals[lang]} negation{'s' if totals[lang] != 1 else ''} here, fewer than usual "
            f"next to {', '.join(agree)}",
            key=f"cell:{totals[lang]}:{snippet(' '.join(split[lang]), 40)}",
        )


def _judge(view: GroupView, row, votes: dict, texts: dict, first: dict):
    """``texts``: each language's sentences for this unit; ``first``: the index of the
    first of them in its cell, for the message."""

    if not votes:
        return  # every sentence abstained ("without", a prefix negation): no vote to judge
    source = view.source
    if source in votes and len(votes) <= MIN_AGREE:
        # Too few translations to vote: the source decides, as a reviewer would.
        expected = votes[source]
        deviants = [lang for lang, v in votes.items() if v != expected]
    else:
        tally = Counter(votes.values()).most_common()
        expected, n = tally[0]
        deviants = [lang for lang, v in votes.items() if v != expected]
        # Unanimity but for one: negation counts vary too much for a looser vote.
        # The source is one more voter that must side with the rest.
        if n < MIN_AGREE or len(deviants) != 1 or (source in votes and votes[source] != expected):
            yield from _judge_presence(view, row, votes, texts, first)
            return
    agree = [lang for lang, v in votes.items() if v == expected]
    for lang in deviants:
        if _weak_negation(texts[lang], lang):
            continue
        if votes[lang] > expected:
            # Languages add negations idiomatically ("не просто" for "more than just",
            # "не так" for "wrong"); only a negation the others have and this one
            # lacks is evidence enough.
            continue
        have = votes[lang]
        what = "has no negation" if have == 0 else f"has {have} negation{'s' if have > 1 else ''}"
        # Measured on real translations, a sentence with one "not" fewer than its
        # peers is mostly a negation rephrased ("Des efforts restent à faire" for
        # "The job's not done"), so the finding is info: a lead for a reviewer.
        yield _finding(
            view, row, lang, agree, texts.get,
            f"sentence {first[lang] + 1} (“{snippet(texts[lang], 70)}”) {what}, "
            f"but in {', '.join(agree)} it has {expected}",
            key=f"{first[lang]}:{have}:{expected}:{snippet(texts[lang], 40)}",
        )


def _judge_presence(view: GroupView, row, votes: dict, texts: dict, first: dict):
    """Whether the sentence negates at all, when the counts differ (negative concord,
    a second "not" added): four in five voters negate it (the source among them, if
    given), and the few that do not (``_MAX_LACKING`` at most) have lost it."""

    have = [lang for lang, v in votes.items() if v]
    lack = [lang for lang, v in votes.items() if not v]
    if (len(have) < MIN_AGREE or 5 * len(have) < 4 * len(votes) or len(lack) > _MAX_LACKING
            or (view.source in votes and not votes[view.source])):
        return
    for lang in lack:
        if _weak_negation(texts[lang], lang):
            continue
        yield _finding(
            view, row, lang, have, texts.get,
            f"sentence {first[lang] + 1} (“{snippet(texts[lang], 70)}”) has no negation, "
            f"but {', '.join(have)} negate it",
            key=f"{first[lang]}:0:+:{snippet(texts[lang], 40)}",
        )


def _finding(view: GroupView, row, lang: str, agree: list, text_of, said: str, key: str):
    """One finding of any of the three ways of judging: what is said, then the
    sentence as the source (or the most readable agreeing language) has it."""
    from transcheck.rules.missing_segment import witness_language

    witness = view.source if view.source in agree else witness_language(agree)
    return RULE.at_cell(
        view, row, lang,
        f"negation differs: {said} ({quoted_in(witness, snippet(text_of(witness), 70))})",
        related=[view.cell_location(row, o) for o in agree],
        key=key,
    )


RULE = Rule(
    code="TC503",
    name="negation-flip",
    category=Category.SEMANTIC,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
    default=False,
)
