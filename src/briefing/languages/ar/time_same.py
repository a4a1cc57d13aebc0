"""العام نفسه، نفس العام، ذلك العام: the year the story last wrote."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED
from briefing.languages.ar.time_patterns import SAME

if TYPE_CHECKING:
    from briefing.languages.ar.time_doc import TimeDoc
    from briefing.models import TimeRef

_YEAR = r"(?:العام|السنه|عام|سنه)"
_SAME = "|".join(sorted(SAME, key=len, reverse=True))
SAME_YEAR_RE = re.compile(
    rf"(?<!\w)[وفبل]?(?P<x>(?:ال|لل)(?:عام|سنه)\s+(?:{_SAME})|(?:نفس|ذات)\s+{_YEAR}"
    r"|(?:ذلك|تلك)\s+(?:ال|لل)(?:عام|سنه))(?!\w)"
)


def same_year(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return the year last written before the expression; unresolved if none was."""
    year = doc.last_year(m.start())
    resolved = times.year_value(year) if year is not None else UNRESOLVED
    return [doc.date(m.start("x"), m.end("x"), resolved)]
