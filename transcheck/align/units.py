"""What the aligner compares: each segment as a unit of features that survive
translation, and the score of a pair of units.

Pairs are scored on length (relative to the length ratio of the two languages in these
very documents) and shared anchors: numbers, Latin names and acronyms, file names, ? and
quotes, and the markup a translator keeps as it is (link targets, inline code, heading
ids). Identical normalised text matches outright. With the optional embeddings, the
score also weighs meaning: the cosine of the two segments' multilingual sentence
embeddings, read on the scale of the two documents' own cosines.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from transcheck.align.anchors import anchors
from transcheck.align.links import link_key
from transcheck.langid.script import scripts_of
from transcheck.model import Document, Kind, Segment
from transcheck.text import normalise, sentences

# A 2-1 link is a sentence split in two: both parts carry real weight. Without this a
# short line next to a paragraph (a heading, a caption) is absorbed into it instead of
# being reported missing, since it barely changes the paragraph's length.
MIN_PART = 0.2
LEXICAL = 0.05
# Weight of meaning in a pair's score. Cosines are read on the scale of the two
# documents themselves: 0 at the median of all their segment pairs (unrelated text on
# the same topic), 1 at the median of each segment's best match (a translation).
MEANING_WEIGHT = 0.6
MIN_SPAN = 0.02
OTHER_SHAPE = 0.6  # factor on the score of two blocks of different kinds
OPENER = 0.5  # the score of a bare directive beside a title opening the same kind of block
OTHER_CODE = 0.4  # factor on the score of two cells whose inline code differs
OTHER_LINKS = 0.7  # ... whose link targets differ (a localised site is another page)
MAX_STRETCH = 4.0  # a translation is at most this much longer or shorter than predicted


@dataclass(frozen=True, slots=True)  # slots: two per segment of a group
class Unit:
    """Alignment features of one segment, or of several merged."""

    length: int
    anchors: Counter
    text: str  # normalised; "" for merged units (no exact-match shortcut)
    prose: bool
    # Sum of the unit vectors of its segments' embeddings; None without embeddings.
    vector: object = field(default=None, compare=False, repr=False)
    # Beginnings of its longer Latin words (portal, Portal, portail: "port"): cognates
    # and names that tell two same-sized paragraphs without anchors apart.
    words: frozenset = field(default=frozenset(), compare=False, repr=False)
    # The block kind of prose in a format with markup (heading, list item, paragraph);
    # "" in plain text, whose kinds say nothing of the block.
    shape: str = field(default="", compare=False, repr=False)
    # The block a title or a bare directive opens ("admonition"): "/// note" and
    # "/// note | Hinweis" open the same box, one with the default title and one with
    # a translated one, and are one row although only one of them is prose.
    opens: str = field(default="", compare=False, repr=False)
    # Whether it links to a place in its own document (``#fragment``): an entry of a
    # table of contents, which is one row however short, never merged with the next.
    entry: bool = field(default=False, compare=False, repr=False)
    # Its column in a table's line (-1: no table cell): two cells of one column in
    # adjacent rows are one cell however unlike their lengths.
    cell: int = field(default=-1, compare=False, repr=False)
    # Its sentences: a paragraph split in two keeps them.
    sentences: int = field(default=0, compare=False, repr=False)
    # The number of anchors, counted once here rather than in every comparison, and
    # whether any is inline code or a link target.
    weight: int = field(init=False, repr=False, compare=False)
    coded: bool = field(init=False, repr=False, compare=False)
    linked: bool = field(init=False, repr=False, compare=False)
    log_length: float = field(init=False, repr=False, compare=False)
    # How its code spans begin (near_code), taken once here rather than per comparison.
    stems: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "log_length", math.log(self.length + 12))
        object.__setattr__(self, "weight", sum(self.anchors.values()))
        object.__setattr__(self, "coded", any(k.startswith("code:") for k in self.anchors))
        object.__setattr__(self, "linked", any(k.startswith("url:") for k in self.anchors))
        object.__setattr__(self, "stems", _code_stems(self.anchors) if self.coded else frozenset())

    def merge(self, other: Unit) -> Unit | None:
        """The two as one unit; None when they cannot be one translation unit."""
        if not (self.prose and other.prose) or self.shape != other.shape or (self.entry and other.entry):
            return None
        if min(self.length, other.length) < MIN_PART * (self.length + other.length):
            return None
        return Unit(self.length + other.length, self.anchors + other.anchors, "", True,
                    _add(self.vector, other.vector), self.words | other.words, self.shape,
                    entry=self.entry or other.entry, sentences=self.sentences + other.sentences)

    def join(self, other: Unit) -> Unit:
        """Unconditional union, for a row that earlier links already merged."""
        return Unit(self.length + other.length, self.anchors + other.anchors, "",
                    self.prose or other.prose, _add(self.vector, other.vector),
                    self.words | other.words, self.shape or other.shape, entry=self.entry or other.entry,
                    sentences=self.sentences + other.sentences)


def _add(a, b):
    return None if a is None or b is None else a + b


def units(doc: Document, vectors=None, languages: frozenset[str] = frozenset(),
          lone: frozenset[str] = frozenset()) -> list[Unit]:
    """``languages``: the group's language codes, lower case, which link targets lose
    (``/fr/guide`` and ``/de/guide`` are one link)."""
    from transcheck import formats

    latin = "Latin" in scripts_of(doc.language)
    markup = formats.of(doc).markup
    seen, columns = Counter(), []
    for s in doc.segments:
        columns.append(seen[s.line] if s.block == "table" else -1)
        seen[s.line] += s.block == "table"
    return [
        Unit(max(1, len(s.text)), _anchors(s, latin, languages, lone), normalise(s.text), s.is_prose,
             None if vectors is None else vectors[i],
             _word_starts(s.text) if latin else frozenset(),
             s.kind.value if markup and s.is_prose else "",
             s.block if s.kind in _OPENERS else "",
             any(u.startswith("#") for u in s.urls), columns[i], len(sentences(s.text)) if s.is_prose else 0)
        for i, s in enumerate(doc.segments)
    ]


_OPENERS = (Kind.TITLE, Kind.DIRECTIVE)


def _anchors(seg: Segment, latin: bool, languages: frozenset[str], lone: frozenset[str]) -> Counter:
    # Inline code is not text to judge, but it survives translation: an anchor, and so
    # are link targets and heading ids, which a translator keeps as they are.
    found = Counter()
    for key, n in anchors(seg.text, latin).items():
        # Names inflect ("Bash", "Bashem", "Basha"): their first letters are the anchor.
        found[key[:8] if key.startswith("lat:") else key] += n
    # A bare link's line is its link: the same link with words, "[Code of Conduct](…)",
    # is its translation.
    for url in (*seg.urls, *((seg.text,) if seg.kind is Kind.URL else ())):
        target = link_key(url, languages)
        if target:
            found["url:" + target] += 1
    # A heading or an item of inline code alone ("## `husky init` <Badge …/>", "+
    # `null`/`undefined`") is no prose, but its code names it as its source's does.
    spans = seg.code or (tuple(_BACKTICKED.findall(seg.text)) if not seg.is_prose else ())
    for code in spans:
        code = " ".join(code.split())
        if code:
            # A lone label is words: no code that says two paragraphs are unrelated.
            found[("label:" if code in lone else "code:") + code] += 1
    if seg.anchor:
        found["id:" + seg.anchor] += 1
    return found


_BACKTICKED = re.compile(r"`([^`]++)`")
_LONG_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{5,}")


def _word_starts(text: str) -> frozenset:
    return frozenset(w[:4].casefold() for w in _LONG_WORD.findall(text))


def similarity(a: Unit, b: Unit, ratio: float,
               scale: tuple[float, float] | None = None) -> float:
    """0..1: how likely ``b`` translates ``a``, given the length ratio b/a of the languages
    and, with embeddings, the two documents' cosine ``scale`` (unrelated, translation)."""
    value = surface(a, b, ratio)
    if scale is None or a.vector is None or b.vector is None or value == 1.0:
        return value
    if not (a.prose and b.prose):
        return value
    low, high = scale
    cosine = _cosine(a.vector, b.vector)
    meaning = min(1.0, max(0.0, (cosine - low) / max(MIN_SPAN, high - low)))
    return (1 - MEANING_WEIGHT) * value + MEANING_WEIGHT * meaning


