"""The bundled gazetteer: countries, cities, regions and organisations, in Arabic and English."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from briefing import cache as disk
from briefing.resources import data_path


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: str
    type: str  # GPE | LOC | ORG
    names: Mapping[str, tuple[str, ...]]  # language -> forms, in the gazetteer's order of
    # languages: the first form of the first language is the display name
    adjectives: Mapping[str, tuple[str, ...]]
    country: str | None  # for cities and provinces: the country's id
    capital: str | None
    ambiguous: frozenset[str] = frozenset()  # languages where a one-word form is a common word

    @property
    def name(self) -> str:
        for forms in self.names.values():
            if forms:
                return forms[0]
        return self.id


@cache
def gazetteer_bytes() -> bytes:
    """Return the bundled gazetteer file's bytes (empty when the package ships none)."""
    try:
        return data_path("gazetteer.yaml").read_bytes()
    except FileNotFoundError:
        return b""


@cache
def load_gazetteer() -> tuple[Place, ...]:
    """Return the bundled gazetteer's entries (empty when the package ships none)."""
    raw = gazetteer_bytes()
    if not raw:
        return ()
    doc = _parse(raw)
    languages = tuple(str(code) for code in doc.get("languages", ()))
    places = []
    for node in doc.get("entries", []):
        adj = node.get("adj") or {}
        places.append(
            Place(
                id=str(node["id"]),
                type=str(node["type"]),
                names={
                    lang: tuple(str(f) for f in node.get(lang) or ())
                    for lang in languages
                    if node.get(lang)
                },
                adjectives={lang: tuple(str(f) for f in forms) for lang, forms in adj.items()},
                country=node.get("country"),
                capital=node.get("capital"),
                ambiguous=_ambiguous(node.get("ambiguous"), languages),
            )
        )
    return tuple(places)


def _ambiguous(value: object, languages: tuple[str, ...]) -> frozenset[str]:
    """Return the languages an `ambiguous` field names: a list of codes (true meant all)."""
    if value is True:
        return frozenset(languages)
    if isinstance(value, list):
        return frozenset(str(v) for v in value)
    return frozenset()


def _parse(raw: bytes) -> dict[str, Any]:
    """Return the gazetteer YAML as plain data, from the cache when it was parsed before."""
    entry_key = disk.key("gazetteer", raw, yaml.__version__)
    doc = disk.load("gazetteer", entry_key)
    if isinstance(doc, dict):
        return doc
    # libyaml's loader reads the gazetteer about seven times faster where PyYAML has it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = yaml.load(raw.decode("utf-8"), Loader=loader) or {}
    if _survives_json(doc):
        disk.store("gazetteer", entry_key, doc)
    return doc


def _survives_json(doc: object) -> bool:
    """Say whether plain data comes back the same from JSON (no dates, no number keys)."""
    try:
        return bool(json.loads(json.dumps(doc)) == doc)
    except (TypeError, ValueError):
        return False


@cache
def places_by_id() -> dict[str, Place]:
    """Return the gazetteer's entries by id."""
    return {p.id: p for p in load_gazetteer()}
