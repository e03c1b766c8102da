"""The spelling rule's helpers, and its behaviour without the optional dictionaries."""

from __future__ import annotations

import pytest

from transcheck.runner import run
from transcheck.rules import _hunspell, spelling
from transcheck.rules._spelling_names import same_name, sound_shape
from transcheck.settings import Settings

TYPO = {
    "tr.txt": "Kendi Markamızın Başkannte, Christine Richardson şunu belirtmeyi sever.\n",
    "it.txt": "La responsabile del marchio, Christine Richardson, ama sottolinearlo.\n",
}


def _write(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")


def _findings(tmp_path):
    report = run([str(tmp_path)], Settings(), (spelling.RULE,))
    return [(f.path.rsplit("/", 1)[-1], f.line) for f in report.findings]


def test_names_match_across_scripts():
    assert sound_shape("Richardson") == sound_shape("Ричардсон")
    assert same_name(sound_shape("Richardson"), sound_shape("ريتشاردسون"))
    assert same_name(sound_shape("Morgan"), sound_shape("مورغان"))
    assert not same_name(sound_shape("Başkannte"), sound_shape("Anthony"))


def test_words_keep_joined_forms_and_drop_urls_and_files():
    text = "Guru'da CS-team https://example.com/a-b logo.png dell'esperienza"
    assert [w for _, w in spelling.words(text)] == ["Guru'da", "CS-team", "dell'esperienza"]


def test_dictionary_names_follow_the_language_tag():
    names = frozenset({"pt_PT", "pt_BR", "en_GB", "ar", "sv_SE"})
    assert _hunspell.dictionary_names("pt-BR", names) == ["pt_BR"]
    assert _hunspell.dictionary_names("pt", names) == ["pt_BR", "pt_PT"]
    assert _hunspell.dictionary_names("en-US", names) == ["en_GB"]
    assert _hunspell.dictionary_names("ar", names) == ["ar"]
    assert _hunspell.dictionary_names("sv", names) == ["sv_SE"]
    assert _hunspell.dictionary_names("fi", names) == []
    both = frozenset({"en_GB", "en_US", "sv_SE"})
    assert _hunspell.dictionary_names("en", both) == ["en_GB", "en_US"]
    assert _hunspell.dictionary_names("en-US", both) == ["en_US"]


def test_english_accepts_british_and_american_spelling():
    english = _hunspell.load("en")
    if english is None:
        pytest.skip("the spelling extra is not installed (pip install 'transcheck[spelling]')")
    assert english.knows("colour") and english.knows("color")
    assert not english.knows("colorr")


def test_without_the_engine_the_rule_reports_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(_hunspell, "_engine_class", lambda: None)
    _hunspell.load.cache_clear()
    try:
        _write(tmp_path, TYPO)
        assert _findings(tmp_path) == []
        assert not _hunspell.engine_available()
    finally:
        _hunspell.load.cache_clear()


def test_without_dictionaries_the_rule_reports_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(_hunspell, "_available", lambda: (None, frozenset()))
    _hunspell.load.cache_clear()
    try:
        _write(tmp_path, TYPO)
        assert _findings(tmp_path) == []
    finally:
        _hunspell.load.cache_clear()


def test_with_the_dictionaries_the_typo_is_found(tmp_path):
    if not _hunspell.engine_available():
        pytest.skip("the spelling extra is not installed (pip install 'transcheck[spelling]')")
    _write(tmp_path, TYPO)
    assert _findings(tmp_path) == [("tr.txt", 1)]


def test_cli_notes_the_missing_dictionaries(tmp_path):
    import subprocess
    import sys

    _write(tmp_path, TYPO)
    code = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def imp(name, *a, **k):\n"
        "    if name == 'hunspell': raise ImportError(name)\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = imp\n"
        "from transcheck.cli import main\n"
        "sys.argv = ['transcheck', 'check', '--select', 'TC603', sys.argv[1]]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0
    assert "spelling (TC603) skipped, no dictionaries: " + _hunspell.EXTRA_HINT in done.stderr
    assert "TC603" not in done.stdout.replace("--select TC603", "")
