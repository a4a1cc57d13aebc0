"""Fact tables: the analyst's YAML (or JSON) files -> one validated, indexed FactTable.

Analysts write these files by hand, so every problem in every file is reported at once, each as
`PATH:LINE: what to do`, and never as a traceback. To know the line of every value, the YAML is
composed into nodes and walked here rather than loaded into plain Python objects. This module
reads version 1 of the fact-table format.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import hashlib
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from briefing.errors import FactTableError

VERSION = 1
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")
PLACE_TYPES = frozenset({"GPE", "LOC"})
RELIABILITY_GRADES = "ABCDEF"

_TABLE_KEYS = ("version", "title", "as_of", "entities", "facts")
_ENTITY_KEYS = ("id", "type", "name", "aliases", "description", "roles", "reliability")
_ROLE_KEYS = ("title", "cues", "from", "to")
_FACT_KEYS = ("id", "statement", "about", "cues", "date", "place", "quantity", "rating", "sources")
_SOURCE_KEYS = ("title", "publisher", "url", "date")

# Words people reach for instead of the format's own; difflib cannot guess these.
_KEY_SYNONYMS = {
    "start": "from",
    "since": "from",
    "begin": "from",
    "end": "to",
    "until": "to",
    "link": "url",
    "href": "url",
    "source": "sources",
    "entity": "entities",
    "fact": "facts",
    "alias": "aliases",
    "cue": "cues",
    "label": "name",
    "kind": "type",
    "claim": "statement",
    "text": "statement",
    "location": "place",
    "number": "quantity",
    "amount": "quantity",
    "truth": "rating",
}
_TYPE_SYNONYMS = {
    "PER": "PERSON",
    "PEOPLE": "PERSON",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "COUNTRY": "GPE",
    "CITY": "GPE",
    "STATE": "GPE",
    "LOCATION": "LOC",
    "PLACE": "LOC",
}
_LANGUAGE_SYNONYMS = {
    "eng": "en",
    "english": "en",
    "ara": "ar",
    "arabic": "ar",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "rus": "ru",
    "russian": "ru",
    "zho": "zh",
    "chi": "zh",
    "chinese": "zh",
    "spa": "es",
    "spanish": "es",
    "deu": "de",
    "ger": "de",
    "german": "de",
}

_ID = re.compile(r"[a-z0-9-]+")
_LANGUAGE = re.compile(r"[a-z]{2}")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# What people write when they mean a date: unpadded parts, or a time after the day.
_LOOSE_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?(?:[T ].*)?")
# YAML 1.1 reads `1e5` as text; a number written plainly is still meant as a number.
_PLAIN_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"


# ---------------------------------------------------------------------------------------------
# Dates at their precision


def date_bounds(value: str) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day covered by a YYYY, YYYY-MM or YYYY-MM-DD date.

    Raises ValueError when `value` is not such a date or is not a real calendar date.
    """
    match = _DATE.fullmatch(value)
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


def _date_problem(label: str, text: str) -> str | None:
    """Return what is wrong with a date written as `text`, or None when it is valid."""
    try:
        date_bounds(text)
    except ValueError:
        pass
    else:
        return None
    if _DATE.fullmatch(text):
        return f"{label} {text} is not a real calendar date"
    # Suggest the date meant: Western digits, padded month and day, no time of day.
    western = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)
    loose = _LOOSE_DATE.fullmatch(western)
    if loose is not None:
        year, month, day = loose.groups()
        candidate = "-".join([year] + [part.zfill(2) for part in (month, day) if part])
        try:
            date_bounds(candidate)
        except ValueError:
            return f"{label} {text} is not a real calendar date"
        return f"{label} {text} is not in the form YYYY, YYYY-MM or YYYY-MM-DD: write {candidate}"
    return (
        f"{label} {text!r} is not in the form YYYY, YYYY-MM or YYYY-MM-DD: "
        f"write for example 2023-03-17, 2023-03 or 2023"
    )


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

    @classmethod
    def from_yaml(cls, node: Node, reader: NodeReader, *, owner: str) -> Source | None:
        """Return the source written at `node`, or None when it is not a mapping."""
        if isinstance(node, ScalarNode) and not reader.is_null(node):
            reader.report(
                node,
                f"{owner}: a source must be a mapping with at least a title: "
                f"write - title: {node.value}",
            )
            return None
        fields = reader.fields(node, owner=owner, kind="a source", allowed=_SOURCE_KEYS)
        if fields is None:
            return None
        title = reader.required_text(
            node, fields, "title", owner=owner, hint="add the title of the page or document"
        )
        url = reader.optional_text(fields, "url", owner=owner)
        if url is not None:
            problem = _url_problem(url)
            if problem:
                reader.report(fields["url"], f"{owner}: {problem}")
        return cls(
            title=title or "",
            publisher=reader.optional_text(fields, "publisher", owner=owner),
            url=url,
            date=reader.optional_date(fields, "date", owner=owner),
            line=reader.line_of(fields.get("title", node)),
        )


