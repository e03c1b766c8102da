"""A sentence negated in every other translation but not in this one.

What it catches:
    Each cell of a row is split into sentences; when the translations have the same
    number of sentences, sentence k of one is compared with sentence k of the others.
    Negations are counted per sentence with each language's markers: verbal negators
    and negative words (sv inte/ej/aldrig/inga, it non, ru не/нет, ar لا/ليس/لم/لن,
    en not/never/n't…) and, for Turkish, the negative verb suffixes (-mıyor, -maz,
    -madı, -mamış, -madığ…, besides değil and yok). A translation with fewer
    negations than all the others, at least three of them agreeing (or than the
    source), is reported: it has dropped a "not". Where the translations split a row
    into sentences differently, each cell's count is compared with the usual gap
    between its language and each other one over the group. Japanese, Korean, Chinese
    and Thai markers (ない/ません, 않/못/없, 不/没) are counted where they occur.

    Severity: *info*. On the real-text corpus (WMT24++, 15 languages) fewer than one
    in five sentences with a "not" fewer than all their peers had lost a negation:
    professional translators rephrase negations ("Des efforts restent à faire" for
    "The job's not done", "утратил способность" for "could not"). With ``--source``
    the source is one more voter that must side with the others; it decides alone
    only when there are too few translations to vote.

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
    "en": (frozenset("not never no cannot nor neither none nobody nothing nowhere "
                     "dont doesnt didnt cant wont isnt arent wasnt aint couldnt wouldnt".split()), frozenset()),
    "sv": (frozenset("inte ej aldrig ingen inget inga icke varken ingenting".split()), frozenset()),
    "da": (frozenset("ikke ej aldrig ingen intet ingenting hverken".split()), frozenset()),
    "nb": (frozenset("ikke ei aldri ingen intet ingenting verken".split()), frozenset()),
    "nn": (frozenset("ikkje ikke aldri ingen inga ingenting verken".split()), frozenset()),
    "no": (frozenset("ikke ei aldri ingen intet ingenting verken".split()), frozenset()),
    "de": (frozenset("nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder".split()), frozenset()),
    "nl": (frozenset("niet geen nooit niets niemand noch".split()), frozenset()),
    "it": (frozenset(["non"]), frozenset("mai nessun nessuno nessuna niente nulla né".split())),
    "es": (frozenset(["no"]), frozenset("nunca jamás nada nadie ningún ninguna ninguno ni tampoco".split())),
    "pt": (frozenset(["não"]), frozenset("nunca jamais nada ninguém nenhum nenhuma nem".split())),
    # French counts the second part: "ne … que" is "only", and speech drops the "ne"
    # ("c'est pas").
    "fr": (frozenset("pas jamais rien aucun aucune personne guère".split()), frozenset(["ni"])),
    "ro": (frozenset(["nu"]), frozenset("niciodată nimic nimeni niciun nicio".split())),
    "ru": (frozenset("не нет нельзя".split()), frozenset("никогда ничего никто ни никакой никакая никакие".split())),
    "uk": (frozenset("не немає".split()), frozenset("ніколи нічого ніхто ні жоден".split())),
    "pl": (frozenset(["nie"]), frozenset("nigdy nic nikt żaden żadna żadne ani".split())),
    # Colloquial Arabic (Gulf, Levantine, Egyptian) negates with ما, مو, مش, مب too.
    "ar": (frozenset("لا ليس ليست لست ليسوا لم لن ما مو مش مب مهب ماني ماهو ماهي مافي ماكان".split()), frozenset()),
    "tr": (frozenset("değil değildir değiller değildi yok yoktur asla".split()), frozenset("hiç hiçbir".split())),
    "he": (frozenset("לא אין אינו אינה אינם אינן בלי ללא מעולם שום אסור".split()), frozenset()),
    "hi": (frozenset("नहीं नही न मत".split()), frozenset("कभी".split())),
    "fa": (frozenset("نه نیست نبود هرگز".split()), frozenset()),
    "el": (frozenset("δεν μην όχι ούτε ποτέ".split()), frozenset()),
    "cs": (frozenset("ne nikdy nic nikdo žádný".split()), frozenset()),
    "hu": (frozenset("nem ne nincs sosem soha semmi senki".split()), frozenset()),
    "id": (frozenset("tidak bukan tak jangan belum".split()), frozenset()),
    "fi": (frozenset("ei en et emme ette eivät älä".split()), frozenset()),
}
# Turkish negates the verb with -ma/-me before tense and person: -mıyor (progressive),
# -maz (aorist), -madı (past), -mamış, -madık/-madığ (participle), -mayan, -mayacak,
# -mamalı, -mamak, -madan, and the imperative -mayın. The bare -ma/-me is left out: it is also the verbal noun
# ("anlamanın", "düşünme").
_TR_NEG = re.compile(
    r"\w{2,}?(?:m[ıiuü]yor|m[ae]z|m[ae]d[ıi]|m[ae]m[ıi]ş|m[ae]y[ae]n|m[ae]y[ae]c[ae][kğ]"
    r"|m[ae]m[ae]l[ıi]|m[ae]m[ae]k|m[ae]d[ae]n|m[ae]y[ıi]n)\w*"
)
_LETTER = r"(?:[^\W\d_]|[\u0900-\u0dff\u0591-\u05c7\u064b-\u065f])"
# "didn't" must stay one word: a greedy word would stop at "didn" and lose the "n't".
_WORD = re.compile(rf"{_LETTER}+?n['’]t(?!\w)|{_LETTER}+")
# Languages written without spaces, or whose negation is a verb ending: markers counted
# where they occur in the text (Japanese ない/ません, Korean 않/못/없, Chinese 不/没).
UNSPACED: dict[str, re.Pattern] = {
    "ja": re.compile(r"ない|なかっ|ません|ませんでし|ず(?![っつ])|ぬ|無い"),
    "zh": re.compile(r"不|没|沒|未|別|别|無|无|非"),
    "ko": re.compile(r"않|못|없|아니|아닌|아닙|아닐|아냐|모르|모른|몰라|(?<!\S)안(?=\s)"),
    "th": re.compile(r"ไม่|มิ"),
}
_SENTENCE_END = re.compile(
    r"(?<=[.!?؟।])[\"'”»’)\]]*\s+(?=\S)|(?<=[。！？])[」』”）]*(?![」』”）])\s*(?=\S)"
)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


@lru_cache(maxsize=50_000)
def negations(sentence: str, language: str) -> int | None:
    """How many negations ``sentence`` has; None when the language has no markers."""
    base = base_language(language)
    if base in UNSPACED:
        return len(UNSPACED[base].findall(sentence))
    markers = MARKERS.get(base)
    if markers is None:
        return None
    primary, concord = markers
    from transcheck.rules._tokens import clitic_prefixes
    from transcheck.terms.match import lower

    n_primary = n_concord = 0
    for word in _WORD.findall(sentence):
        low = lower(word, base)
        if base == "en" and (low.endswith("n't") or low.endswith("n’t")):
            n_primary += 1
            continue
        if low not in primary and base in ("ar", "he", "fa", "ur", "yi"):
            for p in clitic_prefixes(low):
                # Only the conjunctions before an Arabic negator ("ولا", "فلم"):
                # "كما" is "as", not a negated "ما".
                if base == "ar" and p not in ("و", "ف"):
                    continue
                if low[len(p):] in primary and len(low) > len(p) + 1:
                    low = low[len(p):]
                    break
        if base == "tr" and low.startswith("değil"):
            low = "değil"
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
    "tr": re.compile(r"\w{2,}s[ıiuü]z\w*"),
}
# "Without" says "no" in a word of its own (senza, sans, без, بدون, בלי): a sentence
# that has one may carry the others' "no" in it.
_WITHOUT = re.compile(
    r"(?<!\w)(?:without|senza|sans|sin|sem|ohne|utan|uden|uten|zonder|без|bez|bez|بدون|دون|בלי|ללא|बिना|olmadan|nothing|none)(?!\w)|なし|なく|없이|无|没有",
    re.IGNORECASE,
)


def _weak_negation(sentence: str, language: str) -> bool:
    pattern = _WEAK.get(base_language(language))
    return bool(pattern and pattern.search(sentence)) or bool(_WITHOUT.search(sentence))


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
    counts = Counter(len(s) for s in split.values()).most_common()
    size, n = counts[0]
    source = view.source
    if source in split:
        size = len(split[source])
    elif n < MIN_AGREE + 1:
        return
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
    from transcheck.rules.missing_segment import witness_language

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
        witness = view.source if view.source in more else witness_language(agree)
        yield RULE.at_cell(
            view,
            row,
            lang,
            f"negation differs: {totals[lang]} negation{'s' if totals[lang] != 1 else ''} "
            f"here, fewer than usual next to {', '.join(agree)} "
            f"({witness}: “{snippet(' '.join(split[witness]), 70)}”)",
            related=[view.cell_location(row, o) for o in agree],
            key=f"cell:{totals[lang]}:{snippet(' '.join(split[lang]), 40)}",
        )


def _judge(view: GroupView, row, k: int, votes: dict, split: dict):
    from transcheck.rules.missing_segment import witness_language

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
        # Measured on real translations, a sentence with one "not" fewer than its
        # peers is mostly a negation rephrased ("Des efforts restent à faire" for
        # "The job's not done"), so the finding is info: a lead for a reviewer.
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
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
)
