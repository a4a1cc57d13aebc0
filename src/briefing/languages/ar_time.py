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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from briefing import timex
from briefing.timex import UNRESOLVED, Resolved, TimeExpr

# --- Folding -------------------------------------------------------------------------------

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",
        "ک": "ك",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def fold(text: str) -> str:
    """Return Arabic text as the rules see it (for words and phrases, not whole articles)."""
    return " ".join(_MARKS.sub("", text).translate(_FOLD).split())


def _alt(words: Iterable[str]) -> str:
    """Return a regex alternation of folded words, longest first, spaces as any whitespace."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    escaped = (re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+") for w in folded)
    return "(?:" + "|".join(escaped) + ")"


def _table(entries: dict[str, int] | Iterable[tuple[str, int]]) -> dict[str, int]:
    items = entries.items() if isinstance(entries, dict) else entries
    return {fold(k): v for k, v in items}


# --- Words -----------------------------------------------------------------------------------

_MONTHS = _table(
    [
        *[(w, 1) for w in ("يناير", "جانفي", "كانون الثاني", "كانون ثاني")],
        *[(w, 2) for w in ("فبراير", "فيفري", "شباط")],
        *[(w, 3) for w in ("مارس", "آذار")],
        *[(w, 4) for w in ("أبريل", "إبريل", "أفريل", "نيسان")],
        *[(w, 5) for w in ("مايو", "ماي", "أيار")],
        *[(w, 6) for w in ("يونيو", "يونيه", "جوان", "حزيران")],
        *[(w, 7) for w in ("يوليو", "يوليه", "يوليوز", "جويلية", "تموز")],
        *[(w, 8) for w in ("أغسطس", "غشت", "أوت", "آب")],
        *[(w, 9) for w in ("سبتمبر", "شتنبر", "أيلول")],
        *[(w, 10) for w in ("أكتوبر", "تشرين الأول", "تشرين أول")],
        *[(w, 11) for w in ("نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني")],
        *[(w, 12) for w in ("ديسمبر", "دجنبر", "كانون الأول", "كانون أول")],
    ]
)
# Month names that are also ordinary words or names: months only with a day, a year, a paired
# name or a cue word before them.
_WEAK_MONTHS = {fold(w) for w in ("مارس", "نيسان", "آب", "ماي", "أوت")}
# ...and these need a day, a year or a paired name: a cue word is not enough (في آب "in father").
_WEAKEST_MONTHS = {fold(w) for w in ("آب", "ماي", "أوت")}

_HIJRI_MONTHS = _table(
    [
        ("محرم", 1),
        ("صفر", 2),
        *[(w, 3) for w in ("ربيع الأول", "ربيع أول")],
        *[(w, 4) for w in ("ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع آخر")],
        *[(w, 5) for w in ("جمادى الأولى", "جمادى الأول", "جمادى أولى")],
        *[(w, 6) for w in ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني")],
        ("رجب", 7),
        ("شعبان", 8),
        ("رمضان", 9),
        ("شوال", 10),
        *[(w, 11) for w in ("ذو القعدة", "ذي القعدة")],
        *[(w, 12) for w in ("ذو الحجة", "ذي الحجة")],
    ]
)
# Hijri months that are also names or words (رجب طيب أردوغان, صفر "zero", محرم "forbidden").
_STRICT_HIJRI = {fold(w) for w in ("محرم", "صفر", "رجب")}

_WEEKDAYS = _table(
    {
        "الاثنين": 0,
        "الإثنين": 0,
        "الثلاثاء": 1,
        "الأربعاء": 2,
        "الخميس": 3,
        "الجمعة": 4,
        "السبت": 5,
        "الأحد": 6,
    }
)

_ONES = [
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
]
_ORDINALS = _table(
    [
        *[(w, i + 1) for i, w in enumerate(_ONES)],
        ("العاشر", 10),
        ("الحادي عشر", 11),
        *[(f"{w} عشر", i + 11) for i, w in enumerate(_ONES) if i > 0],
        ("العشرين", 20),
        ("الحادي والعشرين", 21),
        *[(f"{w} والعشرين", i + 21) for i, w in enumerate(_ONES) if i > 0],
        ("الثلاثين", 30),
        ("الحادي والثلاثين", 31),
    ]
)

_UNIT_NUMBERS = _table(
    {
        "واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1,
        "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2,
        "اثنتي": 2,
        "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
        "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    }
)
_TENS = _table(
    {
        "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
        "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
        "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    }
)
_NUMBER_WORDS: dict[str, float] = {
    **_UNIT_NUMBERS, **_TENS, **_table({"عشر": 10, "عشرة": 10, "مئة": 100, "مائة": 100}),
    fold("نصف"): 0.5,
}

# Unit noun -> (unit, the quantity the noun says by itself: 1 singular, 2 dual, None plural).
_UNITS: dict[str, tuple[str, int | None]] = {
    fold(word): (unit, count)
    for unit, forms in {
        "day": {"يوم": 1, "يوما": 1, "أيام": None, "يومين": 2, "يومان": 2},
        "week": {"أسبوع": 1, "أسبوعا": 1, "أسابيع": None, "أسبوعين": 2, "أسبوعان": 2},
        "month": {"شهر": 1, "شهرا": 1, "أشهر": None, "شهور": None, "شهرين": 2, "شهران": 2},
        "year": {
            "عام": 1, "عاما": 1, "أعوام": None, "عامين": 2, "عامان": 2, "سنة": 1, "سنوات": None,
            "سنين": None, "سنتين": 2, "سنتان": 2,
        },
        "hour": {"ساعة": 1, "ساعات": None, "ساعتين": 2, "ساعتان": 2},
    }.items()
    for word, count in forms.items()
}
_PLURAL_UNITS = {w: u for w, (u, c) in _UNITS.items() if c is None}
_DUAL_UNITS = {w: u for w, (u, c) in _UNITS.items() if c == 2}

_PAST = ["الماضي", "المنصرم", "الفائت", "الماضية", "المنصرمة", "الفائتة"]
_NEXT = ["المقبل", "القادم", "المقبلة", "القادمة"]
_CURRENT = ["الجاري", "الحالي", "الجارية", "الحالية"]
_DIRECTION = {**{fold(w): -1 for w in _PAST}, **{fold(w): 1 for w in _NEXT}}

_PERIOD_UNITS = _table({"الأسبوع": 0, "الشهر": 1, "العام": 2, "السنة": 2})
_PERIOD_NAMES = ("week", "month", "year")

# Words before a month or a year that make it a date ("in", "since", "by", "early in" ...).
_CUES = {
    fold(w)
    for w in (
        "في", "منذ", "حتى", "بحلول", "خلال", "قبل", "بعد", "مطلع", "أوائل", "بداية", "منتصف",
        "أواسط", "أواخر", "نهاية", "شهر", "شهري", "من", "إلى", "الى", "طوال", "اعتبارا",
        "ابتداء", "بين", "مع",
    )
}
# Prepositions that may stand before a bare year ("في 2022"); the year must not count a noun.
_YEAR_PREPOSITIONS = {
    fold(w)
    for w in ("في", "منذ", "حتى", "بحلول", "خلال", "قبل", "بعد", "من", "إلى", "الى", "وحتى")
}
# Words after "في 2022" that show the number counts something (في 2022 حالة).
_COUNT_EXCEPTIONS = {fold(w) for w in ("أيضا", "تقريبا", "تحديدا", "فقط", "وحدها", "وحده")}
_LENGTH_WORDS = {
    fold(w) for w in ("مسافة", "بطول", "طول", "ارتفاع", "بارتفاع", "عمق", "بعمق", "عرض", "سباق")
}

_RELATIVE_DAYS = _table(
    {
        "أمس": -1, "الأمس": -1, "البارحة": -1, "الليلة الماضية": -1,
        "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2,
        "اليوم": 0, "الليلة": 0, "غدا": 1, "غد": 1, "بعد غد": 2,
    }
)
# Nouns before an ordinal that it counts instead of days (الأسبوع الأول من مارس).
_ORDINAL_HEADS = {fold(w) for w in ("الأسبوع", "النصف", "الربع", "الثلث", "العشر", "الشهر")}
# Words before اليوم that make it "that day", a newspaper's name, or a programme's.
_NOT_TODAY = {
    fold(w)
    for w in (
        "ذلك", "ذات", "نفس", "صحيفة", "جريدة", "مجلة", "برنامج", "قناة", "عين", "أخبار",
        "المصري", "روسيا", "أمر",
    )
}
# Words after اليوم that make it "that same day".
_SAME = {fold(w) for w in ("ذاته", "نفسه", "ذاك", "ذلك")}
# Words before a bare weekday that make it something else (صلاة الجمعة, بين الاثنين "the two").
_NOT_WEEKDAY = {
    fold(w)
    for w in (
        "صلاة", "خطبة", "خطيب", "جامع", "مسجد", "صلوات", "الواحد", "بين", "كلا", "هذين",
        "هذان", "كلتا",
    )
}

# --- Regex pieces (folded text) --------------------------------------------------------------

_B = r"(?<!\w)"  # the expression's word starts here...
_CL = "(?:[وف]?[بلك]?)"  # ...after proclitics, which stay outside the expression
_E = r"(?!\w)"
_WD = _alt(_WEEKDAYS)
_MON = _alt(_MONTHS)
_HMON = _alt(_HIJRI_MONTHS)
_ORD = _alt(_ORDINALS)
_UNIT_NUM_ALT = _alt(_UNIT_NUMBERS)
_TENS_ALT = _alt(_TENS)
_NUMW = (
    rf"(?:{_UNIT_NUM_ALT}\s+و{_TENS_ALT}|{_UNIT_NUM_ALT}\s+عشره?|{_TENS_ALT}|{_UNIT_NUM_ALT}"
    r"|عشره?|مئه|مائه|نصف)"
)
_UNIT_ALT = _alt(_UNITS)
_ADJ = _alt(_PAST + _NEXT + _CURRENT)
_MOD = _alt(["مطلع", "أوائل", "بداية", "منتصف", "أواسط", "أواخر", "نهاية"])
_SEASON = _alt(["صيف", "شتاء", "ربيع", "خريف"])
_TOD = _alt(["مساء", "صباح", "ليلة", "فجر", "ظهر", "عصر", "ظهيرة", "ظهيرة", "منتصف ليل"])
_APPROX = r"(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?"
_YEAR_NOUN = r"(?:عام|(?:ال|لل)عام|سنه|(?:ال|لل)سنه)"
_GREG_ERA = r"(?:م|ميلاديه?|للميلاد)"
_HIJRI_ERA = r"(?:ه|هجريه?|للهجره|الهجري)"
_HIJRI_ERAS = {"ه", "هجري", "هجريه", "للهجره", "الهجري"}
_WD_PREFIX = rf"(?:(?P<wd>{_WD})(?:\s*[،,]\s*|\s+)(?:الموافق\s+)?)?(?:يومي?\s+)?"
_DAY = (
    rf"(?:(?:(?P<d0>\d{{1,2}})\s*و\s*)?(?P<day>\d{{1,2}})\s*(?:من\s+)?"
    rf"|(?P<oday>{_ORD})\s+من\s+)?"
)
_YEAR_TAIL = rf"(?:\s*[،,]\s*|\s+)(?:من\s+)?(?:{_YEAR_NOUN}\s+)?(?P<year>\d{{4}})(?!\d)"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_B + _CL + pattern)


_GREGORIAN_RE = _compile(
    rf"(?P<x>{_WD_PREFIX}(?:(?P<mod>{_MOD})\s+)?{_DAY}(?:(?P<shahr>شهري?)\s+)?"
    rf"(?P<mon>\(\s*{_MON}\s*\)\s*{_MON}|{_MON}(?:\s*[/–-]\s*{_MON}|\s*\(\s*{_MON}\s*\)"
    rf"|\s+{_MON})?)"
    rf"(?:{_YEAR_TAIL}(?:\s?{_GREG_ERA}{_E})?"
    rf"|\s+(?P<rel>{_ADJ})"
    rf"|\s+(?:من\s+)?(?:(?P<ydem>هذا|هذه)\s+(?:ال)?(?:عام|سنه)|(?:ال)?(?:عام|سنه)\s+(?P<yadj>{_ADJ})))?)"
    rf"{_E}"
)
_MONTH_WORD_RE = re.compile(_MON)
_HIJRI_RE = _compile(
    rf"(?P<x>{_WD_PREFIX}(?:(?P<mod>{_MOD})\s+)?{_DAY}(?:(?P<shahr>شهر)\s+)?(?P<hm>{_HMON})"
    rf"(?:{_YEAR_TAIL}(?:\s?(?P<era>{_HIJRI_ERA}){_E})?"
    rf"|\s+(?P<rel>{_ADJ}|المبارك|الفضيل|المعظم|الحرام))?){_E}"
)
_NUMERIC_RE = _compile(
    rf"(?P<x>{_WD_PREFIX}(?:(?P<a>\d{{1,2}})\s*(?P<s>[/.-])\s*(?P<b>\d{{1,2}})\s*(?P=s)\s*"
    rf"(?P<c>\d{{4}})|(?P<c2>\d{{4}})\s*(?P<s2>[/.-])\s*(?P<b2>\d{{1,2}})\s*(?P=s2)\s*"
    rf"(?P<a2>\d{{1,2}}))(?![\d/])(?:\s?(?P<era>{_HIJRI_ERA}|{_GREG_ERA}){_E})?)"
)
_YEAR_RE = _compile(
    rf"(?P<x>(?:(?P<mod>{_MOD}|{_SEASON})\s+)?(?:(?P<cue>{_YEAR_NOUN}|(?:ال|لل)?عامين|عامي"
    rf"|(?:ال|لل)?سنتين|سنتي)\s+)?(?P<y>\d{{4}})(?![\d/]|[.,]\d)(?:\s?(?P<era>{_HIJRI_ERA}|{_GREG_ERA}))?)"
    rf"{_E}(?:\s*(?:و|-|–|الي|حتي)\s*(?P<y2>\d{{4}})(?![\d/]|[.,]\d)"
    rf"(?:\s?(?P<era2>{_HIJRI_ERA}|{_GREG_ERA}))?{_E})?"
)
_PERIOD_RE = _compile(
    rf"(?P<x>(?:(?P<mod>{_MOD})\s+)?(?:(?P<early>في\s+وقت\s+(?:سابق|لاحق)\s+من)\s+)?"
    rf"(?:(?P<dem>هذا|هذه)\s+(?P<n1>ال(?:اسبوع|شهر|عام|سنه))"
    rf"|(?P<n2>(?:ال|لل)(?:اسبوع|شهر|عام|سنه))\s+(?P<adj>{_ADJ}))){_E}"
)
_RELATIVE_DAY_RE = _compile(
    rf"(?P<x>(?:(?P<early>في\s+وقت\s+(?:سابق|لاحق))\s+(?:من\s+)?)?(?:(?P<tod>{_TOD})\s+)?"
    rf"(?:(?P<yawm>يوم)\s+)?(?P<rd>{_alt(_RELATIVE_DAYS)})"
    rf"(?:\s*[،,]?\s*(?:[(«\"]\s*(?P<wd>{_WD})\s*[)»\"]|(?P<wd2>{_WD})))?){_E}"
)
_WEEKDAY_RE = _compile(
    rf"(?P<x>(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يومي?)\s+)?(?P<wd>{_WD})"
    rf"(?:\s+(?P<adj>{_alt(_PAST + _NEXT)}))?){_E}"
)
_QUANTITY = (
    rf"(?:(?P<num>\d{{1,4}}|{_NUMW})\s+)?(?P<unit>{_UNIT_ALT})(?:\s+(?P<one>واحده?|كامله?))?{_E}"
)
_AGO_RE = _compile(rf"(?P<x>(?P<dir>منذ|قبل|بعد)\s+{_APPROX}{_QUANTITY})(?!\s*\d)")
_DURATION_CUES = _alt(
    [
        "لمدة", "مدة", "على مدى", "على مدار", "طوال", "طيلة", "مدتها", "مدته",
        "استمر", "استمرت", "استمرا", "يستمر", "تستمر", "سيستمر", "ستستمر",
        "استغرق", "استغرقت", "يستغرق", "تستغرق", "سيستغرق", "ستستغرق",
        "دام", "دامت", "يدوم", "تدوم",
    ]
)
_DURATION_RE = re.compile(
    rf"{_B}[وف]?{_DURATION_CUES}\s+"
    rf"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من)\s+)?(?P<x>{_QUANTITY})(?!\s*\d)"
)
_PAST_SPAN_RE = _compile(
    rf"(?P<x>ال(?:(?P<pu>{_alt(_PLURAL_UNITS)})\s+ال(?P<pn>{_NUMW})|(?P<pn2>{_NUMW})\s+(?:ال)?"
    rf"(?P<pu2>{_alt(_PLURAL_UNITS)}))\s+(?:الماضيه|الاخيره|المقبله|القادمه|المنصرمه|الفائته)"
    rf"|ال(?P<dual>{_alt(_DUAL_UNITS)})\s+(?:الماضيين|الاخيرين|المقبلين|القادمين|المنصرمين)){_E}"
)

_PREV_WORD_RE = re.compile(r"(\w+)\s*$")
_NEXT_WORD_RE = re.compile(r"\s*(\w+)")


# --- The document the rules read --------------------------------------------------------------


@dataclass(frozen=True)
class _Doc:
    """The text as given, its folded copy, and what resolution needs."""

    text: str
    norm: str
    offsets: Sequence[int] | None  # folded index -> index in `text`; None when they agree
    published: date | None
    day_first: bool

    def at(self, i: int) -> int:
        return i if self.offsets is None else self.offsets[i]

    def date(self, start: int, end: int, resolved: Resolved) -> TimeExpr:
        return timex.date_expr(self.text, self.at(start), self.at(end), resolved)

    def duration(self, start: int, end: int, quantity: float, unit: str) -> TimeExpr:
        return timex.duration_expr(self.text, self.at(start), self.at(end), quantity, unit)

    def prev_word(self, pos: int) -> str:
        """Return the word before `pos` when only spaces stand between, else ""."""
        m = _PREV_WORD_RE.search(self.norm, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        """Return the word after `pos` when only spaces stand between, else ""."""
        words = self.words_after(pos, 1)
        return words[0] if words else ""

    def words_after(self, pos: int, count: int) -> list[str]:
        """Return up to `count` words after `pos`, stopping at punctuation."""
        words: list[str] = []
        while len(words) < count:
            m = _NEXT_WORD_RE.match(self.norm, pos)
            if not m:
                break
            words.append(m.group(1))
            pos = m.end()
        return words


def _fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return the folded text and, when marks were dropped, where each of its letters came from."""
    folded = text.translate(_FOLD)
    if not _MARKS.search(folded):
        return folded, None
    keep = [i for i, ch in enumerate(folded) if not _MARKS.match(ch)]
    norm = "".join(folded[i] for i in keep)
    keep.append(len(text))
    return norm, keep


