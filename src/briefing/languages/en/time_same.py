""" "The same year", "that year", "later that year": the year the story last wrote. The pattern;
`times.same_year` resolves it."""

from __future__ import annotations

import re

SAME_YEAR_RE = re.compile(
    r"\b(?P<x>(?i:(?:the|that)\s+same\s+year|(?:later|earlier)\s+that\s+year"
    r"|(?:in|during|by)\s+that\s+year))\b"
)
