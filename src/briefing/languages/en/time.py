"""English time expressions: dates, relative dates and durations, resolved to ISO values.

Month and weekday names count only when capitalised, and a bare month ("June", "May", "March")
only after a cue word ("in June", "last May"): without one it is as likely a name, a verb or a
protest march. Numeric dates read day first unless the text shows otherwise (see `_day_first`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED
from briefing.languages.base import read_phrase_table, read_table, read_words
from briefing.languages.en.time_doc import TimeDoc
from briefing.languages.en.time_named import NAMED_DAY_RE, named_day
from briefing.languages.en.time_near import NEAR_RE, near_days
from briefing.languages.en.time_parts import PART_RE, SEASON_RE, part_of_year, season
from briefing.languages.en.time_same import SAME_YEAR_RE
from briefing.models import TimeRef

_V = TypeVar("_V")

# --- Words (data/time/NAME.txt, one file a list, named after the table it fills) -------------

_DATA = Path(__file__).parent / "data" / "time"


def _words(name: str) -> set[str]:
    """Return the words of a word-list file."""
    return set(read_words(_DATA / f"{name}.txt"))


def _table(name: str, value: Callable[[str], _V]) -> dict[str, _V]:
    """Return word -> value from a table file (`value: word word …` lines), in order."""
    return {word: value(v) for v, words in read_table(_DATA / f"{name}.txt") for word in words}


_MONTHS = _table("months", int)
_ABBREVIATIONS = _table("month_abbreviations", int)
_WEEKDAYS = _table("weekdays", int)

_UNIT_NUMBERS = _table("unit_numbers", int)
_TENS = _table("tens", int)
_NUMBERS: dict[str, float] = {
    **_UNIT_NUMBERS,
    **_table("teens", int),
    **_TENS,
    **_table("other_numbers", int),
}
_UNITS = _table("units", str)

# Words before a bare month or year that make it a date ("in June", "since 2001"); "and", "or"
# and "to" only after another month.
_CUES = _words("cues")
_YEAR_CUES = _CUES - _words("month_only_cues")
# Words after a cued number that show it counts something ("in 2000 people"), or that it is a
# time of day ("from 1900 GMT").
_COUNT_NOUNS = _words("count_nouns")
# Words before "the 2005 campaign" that make the number a year's, not a count's.
_DETERMINERS = _words("determiners")
# Words after a number that are no noun it could date.
_NOT_NOUNS = _words("not_nouns")
# Named days that are no plain weekday ("Black Friday"), and papers ("Sunday Times").
_NOT_WEEKDAY_BEFORE = _words("not_weekday_before")
_NOT_WEEKDAY_AFTER = _words("not_weekday_after")

# Words that name a day next to publication, by days after it.
_RELATIVE_DAYS = {phrase: int(n) for n, phrase in read_phrase_table(_DATA / "relative_days.txt")}
_DIRECTIONS = _table("directions", int)

# --- Regex pieces ------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    escaped = (re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+") for w in words)
    return "(?:" + "|".join(sorted(escaped, key=len, reverse=True)) + ")"


_MON = rf"(?:{_alt(_MONTHS)}|{_alt(_ABBREVIATIONS)}\.?)"
_WD = _alt(_WEEKDAYS)
_NUM_WORD = rf"(?:{_alt(_TENS)}[\s-]+{_alt(_UNIT_NUMBERS)}|{_alt(_NUMBERS)}|a\s+couple\s+of)"
_QTY = rf"(?P<q>\d{{1,4}}(?:\.\d+)?|(?i:{_NUM_WORD}))"
_UNIT = rf"(?P<u>(?i:{_alt(_UNITS)}))"
_MOD = (
    r"(?i:early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of"
    r"|end\s+of|start\s+of|beginning\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
)
_SEASON = r"(?i:spring|summer|autumn|fall|winter)(?:\s+of)?"
_ORDINAL = r"(?:st|nd|rd|th)"

_MONTH_DATE_RE = re.compile(
    rf"\b(?P<x>(?:(?P<wd>{_WD}),?\s+)?(?:(?P<mod>{_MOD})[\s-]+)?"
    rf"(?:(?P<dir>(?i:last|next|this))\s+)?"
    rf"(?:(?i:the\s+)?(?:(?P<d0>\d{{1,2}}){_ORDINAL}?\s*[-–]\s*)?"
    rf"(?P<d1>\d{{1,2}}){_ORDINAL}?(?:\s+of)?\s+)?(?P<mon>{_MON})"
    rf"(?:\s+(?:the\s+)?(?P<d2>\d{{1,2}}){_ORDINAL}?(?![\d:]))?"
    rf"(?:,?\s+(?P<y>\d{{4}})(?!\d)|\s+(?P<yrel>(?i:last|this|next))\s+year)?)(?![\w-])"
)
_MONTH_FIRST_STYLE_RE = re.compile(rf"\b{_MON}\s+\d{{1,2}}{_ORDINAL}?,\s+\d{{4}}\b")
_NUMERIC_RE = re.compile(
    r"(?<![\w/.-])(?:(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<c>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\w/-]|\.\d)"
)
_YEAR_RE = re.compile(
    rf"(?<![\w$£€.,-])(?P<x>(?:(?P<mod>{_MOD}|{_SEASON})[\s-]+)?(?:(?P<the>(?i:the\s+year))\s+)?"
    r"(?P<y>\d{4}))(?![\w,.%-]\w|[\w%])(?!-\d)"
    r"(?:\s*(?:–|-|\bto\b|\band\b|\buntil\b|\bthrough\b)\s*(?P<y2>\d{4})(?![\w%]|[,.]\d))?"
)
_RELATIVE_DAY_RE = re.compile(rf"\b(?P<x>(?i:{_alt(_RELATIVE_DAYS)}))\b")
_PERIOD_RE = re.compile(
    rf"\b(?P<x>(?:(?P<mod>{_MOD}|(?i:earlier|later))[\s-]+)?"
    r"(?P<dir>(?i:last|this|next|the\s+past|the\s+current|the\s+coming|the\s+previous"
    r"|the\s+following|the\s+next))\s+(?P<unit>(?i:week|month|year|weekend)))(?![\w-])"
)
_WEEKEND_RE = re.compile(r"\b(?i:over|at|during|on|for|through)\s+(?P<x>the\s+weekend)\b")
_QUARTER_RE = re.compile(
    r"\b(?P<x>(?i:the\s+)?(?P<dir>(?i:last|previous|this|current|next|coming))\s+quarter)\b"
)
_ANCHORED_DAY_RE = re.compile(
    r"\b(?P<x>(?i:the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:before|after)))\b"
)
_WEEKDAY_RE = re.compile(
    rf"\b(?P<x>(?:(?P<dir>(?i:last|next|this|past|coming))\s+)?(?P<wd>{_WD})"
    r"(?:\s+(?i:morning|afternoon|evening|night))?)(?![\w-])"
)
_AGO_RE = re.compile(
    rf"\b(?P<x>{_QTY}\s+{_UNIT}s?\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now"
    r"|hence|previously)))\b"
)
_HYPHEN_DURATION_RE = re.compile(rf"\b(?P<x>{_QTY}-{_UNIT})(?!-old|-\w*-old)(?![\w-])")
_DURATION_RE = re.compile(
    r"\b(?i:for|over|lasting|lasted|lasts|last|spanning|within|spent|spend|serve|served|serving"
    r"|in\s+the\s+past|in\s+the\s+last|in\s+the\s+next)\s+"
    r"(?:(?i:about|around|nearly|almost|some|more\s+than|less\s+than|at\s+least|up\s+to|another"
    r"|a\s+further|the\s+past|the\s+last|the\s+next|the\s+first|the\s+coming)\s+)?"
    rf"(?P<x>{_QTY}\s+{_UNIT}s?)\b(?!\s+(?i:ago|later|earlier|before|after|from\s+now|old))"
)


def _number(words: str) -> float:
    """Return the value of a quantity in digits or words ("4", "twenty-five", "a couple of")."""
    if words[0].isdigit():
        return float(words)
    if words.lower().startswith("a couple"):
        return 2.0
    total = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        total += _NUMBERS.get(word, 0)
    return total


# --- Rules -------------------------------------------------------------------------------------


def _month_date(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    name = m.group("mon").rstrip(".")
    month = _MONTHS.get(name) or _ABBREVIATIONS[name]
    day_text = m.group("d1") or m.group("d2")
    day = int(day_text) if day_text else None
    if day is not None and not 1 <= day <= 31:
        return []
    year = int(m.group("y")) if m.group("y") else None
    if not (day or year or m.group("yrel")):
        if name not in _MONTHS:  # "Jan" alone is more often a name than January
            return []
        cued = m.group("mod") or m.group("dir") or _month_cued(doc, m.start())
        if not (cued or _month_before_noun(doc, m)):
            return []
    resolved_year = _month_year(m, doc, month, year)
    if resolved_year is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    when = times.checked_day(resolved_year, month, day) if day else None
    first = times.checked_day(resolved_year, month, int(m.group("d0"))) if m.group("d0") else None
    if when and first and first < when:  # "9-10 July": the days it spans
        return [doc.date(m.start("x"), m.end("x"), times.covering(first, when))]
    if when:
        return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]
    return [doc.date(m.start("x"), m.end("x"), times.month_value(resolved_year, month))]


def _month_cued(doc: TimeDoc, pos: int) -> bool:
    """Say whether a word before a bare month makes it a date: "in June", and "and June" only
    after another month ("in May and June"), since "and April" may join a name."""
    before = doc.prev_word(pos).lower()
    if before in ("and", "or", "to"):
        start = doc.text.rfind(doc.prev_word(pos), 0, pos)
        earlier = doc.prev_word(start).rstrip(".")
        return earlier in _MONTHS or earlier in _ABBREVIATIONS or earlier.isdigit()
    return before in _CUES


def _month_before_noun(doc: TimeDoc, m: re.Match[str]) -> bool:
    """Say whether a bare month dates the noun after it: "the February air", "the chilly March
    morning" ("May" is too often a name: "the May government")."""
    after = doc.next_word(m.end("x"))
    if m.group("mon") == "May" or not after.isalpha() or not after.islower():
        return False
    if after in _NOT_NOUNS or doc.text[m.end("x") : m.end("x") + 1] != " ":
        return False
    before = doc.prev_word(m.start())
    if before.lower() == "the":
        return True
    earlier = doc.prev_word(doc.text.rfind(before, 0, m.start())) if before.islower() else ""
    return earlier.lower() == "the"


