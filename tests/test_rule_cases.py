"""Data-driven rule tests: every ``tests/cases/<CODE>.toml`` holds small documents and
the findings that rule must (or must not) produce on them.

Each expected finding names where it is (``at = "path:line"`` or ``"path:line-end"``,
the whole span), its severity and a fragment of its message; the code is the file's.
A case that needs an optional extra (``needs = "spelling"`` or ``"embeddings"``, for a
whole file or one case; ``embeddings = true`` also runs with ``--embeddings``) is
skipped when the extra is not installed.

A case with ``config`` (TOML text) has it written as a ``transcheck.toml`` (outside
the checked directory, so it is no input file) and read as a run would read it: the
project vocabulary, thresholds, the source. A case with ``layout`` (a list of
``--layout`` patterns) reads its files by them, from the checked directory.

A case with ``history`` (a list of ``{ message, files }``) is a git repository: each
entry is committed in order, then ``files`` are committed last, so the rules that read
history (a translation's lag behind its source) see real commits; ``with_rules`` names
rules run beside the case's own (a lag rule, which makes the run read history), whose
findings the case does not check.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from transcheck.runner import run
from transcheck.rules.registry import BY_CODE, RULES
from transcheck.settings import Settings

CASES_DIR = Path(__file__).parent / "cases"
EXTRAS = ("spelling", "embeddings")


def _load():
    for path in sorted(CASES_DIR.glob("*.toml")):
        code = path.stem
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            needs = set(_list(data.get("needs"))) | set(_list(case.get("needs")))
            if case.get("embeddings"):
                needs.add("embeddings")
            yield pytest.param(code, case, sorted(needs), id=f"{code}-{case['name']}")


def _list(value) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def missing_extra(needs: list[str]) -> str | None:
    """Why a case cannot run here (an optional extra it needs is absent), or None."""
    for extra in needs:
        assert extra in EXTRAS, f"unknown extra {extra!r}"
        if extra == "spelling":
            from transcheck.rules import _hunspell

            if not _hunspell.engine_available():
                return "needs the spelling extra: " + _hunspell.EXTRA_HINT
        else:
            from transcheck import embeddings

            if not embeddings.available():
                return "needs the embeddings extra: " + embeddings.EXTRA_HINT
    return None


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _commit_history(root: Path, history: list[dict], final: dict[str, str]) -> None:
    import os
    import subprocess

    def git(*args, when=0):
        stamp = f"{1_700_000_000 + 3600 * when} +0000"
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
                   GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    for when, entry in enumerate([*history, {"message": "now", "files": final}], start=1):
        _write(root, entry["files"])
        git("add", "-A")
        git("commit", "-q", "--allow-empty", "-m", entry["message"], when=when)


def run_case(tmp_path: Path, code: str, case: dict) -> list[dict]:
    if "history" in case:
        _commit_history(tmp_path, case["history"], case["files"])
    else:
        _write(tmp_path, case["files"])
    # ``embeddings = true``: the case runs with --embeddings (the optional extra).
    settings = Settings(source=case.get("source"), embeddings=case.get("embeddings", False))
    if "config" in case:
        from transcheck.config.file import load_config
        from transcheck.config.plan import settings_from

        config_path = tmp_path.parent / f"{tmp_path.name}-config" / "transcheck.toml"
        config_path.parent.mkdir()
        config_path.write_text(case["config"], encoding="utf-8")
        settings = settings_from(load_config(str(config_path)), case.get("source"), settings)
    if "layout" in case:
        from dataclasses import replace

        from transcheck.read.layout import parse_layouts

        settings = replace(settings, layouts=parse_layouts(case["layout"], str(tmp_path), "layout"))
    # ``with_rules``: rules run beside this one (a lag rule, so that history is read),
    # whose own findings are not this case's.
    rules = tuple(_emits_its_default(BY_CODE[c]) for c in (code, *case.get("with_rules", ())))
    report = run([str(tmp_path)], settings, rules)
    assert not report.problems, report.problems
    got = []
    for f in report.findings:
        if f.code != code:
            continue
        rel = Path(f.path).resolve().relative_to(tmp_path.resolve()).as_posix()
        at = f"{rel}:{f.line}" if f.line == f.end_line else f"{rel}:{f.line}-{f.end_line}"
        got.append({"code": f.code, "at": at, "severity": f.severity.value, "message": f.message})
    return got


def _emits_its_default(rule):
    """``rule``, checked on every finding: a rule states its evidence's strength and
    leaves severity to ``decide.judge``, so what it emits carries its own default."""
    from dataclasses import replace

    def check(view, options):
        for f in rule.check(view, options):
            assert f.severity is rule.severity, f"{rule.code} set severity {f.severity.value} itself at {f.line}"
            yield f

    return replace(rule, check=check)


@pytest.mark.parametrize(("code", "case", "needs"), list(_load()))
def test_rule_case(tmp_path, code, case, needs):
    assert code in BY_CODE, f"{code}.toml names no registered rule"
    reason = missing_extra(needs)
    if reason:
        pytest.skip(reason)
    got = run_case(tmp_path, code, case)
    expected = sorted(case["expect"], key=lambda e: _order(e["at"]))
    assert [g["at"] for g in got] == [e["at"] for e in expected]
    for g, e in zip(got, expected):
        assert set(e) == {"at", "severity", "message"}, f"{e}: expected keys at, severity, message"
        assert g["code"] == code
        assert g["severity"] == e["severity"], (g["at"], g["message"])
        assert e["message"] in g["message"], g["at"]


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


def test_a_case_needing_an_absent_extra_is_skipped(monkeypatch):
    from transcheck import embeddings
    from transcheck.rules import _hunspell

    monkeypatch.setattr(_hunspell, "engine_available", lambda: False)
    monkeypatch.setattr(embeddings, "available", lambda: False)
    assert missing_extra(["spelling"]).startswith("needs the spelling extra")
    assert missing_extra(["embeddings"]).startswith("needs the embeddings extra")
    assert missing_extra([]) is None
    needs = {p.id.split("-")[0]: p.values[2] for p in _load()}
    assert needs["TC603"] == ["spelling"]


def test_the_spelling_rule_reports_nothing_without_its_extra(tmp_path, monkeypatch):
    """What the skip relies on: the rule itself degrades to silence, not to an error."""
    from transcheck.rules import _hunspell

    monkeypatch.setattr(_hunspell, "engine_available", lambda: False)
    case = tomllib.loads((CASES_DIR / "TC603.toml").read_text(encoding="utf-8"))["case"][0]
    assert case["expect"] and run_case(tmp_path, "TC603", case) == []
