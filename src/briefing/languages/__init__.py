"""Language modules: one per language, all behind `LanguageRules`."""

from __future__ import annotations

from briefing.languages.ar import ARABIC
from briefing.languages.base import LanguageRules
from briefing.languages.en import ENGLISH

LANGUAGES: dict[str, LanguageRules] = {"ar": ARABIC, "en": ENGLISH}


def rules_for(code: str) -> LanguageRules:
    """Return the rules of a language by its ISO 639-1 code."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}: choose one of ar, en") from None


def detect_language(text: str) -> str:
    """Return 'ar' when Arabic letters outnumber Latin ones, else 'en'."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return "ar" if arabic > latin else "en"
