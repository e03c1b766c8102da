"""Two numbers exchanged, judged against the source and every peer: the warning class
of role-inversion (TC502). Word order differs between languages, so the order of two
numbers alone is evidence only where it cannot be word order: each number keeps a mark
of its own that the translation exchanges (13% and 40 years become 40% and 13 years,
"January 19 … 12 bills" becomes "January 12 … 19 bills", "25 degrees … 300 yards"
becomes "300 degrees … 25 yards", "an 83-hour wait … 30 ambulances" becomes "30 hours …
83 ambulances"), the two stand in a
rising range of the source ("1995–2005", "30 to 40", "between 2000 and 2019", a
progression "2000 M... 2500 M", a part "95 out of 900") that a left-to-right translation
turns around, or the two change places around a third name or number that every
language keeps between them. A score, a ratio or a date in the other order is none: on
NTREX-128 news (held out) those 28 warnings were a language's convention ("0:1" for
a 1-0 defeat in German, "1882 թվականի սեպտեմբերի 30") or right-to-left typing."""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.langdata import is_rtl

MIN_PEERS = 5
_CURRENCY = "$€£¥₹₩₺₽₪"
# A percent written as a word, per language ("83 percent", "83 في المئة", "yüzde 83").
_PERCENT_AFTER = re.compile(
    r"\s?(?:percent|per\s+cent|pour\s+cent|por\s+ciento|por\s+cento|per\s+cento|prozent|procent|процент\w*"
    r"|відсот\w*|في\s+المئة|في\s+المائة|بالمئة|بالمائة|אחוז\w*|प्रतिशत|फ़ीसदी|फीसदी|パーセント|퍼센트)",
    re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"(?:yüzde|百分之|%)\s*$", re.IGNORECASE)
# Between the two ends of a range: a dash, "to" or "through", the dots of a
# progression ("2000 M... 2500 M"), a unit after the first ("2000 M to 2500 M"); a
# part before its whole ("95 out of more than 900").
_RANGE_GAP = re.compile(r"\A\s*+(?:(?:[A-Z]{1,3}|km|cm|mm|kg|mi|ft|lb|m|g)\b\.?\s*+)?"
                        r"(?:[-–—]|to|through|\.{2,4}|…|out\s+of(?:\s+(?:more\s+than|over|nearly|about))?)\s*+")
# "between 2000 and 2019": "and" ends a range only after "between".
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def marks(text: str, start: int, end: int, months: list[tuple[int, int]] = ()) -> frozenset[str]:
    """What a number carries with it in any language: a percent sign or word, a
    currency sign, a degree sign, a month it is the day of ("January 19", "19 января",
    "19 de enero", "1月19日": ``months``, where the text names one)."""
    found = set()
    after = text[end:end + 3].lstrip(" \u00a0\u202f")
    before = text[max(0, start - 8):start]
    if after[:1] in ("%", "٪", "％") or _PERCENT_AFTER.match(text, end) or _PERCENT_BEFORE.search(before):
        found.add("%")
    if after[:1] in ("°", "℃", "℉"):
        found.add("°")
    before = before.rstrip(" \u00a0\u202f")
    if (before[-1:] and before[-1] in _CURRENCY) or (after[:1] and after[0] in _CURRENCY):
        found.add("¤")
    if any(0 <= start - m_end <= 2 or 0 <= m_start - end <= 4 for m_start, m_end in months
           if not any(ch.isdigit() for ch in text[min(m_end, end):max(m_start, start)])):
        found.add("month")
    return frozenset(found)


_MARKS = ("%", "°", "¤", "month", "length", "mass", "temperature", "speed", "volume", "area", "duration")


def _first(anchors: list, key: str):
    return next(x for x in anchors if x.key == key)


@lru_cache(maxsize=128)
def _read(text: str, lang: str) -> tuple[list, list]:
    """The month names and measures of a cell, read once for every pair of its numbers."""
    from transcheck.rules._calendar import month_spans
    from transcheck.rules._quantities import quantities

    return month_spans(text, lang), quantities(text, lang, durations=True)


def _marks(text: str, lang: str, anchors: list, a: str, b: str) -> tuple[frozenset[str], frozenset[str]]:
    """The marks each of the two numbers carries, in any of its occurrences."""
    months, measures = _read(text, lang)
    out = []
    for key in (a, b):
        found = set()
        # Every occurrence of the number: a year written twice keeps no unit in either.
        for x in anchors:
            if x.key == key:
                # A unit goes with its number as a sign does: "25 degrees … 300 yards"
                # given as "300 degrees … 25 yards" exchanged the two.
                found |= {q.dimension for q in measures if q.start <= x.start < q.end}
                found |= marks(text, x.start, x.start + len(x.surface), months)
        out.append(frozenset(found))
    return tuple(out)


