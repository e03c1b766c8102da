"""Jekyll's Liquid tags and kramdown's attribute lists, which GitHub Pages sites write
in their Markdown and CommonMark does not know.

- ``[text]({% link en/news/x.md %})``, ``({% post_url 2024-01-01-x %})`` and
  ``{{ site.url }}`` or ``{{ site.baseurl }}`` before a path: a link to that path,
  which CommonMark reads only once the tag is the path (a target with spaces is no
  link);
- ``{% comment %}`` … ``{% endcomment %}``: a note to translators, no page text;
- ``{: #id}``, ``{:.class}`` alone on a line: a kramdown attribute list, no text.

``{% highlight %}`` blocks are code, read with Hugo's ``{{< highlight >}}`` in
``blocks``.
"""

from __future__ import annotations

import re

# A link's target that is a Liquid tag naming a page, or a site variable before a path.
_TAG_TARGET = re.compile(r"\{%-?[ \t]*+(?:link|post_url)[ \t]++([^\s%{}]++)[ \t]*+-?%\}")
_SITE_URL = re.compile(r"\{\{-?[ \t]*+site\.(?:url|baseurl)[ \t]*+-?\}\}")
_COMMENT = re.compile(r"^\{%-?\s*comment\s*-?%\}$")
_COMMENT_END = re.compile(r"^\{%-?\s*endcomment\s*-?%\}$")
_ATTRIBUTES = re.compile(r"^\{:[^{}\n]*+\}$")
_MAX_COMMENT_LINES = 200


def links(line: str) -> str:
    """The line with its Liquid link tags and site variables as the paths they stand for."""
    if "{%" in line:
        line = _TAG_TARGET.sub(lambda m: permalink(m[1], m[0]), line)
    if "{{" in line:
        line = _SITE_URL.sub("", line)
    return line


def permalink(path: str, tag: str = "") -> str:
    """The site path Jekyll gives a page or a post, as a translation that writes the
    link out spells it: ``en/news/_posts/2026-04-21-x.md`` is
    ``/en/news/2026/04/21/x/``, ``en/about/index.md`` ``/en/about/`` and
    ``en/about/faq.md`` ``/en/about/faq/`` (pretty permalinks)."""
    folder, _, name = path.lstrip("/").rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if "post_url" in tag:
        folder, _, name = f"_posts/{path}".rpartition("/")
        stem = name
    if folder.endswith("_posts") and (m := _POST.match(stem)):
        return "/" + folder.removesuffix("_posts") + "/".join(m.groups()) + "/"
    return "/" + (f"{folder}/" if folder else "") + ("" if stem == "index" else f"{stem}/")


_POST = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


def hidden(s: str, i: int, out: list[str]) -> int:
    """The lines a kramdown attribute list or a Liquid comment on line ``i`` (stripped:
    ``s``) takes, blanked; 0 when it is neither (or a comment does not end within a
    bound, then read as any)."""
    if _ATTRIBUTES.match(s):
        out[i] = ""
        return 1
    if not _COMMENT.match(s):
        return 0
    for j in range(i + 1, min(len(out), i + _MAX_COMMENT_LINES)):
        if _COMMENT_END.match(out[j].strip()):
            out[i:j + 1] = [""] * (j + 1 - i)
            return j + 1 - i
    return 0
