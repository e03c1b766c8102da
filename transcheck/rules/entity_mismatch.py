"""A name, brand or acronym the other translations of a segment keep and one drops or replaces.

What it catches:
    In each aligned row, the Latin-script anchors of every translation: acronyms and
    CamelCase (CX, CSM, SaaS, iPhone), capitalised words that do not start a sentence
    (Guru, Apple, Genius Bar, Blake Morgan), capitalised words that start the sentence
    in most Latin-script translations alike ("Alborn was…", "Alborn era…") and, in
    documents of another script, every Latin word. A token counts only when a clear
    majority of at least three documents has it as an anchor, at least two of them in
    Latin letters (with ``--source``: when the source has it and, for a merely
    capitalised word, at least half of the translations too). A translation is reported
    when it has the token nowhere in its segment: not in any case, not with an ending or
    prefix ("Guru'da", "CX'i", "وCS", "SaaS-компаний"), and not transliterated into its
    own script ("Блейк Морган", "بليك مورغان" and "آبل" all match, through anyascii and
    a consonant skeleton; in a script with case only a capitalised word can be the name,
    and another Latin language's form of a name starts as it does). An all-capital
    acronym (CX, CS) counts only where the others define it in parentheses, "customer
    experience (CX)": in running text a translation may rightly spell out its meaning
    instead.

    A name given as another is told apart from a name merely missing: the name written
    with a letter or two changed or two letters exchanged, in Latin letters, also inside
    another script ("Revik" for Ravik, "Garshore Works" in Hebrew; not an inflection,
    not a form another translation shares, as Edimburgo, not another romanisation, as
    Tsoï, Charkiw, Bachar, Čong or Luisiana, not a name the language's dictionary lists,
    as "Eropa", not a Celtic language's initial mutation, as Gaelic "de Mhastodon" or
    Welsh "yng Nghaerdydd", not a change of letters the translation makes in another
    name of its group too, as Azerbaijani g for q in "Anqola", "Uqanda"); where the slip still sounds like the name ("Corhen" for Cohren, "Orsen"
    for Orson), only with the spelling extra in a script with case, whose dictionary
    must know the word in no form ("Singapurze", "Waszyngton" are Polish), and not as a
    common word's cognate ("Algoritma" for Algorithms, where either is written in lower
    case in its document). With ``--source``, the word that stands in the name's place
    is named in the message where there is one: a city CLDR names that no other cell
    names, a Latin word in another script, or a capitalised Latin word the language's
    Hunspell dictionary knows neither as a word, a listed name nor a compound
    ("Whitmore" for Harrison).

    Severity: a *warning* for a slip in a name (in keyed resources too); reviewed on
    WMT24++ (15 languages; ``python bench/meaning.py``), 16 of 16 with the source, 17 of
    17 without; on NTREX-128 news (held out) 25 of 29 (docs/meaning.md). A name that is
    one English word two other translations translate ("Restart", "Under": a manual's
    UI label) needs a slip no word of the language ("Veriety"). A name missing, or
    given as another word, is a lead (TC404, off by default): on real text 2 of 8 such
    words were another name ("Sydney" for The Sunday Telegraph); the rest were
    renderings the matcher does not know ("Пуч" for Puig), translated titles
    ("Inicialización" for Init) and rows of a list out of line.

Why it matters:
    Names and product terms are anchors readers and search rely on; a dropped name,
    brand or acronym definition usually means a sentence was rewritten or cut.

Example:
    sv, it, tr and ar keep "Genius Bar" in the sentence about Apple; ``ru.txt`` says
    "фирменный сервис": "“Genius”, “Bar” are missing here (ar, it, sv, tr keep them)".

What it does not catch:
    A spelling variant of a name in another script ("Коэн" for Cohren), a slip that is a
    word of the language ("Show" for Shaw; Swedish "Skift" for Shift); a name replaced
    by another word, which is a lead (TC404), and in Japanese, Chinese, Korean, Arabic,
    Hebrew or Hindi script not even named there; a name the majority
    translated or one translation added; German nouns unless a clear majority shares
    them; names in non-Latin scripts when the majority is not in Latin script; an
    acronym dropped from running text; a common word taken as a name ("Super").
"""

