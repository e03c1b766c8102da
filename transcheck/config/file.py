"""Project configuration: ``[tool.transcheck]`` in ``pyproject.toml`` or a
``transcheck.toml``, the nearest one above the checked paths.

Everything here is validated strictly: an unknown key, an unknown rule code or a value
of the wrong type is a ``ConfigError`` naming the file and the key, because a typo in
a QA tool's configuration silently turns a check off. Paths in the file (glossary,
exclude, per-file-ignores, the suppression file) are relative to the file's directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from transcheck.errors import UsageError
from transcheck.model import Severity
from transcheck.read.layout import parse_layouts

CONFIG_FILES = ("transcheck.toml", "pyproject.toml")
SUPPRESSION_FILE = ".transcheck-suppressions.toml"

# Keys of the configuration table, with the type each must have.
_KEYS = {
    "select": list,
    "extend-select": list,
    "ignore": list,
    "severity": dict,
    "thresholds": dict,
    "source": str,
    "glossary": str,
    "exclude": list,
    "fail-on": str,
    "show-info": bool,
    "per-file-ignores": dict,
    "suppress": list,
    "suppressions": str,
    "layout": list,
    "do-not-translate": list,
    "do-not-translate-patterns": list,
    "accepted-english": dict,
}
_SUPPRESS_KEYS = {"fingerprint", "justification", "rule", "path", "message"}


class ConfigError(UsageError):
    """A configuration or suppression file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Suppression:
    fingerprint: str
    justification: str
    origin: str  # the file that holds it, for messages


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it was read from; None: no configuration
    root: str = "."  # absolute directory the paths in the file are relative to
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] | None = None
    severity: dict[str, Severity] = field(default_factory=dict)  # by rule code
    thresholds: dict[str, float | int] = field(default_factory=dict)
    source: str | None = None
    glossary: str | None = None
    exclude: tuple[str, ...] = ()  # absolute glob patterns
    fail_on: str | None = None
    show_info: bool | None = None  # info findings in annotations and the PR summary too
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()  # (absolute glob, codes)
    suppressions: tuple[Suppression, ...] = ()
    layouts: tuple = ()  # transcheck.read.layout.Layout, relative to root
    vocabulary: object | None = None  # transcheck.terms.vocabulary.Vocabulary; None: none declared


def find_config(paths: list[str]) -> str | None:
    """The nearest configuration file above the checked paths (their common directory).

    A ``pyproject.toml`` counts only when it has a ``[tool.transcheck]`` table, so a
    project's unrelated pyproject does not stop the search.
    """
    existing = [os.path.abspath(p) for p in paths if os.path.exists(p)]
    if not existing:
        return None
    try:
        start = os.path.commonpath(existing)
    except ValueError:  # different drives
        start = existing[0]
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return False
    # A cheap test first: most pyproject files never mention transcheck.
    return b"tool.transcheck" in data and "transcheck" in _read_toml(path).get("tool", {})


def _read_toml(path: str) -> dict:
    import tomllib

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: str | None) -> Config:
    """Read and validate one configuration file (``None``: the empty configuration)."""
    if path is None:
        return Config(root=os.path.abspath("."))
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        table, prefix = data.get("tool", {}).get("transcheck", {}), "tool.transcheck."
    else:
        table, prefix = data, ""
    root = os.path.dirname(os.path.abspath(path))
    return parse_table(table, path, root, prefix)


