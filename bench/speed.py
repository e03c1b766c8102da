"""Speed and scale benchmark: ``python bench/speed.py`` (``--quick`` for a CI-size run;
one large group and one long line are ``python bench/large.py``).

It builds multi-parallel corpora of growing size from the five translations in
``corpus/`` (ar, it, ru, sv, tr), runs the full ``transcheck check DIR -f json`` on each
as a subprocess, and prints, per size:

- wall time (start-up included) and segments per second;
- peak memory of the check (maximum resident set of the process and its workers);
- the time a naive tool needs for language identification alone: a plain
  ``langdetect.detect`` loop, fixed seed, all profiles, over the same prose segments;
  and the ratio check time / langdetect time;
- then the linearity: time and memory for 4x the documents against 1x.

How the corpora are made: the corpus files are aligned with transcheck's own aligner;
the rows that every language has are split into sentences where all five languages
have the same number of sentences. Every generated document (``docNNNNN.LANG.txt``, one
group per document) draws its own paragraphs from that pool with a seed of its own (so
a larger corpus starts with the documents of a smaller one), numbers its sections, and
gets a few defects so that the rules have work: a paragraph dropped in one language, a
block pasted twice, an untranslated English title, a paragraph in another language's
text, a number changed in one language.

The corpora go to ``bench/out/`` (git-ignored) and are reused when already there.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shlex
import shutil
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "corpus")
OUT = os.path.join(HERE, "out")
LANGS = ("ar", "it", "ru", "sv", "tr")
SEGMENTS_PER_DOCUMENT = 12  # per language, on average
GENERATOR_VERSION = "4"  # bump when the generator changes, so cached corpora are rebuilt
TITLE_EN = "Know Your Terminology: Customer Support vs Customer Experience"
_SENTENCE = re.compile(r"(?<=[.!?؟])\s+")

# Runs one command, prints its wall time and the peak RSS of it and its descendants
# (RUSAGE_CHILDREN covers grandchildren that were waited for, such as pool workers).
_MEASURE = textwrap.dedent(
    """
    import json, resource, subprocess, sys, time
    t = time.perf_counter()
    with open(sys.argv[1], "wb") as out:
        rc = subprocess.run(sys.argv[2:], stdout=out).returncode
    wall = time.perf_counter() - t
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"rc": rc, "wall": wall, "cpu": cpu, "maxrss": usage.ru_maxrss * 1024}))
    """
)

# The naive baseline: identify every prose segment with langdetect, all profiles.
_LANGDETECT = textwrap.dedent(
    """
    import json, sys, time
    t, c = time.perf_counter(), time.process_time()
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0
    with open(sys.argv[1], encoding="utf-8") as fh:
        segments = json.load(fh)
    t_loop, c_loop = time.perf_counter(), time.process_time()
    for text in segments:
        try:
            detect(text)
        except LangDetectException:
            pass
    end, c_end = time.perf_counter(), time.process_time()
    print(json.dumps({"total": end - t, "loop": end - t_loop,
                      "cpu": c_end - c, "cpu_loop": c_end - c_loop}))
    """
)


# ---------------------------------------------------------------- corpus generation


def sentence_pool() -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    """(sentences, headings, non-prose lines), each a list of {language: text}."""
    sys.path.insert(0, ROOT)
    from transcheck.align.aligner import align
    from transcheck.read.file import read_document
    from transcheck.read.discover import FileSpec
    from transcheck.settings import Settings

    docs = [
        read_document(FileSpec(os.path.join(CORPUS, f"{lang}.txt"), lang, "corpus"), Settings())
        for lang in LANGS
    ]
    sentences, headings, other, seen = [], [], [], set()
    for row in align(docs):
        segs = {d.language: [d.segments[i] for i in row.cells[d.language]] for d in docs}
        present = [s for lang in LANGS for s in segs[lang]]
        if not all(segs.values()):
            # A file name is the same in every language, so a missing one can be filled in.
            if len({s.text for s in present}) == 1 and not present[0].is_prose:
                if present[0].text not in seen:
                    seen.add(present[0].text)
                    other.append({lang: present[0].text for lang in LANGS})
            continue
        texts = {lang: " ".join(s.text for s in segs[lang]) for lang in LANGS}
        key = tuple(texts.values())
        if key in seen:
            continue
        seen.add(key)
        if not all(s.is_prose for lang in LANGS for s in segs[lang]):
            other.append(texts)
            continue
        parts = {lang: _SENTENCE.split(texts[lang]) for lang in LANGS}
        counts = {len(p) for p in parts.values()}
        if counts == {1} and len(texts["sv"]) < 80:
            headings.append(texts)
        elif len(counts) == 1:
            sentences.extend({lang: parts[lang][k] for lang in LANGS} for k in range(counts.pop()))
        else:
            sentences.append(texts)
    return sentences, headings, other


def make_document(n: int, pool) -> dict[str, list[str]]:
    """The lines of document ``n`` in every language; blank lines separate segments."""
    sentences, headings, other = pool
    rng = random.Random(1_000_003 * n + 17)
    units: list[dict[str, str]] = []
    target = rng.randint(SEGMENTS_PER_DOCUMENT - 4, SEGMENTS_PER_DOCUMENT + 4)
    section = 0
    # Sentences and headings are dealt without replacement, so that a document repeats
    # itself only where a defect below says so.
    deck = rng.sample(sentences, len(sentences))
    heads = rng.sample(headings, len(headings))
    while len(units) < target:
        r = rng.random()
        if r < 0.15:
            section += 1
            head = heads.pop() if heads else rng.choice(headings)
            units.append({lang: f"{section}. {text}" for lang, text in head.items()})
        elif r < 0.2:
            units.append(dict(rng.choice(other)))
        else:
            if len(deck) < 2:
                deck = rng.sample(sentences, len(sentences))
            chosen = [deck.pop() for _ in range(rng.randint(1, 2))]
            para = {lang: " ".join(s[lang] for s in chosen) for lang in LANGS}
            # A figure that must survive translation; it also makes most paragraphs
            # unique across documents, as in real text, so caches get no free hits.
            if rng.random() < 0.85:
                num = rng.randint(2, 9999)
                para = {lang: f"{text} ({num})" for lang, text in para.items()}
            units.append(para)
    lines = {lang: [u[lang] for u in units] for lang in LANGS}

    # Defects, each in a few documents.
    if rng.random() < 0.3:  # a paragraph dropped in one language
        lang = rng.choice(LANGS)
        del lines[lang][rng.randrange(1, len(units))]
    if rng.random() < 0.15:  # a block pasted twice, in every language
        start = rng.randrange(0, len(units) - 3)
        k = rng.randint(2, 4)
        for lang in LANGS:
            lines[lang] += lines[lang][start : start + k]
    if rng.random() < 0.1:  # the English title left untranslated, except in Russian
        for lang in LANGS:
            if lang != "ru":
                lines[lang].insert(0, TITLE_EN)
    if rng.random() < 0.1:  # one language holds another language's paragraph
        a, b = rng.sample(LANGS, 2)
        i = rng.randrange(0, min(len(lines[a]), len(lines[b])))
        lines[a][i] = lines[b][i]
    if rng.random() < 0.1:  # a number changed in one language
        lang = rng.choice(LANGS)
        for i, text in enumerate(lines[lang]):
            if re.search(r"\(\d+\)$", text):
                lines[lang][i] = re.sub(r"\((\d+)\)$", lambda m: f"({int(m[1]) + 1})", text)
                break
    return lines


def build(size: int, pool) -> tuple[str, int]:
    """A directory of about ``size`` segments; returns it and its document count."""
    documents = max(1, round(size / (SEGMENTS_PER_DOCUMENT * len(LANGS))))
    directory = os.path.join(OUT, f"docs-{documents}")
    stamp = os.path.join(directory, ".complete")
    if os.path.exists(stamp) and open(stamp).read() == GENERATOR_VERSION:
        return directory, documents
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    for n in range(documents):
        for lang, lines in make_document(n, pool).items():
            with open(os.path.join(directory, f"doc{n:05d}.{lang}.txt"), "w", encoding="utf-8") as fh:
                fh.write("\n\n".join(lines) + "\n")
    with open(stamp, "w") as fh:
        fh.write(GENERATOR_VERSION)
    return directory, documents


def prose_segments(directory: str) -> list[str]:
    """Every prose segment of the directory, as transcheck segments it."""
    from transcheck.read.decode import split_lines
    from transcheck.formats.text import segment as segment_plain

    out = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".txt"):
            with open(os.path.join(directory, name), encoding="utf-8") as fh:
                segs = segment_plain(split_lines(fh.read()))
            out.extend(s.text for s in segs if s.is_prose)
    return out


def count_segments(directory: str) -> int:
    from transcheck.read.decode import split_lines
    from transcheck.formats.text import segment as segment_plain

    total = 0
    for name in os.listdir(directory):
        if name.endswith(".txt"):
            with open(os.path.join(directory, name), encoding="utf-8") as fh:
                total += len(segment_plain(split_lines(fh.read())))
    return total


# ---------------------------------------------------------------- measurement


def measure(cmd: list[str], stdout_path: str, code: str | None = None) -> dict:
    # With -m, the working directory comes first on sys.path: run in the other version's.
    res = subprocess.run(
        [sys.executable, "-c", _MEASURE, stdout_path, *cmd],
        capture_output=True, text=True, check=True, cwd=code or None,
        env=dict(os.environ, PYTHONPATH=os.path.abspath(code)) if code else None,
    )
    return json.loads(res.stdout)


def transcheck_cmd(code: str | None) -> list[str]:
    if code:
        return [sys.executable, "-m", "transcheck"]
    exe = shutil.which("transcheck", path=os.path.dirname(sys.executable)) or shutil.which("transcheck")
    return [exe] if exe else [sys.executable, "-m", "transcheck"]


def run_check(directory: str, jobs: int | None, repeat: int, code: str | None = None,
              extra: tuple[str, ...] = ()) -> dict:
    out = os.path.join(OUT, "last-report.json")
    cmd = transcheck_cmd(code) + ["check", directory, "-f", "json", "--fail-on", "never", *extra]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    runs = [measure(cmd, out, code) for _ in range(repeat)]
    for r in runs:
        if r["rc"] != 0:
            sys.exit(f"bench: transcheck exited with {r['rc']} on {directory}")
    with open(out, encoding="utf-8") as fh:
        report = json.load(fh)
    best = min(runs, key=lambda r: r["wall"])
    return {
        "rules": len(report["signature"]["rules"]),
        "wall": best["wall"],
        "cpu": min(r["cpu"] for r in runs),
        "maxrss": max(r["maxrss"] for r in runs),
        "findings": len(report["findings"]),
        "segments": sum(d["segments"] for d in report["documents"]),
    }


def run_langdetect(segments: list[str], limit: int) -> dict:
    """langdetect time for ``segments``; over ``limit``, timed on a sample and scaled."""
    sample = segments if len(segments) <= limit else random.Random(0).sample(segments, limit)
    path = os.path.join(OUT, "langdetect-input.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(sample, fh, ensure_ascii=False)
    res = subprocess.run([sys.executable, "-c", _LANGDETECT, path], capture_output=True, text=True, check=True)
    timing = json.loads(res.stdout)
    scale = len(segments) / len(sample)
    return {
        "time": timing["total"] - timing["loop"] + timing["loop"] * scale,
        "cpu": timing["cpu"] - timing["cpu_loop"] + timing["cpu_loop"] * scale,
        "estimated": scale != 1.0,
    }


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (2k, 8k segments), for CI")
    parser.add_argument("--sizes", help="comma-separated segment counts (default 10000,50000,200000)")
    parser.add_argument("--jobs", type=int, help="passed to transcheck --jobs (default: its own)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    parser.add_argument("--code", help="benchmark the transcheck package in this directory instead "
                        "(e.g. `git archive REV | tar -x -C DIR`), to compare versions")
    parser.add_argument("--no-langdetect", action="store_true", help="skip the langdetect baseline")
    parser.add_argument("--check-args", default="", help="more options for transcheck check, "
                        "e.g. \"--ignore TC603\"")
    parser.add_argument(
        "--langdetect-limit", type=int, default=20000,
        help="time langdetect on at most this many segments and scale up (default 20000)",
    )
    args = parser.parse_args()
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    else:
        sizes = [2000, 8000] if args.quick else [10000, 50000, 200000]

    os.makedirs(OUT, exist_ok=True)
    print(f"machine: {machine()}, load average {os.getloadavg()[0]:.1f} at start")
    extra = tuple(shlex.split(args.check_args))
    corpus = run_check(CORPUS, args.jobs, max(3, args.repeat), args.code, extra)
    print(f"corpus/: {corpus['segments']} segments, {corpus['wall']:.3f} s wall (best of "
          f"{max(3, args.repeat)}), peak {corpus['maxrss'] / 2**20:.0f} MiB, {corpus['findings']} findings, "
          f"{corpus['rules']} rules")

    pool = sentence_pool()
    print("check: wall seconds of `transcheck check DIR -f json` (start-up included) and its CPU"
          " seconds (all processes);\nlangdetect: the same for a plain langdetect.detect loop;"
          " ratio: check / langdetect, wall and CPU")
    header = (f"{'segments':>9} {'docs':>5} {'check s':>8} {'cpu s':>7} {'seg/s':>7} {'peak MiB':>9} "
              f"{'findings':>8} {'langdetect s':>13} {'cpu s':>7} {'ratio':>6} {'cpu':>5}")
    print(header)
    results = {}
    for size in sizes:
        directory, documents = build(size, pool)
        check = run_check(directory, args.jobs, args.repeat, args.code, extra)
        if args.no_langdetect:
            ld = {"time": float("nan"), "cpu": float("nan"), "estimated": False}
        else:
            ld = run_langdetect(prose_segments(directory), args.langdetect_limit)
        results[documents] = check
        mark = "~" if ld["estimated"] else " "
        print(
            f"{check['segments']:>9} {documents:>5} {check['wall']:>8.2f} {check['cpu']:>7.2f} "
            f"{check['segments'] / check['wall']:>7.0f} {check['maxrss'] / 2**20:>9.0f} "
            f"{check['findings']:>8} {mark}{ld['time']:>12.1f} {ld['cpu']:>7.1f} "
            f"{check['wall'] / ld['time']:>6.2f} {check['cpu'] / ld['cpu']:>5.2f}",
            flush=True,
        )
    # The parallel run must not change a byte: check it on the first generated corpus.
    first_dir, _ = build(sizes[0], pool)
    outputs = []
    for jobs in (1, 4):
        cmd = transcheck_cmd(args.code) + ["check", first_dir, "-f", "json", "--fail-on", "never",
                                          "--jobs", str(jobs), *extra]
        env = dict(os.environ, PYTHONPATH=os.path.abspath(args.code)) if args.code else None
        outputs.append(subprocess.run(cmd, capture_output=True, env=env, check=True).stdout)
    print(f"--jobs 1 vs --jobs 4 on {sizes[0]} segments: JSON "
          f"{'byte-identical' if outputs[0] == outputs[1] else 'DIFFERENT'}")
    print("(~: langdetect timed on a sample of "
          f"{args.langdetect_limit} prose segments and scaled)")
    for docs, r in sorted(results.items()):
        for big_docs, big in sorted(results.items()):
            if 3.9 <= big_docs / docs <= 4.1:
                print(f"linearity: {big_docs} vs {docs} documents (x{big_docs / docs:.2f}): "
                      f"time x{big['wall'] / r['wall']:.2f} (CPU x{big['cpu'] / r['cpu']:.2f}), "
                      f"peak memory x{big['maxrss'] / r['maxrss']:.2f}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end (wall times grow with other load; "
          "CPU times much less)")


if __name__ == "__main__":
    main()
