"""Configuration files: where they are found, what they may say, and that the command
line wins over them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import transcheck
from transcheck.config.file import ConfigError, find_config, load_config
from tests.conftest import ROOT
from transcheck.config.plan import Options, build_plan
from transcheck.model import Severity
from transcheck.rules.registry import RULES

SV = "Vårt team svarar på alla kundfrågor inom en arbetsdag och hjälper dig gärna.\n"
IT = "Il nostro team risponde a tutte le domande dei clienti entro un giorno lavorativo.\n"
TR = "Ekibimiz tüm müşteri sorularını bir iş günü içinde yanıtlar ve size memnuniyetle yardım eder.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _docs(directory: Path, extra: dict[str, str] | None = None) -> None:
    for name, text in {"sv.txt": SV, "it.txt": IT, "tr.txt": TR, **(extra or {})}.items():
        _write(directory / name, text)


def test_nearest_config_above_the_paths_wins(tmp_path):
    _write(tmp_path / "transcheck.toml", 'fail-on = "warning"\n')
    _write(tmp_path / "docs" / "pyproject.toml", '[tool.transcheck]\nfail-on = "info"\n')
    _docs(tmp_path / "docs" / "guide")
    assert find_config([str(tmp_path / "docs" / "guide")]) == str(tmp_path / "docs" / "pyproject.toml")
    assert find_config([str(tmp_path / "missing")]) is None  # a missing path anchors nothing
    assert find_config([str(tmp_path)]) == str(tmp_path / "transcheck.toml")


def test_pyproject_without_a_transcheck_table_is_passed_over(tmp_path):
    _write(tmp_path / "transcheck.toml", "select = ['TC1']\n")
    _write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    _docs(tmp_path / "sub")
    assert find_config([str(tmp_path / "sub")]) == str(tmp_path / "transcheck.toml")


def test_transcheck_toml_before_pyproject_in_one_directory(tmp_path):
    _write(tmp_path / "pyproject.toml", "[tool.transcheck]\nselect = ['TC2']\n")
    _write(tmp_path / "transcheck.toml", "select = ['TC1']\n")
    assert find_config([str(tmp_path)]) == str(tmp_path / "transcheck.toml")


def test_every_key_is_read(tmp_path):
    # The plan reads the glossary it names: a broken one is one line before any check.
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "glossary.tbx").write_bytes((ROOT / "corpus" / "glossary.tbx").read_bytes())
    path = _write(
        tmp_path / "pyproject.toml",
        """
[tool.transcheck]
select = ["TC1", "TC3"]
ignore = ["TC302"]
source = "en"
glossary = "terms/glossary.tbx"
exclude = ["drafts/*"]
fail-on = "warning"

[tool.transcheck.severity]
TC301 = "warning"
duplicate-block = "info"

[tool.transcheck.thresholds]
duplicate_min_chrf = 95
duplicate-min-letters = 60

[tool.transcheck.per-file-ignores]
"docs/legal.*.md" = ["TC301"]

