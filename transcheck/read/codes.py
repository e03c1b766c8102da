"""What discovery says about a code in a path that is not plainly a language.

Three cases, each a warning naming the path (exit code 2 under ``--strict``), never a
file dropped unseen:

- a code that is no language (``cn``, ``kh``, ``ptbr``): the files are not read, and
  the message says what the code most likely means and how to map it
  (``[language-codes] cn = "zh-CN"``);
- a code that is a language in ISO 639 and a country in ISO 3166 whose language is
  another (``tw``: Twi, or Taiwan; ``kr``: Kanuri, or Korea), where the file's own text
  reads as the country's language: the files are read as the code says, and the
  message names both readings, with a layout or without one (``README.kr.md``). Only
  the text's evidence raises it: ``ml`` pages in Malayalam script, or ``ca`` pages in
  Catalan, are not Mali's or Canada's;
- files without a language part where no source language is set.

A mapping in ``[language-codes]`` (``tw = "zh-TW"``, or ``tw = "tw"`` to keep Twi)
settles a code: nothing more is said about it.
"""

from __future__ import annotations

from transcheck.model import InputProblem
from transcheck.read.languages import code_hint, country_reading, mapping_key

SAMPLE_BYTES = 16384
KEYED_BYTES = 4 * 1024 * 1024


def unknown_code(shown: str, raw: str, count: int, where: str = "") -> InputProblem:
    hint = code_hint(raw)
    key = raw if raw.replace("-", "").replace("_", "").isalnum() else f'"{raw}"'
    advice = (f'if it means {hint}, map it: [language-codes] {key} = "{hint}"' if hint else
              f'map it to a language tag in [language-codes] ({key} = "...")')
    files = f"{count} file{'s' if count != 1 else ''} not read"
    return InputProblem(shown, f"unknown language code {raw!r} in the path{where}; {files}; {advice}",
                        severity="warning")


def ambiguous_code(shown: str, raw: str, language: str, country: str, count: int) -> InputProblem:
    from transcheck.langid.names import language_name

    files = f"{count} file{'s' if count != 1 else ''}"
    return InputProblem(
        shown,
        f"{raw!r} is {language_name(language)} in ISO 639, but the text reads as {language_name(country)} "
        f"({raw.upper()} is a country code): {files} read as {language_name(language)}; map the code in "
        f'[language-codes] ({mapping_key(raw)} = "{country}", or "{language}" to keep it)',
        severity="warning",
    )


def questionable(raw: str, codes) -> str | None:
    """The country's language when ``raw`` is a two-way code the project has not
    mapped, else None."""
    if mapping_key(raw) in dict(codes):
        return None
    return country_reading(raw)


def reads_as_country(path: str, language: str, country: str) -> bool:
    """Whether the first part of the file reads as ``country`` (a language tag) rather
    than ``language``: its writing system is the country language's and not the code's
    (Chinese text under ``tw``, Twi being Latin), or, in a shared script, the language
    model prefers the country's language where it knows both."""
    from transcheck.langid import Identifier, langdetect_names, neutral_removed
    from transcheck.langid.script import script_counts, scripts_of
    from transcheck.model import base_language
    from transcheck.read.contain import read_regular

    from transcheck.formats import for_path

    fmt = for_path(path)
    keyed = fmt is not None and fmt.keyed
    try:
        # A resource's keys and markup (name="queue_label" in an Arabic strings.xml)
        # are no language: its values are read, and a value is only whole in a file
        # read whole.
        data = read_regular(path, KEYED_BYTES if keyed else SAMPLE_BYTES)[0]
    except (OSError, ValueError):
        return False
    if keyed:
        text = neutral_removed("\n".join(_values(fmt, data)))
    else:
        text = neutral_removed("\n".join(_prose_lines(data[:SAMPLE_BYTES].decode("utf-8", "ignore"))))
    counts = script_counts(text)
    letters = sum(counts.values())
    if letters < 40:
        return False
    ours, theirs = scripts_of(language), scripts_of(country)
    # A fifth is plenty: one Han character is a word, and link texts and names stay Latin.
    # Latin is no proof: it is also the script of the names and of the English an
    # Assamese or a Chuvash file keeps; there the language model must name the country's.
    # The code's own script, where it is not Latin, must be the lesser: a Sanskrit file
    # in Devanagari with a value pasted in Arabic letters is still Sanskrit.
    proof = theirs - ours - {"Latin"}
    found = sum(n for s, n in counts.items() if s in proof)
    if proof and found >= 0.2 * letters and found > sum(n for s, n in counts.items() if s in ours - {"Latin"}):
        return True
    script = max(sorted(counts), key=counts.__getitem__)
    if script not in theirs or not langdetect_names(country) or (
            script in ours and not langdetect_names(language)):
        return False
    # English among the readings: values copied from an English source are no
    # Portuguese of Cape Verde.
    guess = Identifier(sorted({language, country, "en"})).identify(text)
    return guess.language == base_language(country)


def _values(fmt, data: bytes) -> list[str]:
    """The first values of a keyed resource, up to ``SAMPLE_BYTES`` of text; none for a
    file over ``KEYED_BYTES`` or one its format cannot read (no evidence either way)."""
    from transcheck.formats import FormatError
    from transcheck.read.decode import decode, split_lines

    if len(data) > KEYED_BYTES:
        return []
    try:
        segments = fmt.segment(split_lines(decode(data).text))
    except (FormatError, ValueError, UnicodeError):
        return []
    out, size = [], 0
    for seg in segments:
        out.append(seg.text)
        size += len(seg.text)
        if size >= SAMPLE_BYTES:
            break
    return out


def _prose_lines(text: str):
    """Lines outside fenced code, which reads the same in every language."""
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced:
            yield line


def ambiguous_codes(specs, codes) -> list[InputProblem]:
    """Without a layout, the files whose code in the name (``README.kr.md``, ``kr/``) is
    a two-way code their text reads as the country's language, where that language has
    a script of its own (Korean under ``kr``, Chinese under ``tw``): one warning per
    code, as a layout's discovery gives. Without a layout the name is the only sign of a
    language the user gave, so a reading by the language model alone is not enough."""
    import os

    from transcheck.langid.script import scripts_of
    from transcheck.read.languages import resolve_code

    found: dict[tuple[str, str, str], list[str]] = {}
    for spec in specs:
        stem = os.path.splitext(os.path.basename(spec.path))[0]
        for raw in (stem.rsplit(".", 1)[-1], os.path.basename(os.path.dirname(spec.path)).removesuffix(".lproj")):
            if raw and resolve_code(raw, codes) == spec.language and (country := questionable(raw, codes)):
                if scripts_of(country) - scripts_of(spec.language) - {"Latin"}:
                    found.setdefault((raw, spec.language, country), []).append(spec.path)
                break
    return [ambiguous_code(files[0], raw, language, country, len(files))
            for (raw, language, country), files in sorted(found.items())
            if any(reads_as_country(path, language, country) for path in files[:3])]
