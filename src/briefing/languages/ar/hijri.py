"""The Hijri calendar (Umm al-Qura, through hijridate, imported when a Hijri date is found)."""

from __future__ import annotations

from datetime import date

from briefing.languages.ar.time_patterns import DIRECTION


def hijri_day(year: int, month: int, day: int) -> date | None:
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):  # no such day, or outside the table (1343-1500 AH)
        return None
    return date(g.year, g.month, g.day)


def hijri_span(year: int, first_month: int, last_month: int) -> tuple[date, date] | None:
    """Return the first and last Gregorian day of Hijri months first..last of a year."""
    from hijridate import Hijri

    try:
        last_len = Hijri(year, last_month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    first = hijri_day(year, first_month, 1)
    last = hijri_day(year, last_month, last_len)
    return (first, last) if first and last else None


def hijri_year_of(published: date | None, month: int, rel: str | None) -> int | None:
    """Return the Hijri year of a Hijri month named without one: the nearest past, or as
    "الماضي" / "المقبل" / "الجاري" say."""
    if published is None:
        return None
    from hijridate import Gregorian

    try:
        today = Gregorian(published.year, published.month, published.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    direction = DIRECTION.get(rel, 0) if rel else 0
    if direction > 0:
        return today.year if month > today.month else today.year + 1
    if direction < 0:
        return today.year if month < today.month else today.year - 1
    return today.year if month <= today.month else today.year - 1
