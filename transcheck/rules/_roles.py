"""The anchors of a cell in reading order: glossary concepts, numbers, Latin names and
acronyms. Shared by the meaning checks, which compare where the anchors sit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcheck.align.anchors import _ARABIC_INDIC, _NUMBER
from transcheck.langid.script import scripts_of


@dataclass(frozen=True)
class Anchor:
    key: str  # "c:<concept id>", "n:<digits>", "l:<casefolded token>"
    label: str  # how a message names it, the same in every language
    surface: str  # the text in this cell
    start: int


def cell_anchors(text: str, language: str, termbase) -> list[Anchor]:
    from transcheck.rules._tokens import clean, latin_tokens

    out: list[Anchor] = []
    spans: list[tuple[int, int]] = []
    if termbase is not None:
        from transcheck.terms.match import matcher_for

        for hit in matcher_for(termbase, language).find(text):
            out.append(Anchor("c:" + hit.concept.id, hit.concept.label(), hit.surface, hit.start))
            spans.append((hit.start, hit.end))
    cleaned = clean(text)
    for m in _NUMBER.finditer(cleaned.translate(_ARABIC_INDIC)):
        digits = re.sub(r"\D", "", m.group()).lstrip("0") or "0"
        out.append(Anchor("n:" + digits, m.group(), m.group(), m.start()))
    latin_doc = "Latin" in scripts_of(language)
    for tok in latin_tokens(cleaned):
        if any(a <= tok.start < b for a, b in spans) or len(tok.text) < 2:
            continue
        if latin_doc and not (tok.acronymish or (tok.capitalised and not tok.sentence_start)):
            continue
        if not latin_doc and not tok.capitalised:
            continue
        out.append(Anchor("l:" + tok.key, tok.text, tok.text, tok.start))
    out.sort(key=lambda a: a.start)
    return out
