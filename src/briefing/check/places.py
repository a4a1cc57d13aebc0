"""A claim's places against a fact's place, a city counting as within its country."""

from __future__ import annotations

from briefing.analysis.gazetteer import places_by_id
from briefing.analysis.words import words
from briefing.check.anchors import anchor_positions
from briefing.check.context import Context
from briefing.facts import Fact
from briefing.models import Claim, Evidence

# A place is already tied to an event by its preposition; the distance only keeps another
# event's place (a second clause of the sentence) from counting.
_PLACE_DISTANCE = 10


def place_evidence(context: Context, claim: Claim, fact: Fact) -> list[Evidence]:
    """Return whether the claim places the fact's event where the table does, or elsewhere."""
    assert fact.place is not None
    if not claim.places:
        return []
    fact_places = _place_family(context, fact.place)
    # The claim names the fact's own place (a venue it plays, "at Bellahouston Park in
    # Glasgow"): the place agrees, whatever wider place the sentence also names.
    named = [fact.place] if fact.place in claim.entity_keys else []
    for p in [*named, *claim.places]:
        if p in fact_places or fact.place in _place_family(context, p):
            return [
                Evidence(
                    fact.id,
                    "supports",
                    "place",
                    _name(context, p),
                    _name(context, fact.place),
                    "the claim places the event where the table does",
                )
            ]
    # The nearest place by the event that cannot hold the fact's place: "at Education City
    # Stadium in Qatar" against Al Thumama Stadium is the stadium, not the country.
    candidates = _places_by_event(context, claim, fact)
    elsewhere = next((p for p in candidates if not _may_hold(context, p, fact.place)), None)
    if elsewhere is None:
        return []
    return [
        Evidence(
            fact.id,
            "contradicts",
            "place",
            _name(context, elsewhere),
            _name(context, fact.place),
            f"the article places this in {_name(context, elsewhere)}; the table in "
            f"{_name(context, fact.place)}",
        )
    ]


def _places_by_event(context: Context, claim: Claim, fact: Fact) -> list[str]:
    """Return the claim's places that stand by this fact's cue or subjects, nearest first; none
    when the places belong to another event of the sentence ("arrived in Russia, days after
    Putin hosted Kim")."""
    anchors = anchor_positions(claim, fact, context)
    if not anchors:
        return []
    claim_words = words(claim.text)
    found: dict[str, int] = {}
    for start, _end, key in claim.mention_spans:
        if key not in claim.places:
            continue
        at = start - claim.start
        index = next((i for i, w in enumerate(claim_words) if w.start <= at < w.end), None)
        if index is None:
            continue
        distance = min(abs(index - a) for a in anchors)
        if distance <= _PLACE_DISTANCE and distance < found.get(key, _PLACE_DISTANCE + 1):
            found[key] = distance
    return sorted(found, key=lambda k: found[k])


def _may_hold(context: Context, wider: str, key: str) -> bool:
    """Say whether a town or country may hold a site that the table alone knows (a park, a
    stadium): "in Glasgow" does not contradict Hampden Park unless the gazetteer places the
    site elsewhere, which it cannot for a site it does not know."""
    entities = context.table.entities_by_id
    site, town = entities.get(key), entities.get(wider)
    wider_type = town.type if town else _gazetteer_type(wider)
    known = context.lexicon.gazetteer_key.get(key, key).removeprefix("gaz:") in places_by_id()
    return site is not None and site.type == "LOC" and wider_type == "GPE" and not known


def _gazetteer_type(key: str) -> str | None:
    place = places_by_id().get(key.removeprefix("gaz:"))
    return place.type if place else None


def _name(context: Context, key: str) -> str:
    for e in context.table.entities:
        if e.id == key:
            return e.name
    place = places_by_id().get(key.removeprefix("gaz:"))
    return place.name if place else key


def _place_family(context: Context, key: str) -> set[str]:
    """Return the key with the places that contain it (a city's country), in both naming
    schemes: the table's ids and the gazetteer's."""
    family = {key}
    gaz = context.lexicon.gazetteer_key.get(key, key)
    family.add(gaz)
    place = places_by_id().get(gaz.removeprefix("gaz:"))
    if place and place.country:
        family.add(f"gaz:{place.country}")
    table_of = {g: k for k, g in context.lexicon.gazetteer_key.items()}
    family |= {table_of[g] for g in list(family) if g in table_of}
    return family
