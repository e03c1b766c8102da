"""Negation markers per language, and how many negations a sentence has: shared by
negation-flip (TC503) and the benchmarks that plant a dropped negation."""

from __future__ import annotations

import re
from functools import lru_cache

from transcheck.model import base_language

# Per language: the primary negators (each counts), and the negative words that
# accompany a primary one under negative concord (they count only in a sentence that
# has no primary negator: Italian "non … mai" is one negation, "mai" alone is one).
# Besides the verbal negators, each language's negative adverbs and nouns that carry
# the negation alone, as a grammar of the language lists them: Swedish "knappast"
# and English "hardly" (a sentence negated by degree: "knappast" is how Swedish
# says "not likely"), Arabic "عدم" ("non-", "the absence of": "عدم وجود" for "there
# is no"), Italian "neanche/nemmeno/neppure" (not even), Turkish "kimse" (nobody,
# with the verb negated or, in a changed sentence, not).
MARKERS: dict[str, tuple[frozenset, frozenset]] = {
    "en": (frozenset("not never no cannot nor neither none nobody nothing nowhere hardly "
                     "dont doesnt didnt cant wont isnt arent wasnt aint couldnt wouldnt".split()), frozenset()),
    "sv": (frozenset("inte ej aldrig ingen inget inga icke varken ingenting knappast knappt".split()), frozenset()),
    "da": (frozenset("ikke ej aldrig ingen intet ingenting hverken".split()), frozenset()),
    "nb": (frozenset("ikke ei aldri ingen intet ingenting verken".split()), frozenset()),
    "nn": (frozenset("ikkje ikke aldri ingen inga ingenting verken".split()), frozenset()),
    "no": (frozenset("ikke ei aldri ingen intet ingenting verken".split()), frozenset()),
    "de": (frozenset("nicht kein keine keinen keinem keiner keines keinerlei keineswegs nie niemals nimmer nichts niemand nirgends nirgendwo weder".split()), frozenset()),
    "nl": (frozenset("niet geen nooit niets niemand nergens noch".split()), frozenset()),
    # A bare "no" is a negation alone ("io no", "oppure no": "I didn't", "or not").
    "it": (frozenset(["non", "no"]), frozenset("mai nessun nessuno nessuna niente nulla né neanche nemmeno neppure".split())),
    "es": (frozenset(["no"]), frozenset("nunca jamás nada nadie ningún ninguna ninguno ni tampoco".split())),
    "pt": (frozenset(["não"]), frozenset("nunca jamais nada ninguém nenhum nenhuma nem".split())),
    # French counts the second part: "ne … que" is "only", and speech drops the "ne"
    # ("c'est pas").
    # Literary French negates pouvoir, savoir, oser and cesser with "ne" alone ("ne
    # saurait perdurer", "ne pus garder"): "ne" counts before those (``_FR_NE``).
    "fr": (frozenset("pas jamais rien aucun aucune personne guère".split()), frozenset(["ni"])),
    "ro": (frozenset(["nu"]), frozenset("niciodată nimic nimeni niciun nicio".split())),
    "ru": (frozenset("не нет нельзя".split()), frozenset("никогда ничего никто ни никакой никакая никакие".split())),
    "uk": (frozenset("не немає".split()), frozenset("ніколи нічого ніхто ні жоден".split())),
    "pl": (frozenset(["nie"]), frozenset("nigdy nic nikt żaden żadna żadne ani".split())),
    # Colloquial Arabic (Gulf, Levantine, Egyptian) negates with ما, مو, مش, مب too, and
    # Egyptian wraps the word in ما…ش (ملوش: has no, مفيش: there is no).
    "ar": (frozenset("لا ليس ليست لست ليسوا لم لن ما مو مش مب مهب ماني ماهو ماهي مافي ماكان عدم "
                     "ملوش مفيش معندوش ماعنديش مبقاش".split()), frozenset()),
    "tr": (frozenset("değil değildir değiller değildi yok yoktur yoktu yokmuş yoksa asla".split()), frozenset("hiç hiçbir kimse hiçbiri".split())),
    "he": (frozenset("לא אין אינו אינה אינם אינן בלי ללא מעולם שום אסור".split()), frozenset()),
    "hi": (frozenset("नहीं नही न मत".split()), frozenset("कभी".split())),
    "fa": (frozenset("نه نیست نبود هرگز".split()), frozenset()),
    "el": (frozenset("δεν μην όχι ούτε ποτέ".split()), frozenset()),
    "cs": (frozenset("ne nikdy nic nikdo žádný".split()), frozenset()),
    "hu": (frozenset("nem ne nincs sosem soha semmi senki".split()), frozenset()),
    "id": (frozenset("tidak bukan tak jangan belum".split()), frozenset()),
    "fi": (frozenset("ei en et emme ette eivät älä".split()), frozenset()),
}
# Turkish negates the verb with -ma/-me before tense and person: -mıyor (progressive),
# -maz (aorist), -madı (past), -mamış, -madık/-madığ (participle), -mayan, -mayacak,
# -mamalı, -mamak, -maması (its not …ing), -mayabilir (may not), -madan, -mayız (we
# do not), and the imperative -mayın. The bare -ma/-me is left out: it is also the verbal noun
# ("anlamanın", "düşünme").
_TR_NEG = re.compile(
    r"(?<!\w)\w{2,}?(?:m[ıiuü]yor|m[ae]z|m[ae]d[ıi]|m[ae]m[ıi]ş|m[ae]y[ae]n|m[ae]y[ae]c[ae][kğ]"
    r"|m[ae]m[ae]l[ıi]|m[ae]m[ae]k|m[ae]m[ae]s[ıi]|m[ae]m[ae]y[ae]|m[ae]y[ae]bil|m[ae]d[ae]n|m[ae]y[ıi]n|m[ae]y[ıi]z)\w*"
)
_FR_NE = re.compile(r"(?<!\w)ne\s+(?:pu|pus|put|puis|peux|peut|pouvait|pouvais|pourrait|saurait|saurais|sais|sait"
                    r"|savait|ose|osa|osait|osais|cesse|cessa|cessait)(?!\w)"
                    r"(?!\s+(?:pas|jamais|rien|guère|personne|aucun|aucune)(?!\w))", re.IGNORECASE)
