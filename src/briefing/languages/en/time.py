"""English time expressions: dates, relative dates and durations, resolved to ISO values.

Month and weekday names count only when capitalised, and a bare month ("June", "May", "March")
only after a cue word ("in June", "last May"): without one it is as likely a name, a verb or a
protest march. Numeric dates read day first unless the text shows otherwise (see `_day_first`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED, Resolved
from briefing.models import TimeRef

# --- Words -----------------------------------------------------------------------------------


def _in_order(words: str) -> list[str]:
    return words.split()


_MONTH_NAMES = _in_order(
    "January February March April May June July August September October November December"
)
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
_ABBREVIATIONS = {name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES) if name != "May"}
_ABBREVIATIONS["Sept"] = 9
_WEEKDAY_NAMES = _in_order("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_NAMES)}

_SMALL = _in_order(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen"
)
_TENS_NAMES = _in_order("twenty thirty forty fifty sixty seventy eighty ninety")
_NUMBERS: dict[str, float] = {
    **{w: i + 1 for i, w in enumerate(_SMALL)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS_NAMES)},
    "a": 1,
    "an": 1,
    "hundred": 100,
}
_UNITS = {unit: unit for unit in ("day", "week", "month", "year", "hour")} | {"fortnight": "week"}

# Words before a bare month or year that make it a date ("in June", "since 2001"); "and", "or"
# and "to" only after another month.
_CUES = set(
    _in_order(
        "in since by until till from during before after through throughout between and or to"
        " early late mid last next this of around for on"
    )
)
_YEAR_CUES = _CUES - {"and", "or", "to", "of", "on", "last", "next", "this"}
# Words after a cued number that show it counts something ("in 2000 people"), or that it is a
# time of day ("from 1900 GMT").
_COUNT_NOUNS = set(
    _in_order(
        "people persons cases jobs units copies votes times percent members workers children men"
        " women troops soldiers homes pounds dollars euros tonnes tons miles metres meters feet"
        " users customers calls deaths seats shares points acres staff games"
        " gmt bst utc cet est pst hrs hours local"
    )
)
# Named days that are no plain weekday ("Black Friday"), and papers ("Sunday Times").
_NOT_WEEKDAY_BEFORE = set(
    _in_order("Black Good Super Bloody Ash Easter Cyber Holy Maundy Palm Shrove Whit Man Girl")
)
_NOT_WEEKDAY_AFTER = set(
    _in_order(
        "Times Telegraph Mirror Express People Post Herald Mail Sport Independent Tribune Night"
        " Observer Star Sun"
    )
)

# Words that name a day next to publication, by days after it.
_RELATIVE_DAYS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    **dict.fromkeys(["this morning", "this afternoon", "this evening"], 0),
    "earlier today": 0,
    "later today": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
_DIRECTIONS = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}

# --- Regex pieces ------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    escaped = (re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+") for w in words)
    return "(?:" + "|".join(sorted(escaped, key=len, reverse=True)) + ")"


_MON = rf"(?:{_alt(_MONTHS)}|{_alt(_ABBREVIATIONS)}\.?)"
_WD = _alt(_WEEKDAYS)
_NUM_WORD = rf"(?:{_alt(_TENS_NAMES)}[\s-]+{_alt(_SMALL[:9])}|{_alt(_NUMBERS)}|a\s+couple\s+of)"
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
    rf"(?:(?i:the\s+)?(?P<d1>\d{{1,2}}){_ORDINAL}?(?:\s+of)?\s+)?(?P<mon>{_MON})"
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

_PREV_WORD_RE = re.compile(r"([\w']+)\W{0,2}\s*$")
_NEXT_WORD_RE = re.compile(r"\s*([\w%]+)")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\"'“‘(:\n]\s*)$")


@dataclass(frozen=True)
class _Doc:
    """The text and what resolution needs."""

    text: str
    published: date | None
    day_first: bool

    def date(self, start: int, end: int, resolved: Resolved) -> TimeRef:
        return times.date_expr(self.text, start, end, resolved)

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD_RE.search(self.text, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD_RE.match(self.text, pos)
        return m.group(1) if m else ""

    def starts_sentence(self, pos: int) -> bool:
        return _SENTENCE_START_RE.search(self.text, max(0, pos - 4), pos) is not None


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


def _month_date(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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
        if not (m.group("mod") or m.group("dir") or _month_cued(doc, m.start())):
            return []
    resolved_year = _month_year(m, doc, month, year)
    if resolved_year is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    when = times.checked_day(resolved_year, month, day) if day else None
    if when:
        return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]
    return [doc.date(m.start("x"), m.end("x"), times.month_value(resolved_year, month))]


def _month_cued(doc: _Doc, pos: int) -> bool:
    """Say whether a word before a bare month makes it a date: "in June", and "and June" only
    after another month ("in May and June"), since "and April" may join a name."""
    before = doc.prev_word(pos).lower()
    if before in ("and", "or", "to"):
        start = doc.text.rfind(doc.prev_word(pos), 0, pos)
        earlier = doc.prev_word(start).rstrip(".")
        return earlier in _MONTHS or earlier in _ABBREVIATIONS or earlier.isdigit()
    return before in _CUES


def _month_year(m: re.Match[str], doc: _Doc, month: int, year: int | None) -> int | None:
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
    if direction == 0 and _FUTURE.search(_sentence_before(doc.text, m.start())):
        # "will take over in December": the coming one (this month counts as coming).
        return pub.year if month >= pub.month else pub.year + 1
    return times.month_year(pub, month, direction)


def _numeric(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        day, month = (first, second) if doc.day_first else (second, first)
    when = times.checked_day(year, month, day) if times.plausible_year(year) else None
    return [doc.date(m.start(), m.end(), times.day_value(when))] if when else []


def _year(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    year = int(m.group("y"))
    if not times.plausible_year(year):
        return []
    if not (m.group("mod") or m.group("the")):
        if doc.prev_word(m.start()).lower() not in _YEAR_CUES:
            return []
        if doc.next_word(m.end("x")).lower() in _COUNT_NOUNS:
            return []
    found = [doc.date(m.start("x"), m.end("x"), times.year_value(year))]
    if m.group("y2") and times.plausible_year(int(m.group("y2"))):
        found.append(doc.date(m.start("y2"), m.end("y2"), times.year_value(int(m.group("y2")))))
    return found


def _relative_day(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    words = " ".join(m.group("x").lower().split())
    if m.group("x").startswith("Today") and not doc.starts_sentence(m.start()):
        return []  # the BBC's Today programme, USA Today
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    when = doc.published + timedelta(days=_RELATIVE_DAYS[words])
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _period(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    direction_words = " ".join(m.group("dir").lower().split())
    unit = m.group("unit").lower()
    if direction_words in ("the previous", "the following", "the next") or doc.published is None:
        # "the previous week" counts from an event the text tells, not from publication.
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    offset = _DIRECTIONS[direction_words.split()[-1]]
    if unit == "weekend":
        resolved = times.covering(*_weekend(doc.published, offset))
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


def _weekend(published: date, offset: int) -> tuple[date, date]:
    """Return the Saturday and Sunday of this weekend (offset 0), the last (-1) or the next (+1)."""
    monday = published - timedelta(days=published.weekday())
    saturday = monday + timedelta(days=5, weeks=offset)
    if offset < 0 and published.weekday() >= 5:  # on a weekend, "last weekend" is the one before
        saturday = monday + timedelta(days=5) - timedelta(weeks=1)
    return saturday, saturday + timedelta(days=1)


def _anchored(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    """Return "the next day" or "the day before" unresolved: they count from the story."""
    return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]


# A sentence in the future tense: a bare weekday in it is the coming one.
_FUTURE = re.compile(
    r"\b(?:will|is to|are to|is due to|are due to|is set to|are set to|plans to)\b"
)


def _sentence_before(text: str, pos: int) -> str:
    """Return the part of the sentence that comes before `pos`."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), 0)
    return text[start:pos]


