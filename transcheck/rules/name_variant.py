"""A name of the source that one translation writes one way in most of its paragraphs and, a
consonant off, in one.

What it catches:
    With ``--source``, in a translation written in another script than Latin, a
    capitalised Latin word of the source (four letters or more, never written in lower
    case in the source) that stands in three rows or more, which the translation
    renders the same way in at least two of them and at least half ("Birkenhead" as
    בירקנהד, "Frostfell" as フロストフェル). A row whose cell lacks that rendering in
    any form (a clitic before it, a particle or case ending after it: בבירקנהד,
    아이보리는, Києва) and instead has a word only that row has, which also renders the
    name, but whose consonants differ from the rendering's: one dropped, added or
    changed ("בביקנהד", "フロストウェル", "트럼트" for 트럼프, "インドシア" for
    インドネシア). Vowels are not compared: translations write a long or short vowel, a
    nukta or a Cyrillic е for э either way (वॉशिंगटन, वाशिंगटन; Пэйлин, Пейлин).

    Severity and precision: a warning. Every finding is a name the translation spells
    two ways; read as a slip in the name (``bench/reviewed/TC407.tsv``), 20 of 23 on
    news and literary text: NTREX-128 (English and 8 languages in other scripts
    than Latin, 5 of 5; 7 more, 1 of 3; 28 more, 12 of 13, which were 12 of 21 before a
    w written as a vowel, a vowel changed beside an ending, and a common word that
    sounds like the name were read) and WMT24++ (2 of 2). The false are spellings a
    language allows both ways (Armenian "Բայա" and "Բաջա" for Baja, "Σίμσον" for
    Simpson). None on FastAPI's documentation in five such languages.

Why it matters:
    The translation itself shows how it means to write the name; a line that writes
    it otherwise is a typing slip a reader takes for another person or place, and a
    transliterated name is where a reviewer who reads the language looks last.

Example:
    ``he.txt`` writes Birkenhead בבירקנהד ("in Birkenhead") in two paragraphs and
    בביקנהד in a third: "“Birkenhead” is written “בביקנהד” here, “בבירקנהד” in 2 other
    paragraphs".

What it does not catch:
    A slip in a name the translation writes in Latin letters (entity-mismatch, TC402,
    reads those against the source and the other translations); a name that stands in
    fewer than three rows, or that the translation misspells the same way each time;
    a vowel changed ("엘라트" for 엘리트); Chinese, whose transliterations are not read
    character by character; resource files, whose capitalised words are labels
    ("Longitude"), not names.
"""

from __future__ import annotations

import re
from collections import Counter

from transcheck.langid.script import scripts_of
from transcheck.model import Category, Severity
from transcheck.rules._substitution import strip_particle
from transcheck.rules._tokens import (
    UNSPACED_SCRIPTS,
    clitic_prefixes,
    latin_tokens,
    other_script_words,
    skeleton,
    skeletons,
    transliteration_match,
)
from transcheck.rules.base import GroupView, NoOptions, Rule

_LOWER = re.compile(r"(?<![^\W\d_])[a-z][^\W\d_]*")


def check(view: GroupView, options: NoOptions):
    if view.source is None or view.keyed:
        return  # a resource's capitalised words are labels ("Longitude", "Runs"), not names
    rows = [row for row in view.rows if view.source in row.cells]
    names = _source_names(view, rows)
    if not names:
        return
    for lang in view.documents:
        scripts = scripts_of(lang)
        if lang == view.source or "Latin" in scripts:
            continue
        unspaced = bool(scripts & UNSPACED_SCRIPTS)
        if "Han" in scripts and not scripts & {"Kana", "Hangul"}:
            continue  # Chinese writes a name with characters a skeleton cannot read
        shown: dict[str, str] = {}  # a word's bare form -> as first written
        words = {}
        for row in rows:
            if lang in row.cells:
                words[id(row)] = []
                for word in other_script_words(view.cell_text(row, lang), unspaced):
                    words[id(row)].append(_bare(word, lang))
                    shown.setdefault(words[id(row)][-1], word)
        arabic = "Arabic" in scripts
        rows_with = Counter(f for found in words.values() for f in {f for w in found for f in _forms(w)})
        for name, where in names.items():
            yield from _variants(view, lang, name, [r for r in where if id(r) in words], words,
                                 (arabic, unspaced), shown, rows_with)


