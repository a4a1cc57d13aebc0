"""Arabic time expressions: dates, relative dates and durations, resolved to ISO values.

The rules run on a folded copy of the text (no harakat or tatweel, one alef, ya and ha, ASCII
digits) so that each rule is written once for every spelling; an offset table maps matches back
to the text as given. A rule's match may start with proclitics (و ف ب ل ك) that stay outside
the expression; the named group `x` is the expression itself.

Words that are also common non-time words (مارس "he practised", نيسان the car maker, آب "father",
رجب and رمضان as names, صفر "zero") count as months only next to a day, a year or a cue word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED
from briefing.languages.ar.hijri import hijri_day, hijri_span, hijri_year_of
from briefing.languages.ar.time_doc import TimeDoc, fold_with_offsets, is_cue, strip_clitic
from briefing.languages.ar.time_feasts import FEAST_RE, feast
from briefing.languages.ar.time_named import NAMED_DAY_RE, named_day
from briefing.languages.ar.time_near import NEAR_RE, near_days
from briefing.languages.ar.time_parts import PART_RE, SEASON_RE, part_of_year, season
from briefing.languages.ar.time_patterns import (
    AGO_RE,
    BRACKETED_YEAR_RE,
    CUES,
    CURRENT_WORDS,
    DIRECTION,
    DUAL_UNITS,
    DURATION_RE,
    GENERAL_HEADS,
    GREGORIAN_RE,
    HIJRI_ERAS,
    HIJRI_MONTHS,
    HIJRI_RE,
    MONTH_WORD_RE,
    MONTHS,
    NOT_TODAY,
    NOT_WEEKDAY,
    NUMBER_WORDS,
    NUMERIC_RE,
    ORDINAL_HEADS,
    ORDINALS,
    PAST_SPAN_RE,
    PERIOD_RE,
    PERIOD_UNITS,
    PLURAL_UNITS,
    RELATIVE_DAY_RE,
    RELATIVE_DAYS,
    SAME,
    STRICT_HIJRI,
    TENS,
    UNITS,
    WEAK_MONTHS,
    WEAKEST_MONTHS,
    WEEK_END_MODS,
    WEEKDAY_RE,
    WEEKDAYS,
    WEEKEND_RE,
    YEAR_RE,
)
from briefing.languages.ar.time_same import SAME_YEAR_RE
from briefing.languages.ar.time_years import written_year
from briefing.models import TimeRef

# --- Rules -------------------------------------------------------------------------------------


def _day_of(m: re.Match[str]) -> int | None:
    if m.group("day"):
        return int(m.group("day"))
    if m.group("oday"):
        return ORDINALS[" ".join(m.group("oday").split())]
    return None


def _month_is_date(
    m: re.Match[str], doc: TimeDoc, paired: bool, day: int | None, start: int
) -> bool:
    """Say whether a month word that is also a common word stands as a month here."""
    word = " ".join(MONTH_WORD_RE.findall(m.group("mon"))[0].split())
    if word not in WEAK_MONTHS or paired or day or m.group("year"):
        return True
    written = doc.text[doc.at(m.start("mon")) : doc.at(m.end("mon"))]
    if word in WEAKEST_MONTHS and not written.startswith("آب"):  # آب with madda is August
        return False
    if m.group("rel") or m.group("mod") or m.group("shahr"):
        return True
    if start != m.start("x"):  # the expression was cut to its month: look before the month
        return is_cue(doc.prev_word(start), CUES)
    clitics = doc.norm[m.start() : m.start("x")]
    return any(c in clitics for c in "بلك") or is_cue(doc.prev_word(m.start()), CUES)


def _year_direction(m: re.Match[str]) -> int | None:
    """Return the year offset of "من العام الماضي / هذا العام ..." after a month, if any."""
    if m.group("ydem"):
        return 0
    if m.group("yadj"):
        return DIRECTION.get(m.group("yadj"), 0)
    return None


def _gregorian(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    names = list(MONTH_WORD_RE.finditer(m.group("mon")))
    months = [MONTHS[" ".join(n.group().split())] for n in names]
    day = _day_of(m)
    start = m.start("x")
    if m.group("oday") and doc.prev_word(m.start("oday")) in ORDINAL_HEADS:
        # "الأسبوع الأول من مارس": the ordinal counts weeks, not days; keep the month.
        day, start = None, m.start("mon")
    if not _month_is_date(m, doc, len(months) > 1, day, start):
        return []
    if len(set(months)) == 1:  # one month, perhaps under two names (مارس/آذار)
        return [_month_date(m, doc, months[0], day, start, m.end("x"))]
    # Two different months ("سبتمبر - نوفمبر") are a range: each is a date of its own, and what
    # follows the second (a year, الماضي) holds for both.
    base = m.start("mon")
    return [
        _month_date(m, doc, months[0], day, start, base + names[0].end()),
        _month_date(m, doc, months[1], None, base + names[1].start(), m.end("x")),
    ]


def _month_date(
    m: re.Match[str], doc: TimeDoc, month: int, day: int | None, start: int, end: int
) -> TimeRef:
    year = _gregorian_year(m, doc, month, None if m.group("d0") else day)
    if year is None:
        return doc.date(start, end, UNRESOLVED)
    if day is None or m.group("d0"):  # two days ("25 و26 سبتمبر") share only the month
        return doc.date(start, end, times.month_value(year, month))
    when = times.checked_day(year, month, day)
    return doc.date(start, end, times.day_value(when) if when else times.month_value(year, month))


def _gregorian_year(m: re.Match[str], doc: TimeDoc, month: int, day: int | None) -> int | None:
    """Return the year of a month expression: written, or from publication; None if unknown."""
    if m.group("year"):
        year = int(m.group("year"))
        return year if 1000 <= year <= times.LAST_YEAR else None
    pub = doc.published
    if pub is None:
        return None
    offset = _year_direction(m)
    if offset is not None:
        return pub.year + offset
    rel = m.group("rel")
    if rel in CURRENT_WORDS:
        return pub.year
    direction = DIRECTION.get(rel, 0) if rel else 0
    if direction == 0:
        written = doc.story_year(m.start())
        if written is not None:
            return written
        if doc.future(m.start()):  # "ستعقد في سبتمبر": the coming one (this month counts)
            return pub.year if month >= pub.month else pub.year + 1
    if day is not None:
        return times.day_year(pub, month, day, direction)
    return times.month_year(pub, month, direction)


def _numeric(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    if m.group("c"):
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        day, month = (first, second) if doc.day_first else (second, first)
    else:
        year, month, day = int(m.group("c2")), int(m.group("b2")), int(m.group("a2"))
    if m.group("era") in HIJRI_ERAS or 1300 <= year <= 1500:
        when = hijri_day(year, month, day)
    elif times.plausible_year(year):
        when = times.checked_day(year, month, day)
    else:
        return []
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))] if when else []


def _hijri(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    word = " ".join(m.group("hm").split())
    month = HIJRI_MONTHS[word]
    day = _day_of(m)
    year = int(m.group("year")) if m.group("year") else None
    end = m.end("x")
    if year is not None and not 1300 <= year <= 1600:
        year, end = None, m.end("hm")
    if year is None and not _hijri_month_is_date(m, doc, word, day):
        return []
    if year is None:
        year = hijri_year_of(doc.published, month, m.group("rel") if end == m.end("x") else None)
        if year is None:
            return [doc.date(m.start("x"), end, UNRESOLVED)]
    if day is not None and not m.group("d0"):
        when = hijri_day(year, month, day)
        if when:
            return [doc.date(m.start("x"), end, times.day_value(when))]
    span = hijri_span(year, month, month)
    return [doc.date(m.start("x"), end, times.covering(*span) if span else UNRESOLVED)]


def _hijri_month_is_date(m: re.Match[str], doc: TimeDoc, word: str, day: int | None) -> bool:
    if day or m.group("shahr"):
        return True
    if word in STRICT_HIJRI:
        return False
    return bool(m.group("rel")) or is_cue(doc.prev_word(m.start()), CUES)


def _period(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    noun = m.group("n1") or m.group("n2") or m.group("n3")
    if noun.startswith("لل"):
        noun = "ال" + noun[2:]
    unit = PERIOD_UNITS[noun]
    bare = m.group("n2") == "العام" and m.start() == m.start("x") and not m.group("mod")
    if bare and strip_clitic(doc.prev_word(m.start())) in GENERAL_HEADS:
        return []  # الأمين العام الحالي: "the current secretary-general"
    if m.group("n3") and (unit == "week" and m.group("mod") in WEEK_END_MODS):
        return []  # نهاية الأسبوع: the weekend (`_weekend`)
    offset = DIRECTION.get(m.group("adj"), 0) if m.group("adj") else 0
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    if unit == "season":  # a season of sport runs across two years: the likelier one
        return [doc.date(m.start("x"), m.end("x"), times.likeliest(doc.published.year + offset))]
    if m.group("n3") and unit == "week":  # مطلع الأسبوع: the first days of this week
        return [doc.date(m.start("x"), m.end("x"), times.week_start_value(doc.published))]
    return [doc.date(m.start("x"), m.end("x"), times.period_value(doc.published, unit, offset))]


def _weekend(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    """Return the weekend: the one named by الماضي / المقبل, else by the sentence's tense."""
    adj = m.group("adj") or m.group("adj2")
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    if adj in CURRENT_WORDS:
        offset = 0
    elif adj:
        offset = DIRECTION[adj]
    else:
        offset = 0 if doc.future(m.start()) else -1  # on a weekday, this week's is the coming one
    first, last = times.weekend(doc.published, offset)
    return [doc.date(m.start("x"), m.end("x"), times.covering(first, last))]


