"""Build the NTREX-128 corpus in the layout transcheck reads: ``python bench/ntrex.py
CHECKOUT OUT [--more]``.

NTREX-128 (Federmann, Kocmi and Xin, 2022: "NTREX-128 -- News Test References for MT
Evaluation of 128 Languages"; CC BY-SA 4.0; github.com/MicrosoftTranslator/NTREX) holds
the English WMT19 news test set (1,997 sentences in 123 documents) and professional
translations of it, one sentence a line, with the document of each line in
``DOCUMENT_IDS.tsv``. From a checkout of that repository this writes
``OUT/ntrex128/<document>.<lang>.txt`` for English and the 15 languages of the WMT24++
dev corpus (ar de es fr he hi it ja ko pt-BR ru sv tr uk zh-CN), or, with ``--more``,
``OUT/ntrex128more/`` for 15 others in other scripts (am bn cs el fa hy id ka pl ro ta
th uk ur vi), or, with ``--held``, ``OUT/ntrex128held/`` for 28 more in scripts other than
Latin that no rule was developed on (ba be bg ckb dv dz gu kk km kn ky lo mk ml mn mr my ne
pa ps sd si sr te tg ti tt ug). Then ``python bench/realtext.py --corpus OUT --split all`` measures it
against the records in ``bench/reviewed/`` (paths ``ntrex128/...``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

LANGS = {"en": "src.eng", "ar": "ref.arb", "de": "ref.deu", "es": "ref.spa", "fr": "ref.fra",
         "he": "ref.heb", "hi": "ref.hin", "it": "ref.ita", "ja": "ref.jpn", "ko": "ref.kor",
         "pt": "ref.por-BR", "ru": "ref.rus", "sv": "ref.swe", "tr": "ref.tur", "uk": "ref.ukr",
         "zh": "ref.zho-CN"}
MORE = {"en": "src.eng", "am": "ref.amh", "bn": "ref.ben", "cs": "ref.ces", "el": "ref.ell",
        "fa": "ref.fas", "hy": "ref.hye", "id": "ref.ind", "ka": "ref.kat", "pl": "ref.pol",
        "ro": "ref.ron", "ta": "ref.tam", "th": "ref.tha", "uk": "ref.ukr", "ur": "ref.urd",
        "vi": "ref.vie"}
HELD = {"en": "src.eng", "ba": "ref.bak", "be": "ref.bel", "bg": "ref.bul", "ckb": "ref.ckb-Arab",
        "dv": "ref.div", "dz": "ref.dzo", "gu": "ref.guj", "kk": "ref.kaz", "km": "ref.khm",
        "kn": "ref.kan", "ky": "ref.kir", "lo": "ref.lao", "mk": "ref.mkd", "ml": "ref.mal",
        "mn": "ref.mon", "mr": "ref.mar", "my": "ref.mya", "ne": "ref.nep", "pa": "ref.pan",
        "ps": "ref.pus", "sd": "ref.snd-Arab", "si": "ref.sin", "sr": "ref.srp-Cyrl",
        "te": "ref.tel", "tg": "ref.tgk-Cyrl", "ti": "ref.tir", "tt": "ref.tat", "ug": "ref.uig"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkout", type=Path)
    ap.add_argument("out", type=Path)
    sets = ap.add_mutually_exclusive_group()
    sets.add_argument("--more", action="store_true")
    sets.add_argument("--held", action="store_true")
    args = ap.parse_args(argv)
    ids = (args.checkout / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    target = args.out / ("ntrex128more" if args.more else "ntrex128held" if args.held else "ntrex128")
    target.mkdir(parents=True, exist_ok=True)
    for lang, name in (MORE if args.more else HELD if args.held else LANGS).items():
        lines = (args.checkout / "NTREX-128" / f"newstest2019-{name}.txt").read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != len(ids):
            sys.exit(f"ntrex: {name} has {len(lines)} lines, DOCUMENT_IDS.tsv {len(ids)}")
        docs: dict[str, list[str]] = {}
        for doc, line in zip(ids, lines):
            docs.setdefault(doc, []).append(line.rstrip("\r"))
        for doc, text in docs.items():
            (target / f"{doc}.{lang}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
