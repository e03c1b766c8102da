"""Rules read only their view and their options: never the settings, never a file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from transcheck.rules.base import NoOptions
from transcheck.rules.registry import RULES
from transcheck.settings import Settings, Thresholds

RULES_DIR = Path(__file__).resolve().parent.parent / "transcheck" / "rules"
# What a rule is, and the catalogue of installed rules (it reads packages' entry points).
NOT_RULES = ("base.py", "registry.py")


def _offences(source: str) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "settings":
            out.append(f"line {node.lineno}: .settings")
        elif isinstance(node, ast.Name) and node.id == "open":
            out.append(f"line {node.lineno}: open")
        elif isinstance(node, ast.Attribute) and node.attr in ("open", "read_text", "read_bytes"):
            out.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "transcheck.settings":
            names = {a.name for a in node.names}
            if names - {"Thresholds"}:
                out.append(f"line {node.lineno}: imports {sorted(names)} from settings")
    return out


@pytest.mark.parametrize(
    "path", sorted(p for p in RULES_DIR.glob("*.py") if p.name not in NOT_RULES), ids=lambda p: p.name
)
def test_a_rule_module_reads_neither_settings_nor_files(path):
    assert _offences(path.read_text(encoding="utf-8")) == []


def test_the_checker_finds_what_it_forbids():
    assert _offences("x = view.settings.thresholds\nwith open(p) as f: pass\n") == [
        "line 1: .settings",
        "line 2: open",
    ]


def test_every_rule_builds_frozen_options_from_the_thresholds():
    import dataclasses

    changed = Thresholds(duplicate_min_chrf=50.0, spelling_long_word=11, drift_min_rows=2)
    for rule in RULES:
        options = rule.options(changed)
        assert dataclasses.is_dataclass(options) and options.__dataclass_params__.frozen, rule.code
        for f in dataclasses.fields(options):
            assert getattr(options, f.name) == getattr(changed, f.name), (rule.code, f.name)
    by_code = {r.code: r for r in RULES}
    assert by_code["TC101"].options(changed).duplicate_min_chrf == 50.0
    assert isinstance(by_code["TC401"].options(changed), NoOptions)


def test_the_view_offers_termbase_and_vectors(tmp_path):
    from transcheck.context import build_view, load_glossary

    view = build_view("g", [], Settings())
    assert view.vectors is None  # embeddings are off
    assert view.termbase is None  # no glossary resolved for the group
    (tmp_path / "glossary.csv").write_text("en,fr\nbattery,batterie\n", encoding="utf-8")
    termbase, problem = load_glossary(str(tmp_path / "glossary.csv"))
    view = build_view("g", [], Settings(), termbase)
    assert problem is None and [c.label() for c in view.termbase.concepts] == ["battery"]
    termbase, problem = load_glossary(str(tmp_path / "missing.csv"))
    assert termbase is None and problem is not None  # reported once, outside the rules


def _severity_setters(source: str) -> list[str]:
    """Where a rule module sets a severity other than in its ``Rule(...)`` record."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name != "Rule" and any(k.arg == "severity" for k in node.keywords):
                out.append(f"line {node.lineno}: {name}(severity=...)")
    return out


@pytest.mark.parametrize(
    "path", sorted(p for p in RULES_DIR.glob("*.py") if p.name not in NOT_RULES), ids=lambda p: p.name
)
def test_a_rule_module_leaves_severity_to_judge(path):
    assert _severity_setters(path.read_text(encoding="utf-8")) == []


def test_the_severity_checker_finds_a_downgrade():
    assert _severity_setters("f = replace(f, severity=Severity.INFO)") == ["line 1: replace(severity=...)"]
    assert _severity_setters("RULE = Rule(code='X', severity=Severity.INFO)") == []
