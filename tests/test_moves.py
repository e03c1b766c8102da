"""Content a translation moved, on a generated guide in six languages long enough for
the languages' length ratio to be what a real document shows: a paragraph moved far
with no anchor, placed by its score (its length told in its own script's characters,
and against every cell of its row), a section put before a pinned one, and pins a few
rows apart in one moved block."""

from __future__ import annotations

from pathlib import Path

from transcheck.align.pins import Pin, moved_blocks
from transcheck.api import check

ITEM = {
    "en": "`kestrel sync-{i}` keeps folder number {i} of your notes in step with its own Git repository.",
    "de": "`kestrel sync-{i}` hält den Ordner Nummer {i} Ihrer Notizen mit seinem eigenen Git-Repository synchron.",
    "fr": "`kestrel sync-{i}` garde le dossier numéro {i} de vos notes en phase avec son propre dépôt Git.",
    "es": "`kestrel sync-{i}` mantiene la carpeta número {i} de sus notas al día con su propio repositorio Git.",
    "pt": "`kestrel sync-{i}` mantém a pasta número {i} das suas notas em dia com o seu próprio repositório Git.",
    "zh-TW": "`kestrel sync-{i}` 讓第 {i} 個筆記資料夾與它自己的 Git 倉庫保持同步。",
}
HEADINGS = {  # title, commands, more resources, disclaimer, license
    "en": ("Kestrel guide", "Commands", "More resources", "Disclaimer", "License"),
    "de": ("Kestrel-Anleitung", "Befehle", "Weitere Quellen", "Haftungsausschluss", "Lizenz"),
    "fr": ("Guide de Kestrel", "Commandes", "Autres ressources", "Avertissement", "Licence"),
    "es": ("Guía de Kestrel", "Comandos", "Más recursos", "Descargo de responsabilidad", "Licencia"),
    "pt": ("Guia do Kestrel", "Comandos", "Mais recursos", "Aviso", "Licença"),
    "zh-TW": ("Kestrel 指南", "命令", "更多資源", "免責聲明", "授權條款"),
}
INTRO = {
    "en": "Kestrel keeps folders of notes in sync with Git repositories, on any system with Python.",
    "de": "Kestrel hält Ordner mit Notizen mit Git-Repositorys synchron, auf jedem System mit Python.",
    "fr": "Kestrel synchronise des dossiers de notes avec des dépôts Git, sur tout système doté de Python.",
    "es": "Kestrel mantiene carpetas de notas sincronizadas con repositorios Git, en cualquier sistema con Python.",
    "pt": "Kestrel mantém pastas de notas sincronizadas com repositórios Git, em qualquer sistema com Python.",
    "zh-TW": "Kestrel 讓筆記資料夾與 Git 倉庫保持同步，可在任何裝有 Python 的系統上使用。",
}
MORE = {  # what follows each link
    "en": ("a longer tutorial on notes kept in a repository.", "recipes for common synchronisation set-ups.",
           "why plain text outlives every note application."),
    "de": ("eine längere Anleitung zu Notizen in einem Repository.", "Rezepte für häufige Synchronisierungen.",
           "warum reiner Text jede Notiz-Anwendung überdauert."),
    "fr": ("un tutoriel plus long sur les notes gardées dans un dépôt.", "des recettes pour les synchronisations courantes.",
           "pourquoi le texte brut survit à toutes les applications de notes."),
    "es": ("un tutorial más largo sobre notas guardadas en un repositorio.", "recetas para las sincronizaciones más comunes.",
           "por qué el texto plano sobrevive a cualquier aplicación de notas."),
    "pt": ("um tutorial mais longo sobre notas guardadas num repositório.", "receitas para as sincronizações mais comuns.",
           "porque o texto simples sobrevive a qualquer aplicação de notas."),
    "zh-TW": ("一篇關於把筆記放在倉庫裡的長篇教學。", "常見同步設定的做法。", "為什麼純文字比任何筆記應用都長壽。"),
}
LINKS = ("[Notes in Git](https://example.org/notes-in-git)", "[Sync recipes](https://example.org/sync-recipes)",
         "[Plain text](https://example.org/plain-text)")
