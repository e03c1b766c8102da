"""Recall of the meaning checks on real translations: ``python bench/plant_meaning.py
[--docs N]``.

In copies of ``../shared/devcorpus/wmt24pp`` documents, one defect at a time is planted
in one of the 15 translations (never the English), and it counts as found when a
finding of the expected rule sits on the planted line. Four kinds, one function each,
each returning (new_text, expected_code, line) or None when the line has nothing to
change: a negation dropped, two roles swapped (two numbers exchanged), a number
changed (one digit), a name changed. Recall is printed per kind and language, for
findings of any severity and for warnings and errors only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent.parent / "shared" / "devcorpus" / "wmt24pp"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/devcorpus/wmt24pp")


# A number standing alone: not the digits of a handle or a name ("@user16", "pico-8").
# Letters of cased scripts only: 2022年 and 14일 are numbers.
_CASED = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_NUMBER = rf"(?<![{_CASED}\d_.,@])\d{{2,}}(?![{_CASED}\d_.,])"
_SHORT_NUMBER = rf"(?<![{_CASED}\d_.,@])\d{{2,4}}(?![{_CASED}\d_.,])"


def negation_drop(text: str, lang: str, line: int):
    """The first sentence that negates loses its negation: every marker in it goes
    (French "ne … pas" as a whole, a double negation too), so that it says the
    affirmative. Only lines most translations negate are offered (see ``main``)."""
    from transcheck.rules._negations import _WORD, MARKERS, UNSPACED, negations, sentences

    base = lang.split("-")[0]
    for sentence in sentences(text):
        if not negations(sentence, lang):
            continue
        if base in UNSPACED:
            new = UNSPACED[base].sub("", sentence)
        else:
            primary, concord = MARKERS.get(base, (frozenset(), frozenset()))

            def drop(m):
                low = m.group().lower()
                if low in primary or low in concord or (base == "fr" and low in ("ne", "n")) or (
                        base == "en" and low.endswith(("n't", "n’t"))):
                    return "" if not low.endswith(("n't", "n’t")) else m.group()[:-3]
                return m.group()
            new = re.sub(r"\s{2,}", " ", _WORD.sub(drop, sentence))
        if new != sentence:
            return text.replace(sentence, new, 1), "TC503", line
    return None


def role_swap(text: str, lang: str, line: int):
    nums = list(re.finditer(_NUMBER, text))
    for a in nums:
        for b in nums:
            if b.start() > a.end() and a.group() != b.group():
                return (text[: a.start()] + b.group() + text[a.end(): b.start()] + a.group()
                        + text[b.end():]), "TC502", line
    return None


def number_change(text: str, lang: str, line: int):
    m = re.search(_SHORT_NUMBER, text)
    if not m:
        return None
    digits = m.group()
    changed = digits[:-1] + str((int(digits[-1]) + 3) % 10)
    return text[: m.start()] + changed + text[m.end():], "TC401", line


def entity_change(text: str, lang: str, line: int, others: tuple = ()):
    """A name this translation shares with at least three others and half of them (in
    Latin letters) becomes another name, everywhere in the line. A word most others
    translate ("Forum" in "World Economic Forum", a title) is no name they keep, and
    changing it makes no disagreement between the translations."""
    from transcheck.rules._tokens import latin_tokens

    for tok in latin_tokens(text):
        shared = sum(1 for o in others if re.search(rf"(?<!\w){re.escape(tok.text)}(?!\w)", o))
        if (tok.capitalised and not tok.acronymish and len(tok.text) >= 4
                and not tok.sentence_start and shared >= max(3, len(others) / 2)):
            # Every occurrence: a name changed once and kept elsewhere in the same
            # paragraph is still there.
            new = re.sub(rf"(?<![^\W\d_]){re.escape(tok.text)}(?![^\W\d_])", "Zorbalt", text)
            return new, "TC402", line
    return None


def _negated_by_most(texts: dict, k: int) -> bool:
    """A negation is planted only where four in five translations negate the line: a
    "not" the others share, which the line's own translation then drops."""
    from transcheck.rules._negations import negations, sentences

    have = [sum(negations(x, lang) or 0 for x in sentences(lines[k])) >= 1
            for lang, lines in texts.items() if k < len(lines)]
    return 5 * sum(have) >= 4 * len(have)


