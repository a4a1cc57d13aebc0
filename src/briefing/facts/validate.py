"""A fact table's YAML nodes -> its records, with every problem at its line and a hint.

This reads version 1 of the fact-table format: the keys each record may have, and the rules of
each field beyond its kind of value.
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.facts.hints import TYPE_SYNONYMS, closest, url_problem
from briefing.facts.model import (
    ENTITY_TYPES,
    VERSION,
    Fact,
    Role,
    Source,
    TableEntity,
    date_bounds,
)
from briefing.facts.reader import NULL_TAG, NodeReader, Reference

_TABLE_KEYS = ("version", "title", "as_of", "entities", "facts")
_ENTITY_KEYS = ("id", "type", "name", "aliases", "description", "roles", "reliability")
_ROLE_KEYS = ("title", "cues", "from", "to")
_FACT_KEYS = ("id", "statement", "about", "cues", "date", "place", "quantity", "rating", "sources")
_SOURCE_KEYS = ("title", "publisher", "url", "date")


@dataclass(frozen=True)
class FileTable:
    """One file's table, before the tables given together are merged."""

    title: str | None
    as_of: str | None
    entities: tuple[TableEntity, ...]
    facts: tuple[Fact, ...]


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
                and value_node.tag != NULL_TAG
            ):
                return str(value_node.value).strip() or None
    return None


def source_from_node(node: Node, reader: NodeReader, *, owner: str) -> Source | None:
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
        problem = url_problem(url)
        if problem:
            reader.report(fields["url"], f"{owner}: {problem}")
    return Source(
        title=title or "",
        publisher=reader.optional_text(fields, "publisher", owner=owner),
        url=url,
        date=reader.optional_date(fields, "date", owner=owner),
        line=reader.line_of(fields.get("title", node)),
    )


def role_from_node(node: Node, reader: NodeReader, *, entity: str, number: int) -> Role | None:
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
    return Role(
        title=title or "",
        cues=reader.phrases(fields.get("cues"), label="cues", owner=owner),
        start=start,
        end=end,
    )


def entity_from_node(node: Node, reader: NodeReader, *, number: int) -> TableEntity | None:
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
        guess = TYPE_SYNONYMS.get(entity_type.upper()) or closest(entity_type.upper(), ENTITY_TYPES)
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
        role = role_from_node(role_node, reader, entity=owner, number=index)
        if role is not None:
            roles.append(role)
    aliases = reader.phrases(fields.get("aliases"), label="aliases", owner=owner)
    description = reader.optional_text(fields, "description", owner=owner)
    reliability = reader.reliability(fields.get("reliability"), owner=owner)
    if entity_id is None:
        return None
    return TableEntity(
        id=entity_id,
        type=entity_type or "",
        name=name or "",
        aliases=aliases,
        description=description,
        roles=tuple(roles),
        reliability=reliability,
        line=reader.line_of(fields.get("id", node)),
    )


def fact_from_node(node: Node, reader: NodeReader, *, number: int) -> Fact | None:
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
        reader.references.append(Reference(reader.line_of(fields["place"]), owner, place, True))
    sources = []
    source_nodes = reader.items(fields.get("sources"), label="sources", owner=owner)
    for index, source_node in enumerate(source_nodes, start=1):
        source = source_from_node(source_node, reader, owner=f"{owner}, source {index}")
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
    return Fact(
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


def table_from_node(root: Node, reader: NodeReader) -> FileTable | None:
    """Return the table a file's root node holds; its problems go to `reader`."""
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
        if (entity := entity_from_node(node, reader, number=number)) is not None
    ]
    facts = [
        fact
        for number, node in enumerate(
            reader.items(fields.get("facts"), label="facts", owner="the table"), start=1
        )
        if (fact := fact_from_node(node, reader, number=number)) is not None
    ]
    return FileTable(
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
