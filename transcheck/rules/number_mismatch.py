"""A number that the other translations of a segment agree on and one translation lacks,
changes or adds.

What it catches:
    In each aligned row, the numbers of every translation are read with their locale's
    conventions normalised away (1,000 = 1 000 = 1.000 = 1’000; 2,8 = 2.8; Arabic-Indic
    and Persian digits; 50 % = %50 = ٪٥٠; a numeric date in any day/month order). A
    translation is reported when a clear majority of at least three documents (or the
    source, with ``--source``, confirmed by the translations' own majority when there
    are three or more) has a number it lacks, or lacks a number it has. Scale words
    come from CLDR ("5 آلاف", "10 тысяч", "2,5 milioni", "1万", "3 crore"), digits of
    any script count (１７, ٢٤, २४), clock times are compared as times (a time in a named zone in UTC:
    "12:00:00 (UTC)" is "21:00:00 (JST)"; in a zone whose offset is ambiguous, "CST",
    not at all), and a number
    in another unit (miles as km, °F as °C, lb as kg) is the same number. The
    message gives the numbers missing and added, and which languages have what.

    Writers of right-to-left scripts (Arabic, Hebrew, Persian, Urdu) type digit groups
    so that they read right to left: a phone number 0800 555 111 is stored "111 555
    0800", a range 1950-53 "53-1950". A run of digit groups that the left-to-right
    translations hold in the opposite order is read in theirs, so only a changed group
    is reported. Land given in dunams (Hebrew, Arabic, Turkish) is hectares times 10.

    Measures are compared whole, with CLDR's unit names in every language: a height of
    "6-foot-6" is "1,98 m" and "1 м 98 см", "10°F above average" is 5,6 °C warmer, "50
    miles" is "80 km" (within 5%, or the last digit written; a round figure to a tenth
    of itself, so "about 30 yards" may be "about 30 metres" and "nearly a 20-degree
    difference" in °F "almost 10 degrees"), and a ton may be a tonne. A translation
    whose measure is another quantity than the source's (without a source: than at
    least three translations, a majority, agree on) is reported: a wrong conversion
    ("1 м 82 см" for 6-foot-6) or a unit changed with its number kept ("20 เมตร" for 20
    feet, "85 km/h" for 85 mph). Not reported: a measure that two peers, and half of
    them, give as well (the source's form may be one transcheck does not read: "six
    meters (18 feet)"), and one part of a height the source gives whole ("6 फुट" of "6
    फुट 6 इंच", where the foot word is not read). Amounts of money are read with
    their currency, from CLDR's currency signs and names ("£6 million", "6 млн фунтов",
    "50 ريال", "50ドル"; a word of a currency's name that names a country or a people is
    no currency): an amount the source (or a majority) gives in one currency and this
    translation, alone, in another, the number kept, is a currency changed ("£6
    million" as "6 مليون دولار"), not a conversion. Numbers written as words (CLDR's
    spell-out rules: "six", "cinq", "пяти", "altı", "ستة"; 五个 before a counter, not 九月
    the month; a teen or ten of two words, "delapan belas", "hai mươi", "أربعة عشر") are
    numbers, counted ("four wings and four limbs" has two fours; "four-in-ten" is four
    and ten): they answer for the digits the others write. A number word changed into
    another ("cinq" for six; with ``--source``, "tre giochi" for "two games" where no
    other translation has three, though the others say "both" or use a dual) is a lead
    (TC403), not a warning: read on held-out news, 6 of 36 were true. The thousands
    of Arabic script ("1،127"; "۲٬۵۲" before two digits is 2.52) are read, and a
    moment of a match ("27:37", minutes and seconds) is no number.

    Severity: a *warning* for a measure that is another quantity, a currency changed,
    and when the translation has, in place of the number, a near copy of it that no
    other translation has (one digit changed, dropped or added, two exchanged, the
    wrong scale: 2019 as 2009, 500 as 50, 71 as 17, £1.8 billion as 1,8 млн, also in a
    sentence of many numbers). Measured (``bench/reviewed/TC401.tsv``): on the
    real-text corpus (WMT24++, 15 languages) 13 of 13 in each mode; on held-out
    NTREX-128 news (30 languages), every warning read, 47 of 50 with the source and 50
    of 60 without it (the false: a measure the source gives in words and the peers
    convert, a speed whose "per hour" is not read, a calendar converted; without a
    source, peers that round where this one is exact). Before number words changed
    were leads and rounding, tonnes and heights were read as above, it was 54 of 114.
    Anything else (a number merely missing or added, rewritten, a number word changed)
    is a lead, reported by the number-lead rule (TC403, off by default): 1 of 20 was
    a divergence, the others numbers written as words, months as numbers (12月 for
    December) or figures made explicit. No finding is an error.

Why it matters:
    A wrong price, date, version or percentage is the costliest translation error and
    the easiest to miss by eye; comparing the translations finds it without a source.

Example:
    ar, it, ru and sv answer within "24" hours (٢٤ in Arabic), ``tr.txt`` says "48":
    "24 missing (ar, it, ru, sv have it); 48 not in the others (ar, it, ru, sv)".

What it does not catch:
    A number word changed, loudly (see above); ordinals written as words, number words
    CLDR does not spell (inflected forms, "пятьсот", "сотни"), and a number word
    dropped with nothing in its place ("one in five" as "every"): a missing or added
    integer up to 10 is reported only when the same translation also has another
    number in its place (a substitution), since one language may write "two" where
    another writes "2". A kept number whose unit is within a tenth of the source's
    ("300 Meter" for 300 yards) reads as a round figure rounded. A measure in a unit
    CLDR does not name for the language, or a bare "m" after a number other than a
    height ("1,98 m"). Roman numerals are accepted for the number they stand for. A time written 10.30 in one language and 10:30 in another reads as a
    different number and is reported; an ambiguous "1.500" is read as fifteen
    hundred. Numbers glued to Latin letters (CO2, v1.2) and file names are not
    compared. A translator's credit is no changed year: a paragraph that links to
    someone no other translation links to and is dated later than all of them
    ("Translator: <a …>…</a>, July 2022" where the author's line says January 2020).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from transcheck.model import Category, Kind, Severity, Strength
from transcheck.langdata import is_rtl
from transcheck.rules._numbers import (CLOCK, compound_numeral, is_clock, converted, in_reading_order, names_a_unit,
                                       names_dunams, rescaled, values)
from transcheck.rules._currencies import changed as currency_changed
from transcheck.rules._number_words import number_words
from transcheck.rules._measures import measure_notes
from transcheck.rules import _consensus as consensus
from transcheck.rules._leads import strong
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.text import normalise

_SKIPPED_KINDS = (Kind.CODE, Kind.URL, Kind.IMAGE, Kind.DIRECTIVE)
_ROMAN = re.compile(r"\b[IVXLCDM]{2,7}\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
SMALL = 10  # integers up to this are often written as words


def check(view: GroupView, options: NoOptions):
    for r, row in enumerate(view.rows):
        voters = consensus.voting_languages(view, row)
        if len(voters) < 2:
            continue
        texts = {lang: _text(view, row, lang) for lang in voters}
        ltr = [text for lang, text in texts.items() if not is_rtl(lang)]
        texts = {lang: in_reading_order(text, ltr) if is_rtl(lang) else text for lang, text in texts.items()}
        judged = measure_notes(view, texts)
        measures = judged.notes
        for lang, note in currency_changed(view, texts).items():
            measures.setdefault(lang, note)
        found = {lang: Counter(values(text, lang)) for lang, text in judged.bare.items()}
        # A number written as a word ("five", "cinq", "пяти") is the number: it answers
        # for the digit the others have, and a word changed into another is a changed
        # number.
        # Counted, not merely present: "four wings and four limbs" given as "five
        # wings and four limbs" still has a four.
        counted = {lang: Counter(str(v) for v, *_ in number_words(text, lang)) for lang, text in texts.items()}
        digits = {lang: set(c) for lang, c in found.items()}
        for lang, ws in counted.items():
            for w, n in ws.items():
                found[lang][w] += n
        items = sorted(set().union(*found.values()))
        if not items and not measures:
            continue
        missing: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        extra: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for item in items:
            votes = {lang: found[lang][item] for lang in voters}
            for dev in consensus.deviations(view, votes, confirm=True):
                if dev.value < dev.expected:
                    if item in _roman_values(texts[dev.language]):
                        continue
                    missing.setdefault(dev.language, []).append((item, dev.agree))
                else:
                    others = tuple(lang for lang in voters if votes[lang] < dev.value)
                    extra.setdefault(dev.language, []).append((item, others))
        if view.source in found:
            _word_swaps(view.source, voters, found, counted, missing, extra)
        for lang in sorted(set(missing) | set(extra) | set(measures)):
            if consensus.displaced(view, r, lang) or consensus.own_byline(view, row, lang):
                continue
            lacks = missing.get(lang, [])
            adds = extra.get(lang, [])
            # A number in another unit (miles as km, °F as °C) is the same number.
            dunams = names_dunams(texts[lang])
            unit = dunams or names_a_unit(texts[lang])
            pairs = [(x, y) for x, _ in lacks for y, _ in adds
                     if (unit and converted(x, y, dunams)) or rescaled(x, y)]
            gone = {x for x, _ in pairs} | {y for _, y in pairs}
            gone |= judged.covered[lang]
            lacks = [(n, a) for n, a in lacks if n not in gone]
            adds = [(n, a) for n, a in adds if n not in gone]
            if not adds:
                lacks = [(n, a) for n, a in lacks if not _small(n)]
            if not lacks:
                adds = [(n, a) for n, a in adds if not _small(n)]
            measure = measures.get(lang)
            if not lacks and not adds and not measure:
                continue
            parts = [measure[0]] if measure else []
            parts += [f"{_show(n)} missing ({consensus.names(a, 'have')} it)" for n, a in lacks]
            parts += [f"{_show(n)} not in the others ({consensus.names(a)})" for n, a in adds]
            peers = sorted(({x for _, a in lacks + adds for x in a} | set(measure[1] if measure else ())) - {lang})
            finding = RULE.at_cell(
                view,
                row,
                lang,
                "; ".join(parts),
                related=consensus.related(view, row, peers),
                key="number:" + ";".join(p for p in parts) + ":" + normalise(texts[lang])[:80],
            )
            # A near copy is evidence only among numbers written in digits: "four in
            # ten" given as 40% is no 10 changed into 40.
            written = [(x, a) for x, a in lacks if 2 * sum(x in digits[o] for o in a) > len(a)]
            loud = measure is not None or (
                not compound_numeral(texts[lang])
                and _substituted(written, [(y, a) for y, a in adds if y in digits[lang]], found[lang]))
            if not loud:
                finding = replace(finding, strength=Strength.HINT)
            yield finding


def _word_swaps(source: str, voters, found: dict, counted: dict, missing: dict, extra: dict) -> None:
    """With the source: a number of the source written here as another number word
    that no other translation has ("tre giochi" for "two games"), where at least two
    translations, and a third of them, write the source's number as often as it does.
    The vote alone misses these: translations that write "both", a dual or an
    inflected form make no clear majority."""
    src = found[source]
    peers = [o for o in voters if o != source]
    for lang in peers:
        others = [o for o in peers if o != lang]
        new = [y for y, n in counted[lang].items() if y.isdigit() and int(y) < 100 and n > src[y]
               and not any(found[o][y] > src[y] for o in others)]
        if not new:
            continue
        for x, n in src.items():
            keeping = tuple(o for o in others if found[o][x] >= n)
            # A conversion in words ("achtzig Kilometer" for fifty miles) is no swap; below
            # ten every pair of numbers is some conversion, rounded.
            swapped = [y for y in new if x.isdigit() and not (int(y) >= 10 and converted(x, y, False))]
            if (swapped and int(x) <= 100 and found[lang][x] < n and len(keeping) >= 2
                    and 3 * len(keeping) >= len(others)):
                if x not in {i for i, _ in missing.get(lang, [])}:
                    missing.setdefault(lang, []).append((x, (source, *keeping)))
                for y in swapped:
                    if y not in {i for i, _ in extra.get(lang, [])}:
                        extra.setdefault(lang, []).append((y, (source, *others)))


def _substituted(lacks, adds, own: Counter) -> bool:
    """The evidence of a changed number: this translation lacks a number the others
    share and has, in its place, a near copy of it that none of them has: one digit
    changed (2019 as 2009), two digits exchanged (71 as 17), or the wrong scale (16
    billion as 16 million). Anything else (a number merely missing or added, a time
    or date written another way, a figure rewritten) is mostly a number written as a
    word, a month as a number (12月 for December) or a different format, and is
    ``info``: measured on real translations, those were rarely divergences."""
    from rapidfuzz.distance import Levenshtein

    pairs = [(x, y) for x, _ in lacks for y, _ in adds
             if x.isdigit() and y.isdigit() and not (is_clock(x) or is_clock(y))]
    # The wrong scale is evidence in a cell of any size: it keeps every digit.
    if any(int(x) >= 1000 and int(y) >= 1000 and x.rstrip("0") == y.rstrip("0") for x, y in pairs):
        return True
    if len(own) > 8:
        return False  # a cell of many numbers rewritten is not one changed number
    for x, y in pairs:
        if len(x) == len(y) and len(x) >= 2 and (
                Levenshtein.distance(x, y) == 1 or sorted(x) == sorted(y)):
            return True
        # A digit dropped or added: 500 as 50, 1500 as 150.
        if abs(len(x) - len(y)) == 1 and min(int(x), int(y)) >= 10 and Levenshtein.distance(x, y) == 1:
            return True
    return False


def _text(view: GroupView, row, lang: str) -> str:
    doc = view.documents[lang]
    return " ".join(
        doc.segments[i].text for i in row.cells[lang] if doc.segments[i].kind not in _SKIPPED_KINDS
    )


def _small(value: str) -> bool:
    return value.isdigit() and int(value) <= SMALL


def _show(value: str) -> str:
    if is_clock(value):
        minutes = int(value) - CLOCK
        return f"the time {minutes // 60}:{minutes % 60:02d}"
    if value.startswith("date:"):
        _, year, a, b = value.split(":")
        return f"the date {a}/{b}/{year}"
    # A scale word is read as its digits: 16 billion is shown grouped, not as 11 digits.
    if value.isdigit() and int(value) >= 1_000_000:
        return f"{int(value):,}"
    return value


def _roman_values(text: str) -> set[str]:
    out = set()
    for token in _ROMAN.findall(text):
        total, prev = 0, 0
        for ch in reversed(token):
            v = _ROMAN_VALUES[ch]
            total = total - v if v < prev else total + v
            prev = max(prev, v)
        out.add(str(total))
    return out


RULE = Rule(
    code="TC401",
    name="number-mismatch",
    category=Category.NUMBER,
    severity=Severity.WARNING,
    check=strong(check),
    doc=__doc__,
)
