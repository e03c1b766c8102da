"""Markdown structure that one translation of a segment does not have the way the others
do: a heading turned into body text, a changed heading level or heading id, a lost link
or image, a link to another page, a lost code block, admonition, list item or table row.

What it catches:
    In Markdown and MDX documents, for each aligned row, against the source (with
    ``--source``) or a clear majority of at least three documents:

    - the block kind: a heading in the others that is a paragraph here (or the
      reverse), a list item in the others that is a plain paragraph here (a paragraph
      under an item's first, indented under it or not, is a paragraph);
    - the heading level (``##`` in the others, ``###`` here);
    - the heading's explicit id (``{ #anchor }``, ``{#id}``): every link to the
      heading uses it, so a translation must keep it as it is;
    - the number of links and of images in the segment's inline content (bare URLs,
      which sites autolink, and HTML ``<a href>`` count);
    - where the link counts agree, the link targets, once the language is taken out
      of them (``/fr/guides/x/`` and ``/guides/x/`` are the same link, and so are
      ``fr.wikipedia.org/…`` and ``en.wikipedia.org/…``, ``v3.ja.vuejs.org/x`` and
      ``v3.vuejs.org/x``) and without their ``#fragment`` (sites translate ids);
      a link to a site's own page in the translation's language
      (``developer.mozilla.org/fr/docs/…``, ``semver.org/lang/de/``, ``cn.vite.dev``)
      is the same link as the source's to that site, whatever the page's path there;
      a language in the query (``?hl=fr``) is taken out too; a link to the page itself
      (``/fr/guides/x/#a`` in ``fr/guides/x.mdx``) is ``#a``; ``/uk/news/x/`` and ``../x.md`` are the source's ``site.org/x.html``;
      a store's page for the reader's country (``apps.apple.com/cn/app/…`` in
      Chinese), ``www.`` and ``index.html``, ``utm_`` tags and a referral or campaign
      parameter one side adds where the others agree (``?via=…``) change no link, and
      ``youtu.be/ID`` is ``youtube.com/watch?v=ID``; a link to a page's translation
      (``pastebin/README-de.md``, or ``github.com/o/r/blob/main/README-de.md`` on a
      forge's default branch) is the source's link to the page (``pastebin``, ``o/r``), and a link to another language's version of the page itself is one to any other;
      a link from the site's root is the relative link to its page (``/docs/a/x`` is
      ``../x`` in ``docs/a/y.md``, read as Hugo and Docusaurus publish it, or ``x``);
    - the number of code blocks and includes, admonitions, list items and table rows
      that the aligned row holds (a translation that merges two list items, or
      drops a code block between two paragraphs it merged).

    With history (``--source``, in git), a row where the translation renders a source
    paragraph that changed since the translation was made is left to the lag rules
    (TC304, TC305): its markup follows the old source.

    A row within two rows of a gap in the translation (a paragraph it lacks or has
    in excess, which missing-segment and extra-segment report) is not compared: the
    aligner's cut is least sure there. Nor is a row where a translation's inline code
    shares nothing with the code of the documents it differs from (each having some):
    code reads the same in every language, so the aligner paired two different
    paragraphs there; nor, for the same reason, a row where a translation's links
    share none of theirs (two or more, or another number of them: two entries of a
    list side by side), or where it holds fewer list items, linking to part of what
    they link to (an entry it lacks, put beside its neighbour).

    A count (of links, images or blocks) is reported only when the page as a whole
    has another count than the others' pages too: where the totals agree, the
    difference in one row is the aligner's cut, not the translator's.

    The message names what the others have, each link as written, and points at them.

Why it matters:
    A heading rendered as body text breaks the page outline; a changed heading id
    breaks every link to it; a dropped or retargeted link sends readers elsewhere or
    nowhere; a lost code block or admonition removes content the text refers to. The
    text itself may be perfectly translated, so only the structure shows it.

Example:
    ``sv.md`` line 5 reads "Vad är kundupplevelse?" as a plain paragraph where it, ru
    and tr have a ``##`` heading: "a paragraph where it, ru, tr have a heading (level
    2)". ``fr.md`` line 1 reads ``# Premiers pas { #premiers-pas }`` where the source
    has ``{ #first-steps }``: "heading id #premiers-pas where en has #first-steps".

What it does not catch:
    A heading, code block or list item that is missing as a whole segment (that is
    ``missing-segment``, TC301, or ``extra-segment``, TC302); emphasis and inline code;
    a link whose localised target differs by more than its language (another page
    name) on a site the translation does not name its language on; a difference
    within two rows of a gap in the translation; plain-text documents (no markup)."""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Hashable

