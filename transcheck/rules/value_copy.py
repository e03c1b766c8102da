"""A value that is another key's translation pasted in: two keys with different
source texts share one translation here, while the other translations keep them
apart.

What it catches:
    In keyed resources with a source, two messages of one translation with the same
    value (at least two words or a dozen letters), where the sources differ (not only
    by case or punctuation, and neither source is a part of the other) and at least
    three other translations have both keys and four in five of them give them
    different values, and the sources are not near-identical (chrF below 60). The
    finding is on the likely paste, naming the other key: the
    key whose other translations the value resembles less (shared names, numbers,
    related languages' words), or, where they do not tell, whose source's length it
    fits worse.

    Severity and precision: info. Reviewed on four application repositories (JSON,
    PO, Android, Apple strings; ``bench/reviewed/TC102.tsv``), 14 of the 18 findings
    that share no source word, are not single words each and that no other
    language merges were another key's text; the others were synonyms one language
    says one way ("Restore defaults", "Reset settings"), which the other
    translations cannot tell apart from a paste. Below the 0.8 a warning needs.

Why it matters:
    A string copied under the wrong key shows the user another message: a button
    that says "Delete account" where the source says "Sign out". Within one file it
    reads as a fine translation; only the comparison with the source and the other
    languages shows it is another key's.

Example:
    ``de.json`` gives ``dialog.cancel`` and ``dialog.deleteAll`` both "Alle
    löschen" while the sources are "Cancel" and "Delete all", and fr, sv, it keep
    them apart: "[dialog.cancel] the same text as [dialog.deleteAll] (“Alle löschen”)".

What it does not catch:
    One translation for two sources that mean the same in the language (the others
    then share it too, or fewer than four in five keep them apart); a short word.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import replace

from transcheck.formats.keyed import show_key, split_plural
from transcheck.model import Category, Severity, Strength, base_language
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.text import chrf

_WORD = re.compile(r"[^\W\d_]+")
_MAX_KEYS = 20  # keys sharing one value that are compared pairwise
_NEAR = 60.0  # chrF of two sources that say the same with other words' endings


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _content(text: str) -> set[str]:
    return {w for w in text.split() if len(w) > 3}


def _contains(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _likeness(value, peers, others, a, b, source, usual) -> bool:
    """Whether ``value`` reads more like the translations of key ``a`` than of ``b``:
    character n-grams shared with the other languages' values (names, numbers,
    cognates in related languages), then how well its length fits each source."""
    score_a = sum(chrf(value, others[o][a].raw) for o in peers)
    score_b = sum(chrf(value, others[o][b].raw) for o in peers)
    if abs(score_a - score_b) > 2 * len(peers) ** 0.5:
        return score_a > score_b

    def misfit(key):
        return abs(math.log(max(len(value), 1) / max(len(source[key].raw), 1)) - usual)

    return misfit(a) < misfit(b)


def check(view: GroupView, options: NoOptions):
    if not view.keyed or view.source is None:
        return
    source = keyed.cached_values(view, view.source)
    others = {lang: keyed.cached_values(view, lang) for lang in keyed.translations(view)}
    for lang, mine in others.items():
        by_value: dict[str, list[str]] = {}
        for key, seg in mine.items():
            value = seg.raw.strip()
            letters = sum(c.isalpha() for c in value)
            if key in source and not split_plural(key) and (len(_WORD.findall(value)) >= 2 or letters >= 12):
                by_value.setdefault(value, []).append(key)
        ratios = [math.log(len(s.raw) / len(source[k].raw)) for k, s in mine.items()
                  if k in source and s.raw and source[k].raw]
        usual = statistics.median(ratios) if ratios else 0.0
        for value, keys in by_value.items():
            if len(keys) < 2 or len(keys) > _MAX_KEYS:
                continue
            done: set[str] = set()
            for i, k in enumerate(keys):
                for j in keys[i + 1:]:
                    a, b = _norm(source[k].raw), _norm(source[j].raw)
                    if not a or not b or a == b or _contains(a, b) or k in done or j in done:
                        continue
                    if chrf(a, b) >= _NEAR:
                        continue  # "constrain angle" and "constrain angles": one message twice
                    peers = [o for o, theirs in others.items() if o != lang and k in theirs and j in theirs]
                    apart = [o for o in peers if others[o][k].raw.strip() != others[o][j].raw.strip()]
                    if len(peers) < 3 or 5 * len(apart) < 4 * len(peers):
                        continue

                    pasted, original = (k, j) if _likeness(value, apart, others, j, k, source, usual) else (j, k)
                    # One original may have been pasted under several keys: each is
                    # reported; a key found pasted is compared no more.
                    done.add(pasted)
                    seg = mine[pasted]
                    f = keyed.named(
                        RULE, view.documents[lang], seg,
                        f"the same text as [{show_key(original)}] (“{snippet(value)}”), but the sources differ "
                        f"(“{snippet(source[pasted].raw, 40)}”, “{snippet(source[original].raw, 40)}”) and "
                        f"{keyed.some(apart)} translate them apart",
                        key=f"copy:{original}",
                        related=[view.cell_location(view.rows[view.row_of[(lang, mine[original].index)]], lang)],
                    )
                    # Sources that share words ("Reset the canvas", "Clear canvas") are
                    # often synonyms a language says one way; so are two single words
                    # ("View", "Scene" are one word in Hindi), and a pair that other
                    # languages merge too (Hindi and Marathi alike).
                    merged = {base_language(o) for o in peers if o not in apart} - {base_language(lang)}
                    single = len(a.split()) == 1 and len(b.split()) == 1
                    weak = _content(a) & _content(b) or single or merged
                    yield replace(f, strength=Strength.HINT) if weak else f


RULE = Rule(
    code="TC102",
    name="value-copy",
    category=Category.DUPLICATION,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
)
