"""A link target as the translations of a page keep it, so that two cells linking to
one page are seen to, whatever language directory or suffix the link names."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?")


def link_key(url: str, languages: frozenset[str] = frozenset()) -> str:
    """A link target as translations keep it: without scheme, ``www.``, fragment,
    query and trailing slash, and without the parts that name one of ``languages``
    (a path component ``fr``, ``pt-br``, a subdomain ``fr.``, a ``README-fr.md``) and
    the host's top-level domain.
    A link to a fragment of the page itself is none: sites make ids from the
    heading's text, which is translated."""
    url = url.strip().split("#", 1)[0].split("?", 1)[0]
    if not url:
        return ""
    url = _SCHEME.sub("", url.casefold()).rstrip("/")
    if not languages:
        return url
    parts = [p for p in url.split("/") if p not in languages]
    if parts and "." in parts[0]:
        host = parts[0].split(".")
        if len(host) > 2 and host[0] in languages:
            host = host[1:]
        parts[0] = site_name(".".join(host))
    return "/".join(_LANG_SUFFIX.sub("", p) if languages else p for p in parts)


def site_name(host: str) -> str:
    """A host without its top-level domain: a site's country versions are the site
    ("leetcode.cn" and "leetcode.com" are "leetcode", "amazon.co.jp" is "amazon")."""
    names = host.split(".")
    if len(names) > 2 and names[-2] in _SECOND_LEVEL and len(names[-1]) == 2:
        names.pop()
    return ".".join(names[:-1]) if len(names) > 1 else host


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})
_LANG_SUFFIX = re.compile(r"[-_.](?:[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?=\.md$)")
