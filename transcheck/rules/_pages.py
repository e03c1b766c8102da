"""A page's own names: the files of its translations, which a list of its languages
links to, the ids its headings get from their text, and the heading that is its file's
name."""

from __future__ import annotations

import os
import re

from transcheck.model import Kind


def heading_slug(text: str) -> str:
    """The id a heading gets from its text on GitHub and most site generators: lower
    case, punctuation out, each space a hyphen ("CLI — offline tools" is
    "cli--offline-tools")."""
    kept = "".join(ch for ch in text.strip().lower().replace("`", "") if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


_PAGE_NAME = re.compile(r"^(.+?)(?:[._-]([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?))?\.(?:md|mdx|markdown|html?)$",
                        re.IGNORECASE)


def language_bar(text: str) -> bool:
    """Whether ``text`` is a bar of languages, each named in itself and written out
    without links ("English | 中文 | Français | 한국어"): the page's list of its
    versions, which every version writes alike."""
    from transcheck.langdata import autonyms

    items = [" ".join(i.split()).strip(" *_[]()").casefold() for i in _BAR.split(text)]
    names = autonyms()
    return len(items) >= 2 and all(item in names for item in items)


_BAR = re.compile(r"\s[|·•/]\s|(?<!\s)\s*+[|｜]\s*+")  # spaces taken from their first only: linear


def links_to_translations(path: str, urls) -> bool:
    """Whether a link of ``urls`` leads to another language's version of the page at
    ``path`` (``README-zh-cn.md`` from ``README-fr.md``, ``README.md``, the source, from
    either, ``../de/page.md`` from ``docs/fr/page.md``): a line of them is the page's list of
    its languages, each named in itself."""
    from transcheck.read.languages import normalise_tag

    def page(name: str) -> tuple[str, str] | None:
        m = _PAGE_NAME.match(name)
        if m is None:
            return None
        if m.group(2) and normalise_tag(m.group(2)) is None:
            return name.rsplit(".", 1)[0].lower(), ""
        return m.group(1).lower(), (m.group(2) or "").lower()

    own = page(path.replace("\\", "/").rsplit("/", 1)[-1])
    if own is None:
        return False
    for url in urls:
        *folders, name = url.split("#", 1)[0].split("?", 1)[0].rstrip("/").split("/")
        other = page(name) if "://" not in url or _FORGE_FILE.match(url) else None
        if other is None or other[0] != own[0]:
            continue
        # Another suffix (README-de.md), or the same name in a language's folder (../de/page.md).
        if other[1] != own[1] or any(len(f) <= 8 and normalise_tag(f) for f in folders if f not in (".", "..")):
            return True
    return False


# A file on a forge's branch: "https://github.com/o/r/blob/main/doc/i18n/README.de.md".
_FORGE_FILE = re.compile(r"https?://(?:www\.)?(?:github\.com|gitlab\.com|gitee\.com|codeberg\.org)/[^/?#]++/[^/?#]++/(?:-/)?blob/")
_IDENTIFIER = re.compile(r"\w[-.]\w|[a-z][A-Z]|\d")


def names_the_page(doc, seg) -> bool:
    """Whether a heading is the page's file name written as a command or an
    identifier ("# git delete-merged-branches" on ``git-delete-merged-branches.md``,
    "# gradle dependencyInsight"): in lower case, or with a token a word is not
    ("delete-merged", "dependencyInsight", "1.0"). "# Getting started" on
    ``getting-started.md`` is a title like any other."""
    if seg.kind not in (Kind.HEADING, Kind.TITLE):
        return False  # a heading, or the page's title in its front matter
    name = os.path.basename(doc.path)
    stems = {name.rsplit(".", 1)[0], name.rsplit(".", 2)[0]}  # gst-launch-1.0-x.md, page.fr.md

    def bare(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    text = seg.text.strip()
    return (bool(text) and bare(text) in {bare(stem) for stem in stems}
            and (text[0].islower() or bool(_IDENTIFIER.search(text))))
