"""Link targets compared across languages: the language taken out of a URL (path
segments, host labels, query values), links to the page itself, and links to a site's
own page in the translation's language."""

from __future__ import annotations

import re

from transcheck.model import base_language
from transcheck.rules.base import GroupView

_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$", re.IGNORECASE)
_URL = re.compile(r"^(?:(?P<scheme>[a-z][a-z0-9+.-]*:)?//(?P<host>[^/?#]*))?(?P<rest>[^#]*)", re.I)


_PATH_PARTS = re.compile(r"[/\\._-]")


def language_codes(view: GroupView) -> frozenset[str]:
    """The group's language codes as they appear in URLs, with and without region, and
    as each document's own path writes them: a project's own code (``russian`` in
    ``README.russian.md``, mapped in ``[language-codes]``) names its pages too."""
    cache = view.memo("language_codes")
    if "codes" not in cache:
        cache["codes"] = _language_codes(view)
    return cache["codes"]


def _language_codes(view: GroupView) -> frozenset[str]:
    codes = set()
    parts = {lang: set(_PATH_PARTS.split(doc.path.lower())) for lang, doc in view.documents.items()}
    # Whole folders too: "source" and "source_en" mapped in [language-codes] share a part.
    folders = {lang: set(doc.path.lower().replace("\\", "/").split("/")[:-1]) for lang, doc in view.documents.items()}
    for lang in view.documents:
        # The one part of its path no other document's path has.
        for mine in (parts, folders):
            written = mine[lang].difference(*(p for o, p in mine.items() if o != lang))
            if len(written) == 1 and len(mine) > 1:
                codes.update(written)
        lang = lang.lower().replace("_", "-")
        codes.update((lang, base_language(lang)))
    return frozenset(codes)


def link_target(url: str, languages: frozenset[str], page: tuple[str, ...] = (), base: str = "",
                home: str = "", roots: tuple[str, str] = ("", "")) -> str:
    """A link target with its language taken out: path segments, a leading host label
    and query values (``?hl=fr``) that name one of the group's languages (``en-US`` for
    ``en``), and the fragment. A host whose first label is a language keeps only the
    host: the page names on ``fr.wikipedia.org`` are French; one with a language label
    inside (``v3.ja.vuejs.org``) is the site's version in it, with the same pages. A site-relative link to
    the page itself (``/fr/guides/x/#a`` in ``fr/guides/x.mdx``) is the same link as
    ``#a``. ``base``: the linking file's folder, which a relative link is read from,
    and ``home`` the folder it is written from then (the source's): ``../../../lessons/x``
    in ``translations/de/lessons/`` is the source's ``x`` in ``lessons/``. ``roots``:
    the trees the linking file and the source file mirror (``mirror_roots``)."""
    m = _URL.match(url.strip())
    host, rest = (m.group("host") or "").lower(), m.group("rest")
    # "www.x.org/" and "x.org/index.html" are one page: the server answers both.
    host = host.removeprefix("www.")
    labels = host.split(".")
    if len(labels) > 2 and is_language(labels[0], languages):
        return ".".join(labels[1:])
    if len(labels) > 3 and any(_names_language(x, languages) for x in labels[1:-2]):
        # A version of the site in the reader's language under a label of its own
        # (v3.ja.vuejs.org, v3.cn.vuejs.org for v3.vuejs.org): the same pages.
        host = ".".join([labels[0], *(x for x in labels[1:-2] if not _names_language(x, languages)), *labels[-2:]])
    path, _, query = rest.partition("?")
    path = _INDEX.sub("/", path) if host else path
    if host in ("youtu.be", "m.youtube.com") and path.strip("/"):
        # YouTube's short and mobile links are its watch page's.
        if host == "youtu.be":
            path, query = "/watch", "&".join(q for q in (f"v={path.strip('/')}", query) if q)
        host = "youtube.com"
    if not host and path and not path.startswith("/") and ":" not in path.split("/")[0]:
        path = _from_home(path, base, home, languages, roots)
    if not host and "/../" in path:
        # "../Turkish/../20_Day/x.md" is "../20_Day/x.md": resolved before a language
        # directory is taken out of it.
        import posixpath

        path = ("./" if path.startswith("./") else "") + posixpath.normpath(path)
    tree = host in _FORGES and _BLOB.match(path) is not None
    if tree:
        # A file in a repository's tree on its default branch is the repository's
        # file: the root's README is its page ("o/r/blob/main/README-de.md" is "o/r").
        path = _BLOB.sub(r"\1", path)
    kept = [_unsuffixed(p, languages) for p in path.split("/") if not is_language(p, languages)]
    if (not host or tree) and kept:
        kept = _page_file(kept, languages)
    path = "/".join(kept).rstrip("/") or ("/" if path.startswith("/") else "")
    if not host and page and path.startswith("/"):
        parts = page_parts(path, languages)
        if parts and page[-len(parts):] == parts:
            return ""
    query = "&".join(q for q in query.split("&")
                     if q and not is_language(q.partition("=")[2], languages) and not q.startswith("utm_"))
    return (host + ("/" if host and not path.startswith("/") else "") + path
            + ("?" + query if query else ""))


