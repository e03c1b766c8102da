"""Inline suppressions: a comment on its own line before a segment, in the comment
syntax of the file's format (``FileFormat.comment``), e.g. in Markdown:

    <!-- transcheck: ignore TC301 -->
    <!-- transcheck: ignore TC202, TC301; the product name stays in English -->

and in MDX ``{/* transcheck: ignore TC301 */}``. The comment applies to the next segment (heading, paragraph, list item...) and to the
rules it names (codes, prefixes, names or categories, as ``--ignore`` takes them; none:
every rule); text after ``;`` is the justification. A finding is suppressed when its line
span touches that segment. Markdown renders the comment invisibly, so it travels with
the text through translation tools. A comment that names no known rule is reported as
an input problem rather than silently suppressing nothing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from transcheck.model import Document, Finding, InputProblem


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


def may_have_inline_suppressions(doc: Document) -> bool:
    """Whether ``doc.text`` is read here; the report drops the text of other documents."""
    from transcheck import formats

    return formats.of(doc).comment is not None and "transcheck" in doc.text


def directive(line: str, comment: tuple[str, str]) -> str | None:
    """The body of a ``transcheck:`` comment that is the whole ``line`` ("ignore TC301;
    why"), or None. String tests, not a pattern: a line from a pull request costs its
    length, whatever it holds."""
    opener, closer = comment
    text = line.strip()
    if not (text.startswith(opener) and text.endswith(closer)) or len(text) < len(opener) + len(closer):
        return None
    inner = text[len(opener):len(text) - len(closer)].strip()
    name, colon, body = inner.partition(":")
    if not colon or name.strip().lower() != "transcheck":
        return None
    return body.strip()


def inline_suppressions(doc: Document) -> tuple[list[InlineSuppression], list[InputProblem]]:
    if not may_have_inline_suppressions(doc):
        return [], []
    from transcheck.config.select import UnknownRule, resolve_codes
    from transcheck.read.decode import split_lines
    from transcheck.rules.registry import catalogue

    from transcheck import formats

    comment = formats.of(doc).comment
    starts = [s.line for s in doc.segments]
    marks: list[InlineSuppression] = []
    problems: list[InputProblem] = []
    for number, text in enumerate(split_lines(doc.text), start=1):
        found = directive(text, comment)
        if found is None:
            continue
        at = bisect.bisect_right(starts, number)
        if at > 0 and doc.segments[at - 1].end_line >= number:
            continue  # inside a segment, e.g. a code block showing the syntax
        body, _, reason = found.partition(";")
        verb, *entries = body.replace(",", " ").split() or [""]
        where = f"{doc.path}:{number}"
        if verb.lower() != "ignore":
            problems.append(InputProblem(where, f"unknown transcheck comment {verb!r} (expected 'ignore')"))
            continue
        try:
            codes = (
                frozenset().union(*(resolve_codes(catalogue(), e) for e in entries))
                if entries
                else frozenset(r.code for r in catalogue())
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
