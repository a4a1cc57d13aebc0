"""Days that name an event in English: "the September 11 attacks", "the events of 11 September",
"9/11". They are that event's day, whatever year the article is published in."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.languages.base import read_phrase_table, read_words

if TYPE_CHECKING:
    from briefing.languages.en.time_doc import TimeDoc
    from briefing.models import TimeRef

_DATA = Path(__file__).parent / "data" / "time"
_DAYS = {
    phrase.lower(): date.fromisoformat(day)
    for day, phrase in read_phrase_table(_DATA / "named_days.txt")
}
_NOUNS = "|".join(map(re.escape, read_words(_DATA / "named_day_nouns.txt")))
_NUMERIC = "|".join(re.escape(p) for p in _DAYS if "/" in p)
_NAMED = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_DAYS, key=len, reverse=True))
NAMED_DAY_RE = re.compile(
    rf"(?<![\w/])(?P<x>(?i:(?P<d1>{_NAMED})\s+(?:terrorist\s+)?(?:{_NOUNS})"
    rf"|(?:{_NOUNS})\s+of\s+(?P<d2>{_NAMED})|(?P<d3>{_NUMERIC})))(?![\w/])"
)


def named_day(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return the day an event is named after, as the event's day."""
    written = " ".join((m.group("d1") or m.group("d2") or m.group("d3")).lower().split())
    return [doc.date(m.start("x"), m.end("x"), times.day_value(_DAYS[written]))]
