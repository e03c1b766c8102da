"""A markup tag of a resource message that a translation drops, adds or leaves
unclosed, against the source and the other translations.

What it catches:
    In keyed resources, per message, the tags in the text: HTML (``<b>``, ``</b>``,
    ``<a href=…>``, ``<br/>``), numbered and named component tags (react-i18next's
    ``<0>…</0>``, ``<link>…</link>``), Android's ``<xliff:g>`` and XLIFF's inline
    ``<x/>``, ``<g>``, ``<ph>``. A translation is compared with the source (or a
    clear majority of the translations): a tag missing, one added, and an opening
    tag left without its closing one (or the reverse) where the source's are paired.

    Severity and precision: a warning; info when two or more and a third of the
    other translations differ from the source the same way, and when the translation
    only adds inline formatting, each pair closed (``<code>…</code>`` around a
    command, ``<b>…</b>``: it renders, and nothing the program fills depends on it).

Why it matters:
    A lost ``</b>`` makes the rest of the screen bold; a lost ``<0>`` drops the link
    a component renders in its place; an extra tag prints as text.

Example:
    ``sv.json`` line 5, key ``welcome``: "Välkommen, {{user}}!" where the source has
    ``<b>{{user}}</b>``: "tags missing: </b>, <b>".

What it does not catch:
    Attribute values (a localised link target is allowed); a tag moved to other
    words; markup written as entities (``&lt;b&gt;``) in formats that do not decode them.
"""

from __future__ import annotations

from collections import Counter

from transcheck.model import Category, Severity
from transcheck.rules import _keyed as keyed
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.rules.placeholder_mismatch import check_tokens

def unbalanced(tags) -> str:
    """The first tag without its partner ("<b>" opened and never closed), or ""."""
    opened = Counter()
    for name in tags:
        bare = name.strip("</>")
        if name.endswith("/>"):
            continue
        if name.startswith("</"):
            if opened[bare] == 0:
                return f"{name} closes nothing"
            opened[bare] -= 1
        else:
            opened[bare] += 1
    left = [f"<{n}>" for n, c in opened.items() if c > 0]
    return f"{left[0]} is never closed" if left else ""


def _unclosed(view: GroupView, rule: Rule, msg: str, votes, reported):
    from transcheck.formats.placeholders import parse

    def tags(seg):
        return [t.name for t in parse(seg.raw).tokens if t.kind == "tag"]

    ref = keyed.first_segment(view, view.source, msg) if view.source in votes else None
    if ref is not None and unbalanced(tags(ref)):
        return
    for lang in votes:
        if lang == view.source or lang in reported:
            continue
        seg = keyed.first_segment(view, lang, msg)
        why = unbalanced(tags(seg)) if seg is not None else ""
        if why:
            yield keyed.named(rule, view.documents[lang], seg, f"unbalanced tags: {why}", key=f"unbalanced:{why}")


# Inline formatting a translator may add around a word of its own (emphasis, a
# command set as code): it renders, and nothing the program fills depends on it.
_FORMATTING = frozenset({"b", "i", "em", "strong", "code", "kbd", "u", "mark", "small", "sup", "sub"})


def _formatting_added(expected, value) -> str:
    """Why a translation's tags are info: it keeps every tag the others have and adds
    only pairs of inline formatting (``<code>…</code>``, ``<b>…</b>``), each closed."""
    added = Counter(value) - Counter(expected)
    if Counter(expected) - Counter(value) or not added:
        return ""
    names = {name.strip("</>") for name in added}
    paired = all(added[f"<{n}>"] == added[f"</{n}>"] for n in names)
    return "; formatting added, balanced" if paired and names <= _FORMATTING else ""


def check(view: GroupView, options: NoOptions):
    if view.keyed:
        yield from check_tokens(view, RULE, ("tag",), "tag", _unclosed, spared=_formatting_added)


RULE = Rule(
    code="TC703",
    name="tag-mismatch",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