def _url_problem(url: str) -> str | None:
    """Return what is wrong with a source's url, or None when it is an http(s) link."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc:
        return None
    if scheme in ("http", "https"):
        return f"url '{url}' names no site: write it in full, such as https://www.example.org/"
    if not scheme and re.match(r"[\w-]+(\.[\w-]+)+(/|$)", url):
        return f"url '{url}' has no scheme: write https://{url}"
    if scheme:
        return (
            f"url '{url}' is not a web link: only http:// and https:// links may be given, "
            "because only they become links in the briefing"
        )
    return f"url '{url}' is not a web link: write it in full, starting with https://"


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

    @classmethod
    def from_yaml(cls, node: Node, reader: NodeReader, *, entity: str, number: int) -> Role | None:
        """Return the role written at `node` (the `number`th of `entity`), or None if unusable."""
        title_text = _peek_text(node, "title")
        owner = f"{entity}, role '{title_text}'" if title_text else f"{entity}, role #{number}"
        fields = reader.fields(node, owner=owner, kind="a role", allowed=_ROLE_KEYS)
        if fields is None:
            return None
        title = reader.required_text(
            node, fields, "title", owner=owner, hint="add the office, such as President of Russia"
        )
        start = reader.optional_date(fields, "from", owner=owner)
        end = reader.optional_date(fields, "to", owner=owner)
        if start and end and date_bounds(start)[0] > date_bounds(end)[1]:
            reader.report(
                fields["to"],
                f"{owner}: from {start} is after to {end}; a role must start before it ends",
            )
        return cls(
            title=title or "",
            cues=reader.phrases(fields.get("cues"), label="cues", owner=owner),
            start=start,
            end=end,
        )


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

    @classmethod
    def from_yaml(cls, node: Node, reader: NodeReader, *, number: int) -> TableEntity | None:
        """Return the entity written at `node` (the `number`th), or None when it has no id."""
        owner = _owner("entity", _peek_text(node, "id"), number)
        fields = reader.fields(node, owner=owner, kind="an entity", allowed=_ENTITY_KEYS)
        if fields is None:
            return None
        entity_id = reader.identifier(node, fields, owner=owner, example="vladimir-putin")
        entity_type = reader.required_text(
            node, fields, "type", owner=owner, hint="add one of " + ", ".join(ENTITY_TYPES)
        )
        if entity_type is not None and entity_type not in ENTITY_TYPES:
            guess = _TYPE_SYNONYMS.get(entity_type.upper()) or _closest(
                entity_type.upper(), ENTITY_TYPES
            )
            hint = f"; did you mean '{guess}'?" if guess else ""
            reader.report(
                fields["type"],
                f"{owner}: type '{entity_type}' is not one of {', '.join(ENTITY_TYPES)}{hint}",
            )
            entity_type = None
        name = reader.required_text(
            node, fields, "name", owner=owner, hint="add the canonical display name"
        )
        roles = []
        for index, role_node in enumerate(
            reader.items(fields.get("roles"), label="roles", owner=owner), start=1
        ):
            role = Role.from_yaml(role_node, reader, entity=owner, number=index)
            if role is not None:
                roles.append(role)
        aliases = reader.phrases(fields.get("aliases"), label="aliases", owner=owner)
        description = reader.optional_text(fields, "description", owner=owner)
        reliability = reader.reliability(fields.get("reliability"), owner=owner)
        if entity_id is None:
            return None
        return cls(
            id=entity_id,
            type=entity_type or "",
            name=name or "",
            aliases=aliases,
            description=description,
            roles=tuple(roles),
            reliability=reliability,
            line=reader.line_of(fields.get("id", node)),
        )


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

    @classmethod
    def from_yaml(cls, node: Node, reader: NodeReader, *, number: int) -> Fact | None:
        """Return the fact written at `node` (the `number`th), or None when it has no id.

        The entity ids it names are noted on `reader`, to be checked once every table is read.
        """
        owner = _owner("fact", _peek_text(node, "id"), number)
        fields = reader.fields(node, owner=owner, kind="a fact", allowed=_FACT_KEYS)
        if fields is None:
            return None
        fact_id = reader.identifier(node, fields, owner=owner, example="icc-warrant-putin")
        statement = reader.required_text(
            node, fields, "statement", owner=owner, hint="add the fact as one sentence"
        )
        about = reader.about(node, fields, owner=owner)
        place = reader.optional_text(fields, "place", owner=owner)
        if place is not None:
            reader.references.append(
                _Reference(reader.line_of(fields["place"]), owner, place, True)
            )
        sources = []
        source_nodes = reader.items(fields.get("sources"), label="sources", owner=owner)
        for index, source_node in enumerate(source_nodes, start=1):
            source = Source.from_yaml(source_node, reader, owner=f"{owner}, source {index}")
            if source is not None:
                sources.append(source)
        sources_node = fields.get("sources")
        if sources_node is None or reader.is_null(sources_node):
            reader.report(
                sources_node or node,
                f"{owner} has no sources; add at least one, such as - title: ...",
            )
        elif isinstance(sources_node, SequenceNode) and not sources_node.value:
            reader.report(sources_node, f"{owner}: sources is empty; add at least one source")
        cues = reader.phrases(fields.get("cues"), label="cues", owner=owner)
        date = reader.optional_date(fields, "date", owner=owner)
        quantity = reader.quantity(fields.get("quantity"), owner=owner)
        rating = reader.rating(fields.get("rating"), owner=owner)
        if fact_id is None:
            return None
        return cls(
            id=fact_id,
            statement=statement or "",
            about=about,
            cues=cues,
            date=date,
            place=place,
            quantity=quantity,
            rating=rating,
            sources=tuple(sources),
            line=reader.line_of(fields.get("id", node)),
        )


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


# ---------------------------------------------------------------------------------------------
# Reading nodes


@dataclass(frozen=True)
class _Problem:
    line: int  # 0: the problem concerns the whole file
    column: int  # 0: not known
    message: str


@dataclass(frozen=True)
class _Reference:
    """An entity id a fact names, checked once every table has been read."""

    line: int
    owner: str
    entity_id: str
    is_place: bool


def _owner(kind: str, identifier: str | None, number: int) -> str:
    return f"{kind} '{identifier}'" if identifier else f"{kind} #{number}"


def _peek_text(node: Node, key: str) -> str | None:
    """Return the plain text under `key` in a mapping node, to name it in messages."""
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if (
                isinstance(key_node, ScalarNode)
                and key_node.value == key
                and isinstance(value_node, ScalarNode)
                and value_node.tag != _NULL_TAG
            ):
                return str(value_node.value).strip() or None
    return None


def _closest(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _flow_list(text: str) -> str:
    """Return `text` as a one-item YAML flow list, quoted when YAML would misread it."""
    if re.search(r"[,:\[\]{}#&*!|>'\"%@`]", text) or text != text.strip():
        return f"[{json.dumps(text, ensure_ascii=False)}]"
    return f"[{text}]"


def _format_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _fix_surrogates(text: str) -> str:
    # YAML decodes a JSON escape such as "\ud83d\ude00" into two surrogates; join them.
    if any("\ud800" <= char <= "\udfff" for char in text):
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


class NodeReader:
    """Reads one file's YAML nodes into records, noting every problem with its line."""

    def __init__(self, *, json_mode: bool = False) -> None:
        self.json_mode = json_mode
        self.problems: list[_Problem] = []
        self.references: list[_Reference] = []
        self._constructor = SafeConstructor()

    # -- reporting

    @staticmethod
    def line_of(node: Node) -> int:
        return int(node.start_mark.line) + 1 if node.start_mark is not None else 0

    def report(self, where: Node | int, message: str, *, column: int = 0) -> None:
        line = where if isinstance(where, int) else self.line_of(where)
        self.problems.append(_Problem(line, column, message))

    # -- scalars

    def is_null(self, node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.tag == _NULL_TAG

    def value(self, node: ScalarNode) -> Any:
        """Return the scalar as YAML (or JSON) means it; its text when it cannot be built."""
        if self.json_mode:
            if _is_plain(node):
                try:
                    return json.loads(node.value)
                except ValueError:
                    return node.value
            return _fix_surrogates(node.value)
        try:
            return self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            # Such as an impossible timestamp (2023-02-30): the caller judges the text.
            return node.value

    def describe(self, node: Node) -> str:
        """Return what a node holds, in words: 'a list', 'text', 'a number'..."""
        if isinstance(node, MappingNode):
            return "a mapping"
        if not isinstance(node, ScalarNode):
            return "a list"
        value = self.value(node)
        if value is None:
            return "nothing"
        if isinstance(value, bool):
            return "true/false"
        if isinstance(value, int | float):
            return "a number"
        return "text"

    def text(self, node: Node, *, label: str, owner: str) -> str | None:
        """Return a scalar's text as written, None when empty; report any other node.

        The text is taken as written, not as YAML 1.1 would read it, so that `name: No`
        or `no: [...]` (Norwegian) stay text and a year stays "2012".
        """
        if isinstance(node, ScalarNode):
            if self.is_null(node):
                return None
            return _fix_surrogates(str(node.value)).strip()
        self.report(node, f"{owner}: {label} must be text, not {self.describe(node)}")
        return None

    def optional_text(self, fields: Mapping[str, Node], key: str, *, owner: str) -> str | None:
        if key not in fields:
            return None
        return self.text(fields[key], label=key, owner=owner) or None

    def required_text(
        self, node: Node, fields: Mapping[str, Node], key: str, *, owner: str, hint: str
    ) -> str | None:
        if key not in fields:
            self.report(node, f"{owner} has no {key}; {hint}")
            return None
        value_node = fields[key]
        text = self.text(value_node, label=key, owner=owner)
        if not text and isinstance(value_node, ScalarNode):
            self.report(value_node, f"{owner}: {key} is empty; {hint}")
        return text or None

    def identifier(
        self, node: Node, fields: Mapping[str, Node], *, owner: str, example: str
    ) -> str | None:
        text = self.required_text(
            node, fields, "id", owner=owner, hint=f"add one such as 'id: {example}'"
        )
        if text is not None and not _ID.fullmatch(text):
            slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
            hint = f": write '{slug}'" if slug else ""
            self.report(
                fields["id"],
                f"{owner}: id '{text}' may only hold lowercase letters, digits and hyphens{hint}",
            )
        return text

    def optional_date(self, fields: Mapping[str, Node], key: str, *, owner: str) -> str | None:
        """Return the date under `key` as an ISO string at its precision, None when absent."""
        text = self.optional_text(fields, key, owner=owner)
        if text is None:
            return None
        problem = _date_problem(key, text)
        if problem:
            self.report(fields[key], f"{owner}: {problem}")
            return None
        return text

    # -- collections

    def entries(self, node: MappingNode, *, owner: str) -> dict[str, tuple[Node, Node]]:
        """Return a mapping's key and value nodes by key, merging `<<` and reporting repeats."""
        return self._entries(node, owner=owner, merging=frozenset())

    def _entries(
        self, node: MappingNode, *, owner: str, merging: frozenset[int]
    ) -> dict[str, tuple[Node, Node]]:
        own: dict[str, tuple[Node, Node]] = {}
        merged: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in sources:
                    if isinstance(source, MappingNode) and id(source) not in merging:
                        inner = self._entries(source, owner=owner, merging=merging | {id(node)})
                        for key, pair in inner.items():
                            merged.setdefault(key, pair)
                    elif not isinstance(source, MappingNode):
                        self.report(source, f"{owner}: '<<' can only merge mappings")
                continue
            if not isinstance(key_node, ScalarNode):
                self.report(
                    key_node, f"{owner} has a key that is {self.describe(key_node)}, not a word"
                )
                continue
            key = str(key_node.value)
            if key in own:
                first = self.line_of(own[key][0])
                self.report(
                    key_node, f"{owner} has the key '{key}' twice (also on line {first}); keep one"
                )
                continue
            own[key] = (key_node, value_node)
        return merged | own

    def fields(
        self, node: Node, *, owner: str, kind: str, allowed: Sequence[str]
    ) -> dict[str, Node] | None:
        """Return a record's value nodes by key, reporting unknown keys; None if no mapping."""
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"{owner} must be a mapping of keys such as {allowed[0]}: ..., "
                f"not {self.describe(node)}",
            )
            return None
        fields: dict[str, Node] = {}
        for key, (key_node, value_node) in self.entries(node, owner=owner).items():
            if key in allowed:
                fields[key] = value_node
                continue
            guess = _KEY_SYNONYMS.get(key.lower())
            if guess not in allowed:
                guess = _closest(key.lower(), allowed)
            hint = (
                f"did you mean '{guess}'?"
                if guess
                else f"{kind} may only have {', '.join(allowed)}"
            )
            self.report(key_node, f"{owner} has an unknown key '{key}'; {hint}")
        return fields

    def items(self, node: Node | None, *, label: str, owner: str) -> list[Node]:
        """Return the nodes of a list; [] when absent or empty, reporting anything else."""
        if node is None or self.is_null(node):
            return []
        if isinstance(node, SequenceNode):
            return list(node.value)
        self.report(node, f"{owner}: {label} must be a list, not {self.describe(node)}")
        return []

    def strings(self, node: Node, *, label: str, owner: str) -> tuple[str, ...]:
        """Return a list of non-empty texts; a bare string is refused with the fix."""
        if isinstance(node, ScalarNode) and not self.is_null(node):
            written = str(node.value).strip()
            self.report(
                node, f"{owner}: {label} must be a list, not a string: write {_flow_list(written)}"
            )
            return ()
        texts: list[str] = []
        for item in self.items(node, label=label, owner=owner):
            if not isinstance(item, ScalarNode):
                self.report(item, f"{owner}: {label} must hold text, not {self.describe(item)}")
                continue
            text = self.text(item, label=label, owner=owner)
            if text:
                texts.append(text)
            else:
                self.report(item, f"{owner}: {label} holds an empty entry; remove it")
        return tuple(dict.fromkeys(texts))

    def phrases(self, node: Node | None, *, label: str, owner: str) -> LanguageMap:
        """Return phrases by language code, such as `en: [Putin]`, reporting every slip."""
        if node is None or self.is_null(node):
            return LanguageMap()
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"{owner}: {label} must map language codes to lists, such as "
                f"{label}: {{en: [...]}}, not {self.describe(node)}",
            )
            return LanguageMap()
        phrases: dict[str, tuple[str, ...]] = {}
        for code, (key_node, value_node) in self.entries(node, owner=owner).items():
            if not _LANGUAGE.fullmatch(code):
                guess = _LANGUAGE_SYNONYMS.get(code.lower()) or (
                    code.lower() if _LANGUAGE.fullmatch(code.lower()) else None
                )
                hint = f"; did you mean '{guess}'?" if guess else ""
                self.report(
                    key_node,
                    f"{owner}: {label} key '{code}' is not an ISO 639-1 language code "
                    f"(two lowercase letters){hint}",
                )
                continue
            phrases[code] = self.strings(value_node, label=f"{label}.{code}", owner=owner)
        return LanguageMap(phrases)

    # -- the fields with their own rules

    def about(self, node: Node, fields: Mapping[str, Node], *, owner: str) -> tuple[str, ...]:
        if "about" not in fields or self.is_null(fields["about"]):
            self.report(
                fields.get("about", node),
                f"{owner} has no about; list the ids of the entities it is about, "
                "such as about: [vladimir-putin]",
            )
            return ()
        about = self.strings(fields["about"], label="about", owner=owner)
        if not about and isinstance(fields["about"], SequenceNode) and not fields["about"].value:
            self.report(fields["about"], f"{owner}: about is empty; list at least one entity id")
        items = fields["about"].value if isinstance(fields["about"], SequenceNode) else []
        for item in items:
            if isinstance(item, ScalarNode) and not self.is_null(item):
                entity_id = str(item.value).strip()
                if entity_id:
                    self.references.append(_Reference(self.line_of(item), owner, entity_id, False))
        return about

    def quantity(self, node: Node | None, *, owner: str) -> float | None:
        if node is None or self.is_null(node):
            return None
        if not isinstance(node, ScalarNode):
            self.report(node, f"{owner}: quantity must be a number, not {self.describe(node)}")
            return None
        value = self.value(node)
        if isinstance(value, str) and _is_plain(node) and _PLAIN_NUMBER.fullmatch(value):
            value = float(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:
                number = math.inf
            if math.isfinite(number):
                return number
            self.report(node, f"{owner}: quantity {node.value} is not a finite number")
            return None
        hint = ""
        if isinstance(value, str):
            candidate = re.sub(r"[\s,_]", "", value)
            try:
                hint = f": write {_format_number(float(candidate))} without quotes or separators"
            except (ValueError, OverflowError):
                hint = ""
        self.report(node, f"{owner}: quantity must be a number, not {self.describe(node)}{hint}")
        return None

    def rating(self, node: Node | None, *, owner: str) -> bool:
        if node is None or self.is_null(node):
            return True
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool):
            return value
        shown = f"'{node.value}'" if isinstance(node, ScalarNode) else self.describe(node)
        hint = ""
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            hint = f": write {value.strip().lower()} without quotes"
        self.report(
            node,
            f"{owner}: rating must be true or false (false for a known false claim), "
            f"not {shown}{hint}",
        )
        return True

    def reliability(self, node: Node | None, *, owner: str) -> str | None:
        if node is None:
            return None
        grade = self.text(node, label="reliability", owner=owner)
        if grade is None or (len(grade) == 1 and grade in RELIABILITY_GRADES):
            return grade
        guess = grade[:1].upper()
        hint = f": write '{guess}'" if guess and guess in RELIABILITY_GRADES else ""
        self.report(
            node,
            f"{owner}: reliability '{grade}' must be one letter from A (reliable) to F "
            f"(cannot be judged){hint}",
        )
        return None