DISCLAIMER = {  # no name, link or code: nothing pins it
    "en": "The commands here are written to be read rather than to be fast. Power brings responsibility: "
          "test them on a copy of your notes first.",
    "de": "Die Befehle hier sind zum Lesen geschrieben, nicht für Geschwindigkeit. Macht bringt Verantwortung: "
          "testen Sie sie zuerst an einer Kopie Ihrer Notizen.",
    "fr": "Les commandes sont écrites pour être lues plutôt que pour être rapides. Le pouvoir implique des "
          "responsabilités : essayez-les d'abord sur une copie de vos notes.",
    "es": "Los comandos están escritos para leerse más que para ser rápidos. El poder conlleva responsabilidad: "
          "pruébelos primero en una copia de sus notas.",
    "pt": "Os comandos aqui foram escritos para serem lidos, não para serem rápidos. Poder traz responsabilidade: "
          "teste-os primeiro numa cópia das suas notas.",
    "zh-TW": "這裡的命令是為了易讀而寫，而不是為了執行速度。能力越大，責任也越大：在真正的筆記上使用這些命令之前，"
             "請先在副本上試用。",
}
LICENSE = "[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)"


def guide(lang: str, *, disclaimer: str | None = None, disclaimer_first: bool = False,
          links: int = 0, section_first: bool = False) -> str:
    """The guide in ``lang``: 40 commands, ``links`` entries under "More resources"
    (none: no such section), the disclaimer (its paragraph at the top with
    ``disclaimer_first``, its section before "More resources" with ``section_first``)."""
    title, commands, more, disc, lic = HEADINGS[lang]
    para = DISCLAIMER[lang] if disclaimer is None else disclaimer
    out = [f"# {title}", "", INTRO[lang], ""] + ([para, ""] if disclaimer_first else [])
    out += [f"## {commands}", ""] + ["- " + ITEM[lang].format(i=i) for i in range(1, 41)] + [""]
    resources = [f"## {more}", ""] + [f"- {LINKS[k]}: {MORE[lang][k]}" for k in range(links)] + [""]
    notice = [f"## {disc}", ""] + ([] if disclaimer_first else [para, ""])
    out += (notice + resources if section_first else resources + notice) if links else notice
    return "\n".join(out + [f"## {lic}", "", LICENSE, ""])


def _findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, int]]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check([str(tmp_path)], source="en", select=["TC301", "TC302", "TC306"])
    return [(f.code, Path(f.path).name, f.line) for f in report.findings]


def test_a_short_chinese_paragraph_moved_far_is_moved_not_missing_and_extra(tmp_path):
    """Its 59 characters say as much as the 138 of its English row: a paragraph long
    enough to be told by its score, in its own script's characters."""
    files = {f"{lang}.md": guide(lang) for lang in ("en", "de", "fr", "es")}
    files["zh-TW.md"] = guide("zh-TW", disclaimer_first=True)
    assert _findings(tmp_path, files) == [("TC306", "zh-TW.md", 5)]


def test_a_row_with_an_older_shorter_cell_is_still_a_candidate_for_a_moved_paragraph(tmp_path):
    """German keeps an older, shorter disclaimer; the Portuguese one, moved to the top,
    is still measured against the row's other cells."""
    files = {f"{lang}.md": guide(lang) for lang in ("en", "es", "fr", "zh-TW")}
    files["de.md"] = guide("de", disclaimer="Die Befehle hier sind zum Lesen geschrieben, nicht für "
                                            "Geschwindigkeit: erst testen.")
    files["pt.md"] = guide("pt", disclaimer_first=True)
    assert _findings(tmp_path, files) == [("TC306", "pt.md", 5)]


def test_a_section_put_before_a_pinned_one_leaves_it_its_heading(tmp_path):
    """The Chinese disclaimer (a heading and a paragraph, nothing to pin them) comes
    before "More resources", whose entries are pinned by their links; the translation
    lacks the last entry. Its one missing segment is that entry: both headings find
    their rows."""
    files = {f"{lang}.md": guide(lang, links=3) for lang in ("en", "de", "es", "fr")}
    files["zh-TW.md"] = guide("zh-TW", links=2, section_first=True)
    found = _findings(tmp_path, files)
    assert [f for f in found if f[0] != "TC306"] == [("TC301", "zh-TW.md", 48)]


def test_pins_a_few_rows_apart_where_the_document_lacks_rows_are_one_moved_block():
    """Two segments apart in the document and four rows apart in the profile (rows an
    older translation lacks): one moved block, so that the segment between them moves
    with it."""
    def pin(row, seg):
        return Pin(row, seg, 1.0, 1.0, True)

    backbone = [pin(r, r) for r in range(0, 160, 10)]
    blocks = moved_blocks(backbone, [pin(165, 133), pin(169, 135), pin(171, 137)])
    assert [(b.rows, b.segs) for b in blocks] == [((165, 171), (133, 137))]
