"""What a translated paragraph shows of a source edit, whatever the history says.

A translation carries link targets, code, numbers and names over as they are (link
targets localised: ``/en/guides/`` becomes ``/fr/guides/``, and a site may translate
its anchors), so a translated paragraph that has each one a source edit put in, and
none it took out, already follows that edit. A code block that is nearer today's
source than the source it was made from follows it too. A change of wording is no
evidence either way; a change of a few words and nothing else (``minor``) is most
often a fix of the source's grammar that a translation need not follow.
"""

from __future__ import annotations

import re
from collections import Counter

from transcheck.model import Segment
from transcheck.text import chrf, normalise

# A number, with a version's suffix glued to it ("3.0.0b1", "2.1rc3"): one token, as
# translations copy it.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:[a-z]+\d+)?")
# A name as translations keep it: a capitalised Latin word or one with a digit or an
# inner capital ("Pydantic", "FastAPI", "HTTP2").
_NAME = re.compile(r"\b(?:[A-Z][\w-]*|[a-z]+[A-Z0-9][\w-]*)\b", re.ASCII)
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"(?<![\w-])[a-z][a-z0-9_-]*+(?![\w-])", re.ASCII)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LETTERS = re.compile(r"(?<![\w-])[^\W\d_][\w-]*+")  # a word of any script
MINOR_WORDS = 2  # words taken out, and put in, by a minor edit at most


def link_key(url: str, languages: tuple[str, ...], fragment: bool = True) -> str:
    """A link target without a path component that is one of ``languages`` (the
    source's or the translation's code: "/zh-cn/reference/x" is the source's
    "/reference/x", where the source's pages sit at the site's root); without its
    anchor if asked."""
    if not fragment:
        url = url.split("#", 1)[0]
    return "/".join(p for p in url.split("/") if p.lower() not in languages)


def _evidence(segments, languages: tuple[str, ...], fragment: bool = True) -> Counter:
    out: Counter = Counter()
    for s in segments:
        out.update(f"u:{link_key(u, languages, fragment)}" for u in s.urls)
        out.update(f"c:{c}" for c in s.code)
        # Inline math is copied as code is ("$O(n \times cap)$"); its letters are no words.
        out.update(f"c:{''.join(m.split())}" for m in _MATH.findall(s.text))
        text = _MATH.sub(" ", s.text)
        out.update(f"n:{n}" for n in _NUMBER.findall(text))
        out.update(f"w:{w}" for w in _NAME.findall(text))
    return out


# Inline TeX between single dollar signs, as KaTeX and MathJax read it: no space inside
# either sign, no digit after the closing one ("$5 and $6" is money).
_MATH = re.compile(r"(?<![\\$\w])\$(?=[^\s$])([^$\n]{1,200}?)(?<=[^\s\\])\$(?![\w$])")


# Numbers joined into one ("4/5", "2-3"): their joint is no word of the prose either.
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*(?:[a-z]+\d+)?(?:[/–-]\d+(?:[.,]\d+)*)*")


def _prose(s: Segment) -> str:
    # A name dropped with its brackets ("Debian 11 (Bullseye)" as "Debian 12") leaves
    # no words behind.
    return normalise(_EMPTY_BRACKETS.sub(" ", _NAME.sub(" ", _NUMBERS.sub(" ", _MATH.sub(" ", s.text)))))


_EMPTY_BRACKETS = re.compile(r"[(（\[][\s,.;:/-]*+[)）\]]")


