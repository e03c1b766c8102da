"""Which commit last translated each line of a translation: a blame that sees
through mechanical edits.

The translation's commits are read newest first as zero-context hunks
(``History.patches``); every line of today's file is followed back through them until
a commit that changed it by translating. A hunk is *mechanical* when it cannot have
been a translator's update of its lines:

- it changes no word (markup, punctuation, list markers, spacing);
- every word it takes out or puts in is part of a link target, inline code or a
  number, and the words a reader sees are the same (a URL fixed in every
  translation);
- every word it takes out or puts in is one the same commit also took out or put in
  the source (a product renamed in the source and every translation at once);
- every word it takes out comes back with its spelling fixed (a typo fixed), and none
  of them is a word of today's source (an English word left in, now translated) or a
  run of a script written without spaces (a Chinese clause is one run: "画图" made
  "图像" in it is a word changed);
- every line it takes out or puts in is a field of record ("default_lang_commit:
  6cd5e2b", "lastUpdated: 2024-05-07"): it says which source the page follows, no
  words of it;
- its commit says it need not be followed (a skip marker).

A mechanical hunk passes its lines on to the lines it replaced, so a paragraph keeps
the commit that really translated it.

A commit that changes one translation of a page (and maybe its source) is that
translator's update of the page: if it translates anything, the lines it left alone
were read against the source of then and kept, so every line still followed is its
(a translator leaves a paragraph whose source only fixed a typo as it is); unless it
only rewords lines in place, a hundredth of the file at most: a reader's correction
("surestimer" made "sous-estimer"), which read no more than its lines. A commit
that changes several translations of the page at once is no one's update of any of
them: it translated only the lines it changed, unless its translating hunks cover at
least ``REWRITE_SHARE`` of the file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

REWRITE_SHARE = 0.5
CORRECTION_SHARE = 0.01

_WORD = re.compile(r"\w+")
# Scripts written without spaces between words (Thai, Lao, Burmese, Khmer, kana, Han).
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
# A field of record, "key: value" with a value of digits in it, or a flag: a commit id, a
# date, a weight ("default_lang_commit: 6cd5e2b", "lastUpdated: 2024-05-07", "draft: true").
_RECORD = re.compile(r"^[ \t]*+[A-Za-z_][\w-]*+:[ \t]*+(?:[\w.:+/-]*?\d[\w.:+/-]*+|true|false)?[ \t]*+$")
# Link targets ("](...)", "<https://...>", bare URLs), inline code and numbers: their
# words are what a mechanical edit changes. No part can run on past where another
# could start, and numbers are taken whole without giving back: linear on any line.
_MARKUP = re.compile(r"\]\([^()\[\]\s]*\)|<?https?://[^\s)>\]]+>?|`[^`]*`|\b\d++(?:[.,]\d++)*+\b")


def words(lines: Sequence[str]) -> Counter:
    return Counter(_WORD.findall("\n".join(lines).lower()))


def _markup_words(lines: Sequence[str]) -> Counter:
    return Counter(_WORD.findall(" ".join(_MARKUP.findall("\n".join(lines))).lower()))


def _prose_words(lines: Sequence[str]) -> Counter:
    """The words a reader sees: link targets, inline code and numbers taken out."""
    return Counter(_WORD.findall(_MARKUP.sub(" ", "\n".join(lines)).lower()))


def delta(old: Sequence[str], new: Sequence[str]) -> tuple[Counter, Counter]:
    """The words ``old`` -> ``new`` took out and put in."""
    a, b = words(old), words(new)
    return a - b, b - a


def mechanical(hunk, source_delta, source_words=frozenset()) -> bool:
    """Whether a hunk of a translation is a mechanical edit (see the module); a hunk
    whose text was not kept (a large one) is not. ``source_delta()``: the words the
    same commit took out of and put into the source, or None when it did not change
    the source (asked only when needed)."""
    if hunk.old is None or hunk.new is None:
        return False
    if (hunk.old or hunk.new) and all(_RECORD.match(line) for line in (*hunk.old, *hunk.new)):
        return True  # front matter's record of the page: the source commit it follows, a date
    if not hunk.old or not hunk.new:
        return False
    before, after = _WORD.findall("\n".join(hunk.old).lower()), _WORD.findall("\n".join(hunk.new).lower())
    if before == after:
        return True
    out, into = Counter(before) - Counter(after), Counter(after) - Counter(before)
    if not out and not into:
        return True
    markup = _markup_words(hunk.old) + _markup_words(hunk.new)
    if all(w in markup for w in out) and all(w in markup for w in into) and (
            _prose_words(hunk.old) == _prose_words(hunk.new)):
        # Only link targets, code and numbers changed: a link text rewritten to match
        # its new anchor ("[Modules pour les processeurs](#modules-pour-les-processeurs)")
        # changed what the reader sees, and is translated.
        return True
    if _spelling_fixed(out, into, source_words):
        return True
    changed = source_delta()
    if changed is not None:
        s_out, s_in = changed
        return all(w in s_out for w in out) and all(w in s_in for w in into)
    return False


def _spelling_fixed(out: Counter, into: Counter, source_words) -> bool:
    """Whether each word taken out is put back with its spelling fixed ("grandess" ->
    "grandes", "recieve" -> "receive"): a letter or two in a word of five or more, a
    quarter of it at most. "activer" -> "désactiver" or "visible" -> "invisible" is a
    change of meaning, not of spelling; a word of the source (``source_words``) given
    as its cognate ("Title" -> "Titre") is translated."""
    if not out or sum(out.values()) != sum(into.values()) or any(w in source_words for w in out):
        return False
    if any(_UNSPACED.search(w) for w in out):
        return False  # a clause of Chinese or Thai is one "word": "画图" made "图像" in it is no typo
    from rapidfuzz.distance import OSA

    pool = list(into.elements())
    for word in out.elements():
        fixed = next((w for w in pool if len(word) >= 5 and
                      OSA.distance(word, w) <= max(1, len(word) // 4)), None)
        if fixed is None:
            return False
        pool.remove(fixed)
    return True


def _correction(hunks, size: int) -> bool:
    """Hunks that only reword a few lines in place (a word fixed, "surestimer" made
    "sous-estimer" in a page of a thousand lines): a reader's correction, not a
    translator's reading of the whole page against its source."""
    changed = sum(h.new_count for h in hunks)
    return all(h.old_count == h.new_count for h in hunks) and changed <= CORRECTION_SHARE * size