def _source_names(view: GroupView, rows) -> dict[str, list]:
    """Capitalised words of the source in three rows or more, inside a sentence at least
    once and never written in lower case there (a common word capitalised in a title
    or at a sentence's start is no name)."""
    texts = [view.cell_text(row, view.source) for row in rows]
    lower = {m.group() for text in texts for m in _LOWER.finditer(text)}
    where: dict[str, list] = {}
    inside: set[str] = set()
    for row, text in zip(rows, texts):
        tokens = [t for t in latin_tokens(text) if t.capitalised and len(t.text) >= 4 and not t.text.isupper()]
        inside.update(t.text for t in tokens if not t.sentence_start)
        for name in sorted({t.text for t in tokens}):
            if name.lower() not in lower:
                where.setdefault(name, []).append(row)
    return {name: found for name, found in sorted(where.items()) if len(found) >= 3 and name in inside}


def _variants(view, lang, name, rows, words, script, shown, rows_with):
    """``rows_with``: how many rows of the translation have each word."""
    arabic, unspaced = script
    renderings = {id(row): {w for w in words[id(row)] if len(w) >= 3
                            and transliteration_match(name, [w], arabic, unspaced)} for row in rows}
    counts = Counter(w for found in renderings.values() for w in found)
    if not counts:
        return
    usual, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # A name's rendering stands where the name does; a word that also stands in other
    # rows is a common word that happens to sound alike ("અને", and, for Johnny).
    if n < 2 or 2 * n < len(rows) or rows_with[usual] - n > n // 2:
        return
    for row in rows:
        if any(_same(w, usual, name) for w in renderings[id(row)]):
            continue
        variant = next((w for w in sorted(renderings[id(row)])
                        if all(rows_with[f] == 1 for f in _forms(w)) and _slip(w, usual, unspaced)), None)
        if variant is None or not view.aligned(row, lang):
            continue
        yield RULE.at_cell(
            view, row, lang,
            f"“{name}” is written “{shown[variant]}” here, “{shown[usual]}” in {n} other "
            f"paragraph{'' if n == 1 else 's'}",
            related=[loc for r in rows if usual in renderings[id(r)]
                     for loc in [view.cell_location(r, lang)] if loc][:3],
            key=f"name-variant:{name}:{variant}",
        )


def _bare(word: str, lang: str) -> str:
    word = word.casefold()
    return strip_particle(word) if lang.split("-")[0] == "ko" else word


def _same(word: str, usual: str, name: str) -> bool:
    """The same rendering of ``name`` in another form: a clitic before it, an ending
    after it (the stem, all but its last two letters, alike: Київ, Києва), other vowels,
    or both (কাভানফ, কাফানফকে: the consonants of the usual form start the word's). A
    w or v of the name is written as a consonant or as a vowel (Дуайер, Двайер)."""
    vowel_w = bool(_W.search(name))
    for a in _forms(word):
        for b in _forms(usual):
            k = max(3, len(b) - 2)
            if a[:k] == b[:k] or set(skeletons(a)) & set(skeletons(b)):
                return True
            x, y = skeleton(a), skeleton(b)
            if len(y) >= 2 and x.startswith(y) or vowel_w and x.replace("b", "") == y.replace("b", ""):
                return True
    return False


_W = re.compile("[wvWV]")


def _slip(word: str, usual: str, unspaced: bool) -> bool:
    """One letter of the rendering changed, dropped or added, or two exchanged, at most
    a case ending after it; in a script without spaces a run no longer than the
    rendering and a letter (ラッパーカニエ holds カニエ, it does not misspell it)."""
    from rapidfuzz.distance import OSA

    room = 1 if unspaced else 2
    return any(OSA.distance(a[:len(b) + (len(a) < len(b))], b) == 1 and abs(len(a) - len(b)) <= room
               and (a[0] == b[0] or len(b) >= 5) for a in _forms(word) for b in _forms(usual))


def _forms(word: str) -> set[str]:
    # Greek writes a nasal before γκ or μπ or leaves it to them: Ουάσινγκτον, Ουάσιγκτον.
    word = word.replace("νγκ", "γκ").replace("μμπ", "μπ")
    return {word} | {word[len(p):] for p in clitic_prefixes(word) if len(word) > len(p) + 2}


RULE = Rule(
    code="TC407",
    name="name-variant",
    category=Category.ENTITY,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
