"""A role claim ("President Putin") against the offices the table dates."""

from __future__ import annotations

from briefing.analysis.lexicon import phrase_key
from briefing.check.context import Context
from briefing.facts import Role
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
    fitting = [r for r in entity.roles if _title_fits(title_key, r, context.rules)]

    def evidence(relation: str, fact_value: str, reason: str) -> list[Evidence]:
        return [Evidence(f"{entity.id}#role", relation, "role", title, fact_value, reason)]

    if fitting:
        held = [r for r in fitting if day is None or r.held_on(day)]
        role = held[0] if held else fitting[0]
        period = f"{role.title} ({role.start or '…'} – {role.end or 'now'})"
        if held:
            when = f"on {day.isoformat()}" if day else "(no publication date to check)"
            return evidence("supports", period, f"{entity.name} held this office {when}")
        assert day is not None  # with no date every fitting role is held
        return evidence(
            "contradicts", period, f"{entity.name} did not hold this office on {day.isoformat()}"
        )
    if day is None:
        return []
    for other in context.table.entities:
        if other.id == person:
            continue
        for role in other.roles:
            if _title_fits(title_key, role, context.rules) and role.held_on(day):
                return evidence(
                    "contradicts",
                    f"{other.name}: {role.title}",
                    f"on {day.isoformat()} this office was held by {other.name}, not {entity.name}",
                )
    return []


def _title_fits(title_key: str, role: Role, rules: LanguageRules) -> bool:
    """Say whether the title as written names the role: one of its cues stands in the title
    (its words with or without their clitics), and no qualifier next to it makes it another
    office ("former president", "shadow home secretary", نائب الرئيس, الرئيس السابق)."""
    cues = [*role.cues.get(rules.code, ()), role.title]
    title = title_key.split()
    # Each word with its clitics off too: لخادم الحرمين الشريفين is خادم الحرمين الشريفين.
    readings = [{word, *(k for _, k in rules.variants(word))} for word in title]
    for cue in cues:
        words = phrase_key(cue, rules).split()
        n = len(words)
        for i in range(len(title) - n + 1 if n else 0):
            if any(words[j] not in readings[i + j] for j in range(n)):
                continue
            beside = title[i - 1 : i] + title[i + n : i + n + 1]
            if not any(_qualifier(word, rules) for word in beside):
                return True
    return False


def _qualifier(word: str, rules: LanguageRules) -> bool:
    """Say whether a word of a title, with or without its clitics (لنائب), qualifies the office."""
    return any(key in rules.role_qualifiers for _, key in rules.variants(word))