def attribute(lines: int, commits: Sequence[tuple[object, Sequence, Callable]]) -> list[object | None]:
    """The owner of each of ``lines`` lines of the newest version: ``commits`` are
    (owner, hunks, is_mechanical[, page_update]) newest first; ``is_mechanical(hunk)``
    is asked only of hunks that matter (lines still followed, or a possible rewrite of
    the page). A page update that translates anything translated the whole page; any
    other commit, only what it changed, unless it rewrote most of the page. A line no
    commit introduced (history ran out) is None.

    Lines still followed are runs (first line today, line in the version being read,
    count), so a commit costs its hunks, not the file's lines."""
    owner: list[object | None] = [None] * lines
    runs = [(0, 1, lines)] if lines else []
    size = lines
    for who, raw, judge, *page in commits:
        if not runs:
            break
        hunks = [[h, None] for h in sorted(raw, key=lambda h: (h.new_start, h.new_count))]

        def mech(k: int) -> bool:
            if hunks[k][1] is None:
                hunks[k][1] = judge(hunks[k][0])
            return hunks[k][1]

        if page and page[0]:
            translating = [h for k, (h, _) in enumerate(hunks) if not mech(k)]
            whole = bool(translating) and not _correction(translating, size)
        else:
            replacing = sum(h.new_count for h, _ in hunks if h.old_count)
            whole = size > 0 and (replacing if replacing < REWRITE_SHARE * size else sum(
                h.new_count for k, (h, _) in enumerate(hunks) if h.old_count and not mech(k))) >= REWRITE_SHARE * size
        if whole:
            for first, _, count in runs:
                owner[first:first + count] = [who] * count
            return owner
        out: list[tuple[int, int, int]] = []
        k, shift = 0, 0  # hunks passed, and old minus new line counts of those hunks
        for first, start, count in runs:
            pos = 0
            while pos < count:
                line = start + pos
                while k < len(hunks):
                    h = hunks[k][0]
                    if (h.new_start < line) if not h.new_count else (h.new_start + h.new_count <= line):
                        shift += h.old_count - h.new_count
                        k += 1
                    else:
                        break
                h = hunks[k][0] if k < len(hunks) else None
                if h is not None and h.new_count and h.new_start <= line:
                    take = min(count - pos, h.new_start + h.new_count - line)
                    if h.old_count and mech(k):  # mechanical: back to the lines it replaced
                        out.extend((first + pos + t, h.old_start + min(line + t - h.new_start, h.old_count - 1), 1)
                                   for t in range(take))
                    else:
                        owner[first + pos:first + pos + take] = [who] * take
                else:
                    limit = count - pos if h is None else (h.new_start if h.new_count else h.new_start + 1) - line
                    take = min(count - pos, limit)
                    out.append((first + pos, line + shift, take))
                pos += take
        size += sum(h.old_count - h.new_count for h, _ in hunks)
        runs = out
    return owner
