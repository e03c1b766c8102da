"""Parallel checking must not change a byte of the report."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli import transcheck
from tests.conftest import CORPUS

LANGS = ("ar", "it", "ru", "sv", "tr")


def make_groups(directory: Path, count: int = 8) -> None:
    """``count`` groups cut from the corpus, each with defects of its own."""
    lines = {
        lang: [ln for ln in (CORPUS / f"{lang}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
        for lang in LANGS
    }
    for k in range(count):
        for n, lang in enumerate(LANGS):
            if k % 4 == 3 and lang == "ru":
                continue  # some groups lack a language
            own = lines[lang][k % 5 : k % 5 + 12]
            if (k + n) % 3 == 0:
                del own[4]  # a dropped paragraph
            if k % 2:
                own += own[1:4]  # a pasted block
            sub = directory / ("nested" if k % 3 == 0 else "top")
            sub.mkdir(exist_ok=True)
            (sub / f"doc{k}.{lang}.txt").write_text("\n\n".join(own) + "\n", encoding="utf-8")


def test_jobs_give_byte_identical_json(tmp_path):
    make_groups(tmp_path)
    serial = transcheck("check", str(tmp_path), "-f", "json", "--jobs", "1")
    parallel = transcheck("check", str(tmp_path), "-f", "json", "--jobs", "4")
    default = transcheck("check", str(tmp_path), "-f", "json")
    assert serial.returncode == parallel.returncode == default.returncode == 1, serial.stderr
    assert parallel.stdout == serial.stdout
    assert default.stdout == serial.stdout
    report = json.loads(serial.stdout)
    assert len(report["alignment"]) == 8
    groups_with_findings = {Path(f["path"]).name.split(".")[0] for f in report["findings"]}
    assert len(groups_with_findings) > 4


def test_parallel_results_come_in_order_through_a_small_window(tmp_path, monkeypatch):
    # One group per task and one task ahead per worker: the window refills many times.
    from transcheck import runner
    from transcheck.read.discover import discover
    from transcheck.rules.registry import RULES
    from transcheck.settings import Settings

    make_groups(tmp_path, count=7)
    monkeypatch.setattr(runner, "_BATCH", 1)
    monkeypatch.setattr(runner, "_AHEAD", 1)
    groups = discover([str(tmp_path)]).groups
    rules = tuple(r for r in RULES if r.default)
    serial = list(runner._map_groups([(g, None) for g in groups], Settings(), rules, jobs=1))
    parallel = list(runner._map_groups([(g, None) for g in groups], Settings(), rules, jobs=2))
    assert [r.group for r, _ in parallel] == [g.name for g in groups]
    assert [r.findings for r, _ in parallel] == [r.findings for r, _ in serial]
    assert sum(len(r.findings) for r, _ in serial) > 7


def test_a_glossary_is_parsed_once_for_all_worker_processes(tmp_path, monkeypatch):
    """The main process parses each termbase before the workers start; they inherit it."""
    import multiprocessing

    import pytest

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers inherit the parsed termbase only when they are forked")
    from transcheck import terms
    from transcheck.rules.registry import BY_CODE
    from transcheck.runner import run
    from transcheck.settings import Settings

    calls = tmp_path / "calls"
    real = terms.load

    def counting(path):
        with open(calls, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(path)

    monkeypatch.setattr(terms, "load", counting)
    terms._load_cached.cache_clear()
    docs = tmp_path / "docs"
    for name in ("a", "b", "c"):
        for lang, text in (("en", "The battery lasts ten hours."), ("fr", "La batterie dure dix heures.")):
            (docs / name).mkdir(parents=True, exist_ok=True)
            (docs / name / f"{lang}.txt").write_text(text + "\n", encoding="utf-8")
    (docs / "glossary.csv").write_text("en,fr\nbattery,batterie\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the glossary beside the documents is looked for up to here
    report = run(["docs"], Settings(), (BY_CODE["TC501"],), jobs=2)
    assert len(report.groups) == 3 and not report.problems, report.problems
    assert calls.read_text(encoding="utf-8").splitlines() == [str(os.getpid())]
    terms._load_cached.cache_clear()
