"""A translation of a segment far shorter or longer than the other translations predict:
a sentence left out, or text added, inside a segment.

What it catches:
    For every pair of languages the documents themselves give the expected length
    ratio: the median of the log length ratios of their aligned rows, with the median
    absolute deviation (MAD) as its spread. A segment whose log ratio to a peer departs
    from that median by more than ``length_min_mads`` MADs (never less than a factor of
    ``length_min_factor``) is short or long against that peer; it is reported when it is
    so against at least two thirds of at least two peers (with ``--source``: against the
    source, and against at least half of the other peers too). A pair whose limit is
    over twice the factor (uneven translations, few rows) would see only text cut to
    two fifths, and abstains. A segment is also short when,
    against four peers or more, the median of its deviations falls below what is usual
    for its language by ``length_min_mads`` of that language's spread (never less than
    the factor; with ``--source``, short against the source too): one pair's ratio
    varies with two translators' habits, the median over many peers with one only.
    A segment whose anchors (names, numbers) its row has is not set aside as
    misaligned. Lengths count letters and digits, so spacing and punctuation habits
    do not matter. Peers' segments shorter than
    ``length_min_letters`` letters are not compared.

    Severity and precision: info. Reviewed on the WMT24++ dev corpus, about one
    finding in three was a real omission or addition; the rest were headlines and
    social-media lines condensed with their meaning intact, which no count of
    agreeing peers or size of the ratio told apart.

Why it matters:
    A translator who skips a sentence, or a machine translation that drops a clause,
    leaves a paragraph that reads fine on its own; only the comparison shows that half
    of it is missing.

Example:
    ``it.txt`` renders "When a problem is solved, we send a short survey to find out
    whether the customer was happy with the help" as only "Quando un problema è
    risolto, inviamo un breve sondaggio": "about 49% of the length its peers predict
    (ru, tr): text may be missing".

What it does not catch:
    Omissions too small to change the length beyond the spread of these documents
    (a dropped word, a short clause); a pair of languages with fewer than
    ``length_min_rows`` comparable rows; a segment missing as a whole (that is
    ``missing-segment``, TC301); content replaced by other content of similar length.
"""

from __future__ import annotations

from dataclasses import dataclass
import math
import statistics

from transcheck.model import Category, Severity
from transcheck.rules import _consensus as consensus
from transcheck.rules.base import GroupView, Rule, options_from
from transcheck.text import normalise

# Log units: documents translated very evenly still vary this much; a ratio learnt from
# few rows is less certain, so the floor rises as the rows get fewer.
MAD_FLOOR = 0.08
FEW_ROWS_MARGIN = 0.2
MIN_PEERS = 4  # peers whose median deviation is a prediction of its own


@dataclass(frozen=True)
class Options:
    length_min_letters: int
    length_min_rows: int
    length_min_mads: float
    length_min_factor: float


def check(view: GroupView, options: Options):
    lengths = [
        {lang: _length(view, row, lang) for lang in consensus.voting_languages(view, row)}
        for row in view.rows
    ]
    t = options
    stats = _pair_stats(lengths, t.length_min_letters, t.length_min_rows)
    floor = math.log(t.length_min_factor)
    cells = {}  # (row, lang) -> {peer: deviation from the pair's median log ratio}
    for r, lens in enumerate(lengths):
        for lang, own in lens.items():
            if own == 0:
                continue  # no prose here: nothing to compare
            cells[(r, lang)] = {
                peer: math.log(max(own, 1) / theirs) - stats[(lang, peer)][0]
                for peer, theirs in lens.items()
                if peer != lang and theirs >= t.length_min_letters and (lang, peer) in stats
            }
    central = _central(cells)
    for (r, lang), devs in cells.items():
        row = view.rows[r]
        verdicts: dict[str, int] = {}  # peer -> -1 short, +1 long, 0 as expected
        for peer, dev in devs.items():
            limit = max(t.length_min_mads * stats[(lang, peer)][1], floor)
            if limit > 2 * floor:
                continue  # a pair this uneven sees only text cut to two fifths: it abstains
            verdicts[peer] = -1 if dev <= -limit else 1 if dev >= limit else 0
        for direction in (-1, 1):
            agree = sorted(p for p, v in verdicts.items() if v == direction)
            if not _enough(view, lang, verdicts, agree, direction) and not (direction < 0 and _short_of_all(
                    view, lang, devs, central.get(lang), t.length_min_mads, floor)):
                continue
            if consensus.displaced(view, r, lang, fits=True):
                continue
            agree = agree or sorted(p for p, d in devs.items() if d * direction >= floor) or sorted(devs)
            percent = round(100 * math.exp(sum(devs.values()) / len(devs)))
            what = "text may be missing" if direction < 0 else "text may have been added"
            yield RULE.at_cell(
                view, row, lang,
                f"about {percent}% of the length its peers predict "
                f"({consensus.names(agree)}): {what}",
                related=consensus.related(view, row, agree),
                key=f"length:{'short' if direction < 0 else 'long'}:"
                + normalise(view.cell_text(row, lang))[:80],
            )


