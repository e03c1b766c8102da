"""Segmentation keeps line spans and tells prose from the rest."""

from __future__ import annotations

import pytest

from transcheck.model import Kind
from transcheck.read.decode import split_lines
from transcheck.formats import segment
from transcheck.segment.kinds import classify_line

MARKDOWN = """# Customer support

Customer support is part of
the customer experience.

- First item
- Second item
  continues here

![diagram](cx-cs.png)

```
code stays code
```

## FAQ
"""


def test_markdown_blocks_and_spans():
    segs = segment("doc.en.md", split_lines(MARKDOWN))
    assert [(s.kind, s.line, s.end_line) for s in segs] == [
        (Kind.HEADING, 1, 1),
        (Kind.PARAGRAPH, 3, 4),
        (Kind.LIST_ITEM, 6, 6),
        (Kind.LIST_ITEM, 7, 8),
        (Kind.PARAGRAPH, 10, 10),
        (Kind.CODE, 12, 14),
        (Kind.HEADING, 16, 16),
    ]
    assert segs[1].text == "Customer support is part of the customer experience."
    assert segs[0].text == "Customer support"


def test_plain_text_lines_keep_their_numbers():
    segs = segment("ru.txt", split_lines("first\n\n  \nsecond\r\nthird\rfourth"))
    assert [(s.text, s.line) for s in segs] == [("first", 1), ("second", 4), ("third", 5), ("fourth", 6)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("cx-cs-part-of-whole-blog.png", Kind.IMAGE),
        ("https://example.com/a?b=c", Kind.URL),
        ("www.example.org", Kind.URL),
        ("2024", Kind.NUMBER),
        ("١٢٣ / 45%", Kind.NUMBER),
        ("config.yaml", Kind.CODE),
        ("— * —", Kind.SYMBOLS),
        ("Ta en tur", Kind.PARAGRAPH),
        ("Guru", Kind.PARAGRAPH),
        ("Vad är kundupplevelse (CX)?", Kind.PARAGRAPH),
        # One identifier is code; one word, an acronym or words joined by hyphens are prose.
        ("WINDOWS_CERTIFICATE_PASSWORD", Kind.CODE),
        ("timestamp_url", Kind.CODE),
        ("tailwindDirectives", Kind.CODE),
        ("bundle.windows.signCommand", Kind.CODE),
        ("--log-prefix-name", Kind.CODE),
        ("utf-8", Kind.CODE),
        ("os.path.join()", Kind.CODE),
        ("Password", Kind.PARAGRAPH),
        ("Yes", Kind.PARAGRAPH),
        ("API", Kind.PARAGRAPH),
        ("up-to-date", Kind.PARAGRAPH),
        ("e.g.", Kind.PARAGRAPH),
        ("_URL", Kind.PARAGRAPH),
        ("-v", Kind.CODE),
        # what is left of a German heading after its code ("`<Aside>`-Eigenschaften")
        ("-Eigenschaften", Kind.PARAGRAPH),
        # a Japanese heading that opens with a dotted name, written without a space
        ("Node.jsの問題の報告", Kind.PARAGRAPH),
        # A type or a call in a table cell, written without backticks, is code; prose
        # with brackets is not.
        ("function(page, pageSize)", Kind.CODE),
        ("(value: string) => void", Kind.CODE),
        ("'small' | 'middle' | 'large'", Kind.CODE),
        ("boolean | { showTitle: boolean }", Kind.CODE),
        ("Record<string, ReactNode>", Kind.CODE),
        ("Save (default)", Kind.PARAGRAPH),
        ("the file(s) you need", Kind.PARAGRAPH),
        ("item(s)", Kind.PARAGRAPH),
        ("see {name} here", Kind.PARAGRAPH),
        ("Use a | b to pipe", Kind.PARAGRAPH),
        # A PascalCase name with a capital inside, a list of package names.
        ("ToolbarRenderInfoType", Kind.CODE),
        ("react-colorful react-color", Kind.CODE),
        ("@rc-component/virtual-list react-player", Kind.CODE),
        ("MacBook Pro", Kind.PARAGRAPH),
        ("Hello world", Kind.PARAGRAPH),
        # A command line written as text is code; a numbered step naming numbers is not.
        ("fallocate -l 2097152 new_file.txt", Kind.CODE),
        ("3. HTML for section 1, 2, 3, etc.", Kind.PARAGRAPH),
        ("Select the file you want to open;", Kind.PARAGRAPH),
        ("Select Items_in_cart From Customers Where Customer_Name = 'x'", Kind.CODE),
        ("Select the items from the list", Kind.PARAGRAPH),
        # One token that is a path or a reference of code; one separator is words.
        ("/k8s-webhook-server/serving-certs", Kind.CODE),
        ("fluxcd/helm-controller:v0.11.1", Kind.CODE),
        ("[]GarbageCollectPolicyRule", Kind.CODE),
        ("Yes/No", Kind.PARAGRAPH),
        ("Note:", Kind.PARAGRAPH),
        # A sentence written without spaces that ends in a file name or names an
        # identifier is a sentence.
        ("部署mpi-example.yaml", Kind.PARAGRAPH),
        ("创建tftest.yaml", Kind.PARAGRAPH),
        ("使用config_file", Kind.PARAGRAPH),
        ("mpi-example.yaml", Kind.CODE),
        # A repository, an annotation key, an issue, a list of images: code; words
        # joined by one slash are words.
        ("intel/intel-resource-drivers-for-kubernetes", Kind.CODE),
        ("openfunction.io/revision-controller", Kind.CODE),
        ("buildpacks/tekton-integration#31", Kind.CODE),
        ("openfunction/builder-java:v2-11, openfunction/builder-java:v2-16", Kind.CODE),
        ("and/or", Kind.PARAGRAPH),
        ("km/h", Kind.PARAGRAPH),
        ("input/output", Kind.PARAGRAPH),
        ("TCP/IP", Kind.PARAGRAPH),
        # What a component's API table holds without backticks is code.
        ("action: ActionSheetAction, index: number", Kind.CODE),
        ("{ hasChildren: 'hasChildren', children: 'children' }", Kind.CODE),
        ("['极差', '失望', '一般']", Kind.CODE),
        ("primary / success / warning / danger / info", Kind.CODE),
        ("none, both, horizontal, vertical", Kind.CODE),
        ("v-model:main-active-index", Kind.CODE),
        ("linear-gradient(to right, #ff6034, #ee0a24)", Kind.CODE),
        ("left / right", Kind.PARAGRAPH),
        ("red, green", Kind.PARAGRAPH),
        ("apples, pears and plums", Kind.PARAGRAPH),
        ("{name}", Kind.PARAGRAPH),
        # An exercise that names a variable is no SQL statement; a statement is.
        ("Create fruits, vegetables and animal products tuples. Join the three tuples and assign it to "
         "a variable called food_stuff_tp.", Kind.PARAGRAPH),
        ("CREATE TABLE users (id INT, name TEXT);", Kind.CODE),
        ("contact: ContactListItem，index: number", Kind.CODE),
        ("ublock-custom-filters_{{datetime}}.txt", Kind.CODE),
        ("/companies/{companyId}/employees/{employeeId}", Kind.CODE),
        ("Cache-Control: no-store", Kind.CODE),
        ("X-Frame-Options: DENY", Kind.CODE),
        # A list's label and its value, not a header: a part of its name in lower case.
        ("CSS-in-JS: antd-style", Kind.PARAGRAPH),
        ("Note: important", Kind.PARAGRAPH),
        ("Update Customers set Customer_Name = 'x'", Kind.CODE),
        # An environment variable, a path from one, and names of code listed with commas.
        ("$HELM_DRIVER_SQL_CONNECTION_STRING", Kind.CODE),
        ("$HOME/Library/Caches/helm", Kind.CODE),
        ("regexMatch, mustRegexMatch", Kind.CODE),
        ("$5 off every order", Kind.PARAGRAPH),
        ("Red, Green, Blue", Kind.PARAGRAPH),
        # A JSX element alone on its line, in a .md page Docusaurus reads as MDX.
        ("<img src={require('/static/img/arch.png').default} style={{ width: '700px'}} />", Kind.CODE),
        ("<Tip>Use it</Tip>", Kind.PARAGRAPH),
        # A checksum and what it is of; a sentence that quotes one is prose.
        ("MD5 (ruby-1.8.7.tar.bz2) = f17f14c8d55e731b3ce1bc35c42f0a6c", Kind.CODE),
        ("SHA256: de7d83bd48b4bd4c5e8e8d22e8c28e8a72e2ce6f6b4d5c8a1b2c3d4e5f6a7b8c9", Kind.CODE),
        ("The release tarball is signed, and its checksum is f17f14c8d55e731b3ce1bc35c42f0a6c", Kind.PARAGRAPH),
    ],
)
def test_classify_line(text, kind):
    assert classify_line(text) is kind


def test_a_heading_that_lists_names_of_code_is_code_and_one_pascal_name_a_title():
    assert classify_line("regexMatch, mustRegexMatch", names=False) is Kind.CODE
    assert classify_line("DevTools", names=False) is Kind.PARAGRAPH


@pytest.mark.parametrize("text, expected", [
    # Front matter after a blank line, as Astro and Hugo read it: its title is the text.
    ("\n---\ntitle: Getting started\n---\n\nInstall the tool first.\n", ["Getting started", "Install the tool first."]),
    # A thematic break after a blank line, with no field after it, is no front matter.
    ("\n---\n\nA paragraph after a rule.\n", ["A paragraph after a rule."]),
])
def test_front_matter_may_follow_blank_lines(text, expected):
    assert [s.text for s in segment("page.md", split_lines(text))] == expected