from transcheck.model import Category, Kind, Severity
from transcheck.rules import _consensus as consensus
from transcheck.rules._link_pairs import other_country, unqueried, unrooted, version_of_page
from transcheck.rules._links import (as_written, language_codes, link_target, linked_elsewhere, localised_sites,
                                     mirror_roots, page_parts, targets, unlocalised)
from transcheck.rules._pages import heading_slug
from transcheck.rules._presence import pair_neighbours
from transcheck import formats
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.text import normalise

_KIND_NAMES = {Kind.HEADING: "a heading", Kind.PARAGRAPH: "a paragraph", Kind.LIST_ITEM: "a list item"}


def check(view: GroupView, options: NoOptions):
    markdown = {lang for lang, doc in view.documents.items() if formats.of(doc).markup}
    languages = language_codes(view)
    totals = {noun: {lang: count(view.documents[lang].segments) for lang in markdown}
              for noun, count in _COUNTS.items()}
    lagged = _lagged_lines(view)
    first = view.source if view.source in view.documents else min(view.documents)
    home = _folder(view.documents[first])
    pages = {lang: (page_parts(d.path, languages), _folder(d), home, mirror_roots(d.path, view.documents[first].path,
                    languages)) for lang, d in view.documents.items()}  # a page's name, where its links start
    linked: dict[str, set[str]] = {}  # per language, every link target of its document
    for r, row in enumerate(view.rows):
        voters = [lang for lang in consensus.voting_languages(view, row)
                  if lang in markdown and not _lags_here(view, row, lang, lagged)
                  and not _beside_gap(view, r, lang)]
        if len(voters) < 2:
            continue
        segs = {lang: [view.documents[lang].segments[i] for i in row.cells[lang]] for lang in voters}
        notes = consensus.RowNotes()
        note = notes.note

        kinds = {lang: _kind(s) for lang, s in segs.items()}
        kinds = {lang: k for lang, k in kinds.items() if k is not None}
        turned = set()
        for dev in consensus.deviations(view, kinds):
            level = ""
            if dev.expected is Kind.HEADING:
                levels = {segs[a][0].level for a in dev.agree}
                level = f" (level {levels.pop()})" if len(levels) == 1 else ""
            turned.add(dev.language)
            note(dev.language, f"{_KIND_NAMES[dev.value]} where {consensus.names(dev.agree, 'have')} "
                 f"{_KIND_NAMES[dev.expected]}{level}", dev.agree)
        headings = {lang: h for lang, s in segs.items()
                    if lang not in turned and (h := _first_heading(s)) is not None}
        for dev in consensus.deviations(view, {lang: h.level for lang, h in headings.items()}):
            note(dev.language, f"heading level {dev.value} where {consensus.names(dev.agree, 'have')} "
                 f"level {dev.expected}", dev.agree)
        anchors = _anchors(headings)
        if any(anchors.values()):
            for dev in consensus.deviations(view, anchors):
                note(dev.language, f"{_anchor(dev.value)} where {consensus.names(dev.agree, 'have')} "
                     f"{_anchor(dev.expected, None if dev.expected else headings[dev.agree[0]])}", dev.agree)
        counts = {lang: sum(x.links for x in s) for lang, s in segs.items()}
        _counted(view, counts, "link", note, totals)
        if len(set(counts.values())) == 1 and next(iter(counts.values())):
            targets = {lang: tuple(sorted("" if version_of_page(view, lang, u)
                                          else link_target(u, languages, *pages[lang]) for x in s for u in x.urls))
                       for lang, s in segs.items()}
            for dev in consensus.deviations(view, targets):
                ours = [u for u in dev.value if u not in dev.expected]
                theirs = [u for u in dev.expected if u not in dev.value]
                ours, theirs = unlocalised(ours, theirs, localised_sites(segs[dev.language],
                                                                          dev.language))
                ours, theirs = unrooted(*unqueried(*other_country(ours, theirs)), pages[first], languages)
                if ours and theirs and not linked_elsewhere(view, dev, ours[0], languages, pages, linked):
                    peer = next((lang for lang in (view.source, *dev.agree) if lang in dev.agree), None)
                    mine, their = (as_written([u for x in segs[lang] for u in x.urls], target, languages, pages[lang])
                                   for lang, target in ((dev.language, ours[0]), (peer, theirs[0])))
                    if mine == their:  # one relative link, read from two folders
                        mine, their = f"{mine} in {pages[dev.language][1] or '.'}/", f"{their} in {pages[peer][1] or '.'}/"
                    note(dev.language, f"a link to {mine} where {consensus.names(dev.agree, 'link')} to {their}", dev.agree)
        for noun, count in _COUNTS.items():
            if noun != "link":
                votes = {lang: count(s) for lang, s in segs.items() if lang not in turned}
                _counted(view, votes, noun, note, totals)
        for lang in [lang for lang in notes.messages if _unanchored(segs, lang, notes.peers[lang])
                     or _items_lacking(segs, lang, notes.peers[lang], languages, pages)
                     or _elsewhere(segs, lang, notes.peers[lang], languages, pages)]:
            del notes.messages[lang]
        yield from notes.findings(
            RULE, view, r,
            key=lambda lang, messages: "structure:"
            + "|".join(m.split(" where ")[0] for m in messages)
            + ":" + normalise(view.cell_text(row, lang))[:80],
        )