def as_written(urls, target: str, languages: frozenset[str], page) -> str:
    """The first of a cell's ``urls`` whose target is ``target``, as its file writes it
    (the target has its language and folder taken out: "../docs/b.md" is "docs/b.md")."""
    return next((u for u in urls if link_target(u, languages, *page) == target), target) or "(empty)"


def _from_home(path: str, base: str, home: str, languages: frozenset[str], roots=("", "")) -> str:
    """A relative link read from ``base`` and written from ``home``, the languages
    taken out of both folders (``docs/fr/docs/`` and ``docs/en/docs/`` are one);
    as it is where the two are one folder and it has no dot segments. A link that stays
    in the tree the file mirrors (``roots``) reaches the source tree's page there."""
    import posixpath

    def bare(folder: str) -> str:
        return "/".join(p for p in folder.split("/") if p and not is_language(p, languages))

    if base == home and not path.startswith(("./", "../")) and "/./" not in path and "/../" not in path:
        return path
    # Resolved, not compared as written: "../docs/guide.md" in de/ and "./docs/guide.md"
    # in the root are one file, and so are "../es/" in de/ and "./es/" in the root.
    joined = posixpath.normpath(posixpath.join(base, path))
    own, source = roots
    if own and (joined == own or joined.startswith(own + "/")
                or any(is_language(p, languages) for p in joined.split("/"))):
        # Read against the source's tree, above its root too while the path stays in
        # the language's folder: the site publishes each tree at an address of its own,
        # so "../common/x" climbs out of both alike. A path that leaves the language's
        # folder ("de/../docs/guide.md") is a file of the repository.
        joined = posixpath.normpath(posixpath.join(source, posixpath.relpath(joined, own)))
    joined = bare(joined)
    return posixpath.relpath(joined or ".", bare(home) or ".")


def mirror_roots(path: str, home: str, languages: frozenset[str]) -> tuple[str, str]:
    """The roots of the two trees a translation's file and the source's (``home``)
    mirror, where the translation's is a tree of its language and not the source's:
    a site generator publishes both at one address, so a relative link means the
    same page in either (Docusaurus: ``i18n/de/docusaurus-plugin-content-docs/current/``
    mirrors ``docs/``). ("", "") where the file sits in no such tree: a forge reads
    ``translations/README-de.md``'s links from ``translations/``."""
    own, theirs = path.replace("\\", "/").split("/")[:-1], home.replace("\\", "/").split("/")[:-1]
    while own and theirs and own[-1] == theirs[-1]:
        own, theirs = own[:-1], theirs[:-1]
    if own == theirs or not any(is_language(p, languages) for p in own):
        return "", ""
    return "/".join(own), "/".join(theirs)


_INDEX = re.compile(r"/index\.html?$", re.IGNORECASE)
_SUFFIXED = re.compile(r"^(.+?)[-_]([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)$")