def _is_cue(word: str, cues: set[str]) -> bool:
    """Say whether a word is one of `cues`, perhaps behind و or ف."""
    return word in cues or (word[:1] in ("و", "ف") and word[1:] in cues)


# --- Rules -------------------------------------------------------------------------------------


def _day_of(m: re.Match[str]) -> int | None:
    if m.group("day"):
        return int(m.group("day"))
    if m.group("oday"):
        return _ORDINALS[" ".join(m.group("oday").split())]
    return None


def _month_is_date(m: re.Match[str], doc: _Doc, paired: bool, day: int | None) -> bool:
    """Say whether a month word that is also a common word stands as a month here."""
    word = " ".join(_MONTH_WORD_RE.findall(m.group("mon"))[0].split())
    if word not in _WEAK_MONTHS or paired or day or m.group("year"):
        return True
    written = doc.text[doc.at(m.start("mon")) : doc.at(m.end("mon"))]
    if word in _WEAKEST_MONTHS and not written.startswith("آب"):  # آب with madda is August
        return False
    clitics = doc.norm[m.start() : m.start("x")]
    if any(c in clitics for c in "بلك") or m.group("rel") or m.group("mod") or m.group("shahr"):
        return True
    return _is_cue(doc.prev_word(m.start()), _CUES)