def _folder(doc) -> str:
    return posixpath.dirname(doc.path.replace("\\", "/"))


def _beside_gap(view: GroupView, r: int, lang: str) -> bool:
    """Whether a row within two of this one is a gap in ``lang`` (text the source has
    and it lacks, or the reverse): the aligner's cut is least sure beside one, and the
    cell it paired here is often a neighbour's (Astro's documentation: nine in ten
    findings there were such pairings; ``pair_neighbours`` names the rows)."""
    source = view.source if view.source in view.documents else None
    for step in (-1, 1):
        for k in itertools.islice(pair_neighbours(view, r, lang, step), 2):
            cells = view.rows[k].cells
            expected = bool(cells.get(source)) if source is not None else (
                2 * sum(1 for idx in cells.values() if idx) > len(view.documents))
            if bool(cells.get(lang)) != expected:
                return True
    return False


def _unanchored(segs: dict, lang: str, peers) -> bool:
    """Whether the row holds no common inline code between ``lang`` and the peers it
    differs from, where each has some: code is written the same in every language,
    so its cell renders another paragraph than theirs (the aligner paired it across a
    section the translation lacks or has in excess), and their markup cannot be
    compared."""
    own = _code_spans(segs[lang])
    if not own:
        return False
    theirs = [_code_spans(segs[p]) for p in peers if p in segs]
    return bool(theirs) and all(t and not (own & t) for t in theirs)


def _elsewhere(segs: dict, lang: str, peers, languages, pages) -> bool:
    """Whether ``lang``'s cell links to none of what the peers it differs from link to,
    and holds another number of links or two at least: an entry of a list paired with
    its neighbour (the translation lacks one of them), not the entry with its links
    changed. One link changed for another stays a wrong link."""
    mine, theirs = targets(segs, lang, languages, pages), [p for p in peers if p in segs]
    return bool(mine) and bool(theirs) and all(
        (t := targets(segs, p, languages, pages)) and not (mine & t) and (len(t) != len(mine) or len(t) > 1)
        for p in theirs)


def _items_lacking(segs: dict, lang: str, peers, languages, pages) -> bool:
    """Whether ``lang``'s cell holds fewer list items than each peer it differs from,
    and links only to what they link to, not to all of it: the translation lacks an
    item of a list (an entry added since), which the aligner put in the row of its
    neighbour; a translator who merges two items keeps the links of both."""
    own, theirs = _list_items(segs[lang]), [p for p in peers if p in segs]
    if not theirs or any(_list_items(segs[p]) <= own for p in theirs):
        return False
    mine = targets(segs, lang, languages, pages)
    return all(mine < targets(segs, p, languages, pages) for p in theirs)


def _code_spans(segments) -> frozenset[str]:
    return frozenset(" ".join(c.split()) for s in segments for c in s.code if c.strip())


