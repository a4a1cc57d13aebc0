"""Arabic time words and the patterns built from them, on folded text (see `time`): month and
weekday names of every region, Hijri months, number words, units and cue words. The words are
data (data/time/*.txt, one file a list, named after the table it fills); the patterns are code."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from briefing.languages.ar import FOLD, MARKS
from briefing.languages.base import read_phrase_table, read_phrases, read_table, read_words

_V = TypeVar("_V")

# --- Folding (the same as the analysis: briefing.languages.ar) ----------------------------


def fold(text: str) -> str:
    """Return Arabic text as the rules see it (for words and phrases, not whole articles)."""
    return " ".join(MARKS.sub("", text).translate(FOLD).split())


def alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of folded words, longest first, spaces as any whitespace."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    escaped = (re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+") for w in folded)
    return "(?:" + "|".join(escaped) + ")"


# --- Reading the data files (data/time/NAME.txt) -------------------------------------------

_DATA = Path(__file__).parent / "data" / "time"


def _listed(name: str) -> list[str]:
    """Return the words of a word-list file as written, in order."""
    return read_words(_DATA / f"{name}.txt")


def _folded(words: Iterable[str]) -> set[str]:
    """Return the folded words or phrases of `words`."""
    return {fold(word) for word in words}


def _words(name: str) -> set[str]:
    """Return the folded words of a word-list file."""
    return _folded(_listed(name))


def time_table(name: str, value: Callable[[str], _V]) -> dict[str, _V]:
    """Return folded word -> value from a table file (`value: word word …` lines)."""
    rows = read_table(_DATA / f"{name}.txt")
    return {fold(word): value(v) for v, words in rows for word in words}


def _phrase_table(name: str) -> dict[str, int]:
    """Return folded phrase -> number from a phrase-table file (`number: phrase` lines)."""
    return {fold(phrase): int(n) for n, phrase in read_phrase_table(_DATA / f"{name}.txt")}


def _number(text: str) -> float:
    """Return a table's number: an int unless written with a point (0.5)."""
    return float(text) if "." in text else int(text)


# --- Words -----------------------------------------------------------------------------------

MONTHS = _phrase_table("months")
# Month names that are also ordinary words or names, and of those the ones a cue word is not
# enough for (see the files).
WEAK_MONTHS = _words("weak_months")
WEAKEST_MONTHS = _words("weakest_months")

HIJRI_MONTHS = _phrase_table("hijri_months")
# Hijri months that are also names or words (رجب طيب أردوغان, صفر "zero", محرم "forbidden").
STRICT_HIJRI = _words("strict_hijri")

WEEKDAYS = time_table("weekdays", int)
ORDINALS = _phrase_table("ordinals")

_UNIT_NUMBERS = time_table("unit_numbers", int)
TENS = time_table("tens", int)
NUMBER_WORDS: dict[str, float] = {**_UNIT_NUMBERS, **TENS, **time_table("other_numbers", _number)}


def _units() -> dict[str, tuple[str, int | None]]:
    """Return unit noun -> (unit, the quantity the noun says by itself: 1 singular, 2 dual, None
    plural), from `unit count: word word …` lines."""
    found: dict[str, tuple[str, int | None]] = {}
    for value, words in read_table(_DATA / "units.txt"):
        unit, count = value.split()
        for word in words:
            found[fold(word)] = (unit, None if count == "plural" else int(count))
    return found


UNITS = _units()
PLURAL_UNITS = {w: u for w, (u, c) in UNITS.items() if c is None}
DUAL_UNITS = {w: u for w, (u, c) in UNITS.items() if c == 2}

_PAST = _listed("past_words")
_NEXT = _listed("next_words")
_CURRENT = _listed("current_words")
DIRECTION = {
    **dict.fromkeys(_folded(_PAST), -1),
    **dict.fromkeys(_folded(_NEXT), 1),
}
CURRENT_WORDS = _folded(_CURRENT)

PERIOD_UNITS = time_table("period_units", str)
# Modifiers that name the end of a week: with الأسبوع they mean the weekend (نهاية الأسبوع).
WEEK_END_MODS = _words("week_end_mods")

# Words before a month or a year that make it a date ("in", "since", "by", "early in" ...).
CUES = _words("cues")
# Prepositions that may stand before a bare year ("في 2022"); the year must not count a noun.
YEAR_PREPOSITIONS = _words("year_prepositions")
# Words after "في 2022" that do not count anything.
COUNT_EXCEPTIONS = _words("count_exceptions")
# Words before "1600م" that make it metres, not a year.
LENGTH_WORDS = _words("length_words")

RELATIVE_DAYS = _phrase_table("relative_days")
# Words before اليوم that make it "that day", a newspaper's name, or an order of the day.
NOT_TODAY = _words("not_today")
# Words after اليوم that make it "that same day".
SAME = _words("same")
# Nouns that العام follows as an adjective, "general" or "public" (الأمين العام، الرأي العام).
GENERAL_HEADS = _words("general_heads")
# Nouns before an ordinal that it counts instead of days (الأسبوع الأول من مارس).
ORDINAL_HEADS = _words("ordinal_heads")
# Words before a bare weekday that make it something else (صلاة الجمعة), or a family name.
NOT_WEEKDAY = _words("not_weekday")
_DURATION_NOUNS = read_phrases(_DATA / "duration_nouns.txt")
_DURATION_VERBS = _listed("duration_verbs")