# ---------------------------------------------------------------------------------------------
# Files and tables


@dataclass(frozen=True)
class _FileTable:
    title: str | None
    as_of: str | None
    entities: tuple[TableEntity, ...]
    facts: tuple[Fact, ...]


def _read_bytes(path: Path) -> tuple[bytes | None, str | None]:
    """Return the file's bytes, or the sentence that says why it cannot be read."""
    if path.is_dir():
        return None, "this is a folder, not a fact table file; give the path of a .yaml file"
    try:
        return path.read_bytes(), None
    except FileNotFoundError:
        return None, "no such file; check the path"
    except PermissionError:
        return None, "the file cannot be read: permission denied"
    except OSError as error:
        return None, f"the file cannot be read: {error.strerror or error}"


def _decode(raw: bytes, reader: NodeReader) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        reader.report(1, "the file is UTF-16; save it as UTF-8")
        return None
    try:
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line = raw[:offset].count(b"\n") + 1
        reader.report(line, f"the file is not UTF-8 (byte 0x{raw[offset]:02X}); save it as UTF-8")
        return None


def _syntax_hint(problem: str) -> str:
    if "'\\t'" in problem:
        return "; indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "; put text that holds ': ' in quotes"
    return ""


# PyYAML's binding to libyaml, which its wheels carry; None where it was built without it.
_FAST_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)


