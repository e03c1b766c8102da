"""A placeholder of a resource message that a translation drops, adds, renames or
writes broken, against the source and the other translations.

What it catches:
    In keyed resources (JSON, PO, XLIFF, ARB, YAML, properties, Android and Apple
    strings), per message, the placeholders of every common syntax: ``{{name}}``,
    ``{name}``, ``{0}``, ``{}`` (filled by position; in a plural form, the count the
    source may name), ICU arguments with their plural and select branches,
    ``${name}``, ``%{name}``, ``%name%``, ``$NAME$``, printf ``%s``/``%1$s``/``%(name)s``/``%@``
    and Qt ``%1``. A translation is compared with the source (or, without one, with a
    clear majority of the translations): a placeholder missing, one added, one
    renamed (``{{nom}}`` for ``{{name}}``), printf arguments whose types or positions
    differ, and a syntax left broken (an unclosed ``{``) where the source's is whole.
    The variants of a plural message are compared together. A key the source no
    longer has is never shown and is not compared.

    Severity and precision: an error (a missing argument loses data, a printf type
    mismatch crashes the program); info when two or more and a third of the other
    translations differ from the source the same way (the project's convention), or
    when most of them differ from it each their own way (a script variable shown as an
    example, "`%something%`", which translators translate), or when the placeholders
    left out fill in English grammar ("{name}{apostrophe} message", a plural ending,
    an article), which a language may write its own way ("le message de {name}").

Why it matters:
    A placeholder is code inside the text: the program fills it in by name or by
    position. A translated name shows "{{nom}}" to the user; a dropped one hides the
    file name or the count; a wrong printf type crashes an Android app at run time.

Example:
    ``fr.json`` line 3, key ``menu.open``: "Ouvrir le fichier {{nom}}" where the
    source and every other language have ``{{name}}``: "placeholder renamed:
    {{nom}} for {{name}}".

What it does not catch:
    A placeholder moved to a place where the sentence reads wrong; named arguments
    in an order the language needs (that is allowed); ICU plural branches (the plural
    check, TC704, judges which a language needs); a date format whose source is
    strftime's ("%B %d": each language orders its fields and adds its own). Not
    placeholders: percent-encoding in a URL ("Beginners%27_guide"; a printf argument
    there, "?q=%s", is one), and a format spec is its argument's ("{count:L}" is
    "{count}"); "%dx%d" is two printf numbers, no "%dx%".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from transcheck.model import Category, Severity, Strength
from transcheck.rules import _consensus as consensus
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, NoOptions, Rule

KINDS = ("placeholder", "plural")


def describe(expected: tuple, value: tuple, what: str, written: dict[str, str]) -> str:
    missing = [written.get(n, n) for n in sorted((Counter(expected) - Counter(value)).elements())]
    extra = [written.get(n, n) for n in sorted((Counter(value) - Counter(expected)).elements())]
    parts = []
    if len(missing) == 1 and len(extra) == 1:
        return f"{what} renamed: {extra[0]} for {missing[0]}"
    if missing:
        parts.append(f"{what}{'s' if len(missing) > 1 else ''} missing: {', '.join(missing)}")
    if extra:
        parts.append(f"{what}{'s' if len(extra) > 1 else ''} not in the source: {', '.join(extra)}")
    return "; ".join(parts)


def check_tokens(view: GroupView, rule: Rule, kinds: tuple[str, ...], what: str, malformed, spared=None):
    """The findings of TC702 (placeholders) or TC703 (tags): one per message and language;
    ``spared(expected, value)``: why a deviation is info, or ""."""
    all_votes, written = keyed.token_votes(view, kinds)
    for msg, votes in all_votes.items():
        if not any(votes.values()):
            continue
        if view.source in view.documents and view.source not in votes:
            continue  # a key the source no longer has: never shown, nothing to match
        reported = set()
        for dev in consensus.deviations(view, votes):
            seg = keyed.carrier(view, dev.language, msg, set(dev.value) - set(dev.expected), kinds)
            doc = view.documents[dev.language]
            theirs = keyed.some(dev.agree)
            f = keyed.named(rule, doc, seg, f"{describe(dev.expected, dev.value, what, written)}; {theirs} "
                            f"{'has' if len(dev.agree) == 1 else 'have'} "
                            f"{', '.join(written.get(n, n) for n in dev.expected) or 'none'}",
                            key=f"{dev.expected}->{dev.value}",
                            related=consensus.related(view, view.rows[view.row_of[(dev.language, seg.index)]],
                                                      dev.agree[:5]))
            if keyed.shared_by_peers(view, votes, dev.language):
                f = replace(f, strength=Strength.HINT,
                            message=f.message + "; other translations do the same")
            elif _each_their_own(view, votes, dev.language):
                f = replace(f, strength=Strength.HINT,
                            message=f.message + "; most translations write it their own way")
            elif spared and (why := spared(dev.expected, dev.value)):
                f = replace(f, strength=Strength.HINT, message=f.message + why)
            reported.add(dev.language)
            yield f
        yield from malformed(view, rule, msg, votes, reported)


def _each_their_own(view: GroupView, votes: dict, lang: str) -> bool:
    """Whether most other translations differ from the source here, each its own way:
    what the source writes as a placeholder is a name the translators translate (a
    script variable shown as an example, "`%something%`"), not one the program fills.
    Translations left behind by a changed source agree on the old value instead."""
    if view.source not in votes:
        return False
    peers = [o for o in votes if o not in (lang, view.source)]
    off = Counter(votes[o] for o in peers if votes[o] != votes[view.source])
    return len(peers) >= 3 and 2 * sum(off.values()) > len(peers) and 3 * max(off.values()) < len(peers)


def _broken(view: GroupView, rule: Rule, msg: str, votes, reported):
    from transcheck.formats.placeholders import parse

    reference = view.source if view.source in votes else None
    if reference is not None:
        ref = keyed.first_segment(view, reference, msg)
        if ref is None or parse(ref.raw).malformed:
            return
    for lang in votes:
        if lang == view.source or lang in reported:
            continue
        for seg in keyed.variants(view, lang, msg):
            why = parse(seg.raw).malformed
            if why:
                yield keyed.named(rule, view.documents[lang], seg, f"broken placeholder syntax: {why}",
                                  key=f"malformed:{why}")
                break


# Placeholders a program fills with a piece of English grammar: a possessive's
# apostrophe ("{name}{apostrophe} message": "'s" or "'"), a plural ending, an article.
# Other languages write these their own way, or not at all.
_GRAMMAR = re.compile(r"apostrophe|possessive|plural_?(?:s|suffix|ending)|article|s|es", re.IGNORECASE)


def _grammar_left_out(expected: tuple, value: tuple) -> str:
    missing, extra = Counter(expected) - Counter(value), Counter(value) - Counter(expected)
    if missing and not extra and all(_GRAMMAR.fullmatch(re.sub(r"\W", "", n)) for n in missing):
        return "; it fills in English grammar (a possessive, a plural ending), which a language may write its own way"
    return ""


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        yield from check_tokens(view, RULE, KINDS, "placeholder", _broken, _grammar_left_out)


RULE = Rule(
    code="TC702",
    name="placeholder-mismatch",
    category=Category.FORMAT,
    severity=Severity.ERROR,
    check=check,
    doc=__doc__,
)
