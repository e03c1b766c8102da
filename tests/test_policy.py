"""Rule selection and the exit code: each decided in one place, tested as tables."""

from __future__ import annotations

import pytest

from transcheck.model import Category, Finding, Severity, Strength
from transcheck.decide.exit import exit_code
from transcheck.config.select import UnknownRule, select_rules
from transcheck.rules.registry import RULES

ALL = [r.code for r in RULES]
DEFAULT = [r.code for r in RULES if r.default]
OPT_IN = [r.code for r in RULES if not r.default]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), DEFAULT),
        (("ALL",), (), ALL),
        (("TC101",), (), ["TC101"]),
        (("TC3",), (), [c for c in ALL if c.startswith("TC3")]),
        (("duplicate-block",), (), ["TC101"]),
        (("alignment",), (), [c for c in ALL if c in ("TC301", "TC302", "TC304", "TC305", "TC306", "TC307")]),
        (("ALL",), ("TC302",), [c for c in ALL if c != "TC302"]),
        ((), ("TC1", "TC2"), [c for c in DEFAULT if not c.startswith(("TC1", "TC2"))]),
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


# --- judge: severity overrides, suppressions, baseline, scope (one place) ---

from transcheck.config.suppressions import Suppression  # noqa: E402
from transcheck.model import Document, GroupResult, Kind, Segment  # noqa: E402
from dataclasses import replace  # noqa: E402

from transcheck.decide.judge import Policy, judge, report_of  # noqa: E402
from transcheck.model import Report  # noqa: E402
from transcheck.runner import fingerprinted  # noqa: E402
from transcheck.settings import Settings  # noqa: E402

MD = """# Title

<!-- transcheck: ignore TC202; product name -->
Guru Support

Plain paragraph.
"""


def _report() -> Report:
    segs = (
        Segment(0, 1, 1, "Title", Kind.HEADING),
        Segment(1, 4, 4, "Guru Support", Kind.PARAGRAPH),
        Segment(2, 6, 6, "Plain paragraph.", Kind.PARAGRAPH),
    )
    doc = Document("docs/legal.sv.md", "sv", "docs/legal", MD, 6, segs)
    other = Document("docs/guide.sv.md", "sv", "docs/guide", "x\n", 1, (Segment(0, 1, 1, "x", Kind.PARAGRAPH),))

    def f(code, path, line, strength=Strength.FULL, key=""):
        return Finding(code, "r", Category.ALIGNMENT, Severity.ERROR, path, "sv", line, line, "m",
                       key=key or f"{code}{line}", strength=strength)

    # TC301's default is error: its findings of reduced strength are warnings.
    legal = fingerprinted([f("TC101", doc.path, 1), f("TC202", doc.path, 4), f("TC301", doc.path, 6, Strength.REDUCED)])
    guide = fingerprinted([f("TC301", other.path, 1, Strength.REDUCED), f("TC202", other.path, 1)])
    groups = [GroupResult("docs/guide", [other], [], guide), GroupResult("docs/legal", [doc], [], legal)]
    return Report(groups=groups, problems=[], settings=Settings(), rules=RULES)


def apply_policy(report: Report, policy: Policy, scope=None) -> Report:
    """``report`` with every group judged, as the runner builds it."""
    judged = [judge(g, policy, report.rules, scope) for g in report.groups]
    return report_of(judged, [p for j in judged for p in j.problems], report.settings, report.rules,
                     baseline=policy.baseline is not None)


def _fp(report, code, path):
    return next(f.fingerprint for g in report.groups for f in g.findings if f.code == code and f.path == path)


def _shown(report):
    return [(f.code, f.path.split("/")[-1], f.severity.value) for f in report.findings]


LEGAL, GUIDE = "docs/legal.sv.md", "docs/guide.sv.md"


