"""What the alignment tells the rules and the reports: each row's confidence in the JSON
report, doubtful cells kept out of the comparisons, a repeated paragraph as a repeat,
progress for one long document, and one large group checked in several processes."""

from __future__ import annotations

import io
import json
from pathlib import Path

from tests.cli import transcheck
from tests.conftest import CORPUS
from transcheck.api import check

GUIDE = {
    "en.md": """# Getting started with Osprey

Osprey is a static site generator written in Go that turns a folder of Markdown files into a website.

## Install

Download the release for your system and put the `osprey` binary on your PATH.

Version 2.4 needs 512 MB of memory and 3 GB of disk space for a site of 10,000 pages.

## Preview

Run `osprey serve` and open the address it prints to see the site while you edit it.

The preview reloads the page in the browser each time you save a file.
""",
    "de.md": """# Erste Schritte mit Osprey

Osprey ist ein in Go geschriebener Generator für statische Websites, der einen Ordner mit Markdown-Dateien in eine Website verwandelt.

## Installation

Laden Sie die Version für Ihr System herunter und legen Sie das Programm `osprey` in Ihren PATH.

Version 2.4 braucht 512 MB Arbeitsspeicher und 3 GB Speicherplatz für eine Website mit 10.000 Seiten.

## Vorschau

Führen Sie `osprey serve` aus und öffnen Sie die ausgegebene Adresse, um die Website beim Bearbeiten zu sehen.

Die Vorschau lädt die Seite im Browser bei jedem Speichern einer Datei neu.
""",
    "fr.md": """# Premiers pas avec Osprey

Osprey est un générateur de sites statiques écrit en Go qui transforme un dossier de fichiers Markdown en site web.

## Installation

Téléchargez la version pour votre système et placez le programme `osprey` dans votre PATH.

La version 2.4 demande 512 Mo de mémoire et 8 Go d'espace disque pour un site de 10 000 pages.

## Aperçu

Lancez `osprey serve` et ouvrez l'adresse affichée pour voir le site pendant que vous le modifiez.

L'aperçu recharge la page dans le navigateur chaque fois que vous enregistrez un fichier.
""",
}


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_json_report_gives_each_rows_confidence(tmp_path):
    _write(tmp_path, GUIDE)
    result = transcheck("check", str(tmp_path), "--source", "en", "-f", "json")
    group = json.loads(result.stdout)["alignment"][0]
    assert len(group["confidence"]) == len(group["rows"]) == 8
    for row, sure in zip(group["rows"], group["confidence"]):
        assert set(sure) == set(row) == {"de", "en", "fr"}
        assert all(0.0 <= value <= 1.0 for value in sure.values())
        assert sure["en"] == 1.0  # the source is every row's reference
    # Every cell of these three complete documents is aligned with confidence.
    assert min(v for sure in group["confidence"] for v in sure.values()) >= 0.5


def test_a_number_rule_leaves_a_doubtful_row_alone(tmp_path, monkeypatch):
    """A cell aligned with low confidence may belong to another row: its numbers are
    no evidence, even where they differ from the row's (3 GB against 8 Go)."""
    from transcheck.align import confidence

    _write(tmp_path, GUIDE)
    # A number replaced by an unrelated one is a lead (TC403), reported when selected.
    found = check([str(tmp_path)], source="en", select=["TC401", "TC403"])
    assert [(Path(f.path).name, f.line) for f in found.findings] == [("fr.md", 9)]

    of_rows = confidence.of_rows

    def doubtful_fr(rows, aligner, texts, source):
        sure = of_rows(rows, aligner, texts, source)
        for r, row in enumerate(rows):
            if 4 in row.get("fr", ()):  # the segment of line 9
                sure[r]["fr"] = 0.3
        return sure

    monkeypatch.setattr(confidence, "of_rows", doubtful_fr)
    report = check([str(tmp_path)], source="en", select=["TC401", "TC403"])
    assert report.findings == []
    result = transcheck("check", str(tmp_path), "--source", "en", "-f", "json", "--select", "TC401")
    group = json.loads(result.stdout)["alignment"][0]
    assert [sure["fr"] for sure in group["confidence"]].count(0.3) == 1


def test_a_paragraph_repeated_next_to_itself_is_a_repeat_not_an_extra_segment(tmp_path):
    """The German page repeats a paragraph right after itself, and the Spanish one
    lacks two paragraphs: one repeat in German, two missing paragraphs in Spanish,
    nothing extra."""
    import tomllib

    cases = tomllib.loads((Path(__file__).parent / "cases" / "TC307.toml").read_text(encoding="utf-8"))
    files = dict(next(c for c in cases["case"] if c["name"].startswith("a translation with a few gaps"))["files"])
    line = "Jede Seite liegt im Ordner `content`, und ihr Pfad dort wird zu ihrer Adresse auf der Website.\n"
    files["de.md"] = files["de.md"].replace(line, line + "\n" + line)
    _write(tmp_path, files)
    for source in ("en", None):
        options = {"source": source} if source else {}
        found = check([str(tmp_path)], select=["TC101", "TC301", "TC302"], **options).findings
        got = [(f.code, Path(f.path).name, f.line) for f in found]
        assert ("TC101", "de.md", 17) in got and [f.message for f in found if f.code == "TC101"] == [
            "line 17 repeats line 15 (1 segment)"]
        assert [g for g in got if g[0] == "TC302"] == []
        assert ("TC301", "es.md", 15) in got  # the paragraph German repeats is missing here


