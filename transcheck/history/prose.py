"""Whether two versions of a Markdown file say the same in words: only link targets,
URLs, or the content of inline code and code blocks differ. Read on the raw text, line by line, so that
the history can ask it of every translation's last commit without segmenting both."""

from __future__ import annotations

import re

_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
# A link or image keeps its text: [text](target "title"), [text][ref], ![alt](src).
_LINK = re.compile(r"!?\[([^\[\]\n]*)\](?:\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|\[[^\[\]\n]*\])")
_AUTOLINK = re.compile(r"<[a-z][a-z0-9+.-]*:[^<>\s]*>", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://\S+", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"\b(?:href|src)\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*')", re.IGNORECASE)
_REFERENCE = re.compile(r"\s{0,3}\[[^\]\n]+\]:\s*\S+.*")
_SPACE = re.compile(r"\s+")


def prose(text: str) -> str:
    """The words of a Markdown text without code, URLs and link targets."""
    out = []
    fence = None
    for line in text.splitlines():
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            out.append(fence)  # a block added or removed is a change; its content is not
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if _REFERENCE.fullmatch(line):
            continue
        line = _INLINE_CODE.sub(" ` ", _LINK.sub(r"\1", line))
        for pattern in (_AUTOLINK, _URL, _ATTRIBUTE):
            line = pattern.sub(" ", line)
        out.append(line)
    return _SPACE.sub(" ", " ".join(out)).strip()


def same_prose(before: bytes, after: bytes) -> bool:
    return prose(before.decode("utf-8", "replace")) == prose(after.decode("utf-8", "replace"))
