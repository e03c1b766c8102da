"""A plural message without the forms its language needs, by CLDR's plural rules.

What it catches:
    In keyed resources, a translation of a plural message (i18next's ``_one``/
    ``_few``… keys, or v3's ``key`` and ``key_plural`` where the language needs
    more forms, numbered ``key_0``, ``key_1``…; Android ``<plurals>``, Rails ``one:``/``other:``, Apple
    ``.stringsdict``, ICU ``{n, plural, …}`` inside a value) that lacks a category
    its language selects for a count of things: Russian needs ``one``, ``few``,
    ``many``, Arabic six, Japanese only ``other``. Categories only fractions or
    millions written with an exponent select (French ``many``, Russian ``other``)
    are not asked for, except ``other`` in an ICU argument, which ICU requires; nor is
    Vietnamese ``one``, which CLDR added after the rules today's runtimes carry. A gettext plural entry with a form left empty while others are filled.
    A category the language never selects (``one`` in Japanese) is info: it is never
    shown, so its text is lost work or a sign of the wrong language's rules. An ICU
    ``=1`` branch stands for ``one`` where one number alone selects it (German), and
    in any language where its text is ``other``'s (no count can pick a wrong form). In
    Flutter's ARB files ``=0``, ``=1`` and ``=2`` are its zero, one and two, which serve
    their number and their category alike (French 0, Russian 21).

    The categories come from CLDR (``transcheck/rules/_plurals_data.py``, generated
    with Babel by ``python -m tools.cldr_plurals``).

    Severity and precision: a warning. Info where the form left out is no form a
    reader misses: in Russian, Ukrainian, Belarusian and Polish, few and many left to
    ``other`` where ``other`` shows no count, or its noun in an oblique plural
    ("# подключениями", "# połączeniami") or after a preposition that governs the
    genitive ("do {count} osób"), one form for every count (mattermost-mobile: 181
    warnings, 140 after; the rest a case that changes with the count, "{count}
    каналов"); in ICU, one category left out where no whole number selects
    ``other`` (Russian, Polish, Ukrainian), so that the form written there is the one
    its numbers get ("one {# объект} many {# объектов} other {# объекта}"; immich's
    translations: 516 warnings before, 414 after). Info too where the language's nouns
    stay singular after a numeral (Turkish, Hungarian, Persian ``one``; Hebrew ``two``;
    Welsh after digits, "{# pleidlais}") and ``other`` shows the count: "{count} gün"
    reads right for 1 (aves's Flutter translations: 5 false annotations in 8 merged
    pull requests before, none after; Angular's ``<x id="INTERPOLATION"/>`` in
    ``other`` shows the count as ``#`` does); where every form the translation writes is
    the same text (Gaelic "one {+ # eile} other {+ # eile}": its words do not change
    with the count there); and ``one`` beside an ``=1`` branch where ``one`` is 0 and 1
    (French, Brazilian Portuguese: ``ZERO_AND_ONE``), which leaves only 0 to ``other``:
    "0 tâches", "0 tarefas" (paperless-ngx's XLIFF: 10 such warnings, none a form a
    reader misses).

Why it matters:
    A missing form falls back to another (``other``): "1 файлов" or "21 файлов"
    instead of "1 файл", "21 файл"; an empty gettext form shows nothing at all.

    A message the source gives one form (``other`` alone: "{m}m") asks for none, nor
    does one left as the source writes it (untranslated, TC202's finding); one
    whose source forms show no count ("Open this link:", "Open one of these links:")
    reads right with ``other`` for a form left out, and that is info (without a source
    document, where no translation's forms show a count).

Example:
    ``ru.json`` has ``items_one`` and ``items_other`` only: "plural forms missing
    for Russian: few, many (CLDR: one, few, many, other)".

What it does not catch:
    Whether each form's text is right for its numbers; ordinal plurals
    (``selectordinal``); a gettext ``Plural-Forms`` header that disagrees with CLDR.
"""

from __future__ import annotations

import re
from dataclasses import replace

from transcheck import formats
from transcheck.formats.keyed import split_plural
from transcheck.langid.names import language_name
from transcheck.model import Category, Severity, Strength
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, NoOptions, Rule


