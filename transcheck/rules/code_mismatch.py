"""An inline code span of the source that one translation changes: a status code, a
port, a version, a function or option name written otherwise inside backticks.

What it catches:
    In Markdown and MDX documents, per aligned row, each inline code span (``400``,
    ``--force``, ``getUser()``, ``docker container start``) that the source has
    (without ``--source``: a clear majority of the translations) and one translation
    has in no cell of that row, while it has one span the others do not, that differs
    from the missing span only where code can be wrong:

    - a number (``400`` for ``410``, ``80`` for ``87``, ``v1.2`` for ``v1.3``);
    - an identifier or option two edits away at most (``getUser()`` for
      ``getUsers()``, ``--force`` for ``--froce``, ``ls -rth`` for ``ls -rtlh``), an identifier being a word
      with ``_``, ``.``, ``(``, a digit, a leading ``-`` or an inner capital;
    - one word of a command of several words whose other words stay
      (``docker container stop`` for ``docker container start``).

    A word of a command replaced by another word more than two edits away is only a
    hint (info): in real READMEs it is mostly an example's placeholder the translator
    translated (``cd some-dir`` as ``cd zielverzeichnis``, ``Whatever.app``), 7 of 11
    reviewed; a number, an identifier changed by an edit or two, or a word respelt
    are what translations get wrong.

    Placeholders a translator may translate are left out of the comparison: the text
    inside ``{{…}}`` and ``<…>`` (``tar cf {{archive}}`` and
    ``tar cf {{archiv}}`` are the same command).

    The others must agree: with a source, it has the span and no other translation
    has the changed one; at least two translations, and more than half of those in
    the row with code, keep it as it is. The row must be aligned with confidence:
    the two cells share another anchor (another code span, a link target, a number),
    or the rows on either side are aligned in both documents.

Why it matters:
    Code reads the same in every language. A reader copies it as it stands: a wrong
    status code, port or function name in a translation sends them to debug a system
    that behaves as the original says. Prose checks never see it, since code is taken
    out of the text they judge.

Example:
    ``fr.md`` line 12 reads "le serveur répond ``410``" where the source and nine of
    eleven translations have ``400``: "inline code `410` where en and 9 of 11
    translations have `400`".

What it does not catch:
    A code span the translation drops or adds without a counterpart (the structure
    and length checks see a lost block, not a lost span); a word of a UI label
    translated inside backticks (``Settings`` as ``Einstellungen``); a change in a
    code block (fenced code is compared as a block, not per token); a span changed in
    the source and most translations alike; spaces beside a shell's separators
    (``do ...; done`` as ``do ... ; done``; beside ``=`` they are reported).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from transcheck import formats
from transcheck.model import Category, Severity, Strength
from transcheck.rules import _consensus as consensus
from transcheck.rules.base import GroupView, NoOptions, Rule
from transcheck.text import normalise

# What a translator may translate inside code: a placeholder's words.
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]*+\}\}|<[^<>\n]*+>")
_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")
_IDENTIFIER = re.compile(r"-{0,2}[A-Za-z_$][\w$.:/-]*+(?:\(\))?")
_WORD = re.compile(r"[A-Za-z]++")
MIN_KEEPERS = 2


def check(view: GroupView, options: NoOptions):
    markup = {lang for lang, doc in view.documents.items() if formats.of(doc).markup}
    for r, row in enumerate(view.rows):
        voters = [lang for lang in consensus.voting_languages(view, row) if lang in markup]
        if len(voters) < 2:
            continue
        spans = {lang: _spans(view, row, lang) for lang in voters}
        if sum(1 for s in spans.values() if s) < 2:
            continue
        notes = consensus.RowNotes()
        reference = view.source if view.source in spans else None
        strong: set[str] = set()
        for lang in voters:
            if lang == reference or not spans[lang]:
                continue
            for expected, value, keepers, how in _changes(spans, lang, reference):
                if _confident(view, r, lang, keepers, spans):
                    note = f"inline code `{value}` where {_agreeing(keepers, reference, spans, lang)} have `{expected}`"
                    notes.note(lang, note, keepers)
                    if how != REPLACED:
                        strong.add(lang)
        for finding in notes.findings(
            RULE, view, r,
            key=lambda lang, messages: "code:" + "|".join(messages) + ":" + normalise(view.cell_text(row, lang))[:60],
        ):
            yield finding if finding.language in strong else replace(finding, strength=Strength.HINT)


def _spans(view: GroupView, row, lang: str) -> Counter:
    doc = view.documents[lang]
    return Counter(" ".join(c.split()) for i in row.cells[lang] for c in doc.segments[i].code if c.strip())


def _changes(spans: dict[str, Counter], lang: str, reference: str | None):
    """(expected span, this translation's span, languages that keep the expected one,
    how it changed) for each span of the others that ``lang`` changed."""
    own = spans[lang]
    others = [o for o in spans if o != lang and spans[o]]
    for expected in sorted(_reference_spans(spans, lang, reference)):
        if own[expected]:
            continue
        keepers = [o for o in others if spans[o][expected]]
        translations = [o for o in others if o != reference]
        kept = [o for o in keepers if o != reference]
        if len(kept) < MIN_KEEPERS or 2 * len(kept) <= len(translations):
            continue
        candidates = [(t, how) for t in own if not any(spans[o][t] for o in others)
                      for how in (changed(expected, t),) if how]
        if len(candidates) == 1:
            value, how = candidates[0]
            yield expected, value, keepers, how


def _reference_spans(spans: dict[str, Counter], lang: str, reference: str | None) -> set[str]:
    if reference is not None:
        return set(spans[reference])
    others = [o for o in spans if o != lang and spans[o]]
    held = Counter(s for o in others for s in spans[o])
    return {s for s, n in held.items() if 2 * n > len(others)}


# Spaces beside a shell's separators change nothing ("do ...; done", "do ... ; done");
# beside "=" they do ("LC_ALL=C" is no "LC_ALL = C").
_SEPARATOR_SPACE = re.compile(r"(?<!\s)\s*+([;|&(){},])\s*+")
REPLACED = "replaced"  # a word of a command replaced by another, more than two edits away


def changed(expected: str, value: str) -> str:
    """How ``value`` is ``expected`` with a number, an identifier or one word of a
    command changed, outside the placeholders a translator may translate: "number",
    "option", "identifier", "word" (respelt), REPLACED, or "" when it is none of these."""
    a, b = _skeleton(expected), _skeleton(value)
    if a == b or _SEPARATOR_SPACE.sub(r"\1", a) == _SEPARATOR_SPACE.sub(r"\1", b):
        return ""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    if len(ta) == len(tb):
        differ = [(x, y) for x, y in zip(ta, tb) if x != y]
        if all(x.isdigit() and y.isdigit() for x, y in differ):
            return "number"
        if len(differ) == 1 and _option(ta, tb, differ[0]):
            return "option"
    if " " not in a and " " not in b and _IDENTIFIER.fullmatch(a) and _IDENTIFIER.fullmatch(b):
        return "identifier" if _identifier(a) and _distance(a, b) <= 2 else ""
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) >= 3:
        differ = [(x, y) for x, y in zip(wa, wb) if x != y]
        if len(differ) == 1 and all(w.isascii() for w in differ[0]) and _WORD.search(differ[0][1]):
            return "word" if _distance(*differ[0]) <= 2 else REPLACED
    return ""


def _option(ta: list[str], tb: list[str], pair: tuple[str, str]) -> bool:
    """Whether the one token that differs is a command's option respelt (``ls -rtlh``
    as ``ls -rth``): letters right after a ``-``, two edits apart at most."""
    i = ta.index(pair[0])
    return i > 0 and ta[i - 1] == "-" and pair[0].isascii() and pair[1].isascii() and _distance(*pair) <= 2


def _skeleton(span: str) -> str:
    return _PLACEHOLDER.sub(lambda m: m.group(0)[:1] + m.group(0)[-1:], span)


def _identifier(word: str) -> bool:
    """A name in code, not a word a translator may translate (a UI label in backticks)."""
    core = word.lstrip("-")
    return (word != core or any(ch in core for ch in "_.(:/$") or any(ch.isdigit() for ch in core)
            or any(ch.isupper() for ch in core[1:]))


def _distance(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _confident(view: GroupView, r: int, lang: str, keepers: list[str], spans: dict[str, Counter]) -> bool:
    """Whether ``lang``'s cell of row ``r`` is aligned with confidence. When rows carry
    the aligner's own confidence (``Row.confidence``), that alone decides."""
    row = view.rows[r]
    if row.confidence:  # per language; rows built without an aligner carry none
        return row.confidence.get(lang, 1.0) >= 0.8
    ref = keepers[0]
    shared = (set(spans[lang]) & set(spans[ref])) or _urls(view, row, lang) & _urls(view, row, ref)
    if shared or _numbers(view, row, lang) & _numbers(view, row, ref):
        return True
    neighbours = [k for k in (r - 1, r + 1) if 0 <= k < len(view.rows)]
    return bool(neighbours) and all(view.rows[k].cells.get(lang) and view.rows[k].cells.get(ref) for k in neighbours)


def _urls(view: GroupView, row, lang: str) -> set[str]:
    doc = view.documents[lang]
    return {u for i in row.cells[lang] for u in doc.segments[i].urls}


_NUMBER = re.compile(r"\d+")


def _numbers(view: GroupView, row, lang: str) -> set[str]:
    return set(_NUMBER.findall(view.cell_text(row, lang)))


def _agreeing(keepers: list[str], reference: str | None, spans: dict[str, Counter], lang: str) -> str:
    """Who keeps the span: the source and a count of the translations, not a list."""
    translations = [o for o in spans if o not in (lang, reference) and spans[o]]
    kept = [o for o in keepers if o != reference]
    count = f"{len(kept)} of {len(translations)} translations"
    return f"{reference} and {count}" if reference in keepers else count


RULE = Rule(
    code="TC705",
    name="code-mismatch",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    check=check,
    doc=__doc__,
)
