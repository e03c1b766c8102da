"""Keyed resource files: each format's reader, what it refuses, resource trees under
layouts, suppressions by key, coverage, and a sync checked with --changed-since."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck import formats
from transcheck.formats import FormatError


def segs(name: str, text: str):
    return formats.get(name).segment(text.split("\n"))


def table(name: str, text: str):
    return [(s.key, s.line, s.raw, s.source, s.state) for s in segs(name, text)]


def test_json_nested_flat_chrome_and_i18next_plurals():
    text = ('{\n  "menu": {"save": "Save"},\n  "flat.key": "Flat",\n  "steps": ["One", "Two"],\n'
            '  "ext": {"message": "Hi $USER$", "description": "no text"},\n'
            '  "n_one": "{{count}} item",\n  "n_other": "{{count}} items",\n  "mode_few": "x",\n  "count": 3\n}')
    assert table("json", text) == [
        ("menu.save", 2, "Save", "", ""), ("flat.key", 3, "Flat", "", ""), ("steps:0", 4, "One", "", ""),
        ("steps:1", 4, "Two", "", ""), ("ext", 5, "Hi $USER$", "", ""), ("n[one]", 6, "{{count}} item", "", ""),
        ("n[other]", 7, "{{count}} items", "", ""), ("mode_few", 8, "x", "", ""),
    ]
    save = segs("json", text)[0]
    hello = segs("json", text)[4]
    assert (save.text, hello.text, hello.code) == ("Save", "Hi", ("$USER$",))


def test_json_crowdin_structured_messages_keep_their_context_out():
    text = ('{\n  "a2": {"context": "filter button label, shows count", "string": "Filters"},\n'
            '  "types": {"string": "Text", "number": "Number"}\n}')
    assert [(s.key, s.raw) for s in segs("json", text)] == [
        ("a2", "Filters"), ("types.string", "Text"), ("types.number", "Number")]


def test_json_objects_of_plural_categories_are_plural_variants():
    # easy_localization and i18n-js nest the forms; an object with any other key is
    # no plural, whatever its "one" says.
    text = ('{"views": {"zero": "No views", "one": "{count} view", "other": "{count} views"},\n'
            ' "steps": {"one": "First", "title": "Steps"},\n "kinds": {"one": "A kind"}}')
    assert [s.key for s in segs("json", text)] == [
        "views[zero]", "views[one]", "views[other]", "steps.one", "steps.title", "kinds.one"]


def test_json_i18next_v3_plurals_key_plural_and_numbered_forms():
    # "step_1" without "step_0", and "level_0" beside a key "level", are names.
    text = ('{"file": "{{count}} file", "file_plural": "{{count}} files", "day_0": "{{count}} день",\n'
            ' "day_1": "{{count}} дня", "day_2": "{{count}} дней", "step_1": "Next", "level": "L", "level_0": "Zero"}')
    assert [s.key for s in segs("json", text)] == [
        "file[one]", "file[other]", "day[0]", "day[1]", "day[2]", "step_1", "level", "level_0"]


def test_json_keys_beginning_with_at_describe_messages():
    text = '{"tray": {"@info": "Apple is strict about the wording.", "close": "Quit"}, "@@locale": "en"}'
    assert [s.key for s in segs("json", text)] == ["tray.close"]


def test_linked_messages_show_the_linked_values():
    # vue-i18n and slang: "@:key", "@.lower:key", "@:{'key'}", links within links; a
    # link to a key the file lacks stays as written, and so does a link to itself.
    text = ('{"general": {"save": "Quick Save", "unit": "{m} min"}, "title": "@:general.save",\n'
            ' "menu": "@.lower:title and @:{\'general.unit\'}", "other": "@:missing.key", "loop": "@:loop"}')
    assert [(s.key, s.raw) for s in segs("json", text)] == [
        ("general.save", "Quick Save"), ("general.unit", "{m} min"), ("title", "Quick Save"),
        ("menu", "Quick Save and {m} min"), ("other", "@:missing.key"), ("loop", "@:loop")]
    # slang: a key's modifiers are no part of its name, a plural message links by its
    # "other" form, and a link that starts with a dot names a key beside it.
    slang = ('{"time": {"minutes(plural, param=m)": {"one": "{m} minute", "other": "{m} minutes"},\n'
             ' "hours": "{h} h", "both": "@:.hours @:time.minutes"}}')
    assert [(s.key, s.raw) for s in segs("json", slang)][-1] == ("time.both", "{h} h {m} minutes")
    yaml_text = "general:\n  save: Quick Save\ntitle: \"@:general.save\"\n"
    assert [(s.key, s.raw) for s in segs("yaml", yaml_text)] == [("general.save", "Quick Save"), ("title", "Quick Save")]


def test_arb_skips_metadata():
    assert [s.key for s in segs("arb", '{"@@locale": "de", "a": "A", "@a": {"description": "d"}}')] == ["a"]


def test_po_entries_contexts_plurals_fuzzy_and_obsolete():
    text = ('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2;\\n"\n\n# translator comment\n#, fuzzy\nmsgctxt "menu"\n'
            'msgid "Open"\nmsgstr "Öffnen"\n\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\n'
            'msgstr[1] ""\n\nmsgid "Quit"\nmsgstr ""\n\n#~ msgid "Old"\n#~ msgstr "Alt"\n')
    assert table("po", text) == [
        ("[menu] Open", 7, "Öffnen", "Open", "fuzzy"),
        ("%d file[0]", 11, "%d Datei", "%d file", ""),
        ("%d file[1]", 11, "", "%d files", "empty"),
        ("Quit", 16, "", "Quit", "empty"),
    ]
    assert [s.raw for s in segs("pot", text)] == ["Open", "%d file", "%d files", "Quit"]


def test_xliff_12_and_20():
    v12 = ('<?xml version="1.0"?>\n<xliff version="1.2"><file original="a" source-language="en"><body>\n'
           '<trans-unit id="t1"><source>Hello <g id="1">world</g></source>\n'
           '<target state="needs-review-translation">Hallo <g id="1">Welt</g></target></trans-unit>\n'
           '<trans-unit id="t2" translate="no"><source>X</source></trans-unit>\n'
           '<trans-unit id="t3"><source>Bye &amp; thanks</source></trans-unit>\n</body></file></xliff>')
    assert table("xliff", v12) == [
        ("t1", 4, 'Hallo <g id="1">Welt</g>', 'Hello <g id="1">world</g>', "fuzzy"),
        ("t3", 6, "", "Bye & thanks", "empty"),
    ]
    v20 = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">\n'
           '<file id="f"><unit id="u"><segment state="final"><source>Save</source>\n'
           '<target>Enregistrer</target></segment></unit></file></xliff>')
    assert table("xliff", v20) == [("u", 3, "Enregistrer", "Save", "")]


def test_xliff_source_file_and_inline_attributes():
    # Angular's messages.xlf names no target language and has no target: its sources
    # are its values. equiv-text describes an inline element for tools; its braces and
    # its ">" are no text and no placeholder of the message.
    source = ('<xliff version="1.2"><file source-language="en-US" datatype="plaintext"><body>\n'
              '<trans-unit id="a"><source>Export <x id="INTERPOLATION" equiv-text="{{ n &gt; 1 }}"/> now</source>'
              '</trans-unit>\n</body></file></xliff>')
    assert table("xliff", source) == [("a", 2, 'Export <x id="INTERPOLATION"/> now',
                                       'Export <x id="INTERPOLATION"/> now', "")]
    [seg] = segs("xliff", source)
    from transcheck.formats.placeholders import parse

    assert (seg.text, [t.name for t in parse(seg.raw).tokens]) == ("Export now", ["<x/>"])
    # A translation file without a target language still has its empty units empty.
    translation = source.replace("</source></trans-unit>\n</body>",
                                 "</source></trans-unit>\n<trans-unit id=\"b\"><source>Bye</source>"
                                 "<target>Tschüss</target></trans-unit>\n</body>")
    assert [(k, v, state) for k, _, v, _, state in table("xliff", translation)] == [
        ("a", "", "empty"), ("b", "Tschüss", "")]


def test_yaml_rails_root_plurals_and_sequences():
    text = 'de:\n  greet: "Hallo %{name}"\n  apples:\n    one: Ein Apfel\n    other: "%{count} Äpfel"\n  days: [Mo, Di]\n  n: 3'
    assert [(s.key, s.line, s.raw) for s in segs("yaml", text)] == [
        ("greet", 2, "Hallo %{name}"), ("apples[one]", 4, "Ein Apfel"), ("apples[other]", 5, "%{count} Äpfel"),
        ("days:0", 6, "Mo"), ("days:1", 6, "Di"),
    ]


def test_properties_continuations_escapes_and_separators():
    text = "# c\n! c\na.b = Hello \\\n    world\nc:caf\\u00e9\nd\\=e value\nempty="
    assert [(s.key, s.line, s.end_line, s.raw, s.state) for s in segs("properties", text)] == [
        ("a.b", 3, 4, "Hello world", ""), ("c", 5, 5, "café", ""), ("d=e", 6, 6, "value", ""),
        ("empty", 7, 7, "", "empty"),
    ]
    # MessageFormat's doubled apostrophe is one apostrophe: no quotation mark to balance
    assert [s.text for s in segs("properties", "UserId=Identifiant de l''utilisateur\n")] == [
        "Identifiant de l'utilisateur"]


def test_android_strings_plurals_arrays_and_escapes():
    text = ('<?xml version="1.0" encoding="utf-8"?>\n<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">\n'
            '  <string name="a">Don\\\'t <b>stop</b></string>\n  <string name="b" translatable="false">X</string>\n'
            '  <string name="c">"  spaced  "</string>\n  <plurals name="p">\n    <item quantity="one">%d song</item>\n'
            '    <item quantity="other">%d songs</item>\n  </plurals>\n  <string-array name="s">\n'
            '    <item>First</item>\n  </string-array>\n  <string name="g">Hi <xliff:g id="n">%s</xliff:g></string>\n'
            '</resources>')
    assert [(s.key, s.line, s.raw) for s in segs("android", text)] == [
        ("a", 3, "Don't <b>stop</b>"), ("c", 5, "  spaced  "), ("p[one]", 7, "%d song"), ("p[other]", 8, "%d songs"),
        ("s:0", 11, "First"), ("g", 13, 'Hi <xliff:g id="n">%s</xliff:g>'),
    ]
    assert segs("android", "<LinearLayout/>") == ()  # a layout file holds no messages


def test_apple_strings_and_stringsdict():
    text = '/* c */\n"a" = "Say \\"hi\\"\\n";\n// c\nb = "B";\n"c";'
    assert [(s.key, s.line, s.raw) for s in segs("strings", text)] == [("a", 2, 'Say "hi"\n'), ("b", 4, "B"), ("c", 5, "c")]
    plist = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
             '<plist version="1.0"><dict>\n<key>files</key><dict>\n'
             '<key>NSStringLocalizedFormatKey</key><string>%#@n@</string>\n<key>n</key><dict>\n'
             '<key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string>\n'
             '<key>one</key><string>%d file</string>\n<key>other</key><string>%d files</string>\n'
             '</dict></dict>\n</dict></plist>')
    assert [(s.key, s.raw) for s in segs("stringsdict", plist)] == [
        ("files", "%#@n@"), ("files[one]", "%d file"), ("files[other]", "%d files")]


@pytest.mark.parametrize(("name", "text", "fragment"), [
    ("json", '{"a": "b",\n}', "line 2: expected a quoted key"),
    ("json", "[" * 100 + "]" * 100, "nested deeper than 64 levels"),
    ("json", '{"a": "b"} x', "text after the end"),
    ("android", '<!DOCTYPE r [<!ENTITY a "aaaa">]>\n<resources><string name="x">&a;</string></resources>',
     "refused"),
    ("xliff", '<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "http://example.org/x.dtd" [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff/>',
     "refused"),
    ("android", "<resources><string name='a'>x</resources>", "not well-formed XML: line 1"),
    ("yaml", "a: [b", "not valid YAML"),
    ("strings", '"a" = "b"', "expected ';'"),
    ("po", 'msgid "a"\nfoo bar\n', "Syntax error"),
])
def test_bad_input_is_one_line_problem(name, text, fragment):
    with pytest.raises(FormatError) as err:
        segs(name, text)
    assert fragment in str(err.value) and "\n" not in str(err.value)


def test_yaml_aliases_cost_what_the_file_holds():
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    assert len(segs("yaml", text)) == 10


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "transcheck", *args], capture_output=True, text=True,
                          cwd=cwd, encoding="utf-8")


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_broken_file_is_exit_2_with_one_line(tmp_path):
    write(tmp_path, {"en.json": '{"a": "Open"}', "de.json": '{"a": "Öffnen",}'})
    done = run("check", str(tmp_path), "--source", "en", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert [line for line in done.stderr.splitlines() if "de.json" in line] == [
        f"transcheck: {tmp_path / 'de.json'}: line 1: expected a quoted key"]


ANDROID = '<resources>\n  <string name="greet">Hello %1$s</string>\n</resources>\n'


@pytest.mark.parametrize(("layout", "files", "languages"), [
    ("app/res/values-{lang}/strings.xml",
     {"app/res/values/strings.xml": ANDROID, "app/res/values-pt-rBR/strings.xml": ANDROID.replace("Hello", "Olá"),
      "app/res/values-night/strings.xml": ANDROID, "app/res/values-de/strings.xml": ANDROID.replace("Hello", "Hallo")},
     ["de", "en", "pt-BR"]),
    ("App/{lang}.lproj/Localizable.strings",
     {"App/en.lproj/Localizable.strings": '"a" = "Open";\n', "App/fr.lproj/Localizable.strings": '"a" = "Ouvrir";\n',
      "App/Base.lproj/Localizable.strings": '"a" = "Open";\n'}, ["en", "fr"]),
    ("src/messages_{lang}.properties",
     {"src/messages.properties": "a=Open\n", "src/messages_it.properties": "a=Apri\n"}, ["en", "it"]),
    # "*" before "_{lang}" leaves a code its region: messages_pt_BR is Brazilian, not Breton
    ("src/*_{lang}.properties",
     {"src/messages.properties": "a=Open\n", "src/messages_pt_BR.properties": "a=Abrir\n",
      "src/messages_sv_SE.properties": "a=Öppna\n", "src/messages_it.properties": "a=Apri\n"},
     ["en", "it", "pt-BR", "sv-SE"]),
    ("src/locales/{lang}.json", {"src/locales/en.json": '{"a": "Open"}', "src/locales/sv.json": '{"a": "Öppna"}',
                                 "src/locales/README.md": "# Locales\n"}, ["en", "sv"]),
])
def test_resource_trees_under_a_layout(tmp_path, layout, files, languages):
    write(tmp_path, files)
    done = run("check", "--layout", layout, "--source", "en", "--format", "json", cwd=tmp_path)
    report = json.loads(done.stdout)
    assert sorted(d["language"] for d in report["documents"]) == languages, done.stderr
    assert len({d["group"] for d in report["documents"]}) == 1


def test_po_tree_with_its_template_as_the_source(tmp_path):
    pot = 'msgid ""\nmsgstr ""\n\nmsgid "Open the file"\nmsgstr ""\n'
    write(tmp_path, {"locale/app.pot": pot,
                     "locale/de/LC_MESSAGES/app.po": pot.replace('msgstr ""\n', 'msgstr "Datei öffnen"\n', 2)[::1],
                     "transcheck.toml": 'source = "en"\nlayout = [{ source = "locale/*.pot", '
                                        'translation = "locale/{lang}/LC_MESSAGES/*.po" }]\n'})
    done = run("check", "--format", "json", cwd=tmp_path)
    report = json.loads(done.stdout)
    assert sorted((d["language"], d["path"]) for d in report["documents"]) == [
        ("de", "locale/de/LC_MESSAGES/app.po"), ("en", "locale/app.pot")], done.stderr


def test_a_suppression_names_a_key_and_an_inline_comment_precedes_it(tmp_path):
    from transcheck.config.file import load_config
    from transcheck.config.plan import settings_from
    from transcheck.decide.judge import policy_from
    from transcheck.rules.registry import BY_CODE
    from transcheck.runner import run as run_checks

    src = '{\n  "open": "Open file {{name}}",\n  "save": "Save {{name}}"\n}\n'
    write(tmp_path / "t", {"en.json": src, "fr.json": src.replace("{{name}}", "{{nom}}"),
                           "po/de.po": 'msgid ""\nmsgstr ""\n\n# transcheck: ignore TC702; the name is given\n'
                                    'msgid "Open %s"\nmsgstr "Öffnen"\n'})
    (tmp_path / "transcheck.toml").write_text(
        '[[suppress]]\nkey = "open"\nrule = "TC702"\npath = "t/fr.json"\njustification = "renamed in code"\n')
    config = load_config(str(tmp_path / "transcheck.toml"))
    report = run_checks([str(tmp_path / "t")], settings_from(config, "en"), (BY_CODE["TC702"],),
                        policy=policy_from(config))
    assert [(f.resource_key, f.line) for f in report.findings] == [("save", 3)]
    assert sorted(s.finding.resource_key for s in report.suppressed_findings) == ["Open %s", "open"]


def test_coverage_in_the_status(tmp_path):
    write(tmp_path, {"en.json": '{"a": "A", "b": "B", "c": "C", "n_one": "1", "n_other": "n"}',
                     "de.json": '{"a": "A-de", "b": "", "n_other": "n"}'})
    done = run("check", str(tmp_path), "--source", "en", "--format", "json", cwd=tmp_path)
    status = json.loads(done.stdout)["pages"][0]["status"]
    assert {"language": "de", "state": "present", "keys": 4, "translated": 2, "fuzzy": 0} in status


def git(root: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


def test_a_sync_reports_only_what_it_introduced(tmp_path):
    """A translation sync that rewrites one key's value: only that key's defect is in
    scope, on its line; the defect the file already had stays out."""
    en = {f"k{i}": f"Message number {i} about {{{{item}}}}" for i in range(50)}
    de = {k: v.replace("Message number", "Nachricht Nummer") for k, v in en.items()}
    de["k3"] = "Nachricht Nummer 3 ohne Platzhalter"  # old defect
    write(tmp_path, {"en.json": json.dumps(en, indent=2), "de.json": json.dumps(de, indent=2)})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    de["k40"] = "Nachricht Nummer 40 über {{gegenstand}}"  # new defect
    de["k41"] = "Nachricht Nummer 41 über {{item}}!"
    (tmp_path / "de.json").write_text(json.dumps(de, indent=2), encoding="utf-8")
    done = run("check", ".", "--source", "en", "--select", "TC702", "--changed-since", "HEAD", "--format", "json",
               cwd=tmp_path)
    found = [(os.path.normpath(f["path"]), f["line"], f["message"].split("]")[0])
             for f in json.loads(done.stdout)["findings"]]
    assert found == [("de.json", 42, "[k40")], done.stderr
    # The terminal report lists the changed keys; a value matched by key has no chrF.
    text = run("check", ".", "--source", "en", "--select", "TC702", "--changed-since", "HEAD", cwd=tmp_path)
    assert text.returncode == 1, text.stderr
    assert "changed since HEAD: 2 segments" in text.stdout
    assert "de.json:42  modified" in text.stdout and "de.json:43  modified" in text.stdout


def test_the_plural_table_is_what_babels_cldr_says():
    pytest.importorskip("babel")
    from tools.cldr_plurals import main

    assert main(["--check"]) == 0


def test_plural_categories_by_language_tag():
    from transcheck.rules.plural_forms import categories

    assert categories("ru")[1] == ("one", "few", "many")
    assert categories("pt-BR")[0] == ("one", "many", "other")
    assert categories("ja") == (("other",), ("other",))
    assert categories("xx") is None


def test_a_finding_names_its_rows_key_on_a_line_of_several_keys(tmp_path):
    write(tmp_path, {"en.json": '{"a": "Wait 30 seconds", "b": "45 minutes"}',
                     **{f"{lang}.json": '{"a": "Warte 30 Sekunden", "b": "45 Minuten"}' for lang in ("de", "fr", "sv")},
                     "pt.json": '{"a": "Aguarde 30 segundos", "b": "48 minutos"}'})
    done = run("check", str(tmp_path), "--source", "en", "--select", "TC401", "--format", "json", cwd=tmp_path)
    assert [(f["key"], f["line"]) for f in json.loads(done.stdout)["findings"]] == [("b", 1)]


def test_a_sync_that_makes_an_untouched_key_inconsistent_reports_it(tmp_path):
    """TC505 names the key whose value differs from the file's usual one; when the sync
    added the usual one, the finding is on an untouched key, and its related location
    (the key the sync touched) puts it in scope."""
    en = {"a": "Close", "b": "Close", "c": "Close", "d": "Open the file"}
    peers = {"fr": "Fermer", "sv": "Stäng", "it": "Chiudi"}
    files = {"en.json": json.dumps(en, indent=2)}
    for lang, word in peers.items():
        files[f"{lang}.json"] = json.dumps({k: word for k in "abc"} | {"d": "x"}, indent=2)
    files["de.json"] = json.dumps({"a": "Schließen", "d": "Datei öffnen"}, indent=2)
    write(tmp_path, files)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    (tmp_path / "de.json").write_text(json.dumps(
        {"a": "Schließen", "b": "Beenden", "c": "Beenden", "d": "Datei öffnen"}, indent=2), encoding="utf-8")
    done = run("check", ".", "--source", "en", "--select", "TC505", "--changed-since", "HEAD", "--format", "json",
               cwd=tmp_path)
    found = [(f["key"], f["line"]) for f in json.loads(done.stdout)["findings"]]
    assert found == [("a", 2)], done.stderr


def test_a_properties_file_in_iso_8859_1_is_read_as_java_reads_it(tmp_path):
    write(tmp_path, {"src/messages.properties": "a=Open the side panel\n"})
    (tmp_path / "src" / "messages_fr.properties").write_bytes("a=Ouvrir le panneau latéral\n".encode("latin-1"))
    done = run("check", "--layout", "src/messages_{lang}.properties", "--source", "en", "--format", "json",
               cwd=tmp_path)
    report = json.loads(done.stdout)
    assert done.returncode in (0, 1) and not report["problems"], done.stderr
    assert sorted(d["language"] for d in report["documents"]) == ["en", "fr"]


def test_a_plural_finding_names_the_same_variant_whatever_the_keys_order(tmp_path):
    en = '{"files_one": "{{count}} file", "files_other": "{{count}} files"}\n'
    found = []
    for ru in ('{"files_one": "{{count}} файл", "files_other": "{{count}} файлов"}\n',
               '{"files_other": "{{count}} файлов", "files_one": "{{count}} файл"}\n'):
        write(tmp_path, {"en.json": en, "ru.json": ru})
        report = json.loads(run("check", ".", "--source", "en", "--select", "TC704", "-f", "json",
                                cwd=tmp_path).stdout)
        found.append([(f["message"], f["fingerprint"]) for f in report["findings"]])
    assert found[0] == found[1] and "[files[one]] plural forms missing for Russian: few, many" in found[0][0][0]


def test_inconsistent_translation_raised_by_a_team_warns_for_two_wordings_not_for_a_words_other_form(tmp_path):
    """TC505 is info; a project that keeps one term per source raises it, and a
    phrase's two wordings become warnings while a word's other form stays info."""
    from transcheck import api

    values = {"en": ("Save changes", "Save changes", "Copy the link", "Copy the link"),
              "de": ("Änderungen speichern", "Änderungen übernehmen", "Link kopieren", "Link kopiert"),
              "fr": ("Enregistrer les modifications",) * 2 + ("Copier le lien",) * 2,
              "sv": ("Spara ändringar",) * 2 + ("Kopiera länken",) * 2,
              "it": ("Salva modifiche",) * 2 + ("Copia il link",) * 2}
    keys = ("dialog.save", "upload.save", "doc.copy", "menu.copy")
    for lang, texts in values.items():
        (tmp_path / f"{lang}.json").write_text(json.dumps(dict(zip(keys, texts)), ensure_ascii=False), "utf-8")
    shown = {(f.key.split("\0")[0], f.severity.value)
             for f in api.check([str(tmp_path)], source="en", select=["TC505"]).findings}
    assert shown == {("upload.save", "info"), ("menu.copy", "info")}
    (tmp_path / "transcheck.toml").write_text('[severity]\nTC505 = "warning"\n', "utf-8")
    shown = {(f.key.split("\0")[0], f.severity.value)
             for f in api.check([str(tmp_path)], source="en", select=["TC505"]).findings}
    assert shown == {("upload.save", "warning"), ("menu.copy", "info")}


def test_crowdin_in_context_pseudo_language_is_skipped_not_checked(tmp_path):
    # Crowdin's in-context editing ships a pseudo-language whose every value is a marker.
    write(tmp_path, {"en.json": '{"a": "Delete {{title}}?", "b": "Save"}\n',
                     "de.json": '{"a": "{{title}} löschen?", "b": "Speichern"}\n',
                     "xh.json": '{"a": "crwdns2870:0{{title}}crwdne2870:0", "b": "crwdns2871:0crwdne2871:0"}\n'})
    done = run("check", ".", "--source", "en", "--format", "json", cwd=tmp_path)
    report = json.loads(done.stdout)
    assert done.returncode == 0 and not report["findings"], done.stdout
    assert [(Path(p["path"]).name, p["message"]) for p in report["problems"]] == [
        ("xh.json", "Crowdin in-context markers (crwdns…), not a translation; skipped")]
    assert sorted(d["language"] for d in report["documents"]) == ["de", "en"]


def test_a_strings_file_without_a_semicolon_is_placed_on_the_value_in_annotations(tmp_path):
    # The missing ";" is after line 1's value, not on line 2 where the next entry starts.
    for lang, text in (("en", '"a" = "Open";\n"b" = "Close";\n'), ("de", '"a" = "Öffnen"\n"b" = "Schließen";\n')):
        (tmp_path / f"{lang}.lproj").mkdir()
        (tmp_path / f"{lang}.lproj" / "Localizable.strings").write_text(text, encoding="utf-8")
    result = run("check", ".", "--source", "en", "-f", "github", cwd=tmp_path)
    assert result.returncode == 2
    assert ("::error file=de.lproj/Localizable.strings,line=1,title=transcheck%3A input::"
            "line 1: expected ';' after the value") in result.stdout.splitlines()
    sarif = json.loads(run("check", ".", "--source", "en", "-f", "sarif", cwd=tmp_path).stdout)
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
