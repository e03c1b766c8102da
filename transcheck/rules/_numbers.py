"""The numbers of a cell as values, whatever the script of its digits and whether it
writes a scale as a word: shared by the number and role checks.

- Every decimal digit counts as its value: full-width (１７), Arabic-Indic (٢٤),
  Devanagari (२४), Bengali, Thai… (Unicode category Nd).
- A scale word from CLDR multiplies the number before it: "5 آلاف", "10 тысяч",
  "2,5 milioni", "1万", "3 crore" are 5000, 10000, 2500000, 10000, 30000000.
- @mentions, #hashtags, URLs and digits glued after a letter (CO2, user31, PA28) are not
  numbers of the text.
- An abbreviated year range ("1981-87") is both years, as others write it in full.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from transcheck.align.anchors import NUMBER as _NUM
from transcheck.model import base_language
from transcheck.rules._tokens import _MARKS
from transcheck.text import nfc

# Possessive pieces (separators, then word characters) that never give back what they
# took: linear on a long run of either.
_HANDLE = re.compile(rf"(?<![\w@])[@#](?:[.\-]*+[\w@{_MARKS}]++)++")
_GLUED = re.compile(rf"(?<=[^\W\d_]|[{_MARKS}])\d[\d.,]*")
_RANGE = re.compile(r"(?<!\d)(1[5-9]|20)(\d\d)\s?[-–]\s?(\d\d)(?!\d)")
# Numbers found one after another, each whole: a scale word is then looked for right
# after each. One pattern for number and word gave back digit after digit from every
# position of a long run of digits (20,000 digits: 58 s).
_NUMBER = re.compile(_NUM)
# Indian digit grouping: 1,30,000 and 3,00,00,000.
_SHORT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)([kKM])(?![^\W\d_])")
_SHORT_FACTORS = {"k": 1000, "K": 1000, "M": 1_000_000}
# After a currency sign the press writes million and billion as m, bn, tn ("€100m",
# "$1.8bn"); elsewhere "100m" is as likely metres.
_MONEY = re.compile(r"(?<=[€$£¥₹₦])\s?(\d+(?:[.,]\d+)?)\s?(bn|tn|m)(?![^\W\d_])")
_MONEY_FACTORS = {"m": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
_INDIAN = re.compile(r"(?<![\d,.])\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])")
# A clock time, 04:30 or military 0430, as minutes on a 12-hour dial (10:26 PM = 22.26).
CLOCK = 9_000_000_000  # clock times are read as this plus the minutes


def is_clock(value: str) -> bool:
    """Whether a value read is a clock time (10:26 as ``CLOCK`` plus its minutes past
    twelve), not a number: 16 billion is above ``CLOCK`` and a number."""
    return value.isdigit() and CLOCK <= int(value) < CLOCK + 720
_CLOCK = re.compile(r"(?<![\d.,:])(?:([01]?\d|2[0-3]):([0-5]\d)|(0\d)([0-5]\d))(?![\d:])")
# Minutes and seconds past a clock's hours (a goal at 27:37 of a match, a record of
# 42:15): a moment of a game or a race, which a translation gives as "the 28th minute".
_TIMER = re.compile(r"(?<![\d.,:])(?:2[4-9]|[3-9]\d|1\d\d):[0-5]\d(?![\d:])")
# The Arabic comma between digits groups thousands ("1،127"); the Arabic thousands
# separator before fewer than three digits is a decimal mark ("۲٬۵۲ میلیون" is 2.52).
_ARABIC_GROUP = re.compile(r"(?<=\d)[\u060c\u066c](?=(\d{1,3})(?!\d))")


def _cased(ch: str) -> bool:
    """A letter of a script with case (Latin, Cyrillic, Greek…): digits glued to it are
    part of a code (CO2, user31), while digits glued to Han or kana are counted
    (12月, 600万)."""
    return ch.lower() != ch.upper()


def ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    out = []
    for ch in text:
        if not ch.isascii() and unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.digit(ch)))
        elif ch == "．":  # the full-width full stop between full-width digits
            out.append(".")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=256)
def _scale_pattern(language: str):
    from transcheck.rules._scales import SCALES

    words = SCALES.get(base_language(language).lower())
    if not words:
        return None, {}
    # Short Latin forms (K, M, Mn) are units and grades as often as scales: only glued
    # to the number ("100k", "5M") do they count, handled by the caller.
    table = {unicodedata.normalize("NFC", w).casefold(): f for w, f in words.items()
             if not (len(w) <= 2 and w.isascii())}
    # A word of a spaced script must end there ("mil" is not "milano", Bengali "কো" is
    # not the start of "কোরিয়া", though its vowel sign is no \w); an abbreviation
    # ending in a stop ("млн.") or a CJK scale character needs no boundary.
    stopped = [w for w in table if unicodedata.category(w[-1]).startswith("P")]
    words = [w for w in table if w not in stopped]
    pattern = re.compile(
        rf"[\u00a0\u202f ]?(?:{_alternatives(stopped)}|(?:{_alternatives(words)})"
        rf"(?:(?<=[\u3400-\u9fff\uac00-\ud7af])|(?!\w)))",
        re.IGNORECASE,
    )
    return pattern, table


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _times(raw: str, factor: int) -> str:
    value = Decimal(_canon(raw)) * factor
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def _canon(raw: str) -> str:
    from transcheck.align.anchors import _canonical

    return _canonical(raw)


def _with_scales(text: str, scale: re.Pattern, table: dict) -> str:
    """``text`` with each number followed by a scale word ("3 millions") multiplied out."""
    out: list[str] = []
    last = 0
    for number in _NUMBER.finditer(text):
        after = scale.match(text, number.end())
        if after is None:
            continue
        out.append(text[last:number.start()])
        out.append(_scaled(number.group(), after.group(), table))
        last = after.end()
    return "".join(out) + text[last:] if out else text


def _scaled(number: str, word: str, table: dict) -> str:
    from transcheck.align.anchors import _canonical

    factor = table.get(unicodedata.normalize("NFC", word.strip("\u00a0\u202f ")).casefold())
    if factor is None:
        return number + word
    try:
        value = Decimal(_canonical(number.replace("\u066b", ","))) * factor
    except InvalidOperation:
        return number + word
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def prepare(text: str, language: str) -> str:
    """``text`` with its numbers in ASCII digits, scale words applied and non-numbers
    (handles, codes) blanked, ready for ``anchors.numbers``."""
    from transcheck.rules._tokens import clean

    text = ascii_digits(nfc(clean(text)))
    text = _HANDLE.sub(lambda m: " " * len(m.group()), text)
    text = _GLUED.sub(
        lambda m: m.group() if not _glued_to_cased(text, m) else " " * len(m.group()), text
    )
    text = _ARABIC_GROUP.sub(_arabic_group, text)
    text = _INDIAN.sub(lambda m: m.group().replace(",", ""), text)
    text = _ZONED.sub(_zoned, text)
    text = _CLOCK.sub(_clock, text)
    text = _TIMER.sub(lambda m: " " * len(m.group()), text)
    text = _RANGE.sub(lambda m: f"{m.group(1)}{m.group(2)} - {m.group(1)}{m.group(3)}"
                      if m.group(3) > m.group(2) else m.group(), text)
    text = _MONEY.sub(lambda m: _times(m.group(1), _MONEY_FACTORS[m.group(2)]), text)
    text = _SHORT.sub(lambda m: _times(m.group(1), _SHORT_FACTORS[m.group(2)]), text)
    pattern, table = _scale_pattern(language)
    if pattern is not None:
        text = _with_scales(text, pattern, table)
    return text


def _arabic_group(m: re.Match) -> str:
    if len(m.group(1)) == 3:
        return ","
    return "." if m.group() == "\u066c" else m.group()


def _zoned(m: re.Match) -> str:
    """A clock time in a named zone, read in UTC: "12:00:00 (UTC)" and "21:00:00 (JST)"
    are one moment, as a translation gives it in its readers' zone. A zone whose offset
    is not known for sure ("CST", "IST", "BST": two zones each) or not whole hours
    ("ACST") leaves no number."""
    offset = _ZONES.get(m["zone"])
    if m["offset"] and m["zone"] in ("UTC", "GMT"):
        offset = int(m["offset"].split(":")[0])  # "UTC+9", "GMT-05:00"
    if offset is None:
        return " " * len(m.group())
    return f" {((int(m['h']) - offset) % 12) * 60 + int(m['min']) + CLOCK} "


# A clock time (with seconds) and the zone it is told in: "12:00:00 (UTC)", "21:00 JST",
# "9:00 UTC+9". Abbreviations that name one offset only.
_ZONED = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::[0-5]\d)?+[ \t]*+\(?"
                    r"(?P<zone>UTC|GMT|MSK|[A-Z]{1,4}T)(?P<offset>[+-]\d{1,2}(?::\d\d)?)?+\)?(?![A-Za-z])")
_ZONES = {"WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "HKT": 8, "SGT": 8,
          "AWST": 8, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "HST": -10,
          "AKST": -9, "AKDT": -8, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "EST": -5, "EDT": -4,
          "UTC": 0, "GMT": 0}


def _clock(m: re.Match) -> str:
    hours, minutes = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f" {(int(hours) % 12) * 60 + int(minutes) + CLOCK} "


def _glued_to_cased(text: str, m: re.Match) -> bool:
    before = text[m.start() - 1]
    return (before.isalpha() and _cased(before)) or not before.isalnum()


def values(text: str, language: str) -> list[str]:
    from transcheck.align.anchors import numbers

    return numbers(prepare(text, language))


# Units a converted figure is written with, in the scripts translations use: a number
# counts as converted only in a text that names a unit (without one, 7 and 17 are two
# numbers, however close 17 is to 7 inches in centimetres).
_UNIT_WORDS = (
    "km cm mm m kg g mg lb lbs oz ft in mi mph kmh km/h l ml gal yd yds "
    "mile miles miglia millas milhas meilen milles mil mijl mijlen kilometre kilometres kilometer "
    "kilometers kilómetros kilometros chilometri quilômetros quilometros kilometre kilometreler "
    "pound pounds libras libbre pfund livres kilo kilos kilogram kilograms kilogrammes "
    "inch inches pulgadas pollici zoll pouces polegadas inç foot feet pies piedi fuß fuss pieds pés fit "
    "yard yards gallon gallons litre litres liter liters litros litri derece grad grados gradi degrés "
    "degree degrees fahrenheit celsius metre metres meter meters metro metros metri mètre mètres "
    "yarda yardas iarde metrów metrelik "
    "км см мм м кг г фунт фунтов фунта миль миля мили дюйм дюймов дюйма фут футов фута "
    "километр километров километра литр литров градус градусов градуса метр метров метра ярд ярдов "
    "كم سم مم كغ كجم ميل أميال اميال رطل بوصة قدم لتر درجة درجات كيلومتر كيلومترات متر أمتار "
    "מייל מיילים אינץ רגל ליטר מעלות קילומטר קילומטרים ק\"מ ס\"מ מ\"מ ק\"ג "
    "किमी किलोमीटर सेमी मील इंच फुट पाउंड किलो लीटर डिग्री मीटर गज "
    "마일 인치 피트 파운드 킬로미터 킬로그램 센티미터 미터 도"
).split()
# A unit right after a number ("5 miles", "8 km", "20 см", "5公里"): the words alone are
# everyday words too ("in", "m", "g", "mil", "fit", "도").
_UNIT = re.compile(
    r"[°º℃℉]|\d\s?-?\s?(?:" + "|".join(sorted(map(re.escape, _UNIT_WORDS), key=len, reverse=True))
    + r")(?![^\W\d_])|\d\s?(?:公里|千米|厘米|毫米|公斤|千克|英里|英寸|英尺|摄氏|华氏|キロ|センチ|メートル|マイル|インチ|フィート|ポンド|リットル)",
    re.IGNORECASE,
)


def names_a_unit(text: str) -> bool:
    return _UNIT.search(text) is not None


# Digits followed by an East Asian scale character (1억 1천만, 5億8千万): a compound
# numeral, read here in parts, so its values are no evidence of a changed number.
_CJK_COMPOUND = re.compile(r"\d\s?[万萬億亿千百십백천만억조]")


def compound_numeral(text: str) -> bool:
    return _CJK_COMPOUND.search(text) is not None


# Conversions a translator makes for readers: (factor, tolerance), both directions.
_FACTORS = (1.609344, 1.852, 2.54, 0.45359237, 0.3048, 0.9144, 3.78541, 0.0283168, 28.3495, 2.58999, 0.404686)


# The dunam (1,000 m²) of Hebrew, Arabic and Turkish texts: a hectare is 10 of them, an
# acre about 4.
_DUNAM = re.compile(r"\d\s?(?:דונם|דונמים|دونم|دونمات|dönüm)")
_DUNAM_FACTORS = (10.0, 4.04686)


def names_dunams(text: str) -> bool:
    return _DUNAM.search(text) is not None


def converted(a: str, b: str, dunams: bool = False) -> bool:
    """Whether ``b`` is ``a`` in another unit (miles and km, inches and cm, lb and kg,
    feet and m, °F and °C…), rounded as translators round, or ``a`` with a scale
    written as a separate number (18 months as 1.5 years is not this)."""
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if x <= 0 or y <= 0:
        return False
    # A converted figure is rounded, and a round one ("about 300 metres" for 350
    # yards, 320 m) more freely.
    rounded = y >= 10 and y % 10 == 0 and len(str(int(y)).rstrip("0")) <= 2
    tolerance = 0.1 if rounded else 0.05
    for f in _FACTORS + (_DUNAM_FACTORS if dunams else ()):
        for target in (x * f, x / f):
            if abs(y - target) <= max(tolerance * target, 0.51):
                return True
    for c, f in (((x - 32) * 5 / 9, y), ((y - 32) * 5 / 9, x)):
        if abs(c - f) <= 1.01:
            return True
    return False


def _mantissa(value: str) -> str:
    return value.replace(".", "").strip("0")


def rescaled(a: str, b: str) -> bool:
    """Whether one of two values is the other with a scale word this table does not
    know ("1.35" for "1.35 million" in a language that writes "मिलियन", "34" for "34
    trillion"): the same digits, the smaller one under a thousand. A wrong scale ("16
    million" for "16 billion") has both values scaled and still differs."""
    try:
        x, y = sorted((float(a), float(b)))
    except ValueError:
        return False
    return x < 1000 and y >= 1000 * x and _mantissa(a) == _mantissa(b)


# Digit groups joined by spaces, hyphens, dashes, dots or slashes: a phone number, a
# score, a range, a date.
_GROUP_RUN = re.compile(r"(?<!\d)(?<!\d[.,])\d++(?:[ \u00a0\u202f\-\u2013./]\d++)++(?![.,]?\d)")
_GROUP_SEPARATOR = re.compile(r"\D+")


def in_reading_order(text: str, others: list[str]) -> str:
    """``text``, a right-to-left document's, with each run of digit groups that the
    other documents hold in the opposite order rewritten in their order.

    A writer of Arabic, Hebrew, Persian or Urdu types a phone number, a score or a
    range so that it reads right to left: "0800 555 111" becomes "111 555 0800",
    "5-3" becomes "3-5", "1950-53" becomes "53-1950". The groups are the same; only
    their order is the script's. A run is read reversed when, for at least half of
    ``others``, a run of theirs with as many groups matches more of its groups in
    reverse order than as written (so a group changed as well is still compared
    with the right one)."""
    text = ascii_digits(text)
    if not others or not _GROUP_RUN.search(text):
        return text
    runs = [{tuple(_GROUP_SEPARATOR.split(m.group())) for m in _GROUP_RUN.finditer(ascii_digits(other))}
            for other in others]

    def alike(a: tuple[str, ...], b: tuple[str, ...]) -> int:
        return sum(x == y for x, y in zip(a, b))

    def reorder(m: re.Match) -> str:
        groups = tuple(_GROUP_SEPARATOR.split(m.group()))
        back = groups[::-1]
        votes = 0
        for theirs in runs:
            same = [run for run in theirs if len(run) == len(groups)]
            if same and max(alike(back, run) for run in same) > max(alike(groups, run) for run in same):
                votes += 1
        if 2 * votes < len(others) or not votes:
            return m.group()
        separators = _GROUP_SEPARATOR.findall(m.group())[::-1]
        return back[0] + "".join(sep + group for sep, group in zip(separators, back[1:]))

    return _GROUP_RUN.sub(reorder, text)
