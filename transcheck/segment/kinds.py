"""Which segments are prose. Non-prose (file names, URLs, numbers, code) is never
language-checked: "cx-cs-part-of-whole-blog.png" is the same in every language by design,
and so is an identifier standing alone (a table cell "WINDOWS_CERTIFICATE_PASSWORD")."""

from __future__ import annotations

import re
import unicodedata

from transcheck.model import Kind

_IMAGE = re.compile(
    r"^\S*\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|ico|avif)\)?$", re.IGNORECASE
)
_FILE_NAME = re.compile(r"^[\w./\\{}-]+\.[A-Za-z0-9]{2,5}$")  # "{{datetime}}": a name a program fills
# A self-closing element standing alone: "<img src={require('/static/a.png').default} />".
_ELEMENT = re.compile(r"^<[A-Za-z][^<>]*+(?<=/)>$")
_URL = re.compile(r"^(?:<)?(?:https?://|ftp://|mailto:|www\.)\S+(?:>)?$", re.IGNORECASE)
# One identifier, the whole text: a command-line option (--log-prefix-name, -v, -Xmx2g;
# not "-Eigenschaften", the end of a German heading after its code),
# snake_case and SCREAMING_SNAKE_CASE, camelCase, dotted.names (in ASCII letters: a
# Japanese heading "Node.jsの問題の報告" is prose), lower-case kebab-case
# (with a digit: see _is_identifier), any of them called (). Anchored, so that a search
# over a long run of letters does not try again from each of them.
_IDENTIFIER = re.compile(
    r"^(?:--[a-z][\w.-]*+(?:=[^\s()]*+)?|-[A-Za-z](?![^\W\d_])[\w.-]*+"
    r"|[^\W_]++(?:_++[^\W_]++)++"
    r"|[a-z][a-z\d]*+[A-Z][A-Za-z\d]*+"
    r"|[A-Za-z_][A-Za-z0-9_]*+(?:\.[A-Za-z_][A-Za-z0-9_]*+)++"
    r"|(?P<kebab>[a-z][a-z\d]*+(?:-[a-z\d]++)++)"
    r"|\$\{?+[A-Za-z_]\w*+\}?+"  # an environment variable: $HELM_DRIVER, ${HOME}
    r")(?:\(\))?$"
)
# A type or call written out in a table cell without backticks: "function(page,
# pageSize)", "(value: string) => void", "'small' | 'large'", "Record<string, T>".
# What marks code is punctuation prose does not write: an arrow, a bar between
# terms, a bracket straight after a name (not a plural's "(s)"), an attribute given its
# value (a selector's [nzType="button"]); and no two words stand side by side with
# only a space between them, as prose's words do ("Save (default)").
_CODE_MARK = re.compile(r"=>|\w(?:\((?![a-z]{1,3}\))|[<\[])|[\w'\")\]>]\s*\|\s*[\w'\"(\[{]|\w=[\"']")
_PROSE_PAIR = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}+ [A-Za-z]{2}")
# Names of code standing alone: a PascalCase name with a capital inside
# ("ToolbarRenderInfoType"), and lists of package names ("react-color dnd-kit").
_PASCAL = re.compile(r"^[A-Z][a-z\d]++(?:[A-Z][A-Za-z\d]*+)++$")
_PACKAGE = re.compile(r"^@?[a-z][a-z\d]*+(?:[-./][a-z\d]++)++$")
# Letters of scripts written without spaces between words (and Hangul, which no name of
# code is written in): without a space, "部署mpi-example.yaml" is a sentence that ends in
# a file name, not a file name.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NUMBER = re.compile(r"^[\s\d.,:;%+\-−–/()#°€$£¥₹\u0660-\u0669\u06f0-\u06f9]+$")
# A version alone ("V1.2.1", "v2.0"): "1.2.1" with its mark, a figure either way.
_VERSION = re.compile(r"^[vV]\d++(?:\.\d++)++$")
# An exception as a program prints it: "ModuleNotFoundError: No module named 'x'",
# "java.lang.IllegalStateException: …", "RuntimeError: CUDA out of memory".
_RAISED = re.compile(r"^(?:[a-z_]\w{0,40}\.){0,8}[A-Z][A-Za-z0-9]{0,60}?(?:Error|Exception|Warning): \S")
# A date alone on its line, as release notes write one under each version: "April 1,
# 2019", "1 April 2019", "2019年4月1日". Its translation writes it in figures ("2019-04-01").
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_LINE = re.compile(rf"^(?:{_MONTH}\s++\d{{1,2}}(?:st|nd|rd|th)?,?\s++\d{{4}}|\d{{1,2}}\s++{_MONTH}\s++\d{{4}}"
                        r"|\d{4}\s*+年\s*+\d{1,2}\s*+月(?:\s*+\d{1,2}\s*+日)?)$", re.IGNORECASE)


