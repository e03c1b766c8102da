"""Output formats. Each is one module with a ``Formatter`` (see ``base``); this table
picks it.

Formatters read findings and never check anything.
"""

from __future__ import annotations

import enum
import importlib
import io
from typing import TextIO

from transcheck.pipeline import Report
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


def write(report: Report, out: TextIO, fmt: Format | None = None, color: bool = False) -> None:
    """Write ``report`` to ``out``.

    A report checked with a formatter (``pipeline.run(formatter=...)``) already holds
    that formatter's sections and only the summaries of its groups; it is written in its
    own format. Otherwise ``fmt`` names the format and the sections are made here from
    the whole groups the report holds.
    """
    if report.formatter is not None:
        if fmt is not None and type(report.formatter) is not formatter_class(fmt):
            raise ValueError(f"this report was prepared for {type(report.formatter).__name__}, not {fmt.value}")
        chosen, sections = report.formatter, report.sections
    else:
        if fmt is None:
            raise ValueError("a format is needed for a report checked without a formatter")
        chosen = formatter(fmt, color)
        # Every section before ``finish``, as when they are made while checking.
        sections = [chosen.section(group, report) for group in report.groups]
    for chunk in chosen.finish(report, sections):
        out.write(chunk)


def render(report: Report, fmt: Format | None = None, color: bool = False) -> str:
    out = io.StringIO()
    write(report, out, fmt, color)
    return out.getvalue()
