"""Feasts of the Hijri year named as dates: عطلة عيد الفطر المبارك، عيد الأضحى المقبل. A feast
without a year is the last one before publication, or the next when the clause speaks of the
future or المقبل says so (data/time/feasts.txt)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED
from briefing.languages.ar.hijri import hijri_day
from briefing.languages.ar.time_patterns import DIRECTION, alternation, fold
from briefing.languages.base import read_phrase_table

if TYPE_CHECKING:
    from datetime import date

    from briefing.languages.ar.time_doc import TimeDoc
    from briefing.models import TimeRef

_FEASTS = {
    fold(name): tuple(int(n) for n in day.split("-"))
    for day, name in read_phrase_table(Path(__file__).parent / "data" / "time" / "feasts.txt")
}
FEAST_RE = re.compile(
    rf"(?<!\w)[وفبل]?(?P<x>(?:(?:عطله|اجازه)\s+)?(?P<feast>{alternation(_FEASTS)})"
    rf"(?:\s+المبارك)?(?:\s+(?P<rel>{alternation(DIRECTION)}))?)(?!\w)"
)


def feast(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return the day of the feast the text names (its holiday starts on it)."""
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    month, day = _FEASTS[" ".join(m.group("feast").split())]
    step = DIRECTION.get(m.group("rel") or "", 0)
    ahead = step > 0 or (step == 0 and doc.future(m.start()))
    when = _nearest(doc.published, month, day, ahead)
    if when is None:
        return []
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _nearest(published: date, month: int, day: int, ahead: bool) -> date | None:
    """Return the feast's last day on or before publication, or its first after it."""
    from hijridate import Gregorian

    try:
        year = Gregorian(published.year, published.month, published.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
    days = [d for y in (year - 1, year, year + 1) if (d := hijri_day(y, month, day))]
    if ahead:
        return min((d for d in days if d > published), default=None)
    return max((d for d in days if d <= published), default=None)
