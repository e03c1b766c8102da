"""Glossary terms that one translation drops, renders with a competing term, or
transliterates although the glossary says not to translate them.

What it catches:
    With a glossary (``glossary.tbx`` or ``glossary.csv`` beside the documents, or
    ``--glossary FILE``), terms are found in every translation through inflection
    (Snowball stems: Turkish ``müşteri desteğinin``, Russian ``прямоугольниками``,
    Arabic ``والمربعات``). Four findings:

    - *term missing*: a concept that every other translation of a row renders (at least
      three of them), or that the source has, is absent from this one;
    - *do-not-translate*: a brand or name marked do-not-translate appears transliterated
      (``Гуру`` for ``Guru``);
    - *deprecated term*: a term the glossary marks deprecated or superseded;
    - *competing terms*: a document renders one concept with both its preferred term
      and another variant, so readers meet two names for one thing.

Why it matters:
    Terminology is what a localization team promises its customers to keep: a product
    name spelled three ways or a key concept silently dropped from one language
    breaks that promise, and reviewers reading one language at a time do not see it.

Example:
    ``ru.txt`` line 19 writes the brand as ``Гуру`` where the glossary marks ``Guru``
    do-not-translate and every other translation keeps ``Guru``; ``ru.txt`` renders
    customer experience as both ``опыт клиента`` (preferred) and ``опыт покупателя``.

What it does not catch:
    A term dropped from a cell that still has it inside a compound word (counted as
    present: "santimetrekare" holds "kare"). Anything without a glossary; a concept
    the glossary lists no term for in a
    language (that language does not vote); a term rendered by a pronoun or a synonym
    the glossary does not list (add it as an admitted variant); a concept missing
    from two translations at once without a source.
"""

from __future__ import annotations

from collections import defaultdict

from transcheck.model import Category, Severity, base_language
from transcheck.rules.base import GroupView, NoOptions, Rule, snippet
from transcheck.terms import ADMITTED, DEPRECATED, PREFERRED
from transcheck.terms.match import matcher_for
from transcheck.langid.names import language_name, quoted_in
from transcheck.terms.vocabulary import origin, written

MIN_HOLDERS = 3


def check(view: GroupView, options: NoOptions):
    termbase = view.termbase
    if termbase is None or not termbase.concepts:
        return
    yield from _missing(view, termbase)
    yield from _competing(view, termbase)


def _label(concept) -> str:
    return concept.label()


def _missing(view: GroupView, termbase):
    from transcheck.rules._consensus import voting_languages

    for row in view.rows:
        voters = voting_languages(view, row)
        if len(voters) < 2:
            continue
        found = {}
        for lang in voters:
            found[lang] = {h.concept: h for h in matcher_for(termbase, lang).find(view.cell_text(row, lang))}
        concepts = {c for hits in found.values() for c in hits}
        for concept in sorted(concepts, key=lambda c: c.id):
            covered = [lang for lang in voters if concept.terms_for(lang)]
            have = [lang for lang in covered if concept in found[lang]]
            lack = [lang for lang in covered if concept not in found[lang]]
            source = view.source
            if source in covered:
                if source not in have:
                    continue
                lack = [lang for lang in lack if lang != source]
                # The source leads, the translations confirm: with three or more of
                # them, most must render the concept too (a term many translations
                # leave out is rendered some other way, not dropped).
                peers = len(covered) - 1
                if peers >= MIN_HOLDERS and 2 * (len(have) - 1) <= peers:
                    continue
            elif len(have) < MIN_HOLDERS or len(lack) != 1:
                continue
            for lang in lack:
                doc = view.documents[lang]
                loc = view.cell_location(row, lang)
                if not concept.do_not_translate and _inside_a_word(concept, lang, view.cell_text(row, lang)):
                    continue
                if concept.do_not_translate:
                    # There with an ending or a hyphen (FastAPIs, JSON-Schemas), or kept
                    # as it is in inline code (`Uvicorn`).
                    code = " ".join(c for i in row.cells[lang] for c in doc.segments[i].code)
                    if written(concept.terms_for(lang), f"{view.cell_text(row, lang)} {code}"):
                        continue
                    name = concept.label()
                    shown = _rendering(name, view.cell_text(row, lang), lang)
                    what = f"is transliterated as “{shown}”" if shown else "is missing"
                    yield RULE.finding(
                        doc,
                        loc.line,
                        loc.end_line,
                        f"do-not-translate name “{name}” {what}; {', '.join(have)} keep "
                        f"“{name}” as {origin(concept)} requires",
                        related=[view.cell_location(row, o) for o in have],
                        key=f"dnt:{concept.id}:{shown or ''}",
                    )
                    continue
                expected = ", ".join(f"“{t.text}”" for t in concept.terms_for(lang)[:3])
                said = "; ".join(quoted_in(o, found[o][concept].surface) for o in have[:3])
                yield RULE.finding(
                    doc,
                    loc.line,
                    loc.end_line,
                    f"term missing: “{_label(concept)}” is rendered in {', '.join(have)} "
                    f"({said}) but not here; the glossary's {language_name(lang)} term: {expected}",
                    related=[view.cell_location(row, o) for o in have],
                    key=f"missing:{concept.id}:{snippet(view.cell_text(row, lang), 40)}",
                )