def _year_direction(m: re.Match[str]) -> int | None:
    """Return the year offset of "من العام الماضي / هذا العام ..." after a month, if any."""
    if m.group("ydem"):
        return 0
    if m.group("yadj"):
        return _DIRECTION.get(m.group("yadj"), 0)
    return None


def _gregorian(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    names = list(_MONTH_WORD_RE.finditer(m.group("mon")))
    months = [_MONTHS[" ".join(n.group().split())] for n in names]
    day = _day_of(m)
    start = m.start("x")
    if m.group("oday") and doc.prev_word(m.start("oday")) in _ORDINAL_HEADS:
        # "الأسبوع الأول من مارس": the ordinal counts weeks, not days; keep the month.
        day, start = None, m.start("mon")
    if not _month_is_date(m, doc, len(months) > 1, day):
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
    m: re.Match[str], doc: _Doc, month: int, day: int | None, start: int, end: int
) -> TimeExpr:
    year = _gregorian_year(m, doc, month)
    if year is None:
        return doc.date(start, end, UNRESOLVED)
    if day is None or m.group("d0"):  # two days ("25 و26 سبتمبر") share only the month
        return doc.date(start, end, timex.month_value(year, month))
    when = timex.checked_day(year, month, day)
    return doc.date(start, end, timex.day_value(when) if when else timex.month_value(year, month))