[[tool.transcheck.suppress]]
fingerprint = "0123456789abcdef"
justification = "The brand name is never translated."
""",
    )
    config = load_config(str(path))
    assert config.select == ("TC1", "TC3") and config.ignore == ("TC302",)
    assert config.source == "en"
    assert config.glossary == str(tmp_path / "terms" / "glossary.tbx")
    assert config.exclude == (str(tmp_path / "drafts/*"),)
    assert config.fail_on == "warning"
    assert config.severity == {"TC301": Severity.WARNING, "TC101": Severity.INFO}
    assert config.thresholds == {"duplicate_min_chrf": 95.0, "duplicate_min_letters": 60}
    assert config.per_file_ignores == ((str(tmp_path / "docs/legal.*.md"), frozenset({"TC301"})),)
    assert [s.fingerprint for s in config.suppressions] == ["0123456789abcdef"]

    plan = build_plan([str(tmp_path)], Options(config=str(path)))
    assert [r.code for r in plan.rules] == [r.code for r in RULES if r.code[:3] in ("TC1", "TC3") and r.code != "TC302"]
    assert plan.settings.thresholds.duplicate_min_chrf == 95.0
    assert plan.settings.thresholds.duplicate_min_letters == 60
    assert plan.settings.source == "en" and plan.settings.glossary == config.glossary
    assert plan.fail_on == "warning"


def test_command_line_overrides_the_file(tmp_path):
    path = _write(tmp_path / "transcheck.toml", 'select = ["TC1"]\nignore = ["TC101"]\nfail-on = "info"\nsource = "sv"\n')
    plan = build_plan([str(tmp_path)], Options(config=str(path), select=("TC3",), fail_on="never", source="it"))
    assert [r.code for r in plan.rules] == [r.code for r in RULES if r.code.startswith("TC3")]
    assert plan.fail_on == "never" and plan.settings.source == "it"
    plan = build_plan([str(tmp_path)], Options(config=str(path), ignore=("TC3",)))
    assert [r.code for r in plan.rules] == [r.code for r in RULES if r.code.startswith("TC1")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct = ['TC1']\n", "unknown key 'selct'"),
        ("select = ['TC999']\n", "select: unknown rule code or name: 'TC999'"),
        ("ignore = ['no-such-rule']\n", "ignore: unknown rule code or name: 'no-such-rule'"),
        ("select = 'TC1'\n", "select: expected list"),
        ("[severity]\nTC999 = 'error'\n", "severity.TC999: unknown rule code"),
        ("[severity]\nTC101 = 'fatal'\n", "severity.TC101: must be error, warning or info"),
        ("[thresholds]\nduplicate_min_chrff = 1\n", "unknown key 'thresholds.duplicate_min_chrff'"),
        ("[thresholds]\nduplicate_min_letters = 'many'\n", "thresholds.duplicate_min_letters: expected an integer"),
        ("[thresholds]\nduplicate_min_chrf = true\n", "thresholds.duplicate_min_chrf: expected a number"),
        ("[thresholds]\nlangid_min_confidence = 0\n", "thresholds.langid_min_confidence: must be in (0.0, 1.0], not 0.0"),
        ("[thresholds]\nlangid_min_confidence = 1.5\n", "thresholds.langid_min_confidence: must be in (0.0, 1.0]"),
        ("[thresholds]\nlangid_min_confidence = nan\n", "thresholds.langid_min_confidence: must be a finite number, not nan"),
        ("[thresholds]\ndrift_min_mads = inf\n", "thresholds.drift_min_mads: must be a finite number, not inf"),
        ("[thresholds]\nduplicate_min_chrf = -1\n", "thresholds.duplicate_min_chrf: must be in [0.0, 100.0], not -1.0"),
        ("[thresholds]\nduplicate_min_letters = -3\n", "thresholds.duplicate_min_letters: must be at least 0, not -3"),
        ("[thresholds]\nlength_min_rows = 0\n", "thresholds.length_min_rows: must be at least 1, not 0"),
        ("[thresholds]\nlength_min_factor = 0.5\n", "thresholds.length_min_factor: must be at least 1.0, not 0.5"),
        ("fail-on = 'sometimes'\n", "fail-on: must be one of"),
        ("source = 'xx-yy-zz'\n", "source: unknown language code"),
        ("[per-file-ignores]\n'a/*.md' = ['TC999']\n", "per-file-ignores.a/*.md: unknown rule code"),
        ("[per-file-ignores]\n'a/*.md' = 'TC101'\n", "per-file-ignores.a/*.md: expected a list"),
        ("[[suppress]]\nfingerprint = 'abc'\n", "justification is required"),
        ("[[suppress]]\njustification = 'why'\n", "fingerprint is required"),
        ("[[suppress]]\nfingerprint = 'abc'\njustification = 'ok'\nreason = 'x'\n", "unknown key 'reason'"),
        ("suppressions = 'missing.toml'\n", "suppressions: no such file"),
        ("select = [\n", "invalid TOML"),
        ("skip-markers = '[skip]'\n", "skip-markers: expected list"),
        ("skip-markers = [1]\n", "skip-markers: expected a list of strings"),
    ],
)
def test_bad_configuration_is_one_error_naming_the_key(tmp_path, text, message):
    path = _write(tmp_path / "transcheck.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(str(path))
    assert message in str(info.value)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_pyproject_errors_name_the_full_key(tmp_path):
    path = _write(tmp_path / "pyproject.toml", "[tool.transcheck]\nfail_on = 'error'\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"unknown key 'tool\.transcheck\.bogus'"):
        load_config(str(path))


def test_cli_bad_configuration_exits_2_with_one_line(tmp_path):
    _docs(tmp_path)
    _write(tmp_path / "transcheck.toml", "[severity]\nTC999 = 'error'\n")
    result = transcheck("check", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "TC999" in result.stderr and "Traceback" not in result.stderr


DUP_SV = (
    "Vårt team svarar på alla kundfrågor inom en arbetsdag och hjälper dig gärna.\n"
    "Kontakta oss\n"
    "Vårt team svarar på alla kundfrågor inom en arbetsdag och hjälper dig gärna.\n"
)


def test_cli_uses_severity_override_and_fail_on_from_the_file(tmp_path):
    _write(tmp_path / "sv.txt", DUP_SV)  # a repeated paragraph: TC101, an error by default
    base = transcheck("check", str(tmp_path), "-f", "json")
    assert [(f["code"], f["severity"]) for f in json.loads(base.stdout)["findings"]] == [("TC101", "error")]
    assert base.returncode == 1
    _write(tmp_path / "transcheck.toml", '[severity]\nTC101 = "warning"\n')
    result = transcheck("check", str(tmp_path), "-f", "json")
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]] == [("TC101", "warning")]
    assert result.returncode == 0
    _write(tmp_path / "transcheck.toml", 'fail-on = "warning"\n[severity]\nTC101 = "warning"\n')
    assert transcheck("check", str(tmp_path)).returncode == 1
    # ...and the command line still wins over the file.
    assert transcheck("check", str(tmp_path), "--fail-on", "error").returncode == 0


def test_exclude_in_the_file_is_relative_to_it(tmp_path):
    _docs(tmp_path / "docs")
    _write(tmp_path / "docs" / "drafts" / "sv.txt", SV)
    _write(tmp_path / "docs" / "drafts" / "it.txt", IT)
    _write(tmp_path / "transcheck.toml", 'exclude = ["docs/drafts/*"]\n')
    for cwd, arg in ((tmp_path, "docs"), (tmp_path / "docs", "."), (Path("/"), str(tmp_path / "docs"))):
        data = json.loads(transcheck("check", arg, "-f", "json", cwd=cwd).stdout)
        assert not any("drafts" in d["path"] for d in data["documents"]), (cwd, arg)
        assert len(data["documents"]) == 3


def test_explicit_config_option(tmp_path):
    _docs(tmp_path)
    cfg = _write(tmp_path / "elsewhere" / "strict.toml", 'fail-on = "never"\n')
    assert transcheck("check", str(tmp_path), "--config", str(cfg)).returncode == 0
    missing = transcheck("check", str(tmp_path), "--config", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "--config: no such file" in missing.stderr


def test_documented_configuration_example_is_valid(tmp_path):
    from tests.conftest import ROOT

    readme = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = readme.split("\n## The configuration file\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    path = _write(tmp_path / "pyproject.toml", example)
    config = load_config(str(path))
    assert config.fail_on == "warning" and config.severity == {"TC302": Severity.ERROR}


def test_exclude_on_the_command_line_adds_to_the_file(tmp_path):
    _docs(tmp_path / "a")
    _docs(tmp_path / "b")
    _docs(tmp_path / "c")
    _write(tmp_path / "transcheck.toml", 'exclude = ["a/*"]\n')
    data = json.loads(transcheck("check", ".", "--exclude", "b/*", "-f", "json", cwd=tmp_path).stdout)
    assert {Path(d["path"]).parent.name for d in data["documents"]} == {"c"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--jobs", "0"), "--jobs must be at least 1, not 0"),
        (("-j", "-2"), "--jobs must be at least 1, not -2"),
        (("--fail-on", "sometimes"), "--fail-on must be one of error, warning, info, never, not 'sometimes'"),
        (("--source", "xx-yy-zz"), "--source: unknown language code 'xx-yy-zz'"),
    ],
)
def test_bad_command_line_value_is_one_line_and_exit_2(tmp_path, args, message):
    _docs(tmp_path)
    result = transcheck("check", str(tmp_path), *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"transcheck: {message}\n"


def test_thresholds_in_range_are_accepted(tmp_path):
    path = _write(tmp_path / "transcheck.toml", "[thresholds]\nlangid_min_confidence = 1\nduplicate_min_letters = 0\n")
    assert load_config(str(path)).thresholds == {"langid_min_confidence": 1.0, "duplicate_min_letters": 0}
