"""Every visible label of the rendered briefing, looked up in gettext message catalogues.

The texts live in `locale/<language>/LC_MESSAGES/briefing.po`, one catalogue per report
language, under symbolic message ids ("section.claims"). Templates call `_("section.claims")`
through Jinja's i18n extension (see `render.html`); Python code (Markdown, the page
footer, PDF metadata) calls a `Labels` object the same way.

The catalogues are shipped as .po files and parsed at run time with Babel's `read_po`, not
compiled to .mo: hatchling has no gettext compile step, a committed .mo would be a binary
copy that can fall out of step with its .po, and parsing ~150 messages takes a few
milliseconds once per process. Babel is imported on first use, so `briefing --help` does
not pay for it.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path
from typing import Final

from briefing.vocab import ReportLanguage

#: Report languages with a catalogue; others fall back to English.
LANGUAGES: Final = tuple(language.value for language in ReportLanguage)

#: Languages written right to left (the report or the article may be in one of these).
RTL_LANGUAGES: Final = frozenset({"ar", "fa", "he", "ps", "ur", "yi"})

LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"
DOMAIN: Final = "briefing"


def catalogue_path(language: str) -> Path:
    """Return the .po file of a report language."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str) -> dict[str, str]:
    """Return a report language's messages, id -> text, as its .po file gives them."""
    from babel.messages.pofile import read_po  # Babel only when a report is rendered

    path = catalogue_path(language)
    with path.open("rb") as file:
        parsed = read_po(file, locale=language, domain=DOMAIN)
    return {
        str(message.id): str(message.string)
        for message in parsed
        if message.id and isinstance(message.id, str) and message.string
    }


class Translations(gettext.NullTranslations):
    """A gettext translations object over one catalogue, falling back to English.

    This is what Jinja's `install_gettext_translations` receives; an id missing from both
    catalogues comes back as itself, as gettext does.
    """

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.messages = catalogue(language)
        self.english = None if language == "en" else Translations("en")

    def gettext(self, message: str) -> str:
        if message in self.messages:
            return self.messages[message]
        return self.english.gettext(message) if self.english else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)

    def __contains__(self, message: object) -> bool:
        if message in self.messages:
            return True
        return self.english is not None and message in self.english


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> Translations:
    """Return the (cached) translations of a report language."""
    return Translations(language if language in LANGUAGES else "en")


class Labels:
    """Looks up report labels in one language; called as `_("msg.id", name=value)`."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"

    @property
    def translations(self) -> Translations:
        return translations(self.language)

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    def __call__(self, msgid: str, /, **params: object) -> str:
        if msgid not in self.translations:
            raise KeyError(f"no message {msgid!r} in the {self.language} catalogue")
        # Always %-formatted, as Jinja's newstyle gettext does, so "%%" means the same in both.
        return self.translations.gettext(msgid) % params

    def has(self, msgid: str) -> bool:
        return msgid in self.translations

    def maybe(self, msgid: str, fallback: str) -> str:
        """Return the label for `msgid`, or `fallback` for values the catalogue does not know."""
        return self(msgid) if self.has(msgid) else fallback
