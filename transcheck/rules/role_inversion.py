"""Two concepts, numbers or names whose roles one translation swaps.

What it catches:
    In a row, the anchors of each translation are listed in reading order: glossary
    concepts (found through inflection), numbers, Latin names and acronyms. For every
    pair of anchors (A, B) that several translations share, each translation's
    sequence of A and B is compared. Where the translations agree on a mirrored
    sequence (``A … B … B … A``: "all squares are rectangles, but not all rectangles
    are squares"), a translation whose sequence is the same with A and B exchanged
    (``B … A … A … B``), in every clause or in some, says the inverse. For
    two numbers or two names that occur once each (``aged 29 … aged 19``), a
    translation with the reverse order is reported when every other translation (at
    least three) agrees; an odd pattern (A … B … A) too, which with the source alone is
    mostly a title given twice, translated and as written. A pair that recurs
    ("1995–2005 … 2005–2009") is compared by
    the order in which the two first appear, among the translations that write each
    as often as most do: a range reversed in one of them is a reversal too. The message names the two swapped anchors and quotes what the
    other languages say.

    Severity: an *error* only for the mirrored pattern of glossary concepts (a full
    swap, or clause by clause), which reordering does not produce (two names or
    numbers mirrored and swapped in each clause are word order in a verb-final
    language: "ID3v2タグを使ってWAVEファイルに… WAVEファイルのID3v2タグ", a lead); with
    ``--source`` the source must side with the translations' majority. A *warning*,
    with ``--source``, for two numbers that occur once each and that this translation
    alone exchanges, against the source and every other translation that writes both
    once (at least five), where word order cannot explain it: each number keeps a mark
    the translation exchanges ("83%" and "30 hours" as "30%" and "83 hours"; the day
    of a month: "January 19 … 12 bills" as "12 gennaio … 19 leggi"; a unit of another
    dimension: "3 metres … 40 kilograms" as "40 metros … 3 kilogramos"; a span of
    time: "an 83-hour wait … 30 ambulances" as "30 horas … 83 ambulancias"; a mark
    moved tells even where the two keep the source's order, and where a number is
    written twice as often everywhere: "Act 2022 nearly 18 months ago" as "bijna 2022
    maanden geleden … Act 18"), they change
    places around a third name or number every language keeps between them, or they
    move into each other's sentence; not where a right-to-left translation writes the
    two in one run of its own digits ("۳-۲" for 2-3: typed in the order they show in).
    A range, a score or a date in the other order is no evidence: on NTREX-128 news
    (held out) all 28 such warnings were a convention ("0:1" for a 1-0 defeat in
    German) or right-to-left typing; nor are the parts of a date written in digits,
    whose order is the language's ("05/03/2026" for 2026-03-05: ruby-lang.org's
    French news, 5 false warnings; "2024年8月" for 08-2024). Two anchors that occur once each in the other
    order otherwise are a lead, reported by the role-lead rule (TC506, off by default): on
    the real-text corpus (WMT24++) every such reversal was ordinary word order
    (genitives, fronted dates, captions, verb-final languages), 0 of 14 and, reviewed
    again with ``python bench/meaning.py``, 0 of 12. The warning class finds none there.

Why it matters:
    An inverted statement reads fluently, passes every spelling and length check and
    keeps all the right words; it simply says the opposite. Only a comparison of
    translations (or with the source) reveals it.

Example:
    ``tr.txt`` line 24 says "her dikdörtgenin bir kare olduğunu ama her karenin
    dikdörtgen olmadığını" (every rectangle is a square, but not every square is a
    rectangle): rectangle … square … square … rectangle, where ar, it, ru and sv have
    square … rectangle … rectangle … square.

What it does not catch:
    A swap of two glossary concepts or names that occur once each (word order
    legitimately differs: "X of Y" is "Y'nin X'i" in Turkish); two numbers of one
    sentence without a mark, range or fixed point between them ("30 hours … 83
    patients" as "83 hours … 30 patients", or two lengths), which stay leads; concepts without a
    glossary entry, and any pair that fewer than three translations (or the source)
    agree on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import combinations

from transcheck.model import Category, Severity, Strength
from transcheck.rules._leads import strong
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.langid.names import quoted_in

MIN_AGREE = 3


def _is_year(key: str) -> bool:
    return key.startswith("n:") and len(key) == 6 and 1000 <= int(key[2:]) <= 2100


def _swaps(expected: tuple, actual: tuple, a: str, b: str, clauses: bool = True) -> bool:
    """``actual`` is ``expected`` with A and B exchanged, fully or in some clauses."""
    if len(actual) != len(expected) or actual == expected:
        return False
    swap = {a: b, b: a}
    if actual == tuple(swap[k] for k in expected):
        return True
    if not clauses or len(expected) < 4 or len(expected) % 2:
        return False
    # Clause by clause: "A is B, but not B is A" read as pairs (A B)(B A).
    for i in range(0, len(expected), 2):
        e, x = expected[i : i + 2], actual[i : i + 2]
        if e != x and not (set(e) == {a, b} and x == e[::-1]):
            return False
    return True


def check(view: GroupView, options: NoOptions):
    from transcheck.rules._consensus import voting_languages
    from transcheck.rules._role_swaps import marks_moved, swap_evidence
    from transcheck.rules._roles import cell_anchors, names_confirmed

    termbase = view.termbase
    for row in view.rows:
        voters = voting_languages(view, row)
        if len(voters) < 2:
            continue
        texts = {lang: view.cell_text(row, lang) for lang in voters}
        anchors = names_confirmed({lang: cell_anchors(texts[lang], lang, termbase) for lang in voters})
        keys_in = Counter(k for lang in voters for k in {a.key for a in anchors[lang]})
        keys = sorted(k for k, n in keys_in.items() if n >= 2)
        if len(keys) > 40:  # a very long cell: keep the most shared anchors
            keys = sorted(sorted(keys, key=lambda k: -keys_in[k])[:40])
        per_lang: dict[str, list] = {}
        for a, b in combinations(keys, 2):
            seqs = {}
            for lang in voters:
                seq = tuple(x.key for x in anchors[lang] if x.key in (a, b))
                if a in seq and b in seq:
                    seqs[lang] = seq
            found = list(_deviants(view, seqs, a, b))
            moved = set()
            if view.source in seqs:
                # A mark moved to the other number says they were exchanged, even where
                # the order left agrees with the source or its peers.
                langs = sorted(set(seqs) - {f[0] for f in found} - {view.source})
                for lang, kind in marks_moved(view.source, seqs, langs, a, b, texts, anchors).items():
                    moved.add(lang)
                    per_lang.setdefault(lang, []).append((a, b, seqs[view.source], (view.source,), True, "moved:" + kind))
            if not found and not (a.startswith("c:") or b.startswith("c:")):
                # A pair that recurs ("1995–2005 … 2005–2009"): the order in which the two
                # first appear, where each translation has them as often as the others.
                seqs = _first_order(seqs)
                found = [f for f in _deviants(view, seqs, a, b) if f[0] not in moved]
            for lang, expected, agree, once in found:
                sided = once and swap_evidence(view.source, seqs, lang, expected, a, b, texts, anchors)
                per_lang.setdefault(lang, []).append((a, b, expected, agree, once, sided))
        for lang, pairs in per_lang.items():
            # Two anchors that occur once each change order with ordinary reordering
            # (a genitive, a fronted phrase, a caption): info. Only a mirrored pattern
            # (A … B … B … A) survives reordering and is an error; two numbers or names
            # exchanged against the source and every peer, a warning, which names only
            # the pairs with evidence.
            once = all(p[4] for p in pairs)
            sided = [p for p in pairs if p[5]] if once else []
            finding = _finding(view, row, lang, sided or pairs, anchors)
            if once:
                finding = replace(finding, strength=Strength.REDUCED if sided else Strength.HINT)
            elif not any(p[0].startswith("c:") or p[1].startswith("c:") for p in pairs):
                # Two names mirrored and swapped in each clause ("tag WAVE files using
                # ID3v2 tags … ID3v2 tags in WAVE files" as Japanese "ID3v2タグを使用して
                # WAVEファイルに… WAVEファイルのID3v2タグ"): a verb-final language puts
                # an instrument before the object and a genitive before its noun.
                finding = replace(finding, strength=Strength.HINT)
            yield finding


def _first_order(seqs: dict) -> dict:
    """Each sequence of a recurring pair as the order of the two anchors' first
    occurrences, for the translations whose sequence has the commonest make-up (as many
    of each anchor as most translations): then a swap of the first two is a reversal
    of those two, reported as one that occurs once."""
    shape = Counter(tuple(sorted(Counter(seq).items())) for seq in seqs.values()).most_common(1)
    if not shape or all(n == 1 for _, n in shape[0][0]):
        return {}
    common = shape[0][0]
    return {lang: tuple(dict.fromkeys(seq)) for lang, seq in seqs.items()
            if tuple(sorted(Counter(seq).items())) == common}


def _deviants(view: GroupView, seqs: dict, a: str, b: str):
    if len(seqs) < 2:
        return
    source = view.source
    counts = Counter(seqs.values()).most_common()
    expected, n = counts[0]
    if source in seqs and len(seqs) <= MIN_AGREE:
        expected = seqs[source]  # too few translations to vote: the source decides
    elif n < MIN_AGREE or 2 * n <= len(seqs) or (len(counts) > 1 and counts[1][1] == n):
        return
    elif source in seqs and seqs[source] != expected:
        return  # the source sides with the translations' majority, or nothing is said
    agree = [lang for lang, s in seqs.items() if s == expected]
    concept_pair = a.startswith("c:") or b.startswith("c:")
    once = len(expected) == 2
    if not once and expected != expected[::-1]:
        # Only a mirrored pattern (A … B … B … A) states roles; a parallel one
        # (B … A … B … A) mostly reflects word order inside noun phrases ("Lumo 2
        # battery" / "batteri i Lumo 2"), which differs between languages.
        return
    if not once and expected.count(a) != expected.count(b) and len(seqs) <= MIN_AGREE:
        return  # an odd one (A … B … A) the source alone states: a title given twice
    if not once and (_is_year(a) or _is_year(b)):
        return  # a year dates a clause, it plays no role in it
    if once:
        # Reported as info only (see check): a reversal against three quarters of
        # the translations, in any language, for a reviewer to look at.
        if concept_pair or (4 * len(agree) < 3 * len(seqs) and len(seqs) > MIN_AGREE):
            return
    for lang, seq in seqs.items():
        if lang == source or seq == expected:
            continue
        # Clause by clause only for glossary concepts: a name or number moved
        # within one clause of a long row is ordinary reordering.
        if _swaps(expected, seq, a, b, clauses=concept_pair):
            yield lang, expected, tuple(agree), once


def _names(seq: tuple, labels: dict) -> str:
    return " … ".join(labels[k] for k in seq)


def _span(text: str, anchors: list, a: str, b: str, word_after: bool = False) -> str:
    """The text from the first to the last occurrence of A or B (and the word after,
    where a unit or a sign may stand)."""
    xs = [x for x in anchors if x.key in (a, b)]
    end = xs[-1].start + len(xs[-1].surface)
    if word_after:
        end += len(_WORD_AFTER.match(text, end).group())
    return " ".join(text[xs[0].start : end].split())


_WORD_AFTER = re.compile(r"[^\s\w]*\s?[^\s]{0,12}")


def _moved(view: GroupView, row, lang: str, witness: str, a: str, b: str, kind: str, anchors: dict, labels: dict) -> str:
    """A mark that goes with the other number here than in the source."""
    from transcheck.rules._role_swaps import MARK_NAMES, carrier

    ours = carrier(view.cell_text(row, lang), lang, anchors[lang], a, b, kind)
    theirs = a if ours == b else b
    return (f"“{labels[a]}” and “{labels[b]}” swap roles: here {MARK_NAMES[kind]} goes with {labels[ours]} "
            f"(“{snippet(_span(view.cell_text(row, lang), anchors[lang], a, b, True), 90)}”), but {witness} gives it "
            f"to {labels[theirs]} ({quoted_in(witness, snippet(_span(view.cell_text(row, witness), anchors[witness], a, b, True), 90))})")


def _finding(view: GroupView, row, lang: str, pairs: list, anchors: dict):
    from transcheck.rules.missing_segment import witness_language

    doc = view.documents[lang]
    loc = view.cell_location(row, lang)
    labels = {x.key: x.label for xs in anchors.values() for x in xs}
    parts, related, keys = [], set(), []
    for a, b, expected, agree, _, evidence in pairs:
        here = tuple(x.key for x in anchors[lang] if x.key in (a, b))
        witness = view.source if view.source in agree else witness_language(list(agree))
        first, second = (a, b) if expected[0] == a else (b, a)  # in the others' order
        if isinstance(evidence, str) and evidence.startswith("moved:"):
            kind = evidence.partition(":")[2]
            parts.append(_moved(view, row, lang, witness, a, b, kind, anchors, labels))
            keys.append(f"{a}|{b}|{kind}")
            related.add(witness)
            continue
        parts.append(
            f"“{labels[first]}” and “{labels[second]}” swap roles: here {_names(here, labels)} "
            f"(“{snippet(_span(view.cell_text(row, lang), anchors[lang], a, b), 90)}”), but "
            f"{', '.join(agree)} say {_names(expected, labels)} "
            f"({quoted_in(witness, snippet(_span(view.cell_text(row, witness), anchors[witness], a, b), 90))})"
        )
        related.update(agree)
        keys.append(f"{a}|{b}|{'/'.join(here)}")
    return RULE.finding(
        doc,
        loc.line,
        loc.end_line,
        "; ".join(parts),
        related=[view.cell_location(row, o) for o in sorted(related)],
        key=";".join(keys),
    )


RULE = Rule(
    code="TC502",
    name="role-inversion",
    category=Category.SEMANTIC,
    severity=Severity.ERROR,
    check=strong(check, keep=(Strength.FULL, Strength.REDUCED)),
    doc=__doc__,
)
