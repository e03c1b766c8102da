"""Glossaries (TBX in both forms, CSV) and finding their terms through inflection."""

from __future__ import annotations

import pytest

from transcheck.terms import DEPRECATED, PREFERRED, GlossaryError, find_glossary, load
from transcheck.terms.match import Matcher

TBX_2019 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="cx">
  <langSec xml:lang="en"><termSec><term>customer experience</term></termSec></langSec>
  <langSec xml:lang="ru">
    <termSec><term>опыт клиента</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>опыт покупателя</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
  </langSec>
</conceptEntry>
<conceptEntry id="brand"><note>Do not translate</note>
  <langSec xml:lang="en"><termSec><term>Guru</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>"""

TBX_MARTIF = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="sq">
  <langSet xml:lang="en"><tig><term>square</term></tig></langSet>
  <langSet xml:lang="tr"><ntig><termGrp><term>kare</term></termGrp></ntig></langSet>
</termEntry>
</body></text></martif>"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_tbx_2019_statuses_and_do_not_translate(tmp_path):
    tb = load(_write(tmp_path, "glossary.tbx", TBX_2019))
    cx, brand = tb.concepts
    assert [(t.text, t.status) for t in cx.terms["ru"]] == [
        ("опыт клиента", PREFERRED), ("опыт покупателя", DEPRECATED)
    ]
    assert brand.do_not_translate and [t.text for t in brand.terms_for("ar")] == ["Guru"]


def test_tbx_martif_form(tmp_path):
    (sq,) = load(_write(tmp_path, "glossary.tbx", TBX_MARTIF)).concepts
    assert sq.id == "sq" and sq.terms["tr"][0].text == "kare"


def test_tbx_entities_are_refused(tmp_path):
    bomb = '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">]><tbx>&a;</tbx>'
    with pytest.raises(GlossaryError, match="entities"):
        load(_write(tmp_path, "glossary.tbx", bomb))


def test_csv_variants_flags_and_bad_columns(tmp_path):
    tb = load(_write(tmp_path, "glossary.csv", "concept,en,sv,dnt\ncx,customer experience,*kundupplevelse|!kundsupport,\nguru,Guru,,yes\n"))
    cx, guru = tb.concepts
    assert [(t.text, t.status) for t in cx.terms["sv"]] == [("kundupplevelse", PREFERRED), ("kundsupport", DEPRECATED)]
    assert guru.do_not_translate
    with pytest.raises(GlossaryError, match="not a language code"):
        load(_write(tmp_path, "glossary.csv", "concept,english,xx-nonsense\n1,a,b\n"))


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("tr", "kare", "her karenin bir dikdörtgen olduğunu"),
        ("tr", "dikdörtgen", "her dikdörtgenin bir kare olduğunu"),
        ("tr", "müşteri deneyimi", "tüm müşteri desteği müşteri deneyimidir"),
        ("ru", "прямоугольник", "все квадраты являются прямоугольниками"),
        ("ru", "квадрат", "не все прямоугольники являются квадратами"),
        ("ru", "опыт клиента", "является опытом клиентов"),
        ("ar", "مربع", "أن جميع المربعات هي مستطيلات"),
        ("ar", "مستطيل", "هي مستطيلات لكن"),
        ("ar", "دعم العملاء", "اكتشف التأثير الكبير لدعم العملاء"),
        ("sv", "fyrkant", "alla fyrkanter är rektanglar"),
        ("it", "rettangolo", "tutti i quadrati sono rettangoli"),
        ("it", "esperienza del cliente", "sull'esperienza complessiva del cliente"),
    ],
)
def test_terms_are_found_through_inflection(tmp_path, lang, term, text):
    path = _write(tmp_path, "glossary.csv", f"concept,{lang}\nc,{term}\n")
    hits = Matcher(load(path), lang).find(text)
    assert [h.concept.id for h in hits] == ["c"]


def test_tightest_match_wins_over_a_gapped_one(tmp_path):
    path = _write(tmp_path, "glossary.csv", "concept,tr\ncx,müşteri deneyimi\ncs,müşteri desteği\n")
    hits = Matcher(load(path), "tr").find("tüm müşteri desteği müşteri deneyimidir")
    assert [(h.concept.id, h.surface) for h in hits] == [("cs", "müşteri desteği"), ("cx", "müşteri deneyimidir")]


def test_glossary_found_beside_or_above_the_documents(tmp_path, monkeypatch):
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "glossary.csv").write_text("concept,en\nc,x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_glossary(["docs/guide/sv.txt"]) == "docs/glossary.csv"
    assert find_glossary(["other/sv.txt"]) is None


WORDS = {
    "en": "customer support experience service the of brand square rectangles press supporting x-ray I a".split(),
    "ru": "клиентский опыт поддержка клиентов поддержкой обслуживанием квадрат прямоугольником".split(),
    "ar": "تجربة العملاء دعم والمربعات لدعم فالتجربة مستطيلات مستطيل".split(),
    "tr": "deneyimidir deneyim müşteri destek desteği Guru'da kare İstanbul".split(),
}


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_the_term_index_misses_no_match_a_full_scan_finds(lang):
    """Every (term, token) pair where a term can start matching is among the index's
    candidates: the index only saves work, it never loses a term."""
    import random

    from transcheck.terms import Concept, Term, Termbase
    from transcheck.terms.match import tokens, word_forms

    rng = random.Random(lang)
    for _ in range(60):
        words = WORDS[lang]
        concepts = tuple(
            Concept(f"c{c}", {lang: (Term(" ".join(rng.choices(words, k=rng.randint(1, 3)))),)},
                    do_not_translate=rng.random() < 0.2)
            for c in range(8)
        )
        matcher = Matcher(Termbase("g", concepts), lang)
        text = " ".join(rng.choices(words + ["supportingly", "Squares", "of"], k=rng.randint(1, 10)))
        toks = tokens(text)
        forms = [word_forms(t, matcher.base) for t, _, _ in toks]
        candidates = set(matcher.candidates(toks, forms))
        for p, (_, _, exact) in enumerate(matcher.patterns):
            words_p = matcher.words(p)
            for i in range(len(toks)):
                if exact:
                    hit = tuple(t for t, _, _ in toks[i : i + len(words_p)]) == words_p
                else:
                    hit = matcher._match_at(words_p, toks, forms, i) is not None
                assert not hit or (p, i) in candidates, (text, p, i)


def test_a_termbase_pickles_to_an_equal_one(tmp_path):
    import pickle

    tb = load(_write(tmp_path, "glossary.tbx", TBX_2019))
    again = pickle.loads(pickle.dumps(tb))
    assert again.path == tb.path
    assert [(c.id, c.terms, c.do_not_translate, c.note) for c in again.concepts] == [
        (c.id, c.terms, c.do_not_translate, c.note) for c in tb.concepts
    ]
