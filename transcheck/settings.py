"""Every tunable number in one frozen record; it is also printed in the signature of
machine-readable reports, so a result can be reproduced."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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


@dataclass(frozen=True)
class Settings:
    source: str | None = None
    embeddings: bool = False  # sentence embeddings in alignment and TC504 (optional extra)
    thresholds: Thresholds = field(default_factory=Thresholds)
    glossary: str | None = None  # path of the project termbase (configuration key `glossary`)
    seed: int = 0
    max_file_bytes: int = 20_000_000
    max_segments: int = 100_000
    follow_symlinks: bool = False  # follow links that leave the checked tree (--follow-symlinks)
    layouts: tuple = ()  # transcheck.read.layout.Layout: where the language sits in a path

    def as_dict(self) -> dict:
        return asdict(self)
