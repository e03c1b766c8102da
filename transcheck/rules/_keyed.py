"""What the rules share on keyed resources (``formats.keyed``): the source document,
each language's values by key, plural variants merged into their message, and the
presence checks (a missing or extra key is a finding only where the project declares
full coverage; elsewhere it is a figure in the status table).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transcheck.formats.keyed import show_key, split_plural
from transcheck.langdata import is_rtl
from transcheck.model import Document, Finding, Segment, base_language
from transcheck.rules.base import GroupView, Rule, snippet


def values(doc: Document) -> dict[str, Segment]:
    """The document's checked values by key (neither fuzzy nor empty); the first of a
    key written twice."""
    out: dict[str, Segment] = {}
    for seg in doc.segments:
        if not seg.state:
            out.setdefault(seg.key, seg)
    return out


def cached_values(view: GroupView, lang: str) -> dict[str, Segment]:
    cache = view.memo("keyed_values")
    if lang not in cache:
        cache[lang] = values(view.documents[lang])
    return cache[lang]


def message(key: str) -> str:
    """The message a key belongs to: a plural variant's base, else the key itself."""
    split = split_plural(key)
    return split[0] if split else key


def translations(view: GroupView) -> list[str]:
    return [lang for lang in view.documents if lang != view.source]


def named(rule: Rule, doc: Document, seg: Segment, text: str, key: str, **kw) -> Finding:
    """A finding on a key, naming it (``runner`` names the others by their line)."""
    from dataclasses import replace

    f = rule.at_segment(doc, seg, f"[{show_key(seg.key)}] {text}", key=f"{seg.key}\0{key}", **kw)
    return replace(f, resource_key=seg.key)


def presence(view: GroupView, rule: Rule, missing: bool) -> Iterator[Finding]:
    """TC301 (``missing``) or TC302 on a keyed group with a source, under full
    coverage: a source key a translation lacks, leaves empty or marks fuzzy; a key
    the source does not have. Plural variants are the plural check's (TC704)."""
    from dataclasses import replace

    from transcheck.rules._presence import insertion_line

    if not view.full_coverage or view.source is None:
        return
    src = view.documents[view.source]
    source_keys = {s.key: s for s in src.segments if not split_plural(s.key)}
    for lang in translations(view):
        doc = view.documents[lang]
        own = {s.key: s for s in doc.segments}
        if missing:
            for key, s in source_keys.items():
                have = own.get(key)
                if have is not None and not have.state:
                    continue
                text = f"missing: the source has “{snippet(s.raw or s.text)}”"
                if have is not None:
                    text = ("marked fuzzy (needs review)" if have.state == "fuzzy" else "empty") + \
                        f"; the source has “{snippet(s.raw or s.text)}”"
                    yield named(rule, doc, have, text, "missing")
                    continue
                row = view.row_of.get((view.source, s.index))
                line = insertion_line(view, doc, row) if row is not None else 1
                f = rule.finding(doc, line, line, f"[{show_key(key)}] {text}", key=f"{key}\0missing", row=row)
                yield replace(f, resource_key=key)
        else:
            for s in doc.segments:
                if s.key not in source_keys and not split_plural(s.key) and message(s.key) not in {
                        message(k) for k in source_keys}:
                    yield named(rule, doc, s, "not in the source (a key removed there, or misspelt here)", "extra")


def token_votes(view: GroupView, kinds: tuple[str, ...]) -> tuple[dict[str, dict[str, tuple]], dict[str, str]]:
    """Per message, per language: the sorted set of its token names of ``kinds``
    (``formats.placeholders``), plural variants merged (English "One item" needs no
    ``{count}`` that "{count} items" has; Russian's "one" covers 21 and has it); and
    each name as first written (the source's first): "%@" for the name "%1$@"."""
    from transcheck.formats.placeholders import parse

    out: dict[str, dict[str, set]] = {}
    written: dict[str, str] = {}
    plural: set[str] = set()
    # (message, language) -> names of tokens written as a per cent sign before a
    # number ("%30e", "%5"): a number in Turkish, Basque or Azerbaijani word order.
    numbered: dict[tuple[str, str], set[str]] = {}
    # Messages whose source is a strftime format ("%B %d", "%-d. %b %Y"), not printf.
    dates = {message(k) for k, s in cached_values(view, view.source).items()
             if _STRFTIME.search(s.raw)} if view.source in view.documents else set()
    for lang in sorted(view.documents, key=lambda lang: lang != view.source):
        for key, seg in cached_values(view, lang).items():
            tokens = [t for t in parse(seg.raw).tokens if t.kind in kinds]
            for t in tokens:
                shown = t.text if t.kind == "placeholder" else t.name
                if "$" in t.name and t.name.startswith("%") and "$" not in t.text:
                    # An unnumbered printf argument: its place is what must match.
                    shown = f"{t.text} (argument {t.name[1:t.name.index('$')]})"
                written.setdefault(t.name, shown)
                if t.text[1:2].isdigit() and "$" not in t.text:
                    numbered.setdefault((message(key), lang), set()).add(t.name)
            out.setdefault(message(key), {}).setdefault(lang, set()).update(t.name for t in tokens)
            if split_plural(key):
                plural.add(message(key))
    for msg in [m for m in out if m in dates]:
        del out[msg]  # a date format: each language orders its fields its own way
    for msg, by in out.items():
        reference = by.get(view.source, set())
        after = reference if view.source in by else set().union(
            *(v for lang, v in by.items() if base_language(lang) not in PERCENT_FIRST))
        for lang, names in by.items():
            if base_language(lang) in PERCENT_FIRST:
                # Turkish "%5" and "%50e" (to 50 per cent) are numbers, no Qt or printf
                # argument, unless the source has one.
                names.difference_update({n for n in numbered.get((msg, lang), ()) if n not in reference})
            if base_language(lang) in PERCENT_FIRST or is_rtl(lang):
                # "%{done}" is the per cent sign before "{done}" (Basque; right to left,
                # where the sign shows after the number), unless the others write "%{done}".
                before = {n for n in names if n.startswith("%{") and n not in after and n[1:] in after}
                names.difference_update(before)
                names.update(n[1:] for n in before)
    for msg, by in out.items():
        _auto_numbered(by, view.source)
    for msg in plural:
        _positional_count(out[msg], view.source)
    votes = {m: {lang: tuple(sorted(v)) for lang, v in sorted(by.items())} for m, by in out.items()}
    return votes, written


