"""The days and weeks next to publication in English: "in the coming days", "over the next few
days", "within the next two weeks", "in recent days", "in the weeks ahead". Each is a date (when
something happened or will), not a duration: its value is the month those days fall in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED

if TYPE_CHECKING:
    from briefing.languages.en.time_doc import TimeDoc
    from briefing.models import TimeRef

_COUNTS = {"couple of": 2, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_VAGUE = r"few|several|(?:next\s+)?couple\s+of"
NEAR_RE = re.compile(
    r"\b(?i:in|over|within|during)\s+(?P<x>(?i:the\s+(?P<dir>coming|next|past|last)\s+"
    rf"(?:(?P<n>{_VAGUE}|two|three|four|five|ten|\d{{1,2}})\s+)?(?P<unit>days|weeks)"
    r"|(?P<recent>recent)\s+(?P<unit2>days|weeks)"
    r"|the\s+(?P<unit3>days|weeks)\s+(?:ahead|to\s+come)))(?![\w-])"
)


def near_days(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return "in the coming days" and its kin: the month of the days on that side of
    publication, as many as the text counts (about a week of days, a month of weeks, if none)."""
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()[:-1]
    word = (m.group("dir") or m.group("recent") or "coming").lower()
    direction = -1 if word in ("past", "last", "recent") else 1
    written = " ".join((m.group("n") or "").lower().split())
    count = int(written) if written.isdigit() else _COUNTS.get(written.removeprefix("next "))
    if count == 0:
        return []
    resolved = times.near_value(doc.published, unit, direction, count)
    return [doc.date(m.start("x"), m.end("x"), resolved)]