KINDS = {"negation": negation_drop, "role-swap": role_swap, "number": number_change,
         "entity": entity_change}


def main(argv=None) -> int:
    from transcheck.runner import run
    from transcheck.rules.registry import BY_CODE
    from transcheck.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=4, help="documents per domain")
    ap.add_argument("--kind", choices=sorted(KINDS), action="append", help="default: all")
    ap.add_argument("--misses", action="store_true", help="print each plant no finding caught")
    args = ap.parse_args(argv)
    rules = tuple(BY_CODE[c] for c in ("TC401", "TC402", "TC502", "TC503"))
    groups = sorted({p.name.rsplit(".", 2)[0]: p.parent for p in CORPUS.glob("*/*.en.txt")}.items())
    by_domain = defaultdict(list)
    for name, folder in groups:
        by_domain[folder.name].append((name, folder))
    chosen = [g for gs in by_domain.values() for g in gs[: args.docs]]
    hits = defaultdict(lambda: [0, 0, 0])  # (kind, lang) -> found any, found loud, planted
    work = Path(tempfile.mkdtemp(prefix="transcheck-plant-"))
    try:
        for name, folder in chosen:
            files = {p.name.rsplit(".", 2)[1]: p for p in folder.glob(name + ".*.txt")}
            texts = {lang: p.read_text(encoding="utf-8").split("\n") for lang, p in files.items()}
            for kind, plant in KINDS.items():
                if args.kind and kind not in args.kind:
                    continue
                for lang in sorted(files):
                    if lang == "en":
                        continue
                    for k, text in enumerate(texts[lang]):
                        if kind == "negation" and not _negated_by_most(texts, k):
                            continue
                        if kind == "entity":
                            others = tuple(lines[k] for o, lines in texts.items()
                                           if o != lang and k < len(lines))
                            planted = plant(text, lang, k + 1, others)
                        else:
                            planted = plant(text, lang, k + 1)
                        if planted:
                            break
                    else:
                        continue
                    new, code, line = planted
                    target = work / f"{name}-{kind}-{lang}"
                    target.mkdir()
                    for other, lines in texts.items():
                        body = list(lines)
                        if other == lang:
                            body[line - 1] = new
                        (target / f"{name}.{other}.txt").write_text("\n".join(body), encoding="utf-8")
                    report = run([str(target)], Settings(), rules)
                    got = [f for f in report.findings
                           if f.language == lang and f.code == code and f.line <= line <= f.end_line]
                    h = hits[(kind, lang)]
                    h[0] += bool(got)
                    h[1] += any(f.severity.value in ("error", "warning") for f in got)
                    h[2] += 1
                    if args.misses and not got:
                        print(f"MISS {kind} {lang} {name}:{line}: {new[:160]}")
                        for f in report.findings:
                            if f.line <= line <= f.end_line:
                                print(f"     {f.language} {f.code} {f.severity.value} {f.message[:140]}")
                    shutil.rmtree(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    langs = sorted({lang for _, lang in hits})
    print("kind        " + " ".join(f"{lang:>5}" for lang in langs) + "   all (any) / all (warning+)")
    for kind in (args.kind or KINDS):
        row = [hits[(kind, lang)] for lang in langs]
        cells = " ".join(f"{h[0]}/{h[2]:<3}" if h[2] else "   - " for h in row)
        found = sum(h[0] for h in row), sum(h[1] for h in row), sum(h[2] for h in row)
        print(f"{kind:<11} {cells}   {found[0] / max(found[2], 1):.2f} / {found[1] / max(found[2], 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
