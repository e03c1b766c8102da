"""Language data from CLDR: which way a language runs, which script it is written in,
which codes name it, what it is called; and the committed data is what the generator
makes from the pinned Babel."""

from __future__ import annotations

import pytest

from transcheck import langdata
from transcheck.langid.names import language_name
from transcheck.langid.script import scripts_of
from transcheck.read.discover import parse_name
from transcheck.read.languages import looks_like_tag, normalise_tag


@pytest.mark.parametrize("tag", ["he", "ar", "fa", "ur", "ckb", "ku-Arab", "pa-PK", "ar-SA", "yi", "dv"])
def test_right_to_left(tag):
    assert langdata.direction(tag) == "rtl"


@pytest.mark.parametrize("tag", ["ku", "ku-Latn", "en", "pa", "sd-Deva", "az", "tr", "qq"])
def test_left_to_right(tag):
    # Kurmanji (ku) is written in Latin letters; Sorani (ckb) is the Arabic-script one.
    assert langdata.direction(tag) == "ltr"


@pytest.mark.parametrize(
    ("tag", "script"),
    [
        ("sr", "Cyrl"), ("sr-Latn", "Latn"), ("sr-ME", "Latn"), ("zh", "Hans"), ("zh-Hans", "Hans"),
        ("zh-Hant", "Hant"), ("zh-TW", "Hant"), ("zh-HK", "Hant"), ("az", "Latn"), ("uz", "Latn"),
        ("uz-AF", "Arab"), ("ku", "Latn"), ("ckb", "Arab"), ("pa", "Guru"), ("pa-PK", "Arab"),
        ("ja", "Jpan"), ("ko", "Kore"), ("he", "Hebr"), ("iw", "Hebr"), ("qq", None),
    ],
)
def test_default_script(tag, script):
    assert langdata.default_script(tag) == script


def test_scripts_a_language_is_written_in():
    assert scripts_of("sr") == {"Cyrillic", "Latin"}  # officially both
    assert scripts_of("sr-Latn") == {"Latin"}
    assert scripts_of("zh-Hant") == scripts_of("zh-Hans") == {"Han"}
    assert scripts_of("ja") == {"Han", "Kana"} and scripts_of("ko") == {"Hangul", "Han"}
    assert scripts_of("ckb") == {"Arabic"} and scripts_of("ku") == {"Latin"}
    assert scripts_of("qq") == {"Latin"}  # a code CLDR does not know


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("iw", "he"), ("in", "id"), ("jw", "jv"), ("ji", "yi"), ("iw-IL", "he-IL"),
        ("no", "no"), ("nb", "nb"), ("tl", "tl"),  # codes CLDR still names stay themselves
        ("ckb", "ckb"), ("fil_ph", "fil-PH"), ("yue-Hant-HK", "yue-Hant-HK"),
        ("new", None), ("api", None), ("eng", None),
        # a retired region as CLDR replaces it (Serbia and Montenegro), and none at all
        ("sr-CS", "sr-RS"), ("sr_Latn_CS", "sr-Latn-RS"), ("fr-XX", None),
    ],
)
def test_codes_and_their_aliases(tag, expected):
    assert normalise_tag(tag) == expected


def test_three_letters_are_a_tag_only_when_a_language():
    assert looks_like_tag("ckb") and looks_like_tag("fil-PH")
    assert not looks_like_tag("api") and not looks_like_tag("min")
    assert parse_name("docs/page.ckb.md") == ("ckb", "docs/page")
    assert parse_name("ckb/page.md") == ("ckb", "page")
    assert parse_name("api/page.md").startswith("no language")
    assert parse_name("page.iw.md") == ("he", "page")


def test_names_from_cldr():
    assert language_name("ku") == "Kurdish"
    assert language_name("ckb") == "Central Kurdish"
    assert language_name("zh-Hant") == "Chinese (Traditional)"
    assert language_name("sr-Latn-RS") == "Serbian (Latin, Serbia)"
    assert language_name("es-419") == "Spanish (Latin America)"
    assert language_name("qq-XX") == "qq-XX"


def _html_for(tmp_path, texts):
    from tests.conftest import render
    from transcheck.report import Format
    from transcheck.rules.registry import RULES
    from transcheck.runner import run
    from transcheck.settings import Settings

    for lang, text in texts.items():
        (tmp_path / f"page.{lang}.txt").write_text(text, encoding="utf-8")
    return render(run([str(tmp_path)], Settings(), RULES), Format.HTML)


def test_html_report_renders_kurmanji_left_to_right_and_sorani_right_to_left(tmp_path):
    from tests.test_report_html import Page

    page = Page(_html_for(tmp_path, {
        "en": "The meeting is on Monday.\n",
        "ku": "Civîn roja duşemê ye.\n",
        "ckb": "کۆبوونەوەکە ڕۆژی دووشەممەیە.\n",
    }))
    cells = {c["lang"]: c.get("dir") for c in page.cells()}
    assert cells == {"en": None, "ku": None, "ckb": "rtl"}


def test_committed_data_is_what_the_generator_makes(tmp_path):
    pytest.importorskip("babel", reason="Babel is needed to regenerate the CLDR data (the test extra pins it)")
    from babel.core import get_global

    from tools import cldr

    if get_global("cldr")["version"] != langdata.cldr_version():
        pytest.fail(
            f"the committed data is from CLDR {langdata.cldr_version()}, the installed Babel carries "
            f"CLDR {get_global('cldr')['version']}: install the Babel the test extra pins, or run "
            f"`{cldr.COMMAND}` and commit the result"
        )
    assert cldr.main(["--out", str(tmp_path)]) == 0
    for name in (cldr.LANGUAGES, cldr.SCALES):
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        committed = (cldr.ROOT / name).read_text(encoding="utf-8")
        assert fresh == committed, f"{name} is stale; run `{cldr.COMMAND}` and commit it"


def test_apples_base_folder_is_no_language_to_map():
    from transcheck.read.languages import could_be_language

    assert not could_be_language("Base")
    assert could_be_language("cn") and could_be_language("ptbr")


def test_a_code_that_is_also_a_country_is_a_question_only_where_the_countrys_language_is_another():
    from transcheck.read.languages import country_reading

    assert country_reading("tw") == "zh-TW"  # Twi, or Taiwan's Chinese
    assert country_reading("no") is None  # Norwegian, or Norway's Bokmål: one language
    assert country_reading("de") is None

