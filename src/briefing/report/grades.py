"""Admiralty (NATO) grading of a claim: the source's reliability A-F, the information's
credibility 1-6."""

from __future__ import annotations

from briefing.facts import FactTable
from briefing.models import Finding
from briefing.report.record import Grade
from briefing.vocab import Verdict

# Attributes whose agreement confirms a claim (a bare match on cues does not).
_CONFIRMING = {"date", "place", "quantity", "role", "rating"}


def grade(finding: Finding, table: FactTable | None, outlet: str | None) -> Grade:
    """Return the claim's grade, e.g. B2: the reliability the fact table gives its speaker (or,
    for the article's own voice, its outlet), F when unknown; and its credibility from the
    cross-reference: 1 confirmed on a checked attribute, 2 matched without a checked attribute,
    5 contradicted, 6 not assessable."""
    speaker = finding.claim.speaker
    reliability = None
    if speaker is None:
        reliability = outlet
    elif not speaker.anonymous and speaker.entity_key and table is not None:
        known = table.entities_by_id.get(speaker.entity_key)
        reliability = known.reliability if known is not None else None
    if finding.verdict == Verdict.CONTRADICTED:
        credibility = 5
    elif finding.verdict == Verdict.SUPPORTED:
        checked = any(
            e.relation == "supports" and e.attribute in _CONFIRMING for e in finding.evidence
        )
        credibility = 1 if checked else 2
    else:
        credibility = 6
    letter = reliability or "F"
    return Grade(reliability=letter, credibility=credibility, code=f"{letter}{credibility}")


def outlet_reliability(outlet: str | None, table: FactTable | None) -> str | None:
    """Return the reliability the table gives the article's outlet, if it lists the outlet."""
    if table is None or not outlet:
        return None
    wanted = outlet.casefold().strip()
    for entity in table.entities:
        forms = [entity.name, *(f for fs in entity.aliases.values() for f in fs)]
        if any(f.casefold().strip() == wanted for f in forms):
            return entity.reliability
    return None