def carried(old: Segment, new: Segment, translated, languages: tuple[str, str]) -> bool:
    """Whether the ``translated`` segments already carry the source edit ``old`` ->
    ``new``; ``languages``: the source's and the translation's codes."""
    same_words = normalise(old.text) == normalise(new.text)
    # Spacing alone ("启动Runtime" as "启动 Runtime") or the source's own text put into
    # its language: nothing for the translation to follow.
    if _spacing_only(old, new) or _source_translated(old, translated, languages) or _as_now(new, translated):
        return True
    if not old.is_prose and not new.is_prose and not same_words:
        mine = " ".join(s.text for s in translated)
        if old.block == "table" and mine and normalise(mine) != normalise(old.text):
            return True  # a table's value the translation gives its own way (`暂无数据`)
        if not mine:
            return False
        if normalise(mine) == normalise(new.text):
            return True
        then, now = chrf(mine, old.text), chrf(mine, new.text)
        if now != then:
            return now > then
        # chrF reads no spaces: an edit of spacing alone ("*(:x:)*" as "*( :x:)*") is
        # told by the characters, spaces included.
        from rapidfuzz.fuzz import ratio

        return ratio(mine, new.text) > ratio(mine, old.text)
    # The same words (but for case, and punctuation: the comma a list of code spans
    # gains with its new item, "See also: `a`." as "`a`, `b`."): only links and code
    # changed, and only they count.
    same_words = same_words or _WORD.findall(old.text.casefold()) == _WORD.findall(new.text.casefold())
    kinds = ("u:", "c:") if same_words else ("u:", "c:", "n:", "w:")
    if _words_carried(old, new, translated) or _names_absent(old, new, translated):
        return True
    # Words of prose changed (punctuation around names put in does not count: "A and B"
    # as "A, B, and C"): more than names and numbers to carry over.
    if len(kinds) > 2 and _WORD.findall(_prose(old)) != _WORD.findall(_prose(new)) and not _marked_as_code(old, new):
        return False
    codes = tuple(c.lower() for c in languages)
    if _carries(old, new, translated, codes, kinds, True):
        return True
    # A site that translates its anchors: what the edit changed apart from them.
    return _carries(old, new, translated, codes, kinds, False, anchors_only=True)


def _as_now(new: Segment, translated) -> bool:
    """Whether the translation reads as today's source, signs and all (a table's
    "< 1000TB" edited from ">= 1000TB" in both at once)."""
    mine = " ".join(" ".join(s.text.split()) for s in translated)
    return bool(mine) and mine == " ".join(new.text.split())


def _spacing_only(old: Segment, new: Segment) -> bool:
    """Prose whose edit changed its spacing alone (in code, spacing may matter)."""
    return (old.is_prose and new.is_prose and (old.urls, old.code) == (new.urls, new.code)
            and "".join(old.text.split()) == "".join(new.text.split()))


def _source_translated(old: Segment, translated, languages: tuple[str, str]) -> bool:
    """Whether the source's old text was the translation's own, in its script and not
    the source's (a source page first written in Chinese, then put into English): the
    translation, which still reads so, needs nothing of the edit."""
    from transcheck.langid.script import CJK_SCRIPTS, script_counts, scripts_of

    mine = " ".join(s.text for s in translated)
    # Spacing aside: "**请求参数：**application/json" is the same text with a space after the colon.
    if not mine or normalise(mine).replace(" ", "") != normalise(old.text).replace(" ", ""):
        return False
    # A letter of Chinese, Japanese or Korean weighs as a word of three letters.
    counts = {sc: n * (3 if sc in CJK_SCRIPTS else 1) for sc, n in script_counts(old.text).items() if sc}
    own = sum(n for sc, n in counts.items() if sc in scripts_of(languages[1]) and sc not in scripts_of(languages[0]))
    return own >= 2 and 3 * own >= sum(counts.values())


