"""The project vocabulary (configuration and glossary) and the source as reference:
the configuration is checked, the view offers the vocabulary, the glossary marks
do-not-translate concepts, and with a source no rule reports on the source."""

from __future__ import annotations


import pytest

from tests.cli import transcheck
from transcheck.config.file import ConfigError, load_config
from transcheck.config.plan import settings_from
from transcheck.rules.registry import RULES
from transcheck.runner import run
from transcheck.settings import Settings
from transcheck.terms import load
from transcheck.terms.patterns import pattern_error
from transcheck.terms.vocabulary import Vocabulary


def _config(tmp_path, text: str):
    path = tmp_path / "transcheck.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(str(path))


def test_the_configuration_declares_the_vocabulary(tmp_path):
    config = _config(tmp_path, """
do-not-translate = ["FastAPI", "Pydantic"]
do-not-translate-patterns = ['\\bv\\d+(\\.\\d+)*\\b']
[accepted-english]
hi = ["endpoint", "request"]
"*" = ["API"]
""")
    vocabulary = settings_from(config).vocabulary
    assert vocabulary.do_not_translate == ("FastAPI", "Pydantic")
    assert vocabulary.accepted_for("hi") == ("API", "endpoint", "request")
    assert vocabulary.accepted_for("de") == ("API",)
    keep = vocabulary.keep("hi")
    text = "FastAPI v0.115.2 के साथ Endpoints और APIs"
    assert keep.mask(text) == "                 के साथ           और     "
    assert vocabulary.keep("de").mask("Endpoints") == "Endpoints"  # accepted in Hindi only


@pytest.mark.parametrize(("text", "expected"), [
    ("FastAPIは", "       は"),  # no space before Japanese
    ("FastAPI's docs", "          docs"),
    ("MyFastAPI", "MyFastAPI"),  # inside a longer word
    ("fastapi", "fastapi"),  # written with capitals: matched as written
])
def test_terms_match_whole_words_as_written(text, expected):
    assert Vocabulary(("FastAPI",)).keep("ja").mask(text) == expected


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)+x", r"(a|a)*b", r"(x+x+)+y", r"(\w{1,5})+z"])
def test_patterns_that_can_backtrack_catastrophically_are_refused(pattern):
    assert "backtrack catastrophically" in pattern_error(pattern)


@pytest.mark.parametrize("pattern", [
    r"\bv\d+(\.\d+)*\b", r"\d+(?:[.,]\d+)*", r"(?:-[a-z]+)+", r"\b(?:GET|POST|PUT)\b", r"\{\*[^*]*\*\}",
])
def test_separated_repeats_are_accepted(pattern):
    assert pattern_error(pattern) is None


@pytest.mark.parametrize(("text", "message"), [
    ('do-not-translate-patterns = ["(a+)+b"]', "do-not-translate-patterns[1]: '(a+)+b': a repeat inside a repeat"),
    ('do-not-translate-patterns = ["(unclosed"]', "not a regular expression"),
    ('do-not-translate-patterns = ["x?"]', "matches the empty string"),
    ('do-not-translate = ["FastAPI", 3]', "do-not-translate: expected a list of strings"),
    ('do-not-translate = [" "]', "an empty term"),
    ('[accepted-english]\nxx = ["a"]', "accepted-english.xx: unknown language code"),
    ('[accepted-english]\nhi = "a"', "accepted-english.hi: expected a list of words"),
])
def test_a_bad_vocabulary_is_one_line_naming_the_key(tmp_path, text, message):
    with pytest.raises(ConfigError, match=None) as exc:
        _config(tmp_path, text)
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_a_bad_pattern_stops_the_run_with_exit_code_2(tmp_path):
    (tmp_path / "en.txt").write_text("Hello there, this is a sentence.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Hallo, das ist ein Satz.\n", encoding="utf-8")
    (tmp_path / "transcheck.toml").write_text('do-not-translate-patterns = ["(a+)+b"]\n', encoding="utf-8")
    done = transcheck("check", str(tmp_path))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "catastrophically" in done.stderr
    assert "Traceback" not in done.stderr


def test_glossary_do_not_translate_concepts_join_the_vocabulary(tmp_path):
    tbx = tmp_path / "glossary.tbx"
    tbx.write_text("""<?xml version="1.0"?>
<tbx><text><body>
<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>Starlette</term>
<termNote type="administrativeStatus">doNotTranslate</termNote></termSec></langSec></conceptEntry>
<conceptEntry id="c2"><langSec xml:lang="en"><termSec><term>request</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="de"><termSec><term>Anfrage</term></termSec></langSec></conceptEntry>
</body></text></tbx>""", encoding="utf-8")
    csv = tmp_path / "glossary.csv"
    csv.write_text("concept,en,do-not-translate\nc1,Uvicorn,yes\nc2,server,no\n", encoding="utf-8")
    for path, kept, other in ((tbx, "Starlette", "request"), (csv, "Uvicorn", "server")):
        termbase = load(str(path))
        vocabulary = Vocabulary().with_glossary(termbase)
        assert vocabulary.do_not_translate == (kept,)
        assert vocabulary.keep("hi").mask(f"{kept} {other}") == " " * len(kept) + f" {other}"