def classify_line(text: str, default: Kind = Kind.PARAGRAPH, names: bool = True, one_name: bool = True) -> Kind:
    """``names``: whether a PascalCase name or a list of package names standing alone is
    code (in a table's cell); a heading "DevTools" is a title its translations may
    translate ("Outils Développeur"). ``one_name``: whether a PascalCase name alone is
    (a list's item "NodeConnection" is a term its translations may translate, "节点连接",
    and must stay prose to pair with them)."""
    stripped = text.strip()
    if _URL.match(stripped):
        return Kind.URL
    if _ELEMENT.match(stripped):
        return Kind.CODE  # an element alone, JSX in a .md page that Docusaurus reads as MDX
    if _IMAGE.match(stripped):
        return Kind.IMAGE
    if _NUMBER.match(stripped) or _DATE_LINE.match(stripped) or _VERSION.match(stripped):
        return Kind.NUMBER
    if _RAISED.match(stripped):
        return Kind.CODE  # a program's message as it prints it, which a translation keeps
    if " " not in stripped and not _UNSPACED.search(stripped) and (
            _FILE_NAME.match(stripped) or _is_identifier(stripped.removeprefix("[").removesuffix("]"))
            # A label of one identifier and its colon ("shardingItemParameters:").
            or _is_identifier(stripped.rstrip(":："))
            or _is_path(stripped)):
        return Kind.CODE
    if "," in stripped and all(_is_identifier(part.strip()) for part in stripped.split(",")):
        return Kind.CODE  # names of code listed ("regexMatch, mustRegexMatch"), in a heading too
    if _reference_line(stripped) or _digest_line(stripped):
        return Kind.CODE
    if stripped.isascii() and (_is_expression(stripped) or _is_command(stripped)
                               or (names and _is_name_list(stripped, one_name))):
        return Kind.CODE
    if names and _is_value(stripped):
        return Kind.CODE
    if not any(unicodedata.category(ch).startswith("L") for ch in stripped):
        return Kind.SYMBOLS
    return default


# A command line written as text, not in code markup: a token of it is an option (-s,
# --force), an assignment (if=/dev/urandom), a path (/etc/x, ./run), an identifier with
# an underscore, an operator of a shell or an argument's placeholder ("admins add
# <Username> <Password>"); a file name counts too, a number only towards the half.
_COMMAND_TOKEN = re.compile(r"^(?:--?[A-Za-z][\w-]*+|[^\s=]+=[^\s=]+|[.~]?/\S*+|[\w.-]*_[\w.-]*+|[|&;<>$]{1,2}"
                            r"|<[A-Za-z][\w-]*+>)$")
_COUNT = re.compile(r"^\d[\d.,]*[A-Za-z]{0,2}$")  # "2M", "2097152": part of a command, no sign of one
# SQL: a statement's verb with what it acts on ("create table", "select … from",
# "update x set"; "Create fruits … Join" is an exercise), with a keyword in capitals and
# its closing semicolon, or with a name of code in it (``Items_in_cart``, ``count(1)``).
_SQL = re.compile(r"^(?:select\b.+\bfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|(?:create|alter|drop)\s+"
                  r"(?:table|index|view|database|schema|trigger|function|procedure|unique|or\s+replace)"
                  r"|with\s+\w+\s+as\s*\()\b", re.IGNORECASE)