def _is_plain(node: ScalarNode) -> bool:
    """Whether a scalar was written without quotes (style None from PyYAML, '' from libyaml)."""
    return not node.style


def _compose(text: str, reader: NodeReader) -> Node | None:
    """Return the document's root node, reporting syntax errors with line and column."""
    if reader.json_mode:
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            reader.report(error.lineno, f"JSON syntax error: {error.msg}", column=error.colno)
            return None
        except RecursionError:
            reader.report(1, "the JSON nests too deeply to be read")
            return None
        # Valid JSON holds tabs only between tokens, where YAML refuses them; a space keeps
        # every line and column in place.
        text = text.replace("\t", " ")
    if _FAST_LOADER is not None:
        # libyaml reads a table ten times as fast; on any problem the pure-Python reader reads
        # it again, as its messages are the ones users see (with the line shown, and a hint).
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, ValueError):
            pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        words = ", ".join(part for part in (error.context, error.problem) if part)
        kind = "JSON" if reader.json_mode else "YAML"
        if mark is None:
            reader.report(1, f"{kind} syntax error: {words}")
        else:
            reader.report(
                mark.line + 1,
                f"{kind} syntax error: {words}{_syntax_hint(words)}",
                column=mark.column + 1,
            )
    except ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        char = error.character if isinstance(error.character, int) else ord(error.character)
        reader.report(
            line,
            f"YAML syntax error: the file holds the control character U+{char:04X}; remove it",
            column=column,
        )
    except yaml.YAMLError as error:
        reader.report(1, f"YAML syntax error: {error}")
    except RecursionError:
        reader.report(1, "the file nests too deeply to be read")
    return None


