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
    for p in claim.places:
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
    elsewhere = _place_by_event(context, claim, fact)
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


def _place_by_event(context: Context, claim: Claim, fact: Fact) -> str | None:
    """Return the claim's place that stands by this fact's cue or subjects, or None when
    the places belong to another event of the sentence ("arrived in Russia, days after
    Putin hosted Kim")."""
    anchors = anchor_positions(claim, fact, context)
    if not anchors:
        return None
    claim_words = words(claim.text)
    best: tuple[int, str] | None = None
    for start, _end, key in claim.mention_spans:
        if key not in claim.places:
            continue
        at = start - claim.start
        index = next((i for i, w in enumerate(claim_words) if w.start <= at < w.end), None)
        if index is None:
            continue
        distance = min(abs(index - a) for a in anchors)
        if best is None or distance < best[0]:
            best = (distance, key)
    return best[1] if best is not None and best[0] <= _PLACE_DISTANCE else None


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
