"""Recall on defects planted in a real resource tree (keyed files):
``python bench/plant_keyed.py CHECKOUT --layout PATTERN [--source en] [--per-kind 30]
[--per-file 3] [--kinds a,b] [--seed 1] [--misses]``.

The tree under the layout is copied into a temporary directory and checked as it is
(the control run). Then, in a second copy, every kind of defect is planted
``--per-kind`` times, each in its own (language, key), one plant per key and kind,
two per key and ``--per-file`` per file in all, and never where the control run already has a
finding of the kind's codes, by rewriting the value as written in the file (escaped
as its format escapes it):

- **placeholder-dropped**: a placeholder the source's value has, removed (TC702);
- **placeholder-renamed**: a named placeholder's name changed (``{{name}}`` ->
  ``{{namex}}``), or a printf argument's type (``%s`` -> ``%d``) (TC702);
- **tag-dropped**: a tag pair the source's value has, removed (TC703);
- **plural-dropped**: a plural variant the language needs, its lines blanked (TC704,
  on the message's first variant);
- **untranslated**: the value replaced by the source's (TC202, or TC201);
- **other-language**: replaced by the same key's value in a translation of another
  script (TC202, TC201);
- **copy**: replaced by another key's value of the same file (two words or more), a
  key whose source differs and that no other plant touches (TC102, or TC505);
- **inconsistent**: of two keys with the same source and the same value, one given
  another key's value (TC505, TC102);
- **number**: a digit the source's value has changed (TC401);
- **ending**: the colon or ellipsis the value ends with, as the source's does, removed
  (TC601);
- **edge-space**: the trailing space the value has, as the source's does, removed
  (TC601);
- **invisible**: a zero-width space inserted inside a word (TC701).

All plants go into one copy and are checked in one run (``--format json``, default
rules). A plant is found when a finding of one of its kind's codes is on the planted
file and touches the planted lines, or names them as its related location in that
file (a value copied between two keys is reported on one of them, naming the other). Recall is printed per kind, for findings of any
severity and for errors and warnings only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transcheck import formats  # noqa: E402
from transcheck.formats.keyed import split_plural  # noqa: E402
from transcheck.formats.placeholders import parse  # noqa: E402
from transcheck.read.decode import decode, split_lines  # noqa: E402

CODES = {
    "placeholder-dropped": {"TC702"}, "placeholder-renamed": {"TC702"}, "tag-dropped": {"TC703"},
    "plural-dropped": {"TC704"}, "untranslated": {"TC202", "TC201"}, "other-language": {"TC202", "TC201"},
    "copy": {"TC102", "TC505"}, "inconsistent": {"TC505", "TC102"}, "number": {"TC401"},
    "ending": {"TC601"}, "edge-space": {"TC601"}, "invisible": {"TC701"},
}
_SCRIPT = re.compile(r"[A-Za-z]")


def escape(fmt: str, value: str) -> str:
    """A value as its format writes it between quotes (or in an element)."""
    if fmt in ("json", "arb"):
        return json.dumps(value, ensure_ascii=False)[1:-1]
    if fmt in ("po", "pot"):
        return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    if fmt == "strings":
        return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if fmt in ("android", "xliff", "stringsdict"):
        out = value.replace("&", "&amp;") if fmt != "android" else value
        if fmt == "android":
            out = out.replace("'", "\\'").replace('"', '\\"').replace("\n", "\\n")
        return out
    return value


class Tree:
    """The resource files of a layout in a directory: read, planted, written back."""

    def __init__(self, root: Path, files: list[str]):
        self.root = root
        self.lines = {}
        self.segments = {}
        for rel in files:
            text = decode((root / rel).read_bytes()).text
            self.lines[rel] = split_lines(text)
            self.segments[rel] = formats.segment(rel, self.lines[rel])

    def replace_value(self, rel: str, seg, new: str) -> bool:
        fmt = formats.name_for(rel)
        old, repl = escape(fmt, seg.raw), escape(fmt, new)
        for n in range(seg.line - 1, seg.end_line):
            line = self.lines[rel][n]
            if old and old in line:
                self.lines[rel][n] = line.replace(old, repl, 1)
                return True
        return False

    def delete_lines(self, rel: str, seg) -> bool:
        """Blank the value's lines (the file keeps its line numbers, so the other
        plants' lines stay where they were)."""
        span = range(seg.line - 1, seg.end_line)
        lines = self.lines[rel]
        if any(s is not seg and s.line - 1 in span for s in self.segments[rel]):
            return False  # other values share the lines
        following = next((x for x in lines[seg.end_line:] if x and x.strip()), "")
        if formats.name_for(rel) in ("json", "arb") and following.strip().startswith(("}", "]")):
            return False  # the last member: the comma before it would be left dangling
        for n in span:
            lines[n] = ""
        return True

    def write(self):
        for rel, lines in self.lines.items():
            (self.root / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(root: Path, layout: str, source: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "transcheck", "check", "--layout", layout, "--source", source,
                           "--format", "json", "--fail-on", "never"], cwd=root, capture_output=True, text=True)
    return json.loads(done.stdout)["findings"]


