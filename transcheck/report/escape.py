"""Every string that leaves transcheck, made safe for where it goes.

File names and quoted document text come from whoever wrote the pull request. Each
destination has its own dangerous characters:

- every destination: a name that is not valid UTF-8 reaches Python as lone surrogates
  (``os.fsdecode``), which no encoder writes; it is shown as ``\\xff``;
- a terminal or CI log (text format, standard error): control characters, escape
  sequences and bidirectional overrides are shown as ``\\x1b``, ``\\n``, ``\\u202e``,
  and nothing may start a CI logging command (``::error``, ``##[``, ``##vso[``);
- GitHub workflow commands: the same, then GitHub's own percent-encoding;
- Markdown on GitHub: cell separators, inline syntax, raw HTML, and text that GitHub
  turns into links, mentions or cross-references (``@user``, ``#1``, URLs);
- HTML, XML and JSON escape their own syntax; they only need the surrogates gone
  (and XML the control characters it cannot carry);
- JSON inside an HTML ``<script>`` element (the HTML review's index): nothing that ends
  the element or opens a comment in it.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, lone surrogates, the bidirectional embeddings, overrides and
# isolates (which reorder what a reader sees), and the Unicode line and paragraph
# separators (which some terminals and viewers break lines at).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Azure Pipelines and GitHub's older syntax read a logging command anywhere in a line.
_LOG_COMMAND = re.compile(r"##(?=\[|vso\[)", re.IGNORECASE)


def _visible(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _surrogates(text: str) -> str:
    return re.sub("[\ud800-\udfff]", lambda m: _visible(m.group()), text)


def printable(text: str) -> str:
    """``text`` that any UTF-8 encoder writes: undecodable bytes of a file name as ``\\xff``."""
    if text.isascii():
        return text
    return _surrogates(text)


def terminal(text: str) -> str:
    """For a terminal or CI log, on one line: every control character, escape sequence,
    bidirectional override and undecodable byte made visible (``\\n``, ``\\x1b``,
    ``\\u202e``, ``\\xff``), no CI logging command anywhere, and none at the start."""
    return _one_line(text, line_start=True)


def _one_line(text: str, line_start: bool) -> str:
    text = _UNSAFE.sub(lambda m: _visible(m.group()), text)
    text = _LOG_COMMAND.sub(r"#\\x23", text)
    if line_start and text.lstrip().startswith("::"):
        # A GitHub runner reads a line that starts with "::" as a workflow command.
        text = text.replace("::", "\\x3a:", 1)
    return text


def github_data(text: str) -> str:
    """The message of a workflow command: controls visible as for a terminal except
    line breaks, which GitHub decodes from %0D and %0A (and %25 for '%')."""
    parts = re.split(r"([\r\n])", text)
    text = "".join(p if p in ("\r", "\n") else _one_line(p, line_start=False) for p in parts)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command: additionally ':' and ',' end a value."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# Inside a table cell only inline syntax matters: emphasis, code, links, HTML tags and
# entities, cell separators, strikethrough and GitHub's $math$.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# Words GitHub would turn into a link, a mention or a cross-reference: anything with
# '@' (users, teams, e-mail addresses), '#' (issues, owner/repo#1), a URL scheme or
# 'www.', GH-123, and hexadecimal words of seven or more characters (commits).
# A scheme without "//" ("https:evil.example") is linked by some renderers too.
_LINKISH = re.compile(r"[@#]|://|www\.|GH-\d|(?<![^\W_])(?:https?|ftp|mailto):", re.IGNORECASE)
_COMMIT_ID = re.compile(r"[0-9a-f]{7,40}", re.IGNORECASE)  # GitHub links a bare commit id


def markdown_text(text: str, cell: bool = True) -> str:
    """Plain text for Markdown on one line: inline syntax and HTML inert; words GitHub
    would link, mention or cross-reference are shown in code spans, where it does not."""
    words = terminal(text.replace("\t", " ")).split()
    return " ".join(
        markdown_code(w, cell) if _LINKISH.search(w) or _COMMIT_ID.fullmatch(w) else _MD_SPECIAL.sub(r"\\\1", w) for w in words
    )


def markdown_code(text: str, cell: bool = True) -> str:
    """An inline code span that its content cannot close: the fence is longer than any
    run of backticks inside. In a table cell '|' is escaped, as GitHub splits cells on
    it before it reads code spans."""
    text = terminal(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    if cell:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


def xml_chars(text: str) -> str:
    """Text XML 1.0 can carry: undecodable bytes as ``\\xff``, other control characters
    (except tab and newlines) and noncharacters as ``\\u0001``."""
    text = printable(text)
    return "".join(
        c if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c >= "\U00010000"
        else f"\\u{ord(c):04x}"
        for c in text
    )


def json_safe(value):
    """``value`` (dicts, lists, strings, numbers) with every string ``printable``."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(k) if isinstance(k, str) else k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


# JSON inside an HTML <script> ends at "</script" and may open a comment with "<!--";
# with '<', '>' and '&' as \u escapes neither can occur. U+2028 and U+2029 are line
# breaks to older JavaScript parsers.
_IN_ELEMENT = "<>&\u2028\u2029"
_IN_FILE = "\u2028\u2029"


def script_json(value, element: bool = True) -> str:
    """``value`` as JSON that an HTML ``<script>`` element carries as it is: strings
    ``printable``, and nothing in it can end the element. ``element=False``: for a
    JavaScript file of its own, where no HTML is parsed (and markup stays short)."""
    import json

    text = json.dumps(json_safe(value), ensure_ascii=False, separators=(",", ":"))
    for char in _IN_ELEMENT if element else _IN_FILE:
        if char in text:  # (str.replace is many times faster than a translate table)
            text = text.replace(char, f"\\u{ord(char):04x}")
    return text