from __future__ import annotations

import re
from dataclasses import replace

from transcheck.model import Category, Severity, Strength, base_language
from transcheck.rules._places import new_place, ui_label, unknown_word
from transcheck.rules._scripts import text_scripts
from transcheck.rules._slips import named_slip, orthography_spared, slip
from transcheck.rules._substitution import HANDLE, substitution
from transcheck.rules import _consensus as consensus
from transcheck.rules._tokens import (
    UNSPACED_SCRIPTS,
    SKIPPED_KINDS,
    cased_names,
    cased_words,
    clean,
    latin_prefix_match,
    latin_tokens,
    other_script_words,
    transliteration_match,
)
from transcheck.rules._leads import strong
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.text import normalise


def check(view: GroupView, options: NoOptions):
    found: list = []  # (finding, language, (name, slip) or None)
    for r, row in enumerate(view.rows):
        voters = consensus.voting_languages(view, row)
        if len(voters) < 2:
            continue
        cells = {lang: _Cell(view, row, lang) for lang in voters}
        keys: dict[str, str] = {}  # key -> shown form, first seen in language order
        anchors = [tok for cell in cells.values() for tok in cell.anchors.values()]
        for tok in anchors:
            keys.setdefault(tok.key, tok.text)
        acronyms = {tok.key for tok in anchors if tok.acronymish}
        for key, text in _initial_names(cells).items():
            keys.setdefault(key, text)
        missing: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key in keys:
            literal = key in acronyms  # CX is written CX everywhere, not transliterated
            written = [lang for lang in voters if cells[lang].writes(key)]
            if len(written) < 2 and view.source not in written:
                # Transliteration alone is no evidence: "продукт" sounds like Prodotto.
                continue
            votes = {lang: cells[lang].votes_for(key, literal) for lang in voters}
            if view.source and key not in acronyms:
                translations = [lang for lang in voters if lang != view.source]
                if 2 * sum(votes[lang] for lang in translations) < len(translations):
                    continue
            for dev in consensus.deviations(view, votes, confirm=True):
                if dev.value or not dev.expected:
                    continue  # only a token the reference keeps and this one lacks
                # Names the others share are other names, not renderings of this one.
                shared = {k for k in keys if k != key and sum(
                    cells[o].writes(k) for o in voters if o != dev.language) >= 2}
                # "Corhen" sounds like Cohren, but a slip is no language's form of it.
                if cells[dev.language].renders(keys[key], literal, shared) and (
                        literal or not named_slip(view, keys[key], dev.language, cells)):
                    continue
                if keys[key].isupper() and not _defined(keys[key], cells, dev.agree):
                    continue  # an acronym rendered by its meaning is a translation

                missing.setdefault(dev.language, []).append((key, dev.agree))
        subs = {}
        for lang in (v for v in voters if view.source in cells and v != view.source):
            subs[lang] = substitution(cells, lang, view.source, lambda w, lang=lang: _elsewhere(view, row, lang, w))
            # A name a minority keeps is missing by a rendering as often as by a
            # substitution: half must keep it, or the word be Latin in another script.
            if subs[lang] and lang not in missing:
                weak = 2 * len(subs[lang][2]) < len(voters) and (cells[lang].latin or not subs[lang][1].isascii())
                missing.update({} if weak else {lang: [(subs[lang][0].casefold(), subs[lang][2])]})
                subs[lang] = None if weak else subs[lang]
        for lang, items in sorted(missing.items()):
            if consensus.displaced(view, r, lang):
                continue
            holders = sorted({x for _, agree in items for x in agree})
            shown = ", ".join(f"“{keys[key]}”" for key, _ in items)
            verb = "is" if len(items) == 1 else "are"
            # Only names every other Latin-script translation keeps as written: a title
            # some of them translate ("Budget Act", "Lei do Orçamento") is no name.
            kept = [k for k, _ in items if all(
                c.writes(k) for o, c in cells.items() if o != lang and c.latin)]
            variant = next(((keys[k], w) for k, _ in items
                            for w in [slip(keys[k], lang, cells, view.source, view.keyed)] if w), None)
            instead = subs[lang][1] if subs.get(lang) else None
            if variant:
                shown, verb = f"“{variant[0]}” is written “{variant[1]}” here", ""
            else:
                # A word in the name's place is said, as a lead: on real text (NTREX-128
                # news, documentation trees) 2 of 8 were another name, the rest renderings,
                # translated titles and rows of a list out of line.
                place = new_place(view.source, cells, lang)
                instead = instead or place or (_new_name(view, cells, lang, [keys[k] for k in kept]) if kept else None)
            if instead:
                shown, verb = shown + f" {verb} missing, “{instead}” is here instead", ""
            finding = RULE.at_cell(
                view, row, lang,
                f"{shown} {verb + ' missing here ' if verb else ''}({consensus.names(holders, 'keep')} "
                f"{'it' if len(items) == 1 else 'them'})",
                related=consensus.related(view, row, holders),
                key="entity:" + ",".join(k for k, _ in items) + ":" + normalise(cells[lang].text)[:80],
            )
            # The evidence is a slip in the name; a name missing ("the company" for Greggs)
            # or given as another word is a lead. A UI label needs a slip that is no word.
            if not variant or (ui_label([variant[0]], view.source, sum(
                    o not in holders for o in voters if o not in (lang, view.source)))
                    and not unknown_word(variant[1], lang)):
                finding = replace(finding, strength=Strength.REDUCED)
            found.append((finding, lang, variant))
    yield from orthography_spared(found)