# --- Regex pieces (folded text) --------------------------------------------------------------

_B = r"(?<!\w)"  # the expression's word starts here...
_CL = "(?:[وف]?[بلك]?)"  # ...after proclitics, which stay outside the expression
_E = r"(?!\w)"
_WD = alternation(WEEKDAYS)
_MON = alternation(MONTHS)
_HMON = alternation(HIJRI_MONTHS)
_ORD = alternation(ORDINALS)
_UNIT_NUM_ALT = alternation(_UNIT_NUMBERS)
_TENS_ALT = alternation(TENS)
_NUMW = (
    rf"(?:{_UNIT_NUM_ALT}\s+و{_TENS_ALT}|{_UNIT_NUM_ALT}\s+عشره?|{_TENS_ALT}|{_UNIT_NUM_ALT}"
    r"|عشره?|مئه|مائه|نصف)"
)
_UNIT_ALT = alternation(UNITS)
_ADJ = alternation(_folded([*_PAST, *_NEXT, *_CURRENT]))
_MOD = alternation(_words("modifiers"))
_SEASON = alternation(_words("seasons"))
_TOD = alternation(_folded(read_phrases(_DATA / "times_of_day.txt")))
_APPROX = r"(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?"
_YEAR_NOUN = r"(?:عام|(?:ال|لل)عام|سنه|(?:ال|لل)سنه)"
_GREG_ERA = r"(?:م|ميلاديه?|للميلاد)"
_HIJRI_ERA = r"(?:ه|هجريه?|للهجره|الهجري)"
HIJRI_ERAS = {"ه", "هجري", "هجريه", "للهجره", "الهجري"}
_WD_PREFIX = rf"(?:(?P<wd>{_WD})(?:\s*[،,]\s*|\s+)(?:الموافق\s+)?)?(?:يومي?\s+)?"
_DAY = (
    rf"(?:(?:(?P<d0>\d{{1,2}})\s*و\s*)?(?P<day>\d{{1,2}})\s*(?:من\s+)?"
    rf"|(?P<oday>{_ORD})\s+من\s+)?"
)
_YEAR_TAIL = rf"(?:\s*[،,]\s*|\s+)(?:من\s+)?(?:{_YEAR_NOUN}\s+)?(?P<year>\d{{4}})(?!\d)"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_B + _CL + pattern)


