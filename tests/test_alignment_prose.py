"""News prose, one sentence a line, gives the alignment few anchors to hold on to; what
held-out news translations (NTREX-128) showed it must not take for evidence:

- a lowercase Latin word a translation in another script keeps ("twp") is no anchor
  the English line shares, where only capitalised words are anchors;
- two keys that two or three paragraphs each side share (a day and a year told twice
  in a story) do not cut the alignment;
- a row a translation lacks, beside a segment of it that no row took and that reads
  as the same content, is not sure to be missing (nor the segment extra): one sentence
  of the source was cut otherwise there."""

from __future__ import annotations

from collections import Counter

from transcheck.align.anchors import anchors
from transcheck.align.confidence import of_rows
from transcheck.align.pins import Pin
from transcheck.align.units import Unit


def test_a_lowercase_latin_word_in_another_script_is_kept_apart():
    arabic = anchors("للقراء خارج ويلز: twp تعني أحمق و Pwp", latin_document=False)
    english = anchors("One AM said it rhymes with Twp and Pwp.", latin_document=True)
    assert "low:twp" in arabic and "lat:twp" not in arabic
    assert "lat:pwp" in arabic and "lat:pwp" in english
    assert not any(k.startswith("low:") for k in english)


def test_two_keys_shared_by_other_paragraphs_too_do_not_cut_the_alignment():
    # "29" and "1918" each on two or three paragraphs of either side: weights 1/2, 1/3.
    date_told_twice = Pin(row=6, seg=2, score=1.0, strength=0.5 + 1 / 3, markup=False, shared=2)
    two_names = Pin(row=6, seg=6, score=0.8, strength=2.0, markup=False, shared=2)
    assert not date_told_twice.reliable
    assert two_names.reliable


class _Aligner:
    """The little of the aligner that the confidence reads: every cell's unit, the
    source, and a score that says which units read as one content."""

    def __init__(self, units: dict[str, list[Unit]], akin: set[tuple[str, str]]):
        self.units, self.akin = units, akin
        self.order = ["en", "zh"]
        self.source, self.seen = "en", 2
        self.keys = {lang: [frozenset() for _ in us] for lang, us in units.items()}
        self.pinned, self.repeats = set(), {}

    def expected(self, row):
        return bool(row.get("en"))

    def ratios(self, lang):
        return {"en": 1.0, "zh": 1.0}

    def refs(self, row):
        return {lang: self.units[lang][idx[0]] for lang, idx in row.items() if idx}

    def score(self, own, unit, lang):
        return 0.8 if any((u.text, unit.text) in self.akin for u in own.values()) else 0.2


def _unit(text: str) -> Unit:
    return Unit(len(text), Counter(), text, True)


def _gap_and_extra(akin: bool):
    en = [_unit(t) for t in ("Ross joins the national team staff",
                              '"I wanted to play for my country as a player.',
                              'I got one cap and that was it," Ross said to the radio.',
                              "He starts work on Monday.")]
    zh = [_unit(t) for t in ("Ross joins the national team staff, said he",
                              "Ross told the radio: I wanted to play, as one",
                              "I got one cap and that was it, and no more!",
                              "He starts work on Monday.")]
    # The source's second line has no cell of zh; zh's third segment sits in a row alone.
    rows = [{"en": (0,), "zh": (0,)}, {"en": (1,), "zh": ()}, {"en": (2,), "zh": (1,)},
            {"en": (), "zh": (2,)}, {"en": (3,), "zh": (3,)}]
    aligner = _Aligner({"en": en, "zh": zh}, {(en[1].text, zh[2].text)} if akin else set())
    texts = {"en": [u.text for u in en], "zh": [u.text for u in zh]}
    return of_rows(rows, aligner, texts, "en")


def test_a_gap_beside_a_leftover_of_the_same_content_is_not_sure_either_way():
    sure = _gap_and_extra(akin=True)
    assert sure[1]["zh"] < 0.5 and sure[3]["zh"] < 0.5


def test_a_gap_beside_a_leftover_of_other_content_is_missing_and_extra_both():
    sure = _gap_and_extra(akin=False)
    assert sure[1]["zh"] == 1.0 and sure[3]["zh"] == 1.0
