"""The records entity finding hands on: model spans in, entities and title cues out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.analysis.lexicon import Match
    from briefing.models import Entity


@dataclass(frozen=True)
class ModelSpan:
    """A span the statistical model labelled."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class TitleCue:
    """A title written next to a person: `text` is body[start:end], the person follows it."""

    start: int
    end: int
    text: str
    person_key: str
    name_end: int  # where the person's name ends: the role claim runs from start to here
    claim_start: int | None = None  # a title after the name: the claim starts at the name


@dataclass(frozen=True)
class EntityFindings:
    """The entities with their mentions, and the titles written next to people."""

    entities: tuple[Entity, ...]
    matches: tuple[Match, ...]  # every mention, in order, with its lexicon entry
    titles: tuple[TitleCue, ...]
    references: tuple[tuple[int, int, str], ...] = ()  # "the minister": (start, end, key)