def _month_year(m: re.Match[str], doc: TimeDoc, month: int, year: int | None) -> int | None:
    if year is not None:
        return year if 1000 <= year <= times.LAST_YEAR else None
    pub = doc.published
    if pub is None:
        return None
    if m.group("yrel"):
        return pub.year + _DIRECTIONS[m.group("yrel").lower()]
    direction = _DIRECTIONS[m.group("dir").lower()] if m.group("dir") else 0
    if direction == 0 and m.group("dir"):  # "this March": the March of this year
        return pub.year
    if direction == 0 and doc.future(m.start(), m.end()):
        # "will take over in December": the coming one (this month counts as coming).
        return pub.year if month >= pub.month else pub.year + 1
    if direction == 0 and (written := doc.story_year(m.start())) is not None:
        return written
    return times.month_year(pub, month, direction)


def _numeric(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        day, month = (first, second) if doc.day_first else (second, first)
    when = times.checked_day(year, month, day) if times.plausible_year(year) else None
    return [doc.date(m.start(), m.end(), times.day_value(when))] if when else []


def _year(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    year = int(m.group("y"))
    if not times.plausible_year(year):
        return []
    attributive = False
    if not (m.group("mod") or m.group("the")):
        attributive = doc.prev_word(m.start()).lower() not in _YEAR_CUES
        if attributive and not _year_before_noun(m, doc):
            return []
        if doc.next_word(m.end("x")).lower() in _COUNT_NOUNS:
            return []
    found = [doc.date(m.start("x"), m.end("x"), times.year_value(year))]
    if attributive:  # "the 2004 champion" dates the champion, not what the sentence tells
        return [replace(found[0], attributive=True)]
    if m.group("y2") and times.plausible_year(int(m.group("y2"))):
        found.append(doc.date(m.start("y2"), m.end("y2"), times.year_value(int(m.group("y2")))))
    return found


def _year_before_noun(m: re.Match[str], doc: TimeDoc) -> bool:
    """Say whether a year stands before the noun it dates: before a name ("2004 French Open",
    "the 2005 Bafta awards"), or after a determiner, "of" or a possessive before a singular noun
    ("the 2005 campaign", "the Soviets' 1945 liberation"); a count has a plural ("the 2000
    people"). A year's own possessive ("2002's album") and "as 2012," at a clause's end are
    years too ("as many as 2000." is a count)."""
    if m.group("y2"):
        return False
    following = doc.text[m.end("x") : m.end("x") + 2]
    if following in ("'s", "’s"):
        return True  # "2002's Here To Stay": the year's own
    word = doc.prev_word(m.start()).lower()
    if word == "as" and following[:1] in (",", ".", ";", ""):
        start = doc.text.rfind(" as", 0, m.start())
        return doc.prev_word(start + 1).lower() not in ("many", "much")  # "as far away as 2012,"
    after = doc.next_word(m.end("x"))
    if not after.isalpha() or following[:1] != " ":
        return False
    if after[0].isupper():
        return True
    before = doc.text[max(0, m.start() - 3) : m.start()]
    possessive = word.endswith("'s") or before.endswith(("' ", "’ ", "’s "))
    determined = word in _DETERMINERS or word == "of" or possessive  # "estimate of 2005 demand"
    return determined and not after.endswith("s") and after.lower() not in _NOT_NOUNS


def _relative_day(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    words = " ".join(m.group("x").lower().split())
    if m.group("x").startswith("Today") and not doc.starts_sentence(m.start()):
        return []  # the BBC's Today programme, USA Today
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    when = doc.published + timedelta(days=_RELATIVE_DAYS[words])
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _period(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    direction_words = " ".join(m.group("dir").lower().split())
    unit = m.group("unit").lower()
    if direction_words in ("the previous", "the following", "the next") or doc.published is None:
        # "the previous week" counts from an event the text tells, not from publication.
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    offset = _DIRECTIONS[direction_words.split()[-1]]
    if unit == "weekend":
        resolved = times.covering(*times.weekend(doc.published, offset))
    elif direction_words == "the past":
        # "the past year" is the twelve months up to publication, not the calendar year before.
        resolved = times.covering(*_past_span(doc.published, unit))
    else:
        resolved = times.period_value(doc.published, unit, offset)
    return [doc.date(m.start("x"), m.end("x"), resolved)]


def _past_span(published: date, unit: str) -> tuple[date, date]:
    """Return the first and last day of "the past week|month|year" before publication."""
    if unit == "week":
        return published - timedelta(days=7), published - timedelta(days=1)
    months = 1 if unit == "month" else 12
    year, month = times.shift_month(published.year, published.month, -months)
    first = times.checked_day(year, month, published.day) or date(year, month, 28)
    return first, published - timedelta(days=1)


def _the_weekend(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return "over the weekend": the last one, or in a clause of the future the coming one."""
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    offset = 0 if doc.future(m.start()) else -1
    resolved = times.covering(*times.weekend(doc.published, offset))
    return [doc.date(m.start("x"), m.end("x"), resolved)]


def _quarter(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return "the previous quarter", "this quarter": three months counted from publication."""
    word = m.group("dir").lower()
    offset = -1 if word == "previous" else _DIRECTIONS[word]
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    resolved = times.period_value(doc.published, "quarter", offset)
    return [doc.date(m.start("x"), m.end("x"), resolved)]


def _anchored(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return "the next day" or "the day before" unresolved: they count from the story."""
    return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]


def _weekday(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    before = doc.prev_word(m.start())
    if before in _NOT_WEEKDAY_BEFORE or before.lower() in ("a", "every", "each", "any"):
        return []  # "Black Friday", "on a Sunday": no one day
    if doc.next_word(m.end("wd")) in _NOT_WEEKDAY_AFTER:
        return []
    if doc.text[max(0, m.start() - 8) : m.start()].endswith("Mail on "):
        return []
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    weekday = _WEEKDAYS[m.group("wd")]
    direction = _DIRECTIONS[m.group("dir").lower()] if m.group("dir") else 0
    if not m.group("dir") and doc.future(m.start()):
        # "will face France on Wednesday": the coming one, or today when today is one.
        when = times.coming_weekday(doc.published, weekday)
    elif m.group("dir") and direction == 0:  # "this Friday": the Friday of the week of publication
        when = doc.published + timedelta(days=weekday - doc.published.weekday())
    else:
        when = times.weekday_date(doc.published, weekday, direction)
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _ago(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    quantity = _number(m.group("q"))
    unit = _UNITS[m.group("u").lower()]
    direction = " ".join(m.group("dir").lower().split())
    if direction not in ("ago", "from now", "hence") or doc.published is None:
        # "two days later" counts from an event of the story, not from publication.
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    if (quantity != int(quantity) and unit != "hour") or quantity <= 0:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    count = quantity * (2 if m.group("u").lower() == "fortnight" else 1)
    sign = -1 if direction == "ago" else 1
    resolved = times.offset_value(doc.published, sign * count, unit)
    return [doc.date(m.start("x"), m.end("x"), resolved)]


def _duration(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    quantity = _number(m.group("q"))
    word = m.group("u").lower()
    if word == "fortnight":
        quantity *= 2
    if quantity <= 0:
        return []
    return [times.duration_expr(doc.text, m.start("x"), m.end("x"), quantity, _UNITS[word])]


# --- Entry point -------------------------------------------------------------------------------

_Rule = Callable[[re.Match[str], TimeDoc], list[TimeRef]]
_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = (
    (_MONTH_DATE_RE, _month_date),
    (_NUMERIC_RE, _numeric),
    (_YEAR_RE, _year),
    (_RELATIVE_DAY_RE, _relative_day),
    (_PERIOD_RE, _period),
    (_WEEKDAY_RE, _weekday),
    (_ANCHORED_DAY_RE, _anchored),
    (_WEEKEND_RE, _the_weekend),
    (_QUARTER_RE, _quarter),
    (PART_RE, part_of_year),
    (SEASON_RE, season),
    (NEAR_RE, near_days),
    (NAMED_DAY_RE, named_day),
    (SAME_YEAR_RE, times.same_year),
    (_AGO_RE, _ago),
    (_HYPHEN_DURATION_RE, _duration),
    (_DURATION_RE, _duration),
)


def _day_first(text: str) -> bool:
    """Say whether the text's numeric dates put the day first.

    A first number above 12 proves day first, a second above 12 month first; with no proof, a
    text that writes "September 18, 2023" is taken as American (month first), any other as
    day first.
    """
    pairs = [
        (int(m.group("a")), int(m.group("b"))) for m in _NUMERIC_RE.finditer(text) if m.group("a")
    ]
    return times.day_first(pairs, default=_MONTH_FIRST_STYLE_RE.search(text) is None)


def find_times(text: str, published: date | None) -> list[TimeRef]:
    """Return the English time expressions of `text`, sorted, longest first on overlaps."""
    scan = times.ascii_digits(text)
    doc = TimeDoc(text, published, _day_first(scan))
    doc = replace(doc, years=_written_years(scan, doc))
    found: list[TimeRef] = []
    for pattern, rule in _RULES:
        for m in pattern.finditer(scan):
            found.extend(rule(m, doc))
    return _from_the_story(times.select_longest(found), text, scan)


def _written_years(scan: str, doc: TimeDoc) -> tuple[tuple[int, int], ...]:
    """Return (position, year) of every year the text writes as one, up to the year of
    publication (a later one is a target, "Vision 2030", not the story's year)."""
    return tuple(
        (ref.start, int(ref.value))
        for m in _YEAR_RE.finditer(scan)
        for ref in _year(m, doc)[:1]
        if ref.value and (doc.published is None or int(ref.value) <= doc.published.year)
    )


_STEP_DAYS = {"day": 1, "week": 7}


def _from_the_story(exprs: list[TimeRef], text: str, scan: str) -> list[TimeRef]:
    """Resolve "two days later" and "a week earlier" from the last day the story named before
    them ("talks began on 3 May … two days later"); with no such day they stay unresolved."""
    out: list[TimeRef] = []
    last_day: date | None = None
    days_of_month: dict[str, date] = {}
    for t in exprs:
        if t.kind == "date" and t.value is None:
            m = _AGO_RE.match(scan, t.start)
            direction = " ".join(m.group("dir").lower().split()) if m else ""
            step = _STEP_DAYS.get(_UNITS.get(m.group("u").lower(), "")) if m else None
            sign = {"later": 1, "after": 1, "earlier": -1, "before": -1}.get(direction)
            if m and last_day is not None and step and sign:
                quantity = _number(m.group("q"))
                if quantity == int(quantity) and quantity > 0:
                    when = last_day + timedelta(days=sign * step * int(quantity))
                    t = times.date_expr(text, t.start, t.end, times.day_value(when))
        if t.kind == "date" and t.precision == "day" and t.value:
            last_day = date.fromisoformat(t.value)
            days_of_month[t.value[:7]] = last_day
        elif t.kind == "date" and t.precision == "month" and t.value:
            # "The June gig … four days later": the story is back in June, at the last day it
            # named there (none: the step has nothing to count from).
            last_day = days_of_month.get(t.value)
        out.append(t)
    return out