def parse_table(table: dict, path: str, root: str, prefix: str = "") -> Config:
    from transcheck.decide.exit import fail_on_error
    from transcheck.config.select import UnknownRule, resolve_codes
    from transcheck.read.languages import normalise_tag
    from transcheck.rules.registry import catalogue

    def err(key: str, message: str) -> ConfigError:
        return ConfigError(f"{path}: {prefix}{key}: {message}")

    values: dict[str, object] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key not in _KEYS:
            raise ConfigError(f"{path}: unknown key {prefix + raw_key!r}")
        if not isinstance(value, _KEYS[key]):
            raise err(raw_key, f"expected {_KEYS[key].__name__}, got {type(value).__name__}")
        values[key] = value

    def strings(key: str, items: list) -> tuple[str, ...]:
        if not all(isinstance(v, str) for v in items):
            raise err(key, "expected a list of strings")
        return tuple(items)

    def codes(key: str, entries) -> frozenset[str]:
        try:
            return frozenset().union(*(resolve_codes(catalogue(), e) for e in entries))
        except UnknownRule as exc:
            raise err(key, str(exc)) from None

    select = ignore = None
    if "select" in values:
        select = strings("select", values["select"])
        codes("select", select)
    if "ignore" in values:
        ignore = strings("ignore", values["ignore"])
        codes("ignore", ignore)
    extend_select = strings("extend-select", values.get("extend-select", []))
    codes("extend-select", extend_select)

    severity: dict[str, Severity] = {}
    for entry, level in values.get("severity", {}).items():
        try:
            sev = Severity(level)
        except ValueError:
            raise err(f"severity.{entry}", f"must be error, warning or info, not {level!r}") from None
        for code in sorted(codes(f"severity.{entry}", [entry])):
            severity[code] = sev

    thresholds: dict[str, float | int] = {}
    from transcheck.settings import Thresholds, threshold_error

    kinds = {f.name: f.type for f in fields(Thresholds)}
    for raw, value in values.get("thresholds", {}).items():
        name = raw.replace("-", "_")
        if name not in kinds:
            raise ConfigError(f"{path}: unknown key {prefix + 'thresholds.' + raw!r}")
        wants_int = kinds[name] in (int, "int")
        ok = isinstance(value, int) if wants_int else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok:
            kind = "an integer" if wants_int else "a number"
            raise err(f"thresholds.{raw}", f"expected {kind}, got {value!r}")
        thresholds[name] = value if wants_int else float(value)
        if threshold_error(name, thresholds[name]):
            raise err(f"thresholds.{raw}", threshold_error(name, thresholds[name]))

    source = values.get("source")
    if source is not None:
        tag = normalise_tag(source)
        if tag is None:
            raise err("source", f"unknown language code {source!r}")
        source = tag

    glossary = values.get("glossary")
    if glossary is not None:
        glossary = os.path.normpath(os.path.join(root, glossary))

    fail_on = values.get("fail-on")
    if fail_on is not None and fail_on_error(fail_on):
        raise err("fail-on", fail_on_error(fail_on))

    exclude = tuple(_anchor(root, p) for p in strings("exclude", values.get("exclude", [])))

    per_file = []
    for pattern, entries in values.get("per-file-ignores", {}).items():
        key = f"per-file-ignores.{pattern}"
        if not isinstance(entries, list):
            raise err(key, "expected a list of rule codes")
        per_file.append((_anchor(root, pattern), codes(key, strings(key, entries))))

    suppressions = list(parse_suppressions(values.get("suppress", []), path, f"{prefix}suppress"))
    file_name = values.get("suppressions")
    supp_path = os.path.join(root, file_name if file_name else SUPPRESSION_FILE)
    if os.path.isfile(supp_path):
        suppressions.extend(load_suppressions(supp_path))
    elif file_name:
        raise err("suppressions", f"no such file: {file_name}")

    return Config(
        path=path,
        root=root,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        severity=severity,
        thresholds=thresholds,
        source=source,
        glossary=glossary,
        exclude=exclude,
        fail_on=fail_on,
        show_info=values.get("show-info"),
        per_file_ignores=tuple(per_file),
        suppressions=tuple(suppressions),
        layouts=parse_layouts(values.get("layout", []), root, f"{path}: {prefix}layout", ConfigError),
        vocabulary=_vocabulary(values, strings, err),
    )


def _vocabulary(values: dict, strings, err):
    """The project vocabulary of the file, every pattern checked (see terms/vocabulary.py)."""
    from transcheck.read.languages import normalise_tag
    from transcheck.terms.vocabulary import ALL_LANGUAGES, Vocabulary, pattern_error

    terms = strings("do-not-translate", values.get("do-not-translate", []))
    if any(not t.strip() for t in terms):
        raise err("do-not-translate", "an empty term")
    patterns = strings("do-not-translate-patterns", values.get("do-not-translate-patterns", []))
    for n, pattern in enumerate(patterns, start=1):
        if problem := pattern_error(pattern):
            raise err(f"do-not-translate-patterns[{n}]", f"{pattern!r}: {problem}")
    accepted = []
    for lang, words in values.get("accepted-english", {}).items():
        key = f"accepted-english.{lang}"
        if not isinstance(words, list):
            raise err(key, "expected a list of words")
        tag = ALL_LANGUAGES if lang == ALL_LANGUAGES else normalise_tag(lang)
        if tag is None:
            raise err(key, f"unknown language code {lang!r} (or \"*\" for every language)")
        words = strings(key, words)
        if any(not w.strip() for w in words):
            raise err(key, "an empty word")
        accepted.append((tag.lower(), words))
    vocabulary = Vocabulary(terms, patterns, tuple(sorted(accepted)))
    return vocabulary if vocabulary else None


def load_suppressions(path: str) -> list[Suppression]:
    """A suppression file: ``[[suppress]]`` entries with a fingerprint and a justification."""
    data = _read_toml(path)
    for key in data:
        if key != "suppress":
            raise ConfigError(f"{path}: unknown key {key!r}")
    entries = data.get("suppress", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: suppress: expected an array of tables ([[suppress]])")
    return list(parse_suppressions(entries, path, "suppress"))


def parse_suppressions(entries: list, path: str, where: str):
    for n, entry in enumerate(entries, start=1):
        here = f"{path}: {where}[{n}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{here}: expected a table with fingerprint and justification")
        for key in entry:
            if key not in _SUPPRESS_KEYS:
                raise ConfigError(f"{here}: unknown key {key!r}")
        fingerprint = entry.get("fingerprint")
        justification = entry.get("justification")
        if not isinstance(fingerprint, str) or not fingerprint.strip():
            raise ConfigError(f"{here}: fingerprint is required")
        if not isinstance(justification, str) or not justification.strip():
            # A suppression nobody can explain a year later is a deleted check.
            raise ConfigError(f"{here}: justification is required (say why this is not a defect)")
        yield Suppression(fingerprint.strip(), justification.strip(), path)


def _anchor(root: str, pattern: str) -> str:
    """A glob from the file, made absolute so it matches however the paths were given."""
    pattern = pattern.replace("\\", "/")
    return pattern if os.path.isabs(pattern) else os.path.join(root, pattern)