def _auto_numbered(by: dict[str, set], source: str | None) -> None:
    """Fields numbered automatically ("{}", Python's and Rust's formats) and fields
    numbered from 0 ("{0}", "{1}") are the same arguments: where the source writes one
    way and a translation the other, the translation's are read as the source's."""
    reference = by.get(source)
    if not reference:
        return
    numbered = _from_zero(reference)
    for lang, names in by.items():
        if lang == source:
            continue
        if reference >= {"{}"} and not numbered and "{}" not in names and (own := _from_zero(names)):
            names.difference_update(own)
            names.add("{}")
        elif numbered and "{}" in names and not _from_zero(names):
            names.discard("{}")
            names.update(numbered)


def _from_zero(names: set) -> set:
    """The names "{0}" … "{n}" of ``names`` when they are numbered from 0 without a gap."""
    numbers = {n for n in names if n[:1] == "{" and n[1:-1].isdigit()}
    return numbers if numbers == {"{%d}" % k for k in range(len(numbers))} else set()


def _positional_count(by: dict[str, set], source: str | None) -> None:
    """In a plural message, "{}" is filled with the count (easy_localization): where the
    source names its one placeholder ("{count} events") and a translation has "{}"
    instead ("{} událostí"), the two are the same argument."""
    reference = by.get(source)
    if reference is None or "{}" in reference:
        return
    for names in by.values():
        if "{}" in names and len(left := reference - names) == 1:
            names.discard("{}")
            names.update(left)


# Languages that write the per cent sign before the number ("%50").
PERCENT_FIRST = frozenset({"tr", "az", "eu"})
# A conversion only strftime has (month and weekday names, year, hour, minute).
_STRFTIME = re.compile(r"%[-_0^#]?[BbYyHIMjZ]")


def variants(view: GroupView, lang: str, msg: str) -> list[Segment]:
    """The values of a message in ``lang`` (a plural message: each variant), in order."""
    cache = view.memo("keyed_messages")
    if lang not in cache:
        by: dict[str, list[Segment]] = {}
        for key, seg in cached_values(view, lang).items():
            by.setdefault(message(key), []).append(seg)
        cache[lang] = by
    return cache[lang].get(msg, [])


_CATEGORY_ORDER = ("zero", "one", "two", "few", "many", "other")


def first_variant(found) -> Segment | None:
    """The variant a finding about a plural message names: the first by CLDR's order of
    categories (or by index), not by the file's order, which a sync may change without
    changing a word (the finding's fingerprint names it)."""
    def rank(seg):
        split = split_plural(seg.key)
        name = split[1] if split else ""
        order = _CATEGORY_ORDER.index(name) if name in _CATEGORY_ORDER else len(_CATEGORY_ORDER)
        return (order, int(name) if name.isdigit() else 0, seg.index)

    return min(found, key=rank) if found else None


def first_segment(view: GroupView, lang: str, msg: str) -> Segment | None:
    """The value of a message in ``lang`` a finding names (a plural message: its first
    variant, ``first_variant``)."""
    return first_variant(variants(view, lang, msg))


def carrier(view: GroupView, lang: str, msg: str, names, kinds: tuple[str, ...]) -> Segment | None:
    """The variant of a message in ``lang`` that writes one of the token ``names`` (a
    placeholder renamed in the "other" form only is there, where a change to that form
    sees it); else its first variant."""
    from transcheck.formats.placeholders import parse

    names = set(names)
    for seg in variants(view, lang, msg) if names else ():
        if any(t.kind in kinds and t.name in names for t in parse(seg.raw).tokens):
            return seg
    return first_segment(view, lang, msg)


def some(languages, shown: int = 4) -> str:
    """"de, fr, sv" or "de, fr, sv, it and 40 more"."""
    languages = list(languages)
    head = ", ".join(languages[:shown])
    return head if len(languages) <= shown else f"{head} and {len(languages) - shown} more"


def shared_by_peers(view: GroupView, votes: dict[str, tuple], lang: str) -> list[str]:
    """Other translations with the same value as ``lang``'s: two or more and a third
    of the translations are a project's convention (or the source's slip), not one
    translator's."""
    peers = [other for other in votes if other not in (lang, view.source)]
    same = [other for other in peers if votes[other] == votes[lang]]
    return same if len(same) >= 2 and 3 * len(same) >= len(peers) else []