def _rising_range(text: str, anchors: list, a: str, b: str) -> bool:
    """Whether the first A and B stand as the two ends of a range, the smaller first."""
    xs = sorted((_first(anchors, a), _first(anchors, b)), key=lambda x: x.start)
    gap = text[xs[0].start + len(xs[0].surface):xs[1].start]
    try:
        rising = float(xs[0].key[2:].replace(",", ".")) < float(xs[1].key[2:].replace(",", "."))
    except ValueError:
        return False
    if rising and gap.strip() == "and" and _BETWEEN.search(text[max(0, xs[0].start - 12):xs[0].start]):
        return True
    return rising and len(gap) <= 24 and bool(_RANGE_GAP.fullmatch(gap))


def _own_digit_run(text: str, anchors: list, a: str, b: str) -> bool:
    """Whether the first A and B stand in one run of numbers written in digits other
    than ASCII ("۴-۳-۲"), whose order on screen bidi may reverse."""
    xs = sorted((_first(anchors, a), _first(anchors, b)), key=lambda x: x.start)
    run = text[xs[0].start:xs[1].start + len(xs[1].surface)]
    return bool(_NUMBER_RUN.fullmatch(run)) and not any("0" <= ch <= "9" for ch in run)


_NUMBER_RUN = re.compile(r"[\d\s.,:/–—-]{3,24}")
# A date of three numbers in digits: year, month and day in any of the orders written.
_DATE = re.compile(r"(?<![\d.,/-])\d{1,4}([-/.])\d{1,2}\1\d{1,4}(?![\d/-]|[.,]\d)")
# A month and its year in digits, either way round ("08-2024", "2024/08").
_MONTH_YEAR = re.compile(r"(?<![\d.,/-])(?:(?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2]))(?![\d/-]|[.,]\d)")


def _in_date(text: str, anchors: list, key: str) -> bool:
    """Whether the first occurrence of ``key`` stands inside a date written in digits
    (a month and its year too: "08-2024", which Japanese writes "2024年8月")."""
    x = _first(anchors, key)
    return any(m.start() <= x.start < m.end() for p in (_DATE, _MONTH_YEAR) for m in p.finditer(text))


def swap_evidence(source: str, seqs: dict, lang: str, expected: tuple, a: str, b: str,
                  texts: dict, anchors: dict) -> str | None:
    """Why the two numbers ``a`` and ``b`` (once each in ``seqs``, or their first
    occurrences) in ``lang`` are exchanged rather than reordered: "marks", "range",
    "pivot" or "sentences"; None when reordering or a convention may explain it. A mark exchanged is
    judged on which number carries it; the others need the source and every peer to
    hold the two in one order."""
    if not (a.startswith("n:") and b.startswith("n:")) or source not in seqs or seqs[source] != expected:
        return None
    # A date written in digits is ordered by the language's convention ("2026-03-05",
    # "05/03/2026"), not by the roles of its parts.
    if any(_in_date(texts[o], anchors[o], n) for o in (source, lang) for n in (a, b)):
        return None
    # A right-to-left translation that writes the two in one run of its own digits
    # ("۳-۲" for 2-3, "۴-۳-۲") may have typed them in the order they show in.
    if is_rtl(lang) and _own_digit_run(texts[lang], anchors[lang], a, b):
        return None
    # Peers that write A or B more than once (a date repeated, "10年" for "decade")
    # do not vote.
    peers = [o for o in seqs if o not in (lang, source) and sorted(seqs[o]) == sorted(expected)]
    if len(peers) < MIN_PEERS:
        return None
    # A mark goes with its number wherever word order puts it: the peers vote on
    # which number carries it, not on the order.
    if _marks_exchanged(source, peers, lang, texts, anchors, a, b):
        return "marks"
    if any(seqs[o] != expected for o in peers):
        return None  # every peer must side with the source's order
    if not is_rtl(lang) and _rising_range(texts[source], anchors[source], a, b):
        return "range"
    if _across_pivot(source, peers, lang, anchors, *expected):
        return "pivot"
    if _across_sentences(source, peers, lang, texts, anchors, *expected):
        return "sentences"
    return None


# How a message names each kind of mark.
MARK_NAMES = {"%": "the percent", "°": "the degrees", "¤": "the currency", "month": "the month",
              "length": "the unit of length", "mass": "the unit of mass", "temperature": "the unit of temperature",
              "speed": "the unit of speed", "volume": "the unit of volume", "area": "the unit of area",
              "duration": "the span of time"}


