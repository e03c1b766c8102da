"""The meaning checks on the corpus: the Turkish inversion is found, disappears when
corrected, and is found again when the same inversion is planted in another language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from transcheck.model import Category, Severity
from transcheck.runner import run
from transcheck.rules.registry import BY_CODE
from transcheck.settings import Settings

TR_WRONG = "her dikdörtgenin bir kare olduğunu ama her karenin dikdörtgen olmadığını"
TR_RIGHT = "her karenin bir dikdörtgen olduğunu ama her dikdörtgenin kare olmadığını"

PLANTS = {
    "sv-geometry": ("sv.txt", "alla fyrkanter är rektanglar men inte alla rektanglar är fyrkanter",
                    "alla rektanglar är fyrkanter men inte alla fyrkanter är rektanglar"),
    "it-geometry": ("it.txt", "tutti i quadrati sono rettangoli, ma non tutti i rettangoli sono quadrati",
                    "tutti i rettangoli sono quadrati, ma non tutti i quadrati sono rettangoli"),
    "ar-geometry": ("ar.txt", "جميع المربعات هي مستطيلات لكن ليس كل المستطيلات مربعات",
                    "جميع المستطيلات هي مربعات لكن ليس كل المربعات مستطيلات"),
    "ru-geometry": ("ru.txt", "все квадраты являются прямоугольниками, но не все прямоугольники являются квадратами",
                    "все прямоугольники являются квадратами, но не все квадраты являются прямоугольниками"),
    "sv-support": ("sv.txt", "all kundsupport är kundupplevelse, men inte all kundupplevelse är kundsupport",
                   "all kundupplevelse är kundsupport, men inte all kundsupport är kundupplevelse"),
    "ru-support": ("ru.txt", "вся поддержка клиентов является опытом клиентов, но не весь опыт клиентов является поддержкой клиентов",
                   "весь опыт клиентов является поддержкой клиентов, но не вся поддержка клиентов является опытом клиентов"),
    "it-support": ("it.txt", "tutto il supporto clienti è esperienza cliente, ma non tutta l'esperienza cliente è supporto clienti",
                   "tutta l'esperienza cliente è supporto clienti, ma non tutto il supporto clienti è esperienza cliente"),
    "ar-support": ("ar.txt", "كل دعم العملاء هو تجربة عملاء، ولكن ليست كل تجربة عملاء هي دعم عملاء",
                   "كل تجربة عملاء هي دعم العملاء، ولكن ليست كل دعم عملاء هي تجربة عملاء"),
}


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{path.name}: {old!r} not found"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _inversions(root: Path):
    report = run([str(root)], Settings(), (BY_CODE["TC502"],))
    assert not report.problems
    return report.findings


def test_turkish_inversion_is_a_semantic_error_at_both_copies():
    found = _inversions(CORPUS)
    assert [(Path(f.path).name, f.line) for f in found] == [("tr.txt", 24), ("tr.txt", 44)]
    for f in found:
        assert f.category is Category.SEMANTIC and f.severity is Severity.ERROR
        assert "square" in f.message and "rectangle" in f.message
        assert "ar, it, ru, sv" in f.message
        assert {Path(r.path).name for r in f.related} == {"ar.txt", "it.txt", "ru.txt", "sv.txt"}


def test_corrected_turkish_sentence_is_quiet(tmp_path):
    root = _copy(tmp_path)
    _replace(root / "tr.txt", TR_WRONG, TR_RIGHT)
    assert _inversions(root) == []


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_the_same_inversion_planted_elsewhere_is_found(tmp_path, plant):
    name, old, new = PLANTS[plant]
    root = _copy(tmp_path)
    _replace(root / "tr.txt", TR_WRONG, TR_RIGHT)
    _replace(root / name, old, new)
    found = _inversions(root)
    assert found and {Path(f.path).name for f in found} == {name}
    lines = {i + 1 for i, ln in enumerate((root / name).read_text(encoding="utf-8").splitlines()) if new in ln}
    assert {f.line for f in found} == lines


def test_inversion_needs_the_glossary_concepts(tmp_path):
    root = _copy(tmp_path)
    (root / "glossary.tbx").unlink()
    assert _inversions(root) == []


def test_brand_transliterated_in_russian_is_a_terminology_finding():
    report = run([str(CORPUS)], Settings(), (BY_CODE["TC501"],))
    dnt = [f for f in report.findings if "do-not-translate" in f.message]
    assert [(Path(f.path).name, f.line) for f in dnt] == [("ru.txt", 19)]
    assert "Гуру" in dnt[0].message and dnt[0].category is Category.TERMINOLOGY
