"""Claims + fact table -> verdicts: the facts each claim matches, and the evidence of each of
their attributes, as specs/fact-table.md says. Pure: no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefing.analysis.lexicon import Lexicon
from briefing.analysis.words import words
from briefing.check.anchors import holds
from briefing.check.context import Context
from briefing.check.dates import date_evidence
from briefing.check.places import place_evidence
from briefing.check.quantities import quantity_evidence
from briefing.check.ratings import rating_evidence
from briefing.check.roles import role_evidence
from briefing.facts import Fact, FactTable
from briefing.models import Claim, Evidence, Finding
from briefing.vocab import ClaimKind, Verdict


def cross_reference(
    claims: Sequence[Claim],
    table: FactTable | None,
    lexicon: Lexicon,
    published: dt.date | None,
) -> list[Finding]:
    """Return each claim with its verdict and the evidence for it."""
    if table is None:
        return [Finding(c, Verdict.UNVERIFIED, ()) for c in claims]
    context = Context(table, lexicon, published)
    return [_check(context, c) for c in claims]


def _verdict(evidence: Sequence[Evidence]) -> Verdict:
    if any(e.relation == "contradicts" for e in evidence):
        return Verdict.CONTRADICTED
    if any(e.relation == "supports" for e in evidence):
        return Verdict.SUPPORTED
    return Verdict.UNVERIFIED


def _check(context: Context, claim: Claim) -> Finding:
    if claim.kind == ClaimKind.ROLE:
        evidence = role_evidence(context, claim)
    else:
        evidence = [e for f in _matching(context, claim) for e in _attributes(context, claim, f)]
    return Finding(claim, _verdict(evidence), tuple(evidence))


def _matching(context: Context, claim: Claim) -> list[Fact]:
    keys = set(claim.entity_keys)
    claim_words = [context.rules.variants(w.text) for w in words(claim.text)]
    out = []
    for fact in context.table.facts:
        about = set(fact.about)
        by_cue = bool(about & keys) and any(
            holds(claim_words, cue) for cue in context.cues[fact.id]
        )
        by_entities = len(about) >= 2 and about <= keys
        if by_cue or by_entities:
            out.append(fact)
    return out


def _attributes(context: Context, claim: Claim, fact: Fact) -> list[Evidence]:
    out: list[Evidence] = []
    if fact.date:
        out.extend(date_evidence(context, claim, fact))
    if fact.place:
        out.extend(place_evidence(context, claim, fact))
    if fact.quantity is not None:
        out.extend(quantity_evidence(claim, fact))
    if not fact.rating:
        out.extend(rating_evidence(claim, fact))
    if not any(e.relation == "contradicts" for e in out):
        out.insert(
            0,
            Evidence(
                fact.id,
                "supports",
                "match",
                None,
                fact.statement,
                "the claim names this fact's subject"
                + (" and its cue" if _by_cue(context, claim, fact) else "s"),
            ),
        )
    return out


def _by_cue(context: Context, claim: Claim, fact: Fact) -> bool:
    claim_words = [context.rules.variants(w.text) for w in words(claim.text)]
    return any(holds(claim_words, cue) for cue in context.cues[fact.id])
