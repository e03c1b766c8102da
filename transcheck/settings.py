"""Every tunable number in one frozen record; it is also printed in the signature of
machine-readable reports, so a result can be reproduced."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Commits translations need not follow, matched in any case; "[i18nIgnore]" and
# "[i18n-ignore]" are how Starlight sites (Astro, Tauri) mark them. A project adds its
# own with ``skip-markers`` ("[lunaria-ignore]").
DEFAULT_SKIP_MARKERS = ("[i18n skip]", "[skip i18n]", "[i18n-skip]", "[i18n ignore]", "[i18nignore]",
                        "[i18n-ignore]")


@dataclass(frozen=True)
class Thresholds:
    duplicate_min_chrf: float = 90.0  # near-duplicate segments inside one document
    duplicate_min_letters: int = 40  # a repeated block must hold at least this much text
    untranslated_min_chrf: float = 85.0  # "nearly equal" to the source or a peer
    langid_min_confidence: float = 0.95
    langid_min_letters: int = 20
    langid_min_words: int = 3
    length_min_letters: int = 40  # peers shorter than this are not length-compared
    length_min_rows: int = 3  # rows a language pair needs before its length ratio is trusted
    length_min_mads: float = 4.0  # deviation from the pair's median log ratio, in MADs
    length_min_factor: float = 1.6  # ... and never less than this factor
    spelling_min_letters: int = 5  # shorter words are not spell-checked
    spelling_term_min_segments: int = 3  # a word in this many paragraphs is a term, not a typo
    spelling_name_min_letters: int = 6  # capitalised words inside a sentence: mostly names
    spelling_long_word: int = 8  # from this length a typo may be two edits from its word
    drift_min_rows: int = 5  # rows of 3+ prose cells a group needs for meaning statistics
    drift_min_gap: float = 0.06  # cosine below the language pairs' usual level, at least
    drift_min_mads: float = 4.0  # ... and this many MADs below the group's median drift


# The range each threshold must lie in, (low, high, low included); by default a
# threshold is a non-negative finite number.
_RANGES = {
    "duplicate_min_chrf": (0.0, 100.0, True),
    "untranslated_min_chrf": (0.0, 100.0, True),
    "langid_min_confidence": (0.0, 1.0, False),
    "length_min_rows": (1, None, True),
    "length_min_factor": (1.0, None, True),
    "spelling_term_min_segments": (1, None, True),
    "spelling_long_word": (1, None, True),
    "drift_min_rows": (1, None, True),
    "drift_min_gap": (0.0, 2.0, True),
}


def threshold_error(name: str, value: float) -> str | None:
    """Why ``value`` cannot be the threshold ``name`` (nan, infinite, out of range), or None."""
    import math

    low, high, closed = _RANGES.get(name, (0, None, True))
    if not math.isfinite(value):
        return f"must be a finite number, not {value!r}"
    too_low = value < low if closed else value <= low
    if high is None:
        return f"must be at least {low}, not {value!r}" if too_low else None
    if too_low or value > high:
        return f"must be in {'[' if closed else '('}{low}, {high}], not {value!r}"
    return None


@dataclass(frozen=True)
class Settings:
    source: str | None = None
    embeddings: bool = False  # sentence embeddings in alignment and TC504 (optional extra)
    thresholds: Thresholds = field(default_factory=Thresholds)
    glossary: str | None = None  # path of the project termbase (configuration key `glossary`)
    max_file_bytes: int = 20_000_000
    max_segments: int = 100_000
    max_languages: int = 100  # languages of one document; each is compared with every other
    history: bool = True  # with a source in git: the lag of each translation (TC304, TC305)
    skip_markers: tuple[str, ...] = DEFAULT_SKIP_MARKERS  # commits translations need not follow
    follow_symlinks: bool = False  # follow links that leave the checked tree (--follow-symlinks)
    layouts: tuple = ()  # transcheck.read.layout.Layout: where the language sits in a path
    # A project's own codes in paths and the BCP 47 tags they stand for, sorted pairs
    # (configuration table `[language-codes]`: cn = "zh-CN").
    language_codes: tuple = ()
    # transcheck.terms.vocabulary.Vocabulary: what stays as written (do-not-translate terms
    # and patterns, accepted English words); None: nothing declared.
    vocabulary: object | None = None
    # Keyed resources: the project translates every key (configuration key
    # `full-coverage`), so a missing, empty or fuzzy message is a finding, not only
    # a figure in the coverage column.
    full_coverage: bool = False

    def as_dict(self) -> dict:
        return asdict(self)
