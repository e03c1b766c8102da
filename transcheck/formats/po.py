"""gettext PO catalogues, read with polib: one message per entry, keyed by its msgid
(``[context] msgid`` with a msgctxt), its msgstr the value and its msgid the embedded
source. Plural entries give one variant per numbered form (``msgid[0]``, ``msgid[1]``);
a form left empty while others are filled is an "empty" variant, so the plural check
sees it. Fuzzy entries are "fuzzy", untranslated ones "empty" (neither is checked,
both count in coverage); obsolete (``#~``) entries and the header are not messages.
A template (``.pot``, ``formats.pot``) is the source: its msgids are its values.
"""

from __future__ import annotations

from transcheck.formats import FileFormat, FormatError
from transcheck.formats.keyed import plural_key, value_segment
from transcheck.model import Segment


def entries(lines: list[str]):
    """polib's entries of the text (never a path: polib opens an existing file of that
    name, so the text always ends in a newline no file name has here)."""
    import polib

    text = "\n".join(lines) + "\n\n"
    try:
        catalogue = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        raise FormatError(" ".join(str(exc).split())[:200] or "not a PO file") from None
    # "translator-credits" (GNOME's, "translator_credits" in some programs) holds the
    # translators' names, no text of the program.
    return [e for e in catalogue if not e.obsolete and e.msgid and e.msgid not in _CREDITS]


_CREDITS = frozenset({"translator-credits", "translator_credits"})


def key_of(entry) -> str:
    return f"[{entry.msgctxt}] {entry.msgid}" if entry.msgctxt else entry.msgid


def _start(lines: list[str], first: int) -> int:
    """The entry's msgctxt or msgid line: its comments before it are the translator's,
    where an inline suppression goes."""
    n = first
    while n <= len(lines) and lines[n - 1].lstrip().startswith("#"):
        n += 1
    return n if n <= len(lines) else first


def _end(lines: list[str], start: int) -> int:
    """The last line of the entry starting at line ``start`` (1-based): up to the blank line."""
    n = start
    while n < len(lines) and lines[n].strip():
        n += 1
    return n


def segment(lines: list[str], template: bool = False) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for entry in entries(lines):
        line = _start(lines, max(entry.linenum, 1))
        end = _end(lines, line)
        key = key_of(entry)
        state = "fuzzy" if "fuzzy" in entry.flags and not template else ""
        if entry.msgid_plural:
            forms = dict(entry.msgstr_plural)
            if template or not any(forms.values()):
                forms = {0: entry.msgid, 1: entry.msgid_plural} if template else {0: "", 1: ""}
            for n in sorted(forms):
                source = entry.msgid if n == 0 else entry.msgid_plural
                out.append(value_segment(len(out), line, end, plural_key(key, str(n)), forms[n],
                                         source=source, state=state))
        else:
            value = entry.msgid if template else entry.msgstr
            out.append(value_segment(len(out), line, end, key, value, source=entry.msgid, state=state))
    return tuple(out)


# A translator's comment ("# ...") travels with the entry through every PO tool.
FORMAT = FileFormat(name="po", mime_type="text/x-gettext-translation", segment=segment,
                    comment=("#", ""), keyed=True, bilingual=True)
