"""The scripts a document is written in: its language's, from CLDR, and what its own
letters say where the table may not know (shared by the untranslated, wrong-language
and mixed-language checks)."""

from __future__ import annotations

from transcheck.langid.script import script_counts, scripts_of
from transcheck.model import Document
from transcheck.rules.base import GroupView


def document_scripts(view: GroupView, doc: Document) -> frozenset[str]:
    """The scripts ``doc``'s language is written in and, where it has next to no
    letters in them, the one most of the letters of its own text are in: Karakalpak,
    Cyrillic in CLDR's table, is written in Latin letters too. A file with some of its
    language's script (an Amharic file half left in English) is that script's, and so
    is one whose own text is mostly the source's language (a Serbian file left in
    English and edited); a language langdetect knows is told by it (a Russian file
    mostly in Latin letters is mostly English)."""
    cache = view.memo("document_scripts")
    if doc.language not in cache:
        from transcheck.langid import langdetect_names

        own = scripts_of(doc.language)
        if not langdetect_names(doc.language):
            # Only its own text: values copied from another file (a resource mostly
            # left in English) say nothing of how the language is written.
            held = _texts_held(view)
            mine = [seg for seg in doc.segments if held[seg.text] == 1]  # this document's alone
            counts = script_counts(" ".join(seg.text for seg in mine))
            total = sum(counts.values())
            if total and sum(counts[s] for s in own) < _NEXT_TO_NONE * total and not _source_text(view, doc, mine):
                own = own | {max(sorted(counts), key=counts.__getitem__)}
        cache[doc.language] = own
    return cache[doc.language]


def text_scripts(language: str, text: str) -> frozenset[str]:
    """The scripts ``language`` is written in and the one most of ``text``'s letters
    are in: a row of a Kazakh file in Latin letters is Latin."""
    counts = script_counts(text)
    top = max(sorted(counts), key=counts.__getitem__) if counts else None
    return scripts_of(language) | ({top} if top and 2 * counts[top] > sum(counts.values()) else set())


def _texts_held(view: GroupView):
    """How many of the group's documents hold each segment text, counted once per run."""
    cache = view.memo("texts_held")
    if not cache:
        from collections import Counter

        cache["counts"] = Counter(text for doc in view.documents.values()
                                  for text in {seg.text for seg in doc.segments})
    return cache["counts"]


def _source_text(view: GroupView, doc: Document, segments) -> bool:
    """Whether most of ``segments`` that language identification names are in the
    source's language (English without one), or none is named: a file left
    untranslated and edited, not its language written in another script."""
    reference = view.source or "en"
    named = [g.language for seg in segments
             if (g := view.guesses.get((doc.language, seg.index))) is not None and g.language]
    # Too little text to name is no evidence that the file is its language's.
    return not named or 2 * sum(lang.split("-")[0] == reference.split("-")[0] for lang in named) > len(named)


_NEXT_TO_NONE = 0.05
