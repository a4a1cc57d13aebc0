"""Days that name an event in Arabic: أحداث 11 سبتمبر، هجمات الحادي عشر من أيلول. They are that
event's day, whatever year the article is published in."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.languages.ar.time_patterns import alternation, fold
from briefing.languages.base import read_phrase_table, read_words

if TYPE_CHECKING:
    from briefing.languages.ar.time_doc import TimeDoc
    from briefing.models import TimeRef

_DATA = Path(__file__).parent / "data" / "time"
_DAYS = {
    fold(phrase): date.fromisoformat(day)
    for day, phrase in read_phrase_table(_DATA / "named_days.txt")
}
NAMED_DAY_RE = re.compile(
    rf"(?<!\w)[وفبل]?(?P<x>(?:ال)?{alternation(read_words(_DATA / 'named_day_nouns.txt'))}\s+"
    rf"(?P<day>{alternation(_DAYS)}))(?!\w)"
)


def named_day(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return the day an event is named after, as the event's day."""
    written = " ".join(m.group("day").split())
    return [doc.date(m.start("x"), m.end("x"), times.day_value(_DAYS[written]))]
