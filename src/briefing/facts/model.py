"""The fact table's records: sources, roles, entities and facts, merged into one FactTable.

Frozen and hashable, and free of any YAML: `briefing.facts.validate` builds them from a file's
nodes. Dates are ISO strings at their precision (YYYY, YYYY-MM or YYYY-MM-DD).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

VERSION = 1
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")
PLACE_TYPES = frozenset({"GPE", "LOC"})
RELIABILITY_GRADES = "ABCDEF"

ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


# ---------------------------------------------------------------------------------------------
# Dates at their precision


def date_bounds(value: str) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day covered by a YYYY, YYYY-MM or YYYY-MM-DD date.

    Raises ValueError when `value` is not such a date or is not a real calendar date.
    """
    match = ISO_DATE.fullmatch(value)
    if match is None:
        raise ValueError(f"date {value!r} is not in the form YYYY, YYYY-MM or YYYY-MM-DD")
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    try:
        if month_text is None:
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        month = int(month_text)
        first = datetime.date(year, month, 1)
        if day_text is None:
            last_day = calendar.monthrange(year, month)[1]
            return first, datetime.date(year, month, last_day)
        day = datetime.date(year, month, int(day_text))
    except ValueError:
        raise ValueError(f"date {value} is not a real calendar date") from None
    return day, day


def precision_of(value: str) -> str:
    """Return 'year', 'month' or 'day': how precisely a valid ISO date string is given."""
    date_bounds(value)
    return ("year", "month", "day")[value.count("-")]


# ---------------------------------------------------------------------------------------------
# Records


class LanguageMap(Mapping[str, tuple[str, ...]]):
    """Phrases by ISO 639-1 language code; immutable and hashable, so records stay hashable."""

    __slots__ = ("_phrases",)

    def __init__(self, phrases: Mapping[str, Iterable[str]] | None = None) -> None:
        self._phrases = {code: tuple(words) for code, words in (phrases or {}).items()}

    def __getitem__(self, language: str) -> tuple[str, ...]:
        return self._phrases[language]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phrases)

    def __len__(self) -> int:
        return len(self._phrases)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._phrases.items())))

    def __repr__(self) -> str:
        return f"LanguageMap({self._phrases!r})"

    def of(self, language: str) -> tuple[str, ...]:
        """Return the phrases written for `language`, () when there are none."""
        return self._phrases.get(language, ())


@dataclass(frozen=True)
class Source:
    """Where a fact was established: a title, and optionally who published it, where and when."""

    title: str
    publisher: str | None
    url: str | None
    date: str | None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Role:
    """A dated office an entity held; `start` and `end` are the YAML's `from` and `to`."""

    title: str
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=LanguageMap)
    start: str | None = None
    end: str | None = None

    def held_on(self, day: datetime.date) -> bool:
        """Return whether the role was held on `day`; bounds are inclusive and open when None.

        A bound covers its whole precision: a role from 2012 was held on 2012-01-01.
        """
        if self.start is not None and day < date_bounds(self.start)[0]:
            return False
        return not (self.end is not None and day > date_bounds(self.end)[1])


@dataclass(frozen=True)
class TableEntity:
    """A person, organisation or place the desk follows, with its names in each language."""

    id: str
    type: str
    name: str
    aliases: Mapping[str, tuple[str, ...]]
    description: str | None
    roles: tuple[Role, ...]
    reliability: str | None = None  # Admiralty grade A-F, when the entity is a source/speaker
    line: int = field(default=0, compare=False)

    def names_in(self, language: str) -> tuple[str, ...]:
        """Return the display name and the aliases for `language`, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases.get(language, ()))))

    def roles_held_on(self, day: datetime.date) -> tuple[Role, ...]:
        """Return the roles the entity held on `day`."""
        return tuple(role for role in self.roles if role.held_on(day))


@dataclass(frozen=True)
class Fact:
    """Something the desk has established (or knows to be false), with its sources."""

    id: str
    statement: str
    about: tuple[str, ...]
    cues: Mapping[str, tuple[str, ...]]
    date: str | None
    place: str | None
    quantity: float | None
    rating: bool
    sources: tuple[Source, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class FactTable:
    """Every entity and fact of one or more tables, merged and indexed by id."""

    title: str | None
    as_of: str | None
    paths: tuple[str, ...]
    sha256: str  # over the raw bytes of all files, in order
    entities: tuple[TableEntity, ...]
    facts: tuple[Fact, ...]

    @cached_property
    def entities_by_id(self) -> Mapping[str, TableEntity]:
        """Return every entity by its id."""
        return {entity.id: entity for entity in self.entities}

    @cached_property
    def facts_by_id(self) -> Mapping[str, Fact]:
        """Return every fact by its id."""
        return {fact.id: fact for fact in self.facts}

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        """Return the distinct sources of all facts, in the order they are first cited."""
        return tuple(dict.fromkeys(source for fact in self.facts for source in fact.sources))

    def entity(self, entity_id: str) -> TableEntity:
        """Return the entity with this id; raises KeyError when there is none."""
        return self.entities_by_id[entity_id]

    def fact(self, fact_id: str) -> Fact:
        """Return the fact with this id; raises KeyError when there is none."""
        return self.facts_by_id[fact_id]

    def facts_about(self, entity_id: str) -> tuple[Fact, ...]:
        """Return the facts whose `about` names this entity."""
        return tuple(fact for fact in self.facts if entity_id in fact.about)