def _long_document(root: Path, lines: int) -> None:
    for lang in ("it", "ru", "sv"):
        text = [ln for ln in (CORPUS / f"{lang}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
        body = [f"{text[k % len(text)]} ({k})" for k in range(lines)]
        (root / f"guide.{lang}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")


class Clock:
    """Time that moves on by ``step`` seconds each time it is read."""

    def __init__(self, step: float):
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_progress_on_a_piped_stderr_follows_one_long_document(tmp_path):
    from transcheck.progress import ProgressLog

    _long_document(tmp_path, 60)
    # Each step of the run takes 6 s: a line every other step, the first after 10 s.
    stream = io.StringIO()
    log = ProgressLog(stream, clock=Clock(6.0))
    check([str(tmp_path)], progress=log)
    lines = stream.getvalue().splitlines()
    assert all(line.startswith("transcheck: ") and line.endswith(" s") for line in lines)
    assert len(lines) >= 3 and len(lines) <= log.clock.now / log.interval
    # Every step inside the one group is heard: the documents aligned, then the rules.
    stream = io.StringIO()
    check([str(tmp_path)], progress=ProgressLog(stream, clock=Clock(11.0)))
    lines = stream.getvalue().splitlines()
    assert any("aligned" in line and "(2 of 2)" in line for line in lines), lines
    assert any(": rules (" in line for line in lines), lines
    assert lines[-1].startswith("transcheck: 1 of 1 group checked")


def test_a_short_run_prints_no_progress(tmp_path):
    from transcheck.progress import ProgressLog

    _long_document(tmp_path, 60)
    stream = io.StringIO()
    check([str(tmp_path)], progress=ProgressLog(stream, clock=Clock(0.01)))
    assert stream.getvalue() == ""
    result = transcheck("check", str(tmp_path))
    assert result.stderr == ""


def test_one_large_group_in_two_processes_gives_the_same_report(tmp_path, monkeypatch):
    from transcheck import group_jobs

    _long_document(tmp_path, 120)
    text = (tmp_path / "guide.sv.txt").read_text(encoding="utf-8").split("\n\n")
    del text[40]  # a dropped paragraph
    text[70] = text[70].replace("(70)", "(71)")  # a number that differs
    (tmp_path / "guide.sv.txt").write_text("\n\n".join(text), encoding="utf-8")
    monkeypatch.setattr(group_jobs, "LARGE", 100)
    used = []
    run_rules = group_jobs.run_rules
    monkeypatch.setattr(group_jobs, "run_rules", lambda *a, **k: used.append(1) or run_rules(*a, **k))
    serial = transcheck("check", str(tmp_path), "-f", "json", "--jobs", "1")
    parallel = transcheck("check", str(tmp_path), "-f", "json", "--jobs", "2")
    assert used, "the group's rules did not run in worker processes"
    assert serial.returncode == parallel.returncode == 1, serial.stderr
    assert parallel.stdout == serial.stdout
    codes = {f["code"] for f in json.loads(serial.stdout)["findings"]}
    assert {"TC301", "TC401"} <= codes


def test_numbered_questions_hold_their_answers_in_place(tmp_path):
    """A quiz whose questions are numbered "Q12." in English and "F12." in German, each
    with the same four answers in another order: the German page leaves out questions
    12 to 15. The numbers place the questions, so the gap is one finding, not answers
    paired across questions with gaps everywhere."""
    answers = [("By using the `fieldsets` attribute", "Mit dem Attribut `fieldsets`"),
               ("By using the `list_display` attribute", "Mit dem Attribut `list_display`"),
               ("By overriding the `save()` method", "Durch Überschreiben der Methode `save()`"),
               ("By writing a custom template", "Durch eine eigene Vorlage")]
    verbs = [("filter", "filtern"), ("sort", "sortieren"), ("hide", "ausblenden"),
             ("group", "gruppieren"), ("rename", "umbenennen"), ("export", "exportieren")]
    objects = [("the list", "die Liste"), ("a field", "ein Feld"), ("the rows", "die Zeilen"),
               ("a button", "eine Schaltfläche")]
    en, de = ["## Admin quiz", ""], ["## Admin-Quiz", ""]
    for n, ((verb, verb_de), (obj, obj_de)) in enumerate(((v, o) for v in verbs for o in objects), start=1):
        order = answers[n % 4:] + answers[:n % 4]
        order = order[::-1] if n % 3 else order
        en += [f"#### Q{n}. How can you {verb} {obj} in the admin?", ""] + [f"- [ ] {a}" for a, _ in order] + [""]
        if not 12 <= n <= 15:
            de += [f"#### F{n}. Wie können Sie im Admin {obj_de} {verb_de}?", ""] + [f"- [ ] {a}" for _, a in order] + [""]
    _write(tmp_path, {"quiz.md": "\n".join(en), "quiz.de.md": "\n".join(de)})
    found = check([str(tmp_path)], source="en", select=["TC301", "TC302"]).findings
    assert [(f.code, f.line) for f in found] == [("TC301", 80)]
    assert "Q12. How can you hide a button" in found[0].message


def test_a_link_to_a_sites_country_version_is_the_same_link_to_the_aligner():
    from transcheck.align.links import link_key

    langs = frozenset({"zh", "en"})
    assert link_key("https://leetcode.cn/problems/x/", langs) == link_key("https://leetcode.com/problems/x", langs)
    assert link_key("https://www.amazon.co.jp/dp/1", langs) == link_key("https://amazon.com/dp/1", langs)
    # Another site, or another page, stays another link.
    assert link_key("https://leetcode.cn/problems/x", langs) != link_key("https://leetcode.cn/problems/y", langs)
    assert link_key("https://docs.python.org/3/", langs) != link_key("https://docs.rust.org/3/", langs)