def _unsuffixed(part: str, languages: frozenset[str]) -> str:
    """A path segment without a language or its country after a hyphen, as sites name
    a page's translation: ``radio-cn`` beside ``radio`` for zh-CN, ``guide_fr``."""
    m = _SUFFIXED.match(part)
    if m is None:
        return part
    code = m.group(2).lower().replace("_", "-")
    regions = {tag.rsplit("-", 1)[1].lower() for tag in languages if "-" in tag}
    return m.group(1) if is_language(code, languages) or code in regions else part


def page_parts(path: str, languages: frozenset[str]) -> tuple[str, ...]:
    """The names of a page's file path or URL path without languages and suffix; an
    index page is named by its directory."""
    parts = [p.lower() for p in path.replace("\\", "/").split("/")
             if p and not is_language(p, languages)]
    if parts:
        parts[-1] = parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1]
    while parts and parts[-1] in ("index", "_index", "readme"):
        parts.pop()
    return tuple(parts)


def localised_sites(segments, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The sites of the cell's absolute links that name the cell's own language
    (``developer.mozilla.org/fr/docs/…``, ``semver.org/lang/de/``, ``cn.vite.dev`` for
    zh-CN): the site's own version of the page in that language, whose path the site
    chooses (MDN's French pages sit under other names than its English ones). Also the
    host labels that name the language."""
    own = _language_codes_of(lang)
    tag = lang.lower().replace("_", "-")
    labels = own | ({tag.rsplit("-", 1)[1]} if "-" in tag else set())
    sites = set()
    for seg in segments:
        for url in seg.urls:
            m = _URL.match(url.strip())
            host = (m.group("host") or "").lower()
            path, _, query = m.group("rest").partition("?")
            # A store's or a site's country in the path or the query
            # (``apps.apple.com/cn/app/…``, ``?locale=cn``) names the language
            # most spoken there (CLDR): the page for the reader's country.
            parts = path.split("/") + [q.partition("=")[2] for q in query.split("&")]
            if host and (_site(host, labels) != host
                         or any(is_language(p, own) or _country_of(p, lang) for p in parts)):
                sites.add(_site(host, labels))
            elif host and _local_host(host, labels, lang):
                sites.add(_LOCAL + host)
    return frozenset(sites), frozenset(labels)


_LOCAL = "local:"


def _names_language(label: str, languages: frozenset[str]) -> bool:
    """A host label that is one of the group's languages, or a country whose most spoken
    language is one of them (``cn`` for Chinese)."""
    return is_language(label, languages) or any(_country_of(label, lang) for lang in languages)


def _country_of(part: str, lang: str) -> bool:
    """Whether a two-letter ``part`` is a country whose most spoken language is
    ``lang``'s."""
    from transcheck.langdata import region_language

    if len(part) != 2 or not part.isalpha():
        return False
    spoken = region_language(part.lower())
    return bool(spoken) and base_language(spoken) == base_language(lang)


def _local_host(host: str, labels: frozenset[str], lang: str) -> bool:
    """A site of the language's own community, named by its country's domain or a
    part of its name: ``vite-docs.ru`` and ``pinia-ru.netlify.app`` for Russian,
    ``cn.vuejs.org`` for Chinese (the country CLDR gives the language most likely)."""
    from transcheck.langdata import region_language

    base = base_language(lang)
    names = host.split(".")
    pieces = [piece for name in names[:-1] if "-" in name for piece in name.split("-")]
    for label in [names[-1], names[0], *pieces]:
        if label in labels:
            return True
        spoken = region_language(label) if len(label) == 2 else None
        if spoken and base_language(spoken) == base:
            return True
    return False


def _site(host: str, labels: frozenset[str]) -> str:
    parts = host.split(".")
    return ".".join(parts[1:]) if len(parts) > 2 and parts[0] in labels else host


def unlocalised(ours: list[str], theirs: list[str], localised) -> tuple[list[str], list[str]]:
    """``ours`` and ``theirs`` without the pairs that are one page on a localised site:
    a link of ours to a site where the cell links to its language's version, matched
    with a link of theirs to the same site."""
    # A site in the reader's language where the others link the same site in another
    # language the group lacks ("fr.wikipedia.org" for "en.wikipedia.org/wiki/…" where
    # the source is not checked): the language's own article on it.
    pairs = [(u, t) for u in ours for t in theirs if _in_language(t, u)]
    for u, t in pairs:
        if u in ours and t in theirs:
            ours, theirs = [x for x in ours if x != u], [x for x in theirs if x != t]
    sites, labels = localised
    if not sites:
        return ours, theirs
    theirs = list(theirs)
    kept = []
    for u in ours:
        host = u.split("/", 1)[0]
        site = _site(host, labels)
        match = next((t for t in theirs if site in sites
                      and _site(t.split("/", 1)[0], labels) == site), None)
        if match is None and _LOCAL + host in sites:
            # The community's site has its own paths: it stands for any page of theirs.
            match = next((t for t in theirs if t.split("/", 1)[0] and t.split("/", 1)[0] != host), None)
        if match is None:
            kept.append(u)
        else:
            theirs.remove(match)
    return kept, theirs


def _in_language(url: str, host: str) -> bool:
    """Whether ``url`` is a page of ``host`` (a bare host) under a language's label."""
    from transcheck.read.languages import normalise_tag

    label, dot, rest = url.split("/", 1)[0].partition(".")
    return bool(dot) and rest == host and "." in rest and len(label) in (2, 3) and normalise_tag(label) is not None


def targets(segs: dict, lang: str, languages, pages) -> set[str]:
    return {link_target(u, languages, *pages[lang]) for x in segs[lang] for u in x.urls}


def linked_elsewhere(view, dev, target: str, languages, pages, linked) -> bool:
    """Whether the documents that agree link to ``target`` elsewhere: then this row
    pairs two entries of one list (entries that recur under several headings, or a
    reordered list), not a wrong link. Only a target none of them has is a wrong one."""
    for lang in dev.agree:
        if lang not in linked:
            linked[lang] = {link_target(u, languages, *pages[lang])
                            for s in view.documents[lang].segments for u in s.urls}
        if target in linked[lang]:
            return True
    return False


def _page_file(parts: list[str], languages: frozenset[str]) -> list[str]:
    """A link to a page file with the language taken out of its name and the
    directory's own page named by its directory: ``heap/README.pt-BR.md`` and
    ``heap/README-de.md`` (the translated page a translation links to) are ``heap``,
    as the source's link has it."""
    stem, dot, suffix = parts[-1].rpartition(".")
    if not dot or suffix.lower() not in _PAGE_SUFFIXES:
        return parts
    name, dot, code = stem.rpartition(".")
    if dot and is_language(code, languages):
        stem = name
    # README-de.md, guide_fr.md; and the translation's own file named in its own case
    # ("minicpm-v4_sglang_zh.md" for "MiniCPM-v4_sglang.md"): page names in lower case.
    stem = _unsuffixed(stem, languages).lower()
    if stem in ("readme", "index", "_index"):
        return parts[:-1] or [""]
    # "page.md" and "page" are one page to VitePress, Docusaurus and Starlight.
    return parts[:-1] + [stem]


_FORGES = frozenset({"github.com", "gitlab.com", "codeberg.org"})
# The default branch only: a link to a tag or another branch is another version.
_BLOB = re.compile(r"^(/[^/]+/[^/]+)/(?:-/)?(?:blob|tree)/(?:main|master)(?=/|$)")
_PAGE_SUFFIXES = frozenset({"md", "mdx", "markdown", "html", "htm"})


def _language_codes_of(lang: str) -> frozenset[str]:
    lang = lang.lower().replace("_", "-")
    return frozenset((lang, base_language(lang)))


def is_language(part: str, languages: frozenset[str]) -> bool:
    part = part.lower().replace("_", "-")
    if part in languages:
        return True
    return bool(_LANGUAGE_TAG.match(part)) and base_language(part) in languages
