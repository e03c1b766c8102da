"""Data-driven rule tests: every ``tests/cases/<CODE>.toml`` holds small documents and
the findings that rule must (or must not) produce on them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from transcheck.runner import run
from transcheck.rules.registry import BY_CODE, RULES
from transcheck.settings import Settings

CASES_DIR = Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES_DIR.glob("*.toml")):
        code = path.stem
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            yield pytest.param(code, case, id=f"{code}-{case['name']}")


def run_case(tmp_path: Path, code: str, case: dict) -> list[str]:
    for name, text in case["files"].items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    # ``embeddings = true``: the case runs with --embeddings (the optional extra).
    settings = Settings(source=case.get("source"), embeddings=case.get("embeddings", False))
    report = run([str(tmp_path)], settings, (BY_CODE[code],))
    assert not report.problems, report.problems
    got = []
    for f in report.findings:
        rel = Path(f.path).relative_to(tmp_path).as_posix()
        got.append(f"{rel}:{f.line}" if f.line == f.end_line else f"{rel}:{f.line}-{f.end_line}")
    return got


@pytest.mark.parametrize(("code", "case"), list(_load()))
def test_rule_case(tmp_path, code, case):
    assert code in BY_CODE, f"{code}.toml names no registered rule"
    if case.get("embeddings"):
        from transcheck import embeddings

        if not embeddings.available():
            pytest.skip("needs the embeddings extra: " + embeddings.EXTRA_HINT)
    assert run_case(tmp_path, code, case) == sorted(case["expect"], key=_order)


def _order(entry: str):
    path, _, lines = entry.rpartition(":")
    return (path, int(lines.split("-")[0]))


def test_every_rule_has_firing_and_quiet_cases():
    cases: dict[str, list[dict]] = {}
    for path in CASES_DIR.glob("*.toml"):
        cases[path.stem] = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
    for rule in RULES:
        mine = cases.get(rule.code, [])
        assert any(c["expect"] for c in mine), f"{rule.code}: no case where it fires"
        assert any(not c["expect"] for c in mine), f"{rule.code}: no case where it stays quiet"
