"""A document in many languages held in memory, checked as it is or with plants in
some of its translations (used by ``plant_moves.py``)."""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass

import plant_moves as pm

from transcheck import api
from transcheck.read.languages import normalise_tag


def document_files(checkout: str, source_file: str, source: str, pattern: str) -> dict[str, str]:
    """The document's file per language: ``source_file`` for ``source``, and each file
    that ``pattern`` (with ``{lang}``) matches under ``checkout`` for its language."""
    files = {source: os.path.join(checkout, source_file)}
    regex = re.compile(re.escape(pattern).replace(r"\{lang\}", r"(?P<lang>[A-Za-z_-]+)") + "$")
    for path in sorted(glob.glob(os.path.join(checkout, pattern.replace("{lang}", "*")))):
        m = regex.search(path.replace(os.sep, "/"))
        lang = normalise_tag(m.group("lang")) if m else None
        if lang and lang != source:
            files[lang] = path
    return files


@dataclass
class Plant:
    kind: str
    lines: list[str]
    block: pm.Span
    deleted: pm.Span | None = None
    source_lines: tuple[int, int] | None = None  # 1-based source lines of the deleted block

    def describe(self) -> str:
        text = f"moved lines {self.block.start + 1}-{self.block.end}"
        if self.deleted is not None:
            text += (f", deleted lines {self.deleted.start + 1}-{self.deleted.end} "
                     f"(source lines {self.source_lines[0]}-{self.source_lines[1]})")
        return text


class Group:
    def __init__(self, name, source, texts, embeddings):
        self.name, self.source, self.texts, self.embeddings = name, source, texts, embeddings

    @classmethod
    def read(cls, checkout, source_file, source, pattern, embeddings=False):
        files = document_files(checkout, source_file, source, pattern)
        texts = {lang: _read(path) for lang, path in files.items()}
        return cls(os.path.basename(source_file), source, texts, embeddings)

    @property
    def translations(self) -> list[str]:
        return sorted(lang for lang in self.texts if lang != self.source)

    def path(self, lang: str) -> str:
        return f"{lang}/{self.name}"

    def check(self, planted: dict[str, list[str]]):
        texts = [api.Text(self.name, lang, "\n".join(planted[lang]) + "\n" if lang in planted else text)
                 for lang, text in sorted(self.texts.items())]
        return api.check(texts, source=self.source, select=list(pm.CODES), embeddings=self.embeddings)

    def plant(self, lang: str, kind: str, seed: int, control) -> Plant | None:
        lines = self.texts[lang].split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        move_kind = kind if kind != "move+deleted" else pm.KINDS[pm.pick(seed, lang, "which", 3)]
        for attempt in range(5):
            made = pm.plant_move(lang, lines, move_kind, seed * 10 + attempt)
            if made is None:
                continue
            new, block = made
            if kind != "move+deleted":
                return Plant(kind, new, block)
            deletion = self._deletion(lang, lines, block, control)
            if deletion is None:
                continue
            span, source_lines = deletion
            # Delete in the moved text: find the deleted lines there by content.
            body = lines[span.start:span.end]
            for at in range(len(new) - len(body) + 1):
                if new[at:at + len(body)] == body:
                    out = new[:at] + new[at + len(body):]
                    if at < len(out) and not out[at].strip() and at and not out[at - 1].strip():
                        del out[at]
                    return Plant(kind, out, block, span, source_lines)
        return None

    def _deletion(self, lang, lines, block: pm.Span, control):
        """The paragraph or list item right after (else before) the moved block's old
        place, when the control run aligned all of it with the source, with confidence."""
        candidates = [s for items in pm.item_lists(lines) for s in items] + pm.paragraphs(lines)
        after = sorted((s for s in candidates if s.start >= block.end), key=lambda s: s.start)
        before = sorted((s for s in candidates if s.end <= block.start), key=lambda s: -s.start)
        for span in after[:1] + before[:1]:
            if span.end - span.start > 6:
                continue
            found = self._source_lines(lang, span, control)
            if found is not None:
                return span, found
        return None

    def _source_lines(self, lang, span: pm.Span, control):
        group = control.groups[0]
        docs = {d.language: d for d in group.documents}
        doc, src = docs[lang], docs[self.source]
        segs = [s.index for s in doc.segments if span.start < s.line <= span.end]
        if not segs:
            return None
        lines = []
        for row in group.rows:
            mine = set(row.cells.get(lang, ())) & set(segs)
            if not mine:
                continue
            if set(row.cells[lang]) - set(segs) or not row.cells.get(self.source):
                return None
            if row.confidence.get(lang, 1.0) < 0.5:
                return None
            lines += [src.segments[i].line for i in row.cells[self.source]]
            lines += [src.segments[i].end_line for i in row.cells[self.source]]
        return (min(lines), max(lines)) if lines else None

    def judge(self, lang: str, plant: Plant, control, planted):
        """(move clean, deletion found, the findings that make it unclean). A finding
        counts when it says something the control run did not: missing source lines
        it did not call missing, extra text it did not call extra."""
        missing_before, extra_before = self._claims(lang, control)
        missing_after, extra_after = self._claims(lang, planted)
        found = False
        if plant.deleted is not None:
            lo, hi = plant.source_lines
            hits = [f for f, lines in missing_after if any(lo <= n <= hi for n in lines)]
            found = bool(hits)
            missing_after = [(f, lines) for f, lines in missing_after if f not in hits]
        old_lines = set().union(*(lines for _, lines in missing_before))
        old_texts = set().union(*(texts for _, texts in extra_before))
        new = [f for f, lines in missing_after if lines - old_lines]
        new += [f for f, texts in extra_after if texts - old_texts]
        return not new, found, new

    def _claims(self, lang, report):
        """The TC301 findings of a translation with the source lines each calls missing,
        and the TC302 findings with the texts each calls extra."""
        path, source = self.path(lang), self.path(self.source)
        group = report.groups[0]
        doc = next(d for d in group.documents if d.language == lang)
        missing, extra = [], []
        for f in report.findings:
            if f.path != path:
                continue
            if f.code == "TC301":
                lines = {n for r in f.related if r.path == source for n in range(r.line, r.end_line + 1)}
                missing.append((f, lines))
            elif f.code == "TC302":
                texts = {" ".join(s.text.split()) for s in doc.segments
                         if f.line <= s.line and s.end_line <= f.end_line}
                extra.append((f, texts))
        return missing, extra


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()
