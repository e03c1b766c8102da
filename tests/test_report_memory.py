"""The report keeps what formatters and suppressions read, not every document's text."""

from __future__ import annotations

from transcheck.pipeline import run
from transcheck.report import Format, render
from transcheck.rules.registry import RULES
from transcheck.settings import Settings


def test_report_without_text_renders_the_same(tmp_path):
    (tmp_path / "a.sv.txt").write_text("Vad är kundupplevelse (CX)?\nKundupplevelse är hela resan.\n", encoding="utf-8")
    (tmp_path / "a.it.txt").write_text("Cos'è l'esperienza del cliente (CX)?\n", encoding="utf-8")
    (tmp_path / "a.tr.txt").write_text("Müşteri deneyimi (CX) nedir?\nMüşteri deneyimi tüm yolculuktur.\n", encoding="utf-8")
    (tmp_path / "b.sv.md").write_text("<!-- transcheck: ignore TC301 -->\nHej världen, detta är en text.\n", encoding="utf-8")
    (tmp_path / "b.it.md").write_text("Ciao mondo, questo è un testo.\n", encoding="utf-8")
    full = run([str(tmp_path)], Settings(), RULES, jobs=1)
    light = run([str(tmp_path)], Settings(), RULES, jobs=1, keep_text=False)
    for fmt in Format:
        if fmt is not Format.HTML:  # the one format that shows segment text
            assert render(light, fmt) == render(full, fmt), fmt
    texts = {d.path.rsplit("/", 1)[-1]: d.text for d in light.documents}
    assert texts["a.sv.txt"] == texts["a.it.txt"] == ""
    assert all(s.text == "" for d in light.documents if d.text == "" for s in d.segments)
    assert "transcheck: ignore" in texts["b.sv.md"]  # read afterwards by inline suppressions
    assert all(d.segments for d in light.documents)
