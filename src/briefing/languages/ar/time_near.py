"""The days and weeks next to publication in Arabic: "خلال الأيام المقبلة", "خلال اليومين
القادمين", "في الأسابيع القليلة الماضية", "الأيام الأخيرة". Each is a date (when something
happened or will), not a duration: its value is the month those days fall in. A count written
between noun and adjective (الأيام الثلاثة الماضية) is a span of `time`'s own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED
from briefing.languages.ar.time_patterns import alternation, fold, time_table

if TYPE_CHECKING:
    from briefing.languages.ar.time_doc import TimeDoc
    from briefing.models import TimeRef

# Plural and dual nouns of days and weeks, and the adjectives that place them (data/time).
_NOUNS = time_table("near_nouns", str)
_SIDES = time_table("near_sides", int)
_PREPOSITIONS = r"(?:خلال|في\s+غضون|في|فى)"
NEAR_RE = re.compile(
    rf"(?<!\w)[وف]?(?P<x>(?:{_PREPOSITIONS}\s+)?(?:ال|لل)(?P<n>{alternation(_NOUNS)})\s+"
    rf"(?:{fold('القليلة')}\s+)?(?P<adj>{alternation(_SIDES)}))(?!\w)"
)


def near_days(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return "الأيام المقبلة" and its kin: the month of the days on that side of publication,
    two of them for a dual (اليومين), else about a week of days or a month of weeks."""
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    unit, number = _NOUNS[m.group("n")].split()
    count = None if number == "plural" else int(number)
    resolved = times.near_value(doc.published, unit, _SIDES[m.group("adj")], count)
    return [doc.date(m.start("x"), m.end("x"), resolved)]