@pytest.mark.parametrize(
    ("make_policy", "shown", "suppressed", "baselined"),
    [
        # inline comments are honoured by default: TC202 at legal:4 is suppressed in source
        (lambda r: Policy(), {("TC101", "legal.sv.md", "error"), ("TC301", "legal.sv.md", "warning"),
                              ("TC202", "guide.sv.md", "error"), ("TC301", "guide.sv.md", "warning")},
         [("TC202", LEGAL, "inSource", "product name")], 0),
        (lambda r: Policy(inline=False), 5, [], 0),
        # severity override, applied before anything else (TC301's default is error; its
        # findings of reduced strength take the lower override as their cap)
        (lambda r: Policy(inline=False, severity={"TC301": Severity.INFO, "TC101": Severity.WARNING}),
         {("TC101", "legal.sv.md", "warning"), ("TC202", "legal.sv.md", "error"), ("TC301", "legal.sv.md", "info"),
          ("TC202", "guide.sv.md", "error"), ("TC301", "guide.sv.md", "info")}, [], 0),
        # per-file-ignores match the path glob and the code only
        (lambda r: Policy(inline=False, per_file_ignores=(("*/docs/legal.*.md", frozenset({"TC101", "TC301"})),)),
         {("TC202", "legal.sv.md", "error"), ("TC202", "guide.sv.md", "error"), ("TC301", "guide.sv.md", "warning")},
         [("TC101", LEGAL, "external", "per-file-ignores: */docs/legal.*.md"),
          ("TC301", LEGAL, "external", "per-file-ignores: */docs/legal.*.md")], 0),
        # fingerprint suppressions carry their justification
        (lambda r: Policy(inline=False, suppressions=(Suppression(_fp(r, "TC202", GUIDE), "brand name", "s.toml"),)),
         4, [("TC202", GUIDE, "external", "brand name")], 0),
        # the baseline hides known fingerprints and counts them
        (lambda r: Policy(inline=False, baseline=frozenset({_fp(r, "TC101", LEGAL), _fp(r, "TC301", GUIDE), "gone"})),
         {("TC202", "legal.sv.md", "error"), ("TC301", "legal.sv.md", "warning"), ("TC202", "guide.sv.md", "error")},
         [], 2),
        # a suppressed finding is not baselined (suppression comes first)
        (lambda r: Policy(baseline=frozenset({_fp(r, "TC202", LEGAL)})), 4,
         [("TC202", LEGAL, "inSource", "product name")], 0),
        # the changed-since scope keeps only what it accepts
        (lambda r: (Policy(inline=False), lambda f: Severity.ERROR if f.path == GUIDE else None), 2, [], 0),
    ],
)
def test_apply_policy(make_policy, shown, suppressed, baselined):
    report = _report()
    before = len(report.findings)
    made = make_policy(report)
    policy, scope = made if isinstance(made, tuple) else (made, None)
    report = apply_policy(report, policy, scope)
    current = report.unsuppressed
    got = _shown(report)
    if isinstance(shown, int):
        assert len(got) == shown
    else:
        assert set(got) == shown and len(got) == len(shown)
    assert [(s.finding.code, s.finding.path, s.kind, s.justification) for s in report.suppressed_findings] == suppressed
    assert report.suppressed == len(suppressed)
    assert report.baselined == baselined == len(report.baselined_findings)
    # what --write-baseline records: everything not suppressed
    assert len(current) == before - len(suppressed)
    assert report.out_of_scope == len(current) - baselined - len(got)


def test_baseline_state_marks_new_and_unchanged():
    report = _report()
    known = _fp(report, "TC101", LEGAL)
    report = apply_policy(report, Policy(inline=False, baseline=frozenset({known})))
    assert report.baseline_state[known] == "unchanged"
    assert {s for fp, s in report.baseline_state.items() if fp != known} == {"new"}
    assert len(report.baseline_state) == 5
    plain = apply_policy(_report(), Policy())
    assert plain.baseline_state is None
    # suppressed findings carry a state too (SARIF: on every result or none)
    inline = apply_policy(_report(), Policy(baseline=frozenset()))
    (item,) = inline.suppressed_findings
    assert inline.baseline_state[item.finding.fingerprint] == "new"


def test_severity_override_changes_the_exit_code():
    report = _report()
    levels = {"TC101": Severity.INFO, "TC202": Severity.INFO, "TC301": Severity.INFO}
    report = apply_policy(report, Policy(inline=False, severity=levels))
    assert exit_code(report.findings, "warning") == 0
    assert exit_code(report.findings, "info") == 1


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (("all",), (), ALL),
        (("TC1", "TC3"), ("TC301",), [c for c in ALL if c.startswith("TC1") or c == "TC302" or (c.startswith("TC3") and c != "TC301")]),
        (("TC101",), ("TC1",), []),  # ignore wins over select
        (("untranslated", "TC101"), (), sorted(["TC101"] + [r.code for r in RULES if r.category.value == "untranslated"], key=ALL.index)),
        ((" TC101 ",), (), ["TC101"]),
    ],
)
def test_select_rules_more(select, ignore, expected):
    assert [r.code for r in select_rules(RULES, select, ignore)] == expected


def test_empty_entry_is_not_everything():
    with pytest.raises(UnknownRule):
        select_rules(RULES, ("",), ())


def test_opt_in_rules_are_off_until_selected_or_extended():
    assert OPT_IN, "the table has opt-in rules (spelling)"
    assert [r.code for r in select_rules(RULES, (), (), OPT_IN)] == ALL
    assert [r.code for r in select_rules(RULES, OPT_IN, (), ())] == OPT_IN
    assert [r.code for r in select_rules(RULES, ("TC101",), (), ("TC2",))] == ["TC101"] + [
        c for c in ALL if c.startswith("TC2")
    ]


def _stale(report):
    return [(p.path, p.severity) for p in report.problems if "suppresses nothing" in p.message]