def _bracketed_year(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    year = int(m.group("x"))
    if not times.plausible_year(year):
        return []
    # "قصر الرياضة (1967)": the year of what stands before it, not of the sentence's event.
    return [replace(doc.date(m.start("x"), m.end("x"), times.year_value(year)), attributive=True)]


def _relative_day(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    word = " ".join(m.group("rd").split())
    bare = not (m.group("tod") or m.group("yawm") or m.group("wd") or m.group("wd2"))
    if bare and not m.group("early") and not _relative_day_stands(m, doc, word):
        return []
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    when = doc.published + timedelta(days=RELATIVE_DAYS[word])
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _relative_day_stands(m: re.Match[str], doc: TimeDoc, word: str) -> bool:
    """Say whether a bare اليوم / الأمس / غدا means a day next to publication."""
    before = doc.prev_word(m.start())
    if word in ("اليوم", "الليله"):
        after = doc.next_word(m.end("x"))
        return not after.startswith("ال") and after not in SAME and before not in NOT_TODAY
    if word == "الامس":  # "أعداء الأمس", "بالأمس القريب": the past, unless "بالأمس", "منذ الأمس"
        if doc.next_word(m.end("x")) == "القريب":
            return False
        return "ب" in doc.norm[m.start() : m.start("x")] or is_cue(before, {"منذ", "حتي"})
    if word == "غدا":
        return before not in ("قد", "لقد")
    return True


def _weekday(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    word = m.group("wd")
    if not (m.group("tod") or m.group("yawm") or m.group("adj")):
        if doc.prev_word(m.start()) in NOT_WEEKDAY or _in_weekday_list(doc, m.start()):
            return []
        after = doc.next_word(m.end("x"))
        if (word == "الاحد" and after.startswith("عشر")) or (word == "الاثنين" and after == "معا"):
            return []
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    direction = DIRECTION.get(m.group("adj"), 0) if m.group("adj") else 0
    if direction == 0 and doc.future(m.start()):
        # "وسيبدأ الأربعاء": the coming Wednesday, or today when today is one.
        when = times.coming_weekday(doc.published, WEEKDAYS[word])
        return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]
    when = times.weekday_date(doc.published, WEEKDAYS[word], direction)
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _in_weekday_list(doc: TimeDoc, pos: int) -> bool:
    """Say whether a weekday is one of a list of days after أيام ("أيام الخميس والجمعة"): days of
    every week, not one date."""
    for _ in range(4):
        word = doc.prev_word(pos)
        if word in ("ايام", "كل"):
            return True
        bare = word[1:] if word.startswith("و") else word
        if bare not in WEEKDAYS:
            return False
        pos = doc.norm.rindex(word, 0, pos)
    return False


def _quantity(m: re.Match[str]) -> tuple[float, str] | None:
    """Return (quantity, unit) of a number and a unit noun; None for a vague plural (أيام)."""
    unit, implied = UNITS[m.group("unit")]
    num = m.group("num")
    if num:
        quantity: float = int(num) if num.isdigit() else _word_number(num)
    elif implied is None:
        return None
    else:
        quantity = implied
    return (quantity, unit) if quantity > 0 else None


def _word_number(words: str) -> float:
    total = 0.0
    for word in words.split():
        if word.startswith("و") and word[1:] in TENS:
            word = word[1:]
        total += NUMBER_WORDS.get(word, 0)
    return total


def _ago(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    found = _quantity(m)
    if found is None:
        return []
    quantity, unit = found
    after = doc.next_word(m.end("x"))
    if not m.group("num") and after.startswith("ال"):  # "قبل يوم الجمعة": a noun, not a count
        return []
    before = doc.prev_word(m.start())
    if UNITS.get(before, UNITS.get(before + "ا", ("", 0)))[0] == unit:
        return []  # "يوما بعد يوم": day after day, no date
    anchored = after in ("من", "علي") and doc.words_after(m.end("x"), 2)[-1:] != ["الان"]
    if anchored or doc.published is None or (quantity != int(quantity) and unit != "hour"):
        # "بعد يومين من الهجوم" counts from another event, which the text alone does not date.
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    sign = 1 if m.group("dir") == "بعد" else -1
    resolved = times.offset_value(doc.published, sign * quantity, unit)
    return [doc.date(m.start("x"), m.end("x"), resolved)]


def _duration(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    found = _quantity(m)
    if found is None or (not m.group("num") and doc.next_word(m.end("x")).startswith("ال")):
        return []
    return [doc.duration(m.start("x"), m.end("x"), *found)]


def _past_span(m: re.Match[str], doc: TimeDoc) -> list[TimeRef]:
    if m.group("dual"):
        return [doc.duration(m.start("x"), m.end("x"), 2, DUAL_UNITS[m.group("dual")])]
    unit = PLURAL_UNITS[m.group("pu") or m.group("pu2")]
    quantity = _word_number(m.group("pn") or m.group("pn2"))
    if quantity <= 0:
        return []
    return [doc.duration(m.start("x"), m.end("x"), quantity, unit)]


# --- Entry point -----------------------------------------------------------------------------

_Rule = Callable[[re.Match[str], TimeDoc], list[TimeRef]]
_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = (
    (GREGORIAN_RE, _gregorian),
    (HIJRI_RE, _hijri),
    (NUMERIC_RE, _numeric),
    (YEAR_RE, written_year),
    (WEEKEND_RE, _weekend),
    (PERIOD_RE, _period),
    (BRACKETED_YEAR_RE, _bracketed_year),
    (RELATIVE_DAY_RE, _relative_day),
    (WEEKDAY_RE, _weekday),
    (AGO_RE, _ago),
    (DURATION_RE, _duration),
    (PAST_SPAN_RE, _past_span),
    (PART_RE, part_of_year),
    (SEASON_RE, season),
    (NEAR_RE, near_days),
    (NAMED_DAY_RE, named_day),
    (SAME_YEAR_RE, times.same_year),
    (FEAST_RE, feast),
)


def _reads_day_first(norm: str) -> bool:
    """Say whether the text's numeric dates put the day first (Arabic does, unless shown not)."""
    pairs = [
        (int(m.group("a")), int(m.group("b"))) for m in NUMERIC_RE.finditer(norm) if m.group("c")
    ]
    return times.day_first(pairs, default=True)


def find_times(text: str, published: date | None) -> list[TimeRef]:
    """Return the Arabic time expressions of `text`, sorted, longest first on overlaps."""
    norm, offsets = fold_with_offsets(text)
    doc = TimeDoc(text, norm, offsets, published, _reads_day_first(norm))
    doc = replace(doc, years=_written_years(doc))
    found: list[TimeRef] = []
    for pattern, rule in _RULES:
        for m in pattern.finditer(norm):
            found.extend(rule(m, doc))
    return times.select_longest(found)


def _written_years(doc: TimeDoc) -> tuple[tuple[int, int], ...]:
    """Return (position, year) of every Gregorian year the text writes as one, up to the year
    of publication (a later one is a target, "رؤية 2030", not the story's year)."""
    return tuple(
        (m.start("x"), int(ref.value))
        for m in YEAR_RE.finditer(doc.norm)
        for ref in written_year(m, doc)[:1]
        if ref.value
        and ref.precision == "year"
        and m.group("era") not in HIJRI_ERAS
        and (doc.published is None or int(ref.value) <= doc.published.year)
    )