def _initial_names(cells: dict) -> dict[str, str]:
    """Capitalised words that start a sentence in most Latin-script cells alike ("Alborn
    was…", "Alborn era…"): a name, since a common word starting the sentence differs
    by language. At least three cells, and more than half of the Latin-script ones."""
    latin = [c for c in cells.values() if c.latin]
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for cell in latin:
        for key, text in cell.sentence_initial.items():
            if len(key) >= 3:
                counts[key] = counts.get(key, 0) + 1
                shown.setdefault(key, text)
    return {key: shown[key] for key, n in sorted(counts.items())
            if n >= consensus.MIN_VOTERS and 2 * n > len(latin)}


def _new_name(view: GroupView, cells: dict, lang: str, names: list[str]) -> str | None:
    """A capitalised name in ``lang``'s cell that no other cell has in any form and that
    renders none of the missing ``names``; None where the language capitalises its
    nouns (German), since a capitalised word is no name there."""
    if not _names_stand_out(view, lang):
        return None
    cell = cells[lang]
    others = [c for o, c in cells.items() if o != lang]
    # Hashtags and @mentions are tags, often translated; the word after a leading
    # mention starts the sentence.
    text = HANDLE.sub(lambda m: ".", cell.text)
    for tok in cased_names(text):
        word = tok.text
        if any(transliteration_match(n, [word], cell.arabic) for n in names):
            continue
        # Written in another cell: as it is, or transliterated into a script with case
        # (a consonant skeleton in a script without case matches too much by chance).
        if any((c.cased and c.renders(word, False)) or word.casefold()[:4] in c.text.casefold() for c in others):
            continue
        return word
    return None


def _elsewhere(view: GroupView, row, lang: str, word: str) -> bool:
    """Whether ``word`` is in another row of ``lang``'s document: a name the text
    uses elsewhere stands here by a paragraph out of place or a word of a title
    ("Штатов" of Соединённых Штатов), not by a name changed."""
    doc = view.documents[lang]
    own = set(row.cells[lang])
    return any(word in seg.text for i, seg in enumerate(doc.segments) if i not in own)


def _names_stand_out(view: GroupView, lang: str) -> bool:
    """Whether capitalised words are rare enough in the document to mark names: under
    15% of its cased words (German capitalises about a quarter of its words). A
    document too short to count (under 30 cased words) is judged by its language:
    German and Luxembourgish capitalise their nouns."""
    cache = view.memo("entity_capitalised")
    if lang not in cache:
        doc = view.documents[lang]
        text = " ".join(seg.text for seg in doc.segments)
        cased = len(cased_words(text))
        if cased < 30:
            cache[lang] = base_language(lang) not in ("de", "lb")
        else:
            cache[lang] = len(cased_names(text)) < 0.15 * cased
    return cache[lang]


