"""The anchors of a cell in reading order: glossary concepts, numbers, Latin names and
acronyms. Shared by the meaning checks, which compare where the anchors sit."""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.align.anchors import number_spans
from transcheck.langid.script import scripts_of


@dataclass(frozen=True)
class Anchor:
    key: str  # "c:<concept id>", "n:<digits>", "l:<casefolded token>"
    label: str  # how a message names it, the same in every language
    surface: str  # the text in this cell
    start: int
    initial: bool = False  # a capitalised word at a sentence start: a name only if seen elsewhere


def cell_anchors(text: str, language: str, termbase) -> list[Anchor]:
    """Anchors in reading order. Capitalised Latin words that start a sentence are
    marked ``initial``; see ``names_confirmed``."""
    from transcheck.rules._tokens import clean, latin_tokens

    out: list[Anchor] = []
    spans: list[tuple[int, int]] = []
    if termbase is not None:
        from transcheck.terms.match import matcher_for

        for hit in matcher_for(termbase, language).find(text):
            out.append(Anchor("c:" + hit.concept.id, hit.concept.label(), hit.surface, hit.start))
            spans.append((hit.start, hit.end))
    cleaned = clean(text)
    for digits, m in number_spans(cleaned):
        out.append(Anchor("n:" + digits, m.group(), m.group(), m.start()))
    latin_doc = "Latin" in scripts_of(language)
    for tok in latin_tokens(cleaned):
        if any(a <= tok.start < b for a, b in spans) or len(tok.text) < 2:
            continue
        if not tok.capitalised and not tok.acronymish:
            continue
        initial = latin_doc and tok.sentence_start and not tok.acronymish
        out.append(Anchor("l:" + tok.key, tok.text, tok.text, tok.start, initial))
    out.sort(key=lambda a: a.start)
    return out


def names_confirmed(anchors: dict[str, list[Anchor]]) -> dict[str, list[Anchor]]:
    """The anchors of a row's cells without the sentence-initial capitalised words that
    appear nowhere in the row except at a sentence start ("Every", "Sintra'ya" stays
    when "Sintra" is a name elsewhere)."""
    names = {a.key for xs in anchors.values() for a in xs if not a.initial}
    return {lang: [a for a in xs if not a.initial or a.key in names] for lang, xs in anchors.items()}
