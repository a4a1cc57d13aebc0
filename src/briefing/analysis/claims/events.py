"""The events clauses tell: a visit, a meeting, a warrant…, with who, where and when."""

from __future__ import annotations

from briefing.analysis.claims.context import ClaimContext, Clause, mention_at
from briefing.models import Claim, Event


def clause_event(
    ctx: ClaimContext, clause: Clause, claim: Claim, sentence: tuple[int, int]
) -> Event | None:
    """Return the first event the clause tells (a visit, a meeting, a warrant…), if any."""
    wk, rules, matches = ctx.wk, ctx.rules, ctx.matches
    for i in range(clause.first, clause.last + 1):
        etype = next(
            (rules.event_triggers[k] for _, k in wk.readings[i] if k in rules.event_triggers), None
        )
        if etype is None or mention_at(matches, i) is not None:
            continue
        participants = tuple(
            dict.fromkeys(
                m.entry.key
                for m in matches
                if clause.start <= m.start < clause.end and m.entry.type in ("PERSON", "ORG", "GPE")
            )
        )
        date = next((t.value for t in claim.times if t.kind == "date" and t.value), None)
        return Event(
            type=etype,
            trigger=wk.words[i].text,
            start=wk.words[i].start,
            end=wk.words[i].end,
            participants=participants,
            place=claim.places[0] if claim.places else None,
            date=date,
            sentence_start=sentence[0],
            sentence_end=sentence[1],
        )
    return None