def _cosine(a, b) -> float:
    import numpy as np

    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0


def surface(a: Unit, b: Unit, ratio: float) -> float:
    """The score from length and anchors alone (the default, embedding-free path)."""
    if a.text and a.text == b.text and a.shape == b.shape:
        return 1.0
    if a.prose != b.prose:
        return OPENER if _one_row(a, b) else 0.05
    length_sim = math.exp(-2.0 * abs(b.log_length - math.log(ratio * a.length + 12)))
    if a.weight or b.weight:
        share = shared_share(a, b)
        value = 0.55 * length_sim + 0.45 * share + _lexical(a, b)
        if not share:
            # Code is copied as it is, link targets mostly: two cells that both have
            # some and share none are not translations of each other.
            if a.coded and b.coded and not near_code(a, b):
                value *= OTHER_CODE
            elif a.linked and b.linked:
                value *= OTHER_LINKS
    else:
        value = 0.55 * length_sim + 0.45 * 0.5 + _lexical(a, b)
    # A translation keeps a heading a heading and a list item a list item.
    return value * OTHER_SHAPE if a.shape != b.shape and a.shape and b.shape else value


def unrelated(a: Unit, b: Unit, ratio: float, by_code: bool = True) -> bool:
    """Whether the two cannot translate each other: inline code both have and share
    none of, or lengths more than MAX_STRETCH apart from what the languages' ratio
    predicts. Weak signs (a name on one side only, a length somewhat off) are the
    score's business; these are the ones a translation never shows."""
    if a.text and a.text == b.text:
        return False
    if a.prose != b.prose:
        return not _one_row(a, b)
    expected = ratio * a.length + 12
    stretch = (b.length + 12) / expected
    if not 1 / MAX_STRETCH <= stretch <= MAX_STRETCH:
        return True
    return by_code and a.coded and b.coded and not shared_share(a, b) and not near_code(a, b)


