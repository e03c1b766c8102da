"""JSON catalogues as a whole: a catalogue under its language's code, and findings on
minified files (every value on one line) naming the key they are about."""

from __future__ import annotations

import json

import pytest

from tests.test_keyed import run, segs, write


@pytest.mark.parametrize("text, keys", [
    ('{"de": {"menu": {"open": "Öffnen", "close": "Schließen"}}}', ["menu.open", "menu.close"]),
    ('{\n  "en-US": {\n    "menu": {"open": "Open"}\n  }\n}', ["menu.open"]),
    ('{"pt_BR": {"steps": ["Um", "Dois"], "n_one": "um", "n_other": "vários"}}',
     ["steps:0", "steps:1", "n[one]", "n[other]"]),
    # Not a language, or not the only key: the names are the file's.
    ('{"app": {"title": "Title"}}', ["app.title"]),
    ('{"de": {"title": "Titel"}, "version": 3}', ["de.title"]),
    # Chrome's messages.json: a message named "de", its text under "message".
    ('{"de": {"message": "Deutsch", "description": "the language"}}', ["de"]),
])
def test_a_catalogue_under_its_language_code_is_read_below_it(text, keys):
    assert [s.key for s in segs("json", text)] == keys


def findings(tmp_path, files, *args):
    write(tmp_path, files)
    done = run("check", str(tmp_path), "--source", "en", "--format", "json", *args, cwd=tmp_path)
    return [(f["path"].rsplit("/", 1)[-1], f["code"], f.get("key"), f["message"])
            for f in json.loads(done.stdout)["findings"]]


def test_keys_under_each_language_code_align(tmp_path):
    def catalogue(lang, open_):
        return json.dumps({lang: {"menu": {"open": open_, "close": "x"}}}, ensure_ascii=False)

    found = findings(tmp_path, {"en.json": catalogue("en", "Open {name}"), "de.json": catalogue("de", "Öffnen"),
                                "fr.json": catalogue("fr", "Ouvrir {name}")}, "--select", "TC702")
    assert found == [("de.json", "TC702", "menu.open", "[menu.open] placeholder missing: {name}; en, fr have {name}")]


def test_a_single_key_that_is_no_language_stays_in_the_names(tmp_path):
    def catalogue(open_):
        return json.dumps({"app": {"menu": {"open": open_, "close": "x"}}}, ensure_ascii=False)

    found = findings(tmp_path, {"en.json": catalogue("Open {name}"), "de.json": catalogue("Öffnen"),
                                "fr.json": catalogue("Ouvrir {name}")}, "--select", "TC702")
    assert [(f[0], f[2]) for f in found] == [("de.json", "app.menu.open")]


def minified(b: str) -> str:
    return json.dumps({"a": "Open the file", "b": b, "c": "Close the window"}, ensure_ascii=False,
                      separators=(",", ":"))


def test_a_finding_on_a_minified_file_names_the_key_of_its_value(tmp_path):
    found = findings(tmp_path, {
        "en.json": minified('Save {count} files as "{name}"'),
        "de.json": minified("Speichere {count} Dateien als „{name}\""),  # mixed quotation marks
        "fr.json": minified("Enregistrer les fichiers"),  # both placeholders missing
    }, "--select", "TC601,TC702")
    assert sorted((path, code, key) for path, code, key, _ in found) == [
        ("de.json", "TC601", "b"), ("fr.json", "TC702", "b")]


def test_an_invisible_character_on_a_minified_line_names_the_value_holding_it(tmp_path):
    files = {"en.json": minified("Save the file"), "de.json": minified("Datei\u200b speichern")}
    assert [(f[0], f[2]) for f in findings(tmp_path, files, "--select", "TC701")] == [("de.json", "b")]
    # In two values of the line: which one the finding is about is not known, and no
    # neighbour's key is named instead.
    files["de.json"] = json.dumps({"a": "Öffnen\u200b", "b": "Datei\u200b speichern", "c": "Schließen"},
                                  ensure_ascii=False, separators=(",", ":"))
    assert [(f[0], f[2]) for f in findings(tmp_path, files, "--select", "TC701")] == [("de.json", None)]


def test_a_value_that_ends_on_the_next_keys_line_leaves_that_line_to_the_next_key(tmp_path):
    files = {"en.yml": "a: |\n  Save\n  the file\nb: Close\n",
             "de.yml": "a: |\n  Datei\n  speichern\nb: Schlie\u200bßen\n"}
    assert [(f[0], f[2]) for f in findings(tmp_path, files, "--select", "TC701")] == [("de.yml", "b")]


def test_a_key_named_message_in_a_flat_catalogue_is_one_message_of_many():
    # vue-i18n's flat catalogue with a "message" entry: the file is no Chrome message.
    text = '{\n  "message": "Message",\n  "save": "Save",\n  "cloneOf": "Clone of {0}"\n}'
    assert [s.key for s in segs("json", text)] == ["message", "save", "cloneOf"]


def test_an_object_with_text_beside_its_message_keeps_every_text():
    text = '{"issues": {"tag": {"message": "Bad tag", "tip": "Fix the tag", "title": "Tag"}}}'
    assert [s.key for s in segs("json", text)] == ["issues.tag.message", "issues.tag.tip", "issues.tag.title"]
    # A FormatJS extract's message object is one message: its description is no text.
    extract = '{"greet": {"defaultMessage": "Hello", "description": "on the home page", "id": "greet"}}'
    assert [(s.key, s.raw) for s in segs("json", extract)] == [("greet", "Hello")]
