"""Majority voting across the cells of one aligned row: shared by the rules that compare
what the translations keep (numbers, names, punctuation, length, structure).

Without a source, a document is reported only when at least three documents vote and
a clear majority of them agrees on something else: a strict majority of at least two
whose largest dissenting value is held by at most half as many documents. With a
source (``--source``) the source is the reference: it is one more voter, and every
translation that differs from it deviates; with ``confirm`` (the meaning checks) only
when the other translations side with the source by the same clear majority, so that
adding the source never adds a finding the translations alone would not support.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from transcheck.model import Location, Row
from transcheck.rules.base import GroupView

MIN_VOTERS = 3


@dataclass(frozen=True)
class Deviation:
    language: str  # the document that deviates
    value: Hashable  # what it has
    expected: Hashable  # what the majority (or the source) has
    agree: tuple[str, ...]  # the languages that have ``expected``


def deviations(view: GroupView, votes: dict[str, Hashable], confirm: bool = False) -> list[Deviation]:
    """The languages whose value differs from the reference value of ``votes``.

    ``votes`` maps each voting language to its value; a language that cannot say
    (no cell, nothing measurable) is simply left out. ``confirm``: the source's value
    counts only where the translations' own majority holds it too (when there are
    enough of them to vote).
    """
    if not votes:
        return []
    source = view.source
    if source is not None and source in votes:
        expected = votes[source]
        agree = tuple(lang for lang, v in votes.items() if v == expected)
        if len(votes) < 2:
            return []
        peers = {k: v for k, v in votes.items() if k != source}
        if confirm and len(peers) >= MIN_VOTERS:
            # Enough translations to vote: they must side with the source. Fewer, and
            # the source decides alone, as a reviewer with the original would.
            top, _ = majority(peers)
            if top is None or top != expected:
                return []
    else:
        expected, agree = majority(votes)
        if expected is None:
            return []
    return [
        Deviation(lang, value, expected, agree)
        for lang, value in votes.items()
        if value != expected and lang != source
    ]


def majority(votes: dict[str, Hashable]) -> tuple[Hashable | None, tuple[str, ...]]:
    """The clearly winning value and its holders, or (None, ()) when the vote is split."""
    n = len(votes)
    if n < MIN_VOTERS:
        return None, ()
    counts = Counter(votes.values()).most_common()
    top, c = counts[0]
    second = counts[1][1] if len(counts) > 1 else 0
    if c < 2 or 2 * c <= n or 2 * second > c:
        return None, ()
    return top, tuple(lang for lang, v in votes.items() if v == top)


def related(view: GroupView, row: Row, languages: Iterable[str]) -> list[Location]:
    out = []
    for lang in languages:
        loc = view.cell_location(row, lang)
        if loc is not None:
            out.append(loc)
    return out


def voting_languages(view: GroupView, row: Row) -> list[str]:
    """The languages with a cell in ``row`` aligned with confidence whose text is in the
    document's own language (or undetermined): a cell that may belong to another row,
    or that is untranslated, is no evidence of what a translation keeps."""
    out = []
    for lang in row.present():
        if not view.aligned(row, lang):
            continue
        doc = view.documents[lang]
        foreign = False
        for i in row.cells[lang]:
            guess = view.guesses.get((lang, i))
            if guess is not None and guess.language and guess.language != doc.base_language:
                foreign = True
        if not foreign:
            out.append(lang)
    return out


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A link written in HTML (a byline in a README's centred header) is in the raw text only.
_URL = re.compile(r"https?://[^\s\"'<>)]+")


def own_byline(view: GroupView, row: Row, lang: str) -> bool:
    """Whether ``lang``'s cell links to someone no other cell of the row links to and
    dates itself later than any of them: a translator's credit with the translation's
    date ("Translator: <a …>…</a> July 2022" where the author's line says January
    2020), whose date is its own, not the original's changed."""
    def seen(language: str) -> tuple[set[str], set[int]]:
        segments = [view.documents[language].segments[i] for i in row.cells[language]]
        lines = _lines(view, language)
        written = "\n".join(line for s in segments for line in lines[s.line - 1:s.end_line])
        return ({u for s in segments for u in s.urls} | set(_URL.findall(written)),
                {int(y) for s in segments for y in _YEAR.findall(s.text)})

    links, years = seen(lang)
    if not links or not years:
        return False
    for other in row.present():
        if other != lang:
            their_links, their_years = seen(other)
            if not their_years or max(their_years) >= min(years):
                return False
            links -= their_links
    return bool(links)