_SQL_NAME = re.compile(r"\w_\w|\w\(|\s=\s|\s\*\s")
# One token that is a path or a reference of code, standing alone (a table cell), from
# an environment variable too ("$HOME/Library/Caches/helm"):
# "/k8s-webhook-server/serving-certs", "fluxcd/helm-controller:v0.11.1", Go's
# "[]GarbageCollectPolicyRule".
_PATH_TOKEN = re.compile(r"^(?:\[\][A-Za-z][\w.]*+|\$?+[\w.@~{}-]*+(?:[/:][\w.@~{}-]++)++/?)$")


def _is_path(token: str) -> bool:
    """A path or a reference of code: rooted, of two separators or more, a Go type, or
    a repository, an annotation key or an issue ("intel/resource-drivers",
    "openfunction.io/revision-controller", "buildpacks/tekton-integration#31": one
    separator in lower case with a hyphen, dot or digit; "and/or", "Yes/No", "TCP/IP"
    and "km/h" are words)."""
    if _REPOSITORY.match(token) and any(c in "-.#0123456789" for c in token):
        return True
    return _PATH_TOKEN.match(token) is not None and any(c.isalpha() for c in token) and (
        token.startswith(("/", "~/", "./", "[]")) or sum(token.count(c) for c in "/:") >= 2)


_REPOSITORY = re.compile(r"^[a-z0-9][a-z0-9_.-]*+[/:][a-z0-9][\w.-]*+(?:#\d++)?$")


def _is_command(text: str) -> bool:
    """Half the tokens or more, two at least, are a command line's (``dd
    if=/dev/urandom of=a.txt bs=2MB``, ``truncate -s 2M new_file.txt``), or a SQL
    statement: with a keyword in capitals and its semicolon (``Select * from t CROSS
    JOIN o;``), or with a name of code in it (``Select Items_in_cart From Customers``)."""
    tokens = text.split()
    coded = sum(1 for t in tokens if _COMMAND_TOKEN.match(t) or _FILE_NAME.match(t))
    counts = sum(1 for t in tokens if _COUNT.match(t))
    if coded >= 2 and 2 * (coded + counts) >= len(tokens) and (
            tokens[0].isalpha() and tokens[0].islower() or _COMMAND_TOKEN.match(tokens[0])):
        return True
    return _SQL.match(text) is not None and (
        (text.endswith(";") and any(w.isupper() and len(w) > 2 for w in tokens)) or _SQL_NAME.search(text) is not None)


# What a table of a component's API holds without backticks: an object or array
# literal ("{ children: 'children' }", "['极差', '失望']"), a parameter list
# ("action: Action, index: number"), a CSS function ("linear-gradient(to right,
# #ff6034, #ee0a24)") and a list of three values or more ("primary / success / warning",
# "none, both, horizontal"), and an HTTP header with its value.
_LITERAL = re.compile(r"""^(?:\{(?=[^{}]*[:'"])[^{}]*+\}|\[(?=[^\[\]]*['"])[^\[\]]*+\])$""")
_PARAMS = re.compile(r"^[a-z_]\w*+\??: [\w.<>\[\]|]++(?:(?:, |，) ?+[a-z_]\w*+\??: [\w.<>\[\]|]++)++$")
_CALL = re.compile(r"^[a-z][\w-]*+\((?=[^()]*[,#\d])[^()]*+\)$")
# "Cache-Control: no-store": every part of the name capitalised ("CSS-in-JS: antd-style"
# is a list's label and its value, which a translation writes with its own colon).
_HEADER = re.compile(r"^[A-Z][A-Za-z0-9]*+(?:-[A-Z0-9][A-Za-z0-9]*+)++: [^\s:]++$")
_VALUES = re.compile(r"^[a-z][a-z0-9-]*+(?:(?P<sep> / |, )[a-z][a-z0-9-]*+)(?:(?P=sep)[a-z][a-z0-9-]*+)++$")


def _is_value(text: str) -> bool:
    return any(p.match(text) for p in (_LITERAL, _PARAMS, _CALL, _VALUES, _HEADER))


def _is_expression(text: str) -> bool:
    return (_CODE_MARK.search(text) is not None and _PROSE_PAIR.search(text) is None) or bool(_DECLARATION.match(text))


