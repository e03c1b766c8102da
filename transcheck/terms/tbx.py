"""TBX (ISO 30042) glossaries: the 2019 form (conceptEntry / langSec / termSec / term)
and the older martif form (termEntry / langSet / tig or ntig / term).

Parsed with the standard library's expat-based ElementTree. Entity declarations are
refused before parsing, so a glossary cannot expand into gigabytes ("billion laughs");
expat never fetches external DTDs.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from transcheck.terms import ADMITTED, DEPRECATED, PREFERRED, Concept, GlossaryError, Term

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


def parse_tbx(data: bytes, path: str) -> list[Concept]:
    if re.search(rb"<!ENTITY", data):
        raise GlossaryError(path, "TBX glossary declares XML entities; refused for safety")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise GlossaryError(path, f"not valid TBX/XML: {exc}") from None
    concepts = []
    for n, entry in enumerate(el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")):
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
            for term_holder in (
                el for el in lang_el.iter() if _local(el.tag) in ("termSec", "tig", "ntig")
            ):
                term_el = next((el for el in term_holder.iter() if _local(el.tag) == "term"), None)
                if term_el is None:
                    continue
                text = " ".join("".join(term_el.itertext()).split())
                if not text:
                    continue
                status = ADMITTED
                for note in term_holder.iter():
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
            concepts.append(
                Concept(id=cid, terms={k: tuple(v) for k, v in terms.items()}, do_not_translate=dnt)
            )
    if not concepts:
        raise GlossaryError(path, "TBX glossary has no concept entries with terms")
    return concepts