def marks_moved(source: str, seqs: dict, langs, a: str, b: str, texts: dict, anchors: dict) -> dict[str, str]:
    """Per language of ``langs``, the kind of mark it gives to the other of two numbers
    than the source and its peers do, whatever order the two stand in: "vor fast 2022
    Monaten … Act 18" for "Act 2022 nearly 18 months ago" keeps the source's order and
    still moves the months to the year. The numbers occur as often in the source, here
    and in at least ``MIN_PEERS`` peers (four times at most together); a date written
    in digits is no evidence."""
    if not (a.startswith("n:") and b.startswith("n:")) or source not in seqs:
        return {}
    # Each language writes each number as often as the source does ("2022" twice).
    shape = sorted(seqs[source])
    if len(shape) > 4:
        return {}
    # Most pairs end here, before any translation is read: the source marks neither
    # number, or both alike.
    want = _marks(texts[source], source, anchors[source], a, b)
    if want[0] == want[1] or any(_in_date(texts[source], anchors[source], n) for n in (a, b)):
        return {}
    alike = [o for o, seq in seqs.items() if o != source and sorted(seq) == shape]
    out = {}
    for lang in langs:
        if lang not in alike or _marks(texts[lang], lang, anchors[lang], a, b) == want:
            continue
        peers = [o for o in alike if o != lang]
        if len(peers) < MIN_PEERS or any(_in_date(texts[lang], anchors[lang], n) for n in (a, b)):
            continue
        kind = _marks_exchanged(source, peers, lang, texts, anchors, a, b)
        if kind:
            out[lang] = kind
    return out


def carrier(text: str, lang: str, anchors: list, a: str, b: str, kind: str) -> str:
    """Which of the two numbers carries a kind of mark in ``text``."""
    return a if kind in _marks(text, lang, anchors, a, b)[0] else b


def _marks_exchanged(source: str, peers: list, lang: str, texts: dict, anchors: dict, a: str, b: str) -> str | None:
    """A kind of mark (a percent, a currency, a degree, a month, a unit of one
    dimension: a length, a mass, a temperature, a span of time…) is on one of the two
    numbers in the source and in at least ``MIN_PEERS`` peers, and on the other one
    here. Each kind on its own: a peer that writes the date without a month name still
    keeps the percent where the source has it. A peer that marks neither number (a
    date in digits) is silent; one that marks the other, or both, says the mark does
    not follow the number. Returns the kind exchanged."""
    held = {o: _marks(texts[o], o, anchors[o], a, b) for o in [source, *peers, lang]}
    for kind in _MARKS:
        pair = {o: (kind in m[0], kind in m[1]) for o, m in held.items()}
        want = pair[source]
        if want[0] == want[1] or pair[lang] != want[::-1]:
            continue
        agree = sum(pair[o] == want for o in peers)
        if agree >= MIN_PEERS and all(pair[o] in (want, (False, False)) for o in peers):
            return kind
    return None


# A stop ends a sentence before a space; in Chinese and Japanese, where no space
# follows, anywhere ("7.55am" and "3.5" are no two sentences).
_UNIT_END = re.compile(r"(?<=[.!?;؛؟।。！？；])[\"'”»’)\]」』]*(?:\s+|(?<=[。！？；」』]))(?=\S)")


def _units(text: str) -> list[int]:
    """Where each sentence (or clause after a semicolon) of ``text`` starts."""
    return [0] + [m.end() for m in _UNIT_END.finditer(text)]


def _unit_of(starts: list[int], offset: int) -> int:
    return sum(1 for s in starts[1:] if s <= offset)


def _across_sentences(source: str, peers: list, lang: str, texts: dict, anchors: dict, a: str, b: str) -> bool:
    """A and B stand in different sentences (or clauses between semicolons) of the
    source, and each in the other's in this translation, which has as many sentences;
    every peer split alike keeps them where the source has them (at least three).
    Word order moves a number within its sentence, not into another one."""
    def where(o):
        starts = _units(texts[o])
        return len(starts), _unit_of(starts, _first(anchors[o], a).start), _unit_of(starts, _first(anchors[o], b).start)

    n, ia, ib = where(source)
    if ia == ib:
        return False
    alike = [w for w in (where(o) for o in peers) if w[0] == n]
    if len(alike) < 3 or any(w != (n, ia, ib) for w in alike):
        return False
    return where(lang) == (n, ib, ia)


def _across_pivot(source: str, peers: list, lang: str, anchors: dict, a: str, b: str) -> bool:
    """A third anchor C, once in the source, in this translation and in at least
    ``MIN_PEERS`` peers, stands between A and B in the source and in every peer that
    has it once, and the translation has B … C … A: the two changed places around a
    fixed point. Word order moves a phrase (a rotation: A C B as B A C); it does not
    exchange two numbers around a third."""
    def position(o):
        keys = [x.key for x in anchors[o]]
        return {k: keys.index(k) for k in keys if keys.count(k) == 1 or k in (a, b)}

    pos = {o: position(o) for o in [source, *peers, lang]}
    for c in sorted(set(pos[source]) & set(pos[lang]) - {a, b}):
        voters = [p for o, p in pos.items() if o != lang and c in p]
        if len(voters) <= MIN_PEERS or not all(p[a] < p[c] < p[b] for p in voters):
            continue
        if pos[lang][b] < pos[lang][c] < pos[lang][a]:
            return True
    return False
