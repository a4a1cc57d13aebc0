"""The project's vocabularies, defined once: formats, verdicts, the --fail-on gate, paper sizes,
claim kinds and report languages, as `str` enums (a member is its own value in JSON and f-strings).
"""

from __future__ import annotations

from enum import Enum


class Word(str, Enum):
    """A vocabulary word: compares, hashes, formats and serialises as its value."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """Return the words in the order they are defined."""
        return tuple(member.value for member in cls)


class Format(Word):
    """An output format of a briefing (JUnit is a report of the claims, written beside one)."""

    PDF = "pdf"
    HTML = "html"
    JSON = "json"
    MD = "md"
    CLAIMREVIEW = "claimreview"


class Verdict(Word):
    """What the fact table says of a claim, from best to worst."""

    SUPPORTED = "supported"
    UNVERIFIED = "unverified"
    CONTRADICTED = "contradicted"

    @property
    def severity(self) -> int:
        """Return how bad the verdict is: 0 supported, 1 unverified, 2 contradicted."""
        return list(Verdict).index(self)

    @classmethod
    def of(cls, value: object) -> Verdict:
        """Return the verdict a value names; anything this version does not know is unverified."""
        try:
            return cls(value)
        except ValueError:
            return cls.UNVERIFIED


#: The order reports show verdicts in: the worst first.
REPORT_ORDER = (Verdict.CONTRADICTED, Verdict.SUPPORTED, Verdict.UNVERIFIED)


class FailOn(Word):
    """The --fail-on gate: trip on claims this bad or worse, or never."""

    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"
    NEVER = "never"

    def trips(self, verdict: Verdict) -> bool:
        """Say whether a claim with `verdict` trips this gate."""
        return self is not FailOn.NEVER and verdict.severity >= Verdict(self.value).severity


class Paper(Word):
    """A PDF paper size; the value is the CSS `@page size` keyword."""

    A3 = "A3"
    A4 = "A4"
    A5 = "A5"
    LETTER = "letter"
    LEGAL = "legal"

    @classmethod
    def parse(cls, text: str) -> Paper | None:
        """Return the paper size `text` names, in any case, or None."""
        wanted = text.strip().casefold()
        return next((paper for paper in cls if paper.value.casefold() == wanted), None)


class ClaimKind(Word):
    """How a claim is made in the text."""

    QUOTE = "quote"
    REPORTED = "reported"
    ASSERTION = "assertion"
    ROLE = "role"


class ReportLanguage(Word):
    """A language the report's labels are written in (the catalogues under locale/)."""

    AR = "ar"
    EN = "en"
