"""The plan of a run: the caller's ``Options`` merged with the configuration file, every
value validated once, here. The command line and the library (``transcheck.api``)
build their runs through ``build_plan``; only how an option is spelled in a message
differs (``--max-segments`` or ``max_segments``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from transcheck.config.file import Config, ConfigError, find_config, load_config
from transcheck.read.spec import anchor_glob as _anchor
from transcheck.decide.exit import fail_on_error
from transcheck.decide.judge import Policy, policy_from
from transcheck.rules.registry import RuleSet
from transcheck.settings import Settings


@dataclass(frozen=True)
class Options:
    """Everything a caller may ask of a run, each as the command line's option of the
    same name (``max_file_size`` is ``--max-file-size``). None: the configuration's
    value, else the default."""

    config: str | None = None  # a configuration file; None: the nearest one above the paths
    find_config: bool = True  # look for the nearest one when ``config`` is None
    source: str | None = None
    select: tuple[str, ...] = ()  # replaces the configuration's ``select`` when given
    ignore: tuple[str, ...] = ()  # replaces the configuration's ``ignore`` when given
    extend_select: tuple[str, ...] = ()  # adds to the configuration's
    exclude: tuple[str, ...] = ()  # globs relative to the working directory; add to the file's
    layout: tuple[str, ...] = ()  # replaces the configuration's layouts
    fail_on: str | None = None
    show_info: bool | None = None  # info findings in annotations and the PR summary
    strict: bool = False
    glossary: str | None = None
    max_file_size: str | int | None = None  # bytes, or "500k", "20M", "1G"
    max_segments: int | None = None
    max_languages: int | None = None  # languages of one document
    follow_symlinks: bool = False
    history: bool = True
    embeddings: bool = False
    baseline: str | None = None  # a baseline file: its findings are set aside
    changed_since: str | None = None  # a git revision
    jobs: int | None = 1  # None: one process per core


@dataclass(frozen=True)
class RunPlan:
    """Everything a run decided before checking, the file and the caller's options merged."""

    config: Config
    settings: Settings
    rules: RuleSet
    policy: Policy
    exclude: tuple[str, ...] = ()
    jobs: int = 1
    changed_since: str | None = None
    notes: tuple[str, ...] = field(default=())  # rules selected that cannot run here, one line each

    @property
    def fail_on(self) -> str:
        return self.policy.fail_on


def _plain(name: str) -> str:
    return name


def build_plan(paths: list[str], options: Options = Options(),
               flag: Callable[[str], str] = _plain) -> RunPlan:
    """The plan for checking ``paths`` as ``options`` ask. ``flag`` spells an option's
    name for messages. Raises ``ConfigError`` (one line) for anything unusable."""
    from transcheck.config.select import UnknownRule, select_rules
    from transcheck.read.languages import normalise_tag
    from transcheck.rules.registry import PluginError, catalogue

    if options.fail_on is not None and fail_on_error(options.fail_on):
        raise ConfigError(f"{flag('fail_on')} {fail_on_error(options.fail_on)}")
    source = options.source
    if source is not None:
        if normalise_tag(source) is None:
            raise ConfigError(f"{flag('source')}: unknown language code {source!r}")
        source = normalise_tag(source)
    if options.config is not None and not os.path.isfile(options.config):
        raise ConfigError(f"{flag('config')}: no such file: {options.config}")
    where = options.config if options.config is not None else find_config(paths) if options.find_config else None
    config = load_config(where)
    try:
        rules = select_rules(
            catalogue(),
            options.select or config.select or (),
            options.ignore or config.ignore or (),
            tuple(config.extend_select) + tuple(options.extend_select),
        )
    except (UnknownRule, PluginError) as exc:
        raise ConfigError(str(exc)) from None
    _something_checked(config, rules, bool(options.select or options.ignore), flag)
    cwd = os.path.abspath(".")
    exclude = config.exclude + tuple(_anchor(cwd, p) for p in options.exclude)
    if options.layout:  # replaces the file's layouts; relative to the working directory
        from transcheck.read.layout import parse_layouts

        config = replace(config, layouts=parse_layouts(list(options.layout), cwd, flag("layout"), ConfigError))
    settings = settings_from(config, source)
    settings = _with_limits(settings, options.max_file_size, options.max_segments, options.max_languages, flag)
    settings = replace(settings, follow_symlinks=options.follow_symlinks,
                       history=settings.history and options.history)
    settings = _with_glossary(settings, options.glossary)
    if options.embeddings:
        from transcheck import embeddings

        if not embeddings.available():
            raise ConfigError(f"{flag('embeddings')} needs the embeddings extra: {embeddings.EXTRA_HINT}")
        settings = replace(settings, embeddings=True)
    baseline = None
    if options.baseline:
        from transcheck.decide.baseline import BaselineError, read

        try:
            baseline = read(options.baseline)
        except BaselineError as exc:
            raise ConfigError(str(exc)) from None
    return RunPlan(
        config=config,
        settings=settings,
        rules=RuleSet(rules),
        policy=policy_from(config, baseline, options.fail_on, options.strict, options.show_info),
        exclude=exclude,
        jobs=_process_count(options.jobs, flag),
        changed_since=options.changed_since,
        notes=tuple(f"{r.name} ({r.code}) skipped, {why}" for r in rules if (why := r.unavailable())),
    )


