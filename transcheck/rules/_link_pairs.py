"""Pairs of link targets that are one page written two ways: with other query
parameters, or from the site's root, relative to the page or with the site's host. Each filter takes the
targets one cell has and its peers lack (``ours``) and the reverse (``theirs``), and
returns both without the pairs it matches."""

from __future__ import annotations

from transcheck.rules._links import is_language


def unqueried(ours: list[str], theirs: list[str]) -> tuple[list[str], list[str]]:
    """``ours`` and ``theirs`` without the pairs that are one page with other query
    parameters: a referral or campaign tag one side adds (``?via=…``, ``?at=…&ct=…``)
    where every parameter both have agrees; ``watch?v=a`` and ``watch?v=b`` differ."""
    theirs = list(theirs)
    kept = []
    for u in ours:
        page, _, query = u.partition("?")
        mine = dict(q.partition("=")[::2] for q in query.split("&") if q)
        match = None
        for t in theirs:
            other, _, their_query = t.partition("?")
            if other.rstrip("/") != page.rstrip("/") or (not query and not their_query):
                continue
            their = dict(q.partition("=")[::2] for q in their_query.split("&") if q)
            if all(mine[k] == their[k] for k in mine.keys() & their.keys()):
                match = t
                break
        if match is None:
            kept.append(u)
        else:
            theirs.remove(match)
    return kept, theirs



def other_country(ours: list[str], theirs: list[str]) -> tuple[list[str], list[str]]:
    """``ours`` and ``theirs`` without the pairs that are one page on a site's versions
    for two countries: the same path on hosts that differ in their top-level domain
    alone (``leetcode.cn/problems/x`` and ``leetcode.com/problems/x``,
    ``amazon.co.jp/dp/…`` and ``amazon.com/dp/…``), the page for the reader's country."""
    from transcheck.align.links import site_name

    def site(t: str) -> tuple[str, str] | None:
        host, _, path = t.partition("/")
        if "." not in host or not host.rsplit(".", 1)[1].isalpha():
            return None
        return site_name(host), path.rstrip("/")

    theirs = list(theirs)
    kept = []
    for u in ours:
        mine = site(u)
        match = next((t for t in theirs if mine and t != u and site(t) == mine), None)
        if match is None:
            kept.append(u)
        else:
            theirs.remove(match)
    return kept, theirs


def unrooted(ours: list[str], theirs: list[str], page, languages: frozenset[str]) -> tuple[list[str], list[str]]:
    """``ours`` and ``theirs`` without the pairs that are one page written two ways:
    from the site's root (``/docs/concepts/x``) and relative (``../x``). A relative
    link is read from the page's folder, as a forge renders Markdown, and from the page
    as a folder, as Hugo and Docusaurus publish ``page.md`` at ``page/``. The site's
    root is a folder of the tree no layout names (``content/``), so the rooted path
    need only end the resolved one. ``page``: the home page's ``(parts, folder, home, roots)``."""
    import posixpath

    parts, _, home, _ = page
    folders = ("/".join(p for p in home.lower().split("/") if p and not is_language(p, languages)),
               "/".join(parts))

    def same(rooted: str, relative: str) -> bool:
        tail = rooted.lower().strip("/")
        return bool(tail) and any((r := posixpath.normpath(posixpath.join(f, relative.lower()))) == tail
                                  or r.endswith("/" + tail) for f in folders)

    def relative(t: str) -> bool:  # a first part with a dot is a host ("github.com/…")
        return bool(t) and t[0] not in "/#?" and ((s := t.split("/")[0]) in (".", "..") or "." not in s)

    theirs = list(theirs)
    kept = []
    for u in ours:
        match = next((t for t in theirs if (u.startswith("/") and relative(t) and same(u, t))
                      or (t.startswith("/") and relative(u) and same(t, u))
                      or _hosted(u, t) or _hosted(t, u)
                      or (relative(t) and (p := _site_path(u)) and same(p, t))
                      or (relative(u) and (p := _site_path(t)) and same(p, u))), None)
        if match is None:
            kept.append(u)
        else:
            theirs.remove(match)
    return kept, theirs


def _site_path(absolute: str) -> str | None:
    """The path of a page on a site, as the tree it is built from writes it:
    "cli.vuejs.org/core-plugins/pwa.html" is "/core-plugins/pwa", which a translation
    links relative to itself ("../core-plugins/pwa.md", its own language's page)."""
    host, slash, path = absolute.partition("/")
    path = path.partition("?")[0].rstrip("/")
    if "." not in host or not slash or not path:
        return None
    return "/" + path.removesuffix(".html").removesuffix(".htm")


def _hosted(absolute: str, rooted: str) -> bool:
    """The site's own page written with its host and from its root: "ruby-lang.org/news/x"
    (``https://www.ruby-lang.org/en/news/x/``) and "/news/x" (``/uk/news/x/``)."""
    host, slash, path = absolute.partition("/")
    return rooted.startswith("/") and "." in host and bool(slash) and len(path.strip("/")) > 0 \
        and "/" + path.rstrip("/") == rooted.rstrip("/")


def version_of_page(view, lang: str, url: str) -> bool:
    """Whether ``url``, in ``lang``'s document, leads to another document of the group:
    the page's version in another language, which a bar of its languages links to
    ("English | [中文](./i18n/X-ZH.md)" and "[English](../X.md) | 中文" are one link)."""
    import posixpath

    if "://" in url or url.startswith("#"):
        return False
    cache = view.memo("page_versions")
    if not cache:
        cache["paths"] = frozenset(posixpath.normpath(d.path.replace("\\", "/")) for d in view.documents.values())
    path = view.documents[lang].path.replace("\\", "/")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), url.split("#", 1)[0].split("?", 1)[0]))
    return target != posixpath.normpath(path) and target in cache["paths"]