# A class declared: "NzTreeViewFlatDataSource extends DataSource", "Foo<T> implements Bar".
_DECLARATION = re.compile(r"^[A-Z]\w*+(?:<[^<>]*+>)?\s++(?:extends|implements)\s++[A-Z][\w.]*+(?:<[^<>]*+>)?$")


def pascal_name(text: str) -> bool:
    """One PascalCase name with a capital inside ("DevTools", "ToolbarRenderInfoType")."""
    return _PASCAL.match(text.strip()) is not None


def acronym_expanded(text: str) -> bool:
    """An acronym with its expansion, either way round: "SAML (Security Assertion Markup
    Language)", "JavaScript Object Notation (JSON)": the expansion's capitals spell it."""
    m = _EXPANDED.match(text.strip())
    if not m:
        return False
    acronym, words = (m["a1"], m["w1"]) if m["a1"] else (m["a2"], m["w2"])
    return "".join(ch for ch in words if ch.isupper()) == acronym


_EXPANDED = re.compile(r"^(?:(?P<a1>[A-Z]{2,8}) \((?P<w1>[A-Z][A-Za-z]*+(?: [A-Za-z]++){1,8})\)"
                       r"|(?P<w2>[A-Z][A-Za-z]*+(?: [A-Za-z]++){1,8}) \((?P<a2>[A-Z]{2,8})\))$")


# A generated API reference's lines: a request ("GET /apis/…/namespaces/{namespace}"), a
# field with a path or a package for its value ("apiVersion: policy.karmada.io/v1alpha1",
# "Pod: /spec/containers/<N>/image"), a field with its type and perhaps a word after it
# ("spec.selector.name (string)", "overall (map[string]Quantity)，必选").
# An MD5, SHA-1 or SHA-2 digest: 32 hexadecimal digits or more, whole.
_DIGEST = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,}+(?![0-9A-Za-z])")
_HTTP = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\S*+$")
# A key and a path ("path: /webhook/insert", "image: fluxcd/helm:v1"), written in ASCII:
# "field_mapping: 将输入源列的列名映射为顶点/边的属性名" is a name and its description.
_KEY_PATH = re.compile(r"^[\w.-]++: (?:/|[A-Za-z0-9_.-]++/)[!-~]*+$")
_FIELD = re.compile(r"^(?P<name>[A-Za-z_][\w.-]*+) ?[(（](?P<type>[^()（）\s]++)[)）](?:[,，] ?[^\s,，]{1,20})?$")


def _digest_line(text: str) -> bool:
    """A checksum and what it is of ("MD5 (ruby-1.8.7.tar.bz2) = f17f14c8…", "SHA256:
    de7d…"): its hexadecimal digests are half its characters or more."""
    digests = sum(len(d) for d in _DIGEST.findall(text))
    return digests > 0 and 2 * digests >= len(text) - text.count(" ")


def _reference_line(text: str) -> bool:
    if _HTTP.match(text) or _KEY_PATH.match(text):
        return True
    m = _FIELD.match(text)
    return m is not None and (_is_identifier(m["name"]) or any(c in m["type"] for c in "[]./*"))


def _is_name_list(text: str, one_name: bool = True) -> bool:
    """Names of code: one PascalCase name (where ``one_name``), or two or more package
    names (a single hyphenated word, "state-of-the-art", is prose)."""
    names = text.split()
    if len(names) == 1:
        return one_name and _PASCAL.match(text) is not None
    names = [n.rstrip(",") for n in names]  # "a/b:v2-11, a/b:v2-16": a list of images
    return all(_PACKAGE.match(n) or _is_identifier(n) or _is_path(n) for n in names)


def _is_identifier(text: str) -> bool:
    """A single identifier. Kebab-case needs a digit (sha256-digest, utf-8): words joined
    by hyphens ("up-to-date", "self-hosted") are prose in a cell as anywhere. A single
    word ("Password", "Yes", "API") is no identifier."""
    m = _IDENTIFIER.match(text)
    return m is not None and (m.group("kebab") is None or any(ch.isdigit() for ch in text))
