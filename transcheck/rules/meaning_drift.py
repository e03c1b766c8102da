"""A segment whose meaning is far from all its aligned peers while the peers agree with
each other: a sentence replaced, garbled, or translated from the wrong source line.

What it catches:
    With ``--embeddings`` and the embeddings extra installed, every aligned row of three
    or more prose cells is embedded with a multilingual sentence model
    (multilingual-e5-small). For each pair of languages the rule learns, from the
    group's own rows, how similar their translations usually are (the median cosine of
    the pair), and works on each row's deviation from it. A cell is reported when its
    mean deviation from all its peers is below ``-drift_min_gap`` and lower than the
    median of all cells' deviations by ``drift_min_mads`` median absolute deviations,
    while the peers among themselves are at their usual similarity. The threshold comes
    from the documents themselves, so it holds for any language pair and model scale.

Why it matters:
    A paragraph replaced by another, a machine-translation glitch or a sentence taken
    from the wrong place keeps its numbers, its length and its language, so no surface
    check sees it; its meaning is what is wrong.

Example:
    In a group of it, sv and tr, ``tr.txt`` line 4 says "Our office is closed on
    public holidays" where it and sv say that survey answers help improve the product:
    the Turkish cell is far from both while they agree: line 4 is reported.

What it does not catch:
    Small changes of meaning: a negation, two roles swapped, one wrong number
    (sentence embeddings barely move for those; ``negation-flip``, ``role-inversion``
    and ``number-mismatch`` look for them); rows with fewer than three prose cells;
    groups with fewer than ``drift_min_rows`` such rows (no usable statistics); cells
    copied untranslated from a peer (``untranslated``, TC202). Without ``--embeddings``,
    or without ``pip install transcheck[embeddings]``, it reports nothing. Its findings
    are info: on real professional translations, 5 of its 7 findings were true (a
    faithful but loose rendering of a short sentence can drift as far as a wrong one).
"""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.langid.names import language_name
from transcheck.model import Category, Severity
from transcheck.rules.base import GroupView, Rule, options_from, snippet
from transcheck.text import letters, normalise

MIN_CELL_LETTERS = 20  # shorter cells (labels, headings) carry too little meaning
MIN_PEERS = 2


def _cells(view: GroupView):
    """(row index, {language: text}) for rows with three or more prose cells."""
    for r, row in enumerate(view.rows):
        cells = {}
        for lang in row.present():
            doc = view.documents[lang]
            segs = [doc.segments[i] for i in row.cells[lang]]
            if not all(s.is_prose for s in segs):
                continue
            text = view.cell_text(row, lang)
            if letters(text) >= MIN_CELL_LETTERS:
                cells[lang] = text
        if len(cells) >= MIN_PEERS + 1:
            yield r, cells


@dataclass(frozen=True)
class Options:
    drift_min_rows: int
    drift_min_gap: float
    drift_min_mads: float


def check(view: GroupView, options: Options):
    if view.vectors is None:
        return
    import numpy as np

    rows = list(_cells(view))
    t = options
    if len(rows) < t.drift_min_rows:
        return
    texts = sorted({text for _, cells in rows for text in cells.values()})
    vectors = dict(zip(texts, view.vectors(texts)))

    # Cosine of every pair of cells in every row, then each pair's usual level.
    cosines: list[dict[tuple[str, str], float]] = []
    by_pair: dict[tuple[str, str], list[float]] = {}
    for _, cells in rows:
        langs = sorted(cells)
        row_cos = {}
        for i, a in enumerate(langs):
            for b in langs[i + 1 :]:
                c = float(vectors[cells[a]] @ vectors[cells[b]])
                row_cos[(a, b)] = c
                by_pair.setdefault((a, b), []).append(c)
        cosines.append(row_cos)
    usual = {pair: float(np.median(values)) for pair, values in by_pair.items()}

    # Per cell: mean deviation from its peers, and the peers' deviation among themselves.
    scored = []
    for (r, cells), row_cos in zip(rows, cosines):
        dev = {pair: c - usual[pair] for pair, c in row_cos.items()}
        for lang in cells:
            own = [d for (a, b), d in dev.items() if lang in (a, b)]
            peers = [d for (a, b), d in dev.items() if lang not in (a, b)]
            scored.append((r, cells, lang, sum(own) / len(own), sum(peers) / len(peers) if peers else 0.0))
    drifts = np.array([s[3] for s in scored])
    centre = float(np.median(drifts))
    mad = float(np.median(np.abs(drifts - centre))) or 1e-6
    for r, cells, lang, drift, peers in scored:
        if drift > -t.drift_min_gap or drift > centre - t.drift_min_mads * mad:
            continue
        if peers < -t.drift_min_gap / 2:
            continue  # the peers disagree too: no consensus to drift from
        text = normalise(cells[lang])
        if any(normalise(cells[o]) == text for o in cells if o != lang):
            continue
        row = view.rows[r]
        doc = view.documents[lang]
        others = [o for o in sorted(cells) if o != lang]
        yield RULE.finding(
            doc,
            doc.segments[row.cells[lang][0]].line,
            doc.segments[row.cells[lang][-1]].end_line,
            f"meaning differs from the aligned {', '.join(others)} segments, which agree "
            f"with each other (similarity {drift:+.3f} from usual): "
            f"“{snippet(cells[lang])}”",
            related=[view.cell_location(row, o) for o in others],
            key=f"{language_name(lang)}:{normalise(cells[lang])}",
        )


RULE = Rule(
    code="TC504",
    name="meaning-drift",
    category=Category.SEMANTIC,
    severity=Severity.INFO,
    check=check,
    doc=__doc__,
    options=options_from(Options),
)