def _lagged_lines(view: GroupView) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    """Per lagging translation: the source's lines that changed since the translation
    was made, and the translation's lines that render a changed or removed source."""
    out = {}
    for lang, lag in view.lag.items():
        if lag.outdated:
            source = {n for c in lag.changes if c.kind != "removed"
                      for n in range(c.source_line, c.source_end_line + 1)}
            own = {n for c in lag.changes if c.kind != "added"
                   for n in range(c.line, c.end_line + 1)}
            out[lang] = (frozenset(source), frozenset(own))
    return out


def _lags_here(view: GroupView, row, lang: str, lagged) -> bool:
    """A row where the translation renders a source that has changed since: the lag
    rules (TC304, TC305) report it, and its markup follows the old source."""
    if lang not in lagged or view.source not in view.documents:
        return False
    source, own = lagged[lang]
    return (any(_touches(view.documents[view.source].segments[i], source)
                for i in row.cells.get(view.source, ()))
            or any(_touches(view.documents[lang].segments[i], own) for i in row.cells[lang]))


def _touches(seg, lines: frozenset[int]) -> bool:
    return any(n in lines for n in range(seg.line, seg.end_line + 1))


def _counted(view: GroupView, votes: dict[str, Hashable], noun: str, note, totals) -> None:
    for dev in consensus.deviations(view, votes):
        if totals[noun][dev.language] in {totals[noun][a] for a in dev.agree}:
            continue  # as many in the page as a whole: the aligner cut the rows elsewhere
        note(dev.language, f"{_count(dev.value, noun)} where "
             f"{consensus.names(dev.agree, 'have')} {_count(dev.expected, noun)}", dev.agree)


def _code_blocks(segments) -> int:
    return sum(1 for s in segments if (s.kind is Kind.CODE and s.block in ("fence", "indented"))
               or s.block == "include")


def _admonitions(segments) -> int:
    return sum(1 for s in segments if s.block == "admonition")


def _list_items(segments) -> int:
    return sum(1 for s in segments if s.block == "item")


def _table_rows(segments) -> int:
    return len({s.line for s in segments if s.block == "table"})


_COUNTS = {
    "link": lambda segments: sum(s.links for s in segments),
    "image": lambda segments: sum(s.images for s in segments),
    "code block": _code_blocks, "admonition": _admonitions,
    "list item": _list_items, "table row": _table_rows,
}


def _kind(segments) -> Kind | None:
    """A cell's block kind: its first prose segment's (a list item's later paragraph reads as one), or None."""
    for seg in segments:
        if seg.kind in _KIND_NAMES:
            return Kind.PARAGRAPH if seg.kind is Kind.LIST_ITEM and seg.block != "item" else seg.kind
    return None


def _first_heading(segments):
    """The cell's first heading: a heading of nothing but code is no prose, but it is
    a heading, with a level and an id."""
    return next((s for s in segments if s.level > 0), None)


def _anchors(headings: dict) -> dict[str, str]:
    """Each heading's explicit id, where it changes what links reach: an id that is
    the id a heading without one gets from its text (``{#project-root}`` on a
    translated heading whose source is "Project Root") keeps the source's links
    working, and counts as no id of its own."""
    implicit = {_bare(_TAG.sub("", h.quoted)) for h in headings.values() if not h.anchor}
    # A repeated heading's id takes a number ("usage-1" for the second "Usage").
    return {lang: "" if h.anchor and {_bare(h.anchor), _bare(_REPEAT.sub("", h.anchor))} & implicit
            else h.anchor for lang, h in headings.items()}


# A component with attributes after a heading's text (a badge) is no part of its id.
_TAG = re.compile(r"<[A-Za-z][^<>]*=[^<>]*>")
_REPEAT = re.compile(r"-\d+$")


def _bare(text: str) -> str:
    # Site generators slug headings differently (hyphens, underscores, accents kept or
    # dropped); the letters and digits in order are what they share.
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _anchor(anchor: str, heading=None) -> str:  # no id: the one the heading's text gives
    text = f"heading id #{anchor}" if anchor else "no heading id"
    return f"{text} (links reach #{heading_slug(heading.quoted)})" if heading is not None else text


def _count(n: int, noun: str) -> str:
    return f"no {noun}s" if n == 0 else f"1 {noun}" if n == 1 else f"{n} {noun}s"


RULE = Rule(
    code="TC303",
    name="structure-mismatch",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