def categories(language: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(all CLDR categories, those a count selects) of a language tag, or None."""
    from transcheck.rules._plurals_data import CATEGORIES

    return _by_tag(CATEGORIES, language)


def _exact(language: str) -> dict[str, int]:
    """The categories one whole number alone selects in the language (``EXACT``)."""
    from transcheck.rules._plurals_exact import EXACT

    return _by_tag(EXACT, language) or {}


def _zero_and_one(language: str) -> bool:
    """Whether the language's "one" is 0 and 1 (``ZERO_AND_ONE``)."""
    from transcheck.rules._plurals_exact import ZERO_AND_ONE

    return _by_tag(dict.fromkeys(ZERO_AND_ONE, True), language) or False


# Angular's interpolation in an ICU form ("other {<x id="INTERPOLATION"/> tasks}"): the count.
_INTERPOLATION = re.compile(r'<x id="INTERPOLATION(?:_\d+)?"')


def _by_tag(table: dict, language: str):
    """The entry of the longest prefix of ``language`` the table has (pt-PT, else pt)."""
    parts = language.split("-")
    return next((table[t] for n in range(len(parts), 0, -1) if (t := "-".join(parts[:n])) in table), None)


def _variants(doc) -> dict[str, dict[str, object]]:
    """message -> {category or index: segment} of a document's plural variants."""
    out: dict[str, dict[str, object]] = {}
    for seg in doc.segments:
        split = split_plural(seg.key)
        if split and seg.state != "fuzzy":
            out.setdefault(split[0], {})[split[1]] = seg
    return out


def check(view: GroupView, options: NoOptions):
    if not view.keyed:
        return
    plural_messages: dict[str, int] = {}
    variants = {lang: _variants(doc) for lang, doc in view.documents.items()}
    for lang, found in variants.items():
        for msg in found:
            plural_messages[msg] = plural_messages.get(msg, 0) + (3 if lang == view.source else 1)
    counts: dict[str, bool] = {}

    def counted(msg: str) -> bool:
        """Whether any document's forms of ``msg`` show a count (asked once per message)."""
        if msg not in counts:
            counts[msg] = any(_shows_count(s) for o in variants.values() for s in o.get(msg, {}).values())
        return counts[msg]

    for lang in keyed.translations(view):
        doc = view.documents[lang]
        cats = categories(lang)
        for msg, forms in variants[lang].items():
            if plural_messages.get(msg, 0) < 2:
                continue  # one file's keys that merely end like a category
            first = keyed.first_variant(list(forms.values()))
            if all(name.isdigit() for name in forms):
                filled = [n for n, s in forms.items() if not s.state]
                empty = sorted(n for n, s in forms.items() if s.state == "empty")
                if filled and empty:
                    yield keyed.named(RULE, doc, first, f"plural form{'s' if len(empty) > 1 else ''} "
                                      f"{', '.join(f'msgstr[{n}]' for n in empty)} empty while "
                                      f"{', '.join(f'msgstr[{n}]' for n in sorted(filled))} filled", key="empty")
                continue
            if cats is None:
                continue
            present = {n for n, s in forms.items() if not s.state}
            if not present:
                continue  # not translated at all: coverage, not plural rules
            source = variants.get(view.source, {}).get(msg, {})
            if set(source) == {"other"}:
                continue  # the source's one form for every count ("{m}m"): no plural asked
            if source and all(n in source and forms[n].raw.strip() == source[n].raw.strip() for n in present):
                continue  # the source's forms as they are: untranslated (TC202), not a plural to fix
            found = _judge(doc, first, present, cats, lang)
            if "other" in forms and _shows_count(forms["other"]):
                found = _singular_after_numeral(found, lang)
            if "other" in forms and few_many_alike(lang, forms["other"].raw, forms["other"].raw):
                found = [replace(f, strength=Strength.HINT) if set(_missing(f.key)) <= _FEW_MANY else f
                         for f in found]
            # Without a source document (a Rails gem's translations of an upstream
            # English), every translation's forms say whether a count is shown.
            if not (any(_shows_count(s) for s in source.values()) if source else counted(msg)):
                # No count shown ("Open this link:" / "Open one of these links:", a
                # model's name "Order"/"Orders"): a form left out falls back to
                # ``other``, which reads right.
                found = (replace(f, strength=Strength.HINT) for f in found)
            yield from found
        originals = keyed.cached_values(view, view.source) if view.source in view.documents else {}
        numbered = formats.of(doc).numbered_categories
        for key, seg in keyed.cached_values(view, lang).items():
            if cats is None or not seg.raw or "plural" not in seg.raw:
                continue
            if key in originals and originals[key].raw.strip() == seg.raw.strip():
                continue  # the source's message as it is: untranslated, not a plural to fix
            from transcheck.formats.placeholders import parse

            theirs = {n: sel for n, k, sel, _ in parse(originals[key].raw).branches} if key in originals else {}
            said: dict = {}  # finding key -> finding
            for name, kind, selectors, bodies in parse(seg.raw).branches:
                if kind == "plural" and name in theirs and _forms(theirs[name], view.source) == {"other"}:
                    continue  # the source's one form for every count ("=0 {} other {({count})}")
                if kind == "plural":
                    # ICU refuses a plural argument without "other", whatever the language.
                    needed = (cats[0], tuple(dict.fromkeys((*cats[1], "other"))))
                    # "=1{…}" is the form of a category that 1 alone selects ("one" in
                    # German, not in French, where 0 is "one" too); and of "one" in any
                    # language where it reads as "other" does: no count can pick a
                    # wrong form between the two.
                    texts = dict(zip(selectors, bodies))
                    same = {"one"} if "=1" in texts and texts["=1"] == texts.get("other") else set()
                    # Flutter's ARB messages give "=0", "=1", "=2" to its zero, one and two,
                    # which serve their number and the category alike (French 0, Russian 21).
                    given = {_NUMBERED[s] for s in selectors if s in _NUMBERED} if numbered else set()
                    found = _judge(doc, seg, _forms(selectors, lang) | same | given, needed, lang,
                                   f"{{{name}, plural}} ", exact=given)
                    # ICU reads "other" for a category left out. Where no whole number
                    # selects "other" (Russian, Polish: fractions only), the form written
                    # there is what the numbers of the one category left out get: "one,
                    # many, other {# объекта}" gives Russian's few its form.
                    spare = "other" in texts and "other" not in cats[1]
                    found = [replace(f, strength=Strength.HINT) if spare and _one_missing(f.key) else f
                             for f in found]
                    # "=1" given where "one" is 0 and 1 (French, Brazilian): only 0 reads
                    # "other" ("0 tâches"), which speakers write as often as not.
                    if "=1" in texts and _zero_and_one(lang):
                        found = [replace(f, strength=Strength.HINT) if _missing(f.key) == ["one"] else f
                                 for f in found]
                    counted_other = "#" in texts.get("other", "") or f"{{{name}}}" in texts.get("other", "") \
                        or bool(_INTERPOLATION.search(texts.get("other", "")))
                    # Every form written the same ("one {+ # eile} other {+ # eile}"): the
                    # words do not change with the count here, so a form left out would too.
                    written = [b.strip() for c, b in texts.items() if not c.startswith("=")]
                    if len(written) >= 2 and len(set(written)) == 1:
                        found = [replace(f, strength=Strength.HINT) for f in found]
                    if "other" in texts and few_many_alike(lang, texts["other"], seg.raw, name):
                        found = [replace(f, strength=Strength.HINT) if set(_missing(f.key)) <= _FEW_MANY else f
                                 for f in found]
                    for f in (_singular_after_numeral(found, lang) if counted_other else found):
                        # Two plural arguments of one count ("{count, plural, …} {count,
                        # plural, …}") lacking the same forms are one finding, the stronger.
                        if f.key not in said or _RANK[f.strength] < _RANK[said[f.key].strength]:
                            said[f.key] = f
            yield from said.values()


_NUMBERED = {"=0": "zero", "=1": "one", "=2": "two"}

# Languages whose nouns stay singular after a numeral ("1 gün", "5 gün"; Hebrew's dual
# is a few words' only: "2 דקות"), so that an ``other`` showing the count reads right for
# the category left out. CLDR's plural rules, which select the form, do not say this, and
# no library carries it.
_SINGULAR_AFTER_NUMERAL = {
    **dict.fromkeys(("az", "ba", "ckb", "fa", "hu", "hy", "ka", "kk", "ky", "tk", "tr", "tt", "uz"),
                    frozenset({"one"})),
    "he": frozenset({"two"}), "cy": frozenset({"zero", "one", "two", "few", "many"}),
}


def _singular_after_numeral(found, lang: str):
    """Findings of forms missing that the language's ``other`` with the count gives
    rightly (Turkish one, Hebrew two, Welsh after digits) as info."""
    spared = _SINGULAR_AFTER_NUMERAL.get(lang.split("-")[0], frozenset())
    for f in found:
        missing = _missing(f.key)
        yield replace(f, strength=Strength.HINT) if missing and spared.issuperset(missing) else f


_RANK = {Strength.FULL: 0, Strength.REDUCED: 1, Strength.HINT: 2}
_FEW_MANY = {"few", "many"}
# Languages whose few and many differ from other only in the case a numeral puts its noun
# in ("2 файла", "5 файлов"): in an oblique case the plural is one form for every count
# ("с 2 подключениями", "с 5 подключениями"), and so after a preposition that governs
# the genitive ("из 2 файлов", "из 5 файлов", "z 2 kanałów"), and where no count is
# shown. The endings of those plurals, and the prepositions; no library carries them.
_ALIKE = {
    "ru": (("ами", "ями", "ах", "ях", "ам", "ям", "ыми", "ими"), ("из", "для", "от", "до", "без", "у", "с", "со", "около")),
    "uk": (("ами", "ями", "ах", "ях", "ам", "ям", "ими"), ("з", "із", "зі", "для", "від", "до", "без", "біля")),
    "be": (("амі", "ямі", "ах", "ях", "ам", "ям", "ымі", "імі"), ("з", "са", "для", "ад", "да", "без", "каля")),
    "pl": (("ami", "ach", "om", "ymi", "imi"), ("z", "ze", "dla", "od", "do", "bez", "spośród", "około")),
}
_COUNT = r"(?:#|\{\{?-?\s*+[A-Za-z_]\w*+\s*+\}\}?|%\d*+\$?[ds]|%\{\w++\})"
_AFTER_COUNT = re.compile(_COUNT + r"\s*+([^\W\d_]++)")
_BEFORE_COUNT = re.compile(r"(?<![^\W\d_])([^\W\d_]++)\s++" + _COUNT)
_SHOWN_COUNT = re.compile(_COUNT)


def few_many_alike(lang: str, other: str, raw: str, name: str = "") -> bool:
    """Whether ``other``'s text (of a plural argument ``name`` in the value ``raw``) reads
    right for few and many too in ``lang``: no count shown, inside or beside it
    ("{count} {count, plural, …}" shows it), a noun in an oblique plural after the
    count, or a preposition that governs the genitive before it."""
    endings, prepositions = _ALIKE.get(lang.split("-")[0].lower(), ((), ()))
    if not endings:
        return False
    beside = re.compile(r"(?:(?<![^\W\d_])([^\W\d_]++)\s*+)?\{\s*+" + re.escape(name)
                        + r"\s*+(?:,\s*+number\b[^{}]*+)?\}") if name else None
    shown_beside = bool(beside and beside.search(raw))
    inside = [m[1].casefold() for m in _AFTER_COUNT.finditer(other)]
    if not inside and not _SHOWN_COUNT.search(other) and not shown_beside:
        return True
    nouns = inside or ([w.casefold() for w in re.findall(r"[^\W\d_]++", other)[:1]] if shown_beside else [])
    if any(w.endswith(endings) for w in nouns):
        return True
    before = [m[1].casefold() for m in _BEFORE_COUNT.finditer(other)]
    if name:
        # The preposition may stand before the argument or the count: "из {count, plural, …}".
        before += [m[1].casefold() for m in re.finditer(r"(?<![^\W\d_])([^\W\d_]++)\s*+\{\s*+" + re.escape(name)
                                                        + r"\s*+,", raw)]
        before += [m[1].casefold() for m in beside.finditer(raw) if m[1]]
    return any(w in prepositions for w in before)


def _shows_count(seg) -> bool:
    """Whether a form shows a count: a placeholder that is no named one, or one named
    as a count ("%{count}", "{{n}}"); "%{challenge_methods}" is none."""
    return any(not (m := _NAMED.match(c)) or _COUNT_NAME.search(m[1]) for c in seg.code)


_NAMED = re.compile(r"^(?:%\{|\{\{-?|\$\{|\{)\s*+([A-Za-z_][\w.]*+)\s*+-?\}\}?$")
_COUNT_NAME = re.compile(r"count|num|total|quantit|amount|^[nxi]$", re.IGNORECASE)


def _missing(key: str) -> list[str]:
    """The categories a finding's key says are missing."""
    return key.rpartition("missing:")[2].split(",") if "missing:" in key else []


def _one_missing(key: str) -> bool:
    """A finding's key says one category other than ``other`` is missing."""
    missing = _missing(key)
    return len(missing) == 1 and missing[0] != "other"


def _forms(selectors, lang: str) -> set[str]:
    """The categories an ICU plural's selectors give in ``lang``: "=1" is the form of a
    category 1 alone selects (English's and German's one, not French's)."""
    exact = {c for c, n in _exact(lang).items() if f"={n}" in selectors}
    return {s for s in selectors if not s.startswith("=")} | exact


def _judge(doc, seg, present: set[str], cats, lang: str, where: str = "", exact=frozenset()):
    """Findings for a plural's ``present`` categories; ``exact``: those a number selects
    too, so never unused (Flutter's "=1" in Thai is the form of 1)."""
    everything, needed = cats
    name = language_name(lang)
    missing = [c for c in needed if c not in present]
    if missing:
        yield keyed.named(RULE, doc, seg, f"{where}plural form{'s' if len(missing) > 1 else ''} missing for "
                          f"{name}: {', '.join(missing)} (CLDR: {', '.join(everything)})",
                          key=f"{where}missing:{','.join(missing)}")
    unused = [c for c in present if c not in everything and c not in exact]
    if unused:
        f = keyed.named(RULE, doc, seg, f"{where}plural form{'s' if len(unused) > 1 else ''} {', '.join(sorted(unused))} "
                        f"never used in {name} (CLDR: {', '.join(everything)})", key=f"{where}unused")
        yield replace(f, strength=Strength.HINT)


RULE = Rule(
    code="TC704",
    name="plural-forms",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
