"""Reads one file's YAML nodes, noting every problem with its line.

To know the line of every value, the YAML is composed into nodes and walked here rather than
loaded into plain Python objects. `NodeReader` reads the kinds of value a table holds (text,
dates, lists, phrases by language, numbers, ratings); `briefing.facts.validate` builds the
records with it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.facts.hints import (
    KEY_SYNONYMS,
    LANGUAGE_SYNONYMS,
    closest,
    date_problem,
    flow_list,
    format_number,
)
from briefing.facts.model import RELIABILITY_GRADES, LanguageMap

_ID = re.compile(r"[a-z0-9-]+")
_LANGUAGE = re.compile(r"[a-z]{2}")
# YAML 1.1 reads `1e5` as text; a number written plainly is still meant as a number.
_PLAIN_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class Problem:
    """What is wrong at one place in one file."""

    line: int  # 0: the problem concerns the whole file
    column: int  # 0: not known
    message: str


@dataclass(frozen=True)
class Reference:
    """An entity id a fact names, checked once every table has been read."""

    line: int
    owner: str
    entity_id: str
    is_place: bool


def _fix_surrogates(text: str) -> str:
    # YAML decodes a JSON escape such as "\ud83d\ude00" into two surrogates; join them.
    if any("\ud800" <= char <= "\udfff" for char in text):
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _is_plain(node: ScalarNode) -> bool:
    """Whether a scalar was written without quotes (style None from PyYAML, '' from libyaml)."""
    return not node.style


class NodeReader:
    """Reads one file's YAML nodes into records, noting every problem with its line."""

    def __init__(self, *, json_mode: bool = False) -> None:
        self.json_mode = json_mode
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self._constructor = SafeConstructor()

    # -- reporting

    @staticmethod
    def line_of(node: Node) -> int:
        return int(node.start_mark.line) + 1 if node.start_mark is not None else 0

    def report(self, where: Node | int, message: str, *, column: int = 0) -> None:
        line = where if isinstance(where, int) else self.line_of(where)
        self.problems.append(Problem(line, column, message))

    # -- scalars

    def is_null(self, node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.tag == NULL_TAG

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
        problem = date_problem(key, text)
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
            guess = KEY_SYNONYMS.get(key.lower())
            if guess not in allowed:
                guess = closest(key.lower(), allowed)
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
                node, f"{owner}: {label} must be a list, not a string: write {flow_list(written)}"
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
                guess = LANGUAGE_SYNONYMS.get(code.lower()) or (
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
                    self.references.append(Reference(self.line_of(item), owner, entity_id, False))
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
                hint = f": write {format_number(float(candidate))} without quotes or separators"
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