def _gregorian_year(m: re.Match[str], doc: _Doc, month: int) -> int | None:
    """Return the year of a month expression: written, or from publication; None if unknown."""
    if m.group("year"):
        year = int(m.group("year"))
        return year if 1000 <= year <= timex.LAST_YEAR else None
    pub = doc.published
    if pub is None:
        return None
    offset = _year_direction(m)
    if offset is not None:
        return pub.year + offset
    rel = m.group("rel")
    if rel and fold(rel) in {fold(w) for w in _CURRENT}:
        return pub.year
    return timex.month_year(pub, month, _DIRECTION.get(rel, 0) if rel else 0)


def _numeric(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    if m.group("c"):
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        day, month = (first, second) if doc.day_first else (second, first)
    else:
        year, month, day = int(m.group("c2")), int(m.group("b2")), int(m.group("a2"))
    if m.group("era") in _HIJRI_ERAS or 1300 <= year <= 1500:
        when = _hijri_day(year, month, day)
    elif timex.plausible_year(year):
        when = timex.checked_day(year, month, day)
    else:
        return []
    return [doc.date(m.start("x"), m.end("x"), timex.day_value(when))] if when else []


def _hijri(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    word = " ".join(m.group("hm").split())
    month = _HIJRI_MONTHS[word]
    day = _day_of(m)
    year = int(m.group("year")) if m.group("year") else None
    end = m.end("x")
    if year is not None and not 1300 <= year <= 1600:
        year, end = None, m.end("hm")
    if year is None and not _hijri_month_is_date(m, doc, word, day):
        return []
    if year is None:
        year = _hijri_year_of(doc.published, month, m.group("rel") if end == m.end("x") else None)
        if year is None:
            return [doc.date(m.start("x"), end, UNRESOLVED)]
    if day is not None and not m.group("d0"):
        when = _hijri_day(year, month, day)
        if when:
            return [doc.date(m.start("x"), end, timex.day_value(when))]
    span = _hijri_span(year, month, month)
    return [doc.date(m.start("x"), end, timex.covering(*span) if span else UNRESOLVED)]


def _hijri_month_is_date(m: re.Match[str], doc: _Doc, word: str, day: int | None) -> bool:
    if day or m.group("shahr"):
        return True
    if word in _STRICT_HIJRI:
        return False
    return bool(m.group("rel")) or _is_cue(doc.prev_word(m.start()), _CUES)


def _year(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
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
    doc: _Doc, m: re.Match[str], group: str, era_group: str, start: int, end: int
) -> TimeExpr | None:
    year, era = int(m.group(group)), m.group(era_group)
    if era in _HIJRI_ERAS:
        span = _hijri_span(year, 1, 12)
        return doc.date(start, end, timex.covering(*span) if span else UNRESOLVED)
    if not timex.plausible_year(year):
        return None
    if group == "y" and not _year_is_date(m, doc, era):
        return None
    return doc.date(start, end, timex.year_value(year))


def _year_is_date(m: re.Match[str], doc: _Doc, era: str | None) -> bool:
    """Say whether a four-digit number is a year: a year noun, an era or a preposition before it."""
    if era:
        before = doc.norm[max(0, m.start() - 40) : m.start()].split()[-3:]
        return not any(w in _LENGTH_WORDS for w in before)  # "مسافة 1600م" is metres
    if m.group("cue") or m.group("mod"):
        return True
    if not _is_cue(doc.prev_word(m.start()), _YEAR_PREPOSITIONS):
        return False
    following = doc.next_word(m.end("x"))
    if not following or following in _COUNT_EXCEPTIONS or following.startswith("و"):
        return True
    # A noun right after the number counts it (في 2022 حالة، منذ 2011 شخصا): Arabic verbs never
    # end in ة, and an indefinite accusative ends in ا.
    return not following.endswith(("ه", "ا"))


def _period(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    noun = m.group("n1") or m.group("n2")
    if noun.startswith("لل"):
        noun = "ال" + noun[2:]
    unit = _PERIOD_NAMES[_PERIOD_UNITS[noun]]
    if m.group("n2") and unit == "year" and not (m.group("mod") or m.group("early")):
        before = doc.prev_word(m.start())
        if before.startswith(("ال", "وال", "بال", "لل")):  # الأمين العام الحالي: "general"
            return []
    offset = _DIRECTION.get(m.group("adj"), 0) if m.group("adj") else 0
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    return [doc.date(m.start("x"), m.end("x"), timex.period_value(doc.published, unit, offset))]


def _relative_day(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    word = " ".join(m.group("rd").split())
    bare = not (m.group("tod") or m.group("yawm") or m.group("wd") or m.group("wd2"))
    if bare and not m.group("early") and not _relative_day_stands(m, doc, word):
        return []
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    when = doc.published + timedelta(days=_RELATIVE_DAYS[word])
    return [doc.date(m.start("x"), m.end("x"), timex.day_value(when))]


def _relative_day_stands(m: re.Match[str], doc: _Doc, word: str) -> bool:
    """Say whether a bare اليوم / الأمس / غدا means a day next to publication."""
    before = doc.prev_word(m.start())
    if word in ("اليوم", "الليله"):
        after = doc.next_word(m.end("x"))
        return not after.startswith("ال") and after not in _SAME and before not in _NOT_TODAY
    if word == "الامس":  # "أعداء الأمس": the past, unless "بالأمس", "منذ الأمس"
        return "ب" in doc.norm[m.start() : m.start("x")] or _is_cue(before, {"منذ", "حتي"})
    if word == "غدا":
        return before not in ("قد", "لقد")
    return True


def _weekday(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    word = m.group("wd")
    if not (m.group("tod") or m.group("yawm") or m.group("adj")):
        if doc.prev_word(m.start()) in _NOT_WEEKDAY or _in_weekday_list(doc, m.start()):
            return []
        after = doc.next_word(m.end("x"))
        if (word == "الاحد" and after.startswith("عشر")) or (word == "الاثنين" and after == "معا"):
            return []
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    direction = _DIRECTION.get(m.group("adj"), 0) if m.group("adj") else 0
    when = timex.weekday_date(doc.published, _WEEKDAYS[word], direction)
    return [doc.date(m.start("x"), m.end("x"), timex.day_value(when))]


def _in_weekday_list(doc: _Doc, pos: int) -> bool:
    """Say whether a weekday is one of a list of days after أيام ("أيام الخميس والجمعة"): days of
    every week, not one date."""
    for _ in range(4):
        word = doc.prev_word(pos)
        if word in ("ايام", "كل"):
            return True
        bare = word[1:] if word.startswith("و") else word
        if bare not in _WEEKDAYS:
            return False
        pos = doc.norm.rindex(word, 0, pos)
    return False


def _quantity(m: re.Match[str]) -> tuple[float, str] | None:
    """Return (quantity, unit) of a number and a unit noun; None for a vague plural (أيام)."""
    unit, implied = _UNITS[m.group("unit")]
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
        if word.startswith("و") and word[1:] in _TENS:
            word = word[1:]
        total += _NUMBER_WORDS.get(word, 0)
    return total


def _ago(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    found = _quantity(m)
    if found is None:
        return []
    quantity, unit = found
    after = doc.next_word(m.end("x"))
    if not m.group("num") and after.startswith("ال"):  # "قبل يوم الجمعة": a noun, not a count
        return []
    before = doc.prev_word(m.start())
    if _UNITS.get(before, _UNITS.get(before + "ا", ("", 0)))[0] == unit:
        return []  # "يوما بعد يوم": day after day, no date
    anchored = after in ("من", "علي") and doc.words_after(m.end("x"), 2)[-1:] != ["الان"]
    if anchored or doc.published is None or quantity != int(quantity):
        # "بعد يومين من الهجوم" counts from another event, which the text alone does not date.
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    sign = 1 if m.group("dir") == "بعد" else -1
    resolved = timex.offset_value(doc.published, sign * int(quantity), unit)
    return [doc.date(m.start("x"), m.end("x"), resolved)]


def _duration(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    found = _quantity(m)
    if found is None or (not m.group("num") and doc.next_word(m.end("x")).startswith("ال")):
        return []
    return [doc.duration(m.start("x"), m.end("x"), *found)]


def _past_span(m: re.Match[str], doc: _Doc) -> list[TimeExpr]:
    if m.group("dual"):
        return [doc.duration(m.start("x"), m.end("x"), 2, _DUAL_UNITS[m.group("dual")])]
    unit = _PLURAL_UNITS[m.group("pu") or m.group("pu2")]
    quantity = _word_number(m.group("pn") or m.group("pn2"))
    if quantity <= 0:
        return []
    return [doc.duration(m.start("x"), m.end("x"), quantity, unit)]


# --- Hijri calendar (Umm al-Qura, through hijridate, imported when a Hijri date is found) ----


def _hijri_day(year: int, month: int, day: int) -> date | None:
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):  # no such day, or outside the table (1343-1500 AH)
        return None
    return date(g.year, g.month, g.day)


def _hijri_span(year: int, first_month: int, last_month: int) -> tuple[date, date] | None:
    """Return the first and last Gregorian day of Hijri months first..last of a year."""
    from hijridate import Hijri

    try:
        last_len = Hijri(year, last_month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    first = _hijri_day(year, first_month, 1)
    last = _hijri_day(year, last_month, last_len)
    return (first, last) if first and last else None


def _hijri_year_of(published: date | None, month: int, rel: str | None) -> int | None:
    """Return the Hijri year of a Hijri month named without one: the nearest past, or as
    "الماضي" / "المقبل" / "الجاري" say."""
    if published is None:
        return None
    from hijridate import Gregorian

    try:
        today = Gregorian(published.year, published.month, published.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    direction = _DIRECTION.get(rel, 0) if rel else 0
    if direction > 0:
        return today.year if month > today.month else today.year + 1
    if direction < 0:
        return today.year if month < today.month else today.year - 1
    return today.year if month <= today.month else today.year - 1


# --- Entry point -----------------------------------------------------------------------------

_Rule = Callable[[re.Match[str], _Doc], list[TimeExpr]]
_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = (
    (_GREGORIAN_RE, _gregorian),
    (_HIJRI_RE, _hijri),
    (_NUMERIC_RE, _numeric),
    (_YEAR_RE, _year),
    (_PERIOD_RE, _period),
    (_RELATIVE_DAY_RE, _relative_day),
    (_WEEKDAY_RE, _weekday),
    (_AGO_RE, _ago),
    (_DURATION_RE, _duration),
    (_PAST_SPAN_RE, _past_span),
)


def _reads_day_first(norm: str) -> bool:
    """Say whether the text's numeric dates put the day first (Arabic does, unless shown not)."""
    pairs = [
        (int(m.group("a")), int(m.group("b"))) for m in _NUMERIC_RE.finditer(norm) if m.group("c")
    ]
    return timex.day_first(pairs, default=True)


def find_times(text: str, published: date | None) -> list[TimeExpr]:
    """Return the Arabic time expressions of `text`, sorted, longest first on overlaps."""
    norm, offsets = _fold_with_offsets(text)
    doc = _Doc(text, norm, offsets, published, _reads_day_first(norm))
    found: list[TimeExpr] = []
    for pattern, rule in _RULES:
        for m in pattern.finditer(norm):
            found.extend(rule(m, doc))
    return timex.select_longest(found)