def _read_table(raw: bytes, reader: NodeReader) -> _FileTable | None:
    """Return the table in one file's bytes; its problems go to `reader`."""
    text = _decode(raw, reader)
    if text is None:
        return None
    if not text.strip():
        reader.report(0, "the file is empty; a fact table starts with 'version: 1'")
        return None
    root = _compose(text, reader)
    if root is None:
        if not reader.problems:
            reader.report(0, "the file holds only comments; a fact table starts with 'version: 1'")
        return None
    if not isinstance(root, MappingNode):
        reader.report(
            root,
            "a fact table is a mapping that starts with 'version: 1', "
            f"but this file holds {reader.describe(root)}",
        )
        return None
    fields = reader.fields(root, owner="the table", kind="a table", allowed=_TABLE_KEYS)
    assert fields is not None  # root is a mapping
    if not _check_version(fields.get("version"), reader):
        return None
    entities = [
        entity
        for number, node in enumerate(
            reader.items(fields.get("entities"), label="entities", owner="the table"), start=1
        )
        if (entity := TableEntity.from_yaml(node, reader, number=number)) is not None
    ]
    facts = [
        fact
        for number, node in enumerate(
            reader.items(fields.get("facts"), label="facts", owner="the table"), start=1
        )
        if (fact := Fact.from_yaml(node, reader, number=number)) is not None
    ]
    return _FileTable(
        title=reader.optional_text(fields, "title", owner="the table"),
        as_of=reader.optional_date(fields, "as_of", owner="the table"),
        entities=tuple(entities),
        facts=tuple(facts),
    )


