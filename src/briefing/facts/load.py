"""Fact-table files -> one FactTable: reading, decoding, composing, merging, and the report.

Every problem in every file is reported at once, each as `PATH:LINE: what to do`, and never as
a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from yaml.nodes import Node
from yaml.reader import ReaderError

from briefing.errors import FactTableError
from briefing.facts.hints import closest
from briefing.facts.model import PLACE_TYPES, Fact, FactTable, TableEntity
from briefing.facts.reader import NodeReader, Problem, Reference
from briefing.facts.validate import FileTable, table_from_node


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


def _read_table(raw: bytes, reader: NodeReader) -> FileTable | None:
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
    return table_from_node(root, reader)


@dataclass
class _Reading:
    """What reading the files gave, each problem, table and reference with its file's index."""

    problems: list[tuple[int, Problem]] = field(default_factory=list)
    tables: list[tuple[int, FileTable]] = field(default_factory=list)
    references: list[tuple[int, Reference]] = field(default_factory=list)
    sha256: str = ""  # over the raw bytes of all files read, in order


def _read_files(labels: Sequence[str]) -> _Reading:
    """Return every file's table, problems and references, each file read once."""
    reading = _Reading()
    digest = hashlib.sha256()
    given: dict[Path, str] = {}
    for index, label in enumerate(labels):
        path = Path(label)
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):
            resolved = path
        if resolved in given:
            reading.problems.append(
                (index, Problem(0, 0, "this table is given twice; give it once"))
            )
            continue
        given[resolved] = label
        raw, failure = _read_bytes(path)
        if raw is None:
            reading.problems.append((index, Problem(0, 0, failure or "the file cannot be read")))
            continue
        digest.update(raw)
        reader = NodeReader(json_mode=path.suffix.lower() == ".json")
        table = _read_table(raw, reader)
        reading.problems.extend((index, problem) for problem in reader.problems)
        reading.references.extend((index, reference) for reference in reader.references)
        if table is not None:
            reading.tables.append((index, table))
    reading.sha256 = digest.hexdigest()
    return reading


def load_fact_tables(paths: Sequence[str | os.PathLike[str]]) -> FactTable:
    """Return the tables at `paths` merged into one, validated and indexed.

    Raises FactTableError listing every problem in every file, each as `PATH:LINE: problem`,
    sorted by file (in the order given) then line.
    """
    if not paths:
        raise ValueError("load_fact_tables needs at least one path")
    labels = [os.fspath(path) for path in paths]
    reading = _read_files(labels)
    problems, tables = reading.problems, reading.tables

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
    for index, reference in reading.references:
        problem = _reference_problem(reference, by_id)
        if problem:
            problems.append((index, Problem(reference.line, 0, problem)))

    if problems:
        raise FactTableError(_format_problems(problems, labels))
    titles = [table.title for _, table in tables if table.title]
    return FactTable(
        title=" + ".join(dict.fromkeys(titles)) or None,
        as_of=next((table.as_of for _, table in tables if table.as_of), None),
        paths=tuple(labels),
        sha256=reading.sha256,
        entities=tuple(entities),
        facts=tuple(facts),
    )


_Record = TypeVar("_Record", TableEntity, Fact)


def _unique(
    records: list[tuple[int, _Record]],
    *,
    kind: str,
    labels: list[str],
    problems: list[tuple[int, Problem]],
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
            problems.append((index, Problem(record.line, 0, message)))
            continue
        first[record.id] = (index, record.line)
        kept.append(record)
    return kept


def _reference_problem(reference: Reference, entities: Mapping[str, TableEntity]) -> str | None:
    entity = entities.get(reference.entity_id)
    noun = "place" if reference.is_place else "entity"
    if entity is None:
        guess = closest(reference.entity_id, entities)
        hint = f"; did you mean '{guess}'?" if guess else ""
        return f"{reference.owner} names {noun} '{reference.entity_id}', which is not defined{hint}"
    if reference.is_place and entity.type and entity.type not in PLACE_TYPES:
        return (
            f"{reference.owner} has place '{entity.id}', which is a {entity.type}; "
            "a place must be an entity of type GPE or LOC"
        )
    return None


def _format_problems(problems: list[tuple[int, Problem]], labels: list[str]) -> list[str]:
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
