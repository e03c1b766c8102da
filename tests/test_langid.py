"""Language identification: script first, restricted langdetect, undetermined over guessing."""

from __future__ import annotations

import pytest

from transcheck.langid import Identifier
from transcheck.model import LanguageGuess

GROUP = ["ru", "sv", "tr", "it", "ar"]


@pytest.mark.parametrize(
    ("text", "language", "method"),
    [
        # langdetect alone calls these Finnish and French; short text stays undetermined
        ("Ta en tur", None, "too-short"),
        ("Fai un tour", None, "too-short"),
        # the script settles it, whatever the length
        ("Часть целого", "ru", "script"),
        ("جزء من الكل", "ar", "script"),
        # Latin brand on its own: not called English
        ("Guru", None, "too-short"),
        ("Know Your Terminology: Customer Support vs Customer Experience", "en", "langdetect"),
        ("Kundupplevelsen börjar med ett företags varumärkesidentitet och dess löften.", "sv", "langdetect"),
        ("Müşteri deneyimi, bir şirketin markasıyla başlar ve her etkileşimi kapsar.", "tr", "langdetect"),
        ("L'esperienza del cliente inizia con il branding di un'azienda e le sue promesse.", "it", "langdetect"),
        ("12 345 / 2024", None, "no-letters"),
    ],
)
def test_identify(text, language, method):
    guess = Identifier(GROUP).identify(text)
    assert (guess.language, guess.method) == (language, method)


def test_english_sentence_in_a_cyrillic_group_is_not_dropped():
    # langdetect's cleaning would drop Latin letters next to many Cyrillic ones; the
    # script split hands the Latin text to the Latin candidates instead.
    guess = Identifier(["ru", "uk"]).identify("Every answer is checked by a second colleague first.")
    assert guess.language == "en"


def test_text_in_a_script_no_candidate_writes_is_not_guessed():
    guess = Identifier(["sv", "it"]).identify("Каждый ответ проверяется вторым коллегой.")
    assert guess.language is None and guess.method == "script:Cyrillic"


def test_deterministic():
    text = "Il supporto clienti è una parte dell'esperienza complessiva del cliente."
    answers = {Identifier(GROUP).identify(text) for _ in range(5)}
    assert len(answers) == 1


def test_language_names_tell_variants_apart():
    from transcheck.langid.names import language_name, quoted_in

    assert language_name("it") == "Italian"
    assert language_name("zh-Hant") == "Chinese (Traditional)"
    assert language_name("pt-BR") == "Portuguese (Brazil)"
    assert language_name("qq") == "qq"  # unknown: the code as it is
    assert quoted_in("it", "Fai un tour") == "Italian: “Fai un tour”"


WIDE = ["ar", "de", "es", "fr", "it", "ja", "ko", "pt", "ru", "sv", "tr", "uk", "zh"]


@pytest.mark.parametrize(
    "text",
    [
        "#academia #science #phdlife #typefully",
        "@user47 noooooOOOOooOoOooooon 🤣",
        "https://github.com/niutech/phooos `npm run build`",
    ],
)
def test_what_every_language_writes_alike_is_not_identified(text):
    assert Identifier(WIDE).identify(text).language is None


def test_a_letter_the_guessed_language_lacks_rules_it_out():
    # langdetect prefers Russian here; і and ї are Ukrainian letters Russian never uses.
    guess = Identifier(WIDE).identify("Не їдьте дуже далеко, бо вас може хтось випередити.")
    assert guess.language != "ru"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("JAG BER OM URSÄKT MEN JAG FICK VITTRING. JAG VAR TVUNGEN ATT TA HAND OM DET.", "sv"),
        ("VOCÊ MATOU OS CORRUPTIDS! OS MONSTROS INFECTADOS. CRIATURAS DEIXADAS AQUI.", "pt"),
    ],
)
def test_capitals_are_read_in_lower_case(text, language):
    assert Identifier(WIDE).identify(text).language == language


def test_letters_come_from_cldr_as_well_as_from_the_profiles():
    # langdetect's Vietnamese profile never saw "ậ" or "ệ": CLDR's letters of the
    # language say they are Vietnamese.
    text = "Trong phần trước, chúng ta đã đề cập một chút về kiểu dữ liệu. Dữ liệu có các kiểu."
    assert Identifier(["en", "vi"]).identify(text).language == "vi"


def test_a_language_without_a_profile_is_not_taken_for_one_with_it():
    # Azerbaijani has no langdetect profile: its "ə" is no English and no Turkish.
    text = "Bu kursda JavaScript proqramlaşdırma dilini addım-addım öyrənəcəksiniz və hər gün yeni mövzu."
    assert Identifier(["en", "az"]).identify(text) == LanguageGuess(None, 1.0, "alphabet")
    assert Identifier(["en", "az", "tr"]).identify(text).language is None
    # Bosnian is read with Croatian's profile, and named Bosnian.
    bosnian = "Primamo nove kontributore i pomažemo im da naprave prvi pull request u ovom projektu."
    assert Identifier(["en", "bs"]).identify(bosnian).language == "bs"
    # Filipino is read with langdetect's Tagalog profile, and named Filipino.
    filipino = "Sa pamamagitan ng pag-aambag sumasang-ayon ka sa mga tuntunin ng lisensya ng proyekto."
    assert Identifier(["en", "fil"]).identify(filipino).language == "fil"
    english = "By contributing you agree to the terms of the license of this project."
    assert Identifier(["en", "fil"]).identify(english).language == "en"


def test_han_text_without_hangul_or_kana_is_chinese():
    guess = Identifier(WIDE).identify("這是一個繁體中文的句子，我們今天一起去學校上課，然後在圖書館讀書。")
    assert guess.language == "zh"


def test_a_short_line_of_kanji_is_not_called_chinese():
    assert Identifier(WIDE).identify("東京都知事選挙").language is None
