"""The plan of a run: the configuration file merged with the command line, every
value validated once, here."""

from __future__ import annotations

import os
from dataclasses import dataclass

from transcheck.config.file import Config, ConfigError, _anchor, find_config, load_config
from transcheck.decide.exit import fail_on_error
from transcheck.settings import Settings


def settings_from(config: Config, source: str | None = None, base=None):
    """Settings for a run: the defaults, then the configuration, then ``source`` from
    the command line (already normalised)."""
    from dataclasses import replace

    settings = base or Settings()
    thresholds = replace(settings.thresholds, **config.thresholds)
    changes = {"thresholds": thresholds, "source": source or config.source or settings.source}
    changes["layouts"] = config.layouts or settings.layouts
    if config.vocabulary is not None:
        changes["vocabulary"] = config.vocabulary
    if config.glossary is not None:
        changes["glossary"] = config.glossary
    if config.full_coverage:
        changes["full_coverage"] = True
    return replace(settings, **changes)


@dataclass(frozen=True)
class RunPlan:
    """Everything ``transcheck check`` decided before checking, file and flags merged."""

    config: Config
    settings: Settings
    rules: tuple
    fail_on: str
    exclude: tuple[str, ...]


def plan_run(
    paths: list[str],
    *,
    config_path: str | None = None,
    source: str | None = None,
    fail_on: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    exclude: list[str] | None = None,
    extend_select: list[str] | None = None,
    layout: list[str] | None = None,
) -> RunPlan:
    """Merge the configuration file with the command line; the command line wins, key
    by key (``--select`` replaces ``select``, ``--ignore`` replaces ``ignore``, command-
    line ``--exclude`` patterns add to the file's). Raises ``ConfigError``."""
    from transcheck.config.select import UnknownRule, select_rules
    from transcheck.read.languages import normalise_tag
    from transcheck.rules.registry import RULES

    if fail_on is not None and fail_on_error(fail_on):
        raise ConfigError(f"--fail-on {fail_on_error(fail_on)}")
    if source is not None:
        if normalise_tag(source) is None:
            raise ConfigError(f"--source: unknown language code {source!r}")
        source = normalise_tag(source)
    if config_path is not None and not os.path.isfile(config_path):
        raise ConfigError(f"--config: no such file: {config_path}")
    config = load_config(config_path if config_path is not None else find_config(paths))
    try:
        rules = select_rules(
            RULES,
            select if select else (config.select or ()),
            ignore if ignore else (config.ignore or ()),
            tuple(config.extend_select) + tuple(extend_select or ()),
        )
    except UnknownRule as exc:
        raise ConfigError(str(exc)) from None
    cwd = os.path.abspath(".")
    patterns = config.exclude + tuple(_anchor(cwd, p) for p in (exclude or ()))
    if layout:  # replaces the file's layouts; relative to the working directory
        from dataclasses import replace

        from transcheck.read.layout import parse_layouts

        config = replace(config, layouts=parse_layouts(layout, cwd, "--layout", ConfigError))
    return RunPlan(
        config=config,
        settings=settings_from(config, source),
        rules=rules,
        fail_on=fail_on or config.fail_on or "error",
        exclude=patterns,
    )


def with_limits(settings: Settings, max_file_size: str | None, max_segments: int | None) -> Settings:
    """``settings`` with the command line's size limits, checked."""
    from dataclasses import replace

    if max_file_size is not None:
        size = parse_size(max_file_size)
        if size is None:
            raise ConfigError(
                f"--max-file-size: expected a size such as 5000000, 500k, 20M or 1G, not {max_file_size!r}"
            )
        settings = replace(settings, max_file_bytes=size)
    if max_segments is not None:
        if max_segments < 1:
            raise ConfigError(f"--max-segments must be at least 1, not {max_segments}")
        settings = replace(settings, max_segments=max_segments)
    return settings


def parse_size(text: str) -> int | None:
    import re

    m = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text, re.IGNORECASE)
    if not m or int(m.group(1)) < 1:
        return None
    return int(m.group(1)) * 1024 ** "_kmg".index(m.group(2).lower() or "_")


def with_glossary(settings: Settings, path: str | None) -> Settings:
    """Settings with the termbase named on the command line (or in the configuration),
    read once here so that a broken one is one line on stderr and exit code 2."""
    from dataclasses import replace

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


def process_count(jobs: int | None) -> int:
    """``--jobs``, checked; one process per core by default: groups are independent and
    the output is the same for any number of processes."""
    if jobs is not None and jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, not {jobs}")
    return max(1, os.cpu_count() or 1) if jobs is None else jobs
