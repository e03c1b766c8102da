"""Output formats. Each is one module with a ``Formatter`` (see ``base``); this table
picks it.

Formatters read findings and never check anything.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Iterable
from typing import TextIO

from transcheck.model import Report
from transcheck.report.base import Formatter


class Format(str, enum.Enum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"
    MARKDOWN = "markdown"
    HTML = "html"


# Module per format, imported only when that format is asked for (start-up stays fast).
_MODULES = {
    Format.TEXT: "transcheck.report.text",
    Format.JSON: "transcheck.report.json_format",
    Format.SARIF: "transcheck.report.sarif",
    Format.JUNIT: "transcheck.report.junit",
    Format.GITHUB: "transcheck.report.github",
    Format.MARKDOWN: "transcheck.report.markdown",
    Format.HTML: "transcheck.report.html",
}


def formatter_class(fmt: Format) -> type[Formatter]:
    return importlib.import_module(_MODULES[fmt]).FORMATTER


def formatter(fmt: Format, color: bool = False) -> Formatter:
    return formatter_class(fmt)(color=color)


def write(report: Report, out: TextIO, fmt: Format | Formatter, sections: Iterable[str] | None = None,
          color: bool = False) -> None:
    """Write ``report`` to ``out`` in a format (a ``Format``, or the ``Formatter`` that
    made ``sections`` while the groups were checked, ``runner.check``). Without
    ``sections`` they are made here from the whole groups the report holds."""
    chosen = fmt if isinstance(fmt, Formatter) else formatter(fmt, color)
    if sections is None:
        # Every section before ``finish``, as when they are made while checking.
        sections = [chosen.section(group, report) for group in report.groups]
    for chunk in chosen.finish(report, sections):
        out.write(chunk)


def write_file(report: Report, path: str, chosen: Formatter, sections: Iterable[str] | None = None,
               checked: Iterable[str] = ()) -> list[str]:
    """Write ``report`` to the file ``path`` (``--output``), replaced atomically, or to
    the stream it names (``transcheck.output``: never through a link, never inside the
    tree of the ``checked`` paths). A format may put files beside a file (the HTML
    review of a large site: its pages); the report itself is replaced after them.
    Returns notes for the user on what was written beside it."""
    from transcheck.output import is_stream, report_file

    chosen.path = None if is_stream(path) else path
    with report_file(path, tuple(checked)) as fh:
        write(report, fh, chosen, sections)
    return chosen.written()