def test_inline_comment_that_suppresses_nothing_is_a_warning():
    used = apply_policy(_report(), Policy())
    assert _stale(used) == []
    report = _report()
    guide, legal = report.groups
    legal = replace(legal, findings=[f for f in legal.findings if f.code != "TC202"])
    stale = apply_policy(replace(report, groups=[guide, legal]), Policy())
    assert _stale(stale) == [("docs/legal.sv.md:3", "warning")]
    # a rule that did not run cannot be known to have found nothing
    unknown = replace(report, groups=[guide, legal], rules=tuple(r for r in RULES if r.code != "TC202"))
    assert _stale(apply_policy(unknown, Policy())) == []


# --- severity: the rule's (default or override) as the finding's evidence allows ---

W, E, I = Severity.WARNING, Severity.ERROR, Severity.INFO
FULL, REDUCED, HINT = Strength.FULL, Strength.REDUCED, Strength.HINT


@pytest.mark.parametrize(
    ("strength", "default", "configured", "expected"),
    [
        (FULL, W, W, W),  # the default itself: nothing changes
        (HINT, W, W, I),  # ... also for a hint
        (FULL, W, E, E),  # full evidence takes the override
        (FULL, W, I, I),
        (HINT, W, E, I),  # a hint stays info under any override
        (REDUCED, E, E, W),  # reduced: one below the rule's default
        (REDUCED, E, I, I),  # ... capped by a lower override
        (REDUCED, E, W, W),
        (REDUCED, W, W, I),
        (FULL, E, E, E),
    ],
)
def test_graded(strength, default, configured, expected):
    from transcheck.decide.judge import graded

    assert graded(strength, default, configured) is expected


MIXED_QUOTES = {
    "sv.txt": "Vårt team sa «hej“ till alla kunder som ringde in i dag.\n",
    "it.txt": "Il nostro team ha detto «ciao“ a tutti i clienti che hanno chiamato oggi.\n",
}


@pytest.mark.parametrize(
    ("override", "shown", "code"),
    [
        (None, "info", 0),
        ("warning", "info", 0),  # TC601's own default: changes nothing
        ("error", "info", 0),  # the rule downgraded these below its default: they stay
        ("info", "info", 0),
    ],
)
def test_override_keeps_a_rules_own_downgrade(tmp_path, override, shown, code):
    from tests.test_cli import transcheck

    for name, text in MIXED_QUOTES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if override:
        (tmp_path / "pyproject.toml").write_text(f'[tool.transcheck.severity]\nTC601 = "{override}"\n')
    result = transcheck("check", ".", "--fail-on", "warning", "-f", "json", cwd=tmp_path)
    import json

    assert result.stdout, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert {(f["code"], f["severity"]) for f in findings} == {("TC601", shown)}
    assert result.returncode == code


def _at(code, path, line, end_line):
    return Finding(code, "r", Category.FORMAT, Severity.WARNING, path, "sv", line, end_line, "m")


def test_a_tail_takes_the_most_severe_verdict_it_folds_and_a_repeat_keeps_its_own():
    from dataclasses import replace

    from transcheck.decide.judge import fold

    tail = _at("TC307", "it.md", 15, 40)
    missing = replace(_at("TC301", "it.md", 20, 20), severity=Severity.ERROR)
    note = replace(_at("TC203", "it.md", 22, 22), severity=Severity.INFO)
    kept, folded = fold([tail, missing, note])
    assert folded == 2 and [(f.code, f.severity) for f in kept] == [("TC307", Severity.ERROR)]
    # A tail that folds nothing worse than itself stays a warning.
    kept, _ = fold([tail, note])
    assert [(f.code, f.severity) for f in kept] == [("TC307", Severity.WARNING)]
    # A copy's problems are its original's, reported there: the repeat keeps its verdict.
    repeat = _at("TC101", "it.md", 15, 40)
    kept, folded = fold([repeat, missing])
    assert folded == 1 and [(f.code, f.severity) for f in kept] == [("TC101", Severity.WARNING)]


def test_fold_keeps_what_lies_outside_a_shown_repeat():
    from transcheck.decide.judge import fold

    repeat = _at("TC101", "sv.txt", 26, 44)
    inside = _at("TC601", "sv.txt", 32, 32)
    edge = _at("TC502", "sv.txt", 44, 44)
    straddling = _at("TC602", "sv.txt", 44, 46)
    other_file = _at("TC601", "it.txt", 32, 32)
    before = _at("TC601", "sv.txt", 12, 12)
    kept, folded = fold([before, repeat, inside, edge, straddling, other_file])
    assert kept == [before, repeat, straddling, other_file] and folded == 2
    # A suppressed repeat is not shown, so nothing is folded into it.
    group = GroupResult("g", (), (), (repeat, inside))
    policy = Policy(per_file_ignores=(("*", frozenset({"TC101"})),))
    judged = judge(group, policy, RULES)
    assert judged.group.findings == (inside,) and judged.group.folded == 0
    assert judge(group, Policy(), RULES).group.folded == 1