def settings_from(config: Config, source: str | None = None, base=None):
    """Settings for a run: the defaults, then the configuration, then ``source`` from
    the caller (already normalised)."""
    settings = base or Settings()
    thresholds = replace(settings.thresholds, **config.thresholds)
    changes = {"thresholds": thresholds, "source": source or config.source or settings.source}
    changes["layouts"] = config.layouts or settings.layouts
    if config.vocabulary is not None:
        changes["vocabulary"] = config.vocabulary
    if config.glossary is not None:
        changes["glossary"] = config.glossary
    if config.max_languages is not None:
        changes["max_languages"] = config.max_languages
    if config.full_coverage:
        changes["full_coverage"] = True
    if config.skip_markers:
        changes["skip_markers"] = settings.skip_markers + config.skip_markers
    if config.language_codes:
        changes["language_codes"] = config.language_codes
    return replace(settings, **changes)


def _something_checked(config: Config, rules: tuple, from_caller: bool, flag) -> None:
    """``ConfigError`` for a selection that turns the check off: no rule left to run,
    or a per-file-ignores entry that ignores every rule for every file. A pull request
    that changes the configuration so must not pass as "0 errors"."""
    where = f"{flag('select')}/{flag('ignore')}" if from_caller else f"{config.path}: select/ignore"
    if not rules:
        raise ConfigError(f"{where}: no rule is left to run; nothing would be checked")
    codes = {r.code for r in rules}
    for pattern, ignored in config.per_file_ignores:
        rest = os.path.relpath(pattern, config.root) if os.path.isabs(pattern) else pattern
        if codes <= ignored and rest.strip("*/" + os.sep) == "":
            shown = rest.replace(os.sep, "/")
            raise ConfigError(f"{config.path}: per-file-ignores.{shown}: ignores every rule for every "
                              "file; nothing would be checked")


def _with_limits(settings: Settings, max_file_size, max_segments, max_languages, flag) -> Settings:
    """``settings`` with the caller's size limits, checked."""
    if max_file_size is not None:
        size = max_file_size if isinstance(max_file_size, int) and max_file_size >= 1 else parse_size(str(max_file_size))
        if size is None:
            raise ConfigError(
                f"{flag('max_file_size')}: expected a size such as 5000000, 500k, 20M or 1G, not {max_file_size!r}"
            )
        settings = replace(settings, max_file_bytes=size)
    if max_segments is not None:
        if max_segments < 1:
            raise ConfigError(f"{flag('max_segments')} must be at least 1, not {max_segments}")
        settings = replace(settings, max_segments=max_segments)
    if max_languages is not None:
        if max_languages < 2:
            raise ConfigError(f"{flag('max_languages')} must be at least 2, not {max_languages}")
        settings = replace(settings, max_languages=max_languages)
    return settings


def parse_size(text: str) -> int | None:
    import re

    m = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text, re.IGNORECASE)
    if not m or int(m.group(1)) < 1:
        return None
    return int(m.group(1)) * 1024 ** "_kmg".index(m.group(2).lower() or "_")


def _with_glossary(settings: Settings, path: str | None) -> Settings:
    """Settings with the termbase the caller named (or the configuration did), read once
    here so that a broken one is one line and exit code 2."""
    from transcheck.terms import GlossaryError, load_cached

    if path:
        settings = replace(settings, glossary=path)
    if settings.glossary:
        from transcheck.read.contain import glossary_escapes

        if escaped := glossary_escapes(settings):
            raise ConfigError(escaped)
        try:
            load_cached(settings.glossary)
        except GlossaryError as exc:
            raise ConfigError(f"{exc.path}: {exc}") from None
    return settings


def _process_count(jobs: int | None, flag) -> int:
    """Worker processes, checked; one per core when None: groups are independent and
    the output is the same for any number of processes."""
    if jobs is not None and jobs < 1:
        raise ConfigError(f"{flag('jobs')} must be at least 1, not {jobs}")
    return max(1, os.cpu_count() or 1) if jobs is None else jobs
