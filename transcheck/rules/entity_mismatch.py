"""A name, brand or acronym that the other translations of a segment keep and one
translation drops or replaces.

What it catches:
    In each aligned row, the Latin-script anchors of every translation: acronyms and
    CamelCase (CX, CSM, SaaS, iPhone), capitalised words that do not start a sentence
    (Guru, Apple, Genius Bar, Blake Morgan) and, in documents of another script, every
    Latin word. A token counts only when a clear majority of at least three documents
    has it as an anchor (with ``--source``: when the source has it and, for a merely
    capitalised word, at least half of the translations too). A translation is
    reported when it has the token nowhere in its segment: not in any case, not with an
    ending or prefix ("Guru'da", "CX'i", "وCS", "SaaS-компаний"), and not transliterated
    into its own script ("Блейк Морган", "بليك مورغان" and "آبل" all match, through
    anyascii and a consonant skeleton).

Why it matters:
    Names and product terms are anchors readers and search rely on; a dropped brand or
    a replaced acronym usually means a sentence was rewritten or cut.

Example:
    sv, it, tr and ar keep "Genius Bar" in the sentence about Apple; ``ru.txt`` says
    "фирменный бар": "“Genius” missing (ar, it, sv, tr have it)".

What it does not catch:
    A small spelling variant of a name ("Blake Morgen"), since inflected and
    transliterated forms must match; a name the majority itself translated; a name
    added by one translation only; capitalised common words that only some languages
    capitalise (German nouns) unless a clear majority shares them; names in non-Latin
    scripts when the majority is not in Latin script.
"""

from __future__ import annotations

from transcheck.langid.script import scripts_of
from transcheck.model import Category, Severity
from transcheck.rules import _consensus as consensus
from transcheck.rules._tokens import (
    SKIPPED_KINDS,
    clean,
    latin_prefix_match,
    latin_tokens,
    other_script_words,
    transliteration_match,
)
from transcheck.rules.base import GroupView, Rule
from transcheck.text import normalise


def check(view: GroupView):
    for row in view.rows:
        voters = consensus.voting_languages(view, row)
        if len(voters) < 2:
            continue
        cells = {lang: _Cell(view, row, lang) for lang in voters}
        keys: dict[str, str] = {}  # key -> shown form, first seen in language order
        acronyms: set[str] = set()
        for cell in cells.values():
            for tok in cell.anchors.values():
                keys.setdefault(tok.key, tok.text)
                if tok.acronymish:
                    acronyms.add(tok.key)
        missing: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key in keys:
            votes = {lang: cells[lang].votes_for(key) for lang in voters}
            if view.source and key not in acronyms:
                translations = [lang for lang in voters if lang != view.source]
                keeping = sum(votes[lang] for lang in translations)
                if 2 * keeping < len(translations):
                    continue
            for dev in consensus.deviations(view, votes):
                if dev.value or not dev.expected:
                    continue  # only a token the reference keeps and this one lacks
                if cells[dev.language].renders(keys[key]):
                    continue
                missing.setdefault(dev.language, []).append((key, dev.agree))
        for lang, items in sorted(missing.items()):
            holders = sorted({x for _, agree in items for x in agree})
            shown = ", ".join(f"“{keys[key]}”" for key, _ in items)
            verb = "is" if len(items) == 1 else "are"
            doc = view.documents[lang]
            loc = view.cell_location(row, lang)
            yield RULE.finding(
                doc,
                loc.line,
                loc.end_line,
                f"{shown} {verb} missing here ({consensus.names(holders)} keep "
                f"{'it' if len(items) == 1 else 'them'})",
                related=consensus.related(view, row, holders),
                key="entity:" + ",".join(k for k, _ in items) + ":"
                + normalise(cells[lang].text)[:80],
            )


class _Cell:
    """The text of one language in a row, and what it says about Latin anchors."""

    def __init__(self, view: GroupView, row, lang: str):
        doc = view.documents[lang]
        self.text = clean(" ".join(
            doc.segments[i].text for i in row.cells[lang]
            if doc.segments[i].kind not in SKIPPED_KINDS
        ))
        scripts = scripts_of(lang)
        self.latin = "Latin" in scripts
        self.arabic = "Arabic" in scripts
        self.anchors = {}
        self.sentence_initial: set[str] = set()
        for tok in latin_tokens(self.text):
            if len(tok.text) < 2 or tok.text.isdigit():
                continue
            if not self.latin or tok.acronymish or (tok.capitalised and not tok.sentence_start):
                self.anchors.setdefault(tok.key, tok)
            elif tok.capitalised:
                self.sentence_initial.add(tok.key)
        self._words = None

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = other_script_words(self.text)
        return self._words

    def votes_for(self, key: str) -> bool:
        if key in self.anchors or key in self.sentence_initial:
            return True
        return not self.latin and transliteration_match(key, self.words, self.arabic)

    def renders(self, name: str) -> bool:
        """Whether the name is here in any form: any case, an ending, a prefix, or
        transliterated."""
        if latin_prefix_match(name, self.text):
            return True
        return bool(self.words) and transliteration_match(name, self.words, self.arabic)


RULE = Rule(
    code="TC402",
    name="entity-mismatch",
    category=Category.ENTITY,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
