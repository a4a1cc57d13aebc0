"""Time expressions: the per-language dispatcher and the calendar arithmetic the grammars share.

A language module finds the expressions and says what each means ("the Wednesday before
publication", "March of the nearest past year"); this module turns those meanings into ISO
values, so every language resolves "last week" or "three days ago" the same way.

Values never claim more than the text says: a month stays `YYYY-MM`, and a span that is not one
day (a week, a Hijri month) gets the finest ISO value that covers all of it — the month when the
span lies inside one month, else the year, else no value at all (precision "relative") rather
than a value that would contradict a fact dated inside the span.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol

from briefing import languages
from briefing.models import TimeRef

DATE = "date"
DURATION = "duration"

# (value, precision): what a language module hands back for one expression.
Resolved = tuple[str | None, str]
UNRESOLVED: Resolved = (None, "relative")

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

# The first year and the last that a bare four-digit number may be read as.
FIRST_YEAR = 1900
LAST_YEAR = 2100

_ISO_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


_APPROXIMATE = "~"  # marks a Resolved precision whose value is only the likeliest reading


def find_times(text: str, language: str, published: date | None) -> list[TimeRef]:
    """Return the time expressions of `text`, sorted by start and not overlapping.

    `language` is an ISO 639-1 code ("ar", "en"; a region such as "ar-EG" is ignored). A language
    without a time grammar gives no expressions rather than an error: the briefing can still be
    made, only without dates. Relative expressions resolve against `published`; without it they
    keep value None and precision "relative".
    """
    code = language.split("-")[0].split("_")[0].lower()
    grammar = languages.get(code).time_grammar if code in languages.codes() else None
    if grammar is None:
        return []
    return select_longest(grammar(text, published))


def select_longest(exprs: Iterable[TimeRef]) -> list[TimeRef]:
    """Return the expressions that survive overlaps (the longest wins), sorted by start.

    On equal length the earlier one wins, then the resolved one, so the result does not depend
    on the order the rules ran in.
    """
    ranked = sorted(exprs, key=lambda e: (e.start - e.end, e.start, e.value is None))
    starts: list[int] = []
    kept: list[TimeRef] = []  # parallel to `starts`, sorted by start
    for expr in ranked:
        i = bisect.bisect_left(starts, expr.start)
        if i > 0 and kept[i - 1].end > expr.start:
            continue
        if i < len(kept) and kept[i].start < expr.end:
            continue
        starts.insert(i, expr.start)
        kept.insert(i, expr)
    return kept


def ascii_digits(text: str) -> str:
    """Return `text` with Arabic-Indic and Persian digits as ASCII ones (same length)."""
    return text.translate(_DIGITS)


def plausible_year(year: int) -> bool:
    """Say whether a bare four-digit number may be a year of the news."""
    return FIRST_YEAR <= year <= LAST_YEAR


def date_expr(text: str, start: int, end: int, resolved: Resolved) -> TimeRef:
    """Return a date expression of text[start:end]."""
    value, precision = resolved
    approximate = precision.endswith(_APPROXIMATE)
    return TimeRef(
        start,
        end,
        text[start:end],
        DATE,
        value,
        precision.rstrip(_APPROXIMATE),
        approximate=approximate,
    )


def duration_expr(text: str, start: int, end: int, quantity: float, unit: str) -> TimeRef:
    """Return a duration expression of text[start:end]."""
    return TimeRef(
        start,
        end,
        text[start:end],
        DURATION,
        duration_value(quantity, unit),
        DURATION,
        float(quantity),
        unit,
    )


def duration_value(quantity: float, unit: str) -> str:
    """Return the ISO 8601 duration of a quantity of a unit: P4D, P2W, PT5H, P1.5Y."""
    number = f"{quantity:g}"
    if unit == "hour":
        return f"PT{number}H"
    return f"P{number}{_ISO_UNITS[unit]}"


def day_value(day: date) -> Resolved:
    return (day.isoformat(), "day")


def month_value(year: int, month: int) -> Resolved:
    return (f"{year:04d}-{month:02d}", "month")


def year_value(year: int) -> Resolved:
    return (f"{year:04d}", "year")


def checked_day(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when the numbers name no day (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """Return (year, month) `by` months after the given one (before it when negative)."""
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def months_span(year: int, first: int, months: int) -> tuple[date, date]:
    """Return the first and last day of `months` months from month `first` of `year` (a
    quarter, a half, a season; a winter runs into the next year)."""
    end_year, end_month = shift_month(year, first, months)
    return date(year, first, 1), date(end_year, end_month, 1) - timedelta(days=1)


def covering(first: date, last: date) -> Resolved:
    """Return the finest ISO value that holds every day from `first` to `last`.

    A span inside one month gets the month, inside one year the year; a span across a new year
    gets no value, since any one value would exclude some of its days.
    """
    if first == last:
        return day_value(first)
    if (first.year, first.month) == (last.year, last.month):
        return month_value(first.year, first.month)
    if first.year == last.year:
        return year_value(first.year)
    return UNRESOLVED


def week_value(first: date, last: date) -> Resolved:
    """Return the value of a week's span: its month, or, when the span runs across two months,
    the month that holds most of its days, marked as only the likeliest reading (a claim dated
    so is never contradicted on its date)."""
    if (first.year, first.month) == (last.year, last.month):
        return covering(first, last)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    months = Counter((d.year, d.month) for d in days)
    (year, month), _ = max(months.items(), key=lambda kv: (kv[1], kv[0]))
    value, precision = month_value(year, month)
    return value, precision + _APPROXIMATE


def week_span(published: date, weeks: int) -> tuple[date, date]:
    """Return the first and last day that "this week" (weeks=0), "last week" (-1) or "next
    week" (+1) can mean.

    Weeks start on Saturday, Sunday or Monday depending on the country, and an article rarely
    says which: the span is the union of the three readings, so the covering value is right
    under any of them.
    """
    begins = [
        published - timedelta(days=(published.weekday() - first_weekday) % 7, weeks=-weeks)
        for first_weekday in (5, 6, 0)  # Saturday, Sunday, Monday
    ]
    return min(begins), max(begins) + timedelta(days=6)


def weekday_date(published: date, weekday: int, direction: int) -> date:
    """Return the day with Monday-based `weekday` nearest to publication in `direction`.

    direction 0: on or before publication (a bare "on Wednesday" in news is past);
    -1: strictly before ("last Wednesday"); +1: strictly after ("next Wednesday").
    """
    back = (published.weekday() - weekday) % 7
    if direction > 0:
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if direction < 0 and back == 0:
        back = 7
    return published - timedelta(days=back)


def coming_weekday(published: date, weekday: int) -> date:
    """Return the first day with Monday-based `weekday` on or after publication: "will meet on
    Tuesday" written on a Tuesday is that day."""
    return published + timedelta(days=(weekday - published.weekday()) % 7)


