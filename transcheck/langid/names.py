"""English names of the languages transcheck meets most, for messages."""

from transcheck.model import base_language

_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "nl": "Dutch", "no": "Norwegian", "nb": "Norwegian Bokmål",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "th": "Thai",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}


# Script and region subtags a documentation tree uses to tell variants apart.
_VARIANTS = {
    "hant": "Traditional", "hans": "Simplified", "latn": "Latin", "cyrl": "Cyrillic",
    "br": "Brazil", "pt": "Portugal", "tw": "Taiwan", "hk": "Hong Kong", "cn": "China",
    "us": "US", "gb": "UK", "mx": "Mexico", "es": "Spain", "ca": "Canada", "fr": "France",
}


def language_name(code: str) -> str:
    """"Italian" for "it"; "Chinese (Traditional)" for "zh-Hant", "Portuguese (Brazil)"
    for "pt-BR"; a code it does not know, as it is."""
    name = _NAMES.get(base_language(code))
    if name is None:
        return code
    rest = code.replace("_", "-").split("-")[1:]
    if not rest:
        return name
    return f"{name} ({', '.join(_VARIANTS.get(part.lower(), part) for part in rest)})"


def quoted_in(code: str, text: str) -> str:
    """An excerpt with the language it is in, in words: 'Italian: “…”'. Rules quote a
    peer's text this way, never with a bare code."""
    return f"{language_name(code)}: “{text}”"
