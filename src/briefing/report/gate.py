"""The --fail-on gate: which claims of a briefing are bad enough to fail a CI job.

Verdicts are ordered from best to worst: supported, unverified, contradicted. Failing on
unverified trips on unverified and contradicted claims, on contradicted on contradicted ones
only, and never (the default) never. A verdict this version does not know counts as
unverified, as the rendered briefing shows it.
"""

from __future__ import annotations

from briefing.report.record import Briefing, ClaimEntry
from briefing.vocab import FailOn


def tripping(briefing: Briefing, fail_on: FailOn) -> list[ClaimEntry]:
    """Return the claims whose verdict is `fail_on` or worse (none for `never`)."""
    return [claim for claim in briefing.claims if fail_on.trips(claim.verdict)]


def gate_message(count: int, fail_on: FailOn, *, articles: int | None = None) -> str:
    """Return the one line that says why the gate tripped."""
    noun = "claim" if count == 1 else "claims"
    if fail_on is FailOn.CONTRADICTED:
        what = f"{count} {noun} contradicted by the fact table"
    else:
        what = f"{count} {noun} unverified or contradicted"
    where = ""
    if articles is not None:
        where = f" in {articles} article" + ("" if articles == 1 else "s")
    return f"{what}{where} (--fail-on {fail_on})"
