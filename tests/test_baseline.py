"""Baselines: write the current findings, then report only new ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli import transcheck
from tests.conftest import CORPUS
from transcheck.decide import baseline
from transcheck.model import Category, Finding, Severity


def _f(fp: str, path: str = "a.txt", code: str = "TC101") -> Finding:
    return Finding(code, "duplicate-block", Category.DUPLICATION, Severity.ERROR, path, "sv", 1, 1, "msg", fingerprint=fp)


def test_baseline_file_is_sorted_and_readable(tmp_path):
    target = tmp_path / "b.json"
    baseline.write(str(target), [_f("bb", "z.txt"), _f("aa", "a.txt", "TC301"), _f("cc", "a.txt")])
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [(e["path"], e["code"]) for e in data["findings"]] == [("a.txt", "TC101"), ("a.txt", "TC301"), ("z.txt", "TC101")]
    assert set(data["findings"][0]) == {"fingerprint", "code", "rule", "path", "message"}
    assert baseline.read(str(target)) == {"aa", "bb", "cc"}
    # writing the same findings in another order gives the same bytes
    again = tmp_path / "c.json"
    baseline.write(str(again), [_f("cc", "a.txt"), _f("bb", "z.txt"), _f("aa", "a.txt", "TC301")])
    assert again.read_bytes() == target.read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "invalid JSON"),
        ('{"version": 2, "findings": []}', "expected version 1"),
        ('{"version": 1, "findings": [{"code": "TC101"}]}', "findings[1] has no fingerprint"),
    ],
)
def test_bad_baseline_is_refused(tmp_path, content, message):
    target = tmp_path / "b.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match=message.replace("[", r"\[")):
        baseline.read(str(target))


def test_corpus_round_trip(tmp_path):
    work = tmp_path / "corpus"
    shutil.copytree(CORPUS, work)
    base = tmp_path / "baseline.json"
    first = transcheck("check", str(work), "--write-baseline", str(base), "-f", "json")
    report = json.loads(first.stdout)
    findings = report["findings"]
    assert findings and first.returncode == 1
    written = json.loads(base.read_text(encoding="utf-8"))["findings"]
    # Findings folded into a repeated block are recorded too: with the repeat in the
    # baseline (so not shown), they would otherwise surface as new.
    assert {f["fingerprint"] for f in findings} <= {e["fingerprint"] for e in written}
    assert len(written) == len(findings) + report["folded"]

    second = transcheck("check", str(work), "--baseline", str(base), "-f", "json")
    data = json.loads(second.stdout)
    assert data["findings"] == [] and data["baselined"] == len(written)
    assert second.returncode == 0
    assert f"{len(written)} in the baseline" in transcheck("check", str(work), "--baseline", str(base)).stdout

    # a new defect is reported, the known ones stay hidden
    sv = work / "sv.txt"
    para = "Den här nya stycket har kopierats två gånger av misstag i den svenska filen."
    sv.write_text(sv.read_text(encoding="utf-8") + f"\n{para}\n\n{para}\n", encoding="utf-8")
    third = json.loads(transcheck("check", str(work), "--baseline", str(base), "-f", "json").stdout)
    assert [(f["code"], Path(f["path"]).name) for f in third["findings"] if f["code"] == "TC101"] == [("TC101", "sv.txt")]
    # (other rules may re-key a finding the appended text moved; the old repeat stays hidden)
    assert third["baselined"] >= len(findings) // 2


def test_missing_baseline_exits_2(tmp_path):
    result = transcheck("check", str(CORPUS), "--baseline", str(tmp_path / "none.json"))
    assert result.returncode == 2 and result.stdout == ""
    assert "cannot read baseline" in result.stderr and len(result.stderr.splitlines()) == 1