def test_the_view_offers_the_vocabulary_and_masks_it_before_identification(tmp_path):
    from transcheck.context import build_view
    from transcheck.read.file import read_document
    from transcheck.read.discover import discover

    (tmp_path / "en.md").write_text("FastAPI Pydantic Starlette Uvicorn\n", encoding="utf-8")
    (tmp_path / "hi.md").write_text("FastAPI Pydantic Starlette Uvicorn\n", encoding="utf-8")
    config = _config(tmp_path, 'do-not-translate = ["FastAPI", "Pydantic", "Starlette", "Uvicorn"]')
    spec = discover([str(tmp_path)]).groups[0]
    for settings, language in ((Settings(source="en"), "en"), (settings_from(config, "en"), None)):
        documents = [read_document(f, settings) for f in spec.files]
        view = build_view(spec.name, documents, settings)
        assert view.guesses[("hi", 0)].language == language
    assert view.vocabulary.keep("hi").only("FastAPI Pydantic Starlette Uvicorn")
    # The configuration's terms are do-not-translate concepts for the terminology rule.
    assert {c.id for c in view.termbase.concepts} >= {"do-not-translate:FastAPI"}


SOURCE_GROUP = {
    # The source has what would be findings in a translation: a repeated paragraph,
    # an invisible character, a German sentence, an English phrase, a number.
    "en.md": (
        "# Getting Started\n\n"
        "FastAPI is a modern web framework for building APIs with Python 3.9 and later.\n\n"
        "Der schnelle braune Fuchs springt über den faulen Hund und läuft weiter.\n\n"
        "Install it with pip and run the server\u200b with Uvicorn on port 8000.\n\n"
        "FastAPI is a modern web framework for building APIs with Python 3.9 and later.\n\n"
        "The Strategic Customer Success Team answers every question within one day.\n"
    ),
    "de.md": (
        "# Erste Schritte\n\n"
        "FastAPI ist ein modernes Web-Framework zum Erstellen von APIs mit Python 3.9 und neuer.\n\n"
        "Der schnelle braune Fuchs springt über den faulen Hund und läuft weiter.\n\n"
        "Installieren Sie es mit pip und starten Sie den Server mit Uvicorn auf Port 8000.\n\n"
        "FastAPI ist ein modernes Web-Framework zum Erstellen von APIs mit Python 3.9 und neuer.\n\n"
        "Das Team für strategischen Kundenerfolg beantwortet jede Frage innerhalb eines Tages.\n"
    ),
    "fr.md": (
        "# Premiers pas\n\n"
        "FastAPI est un framework web moderne pour créer des API avec Python 3.9 et plus.\n\n"
        "Le renard brun rapide saute par-dessus le chien paresseux et continue de courir.\n\n"
        "Installez-le avec pip et lancez le serveur avec Uvicorn sur le port 8000.\n\n"
        "FastAPI est un framework web moderne pour créer des API avec Python 3.9 et plus.\n\n"
        "L'équipe Strategic Customer Success répond à chaque question en un jour.\n"
    ),
    "ru.md": (
        "# Первые шаги\n\n"
        "FastAPI — современный веб-фреймворк для создания API на Python 3.9 и новее.\n\n"
        "Быстрая бурая лиса прыгает через ленивую собаку и бежит дальше.\n\n"
        "Установите его с помощью pip и запустите сервер с Uvicorn на порту 8080.\n\n"
        "FastAPI — современный веб-фреймворк для создания API на Python 3.9 и новее.\n\n"
        "Команда по стратегическому успеху клиентов отвечает на каждый вопрос за один день.\n"
    ),
}


def test_with_a_source_no_rule_reports_on_the_source(tmp_path):
    for name, text in SOURCE_GROUP.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = run([str(tmp_path)], Settings(source="en", history=False), RULES)
    source = str(tmp_path / "en.md")
    assert report.findings, "the translations have findings; the check ran"
    assert not [f for f in report.findings if f.path == source]
    # Without a source the same English file is one more translation, and is judged.
    plain = run([str(tmp_path)], Settings(history=False), RULES)
    assert [f for f in plain.findings if f.path == source]


def test_the_documented_vocabulary_example_is_a_valid_configuration(tmp_path):
    import re

    from tests.conftest import ROOT

    readme = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = readme.split("\n## Project vocabulary\n", 1)[1]
    block = re.search(r"```toml\n(.+?)\n```", section, flags=re.S).group(1)
    path = tmp_path / "pyproject.toml"
    path.write_text(block, encoding="utf-8")
    vocabulary = settings_from(load_config(str(path))).vocabulary
    assert vocabulary.do_not_translate and vocabulary.patterns and vocabulary.accepted_for("hi")


def test_the_vocabulary_travels_to_worker_processes(tmp_path):
    """Resolved once in the main process and sent with the settings: a run in two
    processes gives what a run in one gives."""
    lines = {
        "en": "FastAPI · Pydantic · Starlette · Uvicorn v0.30.1\n",
        "hi": "FastAPI · Pydantic · Starlette · Uvicorn v0.30.1\n",
        "ru": "FastAPI · Pydantic · Starlette · Uvicorn v0.30.1\n",
    }
    for page in ("a", "b", "c"):
        for lang, text in lines.items():
            (tmp_path / page).mkdir(exist_ok=True)
            (tmp_path / page / f"{lang}.md").write_text(text, encoding="utf-8")
    config = _config(tmp_path, """
do-not-translate = ["FastAPI", "Pydantic", "Starlette", "Uvicorn"]
do-not-translate-patterns = ['\\bv\\d+(\\.\\d+)*\\b']
""")
    rules = tuple(r for r in RULES if r.code in ("TC201", "TC202", "TC203"))
    bare = run([str(tmp_path)], Settings(source="en", history=False), rules, jobs=2)
    assert {f.code for f in bare.findings} == {"TC202"}
    settings = settings_from(config, "en", Settings(history=False))
    assert run([str(tmp_path)], settings, rules, jobs=2).findings == []
    assert run([str(tmp_path)], settings, rules, jobs=1).findings == []