def _check_version(node: Node | None, reader: NodeReader) -> bool:
    """Return whether the rest of the file can be read as version 1, reporting why not."""
    if node is None:
        reader.report(1, "the table has no version; add 'version: 1' at the top")
        return True
    value = reader.value(node) if isinstance(node, ScalarNode) else None
    if value == VERSION and not isinstance(value, bool | str):
        return True
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Another version's keys would only drown this message in noise.
        reader.report(node, f"unknown version {node.value}: this briefing reads version {VERSION}")
        return False
    reader.report(
        node, f"version must be the number {VERSION}, not {reader.describe(node)}: write version: 1"
    )
    return True


def load_fact_tables(paths: Sequence[str | os.PathLike[str]]) -> FactTable:
    """Return the tables at `paths` merged into one, validated and indexed.

    Raises FactTableError listing every problem in every file, each as `PATH:LINE: problem`,
    sorted by file (in the order given) then line.
    """
    if not paths:
        raise ValueError("load_fact_tables needs at least one path")
    labels = [os.fspath(path) for path in paths]
    problems: list[tuple[int, _Problem]] = []
    digest = hashlib.sha256()
    tables: list[tuple[int, _FileTable]] = []
    references: list[tuple[int, _Reference]] = []
    given: dict[Path, str] = {}
    for index, label in enumerate(labels):
        path = Path(label)
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):
            resolved = path
        if resolved in given:
            problems.append((index, _Problem(0, 0, "this table is given twice; give it once")))
            continue
        given[resolved] = label
        raw, failure = _read_bytes(path)
        if raw is None:
            problems.append((index, _Problem(0, 0, failure or "the file cannot be read")))
            continue
        digest.update(raw)
        reader = NodeReader(json_mode=path.suffix.lower() == ".json")
        table = _read_table(raw, reader)
        problems.extend((index, problem) for problem in reader.problems)
        references.extend((index, reference) for reference in reader.references)
        if table is not None:
            tables.append((index, table))

    entities = _unique(
        [(index, entity) for index, table in tables for entity in table.entities],
        kind="entity",
        labels=labels,
        problems=problems,
    )
    facts = _unique(
        [(index, fact) for index, table in tables for fact in table.facts],
        kind="fact",
        labels=labels,
        problems=problems,
    )
    by_id = {entity.id: entity for entity in entities}
    for index, reference in references:
        problem = _reference_problem(reference, by_id)
        if problem:
            problems.append((index, _Problem(reference.line, 0, problem)))

    if problems:
        raise FactTableError(_format_problems(problems, labels))
    titles = [table.title for _, table in tables if table.title]
    return FactTable(
        title=" + ".join(dict.fromkeys(titles)) or None,
        as_of=next((table.as_of for _, table in tables if table.as_of), None),
        paths=tuple(labels),
        sha256=digest.hexdigest(),
        entities=tuple(entities),
        facts=tuple(facts),
    )


