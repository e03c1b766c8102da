"""Quotation marks (only when asked for): a pair whose marks do not belong together
(``«text”``) or that uses another style than the rest of the document, when the
document already uses its language's convention, is rewritten in that convention. In
a language without a settled convention, a mismatched pair takes the style most of the
document's well-formed quotations use, else the one its own marks show (「…』 is 「…」).
The marks and styles are those of ``transcheck.quotes``, the punctuation rule's table."""

from __future__ import annotations

from transcheck.fix._read import to_document
from transcheck.fix.lines import join, pieces
from transcheck.model import base_language
from transcheck.quotes import (
    CLOSERS,
    CORNER,
    KNOWN_PAIRS,
    OPENERS,
    SPACED,
    STYLES,
    same_family_repair,
)
from transcheck.read.discover import FileSpec

_MARKS = OPENERS | CLOSERS
_INNER_SPACE = " \u00a0\u202f"


def normalise_quotes(text: str, spec: FileSpec, changes: list[str]) -> str:
    base = base_language(spec.language)
    styles = STYLES.get(base)
    doc = to_document(spec, text)
    lines = pieces(text)
    candidates = []  # (segment, raw text, pairs)
    for seg in doc.segments:
        if not seg.is_prose:
            continue
        raw = "\n".join(lines[i][0] for i in range(seg.line - 1, seg.end_line))
        if spec.path.lower().endswith((".md", ".markdown")) and any(c in raw for c in "`[]<>{}"):
            continue  # quotes inside Markdown syntax (link titles, HTML) are not prose
        pairs = _pairs(raw)
        if pairs is None:
            continue
        candidates.append((seg, raw, pairs))
    if not styles:
        # No settled convention for the language: a mismatched pair takes the style
        # the document itself uses for most of its quotations, when there is one.
        styles = _house_style(candidates)
    uses_convention = bool(styles) and any(
        (raw[o], raw[c]) == styles[0] for _, raw, pairs in candidates for o, c in pairs
    )
    accepted = set(styles)

    def target(pair: tuple[str, str]) -> tuple[str, str] | None:
        if pair in KNOWN_PAIRS and (pair in accepted or not uses_convention or CORNER & set(pair)):
            return None
        if styles and not CORNER & set(pair):
            return styles[0]
        # Otherwise only a pair whose own marks say what was meant (「…』).
        return None if pair in KNOWN_PAIRS else same_family_repair(*pair)

    spaced = base in SPACED
    count = 0
    for seg, raw, pairs in candidates:
        fix = [(o, c, *t) for o, c in pairs if (t := target((raw[o], raw[c]))) is not None]
        if not fix:
            continue
        new = _rewrite(raw, fix, spaced)
        for offset, line in enumerate(new.split("\n")):
            i = seg.line - 1 + offset
            lines[i] = (line, lines[i][1])
        count += len(fix)
        styles_used = ", ".join(dict.fromkeys(f"{o}…{c}" for _, _, o, c in fix))
        changes.append(
            f"line {seg.line}: {len(fix)} quotation{'s' if len(fix) > 1 else ''} "
            f"rewritten as {styles_used}"
        )
    if not count:
        return text
    return join(lines, text.endswith(("\n", "\r")))


def _house_style(candidates) -> tuple[tuple[str, str], ...]:
    """The style of more than half of the document's well-formed quotations, if at
    least two use it; otherwise none (and nothing is rewritten)."""
    from collections import Counter

    styles = Counter(
        (raw[o], raw[c])
        for _, raw, pairs in candidates
        for o, c in pairs
        if (raw[o], raw[c]) in KNOWN_PAIRS and not CORNER & {raw[o], raw[c]}
    )
    total = sum(styles.values())
    if not total:
        return ()
    n, style = max((n, style) for style, n in styles.items())
    return (style,) if n >= 2 and n * 2 > total else ()


def _pairs(raw: str) -> list[tuple[int, int]] | None:
    """Positions of the double-quote pairs of ``raw``, or None when they are ambiguous
    (an odd number, a mark that cannot open or close where it stands, nesting)."""
    marks = [i for i, ch in enumerate(raw) if ch in _MARKS]
    if not marks or len(marks) % 2:
        return None
    pairs = []
    for o, c in zip(marks[0::2], marks[1::2]):
        if raw[o] not in OPENERS or raw[c] not in CLOSERS or c == o + 1:
            return None
        before = raw[o - 1] if o > 0 else " "
        after_open = raw[o + 1]
        before_close = raw[c - 1]
        after = raw[c + 1] if c + 1 < len(raw) else " "
        # An opening mark starts a word, a closing mark ends one; anything else
        # (an inch sign, a mark glued between letters) means the pairing is a guess.
        if before.isalnum() or after.isalnum():
            return None
        if (after_open.isspace() and raw[o] != "«") or (before_close.isspace() and raw[c] != "»"):
            return None
        pairs.append((o, c))
    return pairs


def _rewrite(raw: str, pairs, spaced: bool) -> str:
    out = []
    pos = 0
    for o, c, open_mark, close_mark in pairs:
        inner = raw[o + 1 : c].strip(_INNER_SPACE)
        out.append(raw[pos:o])
        if spaced:
            out.append(f"{open_mark}\u00a0{inner}\u00a0{close_mark}")
        else:
            out.append(f"{open_mark}{inner}{close_mark}")
        pos = c + 1
    out.append(raw[pos:])
    return "".join(out)
