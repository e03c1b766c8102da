"""Placeholders and markup tags inside a resource string, of every common syntax.

A value such as ``Delete {count, plural, one {# file} other {# files}} in <b>%1$s</b>``
is split into what a program fills in or renders (placeholders, tags, ICU arguments with
their plural and select branches) and the text a translator writes. Keyed formats
give rules the text with the tokens taken out (``Segment.text``) and the value as
written (``Segment.raw``); the placeholder and tag checks compare the tokens.

Syntaxes: ``{{name}}`` (i18next, vue-i18n), ``{name}`` and ``{0}`` (ICU MessageFormat,
FormatJS, .NET, Java), ``{}`` filled by position (easy_localization, SLF4J; also right after a word,
not after a ``\\command``), vue-i18n's literal ``{'|'}`` (its characters, no
placeholder), ICU ``{n, plural|select|selectordinal, ...}`` with branches and
``#``, ``${name}``, ``%{name}`` (Rails), ``$NAME$`` (Chrome), printf ``%s``, ``%1$s``,
``%(name)s``, ``%@``, ``%lld``, Qt ``%1``; tags ``<b>``, ``</b>``, ``<0>``, ``<br/>``,
``<link>``. One pass over the string, no backtracking pattern: linear in its length.

What is not a placeholder: ``% d`` (French "100 % de"), ``50%``, a lone ``{`` in text,
the dollar sign of ``${{amount}}`` (a price before i18next's ``{{amount}}``), printf's
``%%`` whatever follows it ("%1$d%%teljes"), the per cent sign Turkish writes before a
format field (``%{scale:.1f}``: a Rails name is an identifier).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# printf: no space flag (a percentage before a word is text), glibc's "I" (the locale's
# digits, Persian "%Id") and "'" (grouping) flags, Java's "," (grouping: "%,d"), a
# conversion letter.
_PRINTF = re.compile(r"%(?:(\d{1,2})\$)?(?:\(([A-Za-z_][\w.]*)\))?(?P<flags>[-+#0I',]{0,3})(?P<width>\d{1,3}|\*)?"
                     r"(?:\.\d{1,3})?(?:hh|h|ll|l|L|z|j|t|q)?(?P<conversion>[sdifuxXoeEgGcp@])")
_QT = re.compile(r"%(\d{1,2})(?![\d$])")
_DOLLAR = re.compile(r"\$\{([^{}\s]{1,64})\}|\$([A-Za-z][A-Za-z0-9_]{0,63})\$")
_PERCENT_BRACE = re.compile(r"%\{([A-Za-z_][\w.]{0,63})\}")
_PERCENT_SIGN = re.compile(r"%%")
_RAILS_NAME = re.compile(r"[A-Za-z_][\w.]*+")
# A name between percent signs (%price%, %count%), not printf's "%p" before "rice%";
# "%ld%%" is printf and a literal percent sign.
_PERCENT_NAME = re.compile(r"(?<!%)%([A-Za-z_][A-Za-z0-9_]{1,63})%(?!%)")
_TAG = re.compile(r"<(/?)([A-Za-z0-9][\w.:-]{0,30})((?:\s[^<>]{0,300})?)(/?)>")
_PLURAL_KINDS = ("plural", "select", "selectordinal")
_TAG_WITH_ARGS = re.compile(r"<[A-Za-z][\w.:-]{0,30}\s[^<>]{0,300}>")
_ARG = re.compile(r"\{[^{}<>]{1,64}\}")
_URL_RUN = re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,20}+://[^\s<>\"']++")
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")
# Elements that never close: "<br>" and "<br/>" are one tag.
VOID = frozenset({"br", "hr", "img", "input", "wbr", "x", "bx", "ex", "ph"})
# Names that are markup wherever they appear; any other "<name>" is markup only when
# its value closes it too ("<link>…</link>"): "<your id>" in a hint is text.
HTML = frozenset({"a", "b", "i", "u", "s", "p", "em", "strong", "small", "big", "sup", "sub", "code", "span",
                  "font", "li", "ul", "ol", "tt", "strike", "div", "h1", "h2", "h3", "h4", "h5", "h6", "xliff:g",
                  "g", "pc", "mrk", "annotation", "kbd", "abbr", "mark", "q", "cite", "del", "ins"}) | VOID


@dataclass(frozen=True)
class Token:
    kind: str  # "placeholder", "tag", "plural" (an ICU plural/select argument)
    name: str  # what must match across languages: "{count}", "%1$s", "<b>", "</b>"
    text: str  # as written


@dataclass(frozen=True)
class Parsed:
    tokens: tuple[Token, ...]
    text: str  # the translatable text, tokens taken out, spaces collapsed
    malformed: str = ""  # why the syntax is broken ("unclosed {"), "" when it is not
    # ICU plural/select arguments: (argument, "plural"/"select"/"selectordinal",
    # selectors) in order.
    # (argument, plural or select, its selectors, each selector's text as written)
    branches: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = ()


@lru_cache(maxsize=65536)  # every keyed check parses the values it compares
def parse(value: str) -> Parsed:
    """The tokens and the text of one resource value."""
    tokens: list[Token] = []
    text: list[str] = []
    branches: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = []
    malformed = _braces(value, 0, len(value), tokens, text, branches, depth=0)
    plain = "".join(text)
    if any(t.kind == "tag" for t in tokens):
        tokens = _markup_only(tokens, text)
        plain = "".join(text)
    return Parsed(tuple(tokens), " ".join(plain.split()), malformed, tuple(branches))


def _markup_only(tokens: list[Token], text: list[str]) -> list[Token]:
    """The tokens less angle-bracketed words that are no markup (put back in the text)."""
    names = {t.name.strip("</>") for t in tokens if t.kind == "tag" and t.name.startswith("</")}
    out = []
    for t in tokens:
        bare = t.name.strip("</>")
        if t.kind == "tag" and not (bare in HTML or bare.isdigit() or t.name.endswith("/>") or bare in names):
            text.append(" " + t.text)
            continue
        out.append(t)
    return out


def _braces(value: str, start: int, end: int, tokens, text, branches, depth: int) -> str:
    """Scan ``value[start:end]``: literal text (with printf, tags... inside) goes to
    ``text``, brace arguments to ``tokens``. Returns why it is malformed, or ""."""
    i = start
    last = start
    malformed = ""
    while i < end:
        ch = value[i]
        if ch == "<" and (tag := _TAG_WITH_ARGS.match(value, i, end)) and "{" in tag.group():
            # An argument inside a tag's attribute (<a href="{0}">): the tag is one tag,
            # and its arguments are arguments.
            _flat(value[last:i], tokens, text)
            _flat(_ARG.sub("x=x", tag.group()), tokens, text)  # "<a {href}>" is a tag too
            for arg in _ARG.finditer(value, i, tag.end()):
                malformed = _argument(value, arg.start() + 1, arg.end() - 1, tokens, text, branches, depth) or malformed
            i = last = tag.end()
            continue
        if ch == "{":
            # "${{amount}}" is a dollar sign before i18next's {{amount}}, which French
            # writes "{{amount}} $": a sigil before a double brace is text.
            sigil = value[i - 1] if i > last and value[i - 1] in "$%" and value[i + 1:i + 2] != "{" else ""
            close = _matching(value, i, end)
            if sigil == "%" and close > 0 and not _RAILS_NAME.fullmatch(value[i + 1:close].strip()):
                sigil = ""  # Turkish "%{scale:.1f}": a per cent sign before a format field
            _flat(value[last:i - len(sigil)], tokens, text)
            if close > 0 and sigil:  # ${name} (JavaScript, vue-i18n), %{name} (Rails)
                name = value[i + 1:close].strip()
                _placeholder(tokens, text, sigil + "{%s}" % name, value[i - 1:close + 1])
                i = last = close + 1
                continue
            if close < 0:
                malformed = malformed or "an unclosed “{”"
                text.append(value[i:end])
                return malformed
            if value.startswith("{{", i) and close - 1 > i + 1 and value[close - 1] == "}":
                name = value[i + 2:close - 1].split(",")[0].strip()
                _placeholder(tokens, text, "{{%s}}" % name, value[i:close + 1])
            else:
                malformed = _argument(value, i + 1, close, tokens, text, branches, depth) or malformed
            i = last = close + 1
            continue
        if ch == "}":
            _flat(value[last:i], tokens, text)
            malformed = malformed or "a “}” that closes nothing"
            i = last = i + 1
            continue
        if ch == "'" and value.startswith(("'{'", "'}'"), i) and i + 3 <= end:
            # A brace in quotes ("Unbalanced '{' at line %0"): MessageFormat's literal.
            _flat(value[last:i], tokens, text)
            text.append(value[i:i + 3])
            i = last = i + 3
            continue
        if ch == "'" and depth and i + 1 < end and value[i + 1] in "{}#":
            # ICU quoting inside a plural branch: '{' is a literal brace.
            close = value.find("'", i + 1, end)
            if close > 0:
                _flat(value[last:i], tokens, text)
                text.append(value[i + 1:close])
                i = last = close + 1
                continue
        if ch == "#" and depth:
            _flat(value[last:i], tokens, text)
            i = last = i + 1
            continue
        i += 1
    _flat(value[last:end], tokens, text)
    return malformed


def _matching(value: str, open_at: int, end: int) -> int:
    level = 0
    for j in range(open_at, end):
        c = value[j]
        if c == "{":
            level += 1
        elif c == "}":
            level -= 1
            if level == 0:
                return j
    return -1


def _command(value: str, brace: int) -> bool:
    """Whether the brace at ``brace`` follows a backslash command (``\\cmd{``, ``\\{``)."""
    i = brace
    while i > 0 and value[i - 1].isascii() and value[i - 1].isalpha():
        i -= 1
    return i > 0 and value[i - 1] == "\\"


# No argument's name has a bracket or a quotation mark ("!" stays: Python's "{name!r}").
_NOT_NAME = re.compile(r"[\[\]()<>\"|;«»]")


def _argument(value: str, start: int, close: int, tokens, text, branches, depth: int) -> str:
    """An ICU argument ``{name}``, ``{name, type, style}`` or ``{name, plural, one {...}}``."""
    body = value[start:close]
    if not body and not depth and not _command(value, start - 1):
        # "{}": filled by position (easy_localization, SLF4J, Python's str.format),
        # also after a word ("h{}", "次の請求日は{}"); not the braces of a command
        # ("\\superscript{}").
        _placeholder(tokens, text, "{}", "{}")
        return ""
    if len(body) >= 2 and body[0] == body[-1] == "'" and not depth:
        # vue-i18n's literal interpolation: {'|'} and {'@'} print the characters.
        text.append(body[1:-1])
        return ""
    head, comma, rest = body.partition(",")
    name = head.strip()
    if not name or "{" in head or len(name) > 64 or " " in name or _NOT_NAME.search(name):
        # Braces around text ("{ and }" in prose, JSON in a message, "{[(Скобки)]}"):
        # not an argument.
        text.append(value[start - 1:close + 1])
        return ""
    kind, _, tail = rest.partition(",")
    kind = kind.strip()
    if comma and kind in _PLURAL_KINDS:
        tokens.append(Token("plural", "{%s}" % name, value[start - 1:close + 1]))
        selectors, bodies = [], []
        j = start + len(head) + 1 + len(rest) - len(tail)
        malformed = ""
        while j < close:
            while j < close and value[j].isspace():
                j += 1
            if j >= close:
                break
            k = j
            while k < close and not value[k].isspace() and value[k] != "{":
                k += 1
            selector = value[j:k]
            while k < close and value[k].isspace():
                k += 1
            if k >= close or value[k] != "{":
                return "an ICU branch without “{…}”"
            stop = _matching(value, k, close)
            if stop < 0:
                return "an unclosed ICU branch"
            if not selector.startswith("offset:"):
                selectors.append(selector)
                bodies.append(value[k + 1:stop].strip())
            text.append(" ")
            malformed = _braces(value, k + 1, stop, tokens, text, branches, depth + 1) or malformed
            text.append(" ")
            j = stop + 1
        branches.append((name, kind, tuple(selectors), tuple(bodies)))
        return malformed
    # A format spec or conversion ({count:L}, {value:.2f}, {name!r}) formats the same
    # argument: the argument is what must match.
    _placeholder(tokens, text, "{%s}" % (re.split(r"[:!]", name, maxsplit=1)[0] or name),
                 value[start - 1:close + 1])
    return ""


def _placeholder(tokens: list[Token], text: list[str], name: str, written: str) -> None:
    """A placeholder's token, and a space in the text where it stood: "'%1$s'" leaves
    "' '", not "''", which reads as a double quotation mark."""
    tokens.append(Token("placeholder", name, written))
    text.append(" ")


def _flat(chunk: str, tokens: list[Token], text: list[str]) -> None:
    """Literal text between brace arguments: printf, ``${x}``, ``$X$``, ``%{x}`` and tags."""
    if not chunk:
        return
    if "%" not in chunk and "$" not in chunk and "<" not in chunk:
        text.append(chunk)
        return
    found = []
    for pattern, kind in ((_PRINTF, "printf"), (_PERCENT_BRACE, "rails"), (_PERCENT_NAME, "percent"),
                          (_DOLLAR, "dollar"), (_TAG, "tag"), (_QT, "qt"), (_PERCENT_SIGN, "literal")):
        for m in pattern.finditer(chunk):
            if kind == "tag" and (words := m.group(3).strip().rstrip("/")) and "=" not in words \
                    and not _PRINTF.search(words):
                continue  # "<U destinatariu hè scunnisciutu>": words in angle brackets
            if kind == "printf" and m.start() and chunk[m.start() - 1].isdigit() \
                    and chunk[m.end():m.end() + 1].isalpha():
                continue  # a per cent with its word's ending ("100%ige", "100%-os"), no argument
            if kind == "printf" and "0" in m.group("flags") and not m.group("width"):
                # Zero padding without a width pads nothing: "%0'den", "%0-feltet" and
                # "%0s" are a numbered "%0" before a word's ending (JabRef, Qt).
                continue
            found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda f: (f[0], -f[1]))
    printf_at = {f[0] for f in found if f[2] == "printf"}
    urls = [m.span() for m in _URL_RUN.finditer(chunk)] if "://" in chunk else []
    pos = 0
    unnumbered = 0
    for start, stop, kind, m in found:
        if start < pos:
            continue  # inside a token already taken ("%1$s" is no Qt "%1")
        if kind == "percent" and stop - 1 in printf_at:
            continue  # "%dx%d": two printf numbers, not a name between percent signs
        if urls and chunk[start] == "%" and _HEX2.match(chunk, start + 1) and any(a <= start < b for a, b in urls):
            continue  # percent-encoding in a URL ("Beginners%27_guide", "%C3%A9")
        text.append(chunk[pos:start])
        written = chunk[start:stop]
        if kind == "literal":
            text.append("%")  # printf's "%%": a per cent sign, whatever follows ("%1$d%%teljes")
        elif kind == "tag":
            close, name, attrs, selfclosing = m.groups()
            name = name.lower()
            selfclosing = selfclosing or attrs.rstrip().endswith("/")  # "<name />" is "<name/>"
            shape = f"<{name}/>" if selfclosing or name in VOID else f"</{name}>" if close else f"<{name}>"
            tokens.append(Token("tag", shape, written))
            text.append(" ")
            # Attributes a program fills ("<a %(a_attr)s>"): the tag's placeholders.
            for arg in _PRINTF.finditer(m.group(3)):
                number, named, conversion = arg.group(1), arg.group(2), arg.group("conversion").replace("i", "d")
                unnumbered += 0 if number or named else 1
                name = f"%({named}){conversion}" if named else f"%{number or unnumbered}${conversion}"
                tokens.append(Token("placeholder", name, arg.group()))
        elif kind == "printf":
            number, named, conversion = m.group(1), m.group(2), m.group("conversion")
            if conversion == "i":
                conversion = "d"
            if named:
                name = f"%({named}){conversion}"
            else:
                unnumbered += 0 if number else 1
                name = f"%{number or unnumbered}${conversion}"
            _placeholder(tokens, text, name, written)
        elif kind == "dollar":
            name = "${%s}" % m.group(1) if m.group(1) else "$%s$" % m.group(2).lower()
            _placeholder(tokens, text, name, written)
        elif kind == "rails":
            _placeholder(tokens, text, "%%{%s}" % m.group(1), written)
        elif kind == "percent":
            _placeholder(tokens, text, "%%%s%%" % m.group(1).lower(), written)
        else:
            _placeholder(tokens, text, f"%{m.group(1)}", written)
        pos = stop
    text.append(chunk[pos:])


def mask(value: str) -> str:
    """The text of a value, placeholders and tags taken out."""
    return parse(value).text
