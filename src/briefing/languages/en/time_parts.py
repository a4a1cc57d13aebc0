"""Parts of a year in English: "the fourth quarter (of 2004)", "the final three months of 2004",
"full year 2004", "the same period of 2003". A part's value is its year, the finest ISO value
that covers three or six months."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED

if TYPE_CHECKING:
    from briefing.languages.en.time_doc import TimeDoc
    from briefing.models import TimeRef

# A part of a year: "the fourth quarter (of 2004)", "the final three months of 2004", "the first
# half", "full year 2004", "the same period of 2003".
PART_RE = re.compile(
    r"\b(?P<x>(?i:(?:the\s+)?(?P<which>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    r"[\s-]+(?P<part>quarter|half|three\s+months|six\s+months)(?:\s+(?:of|in)\s+(?P<y>\d{4}))?"
    r"|(?:full|whole)[\s-]+year\s+(?P<fy>\d{4})"
    r"|the\s+same\s+(?:period|quarter|months?|time)\s+(?:of|in|last\s+year\s+in)\s+(?P<sy>\d{4})))"
    r"(?![\w-])"
)
# Which part of the year, as (first month, months long).
_PARTS = {
    ("first", "quarter"): (1, 3),
    ("1st", "quarter"): (1, 3),
    ("second", "quarter"): (4, 3),
    ("2nd", "quarter"): (4, 3),
    ("third", "quarter"): (7, 3),
    ("3rd", "quarter"): (7, 3),
    ("fourth", "quarter"): (10, 3),
    ("4th", "quarter"): (10, 3),
    ("final", "quarter"): (10, 3),
    ("last", "quarter"): (10, 3),
    ("first", "half"): (1, 6),
    ("second", "half"): (7, 6),
    ("final", "half"): (7, 6),
    ("last", "half"): (7, 6),
    ("first", "three months"): (1, 3),
    ("final", "three months"): (10, 3),
    ("last", "three months"): (10, 3),
    ("first", "six months"): (1, 6),
    ("final", "six months"): (7, 6),
    ("last", "six months"): (7, 6),
}


def part_of_year(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return a part of a year ("the fourth quarter of 2004", "full year 2004"): its year, the
    finest value that covers it; without a year, the last such part to have ended before
    publication (the next one in a clause of the future)."""
    written = m.group("y") or m.group("fy") or m.group("sy")
    if written:
        year = int(written)
        return (
            [doc.date(m.start("x"), m.end("x"), times.year_value(year))]
            if times.plausible_year(year)
            else []
        )
    key = (m.group("which").lower(), " ".join(m.group("part").lower().split()))
    if key not in _PARTS or key[1] == "half":
        return []  # "the second half" without a year is as often a match's
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    first, length = _PARTS[key]
    year = doc.published.year
    ended = times.months_span(year, first, length)[1] < doc.published
    if doc.future(m.start(), m.end()):
        year += 1 if ended else 0  # "will grow in the second half": this year's, or next
    elif not ended:
        year -= 1
    return [doc.date(m.start("x"), m.end("x"), times.year_value(year))]


# A season of a year without its year: "last autumn", "this summer", "in the autumn". With a
# year ("spring 2003") the year rule reads it.
SEASON_RE = re.compile(
    r"\b(?P<x>(?P<dir>(?i:last|this|next|the))\s+(?P<season>(?i:spring|summer|autumn|fall|winter)))"
    r"(?!\s+(?:of\s+)?\d{4})(?![\w-])"
)
# Each season's first month and how many months it lasts (the northern seasons).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PAST_WORDS = ("in", "during", "over", "since", "through", "throughout", "by", "until")


def season(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return a season without its year: "last autumn" is the last to have ended before
    publication, "next summer" the first to start after it, "this winter" the one of
    publication's year; "in the autumn" the last begun before publication, or in a clause of
    the future the next not yet over. A winter runs across a new year and gets no value."""
    word = m.group("dir").lower()
    if word == "the" and doc.prev_word(m.start()).lower() not in _PAST_WORDS:
        return []  # "the summer transfer window", "the autumn statement": no date of its own
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    first = _SEASONS[m.group("season").lower()]
    published = doc.published
    year = published.year if first <= published.month else published.year - 1  # begun by then
    over = times.months_span(year, first, 3)[1] < published
    if word == "this":  # the one of publication's year, "this winter" in February the one begun
        year = published.year - 1 if first == 12 and published.month < 3 else published.year
    elif word == "last" and not over:
        year -= 1  # the one before
    elif word == "next" or (word == "the" and over and doc.future(m.start())):
        year += 1
    return [doc.date(m.start("x"), m.end("x"), times.covering(*times.months_span(year, first, 3)))]