def near(findings, rel, seg, codes) -> list[dict]:
    """Findings of ``codes`` on the planted lines, or naming them as their related
    location in the same file (a paste is reported on one of its two keys, naming the
    other: which one is the paste, the other translations only suggest)."""
    def touches(path, line, end):
        return os.path.normpath(path) == rel and line <= seg.end_line and end >= seg.line

    return [f for f in findings if f["code"] in codes and (
        touches(f["path"], f["line"], f["end_line"])
        or any(touches(r["path"], r["line"], r["end_line"]) for r in f["related"] if r["path"] == f["path"]))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("checkout")
    ap.add_argument("--layout", required=True)
    ap.add_argument("--source", default="en")
    ap.add_argument("--per-kind", type=int, default=30)
    ap.add_argument("--kinds", default=",".join(CODES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-file", type=int, default=3, help="plants in one file at most")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)

    from transcheck.read.discover import discover
    from transcheck.read.layout import parse_layout

    checkout = Path(args.checkout).resolve()
    os.chdir(checkout)
    found = discover([], layouts=(parse_layout(args.layout, str(checkout)),), source=args.source)
    files = sorted({f.path for g in found.groups for f in g.files})
    tmp = Path(tempfile.mkdtemp(prefix="transcheck-plant-"))
    try:
        for rel in files:
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(checkout / rel, tmp / rel)
        control = check(tmp, args.layout, args.source)
        tree = Tree(tmp, files)
        groups = [[(f.language, f.path) for f in g.files] for g in found.groups]
        plants = plan(tree, groups, args.source, control, args.kinds.split(","), args.per_kind, args.seed,
                      args.per_file)
        tree.write()
        planted = check(tmp, args.layout, args.source)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(plants, planted, args.misses)
    return 0


def plan(tree: Tree, groups, source: str, control, kinds, per_kind: int, seed: int, cap: int = 3):
    rng = random.Random(seed)
    used: set[tuple[str, str]] = set()
    plants = []
    sites = []
    for files in groups:
        src = next((rel for lang, rel in files if lang == source), None)
        if src is not None:
            src_values = {s.key: s for s in tree.segments[src] if not s.state}
        else:  # PO or XLIFF files without a template: the source they hold
            from transcheck.formats.keyed import value_segment

            src_values = {}
            for _, rel in files:
                for s in tree.segments[rel]:
                    if s.source and s.key not in src_values:
                        src_values[s.key] = value_segment(0, s.line, s.end_line, s.key, s.source)
        for lang, rel in files:
            if lang.split("-")[0] == source.split("-")[0]:
                continue  # British English equal to its American source is no defect
            values = {s.key: s for s in tree.segments[rel] if not s.state}
            for key, seg in values.items():
                if key in src_values:
                    sites.append((rel, lang, key, seg, src_values[key], values, files, src_values))
    rng.shuffle(sites)
    planted_keys: dict[str, int] = defaultdict(int)
    per_file: dict[str, int] = defaultdict(int)
    for kind in kinds:
        made = 0
        keys_of_kind: set[str] = set()
        for site in sites:
            if made >= per_kind:
                break
            rel, lang, key, seg, src, values, files, src_values = site
            # One plant per key and kind, two per key in all: a defect that half the
            # languages share is no longer one translation's slip.
            if (rel, key) in used or key in keys_of_kind or planted_keys[key] >= 2 or per_file[rel] >= cap:
                continue
            if near(control, rel, seg, CODES[kind]):
                continue
            new = plant_one(kind, tree, site, rng, used)
            if new is None:
                continue
            used.add((rel, key))
            per_file[rel] += 1
            keys_of_kind.add(key)
            planted_keys[key] += 1
            plants.append((kind, rel, lang, key, seg, new))
            made += 1
    return plants


def plant_one(kind, tree: Tree, site, rng, used):
    rel, lang, key, seg, src, values, files, src_values = site
    raw = seg.raw
    tokens = [t for t in parse(raw).tokens]
    src_names = {t.name for t in parse(src.raw).tokens}
    if kind == "placeholder-dropped":
        ph = [t for t in tokens if t.kind == "placeholder" and t.name in src_names]
        if split_plural(key) or not ph:
            return None
        new = raw.replace(ph[0].text, "", 1)
    elif kind == "placeholder-renamed":
        ph = [t for t in tokens if t.kind == "placeholder" and t.name in src_names]
        if split_plural(key) or not ph:
            return None
        t = ph[0]
        m = re.search(r"[A-Za-z_]\w*", t.text)
        if t.text.startswith("%") and t.text[-1] in "sd":
            renamed = t.text[:-1] + ("d" if t.text[-1] == "s" else "s")
        elif m and not t.text.startswith("%"):
            renamed = t.text[:m.end()] + "x" + t.text[m.end():]
        else:
            return None
        new = raw.replace(t.text, renamed, 1)
    elif kind == "tag-dropped":
        tags = [t for t in tokens if t.kind == "tag" and t.name in src_names]
        if not tags or formats.name_for(rel) != "json":
            return None  # an XML value's tags are elements: dropping one is not a text edit
        new = raw
        for t in tags:
            if t.name.strip("</>") == tags[0].name.strip("</>"):
                new = new.replace(t.text, "", 1)
    elif kind == "plural-dropped":
        split = split_plural(key)
        from transcheck.rules.plural_forms import categories

        cats = categories(lang)
        if not split or split[1].isdigit() or cats is None or split[1] not in cats[1] or split[1] == "other":
            return None
        return "" if tree.delete_lines(rel, seg) else None
    elif kind == "untranslated":
        if seg.raw.strip() == src.raw.strip() or len(re.findall(r"[^\W\d_]{2,}", src.text)) < 2:
            return None
        new = src.raw
    elif kind == "other-language":
        others = [r for lang2, r in files if lang2 not in (lang,) and r != rel and lang2.split("-")[0] != lang.split("-")[0]]
        mine = bool(_SCRIPT.search(seg.text))
        for other in others:
            theirs = {s.key: s for s in tree.segments[other] if not s.state}.get(key)
            if theirs and bool(_SCRIPT.search(theirs.text)) != mine and len(theirs.text) >= 12:
                new = theirs.raw
                break
        else:
            return None
    elif kind in ("copy", "inconsistent"):
        if split_plural(key) or len(seg.text.split()) < 2:
            return None
        same_source = [k for k in values if k != key and k in src_values and src_values[k].raw == src.raw
                       and values[k].raw == raw]
        if kind == "inconsistent" and not same_source:
            return None
        pool = [k for k in values if k != key and k in src_values and not split_plural(k) and (rel, k) not in used
                and src_values[k].raw != src.raw and len(re.findall(r"[^\W\d_]{2,}", values[k].text)) >= 2]
        if not pool:
            return None
        copied = rng.choice(pool)
        used.add((rel, copied))  # the original stays as it is
        new = values[copied].raw
    elif kind == "number":
        # A digit of the text, not of a placeholder's name ("{{shortcut_1}}").
        digits = [m for m in re.finditer(r"\d", seg.text) if m.group() in src.text]
        if not digits or seg.text.count(digits[-1].group()) != raw.count(digits[-1].group()):
            return None
        d = digits[-1].group()
        at = raw.rfind(d)
        new = raw[:at] + str((int(d) + 3) % 10) + raw[at + 1:]
    elif kind == "ending":
        stripped = raw.rstrip()
        if not (src.raw.rstrip().endswith((":", "…", "...")) and stripped.endswith((":", "…", "...", "："))):
            return None
        new = stripped.rstrip(":.…：").rstrip() + raw[len(stripped):]
    elif kind == "edge-space":
        if not (src.raw.endswith(" ") and raw.endswith(" ") and raw.strip()):
            return None
        new = raw.rstrip(" ")
    elif kind == "invisible":
        words = [m for m in re.finditer(r"[^\W\d_]{4,}", raw)]
        if not words or lang.split("-")[0] in ("th", "lo", "km", "my", "bo", "dz"):  # ZWSP marks their word breaks
            return None
        w = words[0]
        new = raw[:w.start() + 2] + "\u200b" + raw[w.start() + 2:]
    else:
        raise SystemExit(f"unknown kind {kind}")
    if new == raw or not tree.replace_value(rel, seg, new):
        return None
    return new


def report(plants, findings, misses: bool) -> None:
    total = defaultdict(lambda: [0, 0, 0])
    for kind, rel, lang, key, seg, new in plants:
        hits = near(findings, rel, seg, CODES[kind])
        if kind == "plural-dropped":  # reported on the message's first variant, naming the message
            base = split_plural(key)[0]
            hits = [f for f in findings if f["code"] in CODES[kind] and os.path.normpath(f["path"]) == rel
                    and split_plural(f.get("key", "")) and split_plural(f["key"])[0] == base]
        t = total[kind]
        t[0] += 1
        t[1] += bool(hits)
        t[2] += any(f["severity"] in ("error", "warning") for f in hits)
        if misses and not hits:
            print(f"miss {kind:20} {rel}:{seg.line} [{key}] {new[:70]!r}")
    print(f"{'kind':22} planted  found  recall  warn+  recall")
    for kind, (n, any_, strong) in total.items():
        print(f"{kind:22} {n:7} {any_:6} {any_ / n:7.2f} {strong:6} {strong / n:7.2f}")
    n = sum(t[0] for t in total.values())
    a = sum(t[1] for t in total.values())
    s = sum(t[2] for t in total.values())
    if n:
        print(f"{'all':22} {n:7} {a:6} {a / n:7.2f} {s:6} {s / n:7.2f}")


if __name__ == "__main__":
    sys.exit(main())