def _inside_a_word(concept, language: str, text: str) -> bool:
    """Whether a word of one of the concept's terms sits inside a longer word of
    ``text``: compounds carry terms where no word starts with them (Turkish
    "santimetrekare", German "Kundenerlebnis"), so such a cell is not evidence of a
    missing term."""
    from transcheck.terms.match import _stemmer, lower, tokens

    base = base_language(language)
    stemmer = _stemmer(base)
    words = [lower(w, base) for w, _, _ in tokens(text)]
    for term in concept.terms_for(language):
        for w, _, _ in tokens(term.text):
            low = lower(w, base)
            stem = stemmer.stemWord(low) if stemmer else low
            for key in {low, stem}:
                if len(key) >= 4 and any(key in word and not word.startswith(key) for word in words):
                    return True
    return False


def _rendering(name: str, text: str, language: str) -> str | None:
    """A word of ``text`` in another script that transliterates ``name`` (``Гуру``)."""
    from anyascii import anyascii
    from rapidfuzz.fuzz import ratio

    from transcheck.rules._tokens import clitic_prefixes, other_script_words, skeleton

    target = skeleton(name)
    for word in other_script_words(text):
        forms = [word] + [word[len(p):] for p in clitic_prefixes(word) if len(word) > len(p) + 1]
        for form in forms:
            if ratio(anyascii(form).lower(), name.lower()) >= 80:
                return word
            if len(target) >= 2 and skeleton(form) == target:
                return word
    return None


def _competing(view: GroupView, termbase):
    for lang, doc in view.documents.items():
        matcher = matcher_for(termbase, lang)
        uses = defaultdict(lambda: defaultdict(list))  # concept -> term -> segments
        for seg in doc.segments:
            if not seg.is_prose:
                continue
            for hit in matcher.find(seg.text):
                if not hit.concept.do_not_translate:
                    uses[hit.concept][hit.term].append(seg)
        for concept, by_term in sorted(uses.items(), key=lambda kv: kv[0].id):
            preferred = [t for t in by_term if t.status == PREFERRED]
            for term, segs in by_term.items():
                segs = list(dict.fromkeys(segs))
                first = segs[0]
                lines = ", ".join(str(s.line) for s in segs[:5]) + (" …" if len(segs) > 5 else "")
                if term.status == DEPRECATED:
                    better = [t.text for t in concept.terms_for(lang) if t.status == PREFERRED]
                    advice = f"; use “{better[0]}”" if better else ""
                    yield RULE.at_segment(
                        doc,
                        first,
                        f"deprecated term “{term.text}” for “{_label(concept)}” "
                        f"(lines {lines}){advice}",
                        key=f"deprecated:{concept.id}:{term.text}",
                    )
                elif term.status == ADMITTED and preferred:
                    pref = preferred[0]
                    pref_lines = ", ".join(str(s.line) for s in list(dict.fromkeys(by_term[pref]))[:5])
                    yield RULE.at_segment(
                        doc,
                        first,
                        f"competing terms for “{_label(concept)}”: “{term.text}” (lines "
                        f"{lines}) and the preferred “{pref.text}” (lines {pref_lines})",
                        key=f"competing:{concept.id}:{term.text}",
                    )


RULE = Rule(
    code="TC501",
    name="terminology",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
