"""TC303's judgement of a row whose cells hold different entries of a list: the aligner
put an entry the translation lacks beside its neighbour, or paired two neighbours."""

from __future__ import annotations

import pytest

from transcheck.model import Kind, Segment
from transcheck.rules.structure_mismatch import _elsewhere, _items_lacking

LANGUAGES = frozenset({"en", "zh"})
PAGES = {"en": (), "zh": ()}


def item(*urls: str) -> Segment:
    return Segment(0, 1, 1, "entry", Kind.LIST_ITEM, links=len(urls), block="item", urls=urls)


@pytest.mark.parametrize("en, zh, lacking", [
    # The translation has the second entry only: it lacks the first.
    ([item("https://a.app", "https://github.com/x/a"), item("https://b.app")], [item("https://b.app")], True),
    # One entry that carries the links of both: two entries merged, a change of structure.
    ([item("https://a.app"), item("https://b.app")], [item("https://a.app", "https://b.app")], False),
    # As many entries: not this case.
    ([item("https://a.app")], [item("https://b.app")], False),
])
def test_an_entry_the_translation_lacks_is_no_change_of_structure(en, zh, lacking):
    assert _items_lacking({"en": en, "zh": zh}, "zh", ["en"], LANGUAGES, PAGES) is lacking


@pytest.mark.parametrize("en, zh, elsewhere", [
    # Two entries of a list side by side: no link in common, two links each.
    ([item("https://murus.com", "https://github.com/m/murus")],
     [item("https://mana.com", "https://github.com/m/mana")], True),
    # Another number of links, none in common.
    ([item("https://omni.com")], [item("https://next.io", "https://apps.apple.com/app/id1")], True),
    # One link for one link: a wrong link, reported.
    ([item("https://toolinbox.net")], [item("https://toolinbox.net/iPic")], False),
    # A link in common: the entry, with a badge more or less.
    ([item("https://brave.com", "https://github.com/brave/brave")], [item("https://brave.com")], False),
])
def test_a_row_that_pairs_two_entries_of_a_list_is_not_compared(en, zh, elsewhere):
    assert _elsewhere({"en": en, "zh": zh}, "zh", ["en"], LANGUAGES, PAGES) is elsewhere


@pytest.mark.parametrize("url, base, expected", [
    # A translation kept deeper links back to the source's folder: the source's link.
    ("../../../lessons/code-server/server", "translations/de/lessons", "code-server/server"),
    # Copied as the source wrote it, it points into the translation's folder: broken.
    ("code-server/server", "translations/de/lessons", "../translations/lessons/code-server/server"),
    # The source's own link, and any link written from its folder: the file it reaches
    # ("./sections/logger.md" and "sections/logger.md" are one link).
    ("./sections/logger.md", "lessons", "sections/logger"),
    ("https://example.org/a", "translations/de/lessons", "example.org/a"),
    # A tree per language (docs/de/… beside docs/en/…): the same folder, the link as written.
    ("../tutorial/x.md", "docs/de/lessons", "../tutorial/x"),
])
def test_a_relative_link_is_read_from_its_files_folder(url, base, expected):
    from transcheck.rules._links import link_target

    home = "docs/en/lessons" if base.startswith("docs/") else "lessons"
    assert link_target(url, frozenset({"en", "de"}), (), base, home) == expected


def test_youtubes_short_link_is_its_watch_page():
    from transcheck.rules._links import link_target

    languages = frozenset({"en", "ja"})
    assert (link_target("https://youtu.be/knV86FlSXJ8", languages)
            == link_target("https://www.youtube.com/watch?v=knV86FlSXJ8", languages)
            == link_target("https://m.youtube.com/watch?v=knV86FlSXJ8", languages))
    assert link_target("https://youtu.be/a1", languages) != link_target("https://youtu.be/b2", languages)


@pytest.mark.parametrize("url, expected", [
    # A translated README beside its folder's own, linked relatively or on the forge.
    ("pastebin/README-de.md", "pastebin"),
    ("docs/guide_fr.md", "docs/guide"),
    ("https://github.com/acme/primer/blob/master/README-de.md#index", "github.com/acme/primer"),
    ("https://gitlab.com/acme/primer/-/blob/main/docs/guide.de.md", "gitlab.com/acme/primer/docs/guide"),
    # Another version (a tag, another branch) and the forge's other pages stay apart.
    ("https://github.com/acme/primer/blob/v1.0/README.md", "github.com/acme/primer/blob/v1.0/README.md"),
    ("https://github.com/acme/primer/issues/12", "github.com/acme/primer/issues/12"),
    # "page.md" and "page" are one page to the site generators.
    ("../advanced/dynamic-routing.md#removing", "../advanced/dynamic-routing"),
])
def test_a_link_to_a_pages_translation_is_the_link_to_the_page(url, expected):
    from transcheck.rules._links import link_target

    assert link_target(url, frozenset({"en", "de", "fr"})) == expected


def test_a_gap_beyond_other_translations_own_paragraphs_is_beside_the_row():
    from types import SimpleNamespace

    from transcheck.rules.structure_mismatch import _beside_gap

    def row(**cells):
        return SimpleNamespace(cells={lang: tuple(idx) for lang, idx in cells.items()})

    # de has two paragraphs of its own between the row and the source paragraph fr
    # lacks: for fr they are no rows, so the gap is the next one.
    rows = [row(en=[0], fr=[0], de=[0]), row(de=[1]), row(de=[2]), row(en=[1], de=[3]), row(en=[2], fr=[1], de=[4])]
    view = SimpleNamespace(rows=rows, source="en", documents={"en": 0, "fr": 0, "de": 0})
    assert _beside_gap(view, 0, "fr")
    far = [row(en=[0], fr=[0]), row(en=[1], fr=[1]), row(en=[2], fr=[2]), row(en=[3])]
    assert not _beside_gap(SimpleNamespace(rows=far, source="en", documents={"en": 0, "fr": 0}), 0, "fr")
