"""The same source string translated two ways in one file, where the other
translations keep one translation for it.

What it catches:
    In keyed resources with a source, messages whose source texts are equal
    ("Cancel" under ``dialog.cancel`` and ``upload.cancel``) and whose values in this
    translation differ, while at least three other translations have those keys and
    four in five of them give them one value each. The finding is on each key whose
    value differs from the one this translation uses most for that source.

    Severity and precision: info. A team that keeps one term per source raises it
    (``[severity] TC505 = "warning"``): then a phrase's two wordings are warnings, while a
    one-word source ("Cancel", "View"), which the context may need translated two ways,
    a difference of case, spacing or punctuation alone, the same words in another form
    ("Skopírovať"/"Kopírovať", "Нулирай"/"Нулиране": a button's verb, a title's noun) or
    with an article more, and a key's size variant (``queue_label_short`` beside
    ``queue_label``) stay info. A phrase's two wordings were a warning until read on
    held-out applications' merged pull requests, where both wordings were mostly right
    where they stood ("no tiene vuelta atrás"/"no se puede deshacer", "asiakirja"/
    "dokumentti"): 7 of 23 annotations were a defect on jitsi-meet's, about half of a
    sample on mastodon's. Before, 18 of 18 on four held-out applications (Thunderbird,
    Jellyfin, AntennaPod, NewPipe) and 101 of 126 on five applications' whole files
    (``bench/reviewed/TC505.tsv``, docs/keyed.md).

Why it matters:
    A user meets the same action under two names ("Abbrechen" here, "Stornieren"
    there) and wonders whether they do different things; a glossary-less team drifts
    this way with every sync. The other languages show that one term was meant.

Example:
    ``de.json`` gives ``menu.close`` "Geteiltes Dokumnet schließen" while ``doc.close``
    (source "Close shared document" too) is "Geteiltes Dokument schließen", and fr, sv,
    it use one translation for both: "[menu.close] “Geteiltes Dokumnet schließen” here,
    “Geteiltes Dokument schließen” at [doc.close] for the same source “Close shared
    document”".

What it does not catch:
    Two translations of one source that the context needs (the other languages then
    differ too); inconsistencies across files or between similar, not equal, sources.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from transcheck.formats.keyed import show_key, split_plural
from transcheck.model import Category, Severity, Strength
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.text import normalise


def _form_of(a: str, b: str) -> bool:
    """The same words in another grammatical form: what the two texts do not share
    pairs up word by word into forms of one stem ("Нулирай"/"Нулиране", "Копіювати"/
    "Скопіювати", a Thai compound and its longer form), leaving only short words
    (articles, prepositions). A button's verb and a title's noun may differ so."""
    from collections import Counter
    from difflib import SequenceMatcher

    ta, tb = Counter(_words(a)), Counter(_words(b))
    ra, rb = list((ta - tb).elements()), list((tb - ta).elements())

    def stem_shared(x: str, y: str) -> bool:
        m = SequenceMatcher(None, x, y).find_longest_match(0, len(x), 0, len(y))
        return m.size >= 2 and m.size >= 0.6 * min(len(x), len(y))

    for mine, theirs in ((ra, rb), (rb, ra)):
        for word in mine:
            if len(word) > 3 and not any(stem_shared(word, other) for other in theirs):
                return False
    return True


def _words(text: str) -> list[str]:
    # Split at spaces, not at \W: Devanagari and Tamil vowel signs are no \w.
    return [w for w in (w.strip(_PUNCT) for w in text.casefold().split()) if w]


_PUNCT = "\"'“”„«»‘’()[]{}.,:;!?¡¿…-–—/"


def _sized(a: str, b: str) -> bool:
    """One key is the other with a size added ("queue_label" and "queue_label_short",
    "title" and "titleLong"): a variant the project made to differ. Another part added
    ("rename" and "rename_playlist") is another context, which the rule is for."""
    short, long_ = sorted((a, b), key=len)
    if short == long_ or not short or not long_.startswith(short):
        return False
    joint = long_[len(short)]
    return (joint in "._-" or joint.isupper()) and long_[len(short):].lstrip("._-").lower() in _SIZES


# Key parts that name a variant's size, as code spells them in English.
_SIZES = frozenset({"short", "long", "abbr", "abbrev", "abbreviated", "compact", "full", "brief",
                    "tiny", "small", "narrow", "wide", "mini", "truncated"})


_WORDS = re.compile(r"[^\W\d_]+")


def _same(a: str, b: str) -> bool:
    """Equal but for case, spacing and punctuation."""
    return re.sub(r"[\W_]+", "", normalise(a)) == re.sub(r"[\W_]+", "", normalise(b))


def check(view: GroupView, options: NoOptions):
    if not view.keyed or view.source is None:
        return
    source = keyed.cached_values(view, view.source)
    by_source: dict[str, list[str]] = {}
    for key, seg in source.items():
        if seg.is_prose and not split_plural(key):
            by_source.setdefault(seg.raw.strip(), []).append(key)
    others = {lang: keyed.cached_values(view, lang) for lang in keyed.translations(view)}
    for text, keys in by_source.items():
        if len(keys) < 2:
            continue
        for lang, mine in others.items():
            present = [k for k in keys if k in mine]
            values = Counter(mine[k].raw.strip() for k in present)
            if len(values) < 2:
                continue
            peers = [o for o, theirs in others.items() if o != lang and sum(k in theirs for k in present) >= 2]
            alike = [o for o in peers if len({others[o][k].raw.strip() for k in present if k in others[o]}) == 1]
            if len(peers) < 3 or 5 * len(alike) < 4 * len(peers):
                continue
            usual, _ = values.most_common(1)[0]
            anchor = next(k for k in present if mine[k].raw.strip() == usual)
            for k in present:
                value = mine[k].raw.strip()
                if value == usual:
                    continue
                f = keyed.named(
                    RULE, view.documents[lang], mine[k],
                    f"“{snippet(value, 40)}” here, “{snippet(usual, 40)}” at [{show_key(anchor)}] for the same "
                    f"source “{snippet(text, 40)}”; {keyed.some(alike)} use one translation",
                    key=f"inconsistent:{text}:{value}",
                    related=[view.cell_location(view.rows[view.row_of[(lang, mine[anchor].index)]], lang)],
                )
                variant = _same(value, usual) or _form_of(value, usual) or _sized(k, anchor)
                yield replace(f, strength=Strength.HINT) if variant or not _phrase(text) else f


def _phrase(text: str) -> bool:
    """Two words or more outside its placeholders, one of them longer than three
    letters: "{a} vs {b} in {c}" is a frame whose little words a language bends to
    each key's sense ("over" a victory, "til" a defeat, in Danish)."""
    from transcheck.formats.placeholders import parse

    words = _WORDS.findall(parse(text).text)
    return len(words) >= 2 and any(len(w) > 3 for w in words)


RULE = Rule(
    code="TC505",
    name="inconsistent-translation",
    category=Category.TERMINOLOGY,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
)
