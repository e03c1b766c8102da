"""Text a finished translation keeps as the source writes it, because it names
something: the title of a linked page, of an issue or pull request, a work and its
author, a changelog's entries. Left in English, such a segment is a hint, not an
untranslated paragraph, and no sign that a translation stops there. Where no other
translation shows which words are names, the translation's own sentences do."""

from __future__ import annotations

import re

from transcheck.model import Kind, base_language


def kept_as_written(doc, seg) -> str:
    """Why a segment kept as the source writes it may be so (for the message), or ""."""
    if link_title(seg) or issue_title(seg):
        return "the title of a linked page, which may be kept as a name"
    if changelog_entry(doc, seg):
        return "a changelog entry's title, which may be kept as a name"
    if citation(seg):
        return "a work and its author, which may be kept as a name"
    return ""


def source_foreign(view, row) -> str | None:
    """The language the source's cell of ``row`` is written in where it is not the
    source's own (a licence quoted in English on a Chinese page, a tagline given in two
    languages): a translation that keeps it as it is follows the source. None
    otherwise."""
    from transcheck.langid.related import related

    idx = row.cells.get(view.source, ()) if view.source else ()
    segments = view.documents[view.source].segments if idx else ()
    found = {g.language if (g := view.guesses.get((view.source, i))) else None for i in idx if segments[i].is_prose}
    if len(found) != 1 or None in found:
        return None
    (language,) = found
    return None if related(language, base_language(view.source)) else language


def kept_as_alt_or_reference(seg) -> str:
    """Why a segment of words to translate may still be kept (for the message), or "":
    images' alt text, a paper cited."""
    if badges(seg):
        return "the alt text of images (badges), which may be kept as written"
    if work_cited(seg):
        return "a published work cited, which may be kept as written"
    if seg.block in ("table", "html") and names_only(seg.text):
        return "names (a dataset, a model), which may be kept as written"
    return ""


def names_only(text: str) -> bool:
    """A cell of a few names of things made, no words: each token has a capital inside
    it or a digit, is a lower-case compound of a hyphen, or is written in capitals
    ("WenetSpeech test-meeting", "LLaVA-NeXT-Interleave 14B"), and one has a capital
    inside or a digit."""
    tokens = text.split()
    return 1 <= len(tokens) <= 4 and all(
        (_MADE.search(t) and _TOKEN.fullmatch(t)) or _COMPOUND.fullmatch(t) or _CAPITALS.fullmatch(t)
        for t in tokens) and any(_MADE.search(t) for t in tokens)


_MADE = re.compile(r"[a-z][A-Z]|\d")
_TOKEN = re.compile(r"[\w.+-]++")
_COMPOUND = re.compile(r"(?<![a-z0-9-])[a-z]++(?:-[a-z0-9]++)++")
_CAPITALS = re.compile(r"[A-Z0-9][A-Z0-9.+-]++")


def link_title(seg) -> bool:
    """A linked name of capitalised words ("Shortest Common Supersequence", "MIT
    Introduction to Algorithms": a title's little words stay in lower case; an article's
    headline, "Goodhart’s Law: How Measuring The Wrong Things Drive Immoral
    Behaviour"), or a web page's title ending in its site's name ("Security operations
    | Microsoft Learn"), which lists of algorithms, books, tools, people or further
    reading keep as the source writes it."""
    # A short note in brackets after the name is no part of it: "ShareGPT Hyperfiltered
    # (en)", the language of a linked dataset.
    if seg.links >= 1 and len(seg.text) <= 160 and _SITE_NAMED.search(seg.text):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", _TRAILING_NOTE.sub("", seg.text))
    capitals = [w for w in words if w[0].isupper()]
    return seg.links >= 1 and 1 <= len(words) <= 12 and words[0][0].isupper() and all(
        w[0].isupper() or w in _TITLE_LITTLE for w in words) and len(capitals) > len(words) // 2


# A web page's title as its site writes it, ending in the site's name: "Implementing
# security operations processes | Microsoft Learn", "What Is a Firewall? - Cisco",
# "Bastion hosts vs. VPNs · Tailscale", "What is VPN? (kaspersky.com)".
_SITE_NAMED = re.compile(r"\s[|·–—-]\s(?:[A-Z][\w&.'’-]*+)(?:\s[A-Z][\w&.'’-]*+){0,3}\s*$"
                         r"|\s\((?:[a-z0-9-]++\.)++[a-z]{2,6}\)\s*$")
_TRAILING_NOTE = re.compile(r"\s\([^()\s]+(?:\s[^()\s]+)?\)\s*$")