def _words_carried(old: Segment, new: Segment, translated) -> bool:
    """Whether the edit replaced words (a type's name fixed, "srting" as "string"; a
    heading the source had left in Chinese, "倒计时" as "Count down") with Latin words
    that the translation, which kept them as written, replaced the same way: it has
    every word put in, none taken out; or, in another script, put them in too."""
    a, b = Counter(_LETTERS.findall(old.text.casefold())), Counter(_LETTERS.findall(new.text.casefold()))
    out, into = a - b, b - a
    # Little words ("in", "of") are the source language's grammar, which no translation
    # carries: "Known Issues in EMQX 5.1" for "Known Issues" is carried by "EMQX 5.1 已知问题".
    into = Counter({w: n for w, n in into.items() if len(w) >= 3})
    if not into or any(not _LATIN.fullmatch(w) for w in into):
        return False
    mine_text = " ".join(s.text for s in translated)
    if not set(_NUMBERS.findall(new.text)) - set(_NUMBERS.findall(old.text)) <= set(_NUMBERS.findall(mine_text)):
        return False  # a number put in that the translation lacks
    words = _LETTERS.findall(mine_text.casefold())
    # Latin words only put in ("the file" as "the flat config file") are evidence in a
    # translation of another script, where they stand out ("flat config 文件"); a letter
    # of Chinese, Japanese or Korean weighs as a word of three.
    def weight(w: str) -> int:
        return len(w) + 2 * len(_CJK.findall(w))

    if not out and 2 * sum(len(w) for w in words if _LATIN.fullmatch(w)) >= sum(map(weight, words)):
        return False
    mine = set(words)
    return all(w in mine for w in into) and not any(w in mine for w in out)


def _names_absent(old: Segment, new: Segment, translated) -> bool:
    """Whether the edit only renamed a name ("whether DatePicker is read only" as "…
    TimePicker …") that the translation does not name, before or after ("完全只读"):
    nothing of it to carry over."""
    a, b = Counter(_NAME.findall(old.text)), Counter(_NAME.findall(new.text))
    out, into = a - b, b - a
    if not out or not into or _NAME.sub("", old.text) != _NAME.sub("", new.text):
        return False
    mine = " ".join(s.text for s in translated).casefold()
    return not any(w.casefold() in mine for w in (*out, *into))



def _marked_as_code(old: Segment, new: Segment) -> bool:
    """Whether the edit only put words of the text in code ("(https)" as "(`https`)"):
    the words the prose lost are the new code's, and it gained none."""
    lost = Counter(_WORD.findall(_prose(old))) - Counter(_WORD.findall(_prose(new)))
    gained = Counter(_WORD.findall(_prose(new))) - Counter(_WORD.findall(_prose(old)))
    coded = Counter(w for c in Counter(new.code) - Counter(old.code) for w in _WORD.findall(normalise(c)))
    return bool(lost) and not gained and not lost - coded


def _carries(old, new, translated, codes, kinds, fragment: bool, anchors_only: bool = False) -> bool:
    before, after = _evidence([old], codes, fragment), _evidence([new], codes, fragment)
    put_in = Counter({k: n for k, n in (after - before).items() if k.startswith(kinds)})
    took_out = Counter({k: n for k, n in (before - after).items() if k.startswith(kinds)})
    if not put_in and not took_out:
        return anchors_only and _evidence([old], codes) != _evidence([new], codes) and _localised(
            old, new, translated, codes)
    have = _evidence(translated, codes, fragment)
    if "n:" not in kinds and took_out and not any(k in have for k in took_out):
        # Only link targets or code changed, and the translation has none of the old
        # ones: its links and code are its own (its language's site, "vite-docs.ru" for
        # "vitejs.dev"; a value in code it translates, `暂无数据` for `Not Found`), and
        # the edit is not one it lags behind.
        return True
    # Counted: a link the paragraph had twice and now once, the other changed, is
    # still there once.
    return all(have[k] >= n for k, n in put_in.items()) and all(have[k] <= after[k] for k in took_out)


def _localised(old, new, translated, codes) -> bool:
    """The translation's anchors are its own: none of them is one of the source's."""
    mine = {u.split("#", 1)[1] for s in translated for u in s.urls if "#" in u}
    theirs = {u.split("#", 1)[1] for s in (old, new) for u in s.urls if "#" in u}
    return bool(mine) and not mine & theirs


