"""A role claim ("President Putin") against the offices the table dates."""

from __future__ import annotations

from briefing.analysis.lexicon import phrase_key
from briefing.check.context import Context
from briefing.languages.base import LanguageRules
from briefing.models import Claim, Evidence


def role_evidence(context: Context, claim: Claim) -> list[Evidence]:
    """Return whether the person held the office the claim gives them on the day published."""
    person = claim.role_person
    title = claim.role_title or ""
    title_key = phrase_key(title, context.rules)
    by_id = {e.id: e for e in context.table.entities}
    if person not in by_id:
        return []
    entity = by_id[person]
    day = context.published
    for role in entity.roles:
        if not _title_fits(title_key, role, context.rules):
            continue
        period = f"{role.start or '…'} – {role.end or 'now'}"
        if day is None or role.held_on(day):
            when = f"on {day.isoformat()}" if day else "(no publication date to check)"
            return [
                Evidence(
                    f"{entity.id}#role",
                    "supports",
                    "role",
                    title,
                    f"{role.title} ({period})",
                    f"{entity.name} held this office {when}",
                )
            ]
        held = [r for r in entity.roles if _title_fits(title_key, r, context.rules)]
        if not any(r.held_on(day) for r in held):
            return [
                Evidence(
                    f"{entity.id}#role",
                    "contradicts",
                    "role",
                    title,
                    f"{role.title} ({period})",
                    f"{entity.name} did not hold this office on {day.isoformat()}",
                )
            ]
    if day is None:
        return []
    for other in context.table.entities:
        if other.id == person:
            continue
        for role in other.roles:
            if _title_fits(title_key, role, context.rules) and role.held_on(day):
                return [
                    Evidence(
                        f"{entity.id}#role",
                        "contradicts",
                        "role",
                        title,
                        f"{other.name}: {role.title}",
                        f"on {day.isoformat()} this office was held by {other.name}, "
                        f"not {entity.name}",
                    )
                ]
    return []


def _title_fits(title_key: str, role: object, rules: LanguageRules) -> bool:
    cues = [*getattr(role, "cues", {}).get(rules.code, ()), getattr(role, "title", "")]
    for cue in cues:
        cue_key = phrase_key(cue, rules)
        if cue_key and (cue_key == title_key or f" {cue_key} " in f" {title_key} "):
            return True
    return False
