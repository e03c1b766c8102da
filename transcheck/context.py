"""What a rule is given: the ``GroupView`` of one group, built once per group.

The view holds the group's documents, their aligned rows, a language guess for every
segment, the source language, the project termbase and, with ``--embeddings``, the
sentence vectors, and the project vocabulary (what stays as written: do-not-translate
terms and patterns, accepted English words; ``terms/vocabulary.py``). The glossary is
resolved by the runner once per group in the main
process (``resolve_glossary``) from the documents' real paths, so a group checked
again elsewhere (the old revision of ``--changed-since``, in a temporary directory)
uses the same one; rules never look for files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from transcheck.model import Document, InputProblem, LanguageGuess, Location, Row
from transcheck.settings import Settings


class Vectors:
    """Sentence embeddings of texts (unit vectors), computed on demand and cached for
    the process; present on a view only with ``--embeddings`` and the extra installed."""

    def __call__(self, texts: list[str]):
        """A (len(texts), dim) array, one row per text."""
        from transcheck import embeddings

        return embeddings.embed(texts)

    def __getitem__(self, text: str):
        return self([text])[0]


@dataclass
class GroupView:
    """Everything a rule may look at for one group of documents."""

    name: str
    documents: dict[str, Document]  # by language, sorted
    rows: list[Row]
    guesses: Mapping[tuple[str, int], LanguageGuess]  # (language, segment index)
    source: str | None = None  # the source language, when the group has it
    termbase: object | None = None  # terms.Termbase, or None without a glossary
    vectors: Vectors | None = None  # None: embeddings off
    # Translation language -> its lag behind the source (history.lag.Lag): only the
    # outdated ones; empty without a source, outside git, or beyond a shallow history.
    lag: dict = field(default_factory=dict)
    # What stays as written (terms.vocabulary.Vocabulary: the configuration's and the
    # glossary's do-not-translate terms, patterns, accepted English words); empty when
    # nothing is declared. ``vocabulary.keep(language)`` finds and masks it in a text.
    vocabulary: object = None
    # Keyed resources whose project translates every key (``Settings.full_coverage``).
    full_coverage: bool = False
    # Language -> document of a translation the group was narrowed without
    # (``GroupSpec.voters``): it votes where a rule counts every translation.
    voters: dict = field(default_factory=dict)

    @cached_property
    def keyed(self) -> bool:
        """Whether the group is a keyed resource, aligned by key (``formats.keyed``)."""
        from transcheck.align.keys import keyed

        return keyed(list(self.documents.values()))

    def __post_init__(self):
        if self.vocabulary is None:
            from transcheck.terms.vocabulary import Vocabulary

            self.vocabulary = Vocabulary()

    def memo(self, name: str) -> dict:
        """A cache kept on the view under ``name``: what rules ask of a group again and
        again (per row, per language, or from several rules) is worked out once."""
        return self.__dict__.setdefault(f"_memo_{name}", {})

    @cached_property
    def row_of(self) -> dict[tuple[str, int], int]:
        out = {}
        for r, row in enumerate(self.rows):
            for lang, idx in row.cells.items():
                for i in idx:
                    out[(lang, i)] = r
        return out

    def aligned(self, row: Row, lang: str) -> bool:
        """Whether ``lang``'s cell of ``row`` is aligned with confidence: the one question
        a rule asks before comparing a cell with the others of its row, or before calling
        an empty cell missing. A doubtful cell is left alone."""
        from transcheck.align.confidence import SURE

        return row.confidence.get(lang, 1.0) >= SURE

    def cell_text(self, row: Row, lang: str, quote: bool = False) -> str:
        """The text of a cell's prose segments: code, includes and URLs aligned in the
        same row are not text to judge. ``quote``: all its text when it has no prose,
        for a message that quotes the cell."""
        segs = [self.documents[lang].segments[i] for i in row.cells.get(lang, ())]
        if quote:  # a quotation keeps the inline code the judged text leaves out
            return " ".join([s.quoted for s in segs if s.is_prose] or [s.text for s in segs])
        return " ".join(s.text for s in segs if s.is_prose)

    def cell_location(self, row: Row, lang: str) -> Location | None:
        idx = row.cells.get(lang, ())
        if not idx:
            return None
        doc = self.documents[lang]
        segs = [doc.segments[i] for i in idx]  # in the row's order, which a move may change
        return Location(doc.path, min(s.line for s in segs), max(s.end_line for s in segs))


def resolve_glossary(settings: Settings, paths: list[str]) -> str | None:
    """The glossary of a group of files: the configured one, else the nearest
    ``glossary.tbx``/``glossary.csv`` beside or above them."""
    from transcheck.terms import find_glossary

    return settings.glossary or find_glossary(paths)


def load_glossary(path: str | None, follow_symlinks: bool = False) -> tuple[object | None, InputProblem | None]:
    """The termbase at ``path`` (cached per process), or the one-line problem that
    makes the terminology rules run without it. A glossary reached through a link out
    of the checked tree is refused by its own name, its target never read."""
    from transcheck.terms import GlossaryError, load_cached

    if not path:
        return None, None
    if not follow_symlinks:
        from transcheck.read.contain import LEAVES_TREE, checked_root, leaves_tree

        if leaves_tree(path, checked_root(path)):
            return None, InputProblem(path, LEAVES_TREE)
    try:
        return load_cached(path), None
    except GlossaryError as exc:
        return None, InputProblem(exc.path, str(exc))


class Guesses(Mapping):
    """Every segment's language guess, identified when a rule first asks: a run of rules
    that read none (the lag rules alone) does no language identification."""

    def __init__(self, documents: list[Document], settings: Settings, vocabulary=None):
        self._documents, self._settings, self._vocabulary = documents, settings, vocabulary
        self._data: dict[tuple[str, int], LanguageGuess] | None = None

    def _all(self) -> dict[tuple[str, int], LanguageGuess]:
        if self._data is None:
            self._data = identify(self._documents, self._settings, self._vocabulary)
        return self._data

    def of_document(self, index: int) -> dict[tuple[str, int], LanguageGuess]:
        """The guesses of one document (by position), identified among all of them."""
        doc = self._documents[index]
        return identify(self._documents, self._settings, self._vocabulary, only=(doc,))

    def preset(self, data: dict[tuple[str, int], LanguageGuess]) -> None:
        """Every guess, identified elsewhere (document by document, in parallel)."""
        self._data = data

    @property
    def count(self) -> int:
        return len(self._documents)

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def identify(documents: list[Document], settings: Settings,
             vocabulary=None, only=None) -> dict[tuple[str, int], LanguageGuess]:
    """A guess for every segment. What the vocabulary keeps as written is blanked first:
    "FastAPI" or an accepted "endpoint" is no evidence that a Hindi paragraph is
    English, and a line of nothing else has no language to tell (so no rule that reads
    the guesses calls it untranslated or in the wrong language). ``only``: the
    documents to identify, among the candidate languages of all of them."""
    from transcheck.align.keys import keyed
    from transcheck.langid import Identifier

    t = settings.thresholds

    def identifier_for(languages):
        return Identifier(languages, min_letters=t.langid_min_letters, min_words=t.langid_min_words,
                          min_confidence=t.langid_min_confidence)

    identifier = identifier_for([d.language for d in documents])
    # A resource in 90 languages is short strings by the thousand: each is told apart
    # from its own language, the source's (what a value left untranslated is in) and
    # the languages of other scripts (told by script, at no cost); langdetect never
    # weighs forty profiles of one script against each other.
    per_document = keyed(documents) and len(documents) > 3
    if per_document:
        from transcheck.langid.script import scripts_of
    out = {}
    for doc in documents if only is None else only:
        if per_document:
            own = scripts_of(doc.language)
            identifier = identifier_for(sorted({doc.language, settings.source or "en"} | {
                d.language for d in documents if not scripts_of(d.language) & own}))
        keep = vocabulary.keep(doc.language) if vocabulary else None
        for seg in doc.segments:
            text = seg.text
            for label in seg.labels:
                text = text.replace(label, " ", 1)
            text = keep.mask(text) if keep is not None and seg.is_prose else text
            out[(doc.language, seg.index)] = identifier.identify(text, seg.is_prose)
    return out


def lags(documents: list[Document], source: str | None, inputs, rows=()) -> dict:
    """Each outdated translation's lag, from what git said of each paragraph's last
    translation (``inputs``: (language, history.LagInput) pairs); ``rows``: today's
    alignment of the group."""
    from transcheck.align.keys import keyed

    docs = {d.language: d for d in documents}
    src = docs.get(source) if source else None
    # A resource's lag is its keys', not its paragraphs': not measured here.
    if src is None or not inputs or keyed(documents):
        return {}
    from transcheck.history.lag import Then, compute_lag, source_changes
    from transcheck.read.decode import split_lines
    from transcheck.formats import segment

    out = {}
    # Most translations of a page follow one of a few source versions: each version is
    # segmented and compared with today's source once.
    seen: dict[str, tuple] = {}
    for lang, given in inputs:
        if lang not in docs:
            continue
        versions = []
        for v in given.versions:
            if v.source_then is None:
                versions.append(None)
                continue
            if v.source_then not in seen:
                then = segment(src.path, split_lines(v.source_then))
                seen[v.source_then] = (then, source_changes(then, src.segments))
            then, changes = seen[v.source_then]
            versions.append(Then(v.since_sha, v.since_date, then, changes))
        followed = {s.index: given.version_of(s.line, s.end_line) for s in docs[lang].segments}
        lag = compute_lag(src, docs[lang], versions, followed, rows)
        if lag.outdated:
            out[lang] = lag
    return out


def build_view(name: str, documents: list[Document], settings: Settings, termbase=None,
               lag_inputs=(), stage=None, voters=()) -> GroupView:
    """Align the documents (by key when they are keyed resources, else by content),
    identify every segment's language, and bundle it all. ``stage(what, done, total)``
    hears of each document aligned."""
    from transcheck.align.aligner import align
    from transcheck.align.keys import align_keys, keyed

    vectors = None
    if settings.embeddings:
        from transcheck import embeddings

        vectors = Vectors() if embeddings.available() else None
    by_language = {d.language: d for d in documents}
    from transcheck.terms.vocabulary import Vocabulary, with_vocabulary

    vocabulary = (settings.vocabulary or Vocabulary()).with_glossary(termbase)
    termbase = with_vocabulary(termbase, vocabulary)
    rows = (align_keys(documents, settings.source) if keyed(documents)
            else align(documents, settings.source, settings.embeddings, stage) if documents else [])
    return GroupView(
        name=name,
        documents=by_language,
        rows=rows,
        guesses=Guesses(documents, settings, vocabulary),
        source=settings.source if settings.source in by_language else None,
        termbase=termbase,
        vectors=vectors,
        lag=lags(documents, settings.source, lag_inputs, rows),
        vocabulary=vocabulary,
        full_coverage=settings.full_coverage,
        voters={d.language: d for d in voters if d.language not in by_language},
    )
