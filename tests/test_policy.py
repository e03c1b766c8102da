"""Rule selection and the exit code: each decided in one place, tested as tables."""

from __future__ import annotations

import pytest

from transcheck.model import Category, Finding, Severity
from transcheck.policy import UnknownRule, exit_code, select_rules
from transcheck.rules.registry import RULES

ALL = [r.code for r in RULES]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), ALL),
        (("TC101",), (), ["TC101"]),
        (("TC3",), (), [c for c in ALL if c.startswith("TC3")]),
        (("duplicate-block",), (), ["TC101"]),
        (("alignment",), (), [c for c in ALL if c in ("TC301", "TC302")]),
        (("ALL",), ("TC302",), [c for c in ALL if c != "TC302"]),
        ((), ("TC1", "TC2"), [c for c in ALL if not c.startswith(("TC1", "TC2"))]),
        (("tc101",), (), ["TC101"]),
    ],
)
def test_select_rules(select, ignore, expected):
    assert [r.code for r in select_rules(RULES, select, ignore)] == expected


@pytest.mark.parametrize("bad", ["TC999", "no-such-rule", "X"])
def test_unknown_rule_is_named(bad):
    with pytest.raises(UnknownRule, match=bad):
        select_rules(RULES, (bad,), ())


def _finding(severity: Severity) -> Finding:
    return Finding("TC101", "duplicate-block", Category.DUPLICATION, severity, "a.txt", "sv", 1, 1, "m")


@pytest.mark.parametrize(
    ("severities", "fail_on", "problems", "code"),
    [
        ([], "error", 0, 0),
        ([Severity.ERROR], "error", 0, 1),
        ([Severity.WARNING], "error", 0, 0),
        ([Severity.WARNING], "warning", 0, 1),
        ([Severity.INFO], "warning", 0, 0),
        ([Severity.INFO], "info", 0, 1),
        ([Severity.ERROR], "never", 0, 0),
        ([], "never", 1, 2),
        ([Severity.ERROR], "error", 3, 2),
    ],
)
def test_exit_code(severities, fail_on, problems, code):
    assert exit_code([_finding(s) for s in severities], fail_on, problems) == code
