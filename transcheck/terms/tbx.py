"""TBX (ISO 30042) glossaries: the 2019 form (conceptEntry / langSec / termSec / term)
and the older martif form (termEntry / langSet / tig or ntig / term).

Parsed with the standard library's expat-based ElementTree. The bytes are decoded
first, as an XML parser would (byte-order mark, UTF-16 without one, the encoding the
XML declaration names), and a document type declaration is refused in the decoded
text: a DTD is the only place entities are declared, so a glossary cannot expand into
gigabytes ("billion laughs") in any encoding, and expat never fetches external DTDs.
TBX needs no DTD: its schemas are RELAX NG and Schematron.
"""

from __future__ import annotations

import codecs
import re
from xml.etree import ElementTree as ET

from transcheck.terms import ADMITTED, DEPRECATED, PREFERRED, Budget, Concept, GlossaryError, Term

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS = {
    "preferredterm-admn-sts": PREFERRED,
    "admittedterm-admn-sts": ADMITTED,
    "deprecatedterm-admn-sts": DEPRECATED,
    "supersededterm-admn-sts": DEPRECATED,
    "preferred": PREFERRED,
    "admitted": ADMITTED,
    "deprecated": DEPRECATED,
}
_DNT_TYPES = {"donottranslate", "do-not-translate", "translatable", "translate"}
_DNT_TEXT = re.compile(r"\bdo[\s_-]*not[\s_-]*translate\b|\bdnt\b", re.IGNORECASE)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _dnt(el) -> bool:
    """Whether a note-like element marks its concept or term as do-not-translate."""
    kind = (el.get("type") or "").replace("_", "").lower()
    text = "".join(el.itertext()).strip().lower()
    if kind in _DNT_TYPES:
        yes = text in ("yes", "true", "1", "y", "x", "")
        return not yes if kind in ("translatable", "translate") else yes
    return bool(_DNT_TEXT.search(text)) and _local(el.tag) in ("note", "descrip", "admin", "termNote", "transac")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# "<?" in UTF-16 or UTF-32 without a byte-order mark (XML 1.0, appendix F).
_UNMARKED = (
    (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"), (b"<\0?\0", "utf-16-le"), (b"\0<\0?", "utf-16-be"),
)
_DECLARED = re.compile(rb"""<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]{0,40})["']""")
# Anchored: tried once, at the start, not from every "<?xml" of a hostile file.
_DECLARATION = re.compile(r"\A(\s*+)<\?xml[^>]{0,300}?\?>")
_DTD = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def decode_xml(data: bytes, path: str) -> str:
    """The document as text, decoded the way an XML parser would, without its XML
    declaration (whose encoding no longer applies to the text)."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        data = data[len(next(bom for bom, enc in _BOMS if enc == encoding)) :]
    else:
        encoding = next((enc for head, enc in _UNMARKED if data.startswith(head)), None)
    if encoding is None:
        declared = _DECLARED.match(data[:300].lstrip())
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
        if encoding.lower().replace("-", "").startswith(("utf16", "utf32", "ucs")):
            encoding = "utf-8"  # ASCII-compatible bytes: the declaration is wrong about them
    try:
        text = data.decode(encoding)
    except LookupError:
        raise GlossaryError(path, f"TBX glossary declares an unknown encoding {encoding!r}") from None
    except UnicodeDecodeError:
        raise GlossaryError(path, f"TBX glossary is not valid {encoding}") from None
    return _DECLARATION.sub(r"\1", text, count=1)


def parse_tbx(data: bytes, path: str) -> list[Concept]:
    text = decode_xml(data, path)
    if _DTD.search(text):
        raise GlossaryError(
            path, "TBX glossary has a document type declaration (DTD: entities, external files); refused for safety"
        )
    concepts = []
    budget = Budget(path)
    for n, entry in enumerate(_entries(text, path)):
        cid = entry.get("id") or f"concept-{n + 1}"
        terms: dict[str, list[Term]] = {}
        dnt = False
        for child in entry:
            if _local(child.tag) not in ("langSec", "langSet") and _dnt(child):
                dnt = True
        for lang_el in (el for el in entry if _local(el.tag) in ("langSec", "langSet")):
            lang = (lang_el.get(_XML_LANG) or lang_el.get("lang") or "").strip().lower()
            if not lang:
                raise GlossaryError(path, f"concept {cid}: a language section has no xml:lang")
            # Direct children only, as the formats nest them (langSec/termSec/term,
            # langSet/tig/term, langSet/ntig/termGrp/term): a search of all descendants
            # from every one of 20,000 nested elements took minutes.
            for term_holder in (el for el in lang_el if _local(el.tag) in ("termSec", "tig", "ntig")):
                parts = _term_parts(term_holder)
                term_el = next((el for el in parts if _local(el.tag) == "term"), None)
                if term_el is None:
                    continue
                text = " ".join("".join(term_el.itertext()).split())
                if not text:
                    continue
                status = ADMITTED
                for note in parts:
                    if _local(note.tag) != "termNote":
                        continue
                    kind = (note.get("type") or "").lower()
                    value = "".join(note.itertext()).strip().lower()
                    if kind in ("administrativestatus", "normativeauthorization"):
                        status = _STATUS.get(value, ADMITTED)
                        # "doNotTranslate" as a status: the term stays as written.
                        dnt = dnt or bool(_DNT_TEXT.search(value.replace("-admn-sts", "")))
                    elif _dnt(note):
                        dnt = True
                terms.setdefault(lang, []).append(Term(text, status))
            for note in lang_el:
                if _local(note.tag) not in ("termSec", "tig", "ntig") and _dnt(note):
                    dnt = True
        if terms:
            budget.add(cid, sum(len(v) for v in terms.values()))
            concepts.append(
                Concept(id=cid, terms={k: tuple(v) for k, v in terms.items()}, do_not_translate=dnt)
            )
    if not concepts:
        raise GlossaryError(path, "TBX glossary has no concept entries with terms")
    return concepts


def _term_parts(holder) -> list:
    """The children of a term holder that say the term and its notes: its own, and
    those of an ntig's termGrp and of a termNoteGrp, one level down."""
    parts = list(holder)
    for el in parts[:]:
        if _local(el.tag) in ("termGrp", "termNoteGrp"):
            parts.extend(el)
    return parts


def _entries(text: str, path: str):
    """The concept entries in document order, each dropped once it has been read: the
    whole document is never one tree in memory."""
    parser = ET.XMLPullParser(events=("end",))
    step = 1 << 20
    try:
        for start in range(0, len(text) or 1, step):
            parser.feed(text[start : start + step])
            for _, el in parser.read_events():
                if _local(el.tag) in ("conceptEntry", "termEntry"):
                    yield el
                    el.clear()
        parser.close()
    except ET.ParseError as exc:
        raise GlossaryError(path, f"not valid TBX/XML: {exc}") from None
