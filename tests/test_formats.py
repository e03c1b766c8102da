"""The format seam: a format is one module plus its registry line, and everything
downstream (discovery, segmentation, alignment, suppressions, SARIF) asks the registry."""

from __future__ import annotations

import pytest

from transcheck import formats
from transcheck.model import Document, Kind, Segment


@pytest.fixture
def keyvalue(monkeypatch):
    """The registry with one more format, registered as a new format module would be."""
    formats.get.cache_clear()
    monkeypatch.setitem(formats._REGISTRY, "keyvalue", ("tests.formats_demo.keyvalue", (".kv",)))
    yield formats.get("keyvalue")
    formats.get.cache_clear()


def test_every_registered_format_owns_its_suffixes():
    for name in formats._REGISTRY:
        assert formats.get(name).name == name
    assert formats.name_for("docs/Guide.MDX") == "mdx"
    assert formats.name_for("notes.rst") is None


@pytest.mark.parametrize(("path", "comment"), [
    ("a.md", ("<!--", "-->")), ("a.markdown", ("<!--", "-->")), ("a.mdx", ("{/*", "*/}")), ("a.txt", None),
])
def test_each_format_says_how_a_suppression_is_written(path, comment):
    assert formats.for_path(path).comment == comment


def test_a_keyed_format_is_read_aligned_by_key_and_reported_at_the_keys_line(keyvalue, tmp_path):
    from transcheck.runner import run
    from transcheck.rules.registry import BY_CODE
    from transcheck.settings import Settings

    # Keys in another order in each file: rows come from keys, not from positions.
    (tmp_path / "en.kv").write_text("greeting = Welcome to the project settings page\nsave = Save\n")
    (tmp_path / "sv.kv").write_text("# comment\nsave = Spara\ngreeting = Welcome to the project settings page\n")
    (tmp_path / "de.kv").write_text("save = Speichern\ngreeting = Willkommen auf der Seite der Projekteinstellungen\n")
    report = run([str(tmp_path)], Settings(source="en"), (BY_CODE["TC202"], BY_CODE["TC301"]))
    assert not report.problems
    assert [(f.code, f.path.rsplit("/", 1)[-1], f.line) for f in report.findings] == [("TC202", "sv.kv", 3)]
    group = report.groups[0]
    assert len(group.rows) == 2 and {d.format for d in group.documents} == {"keyvalue"}


def test_an_inline_suppression_in_the_formats_own_comment(keyvalue, tmp_path):
    from transcheck.runner import run
    from transcheck.rules.registry import BY_CODE
    from transcheck.settings import Settings

    (tmp_path / "en.kv").write_text("greeting = Welcome to the project settings page\n")
    (tmp_path / "sv.kv").write_text("# transcheck: ignore TC202; kept in English\n"
                                    "greeting = Welcome to the project settings page\n")
    report = run([str(tmp_path)], Settings(source="en"), (BY_CODE["TC202"],))
    assert report.findings == [] and [s.justification for s in report.suppressed_findings] == ["kept in English"]


def test_mdx_suppressions_use_mdx_comments(tmp_path):
    from transcheck.runner import run
    from transcheck.rules.registry import BY_CODE
    from transcheck.settings import Settings

    line = "Welcome to the project settings page of the application"
    (tmp_path / "en.mdx").write_text(f"{line}\n")
    (tmp_path / "sv.mdx").write_text(f"{{/* transcheck: ignore TC202; product tagline */}}\n{line}\n")
    report = run([str(tmp_path)], Settings(source="en"), (BY_CODE["TC202"],))
    assert report.findings == [] and report.suppressed == 1


def test_keyed_alignment_follows_the_source_then_the_others():
    from transcheck.align.keys import align_keys, keyed

    def doc(lang, *keys):
        segs = tuple(Segment(i, i + 1, i + 1, f"t{k}", Kind.PARAGRAPH, key=k) for i, k in enumerate(keys))
        return Document(f"{lang}.kv", lang, "g", "", len(keys), segs, "keyvalue")

    docs = [doc("de", "b", "x"), doc("en", "a", "b"), doc("fr", "b", "a", "a")]
    rows = align_keys(docs, source="en")
    assert [r.cells for r in rows] == [
        {"de": (), "en": (0,), "fr": (1, 2)},
        {"de": (0,), "en": (1,), "fr": (0,)},
        {"de": (1,), "en": (), "fr": ()},
    ]
    assert keyed(docs) and not keyed([doc("en"), Document("en.md", "en", "g", "x", 1,
                                                         (Segment(0, 1, 1, "x", Kind.PARAGRAPH),))])
