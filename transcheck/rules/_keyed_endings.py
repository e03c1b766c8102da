"""How a keyed value ends and where its white space is, against the source (TC601):
a label's colon, a menu item's ellipsis, a space the program joins the next string
after. Each language's own marks count as the same (Chinese "：", Hindi "।", Greek and
Arabic question marks, French space before ":", the Khmer and Ethiopic colons, the
Devanagari and Bengali visargas "ः", "ঃ" and the Armenian comma "՝" for a colon; the
Armenian full stop and colon typed as ":" and "."); Thai, Lao, Khmer and Burmese end a
sentence without a full stop, and Tibetan ends every phrase with its shad "།". A
menu's access key after the label ("(_o)", "(&F)") is no part of its end, and a source
that ends with a comma (a salutation the program continues) sets no ending."""

from __future__ import annotations

import re
from dataclasses import replace

from transcheck.model import Strength, base_language
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, Rule
from transcheck.rules.invisible_character import BIDI

_MARKS = {
    ":": ":", "：": ":", "﹕": ":", "៖": ":", "ៈ": ":", "፦": ":",  # Khmer writes a colon ៖ or ៈ
    "…": "…", "⋯": "…",
    "!": "!", "！": "!", "¡": "!",
    ".": ".", "。": ".", "।": ".", "۔": ".", "։": ".", "။": ".", "።": ".", "॥": ".", "｡": ".",
    "᱾": ".", "᱿": ".", "།": ".", "༎": ".",  # Ol Chiki (Santali) and Tibetan
}
# A question's mark in any script: Arabic, fullwidth, Armenian, Greek.
_QUESTION = ("?", "？", "؟", "՞", "\u037e")
# Not colons, but written where one introduces what follows, so a colon where the
# source has one: the Devanagari and Bengali visargas (letters, नमः), which Hindi,
# Marathi and Bengali typists write for the colon they look like, and the Armenian
# comma ("Պատճառը՝").
_COLON_LIKE = ("\u0903", "\u0983", "\u055d")
_NO_FULL_STOP = frozenset({"th", "lo", "km", "my"})
_ETHIOPIC = frozenset({"am", "ti", "tig", "gez"})
# Tibetan and Dzongkha close every phrase with a shad "།", whatever the source's mark.
_SHAD_END = frozenset({"bo", "dz"})
# Written without spaces between words: a string joined to the next needs none.
_NO_SPACES = frozenset({"zh", "ja", "th", "lo", "km", "my"})
# Closing quotation marks, German's and Czech's "“" and "‘" and Danish's "«" among them
# ("„%@…“"), and the other closing marks.
_QUOTES_CLOSING = "\"'”’»“‘«"
_CLOSERS = _QUOTES_CLOSING + ")]}*_"
# A mark that ends a quotation rather than the value ("Extracting \"%@...\""): a language
# of another word order moves the quotation, its mark with it ("\"%@...\" kicsomagolása").
_QUOTED_MARK = {"…": re.compile(rf"(?:\.\.\.|…)[{_QUOTES_CLOSING}]"), ":": re.compile(rf":[{_QUOTES_CLOSING}]")}
_OPENERS = "\"'“‘«„「『(["
# Endings a program relies on (a colon before a value, an ellipsis on an item that
# opens a dialog); the others are a translator's style as often as a slip.
_STRONG = {":", "…"}
# A face of punctuation at the end (":)", ";-(", Arabic "؛)"): no colon, no bracket.
_FACE = re.compile(r"(?:[:;=：；؛][-_'^o]?[()DPp]+|(?<!\S)[()]++[-_'^o]?[:;=])\s*$")  # ":)", and "(:" read backwards
# A list that ends with a short abbreviation after a comma ("IDX, etc.", "SRT, jne."):
# the list's "…" said in words.
_LIST_END = re.compile(r",\s*(?:[^\W\d_]{1,3}\.\s*){1,2}$")
# A value that is one abbreviation ("ex.", "etc.", "e.g."): its full stop ends no
# sentence. Longer words with a stop ("Saved.") are messages.
_ABBREVIATION = re.compile(r"^\W*(?:[^\W\d_]{1,3}\.|(?:[^\W\d_]\.){2,})\s*$")
# A storyboard's or a xib's object id and property: "faa-9Y-Axk.title".
_IB_OBJECT = re.compile(r"[A-Za-z0-9]{3}-[A-Za-z0-9]{2}-[A-Za-z0-9]{3}\.")
_NAMES = {":": "a colon", "…": "an ellipsis", "!": "an exclamation mark", ".": "a full stop", "": "no mark"}


