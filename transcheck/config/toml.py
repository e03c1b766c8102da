"""Reading a TOML file that may come from a pull request: a regular file, opened
without blocking, at most ``MAX_CONFIG_BYTES``; every failure one line naming it."""

from __future__ import annotations

from transcheck.errors import UsageError

MAX_CONFIG_BYTES = 10_000_000


class ConfigError(UsageError):
    """A configuration or suppression file that cannot be used; the message is one line."""


def read_toml(path: str) -> dict:
    import tomllib

    from transcheck.read.contain import read_regular

    try:
        data = read_regular(path, MAX_CONFIG_BYTES)[0]
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES // 1_000_000} MB; not a configuration")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