def _one_row(a: Unit, b: Unit) -> bool:
    """Whether a prose cell and one that is not are one row all the same: a title and a
    bare directive opening the same block; a bare link and a paragraph linking to it
    alone; two headings named by the same inline code, one with words beside it and one
    with markup ("`husky init` (recommended)", "`husky init` <Badge …/>"), or two items
    of the same code spans, one with words between them ("`null`/`undefined`", "`null`、
    `undefined` 或者 …")."""
    links = [k for k in a.anchors if k.startswith("url:")], [k for k in b.anchors if k.startswith("url:")]
    codes = [{k for k in u.anchors if k.startswith(("code:", "label:"))} for u in (a, b)]
    return bool(a.opens and a.opens == b.opens) or (
        len(links[0]) == len(links[1]) == 1 and links[0] == links[1] and min(a.weight, b.weight) == 1) or (
        bool(codes[0]) and codes[0] == codes[1])


def near_code(a: Unit, b: Unit) -> bool:
    """Whether a code span of one may be a code span of the other changed: the same
    command or name begins both, in any case (``ls -rtlh`` and ``ls -rth``, ``getUsers()``
    and ``getUser()``, ``pod-demo-0`` and ``Pod-demo-0``), or both are numbers of as many digits (``400`` and ``410``).
    Such a pair is what the code check compares, not two unrelated paragraphs."""
    return not a.stems.isdisjoint(b.stems)


def _code_stems(anchors: Counter) -> frozenset:
    stems = set()
    for key in anchors:
        if key.startswith("code:"):
            head = key[5:].split(None, 1)[0] if key[5:].strip() else ""
            stems.add(f"#{len(head)}" if head.isdigit() else head[:4].casefold())  # "Pod-demo-0" is near "pod-demo-0"
    stems.discard("")
    return frozenset(stems)


def shared_share(a: Unit, b: Unit) -> float:
    """Dice overlap of the two units' anchor multisets (0 when neither has any)."""
    if not (a.weight or b.weight):
        return 0.0
    # The size of the multiset intersection (Counter's "&"), without building it:
    # this runs for every cell of every alignment, and the key views intersect in C.
    first, second = a.anchors, b.anchors
    shared = 0
    for key in first.keys() & second.keys():
        x, y = first[key], second[key]
        shared += x if x < y else y
    return 2 * shared / (a.weight + b.weight)


def _lexical(a: Unit, b: Unit) -> float:
    """A small bonus for word beginnings two Latin-script units share: enough to break a
    tie between two paragraphs of a size, too small to outweigh length or anchors."""
    if not (a.words and b.words):
        return 0.0
    return LEXICAL * len(a.words & b.words) / min(len(a.words), len(b.words))


def codes(documents: list[Document]) -> frozenset[str]:
    """The group's language codes as paths write them: "pt-br", "pt_br", "pt"."""
    out = set()
    for d in documents:
        code = d.language.casefold()
        out |= {code, code.replace("-", "_"), code.split("-")[0]}
    return frozenset(out)


def embedded_units(documents: list[Document]):
    """Units with sentence vectors, and each language pair's cosine scale (see
    MEANING_WEIGHT); None when the embeddings extra is not installed."""
    from transcheck import embeddings

    matrix = embeddings.embed([s.text for d in documents for s in d.segments])
    if matrix is None:
        return None
    import numpy as np

    out, prose, start = {}, {}, 0
    languages, lone = codes(documents), lone_labels(documents)
    for d in documents:
        block = matrix[start : start + len(d.segments)]
        start += len(d.segments)
        out[d.language] = units(d, block, languages, lone)
        prose[d.language] = block[[i for i, s in enumerate(d.segments) if s.is_prose]]
    scales = {}
    for a in prose:
        for b in prose:
            if a < b and len(prose[a]) and len(prose[b]):
                cos = prose[a] @ prose[b].T
                best = np.concatenate([cos.max(axis=1), cos.max(axis=0)])
                scales[(a, b)] = scales[(b, a)] = (float(np.median(cos)), float(np.median(best)))
    return out, scales


_LABEL = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def lone_labels(documents: list[Document]) -> frozenset[str]:
    """Code spans of words alone (letters and spaces) that one language of the group
    writes and no other: a label its translator translated (`Configurações` for the
    source's `Settings`), not code, which every translation copies (`pv`, `grep`)."""
    seen: dict[str, set[str]] = {}
    for doc in documents:
        for seg in doc.segments:
            for code in seg.code:
                code = " ".join(code.split())
                if _LABEL.fullmatch(code):
                    seen.setdefault(code, set()).add(doc.language)
    return frozenset(code for code, langs in seen.items() if len(langs) == 1)