# A menu's access key written after the label, as languages without Latin letters
# do ("ফোল্ডার: (_o)", "設定位置… (_L)", Qt's "(&F)"): the label ends before it.
# Markup closing the value ("Unlimited items:<reset>", "Name:</b>", a placeholder after a
# space: "Failed: <x id="PH"/>"): the mark is before it.
_TRAILING_TAGS = re.compile(r"(?<=[^\s>])(?:\s*+<[/A-Za-z][^<>]{0,30}>)++\s*+$")
_ACCESS_KEY = re.compile(r"(?<!\s)\s*+[(（][_&][^\W_][)）]$")


# Invisible characters after the last mark (a byte-order mark, a zero-width space, a
# direction mark): TC701's finding; the mark before them is still the value's end.
_INVISIBLE_END = re.compile(r"[\s\u200b-\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff]+$")


def ending(raw: str, language: str) -> str:
    whole = _TRAILING_TAGS.sub("", _ACCESS_KEY.sub("", _INVISIBLE_END.sub("", raw)))
    if _FACE.search(whole):
        return ""
    text = whole.rstrip(_CLOSERS).rstrip()
    if text != whole and (text[-2:-1] in _OPENERS or whole[-1:] in ")]}"):
        # A mark in quotes or brackets (press ":", "(:)", "(a, b, ...)") is named or
        # belongs to the aside, not the value's end: word order moves the bracket.
        return ""
    # Two dots or three ("Show route in map .."), three one-dot leaders, or three Urdu
    # full stops (Shahmukhi "۔ ۔ ۔").
    if text.endswith(("..", "\u2024\u2024\u2024", "۔۔۔", "۔ ۔ ۔")):
        return "…"
    base = base_language(language)
    # The Armenian colon, the mijaket, written as its look-alike one-dot leader; Burmese,
    # which has no colon, writes a label's as a dash ("အပြင်အဆင်-", "… -").
    if (base == "hy" and text.endswith(("\u2024", "`"))) or (base == "my" and text.endswith(("-", "–"))):
        return ":"  # Armenian's comma ՝, which stands for a colon, is typed as a backtick too
    if base in _ETHIOPIC and text.endswith("::"):
        return "."  # the Ethiopic full stop "።" typed as two colons
    mark = _MARKS.get(text[-1:], "") if text else ""
    if mark == "." and base in _NO_FULL_STOP:
        return ""
    return mark


_ARMENIAN_ON_WORD = {"!": "\u055b", "?": "\u055e"}  # the emphasis mark and the question mark


def _same_end(expected: str, own: str, raw: str, language: str, source: str = "") -> bool:
    """A mark other than the source's that says the same: the Armenian full stop "։"
    typed as the colon it looks like (also where the source ends with no mark), and the
    Armenian colon, the mijaket "․", typed as the full stop it looks like, and an
    Armenian exclamation or question marked on its word; "etc." ending a list where
    the source has "…" (and "…" where the source's list ends in "etc."), and an
    ellipsis the word order moved inside the value."""
    if base_language(language) == "hy" and (expected, own) in ((".", ":"), ("", ":"), (":", ".")):
        return True
    if base_language(language) in _SHAD_END and own == "." and raw.rstrip().endswith(("།", "༎")):
        return True  # Tibetan ends every phrase, a label too, with its shad
    if base_language(language) == "km" and own == ":" and expected != ":" and raw.rstrip().endswith("ៈ"):
        return True  # "ៈ" ends words too (សិល្បៈ, art): a colon only where the source has one
    on_word = _ARMENIAN_ON_WORD.get(expected)
    if on_word and base_language(language) == "hy" and own in (".", ":", "") and on_word in raw:
        # Armenian marks an exclamation or a question on the word it bears on
        # ("սպառվե՛լ է։"), and the sentence still ends with its full stop.
        return True
    if expected == "." and own == "…" and _LIST_END.search(source.rstrip().rstrip(_CLOSERS).rstrip()):
        return True  # "…, etc." said with an ellipsis: "plats osv …", "مکان، و..."
    if expected == "…" and ("…" in raw or "..." in raw):
        return True  # moved where the language's word order puts the blank ("تا… آینده")
    return expected == "…" and own == "." and bool(_LIST_END.search(raw.rstrip().rstrip(_CLOSERS).rstrip()))


def _continued(raw: str) -> bool:
    """Whether a source value stops at a short word in lower case ("Cycle in", "from",
    "Find subtitles from", "Member since", "Sends e-mail using"): a fragment the
    program completes with a control or the next string. A language of another word
    order puts the control after a label of its own, with a colon ("Quelle:", "ezen
    belül:", "Tagság kezdete:"): style, told as info. So is a value that ends in a
    space the program writes the next string after ("…use the syntax ")."""
    words = raw.split()
    last = words[-1] if words else ""
    return raw[-1:].isspace() or last.isalpha() and last.islower() and len(last) <= 5


def _whole_label(raw: str) -> bool:
    """A source value of one to three capitalised words and no mark at its end ("Start
    ", "Forest "): a button's or a picture's whole label, whose trailing space is a
    slip that translators copy, not where the program joins the next string."""
    words = raw.split()
    return 1 <= len(words) <= 3 and raw.rstrip()[-1:].isalnum() and all(w[:1].isupper() for w in words)


