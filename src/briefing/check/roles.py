"""A role claim ("President Putin") against the offices the table dates."""

from __future__ import annotations

import datetime as dt

from briefing.analysis.lexicon import phrase_key
from briefing.check.context import Context
from briefing.facts import Role, date_bounds
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
    now = any(k in context.rules.present_words for k in title_key.split())
    told = None if now else _told(claim)  # "X, now Veritas deputy leader": at publication
    day = context.published if told is None else told[0]
    if day is None:
        at = None
    elif told is None or len(told[2]) == 10:  # a day: "on 2023-09-18"
        at = f"on {day.isoformat() if told is None else told[2]}"
    else:
        at = f"in {told[2]}"
    fitting = [r for r in entity.roles if _title_fits(title_key, r, context.rules)]

    def evidence(relation: str, fact_value: str, reason: str) -> list[Evidence]:
        return [Evidence(f"{entity.id}#role", relation, "role", title, fact_value, reason)]

    if fitting:
        held = [r for r in fitting if day is None or _held(r, day, told)]
        role = held[0] if held else fitting[0]
        period = f"{role.title} ({role.start or '…'} – {role.end or 'now'})"
        if held:
            when = at or "(no publication date to check)"
            return evidence("supports", period, f"{entity.name} held this office {when}")
        assert day is not None  # with no date every fitting role is held
        return evidence("contradicts", period, f"{entity.name} did not hold this office {at}")
    if day is None:
        return []
    for other in context.table.entities:
        if other.id == person:
            continue
        for role in other.roles:
            if _title_fits(title_key, role, context.rules) and _held(role, day, told):
                return evidence(
                    "contradicts",
                    f"{other.name}: {role.title}",
                    f"{at} this office was held by {other.name}, not {entity.name}",
                )
    return []


def _told(claim: Claim) -> tuple[dt.date, dt.date, str] | None:
    """Return the first and last day of the time the role claim's sentence tells, and its
    value, when the sentence gives one date: "فتزوجا عام 1969" puts the title in 1969."""
    values = {t.value for t in claim.times if t.value and t.precision in ("day", "month", "year")}
    if len(values) != 1:
        return None
    value = values.pop()
    return (*date_bounds(value), value)


def _held(role: Role, day: dt.date, told: tuple[dt.date, dt.date, str] | None) -> bool:
    """Say whether the role was held on the day, or at some time in the span the sentence
    tells."""
    if told is None:
        return role.held_on(day)
    first, last, _ = told
    start = date_bounds(role.start)[0] if role.start else None
    end = date_bounds(role.end)[1] if role.end else None
    return (start is None or start <= last) and (end is None or end >= first)


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