def weekend(published: date, offset: int) -> tuple[date, date]:
    """Return the Saturday and Sunday of this weekend (offset 0), the last (-1) or the next (+1).

    On a weekend day, "this weekend" is the one under way, "last weekend" the one before.
    """
    monday = published - timedelta(days=published.weekday())
    saturday = monday + timedelta(days=5, weeks=offset)
    if offset < 0 and published.weekday() >= 5:
        saturday = monday + timedelta(days=5) - timedelta(weeks=1)
    return saturday, saturday + timedelta(days=1)


def week_start_value(published: date) -> Resolved:
    """Return the value of "early this week": its first two days, under any first weekday."""
    first, last = week_span(published, 0)
    begins_last = last - timedelta(days=6)
    return week_value(first, min(begins_last + timedelta(days=1), published))


def likeliest(year: int) -> Resolved:
    """Return a year that is only the likeliest reading (a season of sport spans two)."""
    value, precision = year_value(year)
    return value, precision + _APPROXIMATE


def month_year(published: date, month: int, direction: int) -> int:
    """Return the year of the month `month` nearest to publication in `direction`.

    direction 0: the nearest on or before the publication month (a bare "in March");
    -1: strictly before ("last March"); +1: strictly after ("next March").
    """
    if direction > 0:
        return published.year if month > published.month else published.year + 1
    if direction < 0:
        return published.year if month < published.month else published.year - 1
    return published.year if month <= published.month else published.year - 1