def edges(raw: str) -> tuple[bool, bool]:
    """Whether the value starts and ends with a space, its direction marks aside (an
    Arabic value opened with U+202B before its newline). White space with a line break
    in it is a template's indentation (Django's ``{% blocktrans %}`` ends its msgid
    with "\\n" and the next line's spaces), which no program joins a string after."""
    raw = raw.strip("".join(BIDI))
    if not raw.strip():
        return False, False
    lead, trail = raw[:len(raw) - len(raw.lstrip())], raw[len(raw.rstrip()):]
    return bool(lead) and "\n" not in lead, bool(trail) and "\n" not in trail


def check(view: GroupView, rule: Rule):
    if view.source is None:
        return
    source = keyed.cached_values(view, view.source)
    others = {lang: keyed.cached_values(view, lang) for lang in keyed.translations(view)}
    findings = []
    for key, src in source.items():
        if not src.raw.strip():
            continue
        cells = {lang: mine[key] for lang, mine in others.items() if key in mine and mine[key].raw.strip()}
        # A value the program continues after a comma ("Hi %{to_user},"): each
        # language closes a salutation its own way ("Hola, %{to_user}:").
        comma = src.raw.rstrip().rstrip(_CLOSERS).endswith(",")
        source_end, want = ending(src.raw, view.source), edges(src.raw)
        ends = {lang: ":" if source_end == ":" and seg.raw.rstrip().endswith(_COLON_LIKE)
                else ending(seg.raw, lang) for lang, seg in cells.items()}
        sides = {lang: edges(seg.raw) for lang, seg in cells.items()}
        question = any(q in src.raw[-2:] for q in _QUESTION)
        quoted = _QUOTED_MARK.get(source_end) if src.raw.rstrip()[-1:] in _QUOTES_CLOSING else None
        if quoted:
            ends = {lang: source_end if quoted.search(cells[lang].raw) else end for lang, end in ends.items()}
        # "ex." is a word, not a sentence: "例:", "z. B." and "p. ex." all render it.
        abbreviated = bool(_ABBREVIATION.match(src.raw))
        for lang, seg in cells.items():
            expected = "" if source_end == "." and base_language(lang) in _NO_FULL_STOP else source_end
            own = ends[lang]
            if own == ":" and expected == "!" and base_language(lang) == "hy":
                own = "."  # the Armenian full stop "։", typed as the colon it looks like
            peers = len(cells) - 1
            if (expected != own and not question and not abbreviated and not comma
                    and not any(q in seg.raw[-2:] for q in _QUESTION)
                    and not _same_end(expected, own, seg.raw, lang, src.raw)):
                agree = [o for o in cells if o != lang and ends[o] == source_end]
                # Two dots are read as an ellipsis (a slip for one), but named as written.
                shown = "two full stops" if own == "…" and re.search(r"(?<!\.)\.\.\s*$", seg.raw) else _NAMES[own]
                text = f"ends with {shown} where the source has {_NAMES[expected]}"
                strong = ((expected in _STRONG or own in _STRONG) and peers >= 2 and 2 * len(agree) > peers
                          and not (not expected and _continued(src.raw)))
                if agree:
                    text += f"; {keyed.some(agree)} end{'s' if len(agree) == 1 else ''} as the source does"
                f = keyed.named(rule, view.documents[lang], seg, text, key=f"ending:{expected}->{own}")
                findings.append(f if strong else replace(f, strength=Strength.HINT))
            have = sides[lang]
            if want != have:
                agree = [o for o in cells if o != lang and sides[o] == want]
                changed = [side for side, w, h in zip(("leading", "trailing"), want, have) if w != h]
                text = " and ".join(f"{'no ' if w else ''}{side} space" for side, w in
                                    zip(changed, (want[0] if c == "leading" else want[1] for c in changed)))
                text = f"{text} where the source has {'one' if any(want) else 'none'}"
                f = keyed.named(rule, view.documents[lang], seg, text, key=f"edges:{want}->{have}")
                # A space lost where the program joins the next string shows; one added
                # at an edge seldom does, nor one lost from an Interface Builder object's
                # title ("faa-9Y-Axk.title"), a whole label no string is joined to.
                # Spaces at both edges are a template's indentation around its text (an
                # Angular <div i18n>), and a space a quarter of the translations drop
                # is one the page does not show (31 of 53 keep searxng's "available. ").
                lost = any(w and not h for w, h in zip(want, have)) and not _IB_OBJECT.match(key) \
                    and not (want == (False, True) and _whole_label(src.raw)) and want != (True, True)
                strong = lost and peers >= 2 and 4 * len(agree) >= 3 * peers and base_language(lang) not in _NO_SPACES
                findings.append(f if strong else replace(f, strength=Strength.HINT))
    yield from findings
