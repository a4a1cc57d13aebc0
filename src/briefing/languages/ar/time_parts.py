"""Parts of a year in Arabic: quarters and halves (الربع الأخير من العام الماضي, الربع الثاني,
النصف الأول من 2014) and seasons named by their direction (الصيف الماضي, الشتاء المقبل). A
part's value is its year, the finest ISO value that covers three or six months; a winter runs
across a new year and gets none. Works on folded text, as the other time rules do."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED
from briefing.languages.ar.time_patterns import (
    CURRENT_WORDS,
    DIRECTION,
    alternation,
    time_table,
)

if TYPE_CHECKING:
    from briefing.languages.ar.time_doc import TimeDoc
    from briefing.models import TimeRef


_PARTS = time_table("year_parts", str)  # الربع -> quarter
_ORDINALS = time_table("part_ordinals", str)  # الثاني -> 2
_SEASONS = time_table("season_months", int)
_LENGTH = {"quarter": 3, "half": 6}


_YEAR_WORDS = r"(?:العام|السنه|عام|سنه)"
_DIRECTIONS = alternation([*DIRECTION, *CURRENT_WORDS])
PART_RE = re.compile(
    rf"(?<!\w)(?P<x>[وفب]?(?P<part>{alternation(_PARTS)})\s+(?P<which>{alternation(_ORDINALS)})"
    rf"(?:\s+(?:من|في)\s+(?:{_YEAR_WORDS}\s+(?P<dir>{_DIRECTIONS})|(?:{_YEAR_WORDS}\s+)?(?P<y>\d{{4}}))"
    r")?)(?!\w)"
)
_SEASON = alternation(_SEASONS)
# الصيف الماضي, هذا الصيف, صيف هذا العام, صيف العام الماضي.
SEASON_RE = re.compile(
    rf"(?<!\w)(?P<x>[وفب]?(?:(?P<season>{_SEASON})\s+(?:(?P<yw>{_YEAR_WORDS})\s+)?(?P<dir>{_DIRECTIONS})"
    rf"|(?P<dem>هذا|هذه)\s+(?P<season2>{_SEASON})|(?P<season3>{_SEASON})\s+(?P<dem2>هذا|هذه)\s+"
    rf"{_YEAR_WORDS}))(?!\w)"
)


def part_of_year(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return a quarter or a half: the year written or named (من العام الماضي), else the last
    such part to have ended before publication (the next in a clause of the future). A half
    needs its year: النصف الثاني alone is as often a month's or a match's."""
    unit = _PARTS[m.group("part")]
    which = _ORDINALS[m.group("which")]
    n = {"quarter": 4, "half": 2}[unit] if which == "last" else int(which)
    if n > 12 // _LENGTH[unit]:
        return []
    if m.group("y"):
        year = int(m.group("y"))
        return [doc.date(m.start("x"), m.end("x"), times.year_value(year))]
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    if m.group("dir"):
        year = doc.published.year + DIRECTION.get(m.group("dir"), 0)
        return [doc.date(m.start("x"), m.end("x"), times.year_value(year))]
    if unit == "half":
        return []
    first = (n - 1) * _LENGTH[unit] + 1
    year = doc.published.year
    ends = times.months_span(year, first, _LENGTH[unit])[1]
    if doc.future(m.start()):
        year += 1 if ends < doc.published else 0
    elif ends >= doc.published:
        year -= 1
    return [doc.date(m.start("x"), m.end("x"), times.year_value(year))]


def season(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return a season named by its direction: الصيف الماضي is the last to have ended before
    publication, الشتاء المقبل the first to start after it, الصيف الحالي the one begun, هذا
    الصيف the one of publication's year."""
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    first = _SEASONS[m.group("season") or m.group("season2") or m.group("season3")]
    published = doc.published
    year = published.year if first <= published.month else published.year - 1  # begun by then
    over = times.months_span(year, first, 3)[1] < published
    step = DIRECTION.get(m.group("dir") or "", 0)
    if m.group("dem") or m.group("dem2"):  # هذا الصيف: the one of publication's year
        year = published.year - 1 if first == 12 and published.month < 3 else published.year
    elif m.group("yw"):  # صيف العام الماضي: the summer of the year named
        year = published.year + step
    elif step < 0 and not over:
        year -= 1
    elif step > 0:
        year += 1
    return [doc.date(m.start("x"), m.end("x"), times.covering(*times.months_span(year, first, 3)))]
