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

from briefing.analysis import times
from briefing.analysis.times import UNRESOLVED, Resolved
from briefing.languages.ar import FOLD, MARKS
from briefing.models import TimeRef

# --- Folding (the same as the analysis: briefing.languages.ar) ----------------------------


def fold(text: str) -> str:
    """Return Arabic text as the rules see it (for words and phrases, not whole articles)."""
    return " ".join(MARKS.sub("", text).translate(FOLD).split())


def _alt(words: Iterable[str]) -> str:
    """Return a regex alternation of folded words, longest first, spaces as any whitespace."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    escaped = (re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+") for w in folded)
    return "(?:" + "|".join(escaped) + ")"


def _table(groups: dict[int, str]) -> dict[str, int]:
    """Return folded word -> number from {number: "word|word|two words"}."""
    return {fold(word): number for number, words in groups.items() for word in words.split("|")}


def _in_order(words: str) -> list[str]:
    return words.split("|")


def _words(words: str) -> set[str]:
    """Return the folded words of "word|word|two words"."""
    return {fold(word) for word in words.split("|")}


# --- Words -----------------------------------------------------------------------------------

# Egyptian and Gulf, Levantine and Iraqi, Maghrebi names of the Gregorian months.
_MONTHS = _table(
    {
        1: "يناير|جانفي|كانون الثاني|كانون ثاني",
        2: "فبراير|فيفري|شباط",
        3: "مارس|آذار",
        4: "أبريل|إبريل|أفريل|نيسان",
        5: "مايو|ماي|أيار",
        6: "يونيو|يونيه|جوان|حزيران",
        7: "يوليو|يوليه|يوليوز|جويلية|تموز",
        8: "أغسطس|غشت|أوت|آب",
        9: "سبتمبر|شتنبر|أيلول",
        10: "أكتوبر|تشرين الأول|تشرين أول",
        11: "نوفمبر|نونبر|تشرين الثاني|تشرين ثاني",
        12: "ديسمبر|دجنبر|كانون الأول|كانون أول",
    }
)
# Month names that are also ordinary words or names: months only with a day, a year, a paired
# name or a cue word before them.
_WEAK_MONTHS = _words("مارس|نيسان|آب|ماي|أوت")
# ...and these need a day, a year or a paired name: a cue word is not enough (في أب "in a
# father"), except for آب written with its madda.
_WEAKEST_MONTHS = _words("آب|ماي|أوت")

_HIJRI_MONTHS = _table(
    {
        1: "محرم",
        2: "صفر",
        3: "ربيع الأول|ربيع أول",
        4: "ربيع الثاني|ربيع الآخر|ربيع ثاني|ربيع آخر",
        5: "جمادى الأولى|جمادى الأول|جمادى أولى",
        6: "جمادى الآخرة|جمادى الثانية|جمادى الآخر|جمادى الثاني",
        7: "رجب",
        8: "شعبان",
        9: "رمضان",
        10: "شوال",
        11: "ذو القعدة|ذي القعدة",
        12: "ذو الحجة|ذي الحجة",
    }
)
# Hijri months that are also names or words (رجب طيب أردوغان, صفر "zero", محرم "forbidden").
_STRICT_HIJRI = _words("محرم|صفر|رجب")

_WEEKDAYS = _table(
    {
        0: "الاثنين|الإثنين",
        1: "الثلاثاء",
        2: "الأربعاء",
        3: "الخميس",
        4: "الجمعة",
        5: "السبت",
        6: "الأحد",
    }
)

_ONES = _in_order("الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع")
_ORDINALS = {
    **{fold(w): i + 1 for i, w in enumerate(_ONES)},
    fold("العاشر"): 10,
    fold("الحادي عشر"): 11,
    **{fold(f"{w} عشر"): i + 11 for i, w in enumerate(_ONES) if i > 0},
    fold("العشرين"): 20,
    fold("الحادي والعشرين"): 21,
    **{fold(f"{w} والعشرين"): i + 21 for i, w in enumerate(_ONES) if i > 0},
    fold("الثلاثين"): 30,
    fold("الحادي والثلاثين"): 31,
}

_UNIT_NUMBERS = _table(
    {
        1: "واحد|واحدة|أحد|إحدى",
        2: "اثنان|اثنين|اثنتان|اثنتين|اثنا|اثني|اثنتا|اثنتي",
        3: "ثلاث|ثلاثة",
        4: "أربع|أربعة",
        5: "خمس|خمسة",
        6: "ست|ستة",
        7: "سبع|سبعة",
        8: "ثمان|ثماني|ثمانية",
        9: "تسع|تسعة",
    }
)
_TENS = _table(
    {
        20: "عشرون|عشرين",
        30: "ثلاثون|ثلاثين",
        40: "أربعون|أربعين",
        50: "خمسون|خمسين",
        60: "ستون|ستين",
        70: "سبعون|سبعين",
        80: "ثمانون|ثمانين",
        90: "تسعون|تسعين",
    }
)
_NUMBER_WORDS: dict[str, float] = {
    **_UNIT_NUMBERS,
    **_TENS,
    **_table({10: "عشر|عشرة", 100: "مئة|مائة"}),
    fold("نصف"): 0.5,
}

# Unit noun -> (unit, the quantity the noun says by itself: 1 singular, 2 dual, None plural).
_UNITS: dict[str, tuple[str, int | None]] = {
    fold(word): (unit, count)
    for unit, forms in {
        "day": {1: "يوم|يوما", None: "أيام", 2: "يومين|يومان"},
        "week": {1: "أسبوع|أسبوعا", None: "أسابيع", 2: "أسبوعين|أسبوعان"},
        "month": {1: "شهر|شهرا", None: "أشهر|شهور", 2: "شهرين|شهران"},
        "year": {1: "عام|عاما|سنة", None: "أعوام|سنوات|سنين", 2: "عامين|عامان|سنتين|سنتان"},
        "hour": {1: "ساعة", None: "ساعات", 2: "ساعتين|ساعتان"},
    }.items()
    for count, words in forms.items()
    for word in words.split("|")
}
_PLURAL_UNITS = {w: u for w, (u, c) in _UNITS.items() if c is None}
_DUAL_UNITS = {w: u for w, (u, c) in _UNITS.items() if c == 2}

_PAST = "الماضي|المنصرم|الفائت|الماضية|المنصرمة|الفائتة"
_NEXT = "المقبل|القادم|المقبلة|القادمة"
_CURRENT = "الجاري|الحالي|الجارية|الحالية"
_DIRECTION = {**dict.fromkeys(_words(_PAST), -1), **dict.fromkeys(_words(_NEXT), 1)}
_CURRENT_WORDS = _words(_CURRENT)

_PERIOD_UNITS = {fold("الأسبوع"): "week", "الشهر": "month", "العام": "year", fold("السنة"): "year"}

# Words before a month or a year that make it a date ("in", "since", "by", "early in" ...).
_CUES = _words(
    "في|منذ|حتى|بحلول|خلال|قبل|بعد|مطلع|أوائل|بداية|منتصف|أواسط|أواخر|نهاية|شهر|شهري|من|إلى"
    "|الى|طوال|اعتبارا|ابتداء|بين|مع"
)
# Prepositions that may stand before a bare year ("في 2022"); the year must not count a noun.
_YEAR_PREPOSITIONS = _words("في|منذ|حتى|بحلول|خلال|قبل|بعد|من|إلى|الى|وحتى")
# Words after "في 2022" that do not count anything.
_COUNT_EXCEPTIONS = _words("أيضا|تقريبا|تحديدا|فقط|وحدها|وحده")
# Words before "1600م" that make it metres, not a year.
_LENGTH_WORDS = _words("مسافة|بطول|طول|ارتفاع|بارتفاع|عمق|بعمق|عرض|سباق")

_RELATIVE_DAYS = _table(
    {
        -2: "أول أمس|أول من أمس|أمس الأول",
        -1: "أمس|الأمس|البارحة|الليلة الماضية",
        0: "اليوم|الليلة",
        1: "غدا|غد",
        2: "بعد غد",
    }
)
# Words before اليوم that make it "that day", a newspaper's name (عين اليوم، المصري اليوم,
# روسيا اليوم), or an order of the day.
_NOT_TODAY = _words("ذلك|ذات|نفس|صحيفة|جريدة|مجلة|برنامج|قناة|عين|أخبار|المصري|روسيا|أمر")
# Words after اليوم that make it "that same day".
_SAME = _words("ذاته|نفسه|ذاك|ذلك")
# Nouns that العام follows as an adjective, "general" or "public" (الأمين العام، الرأي العام).
_GENERAL_HEADS = _words(
    "الأمين|المدعي|النائب|المدير|الرأي|القطاع|المراقب|المفتش|المنسق|القائد|المؤتمر|الإضراب"
    "|العفو|الصالح|النظام|المال|الشأن|الاتجاه|الإطار|الأمن|التعليم|المرشد|الوضع|المستوى"
    "|المعدل|المؤشر|الطابع|المجلس|الحق|الإنفاق|الدين|الموظف|الذوق|النقل|المشهد|الوعي|المزاج"
    "|الانطباع|الجمهور|المحامي|المقرر|المستشار|الحاكم|القائم|الناطق"
)
# Nouns before an ordinal that it counts instead of days (الأسبوع الأول من مارس).
_ORDINAL_HEADS = _words("الأسبوع|النصف|الربع|الثلث|العشر|الشهر")
# Words before a bare weekday that make it something else (صلاة الجمعة, بين الاثنين "the two"),
# or a family name (محمد الخميس).
_NOT_WEEKDAY = _words(
    "صلاة|خطبة|خطيب|جامع|مسجد|صلوات|الواحد|بين|كلا|هذين|هذان|كلتا"
    "|محمد|أحمد|علي|عبدالله|عبدالعزيز|عبدالرحمن|خالد|سعد|سعود|فهد|ناصر|سلمان|فيصل"
    "|إبراهيم|يوسف|عمر|حسن|حسين|صالح|سالم|سليمان|تركي|بندر|ماجد|منصور|سلطان|نايف|مشعل"
)
_DURATION_NOUNS = "لمدة|مدة|على مدى|على مدار|طوال|طيلة|مدتها|مدته"
_DURATION_VERBS = (
    "استمر|استمرت|استمرا|يستمر|تستمر|سيستمر|ستستمر|استغرق|استغرقت|يستغرق|تستغرق|سيستغرق|ستستغرق"
    "|دام|دامت|يدوم|تدوم"
)

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
_ADJ = _alt(_words(f"{_PAST}|{_NEXT}|{_CURRENT}"))
_MOD = _alt(_words("مطلع|أوائل|بداية|منتصف|أواسط|أواخر|نهاية"))
_SEASON = _alt(_words("صيف|شتاء|ربيع|خريف"))
_TOD = _alt(_words("مساء|صباح|ليلة|فجر|ظهر|عصر|ظهيرة|منتصف ليل"))
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
_GREGORIAN_RE = _compile(
    rf"(?P<x>{_WD_PREFIX}(?:(?P<mod>{_MOD})\s+)?{_DAY}(?:(?P<shahr>شهري?)\s+)?"
    rf"{_MONTH_PHRASE}{_MONTH_TAIL}){_E}"
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
_NOT_DECIMAL = r"(?![\d/]|[.,]\d)"
_ERA = rf"(?:{_HIJRI_ERA}|{_GREG_ERA})"
# A year, perhaps after a year noun or a season, and a second one: "بين عامي 2000 و2010".
_YEAR_RE = _compile(
    rf"(?P<x>(?:(?P<mod>{_MOD}|{_SEASON})\s+)?"
    rf"(?:(?P<cue>{_YEAR_NOUN}|(?:ال|لل)?عامين|عامي|(?:ال|لل)?سنتين|سنتي)\s+)?"
    rf"(?P<y>\d{{4}}){_NOT_DECIMAL}(?:\s?(?P<era>{_ERA}))?){_E}"
    rf"(?:\s*(?:و|-|–|الي|حتي)\s*(?P<y2>\d{{4}}){_NOT_DECIMAL}(?:\s?(?P<era2>{_ERA}))?{_E})?"
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
    rf"(?:\s+(?P<adj>{_alt(_words(f'{_PAST}|{_NEXT}'))}))?){_E}"
)
_QUANTITY = (
    rf"(?:(?P<num>\d{{1,4}}|{_NUMW})\s+)?(?P<unit>{_UNIT_ALT})(?:\s+(?P<one>واحده?|كامله?))?{_E}"
)
_AGO_RE = _compile(rf"(?P<x>(?P<dir>منذ|قبل|بعد)\s+{_APPROX}{_QUANTITY})(?!\s*\d)")
# A verb of lasting may have its subject between it and the quantity: استمرت الاحتجاجات ثلاثة أيام.
_DURATION_RE = re.compile(
    rf"{_B}[وف]?(?:{_alt(_words(_DURATION_NOUNS))}|{_alt(_words(_DURATION_VERBS))}(?:\s+ال\w+)?)\s+"
    rf"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من)\s+)?(?P<x>{_QUANTITY})(?!\s*\d)"
)
_PLURAL_ALT = _alt(_PLURAL_UNITS)
# "الأيام الثلاثة الماضية", "الثلاث السنوات الماضية", "العامين الماضيين": spans up to now.
_PAST_SPAN_RE = _compile(
    rf"(?P<x>ال(?:(?P<pu>{_PLURAL_ALT})\s+ال(?P<pn>{_NUMW})|(?P<pn2>{_NUMW})\s+(?:ال)?"
    rf"(?P<pu2>{_PLURAL_ALT}))\s+(?:الماضيه|الاخيره|المقبله|القادمه|المنصرمه|الفائته)"
    rf"|ال(?P<dual>{_alt(_DUAL_UNITS)})\s+(?:الماضيين|الاخيرين|المقبلين|القادمين|المنصرمين))"
    rf"{_E}"
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

    def date(self, start: int, end: int, resolved: Resolved) -> TimeRef:
        return times.date_expr(self.text, self.at(start), self.at(end), resolved)

    def duration(self, start: int, end: int, quantity: float, unit: str) -> TimeRef:
        return times.duration_expr(self.text, self.at(start), self.at(end), quantity, unit)

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
    folded = text.translate(FOLD)
    if not MARKS.search(folded):
        return folded, None
    keep = [i for i, ch in enumerate(folded) if not MARKS.match(ch)]
    norm = "".join(folded[i] for i in keep)
    keep.append(len(text))
    return norm, keep


def _strip_clitic(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف", "ب") and word[1:3] == "ال" else word


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


def _month_is_date(m: re.Match[str], doc: _Doc, paired: bool, day: int | None, start: int) -> bool:
    """Say whether a month word that is also a common word stands as a month here."""
    word = " ".join(_MONTH_WORD_RE.findall(m.group("mon"))[0].split())
    if word not in _WEAK_MONTHS or paired or day or m.group("year"):
        return True
    written = doc.text[doc.at(m.start("mon")) : doc.at(m.end("mon"))]
    if word in _WEAKEST_MONTHS and not written.startswith("آب"):  # آب with madda is August
        return False
    if m.group("rel") or m.group("mod") or m.group("shahr"):
        return True
    if start != m.start("x"):  # the expression was cut to its month: look before the month
        return _is_cue(doc.prev_word(start), _CUES)
    clitics = doc.norm[m.start() : m.start("x")]
    return any(c in clitics for c in "بلك") or _is_cue(doc.prev_word(m.start()), _CUES)


def _year_direction(m: re.Match[str]) -> int | None:
    """Return the year offset of "من العام الماضي / هذا العام ..." after a month, if any."""
    if m.group("ydem"):
        return 0
    if m.group("yadj"):
        return _DIRECTION.get(m.group("yadj"), 0)
    return None


def _gregorian(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    names = list(_MONTH_WORD_RE.finditer(m.group("mon")))
    months = [_MONTHS[" ".join(n.group().split())] for n in names]
    day = _day_of(m)
    start = m.start("x")
    if m.group("oday") and doc.prev_word(m.start("oday")) in _ORDINAL_HEADS:
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
    m: re.Match[str], doc: _Doc, month: int, day: int | None, start: int, end: int
) -> TimeRef:
    year = _gregorian_year(m, doc, month, None if m.group("d0") else day)
    if year is None:
        return doc.date(start, end, UNRESOLVED)
    if day is None or m.group("d0"):  # two days ("25 و26 سبتمبر") share only the month
        return doc.date(start, end, times.month_value(year, month))
    when = times.checked_day(year, month, day)
    return doc.date(start, end, times.day_value(when) if when else times.month_value(year, month))


def _gregorian_year(m: re.Match[str], doc: _Doc, month: int, day: int | None) -> int | None:
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
    if rel in _CURRENT_WORDS:
        return pub.year
    direction = _DIRECTION.get(rel, 0) if rel else 0
    if day is not None:
        return times.day_year(pub, month, day, direction)
    return times.month_year(pub, month, direction)


def _numeric(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    if m.group("c"):
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        day, month = (first, second) if doc.day_first else (second, first)
    else:
        year, month, day = int(m.group("c2")), int(m.group("b2")), int(m.group("a2"))
    if m.group("era") in _HIJRI_ERAS or 1300 <= year <= 1500:
        when = _hijri_day(year, month, day)
    elif times.plausible_year(year):
        when = times.checked_day(year, month, day)
    else:
        return []
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))] if when else []


def _hijri(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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
            return [doc.date(m.start("x"), end, times.day_value(when))]
    span = _hijri_span(year, month, month)
    return [doc.date(m.start("x"), end, times.covering(*span) if span else UNRESOLVED)]


def _hijri_month_is_date(m: re.Match[str], doc: _Doc, word: str, day: int | None) -> bool:
    if day or m.group("shahr"):
        return True
    if word in _STRICT_HIJRI:
        return False
    return bool(m.group("rel")) or _is_cue(doc.prev_word(m.start()), _CUES)


def _year(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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
) -> TimeRef | None:
    year, era = int(m.group(group)), m.group(era_group)
    if era in _HIJRI_ERAS:
        span = _hijri_span(year, 1, 12)
        return doc.date(start, end, times.covering(*span) if span else UNRESOLVED)
    if not times.plausible_year(year):
        return None
    if group == "y" and not _year_is_date(m, doc, era):
        return None
    return doc.date(start, end, times.year_value(year))


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


def _period(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    noun = m.group("n1") or m.group("n2")
    if noun.startswith("لل"):
        noun = "ال" + noun[2:]
    unit = _PERIOD_UNITS[noun]
    bare = m.group("n2") == "العام" and m.start() == m.start("x") and not m.group("mod")
    if bare and _strip_clitic(doc.prev_word(m.start())) in _GENERAL_HEADS:
        return []  # الأمين العام الحالي: "the current secretary-general"
    offset = _DIRECTION.get(m.group("adj"), 0) if m.group("adj") else 0
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    return [doc.date(m.start("x"), m.end("x"), times.period_value(doc.published, unit, offset))]


def _relative_day(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    word = " ".join(m.group("rd").split())
    bare = not (m.group("tod") or m.group("yawm") or m.group("wd") or m.group("wd2"))
    if bare and not m.group("early") and not _relative_day_stands(m, doc, word):
        return []
    if doc.published is None:
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    when = doc.published + timedelta(days=_RELATIVE_DAYS[word])
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


def _relative_day_stands(m: re.Match[str], doc: _Doc, word: str) -> bool:
    """Say whether a bare اليوم / الأمس / غدا means a day next to publication."""
    before = doc.prev_word(m.start())
    if word in ("اليوم", "الليله"):
        after = doc.next_word(m.end("x"))
        return not after.startswith("ال") and after not in _SAME and before not in _NOT_TODAY
    if word == "الامس":  # "أعداء الأمس", "بالأمس القريب": the past, unless "بالأمس", "منذ الأمس"
        if doc.next_word(m.end("x")) == "القريب":
            return False
        return "ب" in doc.norm[m.start() : m.start("x")] or _is_cue(before, {"منذ", "حتي"})
    if word == "غدا":
        return before not in ("قد", "لقد")
    return True


def _weekday(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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
    when = times.weekday_date(doc.published, _WEEKDAYS[word], direction)
    return [doc.date(m.start("x"), m.end("x"), times.day_value(when))]


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


def _ago(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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
    if anchored or doc.published is None or (quantity != int(quantity) and unit != "hour"):
        # "بعد يومين من الهجوم" counts from another event, which the text alone does not date.
        return [doc.date(m.start("x"), m.end("x"), UNRESOLVED)]
    sign = 1 if m.group("dir") == "بعد" else -1
    resolved = times.offset_value(doc.published, sign * quantity, unit)
    return [doc.date(m.start("x"), m.end("x"), resolved)]


def _duration(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
    found = _quantity(m)
    if found is None or (not m.group("num") and doc.next_word(m.end("x")).startswith("ال")):
        return []
    return [doc.duration(m.start("x"), m.end("x"), *found)]


def _past_span(m: re.Match[str], doc: _Doc) -> list[TimeRef]:
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

_Rule = Callable[[re.Match[str], _Doc], list[TimeRef]]
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
    return times.day_first(pairs, default=True)


def find_times(text: str, published: date | None) -> list[TimeRef]:
    """Return the Arabic time expressions of `text`, sorted, longest first on overlaps."""
    norm, offsets = _fold_with_offsets(text)
    doc = _Doc(text, norm, offsets, published, _reads_day_first(norm))
    found: list[TimeRef] = []
    for pattern, rule in _RULES:
        for m in pattern.finditer(norm):
            found.extend(rule(m, doc))
    return times.select_longest(found)
