"""A paragraph a translation split in two, and a partial translation whose split-off
part shares code with a question it never reached: one place for each, told once."""

from __future__ import annotations

from transcheck.api import check

TOPICS = [("loops", "Schleifen"), ("equality", "Gleichheit"), ("closures", "Closures"), ("promises", "Promises"),
          ("classes", "Klassen"), ("generators", "Generatoren"), ("strict mode", "strikten Modus"), ("sets", "Sets"),
          ("maps", "Maps"), ("symbols", "Symbole"), ("proxies", "Proxies"), ("modules", "Module")]
EN_EQUALITY = ("\nWith `==`, the engine converts both values before it compares them, so the two are equal here.\n\n"
               "However, with `===` the engine compares the type as well, and a number and an object are never equal.\n")
# The second English paragraph in two German ones.
DE_EQUALITY = ("\nMit `==` wandelt die Engine beide Werte um, bevor sie sie vergleicht, daher sind die beiden hier gleich.\n\n"
               "Mit `===` dagegen vergleicht die Engine auch den Typ.\n\n"
               "Eine Zahl und ein Objekt sind deshalb mit `===` niemals gleich.\n")


def _quiz(tmp_path, translated: int) -> None:
    en, de = [], []
    for i, (topic, thema) in enumerate(TOPICS, start=1):
        en.append(f"###### {i}. What's the output of the {topic} example?\n\n```js\nconsole.log({i}, '{topic}');\n```\n\n"
                  "#### Answer: B\n")
        de.append(f"###### {i}. Was ist die Ausgabe des Beispiels zu {thema}?\n\n```js\nconsole.log({i}, '{topic}');\n"
                  "```\n\n#### Antwort: B\n")
    en[1] += EN_EQUALITY
    de[1] += DE_EQUALITY
    # A later answer uses `===` too: the German never got that far.
    en[8] += "\nObjects are compared by reference: `===` returns true only when both names point at one object.\n"
    de[8] += "\nObjekte werden per Referenz verglichen: `===` ist nur wahr, wenn beide Namen auf ein Objekt zeigen.\n"
    (tmp_path / "README.md").write_text("# JavaScript Questions\n\n" + "\n---\n\n".join(en), encoding="utf-8")
    (tmp_path / "README-de.md").write_text("# JavaScript-Fragen\n\n" + "\n---\n\n".join(de[:translated]),
                                           encoding="utf-8")


def _found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = check(["."], source="en", layout=["README-{lang}.md"], history=False)
    return [(f.code, f.line, f.severity.value) for f in report.findings if f.severity.value != "info"]


def test_a_paragraph_split_in_two_is_neither_extra_nor_missing(tmp_path, monkeypatch):
    _quiz(tmp_path, len(TOPICS))
    assert _found(tmp_path, monkeypatch) == []


def test_a_partial_translation_stops_where_it_stops(tmp_path, monkeypatch):
    _quiz(tmp_path, 4)
    # Not at the split-off paragraph (line 25), which shares `===` with question 9.
    assert _found(tmp_path, monkeypatch) == [("TC307", 45, "error")]