_Record = TypeVar("_Record", TableEntity, Fact)


def _unique(
    records: list[tuple[int, _Record]],
    *,
    kind: str,
    labels: list[str],
    problems: list[tuple[int, _Problem]],
) -> list[_Record]:
    """Return the first record of each id, reporting every later one with both locations."""
    first: dict[str, tuple[int, int]] = {}
    kept: list[_Record] = []
    for index, record in records:
        if record.id in first:
            first_index, first_line = first[record.id]
            where = (
                f"on line {first_line}"
                if first_index == index
                else f"at {labels[first_index]}:{first_line}"
            )
            message = (
                f"{kind} id '{record.id}' is already used {where}; give each {kind} its own id"
            )
            problems.append((index, _Problem(record.line, 0, message)))
            continue
        first[record.id] = (index, record.line)
        kept.append(record)
    return kept


def _reference_problem(reference: _Reference, entities: Mapping[str, TableEntity]) -> str | None:
    entity = entities.get(reference.entity_id)
    noun = "place" if reference.is_place else "entity"
    if entity is None:
        guess = _closest(reference.entity_id, entities)
        hint = f"; did you mean '{guess}'?" if guess else ""
        return f"{reference.owner} names {noun} '{reference.entity_id}', which is not defined{hint}"
    if reference.is_place and entity.type and entity.type not in PLACE_TYPES:
        return (
            f"{reference.owner} has place '{entity.id}', which is a {entity.type}; "
            "a place must be an entity of type GPE or LOC"
        )
    return None


def _format_problems(problems: list[tuple[int, _Problem]], labels: list[str]) -> list[str]:
    ordered = sorted(problems, key=lambda item: (item[0], item[1].line, item[1].column))
    lines: list[str] = []
    for index, problem in ordered:
        where = labels[index]
        if problem.line:
            where += f":{problem.line}"
            if problem.column:
                where += f":{problem.column}"
        lines.append(f"{where}: {problem.message}")
    return list(dict.fromkeys(lines))  # a node shared through a YAML alias reports once


def check_fact_table(path: str | os.PathLike[str]) -> list[str]:
    """Return every problem in the fact table at `path`, [] when it is valid."""
    try:
        load_fact_tables([path])
    except FactTableError as error:
        return list(error.problems)
    return []


def summarise(table: FactTable) -> str:
    """Return one line such as 'facts.yaml: valid, 31 entities, 9 facts, 14 sources'."""

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    return (
        f"{' + '.join(table.paths)}: valid, "
        f"{count(len(table.entities), 'entity', 'entities')}, "
        f"{count(len(table.facts), 'fact', 'facts')}, "
        f"{count(len(table.sources), 'source', 'sources')}"
    )