# "ne … plus" (no longer) is a negation; "plus" alone is "more".
# A word is letters with at most one elision inside ("l'aime"): a run of apostrophes
# and letters would be rescanned from every "n'" in it.
_FR_NE_PLUS = re.compile(r"(?<!\w)n(?:e\s+|['’])\w+(?:['’]\w+)?(?:\s+\w+(?:['’]\w+)?)?\s+plus(?!\w)",
                         re.IGNORECASE)
_LETTER = r"(?:[^\W\d_]|[\u0900-\u0dff\u0591-\u05c7\u064b-\u065f])"
# "didn't" must stay one word: a greedy word would stop at "didn" and lose the "n't".
_WORD = re.compile(rf"{_LETTER}+?n['’]t(?!\w)|{_LETTER}+")
# Languages written without spaces, or whose negation is a verb ending: markers counted
# where they occur in the text (Japanese ない/ません, Korean 않/못/없, Chinese 不/没).
UNSPACED: dict[str, re.Pattern] = {
    # ず after a verb stem only: はず (should) and まず (first) are no negation.
    "ja": re.compile(r"ない|なかっ|ません|ませんでし|(?<![はまおみく必])ず(?![っつ])|ぬ|無い|ナシ|ナイ"),
    "zh": re.compile(r"不|没|沒|未|別|别|無|无|非"),
    "ko": re.compile(r"않|못|없|아니|아닌|아닙|아닐|아냐|모르|모른|모를|모릅|몰라|(?<!\S)안(?=\s)"),
    "th": re.compile(r"ไม่|มิ"),
}
@lru_cache(maxsize=50_000)
def negations(sentence: str, language: str) -> int | None:
    """How many negations ``sentence`` has; None when the language has no markers."""
    base = base_language(language)
    if base in UNSPACED:
        return len(UNSPACED[base].findall(sentence))
    markers = MARKERS.get(base)
    if markers is None:
        return None
    primary, concord = markers
    from transcheck.rules._tokens import clitic_prefixes
    from transcheck.terms.match import lower

    n_primary = n_concord = 0
    words = _WORD.findall(sentence)
    if base == "tr" and sum(lower(w, base) == "ne" for w in words) >= 2:
        n_concord += 1  # "ne … ne" (neither … nor); one "ne" is "what"
    for word in words:
        low = lower(word, base)
        if base == "en" and (low.endswith("n't") or low.endswith("n’t")):
            n_primary += 1
            continue
        if low not in primary and base in ("ar", "he", "fa", "ur", "yi"):
            for p in clitic_prefixes(low):
                # Only the conjunctions before an Arabic negator ("ولا", "فلم"), and
                # "by, for" before عدم ("بعدم وجود": with no); "كما" is "as", not a
                # negated "ما".
                if base == "ar" and p not in ("و", "ف") and not (p in ("ب", "ل") and low[len(p):] == "عدم"):
                    continue
                if low[len(p):] in primary and len(low) > len(p) + 1:
                    low = low[len(p):]
                    break
        if base == "tr" and low.startswith("değil"):
            low = "değil"
        if low in primary:
            n_primary += 1
        elif low in concord:
            n_concord += 1
        elif base == "tr" and _TR_NEG.fullmatch(low):
            n_primary += 1
    if base == "fr":
        n_primary += len(_FR_NE.findall(sentence)) + len(_FR_NE_PLUS.findall(sentence))
    return n_primary if n_primary else min(n_concord, 1)
