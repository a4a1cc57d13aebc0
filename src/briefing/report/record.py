"""The briefing as a typed record: what the analysis found and what the fact table says of it.

Every renderer takes a `Briefing`. Its fields are those of the briefing JSON
(specs/briefing-json.md), in the JSON's order: `to_json` is the one place JSON is made, and
`from_json` (in `report.parse`) the one place a JSON-shaped mapping is read back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from briefing.vocab import Verdict

SCHEMA_VERSION = 1


def as_dict(record: Any) -> Any:
    """Return a record as JSON-shaped values: dicts in field order, lists for tuples."""
    if isinstance(record, (str, int, float, bool)) or record is None:
        return record
    if isinstance(record, (tuple, list)):
        return [as_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: as_dict(value) for key, value in record.items()}
    return {name: as_dict(getattr(record, name)) for name in _field_names(type(record))}


# dataclasses.fields() builds its answer on every call, and a briefing has hundreds of records.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    return names


@dataclass(frozen=True)
class Generator:
    name: str = "briefing"
    version: str = ""


@dataclass(frozen=True)
class ArticleInfo:
    """What is known about the article, and its body as read."""

    title: str | None = None
    language: str = "en"
    published: str | None = None  # ISO date
    source: str | None = None
    sha256: str | None = None
    characters: int | None = None
    published_from: str | None = None  # "option" | "front-matter" | "html"
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    body: str = ""


@dataclass(frozen=True)
class MentionEntry:
    text: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class EntityEntry:
    """A person, organisation or place the article names, as the briefing lists it."""

    entity_id: str | None
    name: str
    type: str
    mentions: tuple[MentionEntry, ...] = ()
    canonical: str | None = None
    role: str | None = None
    known: bool = False


@dataclass(frozen=True)
class DateEntry:
    text: str
    value: str | None
    precision: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class DurationEntry:
    text: str
    value: str | None
    quantity: float | None
    unit: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class EventEntry:
    type: str
    text: str
    participants: tuple[str, ...]
    place: str | None
    date: str | None
    sentence_start: int | None
    sentence_end: int | None
    start: int | None = None
    end: int | None = None
    summary: str = ""


@dataclass(frozen=True)
class SpeakerEntry:
    text: str
    entity_id: str | None
    anonymous: bool = False
    carried: bool = False


@dataclass(frozen=True)
class EvidenceEntry:
    """Why a claim got its verdict: one fact, one attribute, both values."""

    fact_id: str
    relation: str  # supports | contradicts
    attribute: str
    claim_value: str | None
    fact_value: str | None
    reason: str


@dataclass(frozen=True)
class Grade:
    """The Admiralty grade: the source's reliability A-F, the information's credibility 1-6."""

    reliability: str
    credibility: int
    code: str


@dataclass(frozen=True)
class ClaimEntry:
    """A claim with its verdict and the evidence behind it."""

    id: str
    text: str
    start: int | None
    end: int | None
    kind: str
    speaker: SpeakerEntry | None
    entities: tuple[str, ...]
    dates: tuple[str, ...]
    check_worthiness: float | None
    verdict: Verdict
    evidence: tuple[EvidenceEntry, ...]
    grade: Grade | None = None


@dataclass(frozen=True)
class Summary:
    """Counts over the claims."""

    claims: int = 0
    supported: int = 0
    contradicted: int = 0
    unverified: int = 0

    @classmethod
    def of(cls, claims: tuple[ClaimEntry, ...] | list[ClaimEntry]) -> Summary:
        """Return the counts of `claims`: how many, and how many of each verdict."""
        return cls(
            claims=len(claims),
            supported=sum(c.verdict is Verdict.SUPPORTED for c in claims),
            contradicted=sum(c.verdict is Verdict.CONTRADICTED for c in claims),
            unverified=sum(c.verdict is Verdict.UNVERIFIED for c in claims),
        )

    def count(self, verdict: Verdict) -> int:
        """Return how many claims have `verdict`."""
        return int(getattr(self, verdict.value))


@dataclass(frozen=True)
class SourceEntry:
    n: int
    title: str
    publisher: str | None
    url: str | None
    date: str | None


@dataclass(frozen=True)
class FactEntry:
    """A fact that evidence cites, with its sources."""

    id: str
    statement: str
    date: str | None
    place: str | None
    sources: tuple[SourceEntry, ...]


@dataclass(frozen=True)
class FactTableInfo:
    title: str | None
    as_of: str | None
    sha256: str | None
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Briefing:
    """A fact-check briefing of one article: the record every format is rendered from."""

    schema_version: int = SCHEMA_VERSION
    generator: Generator = field(default_factory=Generator)
    article: ArticleInfo = field(default_factory=ArticleInfo)
    entities: tuple[EntityEntry, ...] = ()
    dates: tuple[DateEntry, ...] = ()
    durations: tuple[DurationEntry, ...] = ()
    events: tuple[EventEntry, ...] = ()
    claims: tuple[ClaimEntry, ...] = ()
    summary: Summary = field(default_factory=Summary)
    lead: str | None = None
    facts: tuple[FactEntry, ...] = ()
    sources: tuple[SourceEntry, ...] = ()
    fact_table: FactTableInfo | None = None
    unresolved: tuple[str, ...] = ()
    models: dict[str, str | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the briefing as the JSON object of specs/briefing-json.md, keys in order."""
        return {name: as_dict(getattr(self, name)) for name in _field_names(Briefing)}

    def to_json(self) -> str:
        """Return the briefing as indented UTF-8 JSON: the text `--format json` writes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, data: object) -> Briefing:
        """Return the briefing a JSON-shaped mapping holds; what is missing or malformed gets
        the value a briefing without it would have."""
        from briefing.report.parse import briefing_from_json

        return briefing_from_json(data)

    def claim(self, claim_id: str) -> ClaimEntry:
        """Return the claim with this id, or raise KeyError."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)
