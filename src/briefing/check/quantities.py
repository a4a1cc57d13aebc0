"""A claim's numbers against a fact's quantity."""

from __future__ import annotations

from briefing.facts import Fact
from briefing.models import Claim, Evidence


def quantity_evidence(claim: Claim, fact: Fact) -> list[Evidence]:
    """Return whether the claim states the fact's quantity, or a rival number."""
    assert fact.quantity is not None
    if not claim.numbers:
        return []
    want = fact.quantity
    if any(abs(n - want) < 1e-9 for n in claim.numbers):
        return [
            Evidence(
                fact.id,
                "supports",
                "quantity",
                _num(want),
                _num(want),
                "the article states the same number",
            )
        ]
    durations = [t for t in claim.times if t.kind == "duration" and t.quantity is not None]
    if len(claim.numbers) == 1 or durations:
        got = durations[0].quantity if durations else claim.numbers[0]
        assert got is not None
        if not _comparable(got, want):
            return []  # "a five-year term" is no rival to a 52.14 per cent share
        return [
            Evidence(
                fact.id,
                "contradicts",
                "quantity",
                _num(got),
                _num(want),
                f"the article states {_num(got)}; the table has {_num(want)}",
            )
        ]
    return []


def _comparable(got: float, want: float) -> bool:
    """Say whether two numbers can be two statements of one quantity: both whole or both not,
    and within a factor of four of each other (six days against four, 7.17% against 5.17%)."""
    if float(got).is_integer() != float(want).is_integer():
        return False
    low, high = sorted((abs(got), abs(want)))
    return low > 0 and high / low <= 4


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
