"""The --fail-on gate: which claims of a briefing are bad enough to fail a CI job.

Verdicts are ordered from best to worst: supported, unverified, contradicted. `--fail-on
unverified` trips on unverified and contradicted claims, `--fail-on contradicted` on
contradicted ones only, `--fail-on never` (the default) never. A verdict this version does not
know counts as unverified, as the rendered briefing shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: Worse verdicts have higher ranks.
SEVERITY: dict[str, int] = {"supported": 0, "unverified": 1, "contradicted": 2}
#: The values of --fail-on, strictest first.
FAIL_ON = ("unverified", "contradicted", "never")


def verdict_of(claim: Mapping[str, Any]) -> str:
    """Return a claim's verdict, `unverified` when it has none this version knows."""
    verdict = claim.get("verdict")
    return verdict if isinstance(verdict, str) and verdict in SEVERITY else "unverified"


def claims_of(briefing: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Return the briefing's claims that are mappings (a briefing from elsewhere may be odd)."""
    claims = briefing.get("claims")
    if not isinstance(claims, Sequence) or isinstance(claims, str):
        return []
    return [c for c in claims if isinstance(c, Mapping)]


def tripping(briefing: Mapping[str, Any], fail_on: str) -> list[Mapping[str, Any]]:
    """Return the claims whose verdict is `fail_on` or worse (none for `never`)."""
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if fail_on == "never":
        return []
    threshold = SEVERITY[fail_on]
    return [c for c in claims_of(briefing) if SEVERITY[verdict_of(c)] >= threshold]


def count_tripping(briefings: Iterable[Mapping[str, Any]], fail_on: str) -> int:
    """Return how many claims over all `briefings` trip the gate."""
    return sum(len(tripping(b, fail_on)) for b in briefings)


def gate_message(count: int, fail_on: str, *, articles: int | None = None) -> str:
    """Return the one line that says why the gate tripped."""
    noun = "claim" if count == 1 else "claims"
    if fail_on == "contradicted":
        what = f"{count} {noun} contradicted by the fact table"
    else:
        what = f"{count} {noun} unverified or contradicted"
    where = ""
    if articles is not None:
        where = f" in {articles} article" + ("" if articles == 1 else "s")
    return f"{what}{where} (--fail-on {fail_on})"
