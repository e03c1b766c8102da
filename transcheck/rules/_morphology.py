"""How languages build words, as far as the checks need it: clitics written as one
word with their host, compounding, stacked suffixes, optional letters. One table per
fact, shared by every check that needs it (spelling, name matching)."""

from __future__ import annotations

# Clitics written as one word with their host, by language: (prefixes, suffixes).
# Dictionaries list the common combinations, not all of them.
CLITICS = {
    "ar": (
        ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س"),
        ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي"),
    ),
    # and, the, in, to, as, from, that, written as prefixes of the next word (באילינוי:
    # in Illinois).
    "he": (("וב", "וה", "ול", "ומ", "וש", "שה", "שב", "מה", "כש", "ו", "ה", "ב", "ל", "כ", "מ", "ש"), ()),
}
# Languages that write compounds as one word; a dictionary cannot list them all.
COMPOUNDING = frozenset({"sv", "de", "nl", "da", "nb", "nn", "no", "is", "fo", "af", "lb"})
# Languages that stack suffixes: a dictionary lists a stem's common forms, not all.
AGGLUTINATIVE = frozenset({"tr", "az", "tk", "uz", "kk", "ky", "tt", "ba", "fi", "et", "hu", "eu"})
# Letters a language may write or omit at will: Russian ё is usually printed as е,
# and its dictionaries list the е spelling.
OPTIONAL_LETTERS = {"ru": str.maketrans("ёЁ", "еЕ"), "be": str.maketrans("ёЁ", "еЕ")}
