"""history.blame: which commit last translated each line, through mechanical edits."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from transcheck.history.blame import attribute, mechanical
from transcheck.history.git import Hunk, _parse_patch


def hunks(old: list[str], new: list[str]) -> list[Hunk]:
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(Hunk(i1 if i1 == i2 else i1 + 1, i2 - i1, j1 if j1 == j2 else j1 + 1, j2 - j1,
                            tuple(old[i1:i2]), tuple(new[j1:j2])))
    return out


def naive(versions: list[list[str]]) -> list[int]:
    """Owner (version index) of each line of the last version, line by line."""
    owner = list(range(len(versions[-1])))
    where = list(range(len(versions[-1])))  # line index in the version being read
    result = [0] * len(versions[-1])
    alive = set(owner)
    for k in range(len(versions) - 1, 0, -1):
        old, new = versions[k - 1], versions[k]
        back = {}
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "equal":
                back.update(zip(range(j1, j2), range(i1, i2)))
        for line in list(alive):
            if where[line] in back:
                where[line] = back[where[line]]
            else:
                result[line] = k
                alive.discard(line)
    return result


def test_attribution_follows_every_line_back_to_its_commit(monkeypatch):
    monkeypatch.setattr("transcheck.history.blame.REWRITE_SHARE", 2.0)  # no page rewrites here
    rng = random.Random(7)
    for _ in range(200):
        versions = [[f"l{rng.randrange(1000)}" for _ in range(rng.randrange(0, 12))]]
        for _ in range(rng.randrange(1, 6)):
            lines = list(versions[-1])
            for _ in range(rng.randrange(1, 4)):
                what, at = rng.randrange(3), rng.randrange(len(lines) + 1)
                if what == 0:
                    lines[at:at] = [f"n{rng.randrange(1000)}" for _ in range(rng.randrange(1, 3))]
                elif what == 1 and lines:
                    del lines[at:at + rng.randrange(1, 3)]
                elif lines and at < len(lines):
                    lines[at] = f"c{rng.randrange(1000)}"
            versions.append(lines)
        steps = [(k, hunks(versions[k - 1], versions[k]), lambda h: False)
                 for k in range(len(versions) - 1, 0, -1)]
        got = attribute(len(versions[-1]), steps)
        want = naive(versions)
        assert [0 if g is None else g for g in got] == want, versions


def test_a_mechanical_edit_passes_its_lines_to_the_commit_before():
    v1 = ["# Title", "", "Lisez [la doc](https://old.example.org).", "", "Fin."]
    v2 = ["# Titre", "", "Lisez [la doc](https://old.example.org).", "", "Fin."]
    v3 = ["# Titre", "", "Lisez [la doc](https://new.example.org).", "", "Fin."]
    def judge(h):
        return mechanical(h, lambda: None, frozenset({"title", "read", "the", "docs", "end"}))

    steps = [("url", hunks(v2, v3), judge), ("title", hunks(v1, v2), judge), ("first", hunks([], v1), judge)]
    assert [judge(h) for h in hunks(v2, v3)] == [True]
    assert attribute(len(v3), steps) == ["title", "first", "first", "first", "first"]


def test_a_link_text_rewritten_with_its_anchor_is_translated_not_mechanical():
    old = "Voir [« Modules d’extension Markdown »](/fr/guides/a/#modules-dextension-markdown)."
    new = ("Voir [« Modules d’extension pour les processeurs Markdown »]"
           "(/fr/guides/a/#modules-dextension-pour-les-processeurs-markdown).")
    assert not mechanical(Hunk(3, 1, 3, 1, (old,), (new,)), lambda: None)
    moved = old.replace("/fr/guides/a/", "/fr/guides/b/")
    assert mechanical(Hunk(3, 1, 3, 1, (old,), (moved,)), lambda: None)


def test_a_renamed_name_is_mechanical_only_where_the_source_renamed_it():
    h = Hunk(3, 1, 3, 1, ("Acme Cloud ist schnell.",), ("Nimbus Cloud ist schnell.",))
    assert mechanical(h, lambda: ({"acme": 1}, {"nimbus": 1}))
    assert not mechanical(h, lambda: None)
    assert not mechanical(Hunk(3, 1, 3, 1, ("Acme ist schnell.",), ("Nimbus ist sehr schnell.",)),
                          lambda: ({"acme": 1}, {"nimbus": 1}))


def test_a_typo_fixed_is_mechanical_but_a_word_of_other_meaning_is_not():
    def fix(old, new):
        return mechanical(Hunk(3, 1, 3, 1, (old,), (new,)), lambda: None)

    assert fix("Los proyectos grandess usan un archivo.", "Los proyectos grandes usan un archivo.")
    # A word of the source left in English and now given as its cognate is translated.
    assert not mechanical(Hunk(1, 1, 1, 1, ("# Title",), ("# Titre",)), lambda: None, frozenset({"title"}))
    assert fix("You will recieve a mail.", "You will receive a mail.")
    assert not fix("Cliquez pour activer la règle.", "Cliquez pour désactiver la règle.")
    assert not fix("Le bouton est visible.", "Le bouton est invisible.")
    assert not fix("Das Feld ist leer.", "Das Feld ist voll.")
    # Chinese and Thai write a clause as one run of letters: two characters changed in
    # it are a word changed, not a letter.
    assert not fix("在画图板块生成的图片会自动保存到资源库。", "在图像板块生成的图片会自动保存到资源库。")
    assert not fix("ภาพที่สร้างในโมดูลวาดภาพจะถูกบันทึก", "ภาพที่สร้างในพื้นที่ภาพจะถูกบันทึก")


def test_a_commit_that_rewrites_most_of_the_page_translates_all_of_it():
    old = [f"ancienne ligne {k}" for k in range(10)]
    new = [f"nouvelle ligne {k}" for k in range(6)] + old[6:]
    steps = [("rewrite", hunks(old, new), lambda h: False), ("first", hunks([], old), lambda h: False)]
    assert attribute(len(new), steps) == ["rewrite"] * 10


def test_patch_parsing_reads_only_the_files_asked_for():
    body = (
        "\ndiff --git a/docs/fr/a.md b/docs/fr/a.md\nindex 1..2 100644\n--- a/docs/fr/a.md\n+++ b/docs/fr/a.md\n"
        "@@ -3 +3,2 @@ ctx\n-old line\n+new line\n+-- not a header\n@@ -10,0 +12 @@\n+added\n"
        "diff --git a/docs/de/a.md b/docs/de/a.md\n--- a/docs/de/a.md\n+++ b/docs/de/a.md\n@@ -1 +1 @@\n-x\n+y\n"
    )
    (found,) = list(_parse_patch(body, 8, {"docs/fr/a.md"}, {}))
    name, parsed = found
    assert name == "docs/fr/a.md"
    assert parsed == [Hunk(3, 1, 3, 2, ("old line",), ("new line", "-- not a header")),
                      Hunk(10, 0, 12, 1, (), ("added",))]


def test_patch_parsing_finds_a_renamed_file_under_its_name_today():
    # Newest first: the commit that renamed docs/_es/a.md to docs/es/a.md (one line
    # changed), then an older commit of the old name, which is the same file's history.
    renamed: dict = {}
    move = ("\ndiff --git a/docs/_es/a.md b/docs/es/a.md\nsimilarity index 90%\n"
            "rename from docs/_es/a.md\nrename to docs/es/a.md\nindex 1..2 100644\n"
            "--- a/docs/_es/a.md\n+++ b/docs/es/a.md\n@@ -2 +2 @@\n-viejo\n+nuevo\n")
    assert [n for n, _ in _parse_patch(move, 8, {"docs/es/a.md"}, renamed)] == ["docs/es/a.md"]
    pure = "\ndiff --git a/docs/es/b.md b/docs/es/c.md\nsimilarity index 100%\nrename from docs/es/b.md\nrename to docs/es/c.md\n"
    assert list(_parse_patch(pure, 8, {"docs/es/c.md"}, renamed)) == [("docs/es/c.md", [])]
    older = "\ndiff --git a/docs/_es/a.md b/docs/_es/a.md\n--- a/docs/_es/a.md\n+++ b/docs/_es/a.md\n@@ -1 +1 @@\n-x\n+y\n"
    assert list(_parse_patch(older, 8, {"docs/es/a.md"}, renamed)) == [("docs/es/a.md", [Hunk(1, 1, 1, 1, ("x",), ("y",))])]


# ---------------------------------------------------------------- evidence


def _seg(text="", urls=(), code=(), kind="paragraph"):
    from transcheck.model import Kind, Segment

    return Segment(0, 1, 1, text, Kind(kind), urls=tuple(urls), code=tuple(code))


def test_a_link_moved_to_another_anchor_is_carried_by_a_localised_link():
    from transcheck.history.evidence import carried

    old = _seg("Set up the processor.", urls=["/en/guides/markdown/#switching-to-unified"])
    new = _seg("Set up the processor.", urls=["/en/guides/markdown/#setting-up-a-processor"])
    same_anchor = [_seg("Configurez le processeur.", urls=["/fr/guides/markdown/#setting-up-a-processor"])]
    stale = [_seg("Configurez le processeur.", urls=["/fr/guides/markdown/#switching-to-unified"])]
    own_anchor = [_seg("Configurez le processeur.", urls=["/fr/guides/markdown/#configurer-un-processeur"])]
    assert carried(old, new, same_anchor, ("en", "fr"))
    assert not carried(old, new, stale, ("en", "fr"))
    assert carried(old, new, own_anchor, ("en", "fr"))


def test_a_code_span_added_to_a_list_with_its_comma_is_carried_by_a_translation_that_has_it():
    from transcheck.history.evidence import carried

    # Inline code is out of the text: what is left differs by the list's comma only.
    old = _seg("See also: .", code=["age-keygen"])
    new = _seg("See also: , .", code=["age-keygen", "age-inspect"])
    updated = [_seg("Voir aussi : , .", code=["age-keygen", "age-inspect"])]
    behind = [_seg("Voir aussi : .", code=["age-keygen"])]
    assert carried(old, new, updated, ("en", "fr"))
    assert not carried(old, new, behind, ("en", "fr"))


def test_a_link_the_paragraph_had_twice_and_changed_once_is_carried_by_the_same_change():
    from transcheck.history.evidence import carried

    old = _seg("Install it, or read the guide.", urls=["https://x.dev/a", "https://x.dev/a"])
    new = _seg("Install it, or read the guide.", urls=["https://x.dev/a", "https://x.dev/b"])
    updated = [_seg("Installez-le, ou lisez le guide.", urls=["https://x.dev/a", "https://x.dev/b"])]
    behind = [_seg("Installez-le, ou lisez le guide.", urls=["https://x.dev/a", "https://x.dev/a"])]
    assert carried(old, new, updated, ("en", "fr"))
    assert not carried(old, new, behind, ("en", "fr"))


def test_a_moved_page_is_carried_only_by_the_new_path():
    from transcheck.history.evidence import carried

    old = _seg("Customizable.", urls=["/en/guides/integrations-guide/"])
    new = _seg("Customizable.", urls=["/en/guides/integrations/"])
    assert carried(old, new, [_seg("Anpassbar.", urls=["/de/guides/integrations/"])], ("en", "de"))
    assert not carried(old, new, [_seg("Anpassbar.", urls=["/de/guides/integrations-guide/"])], ("en", "de"))


def test_a_code_block_nearer_the_new_source_is_carried():
    from transcheck.history.evidence import carried

    old = _seg("export default defineConfig({ adapter: vercel() })", kind="code")
    new = _seg("export default defineConfig({ adapter: vercel() });", kind="code")
    assert carried(old, new, [_seg("export default defineConfig({ adapter: vercel() });", kind="code")],
                   ("en", "ko"))
    assert not carried(old, new, [_seg("export default defineConfig({ adapter: vercel() })", kind="code")],
                       ("en", "ko"))
    # An edit of spacing alone, which chrF does not read, made in the translation too.
    old = _seg("GOOD: * [A Book](https://example.com/) - John Doe (HTML) *(:card_file_box: archived)*", kind="code")
    new = _seg("GOOD: * [A Book](https://example.com/) - John Doe (HTML) *( :card_file_box: archived)*", kind="code")
    assert carried(old, new, [_seg(new.text.replace("GOOD", "RICHTIG"), kind="code")], ("en", "de"))
    assert not carried(old, new, [_seg(old.text.replace("GOOD", "RICHTIG"), kind="code")], ("en", "de"))


def test_a_word_put_in_code_is_carried_by_a_translation_with_that_code():
    from transcheck.history.evidence import carried

    old = _seg("Secure (https) URLs are preferred over plain ones.")
    new = _seg("Secure () URLs are preferred over plain ones.", code=["https"])
    assert carried(old, new, [_seg("Sichere () URLs werden bevorzugt.", code=["https"])], ("en", "de"))
    assert not carried(old, new, [_seg("Sichere (https) URLs werden bevorzugt.")], ("en", "de"))


def test_latin_words_only_put_in_are_carried_by_a_translation_of_another_script_with_them():
    from transcheck.history.evidence import carried

    old = _seg("You can find the file in the root of the project.")
    new = _seg("You can find the flat config file in the root of the project.")
    assert carried(old, new, [_seg("你可以在项目根目录找到 flat config 文件。")], ("en", "zh"))
    assert not carried(old, new, [_seg("你可以在项目根目录找到该文件。")], ("en", "zh"))
    # In Latin letters the words may be the translation's own: no evidence.
    assert not carried(old, new, [_seg("Die flat config Datei liegt im Projekt.")], ("en", "de"))


def test_numbers_joined_into_one_are_carried_by_a_translation_with_them():
    from transcheck.history.evidence import carried

    old, new = _seg("We support MiniCPM 4 and LLaVA today."), _seg("We support MiniCPM 4/5 and LLaVA today.")
    assert carried(old, new, [_seg("我们目前支持 MiniCPM 4/5 和 LLaVA。")], ("en", "zh"))
    assert not carried(old, new, [_seg("我们目前支持 MiniCPM 4 和 LLaVA。")], ("en", "zh"))


def test_a_few_words_reworded_is_minor_but_a_name_or_more_words_is_not():
    from transcheck.history.evidence import minor

    assert minor(_seg("A bunch of dataclasses laying around."), _seg("A bunch of dataclasses lying around."))
    assert minor(_seg("Never worry about: hooks."), _seg("Never worry about hooks."))
    assert minor(_seg("All the framework was designed."), _seg("The whole framework was designed."))
    assert not minor(_seg("It is read at start-up."), _seg("It is read again on every run."))
    assert not minor(_seg("Deploy with Vercel."), _seg("Deploy with Netlify."))
    assert not minor(_seg("Runs on 3 workers."), _seg("Runs on 4 workers."))
    # Words put back in another form of themselves are grammar, by the source's stemmer.
    old, new = (_seg("You can run a Nushell script with commands and their arguments."),
                _seg("You can run Nushell scripts with command and its argument."))
    assert minor(old, new, "en")
    assert not minor(old, new)
    assert not minor(_seg("You can run a script with commands and flags."),
                     _seg("You can run a program with options and values."), "en")


def test_a_name_recased_with_a_new_anchor_is_carried_by_the_translated_anchor():
    from transcheck.history.evidence import carried

    old = _seg("Recma plugins are not supported.", urls=["/en/guides/md/#switching-to-unified"])
    new = _seg("recma plugins are not supported.", urls=["/en/guides/md/#setting-up-a-processor"])
    mine = [_seg("Les modules Recma ne sont pas pris en charge.", urls=["/fr/guides/md/#configurer-un-processeur"])]
    assert carried(old, new, mine, ("en", "fr"))


def test_a_page_update_translates_the_page_but_a_word_fixed_in_a_long_page_only_its_line():
    page = [f"ligne traduite {k}" for k in range(200)]
    fixed = list(page)
    fixed[50] = "ligne corrigée 50"  # one word made another, in place: a reader's correction
    synced = page[:100] + ["paragraphe ajouté"] + page[100:]  # a paragraph put in: an update
    for new, expect in ((fixed, ["first"] * 50 + ["fix"] + ["first"] * 149), (synced, ["sync"] * 201)):
        hunk = "fix" if new is fixed else "sync"
        steps = [(hunk, hunks(page, new), lambda h: False, True), ("first", hunks([], page), lambda h: False, True)]
        assert attribute(len(new), steps) == expect
