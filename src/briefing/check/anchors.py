"""Where a fact's cue words and subjects stand among a claim's words."""

from __future__ import annotations

from briefing.analysis.words import words
from briefing.check.context import Context
from briefing.facts import Fact
from briefing.models import Claim


def holds(claim_words: list[list[tuple[int, str]]], cue: list[str]) -> bool:
    """Say whether the cue's words stand in order in the claim (clitics forgiven)."""
    n = len(cue)
    if n == 0:
        return False
    for i in range(len(claim_words) - n + 1):
        if all(cue[j] in {k for _, k in claim_words[i + j]} for j in range(n)):
            return True
    return False


def anchor_positions(claim: Claim, fact: Fact, context: Context) -> list[int]:
    """Return the word positions in the claim of the fact's cues and of its subjects."""
    claim_words = words(claim.text)
    variants = [context.rules.variants(w.text) for w in claim_words]
    anchors: list[int] = []
    for cue in context.cues[fact.id]:
        anchors.extend(cue_positions(variants, cue))
    # A place the fact is about is no anchor: "arrived in New Delhi on Friday" dates an
    # arrival, not the declaration adopted in New Delhi. Its cue or its other subjects are.
    entities = context.table.entities_by_id
    about = {k for k in fact.about if k not in entities or entities[k].type not in ("GPE", "LOC")}
    for start, _end, key in claim.mention_spans:
        if key in about:
            at = start - claim.start
            anchors.extend(i for i, w in enumerate(claim_words) if w.start <= at < w.end)
    return anchors


def cue_positions(claim_words: list[list[tuple[int, str]]], cue: list[str]) -> list[int]:
    n = len(cue)
    return [
        i
        for i in range(len(claim_words) - n + 1)
        if n and all(cue[j] in {k for _, k in claim_words[i + j]} for j in range(n))
    ]
