""" "The same year", "that year", "later that year": the year the story last wrote."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED

if TYPE_CHECKING:
    from briefing.languages.en.time_doc import TimeDoc
    from briefing.models import TimeRef

SAME_YEAR_RE = re.compile(
    r"\b(?P<x>(?i:(?:the|that)\s+same\s+year|(?:later|earlier)\s+that\s+year"
    r"|(?:in|during|by)\s+that\s+year))\b"
)


def same_year(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return the year last written before the expression; unresolved if none was."""
    year = doc.last_year(m.start())
    resolved = times.year_value(year) if year is not None else UNRESOLVED
    return [doc.date(m.start("x"), m.end("x"), resolved)]
