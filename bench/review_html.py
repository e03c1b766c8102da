"""The HTML review at size: ``python bench/review_html.py [--runs 3] [--skip-38k]``.

Reports are made from records (``tests/review_data.py``), as ``transcheck check
--format html --output`` writes them, then opened in headless Chromium over the DevTools
protocol (``tests/browser.py``), from file://:

- **guide-30**: a guide of 20 rows in 30 languages (a real ``transcheck check`` run);
- **manual-30**: one page of 2,000 rows in 30 languages;
- **site-5000** and **site-38000**: sites of 5,000 and 38,000 pages in 4 languages,
  whose pages go to a folder beside the report;
- **index-38000x39**: the index alone of 38,000 pages in 39 languages (the pages of the
  first ten written, the rest summaries as a run keeps them).

For each: the report's size, its pages (count, median and largest file), the time to
write it, and in the browser (median of ``--runs`` cold opens, a new tab each): the
time from navigation to the first page drawn (``performance.now()`` when the report
marks itself ready), opening another page from the list, switching the language under
review and opening a row's other languages. Needs chromium on PATH.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, Browser  # noqa: E402
from tests.review_data import GUIDE, long_page, site, write_guide  # noqa: E402
from transcheck.report import Format, formatter, html, write_file  # noqa: E402

THIRTY_NINE = tuple(GUIDE) + ("bg", "ca", "hr", "sk", "sl", "sr", "lt", "lv", "et")

# Milliseconds from a change to the page drawn after it (two animation frames).
_TIMED = """new Promise(function(done){var t=performance.now();(%s)();
(function poll(){if(%s)requestAnimationFrame(function(){requestAnimationFrame(function(){done(performance.now()-t);});});
else setTimeout(poll,1);})();})"""


def write(report, path: Path) -> None:
    chosen = formatter(Format.HTML)
    sections = [chosen.section(g, report) for g in report.groups]
    write_file(report, str(path), chosen, sections)


def sizes(path: Path) -> dict:
    pages = path.parent / (path.stem + "_files")
    files = sorted(p.stat().st_size for p in pages.glob("*.js")) if pages.is_dir() else []
    return {"report": path.stat().st_size, "pages": len(files),
            "median page": int(statistics.median(files)) if files else 0, "largest page": max(files, default=0),
            "total": path.stat().st_size + sum(files)}


def browse(browser: Browser, path: Path, runs: int, other_page: int | None) -> dict:
    first, wall, opened, switched, peers = [], [], [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        tab = browser.open(path.as_uri())
        ready = tab.wait("document.documentElement.dataset.ready", timeout=120)
        wall.append((time.perf_counter() - start) * 1000)
        first.append(float(ready))
        if other_page is not None:
            name = tab.eval(f"JSON.parse(document.getElementById('transcheck-index').textContent).pages[{other_page}][0]")
            opened.append(tab.eval(_TIMED % (f"function(){{location.hash='#g={other_page + 1}'}}",
                                             f"(document.querySelector('.page h2 .name')||{{}}).textContent==={name!r}")))
        target = tab.eval("[...document.querySelectorAll('#lang option')].map(o=>o.value).find(v=>v!==document.getElementById('lang').value&&v!==document.getElementById('ref').value)")
        switched.append(tab.eval(_TIMED % (
            f"function(){{var s=document.getElementById('lang');s.value={target!r};s.dispatchEvent(new Event('change'));}}",
            f"location.hash.indexOf('lang={target}')>0")))
        peers.append(tab.eval(_TIMED % ("function(){document.querySelector('.row:not(.head) .more').click()}",
                                        "document.querySelector('.peers')")))
        tab.send("Page.close")
    out = {"first page drawn ms": statistics.median(first), "open to ready ms (wall)": statistics.median(wall),
           "switch language ms": statistics.median(switched), "open a row's languages ms": statistics.median(peers)}
    if opened:
        out["open another page ms"] = statistics.median(opened)
    return out


def guide(work: Path) -> Path:
    root = write_guide(work / "guide")
    out = work / "guide-30.html"
    subprocess.run([sys.executable, "-m", "transcheck", "check", ".", "--source", "en", "-q", "-f", "html", "-o", str(out)],
                   cwd=root, check=False)
    return out


def index_only(work: Path, pages: int) -> Path:
    """The index of ``pages`` pages in 39 languages; the first ten pages' files written."""
    report = site(pages, THIRTY_NINE, whole=10)
    chosen = formatter(Format.HTML)
    texts = [chosen.section(g, report) for g in report.groups[:10]]
    ids = chosen._ids + [f"{i:020x}" for i in range(10, pages)]
    out = work / "index-38000x39.html"
    from transcheck.report.html_files import PageFiles

    files = PageFiles(str(out))
    files.open()
    for page_id, text in zip(ids, texts):
        files.put(page_id, text)
    head, tail = html._page(report, ids, "index-38000x39_files/")
    out.write_text(head + tail, encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-38k", action="store_true", help="only the 30-language reports and 5,000 pages")
    args = parser.parse_args()
    if CHROMIUM is None:
        print("review_html: chromium is not installed", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="transcheck-review-"))
    # (name, another page to open from the list, or None)
    cases = [("guide-30", None), ("manual-30", None), ("site-5000", 4321)]
    if not args.skip_38k:
        cases += [("site-38000", 37000), ("index-38000x39", None)]
    try:
        with Browser(work / "profile") as browser:
            for name, other in cases:
                path = work / f"{name}.html"
                start = time.perf_counter()
                if name == "guide-30":
                    path = guide(work)
                elif name == "manual-30":
                    write(long_page(2000), path)
                elif name.startswith("site-"):
                    write(site(int(name.split("-")[1])), path)
                else:
                    path = index_only(work, 38000)
                took = time.perf_counter() - start
                figures = {**sizes(path), "write s": round(took, 1), **browse(browser, path, args.runs, other)}
                print(f"{name}: " + ", ".join(f"{k} {v:,.1f}" if isinstance(v, float) else f"{k} {v:,}"
                                              for k, v in figures.items()), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