def _start(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word).casefold()[:2]


def anchor_text(view: GroupView, row, lang: str) -> str:
    """A row's cell for ``lang`` without code, URLs, images and file names: the text
    where a name is kept or translated (shared with mixed-language, TC203)."""
    doc = view.documents[lang]
    return clean(" ".join(
        doc.segments[i].text for i in row.cells[lang] if doc.segments[i].kind not in SKIPPED_KINDS
    ))


def _defined(acronym: str, cells: dict, holders) -> bool:
    """Whether most ``holders`` define ``acronym`` here, in parentheses: "(CX)"."""
    pattern = re.compile(r"\(\s*" + re.escape(acronym) + r"\s*\)")
    return 2 * sum(1 for h in holders if pattern.search(cells[h].text)) > len(holders)


class _Cell:
    """The text of one language in a row, and what it says about Latin anchors."""

    def __init__(self, view: GroupView, row, lang: str):
        self.text = anchor_text(view, row, lang)
        scripts = text_scripts(lang, self.text)
        self.latin = "Latin" in scripts
        self.cased = bool(scripts & {"Latin", "Cyrillic", "Greek", "Armenian"})
        self.arabic = "Arabic" in scripts
        self.unspaced = bool(scripts & UNSPACED_SCRIPTS)
        self.anchors = {}
        self.sentence_initial: dict[str, str] = {}  # key -> as written
        for tok in latin_tokens(self.text):
            if len(tok.text) < 2 or tok.text.isdigit():
                continue
            if not self.latin or tok.acronymish or (tok.capitalised and not tok.sentence_start):
                self.anchors.setdefault(tok.key, tok)
            elif tok.capitalised:
                self.sentence_initial.setdefault(tok.key, tok.text)
        self._words = None
        # renders() of a name without a list of names: every language asks it of every
        # other cell of the row, so it is worked out once per cell and name.
        self._rendered: dict[tuple[str, bool], bool] = {}

    @property
    def words(self) -> list[str]:
        """The words of another script, where a transliterated name may be. In a script
        with case (Cyrillic, Greek, Armenian) only capitalised words: names are written
        so, and a long paragraph's common words would otherwise match a short name's
        consonants by chance (игрушкой for Celeste)."""
        if self._words is None:
            words = other_script_words(self.text, self.unspaced)
            self._words = [w for w in words if w[0].lower() == w[0].upper() or w[0].isupper()]
        return self._words

    @property
    def capitalised(self) -> list[str]:
        """Capitalised Latin words, where another language's form of a place name may
        be (Rom for Roma)."""
        return [tok.text for tok in latin_tokens(self.text) if tok.capitalised]

    def writes(self, key: str) -> bool:
        """The token is here in Latin letters, as an anchor."""
        return key in self.anchors or key in self.sentence_initial

    def votes_for(self, key: str, literal: bool) -> bool:
        if self.writes(key):
            return True
        if literal or self.latin:
            return False
        return transliteration_match(key, self.words, self.arabic, self.unspaced)

    def renders(self, name: str, literal: bool, names: set[str] = frozenset()) -> bool:
        """Whether the name is here in any form: any case, an ending, a prefix, or
        transliterated."""
        if names:
            return self._renders(name, literal, names)
        if (name, literal) not in self._rendered:
            self._rendered[(name, literal)] = self._renders(name, literal, names)
        return self._rendered[(name, literal)]

    def _renders(self, name: str, literal: bool, names) -> bool:
        if latin_prefix_match(name, self.text):
            return True
        if literal:
            return False
        # Another language's form of a name starts as the name does (Rom, Roma; Londra,
        # London): a capitalised word that starts otherwise is another word (Giriş is
        # no Celeste, whatever their consonants).
        start = _start(name)
        words = self.words + [w for w in self.capitalised
                              if w.casefold() not in names and _start(w) == start]
        return bool(words) and transliteration_match(name, words, self.arabic, self.unspaced)


RULE = Rule(
    code="TC402",
    name="entity-mismatch",
    category=Category.ENTITY,
    severity=Severity.WARNING,
    check=strong(check),
    doc=__doc__,
)
