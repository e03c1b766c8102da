"""Inline suppressions in Markdown: an HTML comment on its own line before a segment.

    <!-- transcheck: ignore TC301 -->
    <!-- transcheck: ignore TC202, TC301; the product name stays in English -->

The comment applies to the next segment (heading, paragraph, list item...) and to the
rules it names (codes, prefixes, names or categories, as ``--ignore`` takes them; none:
every rule); text after ``;`` is the justification. A finding is suppressed when its line
span touches that segment. Markdown renders the comment invisibly, so it travels with
the text through translation tools. A comment that names no known rule is reported as
an input problem rather than silently suppressing nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from transcheck.model import Document, Finding, InputProblem

# The opening only; the rest of the line is cut by hand. A lazy body before "-->" and
# white space made the whole pattern cubic on a line of spaces.
_DIRECTIVE = re.compile(r"\A\s*+<!--\s*+transcheck\s*+:", re.IGNORECASE)
_MARKDOWN = (".md", ".markdown")


@dataclass(frozen=True)
class InlineSuppression:
    path: str
    comment_line: int
    line: int  # span of the segment it applies to
    end_line: int
    codes: frozenset[str]
    justification: str

    def covers(self, f: Finding) -> bool:
        return (
            f.path == self.path
            and f.code in self.codes
            and f.line <= self.end_line
            and f.end_line >= self.line
        )


def directive_body(line: str) -> str | None:
    """What a ``<!-- transcheck: … -->`` line says, or None for any other line."""
    match = _DIRECTIVE.match(line)
    if not match:
        return None
    rest = line[match.end():].rstrip()
    return rest[:-3].strip() if rest.endswith("-->") else None


def may_have_inline_suppressions(doc: Document) -> bool:
    """Whether ``doc.text`` is read here; the report drops the text of other documents."""
    return doc.path.lower().endswith(_MARKDOWN) and "transcheck" in doc.text


def inline_suppressions(doc: Document) -> tuple[list[InlineSuppression], list[InputProblem]]:
    if not may_have_inline_suppressions(doc):
        return [], []
    from transcheck.config.select import UnknownRule, resolve_codes
    from transcheck.read.decode import split_lines
    from transcheck.rules.registry import RULES

    starts = [s.line for s in doc.segments]
    marks: list[InlineSuppression] = []
    problems: list[InputProblem] = []
    for number, text in enumerate(split_lines(doc.text), start=1):
        body = directive_body(text)
        if body is None:
            continue
        at = bisect.bisect_right(starts, number)
        if at > 0 and doc.segments[at - 1].end_line >= number:
            continue  # inside a segment, e.g. a code block showing the syntax
        body, _, reason = body.partition(";")
        verb, *entries = body.replace(",", " ").split() or [""]
        where = f"{doc.path}:{number}"
        if verb.lower() != "ignore":
            problems.append(InputProblem(where, f"unknown transcheck comment {verb!r} (expected 'ignore')"))
            continue
        try:
            codes = (
                frozenset().union(*(resolve_codes(RULES, e) for e in entries))
                if entries
                else frozenset(r.code for r in RULES)
            )
        except UnknownRule as exc:
            problems.append(InputProblem(where, f"transcheck comment: {exc}"))
            continue
        if at == len(doc.segments):
            problems.append(InputProblem(where, "transcheck comment with no segment after it"))
            continue
        seg = doc.segments[at]
        justification = reason.strip() or f"inline comment at line {number}"
        marks.append(InlineSuppression(doc.path, number, seg.line, seg.end_line, codes, justification))
    return marks, problems
