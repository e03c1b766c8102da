"""Data-driven segmenter cases (``tests/data/segment/cases.toml``): Markdown and MDX in
the shapes documentation sites write, and the exact segments they give."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from transcheck.model import Kind
from transcheck.read.decode import split_lines
from transcheck.formats import segment
from transcheck.segment.markdown import segment_markdown

CASES = tomllib.loads((Path(__file__).parent / "data" / "segment" / "cases.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["case"], ids=[c["name"] for c in CASES["case"]])
def test_segment_case(case):
    segs = segment(case["path"], split_lines(case["text"]))
    got = []
    for seg, want in zip(segs, case["segments"]):
        row = {"kind": seg.kind.value,
               "lines": f"{seg.line}" if seg.line == seg.end_line else f"{seg.line}-{seg.end_line}"}
        for key in ("text", "anchor", "block", "code"):
            if key in want:
                value = getattr(seg, key)
                row[key] = list(value) if isinstance(value, tuple) else value
        got.append(row)
    assert got == case["segments"]
    assert len(segs) == len(case["segments"]), [s.text for s in segs[len(case["segments"]):]]


@pytest.mark.parametrize("case", CASES["case"], ids=[c["name"] for c in CASES["case"]])
def test_no_prose_segment_holds_markup(case):
    segs = segment(case["path"], split_lines(case["text"]))
    for seg in segs:
        if seg.is_prose:
            for mark in ("`", "{*", "{{", "{%", "///", ":::", "!!!", "](", "http", "{#", "import "):
                assert mark not in seg.text, (mark, seg.text)


def test_mdx_suffix_reads_as_markdown():
    segs = segment("page.fr.mdx", ["# Titre", "", "import X from './x'", "", "<X />", "", "Du texte."])
    assert [(s.kind, s.text) for s in segs] == [(Kind.HEADING, "Titre"), (Kind.PARAGRAPH, "Du texte.")]


def test_an_alerts_text_on_the_markers_line_is_its_text_and_a_short_one_its_title():
    joined = segment_markdown(["> [!TIP] Wenn Sie Symlinks haben, setzen Sie `follow_symlinks` auf `false`."])
    assert [(s.kind, s.text) for s in joined] == [
        (Kind.DIRECTIVE, "> [!TIP]"), (Kind.PARAGRAPH, "Wenn Sie Symlinks haben, setzen Sie auf.")]
    titled = segment_markdown(["> [!tip] Symlinks", "> Text of the box."])
    assert [(s.kind, s.text) for s in titled] == [(Kind.TITLE, "Symlinks"), (Kind.PARAGRAPH, "Text of the box.")]


def test_jekyll_liquid_links_comments_highlight_and_kramdown_attributes():
    lines = ["## Known issues", "{: #known}", "",
             "{% comment %}", "Translations should include the notice below.", "{% endcomment %}", "",
             "See [the post]({% link en/news/_posts/2026-04-21-erb-cve.md %}) and [1].", "",
             "{% highlight sh %}", "$ gem install rails", "Successfully installed rails", "{% endhighlight %}", "",
             "[1]: {{ site.url }}/en/downloads/"]
    segs = segment_markdown(lines)
    assert [(s.kind, s.line, s.text) for s in segs] == [
        (Kind.HEADING, 1, "Known issues"), (Kind.PARAGRAPH, 8, "See the post and 1."), (Kind.CODE, 10, segs[2].text)]
    assert segs[1].links == 2 and segs[1].urls == ("/en/news/2026/04/21/erb-cve/", "/en/downloads/")
    assert segs[2].end_line == 13 and "gem install" in segs[2].text
