"""Project configuration: ``[tool.transcheck]`` in ``pyproject.toml`` or a
``transcheck.toml``, the nearest one above the checked paths.

Everything here is validated strictly: an unknown key, an unknown rule code or a value
of the wrong type is a ``ConfigError`` naming the file and the key, because a typo in
a QA tool's configuration silently turns a check off. Paths in the file (glossary,
exclude, per-file-ignores, the suppression file) are relative to the file's directory.

A configuration may come from a pull request, so it is untrusted input: the files it
names (glossary, suppression file) must lie inside its checked tree (the repository
that holds it, else its directory; ``read.contain``), not behind a link out of it or
in a hidden directory, and be regular files, which are opened without blocking; the
file itself is read the same way, at most 10 MB, and TOML nested too deeply is an
error naming the file like any other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from transcheck.config.toml import MAX_CONFIG_BYTES, ConfigError, read_toml as _read_toml
from transcheck.model import Severity
from transcheck.read.layout import parse_layouts
from transcheck.read.spec import anchor_glob as _anchor

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
    "max-languages": int,
    "full-coverage": bool,
    "language-codes": dict,
    "skip-markers": list,
}


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
    suppressions: tuple = ()  # config.suppressions.Suppression
    layouts: tuple = ()  # transcheck.read.layout.Layout, relative to root
    vocabulary: object | None = None  # transcheck.terms.vocabulary.Vocabulary; None: none declared
    max_languages: int | None = None
    full_coverage: bool = False  # keyed resources: every key is translated
    language_codes: tuple = ()  # (a project's code in paths, its BCP 47 tag), sorted
    skip_markers: tuple[str, ...] = ()  # besides the default ones ("[i18n skip]"…)


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
    from transcheck.read.contain import read_regular

    try:
        data = read_regular(path, MAX_CONFIG_BYTES)[0]
    except OSError:
        return False
    # A cheap test first: most pyproject files never mention transcheck.
    return b"tool.transcheck" in data and "transcheck" in _read_toml(path).get("tool", {})


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

    tree = None

    def contained(key: str, name: str) -> str:
        """``name`` from the file, as a path that stays inside the checked tree."""
        from transcheck.read.contain import checked_root, inside

        nonlocal tree
        tree = tree or checked_root(root)
        target = os.path.normpath(os.path.join(root, name))
        if not inside(target, tree):
            raise err(key, f"{name!r} is outside the checked tree ({tree}) or leads out of it; "
                           "a configuration names files of its own tree only")
        return target

    glossary = values.get("glossary")
    if glossary is not None:
        glossary = contained("glossary", glossary)

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

    from transcheck.config.suppressions import load_suppressions, parse_suppressions

    suppressions = list(parse_suppressions(values.get("suppress", []), path, f"{prefix}suppress"))
    file_name = values.get("suppressions")
    supp_path = contained("suppressions", file_name or SUPPRESSION_FILE)
    if os.path.lexists(supp_path):  # read as a regular file, or refused: never waited on
        suppressions.extend(load_suppressions(supp_path))
    elif file_name:
        raise err("suppressions", f"no such file: {file_name}")

    max_languages = values.get("max-languages")
    if max_languages is not None and (isinstance(max_languages, bool) or max_languages < 2):
        raise err("max-languages", f"must be an integer of at least 2, not {max_languages!r}")

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
        max_languages=max_languages,
        full_coverage=values.get("full-coverage", False),
        language_codes=_language_codes(values.get("language-codes", {}), err),
        skip_markers=tuple(m for m in strings("skip-markers", values.get("skip-markers", [])) if m.strip()),
    )


def _language_codes(table: dict, err) -> tuple:
    """``[language-codes]``: the project's codes (``cn``, ``ptbr``) and the tags they stand
    for, each tag one transcheck knows."""
    from transcheck.read.languages import mapping_key, normalise_tag

    out = {}
    for code, tag in table.items():
        key = f"language-codes.{code}"
        if not isinstance(tag, str):
            raise err(key, f"expected a language tag such as \"zh-CN\", got {type(tag).__name__}")
        if not code.strip() or "/" in code:
            raise err(key, "a code is one part of a path")
        normal = normalise_tag(tag)
        if normal is None:
            raise err(key, f"unknown language tag {tag!r}")
        if out.setdefault(mapping_key(code), normal) != normal:
            raise err(key, f"{code!r} is mapped twice")
    return tuple(sorted(out.items()))


def _vocabulary(values: dict, strings, err):
    """The project vocabulary of the file, every pattern checked (see terms/vocabulary.py)."""
    from transcheck.read.languages import normalise_tag
    from transcheck.terms.patterns import pattern_error
    from transcheck.terms.vocabulary import ALL_LANGUAGES, Vocabulary

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
