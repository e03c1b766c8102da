"""A report checked with a formatter keeps summaries, not documents, and writes the
same bytes as a report that kept every group whole."""

from __future__ import annotations

import pytest

from transcheck.model import DocumentInfo
from transcheck.decide.judge import Policy
from tests.conftest import render
from transcheck.report import Format, formatter, write
from transcheck.api import check_sections
from transcheck.runner import run
from transcheck.rules.registry import RULES
from transcheck.settings import Settings


@pytest.fixture
def two_groups(tmp_path):
    # Paths of the two groups interleave in finding order (it/a, it/b, sv/a, sv/b), and
    # one Markdown document suppresses a finding inline, so both need the whole group.
    files = {
        "sv/a.txt": "Vad är kundupplevelse (CX)?\nResan har 5 steg och tar 20 minuter.\n",
        "it/a.txt": "Cos'è l'esperienza del cliente (CX)?\nIl viaggio ha 5 fasi e dura 20 minuti.\n",
        "tr/a.txt": "Müşteri deneyimi (CX) nedir?\nYolculuk 6 adımdan oluşur ve 20 dakika sürer.\n",
        "sv/b.md": "<!-- transcheck: ignore TC201 -->\nCustomer support is not the same thing at all.\n\n"
        "Hej världen, detta är en text på 30 rader.\n",
        "it/b.md": "Il supporto clienti non è affatto la stessa cosa.\n\nCiao mondo, questo è un testo di 40 righe.\n",
        "tr/b.md": "Müşteri desteği hiç de aynı şey değildir.\n\nMerhaba dünya, bu 30 satırlık bir metindir.\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("fmt", list(Format))
def test_streamed_report_writes_the_same_bytes(two_groups, fmt):
    import io

    whole = run([two_groups], Settings(), RULES, jobs=1, policy=Policy())
    chosen = formatter(fmt)
    streamed, sections = check_sections([two_groups], formatter=chosen, select=["ALL"])
    out = io.StringIO()
    write(streamed, out, chosen, sections)
    assert out.getvalue() == render(whole, fmt)
    assert streamed.suppressed == whole.suppressed == 1
    # findings in both groups, in an order that is not the groups' order
    assert [f.path.split("/")[-2:] for f in streamed.findings] == [["it", "b.md"], ["tr", "a.txt"]]
    assert len(streamed.groups) == len(list(sections)) == 2
    assert all(isinstance(d, DocumentInfo) for d in streamed.documents)
    assert all(not g.rows for g in streamed.groups)
    assert [d.segment_count for d in streamed.documents] == [len(d.segments) for d in whole.documents]
