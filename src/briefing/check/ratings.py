"""A claim the table rates false: repeated (contradicted) or reported as denied (supported)."""

from __future__ import annotations

from briefing.facts import Fact
from briefing.models import Claim, Evidence


def rating_evidence(claim: Claim, fact: Fact) -> list[Evidence]:
    """Return the evidence a claim gives on a fact the table rates false."""
    if claim.denied:
        return [
            Evidence(
                fact.id,
                "supports",
                "rating",
                "reported as denied",
                "false",
                "the table rates this claim false, and the article reports it as denied",
            )
        ]
    return [
        Evidence(
            fact.id,
            "contradicts",
            "rating",
            "stated",
            "false",
            "the claim repeats a claim the table rates false",
        )
    ]
