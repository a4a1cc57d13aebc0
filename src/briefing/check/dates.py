"""A claim's dates against a fact's date: within it, or the event dated elsewhere."""

from __future__ import annotations

import datetime as dt

from briefing.analysis.times import find_times
from briefing.analysis.words import words
from briefing.check.anchors import anchor_positions
from briefing.check.context import Context
from briefing.facts import Fact, date_bounds
from briefing.languages import detect_language
from briefing.models import Claim, Evidence, TimeRef

_WEEK_REACH = dt.timedelta(days=9)  # how far a week's span can run past its likeliest month
_SEASON_REACH = dt.timedelta(days=183)  # how far a season can run past its likeliest year
_STRETCH = dt.timedelta(days=31)  # how far a statement's own dates may widen a fact's date
_TIE_DISTANCE = 6  # words between a date and the event's cue or subject, at the most


def date_evidence(context: Context, claim: Claim, fact: Fact) -> list[Evidence]:
    """Return whether the claim's dates fall within the fact's, or date its event elsewhere."""
    assert fact.date is not None
    dated = [t for t in claim.times if t.kind == "date" and t.value and not t.attributive]
    if not dated:
        return []
    lo, hi = _window(context, fact)
    for t in dated:
        assert t.value is not None
        a, b = date_bounds(t.value)
        if a <= hi and lo <= b:
            return [
                Evidence(
                    fact.id,
                    "supports",
                    "date",
                    t.value,
                    fact.date,
                    f"“{t.text}” ({t.value}) falls within {fact.date}",
                )
            ]
    tied = _nearest_date(claim, dated, fact, context)
    if tied is None:
        return []
    if tied.approximate:
        # "last week" across two months: its month is only the likeliest reading, and the
        # week may reach a few days into the month on either side.
        a, b = date_bounds(tied.value or "")
        reach = _SEASON_REACH if tied.precision == "year" else _WEEK_REACH
        if a - reach <= hi and lo <= b + reach:
            return []
    return [
        Evidence(
            fact.id,
            "contradicts",
            "date",
            tied.value,
            fact.date,
            f"the article dates this to {tied.value} (“{tied.text}”); the table has {fact.date}",
        )
    ]


def _window(context: Context, fact: Fact) -> tuple[dt.date, dt.date]:
    """Return the days a fact's event covers: its date, stretched to the other dates its
    statement gives close by ("from 27 to 30 August 2023": a date field holds one day)."""
    assert fact.date is not None
    cached = context.windows.get(fact.id)
    if cached is not None:
        return cached
    lo, hi = date_bounds(fact.date)
    statement = fact.statement
    for t in find_times(statement, detect_language(statement), lo):
        if t.kind != "date" or not t.value or t.precision != "day":
            continue
        a, b = date_bounds(t.value)
        if lo - _STRETCH <= a and b <= hi + _STRETCH:
            lo, hi = min(lo, a), max(hi, b)
    context.windows[fact.id] = (lo, hi)
    return lo, hi


def _nearest_date(
    claim: Claim, dated: list[TimeRef], fact: Fact, context: Context
) -> TimeRef | None:
    """Return the date the claim gives this fact's event, or None when no date is clearly its:
    the one nearest to the fact's cue or subjects, if it stands close enough (a date six words
    past them belongs to another event: "…في مالطا بعد حرب بدأت في فبراير 2022")."""
    anchors = anchor_positions(claim, fact, context)
    if not anchors:
        return None
    claim_words = words(claim.text)

    def distance(t: TimeRef) -> int:
        first = next(
            (i for i, w in enumerate(claim_words) if w.start >= t.start - claim.start),
            len(claim_words),
        )
        return min(abs(first - a) for a in anchors)

    nearest = min(dated, key=distance)
    return nearest if distance(nearest) <= _TIE_DISTANCE else None