def day_year(published: date, month: int, day: int, direction: int) -> int:
    """Return the year of a day and month nearest to publication in `direction`.

    With a day, "الماضي" / "last" is the last such day before publication and "المقبل" / "next"
    the first after it: "31 August next" written on 10 August is this August. Direction 0 reads
    like a bare month (`month_year`).
    """
    when = checked_day(published.year, month, day)
    if direction == 0 or when is None:
        return month_year(published, month, direction)
    if direction > 0 and when <= published:
        return published.year + 1
    if direction < 0 and when >= published:
        return published.year - 1
    return published.year


def offset_value(published: date, quantity: float, unit: str) -> Resolved:
    """Return the date `quantity` units after publication (before it when negative).

    The precision follows the unit: days and weeks give a day, months a month, years a year —
    "two years ago" says which year, not which day.
    """
    if unit == "hour":  # a date has no hours: only whole days move it
        return day_value(published + timedelta(days=int(quantity / 24)))
    whole = int(quantity)
    if unit in ("day", "week"):
        return day_value(published + timedelta(days=whole * (7 if unit == "week" else 1)))
    if unit == "month":
        return month_value(*shift_month(published.year, published.month, whole))
    return year_value(published.year + whole)


def period_value(published: date, unit: str, offset: int) -> Resolved:
    """Return the value of "this/last/next week|month|quarter|year" (offset 0, -1, +1)."""
    if unit == "quarter":
        year, month = shift_month(published.year, (published.month - 1) // 3 * 3 + 1, 3 * offset)
        end_year, end_month = shift_month(year, month, 3)
        return covering(date(year, month, 1), date(end_year, end_month, 1) - timedelta(days=1))
    if unit == "week":
        return week_value(*week_span(published, offset))
    if unit == "month":
        return month_value(*shift_month(published.year, published.month, offset))
    return year_value(published.year + offset)


def day_first(pairs: Iterable[tuple[int, int]], *, default: bool) -> bool:
    """Say whether numeric dates of one text read day first, from the (first, second) numbers
    of all of them: a first number above 12 can only be a day, a second above 12 only a day too.
    """
    pairs = list(pairs)
    if any(a > 12 for a, _ in pairs):
        return True
    if any(b > 12 for _, b in pairs):
        return False
    return default


# How far "the coming days" and "the coming weeks" reach from publication, in days.
_NEAR_REACH = {"day": 7, "week": 28}


def near_value(published: date, unit: str, direction: int, count: int | None = None) -> Resolved:
    """Return the value of "the coming days", "the past two days", "in recent weeks": the days
    next to publication on the side `direction` says (+1 after, -1 before), `count` units of them
    when the text says how many, else about a week of days or a month of weeks. The value is
    their month, or, across two months, the likelier one marked as such (see `week_value`)."""
    reach = count * (7 if unit == "week" else 1) if count else _NEAR_REACH[unit]
    if direction > 0:
        first, last = published + timedelta(days=1), published + timedelta(days=reach)
    else:
        first, last = published - timedelta(days=reach), published - timedelta(days=1)
    return week_value(first, last)


class _Story(Protocol):
    """What resolving against the story needs of a language's time document."""

    def last_year(self, pos: int) -> int | None: ...

    def date(self, start: int, end: int, resolved: Resolved) -> TimeRef: ...


def same_year(m: re.Match[str], doc: _Story) -> list[TimeRef]:
    """Return "the same year" (العام نفسه), group "x" of a language's pattern: the year the
    text last wrote before it, unresolved if it wrote none."""
    year = doc.last_year(m.start())
    resolved = year_value(year) if year is not None else UNRESOLVED
    return [doc.date(m.start("x"), m.end("x"), resolved)]
