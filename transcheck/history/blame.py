"""Which commit last translated each line of a translation: a blame that sees
through mechanical edits.

The translation's commits are read newest first as zero-context hunks
(``History.patches``); every line of today's file is followed back through them until
a commit that changed it by translating. A hunk is *mechanical* when it cannot have
been a translator's update of its lines:

- it changes no word (markup, punctuation, list markers, spacing);
- every word it takes out or puts in is part of a link target, inline code or a
  number (a URL fixed in every translation);
- every word it takes out or puts in is one the same commit also took out or put in
  the source (a product renamed in the source and every translation at once);
- its commit says it need not be followed (a skip marker).

A mechanical hunk passes its lines on to the lines it replaced, so a paragraph keeps
the commit that really translated it. A commit whose translating hunks cover at least
``REWRITE_SHARE`` of the file rewrote the page: every line still followed is its.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

REWRITE_SHARE = 0.5

_WORD = re.compile(r"\w+")
# Link targets ("](...)", "<https://...>", bare URLs) and inline code: their words are
# what a mechanical edit changes.
_MARKUP = re.compile(r"\]\([^)\s]*\)|<?https?://[^\s)>\]]+>?|`[^`]*`|\b\d[\d.,]*\b")


def words(lines: Sequence[str]) -> Counter:
    return Counter(w.lower() for line in lines for w in _WORD.findall(line))


def _markup_words(lines: Sequence[str]) -> Counter:
    return Counter(w.lower() for line in lines for m in _MARKUP.findall(line) for w in _WORD.findall(m))


def delta(old: Sequence[str], new: Sequence[str]) -> tuple[Counter, Counter]:
    """The words ``old`` -> ``new`` took out and put in."""
    a, b = words(old), words(new)
    return a - b, b - a


def mechanical(hunk, source_delta: tuple[Counter, Counter] | None) -> bool:
    """Whether a hunk of a translation is a mechanical edit (see the module); a hunk
    whose text was not kept (a large one) is not. ``source_delta``: the words the
    same commit took out of and put into the source, when it changed the source."""
    if hunk.old is None or hunk.new is None or not hunk.old or not hunk.new:
        return False
    out, into = delta(hunk.old, hunk.new)
    if not out and not into:
        return True
    markup = _markup_words(hunk.old) + _markup_words(hunk.new)
    if all(w in markup for w in out) and all(w in markup for w in into):
        return True
    if source_delta is not None:
        s_out, s_in = source_delta
        return all(w in s_out for w in out) and all(w in s_in for w in into)
    return False


def attribute(lines: int, commits: Sequence[tuple[object, Sequence]]) -> list[object | None]:
    """The owner of each of ``lines`` lines of the newest version: ``commits`` are
    (owner, hunks) newest first, each hunk with a ``mechanical`` flag as
    (hunk, mechanical) pairs; a line no commit introduced (history ran out) is None.
    """
    owner: list[object | None] = [None] * lines
    # Followed lines: (index in today's file, line number in the version being read).
    followed = [(i, i + 1) for i in range(lines)]
    size = lines
    for who, hunks in commits:
        if not followed:
            break
        hunks = sorted(hunks, key=lambda h: h[0].new_start)
        translating = sum(h.new_count for h, mech in hunks if not mech)
        if size and translating >= REWRITE_SHARE * size:
            for i, _ in followed:
                owner[i] = who
            followed = []
            break
        kept = []
        k, shift = 0, 0  # hunks passed, and old minus new line counts of those hunks
        for i, line in followed:
            while k < len(hunks):
                h = hunks[k][0]
                last = h.new_start + h.new_count - 1 if h.new_count else h.new_start
                if last >= line and (h.new_count or h.new_start >= line):
                    break
                shift += h.old_count - h.new_count
                k += 1
            if k < len(hunks) and hunks[k][0].new_count and hunks[k][0].new_start <= line:
                h, mech = hunks[k]
                if mech and h.old_count:
                    kept.append((i, h.old_start + min(line - h.new_start, h.old_count - 1)))
                else:
                    owner[i] = who
            else:
                kept.append((i, line + shift))
        size += sum(h.old_count - h.new_count for h, _ in hunks)
        followed = kept
    return owner
