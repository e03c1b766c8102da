"""Lists of peer languages in a message, said as a count where a reader scans lines.

Rules name the languages that agree ("present in de, el, es, fr, …"): exact, and what
the machine-readable formats keep. In a document of thirty languages that list is most
of a line, so the text and Markdown reports say "16 of 29 languages" instead, where a
run of four or more of the group's own language codes stands in the message.
"""

from __future__ import annotations

import re

MIN_RUN = 4
_LEADING_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}")
_MORE = re.compile(r" and (\d+) more\b")


def shorten_peers(message: str, languages, own: str) -> str:
    """``message`` with each run of at least ``MIN_RUN`` comma-separated codes of
    ``languages`` (the group's, ``own`` left out of the count) as "N of M languages"."""
    known = set(languages) - {own}
    if len(known) < MIN_RUN or ", " not in message:
        return message
    parts = message.split(", ")  # rewritten in place as runs are said
    out: list[str] = []
    i = 0
    while i < len(parts):
        head, code = _tail_code(parts[i], known)
        j = i + 1
        while code is not None and j < len(parts) and parts[j] in known:
            j += 1
        end = _head_code(parts[j], known) if code is not None and j < len(parts) else None
        count = j - i + (1 if end is not None else 0)
        if code is None or count < MIN_RUN:
            out.append(parts[i])
            i += 1
            continue
        rest = parts[j][len(end):] if end is not None else ""
        # A list the rule cut short ("de, fr, it, sv and 35 more") is counted whole.
        if (more := _MORE.match(rest)) is not None:
            count += int(more.group(1))
            rest = rest[more.end():]
        said = f"{head}{count} of {len(known)} languages"
        if end is None:
            out.append(said)
            i = j
        else:  # what follows the run may end with the start of another
            parts[j] = said + rest
            i = j
    return ", ".join(out)


def _tail_code(part: str, known: set[str]) -> tuple[str, str | None]:
    """(text before, code) when ``part`` ends with a known code after a space."""
    head, space, last = part.rpartition(" ")
    if last in known:
        return head + space, last
    return part, None


def _head_code(part: str, known: set[str]) -> str | None:
    """The known code ``part`` starts with, followed by no more of a word."""
    m = _LEADING_CODE.match(part)
    if m and m.group(0) in known and not part[m.end():m.end() + 1].isalnum():
        return m.group(0)
    return None
