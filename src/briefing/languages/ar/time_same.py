"""العام نفسه، نفس العام، ذلك العام: the year the story last wrote. The pattern;
`times.same_year` resolves it."""

from __future__ import annotations

import re

from briefing.languages.ar.time_patterns import SAME

_YEAR = r"(?:العام|السنه|عام|سنه)"
_SAME = "|".join(sorted(SAME, key=len, reverse=True))
SAME_YEAR_RE = re.compile(
    rf"(?<!\w)[وفبل]?(?P<x>(?:ال|لل)(?:عام|سنه)\s+(?:{_SAME})|(?:نفس|ذات)\s+{_YEAR}"
    r"|(?:ذلك|تلك)\s+(?:ال|لل)(?:عام|سنه))(?!\w)"
)
