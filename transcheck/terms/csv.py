"""CSV glossaries: one row per concept.

Columns: a concept id (``concept`` or ``id``), one column per language named by its
code (``en``, ``sv``, ``pt-BR``) holding ``|``-separated variants, and optionally a
do-not-translate flag column (``dnt`` / ``do_not_translate``: yes, true, 1 or x) and a
``note``. A variant written ``*term`` is the preferred one and ``!term`` is deprecated;
others are admitted.

Rows are read one at a time. A field longer than the csv module's limit (131,072
characters: no term list is that long) makes the glossary one input problem; the
limit is never raised, as it is global to the process.
"""

from __future__ import annotations

import csv
import io

from transcheck.terms import ADMITTED, DEPRECATED, PREFERRED, Budget, Concept, GlossaryError, Term

_ID = ("concept", "id", "concept_id", "concept id")
_DNT = ("dnt", "do_not_translate", "do-not-translate", "donottranslate", "do not translate")
_TRUE = ("yes", "true", "1", "x", "y")
_META = ("note", "notes", "comment", "comments", "definition", "description", "domain", "source")


def parse_csv(data: bytes, path: str) -> list[Concept]:
    sample = data[:4096].decode("utf-8-sig", errors="ignore")
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # Decoded as it is read: the text of a large glossary is never held whole.
    reader = csv.reader(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline=""), dialect)
    try:
        return _concepts(reader, path)
    except UnicodeDecodeError:
        raise GlossaryError(path, "CSV glossary is not UTF-8") from None
    except csv.Error as exc:
        if "field limit" in str(exc):
            detail = f"a field longer than {csv.field_size_limit():,} characters"
        else:
            detail = str(exc)
        raise GlossaryError(path, f"CSV glossary line {reader.line_num}: {detail}") from None


def _concepts(reader, path: str) -> list[Concept]:
    from transcheck.read.languages import normalise_tag

    first = next(reader, None)
    if first is None:
        raise GlossaryError(path, "CSV glossary is empty")
    header = [h.strip() for h in first]
    lowered = [h.lower() for h in header]
    id_col = next((i for i, h in enumerate(lowered) if h in _ID), None)
    dnt_col = next((i for i, h in enumerate(lowered) if h in _DNT), None)
    lang_cols = {}
    for i, h in enumerate(header):
        if i in (id_col, dnt_col) or h.lower() in _META or not h:
            continue
        tag = normalise_tag(h)
        if tag is None:
            # Only the start of the header: it names the column without echoing a file
            # that is not a glossary at all.
            shown = h if len(h) <= 24 else h[:20] + "…"
            raise GlossaryError(path, f"CSV glossary column {shown!r} is not a language code")
        lang_cols[i] = tag.lower()
    if not lang_cols:
        raise GlossaryError(path, "CSV glossary has no language columns")
    concepts = []
    budget = Budget(path)
    for n, row in enumerate(reader, start=2):
        if not "".join(row).strip():
            continue
        terms = {}
        for i, lang in lang_cols.items():
            cell = row[i] if i < len(row) else ""
            variants = []
            for v in cell.split("|"):
                v = " ".join(v.split())
                status = ADMITTED
                if v.startswith("*"):
                    status, v = PREFERRED, v[1:].strip()
                elif v.startswith("!"):
                    status, v = DEPRECATED, v[1:].strip()
                if v:
                    variants.append(Term(v, status))
            if variants:
                terms[lang] = tuple(variants)
        if not terms:
            continue
        cid = (row[id_col].strip() if id_col is not None and id_col < len(row) else "") or f"row-{n}"
        budget.add(cid, sum(len(v) for v in terms.values()))
        dnt = dnt_col is not None and dnt_col < len(row) and row[dnt_col].strip().lower() in _TRUE
        concepts.append(Concept(id=cid, terms=terms, do_not_translate=dnt))
    if not concepts:
        raise GlossaryError(path, "CSV glossary has no concepts")
    return concepts