def _central(cells: dict) -> dict[str, tuple[float, float]]:
    """Per language, (median, scaled MAD) over its rows of the median deviation from
    its peers: how far the language's segments usually stray from what all the peers
    together predict."""
    by_lang: dict[str, list[float]] = {}
    for (_, lang), devs in cells.items():
        if len(devs) >= MIN_PEERS:
            by_lang.setdefault(lang, []).append(statistics.median(devs.values()))
    out = {}
    for lang, values in by_lang.items():
        median = statistics.median(values)
        mad = statistics.median(abs(v - median) for v in values) * 1.4826
        out[lang] = (median, max(mad, MAD_FLOOR + FEW_ROWS_MARGIN / len(values)))
    return out


def _short_of_all(view: GroupView, lang: str, devs: dict[str, float], centre, mads: float,
                  floor: float) -> bool:
    """Short against many peers together: the median of the deviations from all of them
    falls below the language's usual median by ``mads`` of its spread (never less than
    the floor). One pair's ratio varies with both translators' habits; the median over
    many peers varies only with this one's, so it sees a paragraph cut in half that no
    single pair tells from a terse translation. With a source, the segment must be
    short against the source too. Only for text missing: a translation longer than all
    its peers is mostly one that explains more, rarely one with text added."""
    if centre is None or len(devs) < MIN_PEERS or lang == view.source:
        return False
    if view.source is not None and devs.get(view.source, 0.0) >= 0:
        return False
    median, spread = centre
    return median - statistics.median(devs.values()) >= max(mads * spread, floor)


def _enough(view: GroupView, lang: str, verdicts: dict[str, int], agree: list[str],
            direction: int) -> bool:
    source = view.source
    if source is not None and source in verdicts and lang != source:
        if verdicts[source] != direction:
            return False
        others = [p for p in verdicts if p != source]
        return not others or 2 * sum(1 for p in others if verdicts[p] == direction) >= len(others)
    if source is not None and lang == source:
        return False  # the source is the reference, never the deviation
    return len(verdicts) >= 2 and len(agree) >= 2 and 3 * len(agree) >= 2 * len(verdicts)


def _pair_stats(
    lengths: list[dict[str, int]], min_letters: int, min_rows: int
) -> dict[tuple[str, str], tuple[float, float]]:
    """(median, scaled MAD) of log(len a / len b) per ordered language pair."""
    ratios: dict[tuple[str, str], list[float]] = {}
    for lens in lengths:
        for a, la in lens.items():
            for b, lb in lens.items():
                if a != b and la >= min_letters and lb >= min_letters:
                    ratios.setdefault((a, b), []).append(math.log(la / lb))
    out = {}
    for pair, values in ratios.items():
        if len(values) < min_rows:
            continue
        median = statistics.median(values)
        mad = statistics.median(abs(v - median) for v in values) * 1.4826
        out[pair] = (median, max(mad, MAD_FLOOR + FEW_ROWS_MARGIN / len(values)))
    return out


def _length(view: GroupView, row, lang: str) -> int:
    doc = view.documents[lang]
    return sum(
        1 for i in row.cells[lang] if doc.segments[i].is_prose
        for ch in doc.segments[i].text if ch.isalnum()
    )


RULE = Rule(
    code="TC602",
    name="length-mismatch",
    category=Category.LENGTH,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
    options=options_from(Options),
)