def minor(old: Segment, new: Segment, language: str = "", translated=(), languages: tuple[str, ...] = ()) -> bool:
    """A change of at most ``MINOR_WORDS`` words each way (punctuation and case alone
    included), none a number or a name, and the same links and code, or links and code
    the ``translated`` segments carry (a repository link fixed in both, beside
    "feature request" made "feature requests"). A word put back in another form of
    itself ("commands" as "command", by the ``language``'s stemmer) is grammar, and does
    not count."""
    codes = tuple(c.lower() for c in languages)
    if not (old.is_prose and new.is_prose) or ((old.urls, old.code) != (new.urls, new.code) and not (
            translated and _carries(old, new, translated, codes, ("u:", "c:"), True))):
        return False
    a, b = Counter(_WORD.findall(old.text.casefold())), Counter(_WORD.findall(new.text.casefold()))
    out, into = _inflected(a - b, b - a, language)
    if not out and not into:
        return True  # punctuation, case or word order only
    if sum(out.values()) > MINOR_WORDS or sum(into.values()) > MINOR_WORDS:
        return False
    # Names as written inside a sentence (a capital at its start is no name).
    names = {w.casefold() for s in (old, new) for w in _NAME.findall(s.text.split(" ", 1)[-1])}
    return not any(_NUMBER.fullmatch(w) or w in names for w in (*out, *into))


def _inflected(out: Counter, into: Counter, language: str) -> tuple[Counter, Counter]:
    """``out`` and ``into`` without the pairs that are one word in two forms."""
    from transcheck.terms.match import word_forms

    out, into = Counter(out), Counter(into)
    for word in list(out.elements()):
        stems = set(word_forms(word, language)[1]) if language else set()
        other = next((w for w in into.elements() if stems & set(word_forms(w, language)[1])), None)
        if other is not None:
            out[word] -= 1
            into[other] -= 1
            out, into = +out, +into
    return out, into


def split_in_two(then, now, old_to_new: dict, edited: set, added: set) -> tuple[set, set]:
    """``edited`` and ``added`` without the paragraphs the source split in two (a
    formatter put "<br />" on a line of its own, which ends the paragraph there): the
    second part, the old paragraph's last words and links, is no addition; the first is
    no edit where every word, link and code span is kept."""
    edited, added = set(edited), set(added)
    for i in sorted(edited):
        j = old_to_new[i]
        if j + 1 not in added:
            continue
        old, tail = _WORD.findall(then[i].text.casefold()), _WORD.findall(now[j + 1].text.casefold())
        urls = now[j + 1].urls
        if not tail or old[-len(tail):] != tail or (urls and then[i].urls[-len(urls):] != urls):
            continue
        added.discard(j + 1)
        if old == _WORD.findall(now[j].text.casefold()) + tail and then[i].urls == now[j].urls + urls \
                and then[i].code == now[j].code + now[j + 1].code:
            edited.discard(i)
    return edited, added


def table_rows(segments) -> dict[int, tuple[str, ...]]:
    """Each table row of ``segments``, by its line: its cells' texts, sorted (built once
    per version: a row is then looked up, not searched for)."""
    rows: dict[int, list[str]] = {}
    for s in segments:
        if s.block == "table":
            rows.setdefault(s.line, []).append(normalise(s.text))
    return {line: tuple(sorted(cells)) for line, cells in rows.items()}


def row_reordered(then_rows: dict, old: Segment, now_rows: frozenset) -> bool:
    """Whether today's source (``now_rows``: its rows' sorted cells) has a table row of
    the same cells as ``old``'s row (``then_rows``, by line), in another order: a cell
    that moved within its row, not one removed."""
    return then_rows.get(old.line) in now_rows


def words_of(text: str) -> list[str]:
    """The words of a text, without its punctuation (a code list's new item adds a comma)."""
    return re.findall(r"\w+", text.casefold())


def markup_change(old: Segment, new: Segment) -> tuple[str, str]:
    """The link targets and code an edit took out and put in, when its text is the same."""
    before, after = (*old.urls, *old.code), (*new.urls, *new.code)
    return " ".join(x for x in before if x not in after), " ".join(x for x in after if x not in before)
