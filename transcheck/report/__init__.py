"""Output formats. Each is one module with ``render(report) -> str``; this table picks it.

Formatters read findings and never check anything.
"""

from __future__ import annotations

import enum
import importlib

from transcheck.pipeline import Report


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


def render(report: Report, fmt: Format, color: bool = False) -> str:
    module = importlib.import_module(_MODULES[fmt])
    return module.render(report, color=color)
