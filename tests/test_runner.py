"""The loop and what it hands on: findings that know their aligned row, and results
nothing can change once they are made."""

from __future__ import annotations

import dataclasses

import pytest


def test_findings_on_a_row_carry_its_index(corpus_report):
    placed = 0
    for group in corpus_report.groups:
        docs = {d.language: d for d in group.documents}
        for f in group.findings:
            if f.row is None:
                continue
            placed += 1
            cell = group.rows[f.row].cells.get(f.language, ())
            if not cell:
                assert f.code == "TC301"  # a missing segment: the row where it is missing
                continue
            segments = docs[f.language].segments
            assert (segments[cell[0]].line, segments[cell[-1]].end_line) == (f.line, f.end_line)
    assert placed
    missing = [f for f in corpus_report.findings if f.code == "TC301"]
    assert missing and all(f.row is not None for f in missing)


def test_results_are_immutable(corpus_report):
    group = corpus_report.groups[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        corpus_report.problems = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        group.findings = ()
    assert isinstance(group.findings, tuple) and isinstance(corpus_report.groups, tuple)