# A month under one name or two: "مارس", "مارس/آذار", "مارس (آذار)", "(مارس) آذار", "مارس آذار".
_MONTH_PHRASE = (
    rf"(?P<mon>\(\s*{_MON}\s*\)\s*{_MON}"
    rf"|{_MON}(?:\s*[/–-]\s*{_MON}|\s*\(\s*{_MON}\s*\)|\s+{_MON})?)"
)
# What may follow a month: a year, الماضي / المقبل, or (من) العام الماضي / هذا العام.
_MONTH_TAIL = (
    rf"(?:{_YEAR_TAIL}(?:\s?{_GREG_ERA}{_E})?"
    rf"|\s+(?P<rel>{_ADJ})"
    rf"|\s+(?:من\s+)?(?:(?P<ydem>هذا|هذه)\s+(?:ال)?(?:عام|سنه)"
    rf"|(?:ال)?(?:عام|سنه)\s+(?P<yadj>{_ADJ})))?"
)
GREGORIAN_RE = _compile(
    rf"(?P<x>{_WD_PREFIX}(?:(?P<mod>{_MOD})\s+)?{_DAY}(?:(?P<shahr>شهري?)\s+)?"
    rf"{_MONTH_PHRASE}{_MONTH_TAIL}){_E}"
)
MONTH_WORD_RE = re.compile(_MON)
HIJRI_RE = _compile(
    rf"(?P<x>{_WD_PREFIX}(?:(?P<mod>{_MOD})\s+)?{_DAY}(?:(?P<shahr>شهر)\s+)?(?P<hm>{_HMON})"
    rf"(?:{_YEAR_TAIL}(?:\s?(?P<era>{_HIJRI_ERA}){_E})?"
    rf"|\s+(?P<rel>{_ADJ}|المبارك|الفضيل|المعظم|الحرام))?){_E}"
)
NUMERIC_RE = _compile(
    rf"(?P<x>{_WD_PREFIX}(?:(?P<a>\d{{1,2}})\s*(?P<s>[/.-])\s*(?P<b>\d{{1,2}})\s*(?P=s)\s*"
    rf"(?P<c>\d{{4}})|(?P<c2>\d{{4}})\s*(?P<s2>[/.-])\s*(?P<b2>\d{{1,2}})\s*(?P=s2)\s*"
    rf"(?P<a2>\d{{1,2}}))(?![\d/])(?:\s?(?P<era>{_HIJRI_ERA}|{_GREG_ERA}){_E})?)"
)
_NOT_DECIMAL = r"(?![\d/]|[.,]\d)"
_ERA = rf"(?:{_HIJRI_ERA}|{_GREG_ERA})"
# A year, perhaps after a year noun or a season, and a second one: "بين عامي 2000 و2010".
YEAR_RE = _compile(
    rf"(?P<x>(?:(?P<mod>{_MOD}|{_SEASON})\s+)?"
    rf"(?:(?P<cue>{_YEAR_NOUN}|(?:ال|لل)?عامين|عامي|(?:ال|لل)?سنتين|سنتي)\s+)?"
    rf"(?P<y>\d{{4}}){_NOT_DECIMAL}(?:\s?(?P<era>{_ERA}))?){_E}"
    rf"(?:\s*(?:و|-|–|الي|حتي)\s*(?P<y2>\d{{4}}){_NOT_DECIMAL}(?:\s?(?P<era2>{_ERA}))?{_E})?"
)
PERIOD_RE = _compile(
    rf"(?P<x>(?:(?P<mod>{_MOD})\s+)?(?:(?P<early>في\s+وقت\s+(?:سابق|لاحق)\s+من)\s+)?"
    rf"(?:(?P<dem>هذا|هذه)\s+(?P<n1>ال(?:اسبوع|شهر|عام|سنه))"
    rf"|(?P<n2>(?:ال|لل)(?:اسبوع|شهر|عام|سنه|موسم|ربع))\s+(?P<adj>{_ADJ})"
    rf"|(?(mod)(?P<n3>ال(?:اسبوع|شهر|عام|سنه))|(?!)))){_E}"
)
# The weekend: "عطلة نهاية الأسبوع", "نهاية الأسبوع الماضي", "عطلة الأسبوع".
WEEKEND_RE = _compile(
    rf"(?P<x>(?:(?P<holiday>عطله)\s+)?(?:نهايه|اواخر)\s+(?:ال)?اسبوع(?:\s+(?P<adj>{_ADJ}))?"
    rf"|عطله\s+(?:ال)?اسبوع(?:\s+(?P<adj2>{_ADJ}))?){_E}"
)
# A year in parentheses after what it dates: "قصر الرياضة (1967)".
BRACKETED_YEAR_RE = re.compile(r"\(\s*(?P<x>\d{4})\s*\)")
RELATIVE_DAY_RE = _compile(
    rf"(?P<x>(?:(?P<early>في\s+وقت\s+(?:سابق|لاحق))\s+(?:من\s+)?)?(?:(?P<tod>{_TOD})\s+)?"
    rf"(?:(?P<yawm>يوم)\s+)?(?P<rd>{alternation(RELATIVE_DAYS)})"
    rf"(?:\s*[،,]?\s*(?:[(«\"]\s*(?P<wd>{_WD})\s*[)»\"]|(?P<wd2>{_WD})))?){_E}"
)
WEEKDAY_RE = _compile(
    rf"(?P<x>(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يومي?)\s+)?(?P<wd>{_WD})"
    rf"(?:\s+(?P<adj>{alternation(_folded([*_PAST, *_NEXT]))}))?){_E}"
)
_QUANTITY = (
    rf"(?:(?P<num>\d{{1,4}}|{_NUMW})\s+)?(?P<unit>{_UNIT_ALT})(?:\s+(?P<one>واحده?|كامله?))?{_E}"
)
AGO_RE = _compile(rf"(?P<x>(?P<dir>منذ|قبل|بعد)\s+{_APPROX}{_QUANTITY})(?!\s*\d)")
# A verb of lasting may have its subject between it and the quantity: استمرت الاحتجاجات ثلاثة أيام.
DURATION_RE = re.compile(
    rf"{_B}[وف]?(?:{alternation(_folded(_DURATION_NOUNS))}|{alternation(_folded(_DURATION_VERBS))}(?:\s+ال\w+)?)\s+"
    rf"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من)\s+)?(?P<x>{_QUANTITY})(?!\s*\d)"
)
_PLURAL_ALT = alternation(PLURAL_UNITS)
# "الأيام الثلاثة الماضية", "الثلاث السنوات الماضية", "العامين الماضيين": spans up to now.
PAST_SPAN_RE = _compile(
    rf"(?P<x>ال(?:(?P<pu>{_PLURAL_ALT})\s+ال(?P<pn>{_NUMW})|(?P<pn2>{_NUMW})\s+(?:ال)?"
    rf"(?P<pu2>{_PLURAL_ALT}))\s+(?:الماضيه|الاخيره|المقبله|القادمه|المنصرمه|الفائته)"
    rf"|ال(?P<dual>{alternation(DUAL_UNITS)})\s+(?:الماضيين|الاخيرين|المقبلين|القادمين|المنصرمين))"
    rf"{_E}"
)

PREV_WORD_RE = re.compile(r"(\w+)\s*$")
NEXT_WORD_RE = re.compile(r"\s*(\w+)")
