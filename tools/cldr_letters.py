"""Regenerate ``transcheck/langdata/letters.json``: each language's letters, CLDR's
standard exemplar characters as ICU ships them, in lower case.

    pip install 'icukit-pyicu==78.3.1'
    python -m tools.cldr_letters            # rewrite the file
    python -m tools.cldr_letters --check    # exit 1 when the committed file differs

Language identification asks whether a language can have written a text at all: a
text with "ə" is no Turkish and no English, whatever a statistical model prefers, and
Vietnamese "ậ" is Vietnamese although langdetect's profile never lists it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = "transcheck/langdata/letters.json"
COMMAND = "python -m tools.cldr_letters"


def letters_data() -> dict:
    import icu

    from transcheck.langid.script import char_script

    codes = json.loads((ROOT / "transcheck/langdata/cldr.json").read_text(encoding="utf-8"))["codes"]
    # A language ICU has no locale of (its data would be the root's Latin letters).
    own = {name.split("_")[0] for name in icu.Locale.getAvailableLocales()}
    out = {}
    for code in codes:
        if code not in own:
            continue
        found = icu.LocaleData(code).getExemplarSet(0, icu.ULocaleDataExemplarSetType.ES_STANDARD)
        # Han, kana and hangul are left out: a text in them is judged by its script.
        letters = sorted({c.lower() for c in found if len(c) == 1 and c.isalpha() and len(c.lower()) == 1
                          and char_script(c) not in ("Han", "Kana", "Hangul")})
        if letters:
            out[code] = "".join(letters)
    return {
        "about": f"Generated from CLDR (Unicode License v3) through ICU {icu.ICU_VERSION} by `{COMMAND}`: "
                 "do not edit by hand.",
        "letters": out,
    }


def generate() -> str:
    return json.dumps(letters_data(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = generate()
    path = ROOT / OUT
    if args == ["--check"]:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale; run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8", newline="\n")
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