def badges(seg) -> bool:
    """A paragraph of images and nothing else (a row of badges, "GitHub Repo stars
    PyPI Docker Pulls"): its text is their alt text, which translations keep."""
    return seg.images >= 1 and not seg.labels and bool(seg.text.strip())


def work_cited(seg) -> bool:
    """A reference to a published work: its authors with "et al." and its year, or a
    link to the paper ("Wang et al. ESRL: Efficient Sampling-based Reinforcement
    Learning. 2023.", "Hongbin Na. CBT-LLM: … 2024. [[arxiv]](…)", "[GPipe: Efficient
    Training of Giant Neural Networks](https://arxiv.org/…)"), which a translation cites
    as the work is titled. Only an entry of a list or a table, or of a numbered
    bibliography ("[1] Thomas H. Cormen, et al. Introduction to Algorithms (3rd
    Edition)."), or one marked with its type as GB/T 7714 cites ("… problem[J].
    Operations Research Letters, 2005"): a sentence about a work ("Smith et al. showed
    in 2019 …") is text to translate."""
    if _TYPED.search(seg.text):
        return True
    if _NUMBERED.match(seg.text):
        return bool(_YEAR.search(seg.text) or _ET_AL.search(seg.text) or _EDITION.search(seg.text))
    if seg.kind is not Kind.LIST_ITEM and seg.block != "table":
        return False
    return bool(_YEAR.search(seg.text) and _ET_AL.search(seg.text)) or any(_PAPER.match(u) for u in seg.urls)


_NUMBERED = re.compile(r"\[\d{1,3}\]\s")
_EDITION = re.compile(r"\(\d{1,2}(?:st|nd|rd|th) [Ee]dition\)")
# GB/T 7714's document types: a journal article, a monograph, proceedings, a thesis…
_TYPED = re.compile(r"\w\[(?:J|M|C|D|R|S|P|N|EB/OL)\][.,]")


_ET_AL = re.compile(r"\bet al\.")
# Where papers are: preprint servers, DOIs, proceedings.
_PAPER = re.compile(r"https?://(?:www\.)?(?:arxiv\.org|doi\.org|dx\.doi\.org|aclanthology\.org|"
                    r"openreview\.net|dl\.acm\.org|ieeexplore\.ieee\.org|link\.springer\.com|"
                    r"proceedings\.neurips\.cc|papers\.nips\.cc|biorxiv\.org|medrxiv\.org)/")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def issue_title(seg) -> bool:
    """A segment whose links all lead to issues, pull requests or discussions on a
    forge: a list of them names each by its title, as the forge writes it."""
    return bool(seg.urls) and all(_ISSUE.match(u) for u in seg.urls)


# A repository on a forge (GitHub, GitLab, Codeberg, Gitee), then an issue, pull request
# or discussion of it, or a commit.
_FORGE = r"https?://(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|gitee\.com)/[^/\s]+/[^/\s]+/(?:-/)?"
_ISSUE = re.compile(_FORGE + r"(?:issues|pull|pulls|merge_requests|discussions)/\d+(?![\w/])")
_COMMIT = re.compile(_FORGE + r"commits?/[0-9a-f]{7,40}(?![\w/])")


def changelog_entry(doc, seg) -> bool:
    """A changelog's entry: a list item that links to an issue, a pull request or a
    commit ("feat(bind): ShouldBindBodyWith shortcut (#3871) (@RedCrazyGhost)") or is a
    commit's subject in the Conventional Commits form ("fix(core): edge cache…"), or a
    table cell in a row that names one in a cell of its own ("| #9318 | 2025-04-07 |
    wahabmk | Fix issue with helm pull … |"). Its title is the pull request's."""
    if seg.kind is Kind.LIST_ITEM and (any(_ISSUE.match(u) or _COMMIT.match(u) for u in seg.urls)
                                       or _CONVENTIONAL.match(seg.text)):
        return True
    if seg.block != "table":
        return False
    return any(_REFERENCE.fullmatch(cell.text.strip()) or issue_title(cell) for cell in _row_mates(doc, seg))


def kept_in_table(view, doc, seg, same) -> str:
    """Why a table cell kept as ``same`` (language, location) write it may be so, or
    "": the table's header names languages, each in itself ("English | 简体中文 | 繁體中文":
    a glossary giving each term in them, which a translation keeps whole); or the
    translation translates another cell of its row, so the translator worked on the row
    and kept this one (an error's message as the program prints it, a default value, a
    call beside its description). A description of a sentence's length kept there is
    still untranslated."""
    if seg.block != "table":
        return ""
    if _glossary(view, doc, seg):
        return "a cell of a table giving terms in several languages, which may be kept"
    if len(seg.text.split()) >= _DESCRIPTION_WORDS:
        return ""
    for cell in _row_mates(doc, seg):
        r = view.row_of.get((doc.language, cell.index))
        if r is None or not cell.is_prose or sum(ch.isalpha() for ch in cell.text) < 2:
            continue
        row = view.rows[r]
        if any(row.cells.get(lang) and view.cell_text(row, lang) != cell.text for lang, _ in same):
            return "a cell of a row the translation translates (a message, a value, code), which may be kept"
    return ""


