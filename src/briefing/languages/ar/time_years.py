"""Years written as numbers in Arabic: "عام 2015", "في 2022", "(1859-1869)", "1436هـ". A bare
number is a year after a year noun, an era or a preposition, unless a noun after it shows it
counts something (في 2022 حالة)."""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED
from briefing.languages.ar.hijri import hijri_span
from briefing.languages.ar.time_doc import TimeDoc, is_cue
from briefing.languages.ar.time_patterns import (
    COUNT_EXCEPTIONS,
    HIJRI_ERAS,
    LENGTH_WORDS,
    PERIOD_UNITS,
    YEAR_PREPOSITIONS,
)
from briefing.models import TimeRef


def written_year(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    first = _one_year(doc, m, "y", "era", m.start("x"), m.end("x"))
    if first is None:
        return []
    found = [first]
    if m.group("y2"):
        second = _one_year(doc, m, "y2", "era2", m.start("y2"), m.end())
        if second is not None:
            found.append(second)
    return found


def _one_year(
    doc: TimeDoc, m: re.Match[str], group: str, era_group: str, start: int, end: int
) -> TimeRef | None:
    year, era = int(m.group(group)), m.group(era_group)
    if era in HIJRI_ERAS:
        span = hijri_span(year, 1, 12)
        return doc.date(start, end, times.covering(*span) if span else UNRESOLVED)
    if not (times.plausible_year(year) or (_a_span_of_years(m) and year >= 1000)):
        return None
    if group == "y" and not _year_is_date(m, doc, era):
        return None
    found = doc.date(start, end, times.year_value(year))
    cued = era or m.group("cue") or m.group("mod")
    spans = m.group("y2") is not None  # "1859-1869" dates what it spans, not a noun's name
    if (
        group == "y"
        and not cued
        and not spans
        and not is_cue(doc.prev_word(m.start()), YEAR_PREPOSITIONS)
    ):
        return replace(found, attributive=True)  # "الألعاب الآسيوية 2018": the games' year
    return found


def _a_span_of_years(m: re.Match[str]) -> bool:
    """Say whether a year and a second one are a span of time ("(1859-1869)"): in order, at
    most two centuries apart, and no noun after them to count (من 1500-1600 شخص)."""
    if m.group("y2") is None or not 0 < int(m.group("y2")) - int(m.group("y")) <= 200:
        return False
    after = m.string[m.end() : m.end() + 2].lstrip()
    return not after or not after[0].isalpha() or after[0] in "وبفل"


def _year_is_date(m: re.Match[str], doc: TimeDoc, era: str | None) -> bool:
    """Say whether a four-digit number is a year: a year noun, an era or a preposition before it."""
    if era:
        before = doc.norm[max(0, m.start() - 40) : m.start()].split()[-3:]
        return not any(w in LENGTH_WORDS for w in before)  # "مسافة 1600م" is metres
    if m.group("cue") or m.group("mod"):
        return True
    if _a_span_of_years(m):
        return True
    following = doc.next_word(m.end("x"))
    if not is_cue(doc.prev_word(m.start()), YEAR_PREPOSITIONS):
        return _names_an_edition(m, doc, following)
    if not following or following in COUNT_EXCEPTIONS or following.startswith("و"):
        return True
    # A noun right after the number counts it (في 2022 حالة، منذ 2011 شخصا): Arabic verbs never
    # end in ة, and an indefinite accusative ends in ا.
    return not following.endswith(("ه", "ا"))


def _names_an_edition(m: re.Match[str], doc: TimeDoc, following: str) -> bool:
    """Say whether a year after a definite word closes a phrase, as the year of an edition
    does ("الألعاب الآسيوية 2018."): no noun follows it to be counted."""
    before = doc.prev_word(m.start())
    if not (before.startswith("ال") and len(before) > 3) or before in PERIOD_UNITS:
        return False
    return not following or following in COUNT_EXCEPTIONS