def _weekday(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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
    if not m.group("dir") and _FUTURE.search(_sentence_before(doc.text, m.start())):
        direction = 1  # "will face France on Wednesday": the coming one
    if m.group("dir") and direction == 0:  # "this Friday": the Friday of the week of publication
        when = doc.published + timedelta(days=weekday - doc.published.weekday())
    else:
        when = times.weekday_date(doc.published, weekday, direction)
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _ago(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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


def _duration(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    quantity = _number(m.group("q"))
    word = m.group("u").lower()
    if word == "fortnight":
        quantity *= 2
    if quantity <= 0:
        return []
    return [times.duration_expr(doc.text, m.start("x"), m.end("x"), quantity, _UNITS[word])]


# --- Entry point -------------------------------------------------------------------------------

_Rule = Callable[[re.Match[str], _Doc], list[TimeRef]]
_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = (
    (_MONTH_DATE_RE, _month_date),
    (_NUMERIC_RE, _numeric),
    (_YEAR_RE, _year),
    (_RELATIVE_DAY_RE, _relative_day),
    (_PERIOD_RE, _period),
    (_WEEKDAY_RE, _weekday),
    (_ANCHORED_DAY_RE, _anchored),
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
    doc = _Doc(text, published, _day_first(scan))
    found: list[TimeRef] = []
    for pattern, rule in _RULES:
        for m in pattern.finditer(scan):
            found.extend(rule(m, doc))
    return _from_the_story(times.select_longest(found), text, scan)


_STEP_DAYS = {"day": 1, "week": 7}


def _from_the_story(exprs: list[TimeRef], text: str, scan: str) -> list[TimeRef]:
    """Resolve "two days later" and "a week earlier" from the last day the story named before
    them ("talks began on 3 May … two days later"); with no such day they stay unresolved."""
    out: list[TimeRef] = []
    last_day: date | None = None
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
        out.append(t)
    return out
