"""The plain records that flow between stages: spaCy stops at `extract`, these go on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefing.vocab import Verdict


@dataclass(frozen=True)
class Article:
    """An article as read: its body (front matter removed) and what is known about it."""

    body: str
    source: str
    language: str
    title: str | None = None
    published: dt.date | None = None
    published_from: str | None = None  # "option" | "front-matter" | "html" | None
    outlet: str | None = None
    url: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"  # the codec that decoded it
    author: str | None = None


@dataclass(frozen=True)
class Mention:
    """One place in the body where an entity is named (clitics left outside the span)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with all its mentions grouped."""

    key: str  # fact-table id, gazetteer id, or a key made from the surface form
    entity_id: str | None  # the fact table's id, None when the table does not know it
    name: str
    type: str  # PERSON | ORG | GPE | LOC
    mentions: tuple[Mention, ...]
    role: str | None = None  # the title the fact table gives it on the publication date


@dataclass(frozen=True)
class TimeRef:
    """A time expression in the body, resolved against the publication date."""

    start: int
    end: int
    text: str
    kind: str  # "date" | "duration"
    value: str | None
    precision: str  # year | month | day | relative | duration
    quantity: float | None = None
    unit: str | None = None
    approximate: bool = False  # the likeliest reading of an unsure span ("last week")
    attributive: bool = False  # dates a noun ("the 2004 champion"), not the sentence's event


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to."""

    text: str
    entity_key: str | None
    anonymous: bool = False
    carried: bool = False  # taken over from the previous sentence (وأضاف, "he added")


@dataclass(frozen=True)
class Claim:
    """A claim as found in the text, before cross-referencing."""

    id: str
    start: int
    end: int
    text: str
    kind: str  # quote | reported | assertion | role
    speaker: Speaker | None
    entity_keys: tuple[str, ...]
    times: tuple[TimeRef, ...]
    places: tuple[str, ...]  # entity keys of places the text ties to the claim's event
    numbers: tuple[float, ...]
    check_worthiness: float
    denied: bool = False  # the claim reports something as denied
    role_title: str | None = None  # for kind "role": the title as written
    role_person: str | None = None  # for kind "role": the person's entity key
    mention_spans: tuple[tuple[int, int, str], ...] = ()  # (start, end, entity key) in the body


@dataclass(frozen=True)
class Event:
    """Something that happened or will happen, as the text tells it."""

    type: str
    trigger: str
    start: int
    end: int
    participants: tuple[str, ...]
    place: str | None
    date: str | None
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Extraction:
    """Everything the analysis found in one article, as plain records."""

    entities: tuple[Entity, ...]
    times: tuple[TimeRef, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    sentences: tuple[tuple[int, int], ...] = field(default=())


@dataclass(frozen=True)
class Evidence:
    """Why a claim got its verdict: one fact, one attribute, both values."""

    fact_id: str
    relation: str  # supports | contradicts
    attribute: str  # match | date | place | quantity | rating | role
    claim_value: str | None
    fact_value: str | None
    reason: str


@dataclass(frozen=True)
class Finding:
    """A claim with its verdict and the evidence behind it."""

    claim: Claim
    verdict: Verdict
    evidence: tuple[Evidence, ...]
