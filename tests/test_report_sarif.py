"""SARIF output: valid against the official SARIF 2.1.0 schema (shipped in tests/data,
no network), and carrying what code-scanning viewers use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from tests.conftest import ROOT
from transcheck.model import Category, Finding, GroupResult, Location, Severity
from transcheck.model import Report
from transcheck.report import sarif
from transcheck.rules.registry import RULES
from transcheck.settings import Settings

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FIXTURE = Path(__file__).parent / "data" / "fixture"


def errors(log: dict) -> list[str]:
    validator = Draft4Validator(SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


@pytest.fixture(scope="module")
def fixture_report():
    from transcheck.runner import run

    return run([str(FIXTURE)], Settings(), RULES)


def test_the_shipped_schema_is_the_sarif_2_1_0_schema():
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    assert "result" in SCHEMA["definitions"] and "suppression" in SCHEMA["definitions"]
    # the schema really rejects: a result without a message is invalid
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "X"}]}]}
    assert errors(bad)


def test_corpus_sarif_is_valid(corpus_report):
    log = sarif.as_dict(corpus_report)
    assert errors(log) == []
    assert log["version"] == "2.1.0"


def test_fixture_sarif_is_valid_and_complete(fixture_report):
    log = sarif.as_dict(fixture_report)
    assert errors(log) == []
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    # one rule entry per enabled rule, with its documentation
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    for entry, rule in zip(driver["rules"], RULES):
        assert entry["shortDescription"]["text"] == rule.summary
        assert "**What it catches:**" in entry["help"]["markdown"]
        assert "What it does not catch:" in entry["fullDescription"]["text"]
        assert "``" not in entry["help"]["markdown"]
        assert entry["defaultConfiguration"]["level"] == sarif.LEVEL[rule.severity]
    findings = fixture_report.findings
    results = run["results"]
    assert len(results) == len(findings)
    for result, f in zip(results, findings):
        assert result["ruleId"] == f.code
        assert driver["rules"][result["ruleIndex"]]["id"] == f.code
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity.value]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["endLine"]) == (f.line, f.end_line)
        assert result["partialFingerprints"] == {sarif.FINGERPRINT_KEY: f.fingerprint}
        assert len(result.get("relatedLocations", [])) == len(set(f.related))
        assert "suppressions" not in result and "baselineState" not in result
    dup = next(r for r in results if r["ruleId"] == "TC101")
    assert dup["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("fixture/de.txt")
    assert dup["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 8, "endLine": 9}
    sig = run["properties"]["signature"]
    assert sig["rules"] == [r.code for r in RULES] and "thresholds" in sig and "python" in sig


@dataclass(frozen=True)
class _Suppressed:  # the shape of model.SuppressedFinding
    finding: Finding
    kind: str
    justification: str


def _finding(path="docs/sv.md", line=3, severity=Severity.WARNING, code="TC401", fingerprint="abc123") -> Finding:
    return Finding(
        code=code, rule="number-mismatch", category=Category.NUMBER, severity=severity,
        path=path, language="sv", line=line, end_line=line, message="number 25 differs",
        related=(Location("docs/it.md", line, line),), fingerprint=fingerprint,
    )


def test_suppressions_and_baseline_state_are_valid():
    kept = _finding(line=3, fingerprint="new1")
    old = _finding(line=9, fingerprint="old1")
    quiet = _finding(line=12, severity=Severity.INFO, fingerprint="sup1")
    known = _finding(line=5, fingerprint="old2")  # hidden by the baseline
    report = Report(
        groups=[GroupResult(group="docs", documents=[], rows=[], findings=[kept, old])],
        problems=[], settings=Settings(), rules=RULES,
        suppressed_findings=[_Suppressed(quiet, "inSource", "the product name stays English")],
        baselined_findings=[known],
        baseline_state={"new1": "new", "old1": "unchanged", "old2": "unchanged"},
    )
    log = sarif.as_dict(report)
    assert errors(log) == []
    results = log["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert regions == [3, 5, 9, 12]
    assert [r.get("baselineState") for r in results] == ["new", "unchanged", "unchanged", None]
    assert [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results] == ["new1", "old2", "old1", "sup1"]
    assert results[3]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "the product name stays English"}
    ]
    assert results[3]["level"] == "note"


def test_paths_become_uri_references():
    assert sarif.uri("docs/my file#1.md") == "docs/my%20file%231.md"
    assert sarif.uri("./sv.txt") == "sv.txt"
    assert sarif.uri("/abs/dir/sv.txt") == "file:///abs/dir/sv.txt"


def test_input_problems_are_notifications(tmp_path):
    from transcheck.runner import run

    (tmp_path / "sv.txt").write_text("Vårt team svarar på alla frågor inom en arbetsdag.\n", encoding="utf-8")
    (tmp_path / "it.txt").write_bytes(b"caf\xe9\n")
    log = sarif.as_dict(run([str(tmp_path)], Settings(), RULES))
    assert errors(log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "UTF-8" in note["message"]["text"]


def test_cli_sarif_has_the_findings_of_the_json_report():
    from tests.cli import transcheck

    def cli(fmt: str) -> dict:
        out = transcheck("check", "corpus/", "--format", fmt, cwd=ROOT)
        return json.loads(out.stdout)

    log, report = cli("sarif"), cli("json")
    assert errors(log) == []
    got = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["endLine"],
            r["ruleId"],
            r["partialFingerprints"][sarif.FINGERPRINT_KEY],
        )
        for r in log["runs"][0]["results"]
        if "suppressions" not in r
    ]
    want = [(f["path"], f["line"], f["end_line"], f["code"], f["fingerprint"]) for f in report["findings"]]
    assert got == want and want
