"""English names of languages, for messages, from CLDR (``transcheck.langdata``)."""

from transcheck import langdata
from transcheck.model import base_language


def _subtag_name(part: str) -> str:
    # Four letters are a script (Hant, Latn), two letters or three digits a region.
    name = langdata.script_name(part) if len(part) == 4 else langdata.region_name(part)
    return name or part


def language_name(code: str) -> str:
    """"Italian" for "it"; "Chinese (Traditional)" for "zh-Hant", "Portuguese (Brazil)"
    for "pt-BR"; a code it does not know, as it is."""
    name = langdata.language_name(base_language(code))
    if name is None:
        return code
    rest = code.replace("_", "-").split("-")[1:]
    if not rest:
        return name
    return f"{name} ({', '.join(_subtag_name(part) for part in rest)})"


def quoted_in(code: str, text: str) -> str:
    """An excerpt with the language it is in, in words: 'Italian: “…”'. Rules quote a
    peer's text this way, never with a bare code."""
    return f"{language_name(code)}: “{text}”"