_DESCRIPTION_WORDS = 8


def _glossary(view, doc, seg) -> bool:
    """Whether ``seg`` is a cell of a table whose header row names two languages or
    more, each in itself."""
    from transcheck.langdata import autonyms

    cache = view.memo("kept_lines")
    if doc.language not in cache:
        cache[doc.language] = doc.text.split("\n")
    known = view.memo("kept_glossary_rows")  # (language, a row's line) -> its table's answer
    lines, cells = cache[doc.language], doc.segments
    k, line, walked = seg.index, seg.line, []
    # Up the table's rows to its first: the row above is the line before, or two lines
    # up across the separator that ends the header. A row already answered answers.
    while (doc.language, line) not in known and k > 0 and cells[k - 1].block == "table" \
            and line - 2 <= cells[k - 1].line <= line:
        if cells[k - 1].line == line - 2 and not _SEPARATOR.match(lines[line - 2]):
            break
        walked.append(line)
        k, line = k - 1, cells[k - 1].line
    if (doc.language, line) in known:
        answer = known[(doc.language, line)]
    elif line >= len(lines) or not _SEPARATOR.match(lines[line]):
        answer = False
    else:
        names = autonyms()
        header = [c for c in cells[k:k + 12] if c.line == line]
        answer = sum(" ".join(c.text.split()).strip(" *_").casefold() in names for c in header) >= 2
    for row_line in (*walked, line):
        known[(doc.language, row_line)] = answer
    return answer


_SEPARATOR = re.compile(r"^\s*+\|?(?:\s*+:?-++:?\s*+\|)++(?:\s*+:?-++:?\s*+)?$")


def _row_mates(doc, seg) -> list:
    """The other cells of ``seg``'s table row: they stand beside it in the document."""
    cells = doc.segments
    first = last = seg.index
    while first > 0 and cells[first - 1].line == seg.line:
        first -= 1
    while last + 1 < len(cells) and cells[last + 1].line == seg.line:
        last += 1
    return [cells[k] for k in range(first, last + 1) if k != seg.index]


# A commit's subject in the Conventional Commits form, as release notes list them:
# "refact(core): enhance schema job module.", "fix!: drop Node 16".
_CONVENTIONAL = re.compile(r"(?:feat|fix|refact(?:or)?|chore|docs?|perf|tests?|build|ci|style|revert|deps)"
                           r"(?:\([^()\n]{1,40}\))?!?:\s", re.IGNORECASE)
# "#9318", "!42" (GitLab), "owner/repo#12", "GH-1234"; each part taken whole, once.
_REFERENCE = re.compile(r"(?<![\w.-])(?:[\w.-]++/[\w.-]++)?+[#!]\d++|(?<![\w-])GH-\d++", re.IGNORECASE)


def citation(seg) -> bool:
    """A list item naming a work and its author in capitalised words ("Cracking The
    Coding Interview - Gayle Laakmann McDowell"), kept as the source writes it."""
    if seg.kind is not Kind.LIST_ITEM or not re.search(r"\s[-–—]\s", seg.text):
        return False
    words = re.findall(r"[^\W\d_][\w'-]*", seg.text)
    return 3 <= len(words) <= 12 and words[0][0].isupper() and all(
        w[0].isupper() or w in _TITLE_LITTLE for w in words)


# Little words a title leaves in lower case.
_TITLE_LITTLE = frozenset({"a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "with", "by", "at",
                           "from", "vs", "via", "into"})


def own_sentences(view, doc) -> str:
    """The document's segments identified as its own language, and the words of its
    inline code, as one text: the names a translation keeps are in it ("Karmada Metrics
    Adapter 是…", "karmada-metrics-adapter"), where no other translation shows them."""
    cache = view.memo("kept_own_sentences")
    if doc.language not in cache:
        cache[doc.language] = " ".join(
            [s.text for s in doc.segments if (guess := view.guesses.get((doc.language, s.index)))
             and guess.language and base_language(guess.language) == doc.base_language]
            + [_CODE_PARTS.sub(" ", code) for s in doc.segments for code in s.code])
    return cache[doc.language]


_CODE_PARTS = re.compile(r"[-_./:]+")
