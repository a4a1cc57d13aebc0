"""The languages briefing reads: one `Language` per language, in one registry.

A language is a module (here `ar`, `en`) that builds a `Language` and registers it; the analysis
asks the registry for it by code and never branches on a language's code.
"""

from __future__ import annotations

from briefing.languages import ar, en
from briefing.languages.base import Language, LanguageRules

__all__ = ["Language", "LanguageRules", "codes", "detect_language", "get", "register", "unregister"]

_REGISTRY: dict[str, Language] = {}

# The language a text is taken to be in when no other script has more letters in it.
_FALLBACK = "en"


def register(language: Language) -> None:
    """Make a language available by its code (a language registered again is replaced)."""
    _REGISTRY[language.code] = language


def unregister(code: str) -> None:
    """Remove a language from the registry (a test's own language, when the test ends)."""
    _REGISTRY.pop(code, None)


def codes() -> tuple[str, ...]:
    """Return the codes of the registered languages, in the order they were registered."""
    return tuple(_REGISTRY)


def get(code: str) -> Language:
    """Return the language of an ISO 639-1 code."""
    try:
        return _REGISTRY[code]
    except KeyError:
        choices = ", ".join(_REGISTRY)
        raise ValueError(f"unsupported language {code!r}: choose one of {choices}") from None


def detect_language(text: str) -> str:
    """Return the code of the language whose script has the most letters in `text`.

    Only a language with strictly more letters than the fallback (English) wins: a text with
    no letters, or as many Latin letters as Arabic ones, is English.
    """
    counts = {
        code: sum(1 for c in text if lang.script_letter(c))
        for code, lang in _REGISTRY.items()
        if lang.script_letter is not None
    }
    best = _FALLBACK
    for code, count in counts.items():
        if count > counts.get(best, 0):
            best = code
    return best


register(ar.ARABIC)
register(en.ENGLISH)