def _lines(view: GroupView, lang: str) -> list[str]:
    memo = view.memo("consensus_lines")
    if lang not in memo:
        from transcheck.read.decode import split_lines

        memo[lang] = split_lines(view.documents[lang].text)
    return memo[lang]


def names(languages: Iterable[str], verb: str = "") -> str:
    """The languages, and ``verb`` agreeing with them ("en has", "de, fr have")."""
    languages = list(languages)
    if not verb:
        return ", ".join(languages)
    if len(languages) == 1:
        verb = "has" if verb == "have" else verb + ("es" if verb.endswith(("s", "sh", "ch")) else "s")
    return f"{', '.join(languages)} {verb}"


def displaced(view: GroupView, row_index: int, lang: str, reach: int = 5,
              margin: float = 0.25, close: float = 0.75, fits: bool = False) -> bool:
    """Whether ``lang``'s cell in this row shares its anchors (numbers, Latin names,
    file names) with the other documents' cells of a nearby row, closely and clearly
    more than with this one: the aligner put it in the wrong row, around a dropped or
    repeated segment, and comparing it with this row's cells would report the
    misalignment as a defect. A defect lowers the overlap with its own row too, so a
    nearby row must match nearly as a whole, not merely better.

    With ``fits`` (for a rule about how much of the text is there, not which names
    it has), a cell whose anchors most of its row's peers have fits its row however
    closely a row nearby matches it: a paragraph cut short keeps only a few of its
    row's anchors, and one of them alone may be all a heading nearby holds."""
    own = _anchor_set(view, row_index, lang)
    if not own:
        return False
    if fits and _contained(view, row_index, lang, own) >= close:
        return False
    here = _overlap(view, row_index, lang, own)
    for j in range(max(0, row_index - reach), min(len(view.rows), row_index + reach + 1)):
        if j == row_index:
            continue
        near = _overlap(view, j, lang, own)
        if near >= close and near > here + margin:
            return True
    return False


def _anchor_set(view: GroupView, row_index: int, lang: str) -> frozenset:
    cache = view.memo("consensus_anchor_sets")
    key = (row_index, lang)
    if key not in cache:
        from transcheck.align.anchors import anchors
        from transcheck.langid.script import scripts_of

        row = view.rows[row_index]
        text = view.cell_text(row, lang, quote=True) if row.cells.get(lang) else ""
        found = anchors(text, "Latin" in scripts_of(lang)) if text else {}
        cache[key] = frozenset(k for k in found if not k.startswith("punct:"))
    return cache[key]


def _contained(view: GroupView, row_index: int, lang: str, own: frozenset) -> float:
    """Median share of ``own`` that the other documents' cells of a row have."""
    import statistics

    scores = [len(own & _anchor_set(view, row_index, other)) / len(own)
              for other in view.rows[row_index].present() if other != lang]
    return statistics.median(scores) if scores else 0.0


def _overlap(view: GroupView, row_index: int, lang: str, own: frozenset) -> float:
    """Median Dice overlap of ``own`` with the other documents' cells of a row."""
    import statistics

    scores = []
    for other in view.rows[row_index].present():
        if other == lang:
            continue
        theirs = _anchor_set(view, row_index, other)
        if own or theirs:
            scores.append(2 * len(own & theirs) / (len(own) + len(theirs)))
    return statistics.median(scores) if scores else 0.0


class RowNotes:
    """What one row's checks found per language, reported as one finding per language
    (several messages joined), with the agreeing languages as related locations."""

    def __init__(self) -> None:
        self.messages: dict[str, list[str]] = {}
        self.peers: dict[str, set[str]] = {}

    def note(self, lang: str, message: str, agree: Iterable[str]) -> None:
        self.messages.setdefault(lang, []).append(message)
        self.peers.setdefault(lang, set()).update(agree)

    def findings(self, rule, view: GroupView, row_index: int, key):
        """``key(lang, messages)`` states what is wrong, for the fingerprint."""
        row = view.rows[row_index]
        for lang, messages in sorted(self.messages.items()):
            if displaced(view, row_index, lang):
                continue
            yield rule.at_cell(
                view, row, lang, "; ".join(messages),
                related=related(view, row, sorted(self.peers[lang])),
                key=key(lang, messages),
            )
