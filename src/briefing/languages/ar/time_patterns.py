"""Arabic time words and the patterns built from them, on folded text (see `time`): month and
weekday names of every region, Hijri months, number words, units and cue words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.languages.ar import FOLD, MARKS

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
MONTHS = _table(
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
WEAK_MONTHS = _words("مارس|نيسان|آب|ماي|أوت")
# ...and these need a day, a year or a paired name: a cue word is not enough (في أب "in a
# father"), except for آب written with its madda.
WEAKEST_MONTHS = _words("آب|ماي|أوت")

HIJRI_MONTHS = _table(
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
STRICT_HIJRI = _words("محرم|صفر|رجب")

WEEKDAYS = _table(
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
ORDINALS = {
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
TENS = _table(
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
NUMBER_WORDS: dict[str, float] = {
    **_UNIT_NUMBERS,
    **TENS,
    **_table({10: "عشر|عشرة", 100: "مئة|مائة"}),
    fold("نصف"): 0.5,
}

# Unit noun -> (unit, the quantity the noun says by itself: 1 singular, 2 dual, None plural).
UNITS: dict[str, tuple[str, int | None]] = {
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
PLURAL_UNITS = {w: u for w, (u, c) in UNITS.items() if c is None}
DUAL_UNITS = {w: u for w, (u, c) in UNITS.items() if c == 2}

_PAST = "الماضي|المنصرم|الفائت|السابق|الماضية|المنصرمة|الفائتة|السابقة"
_NEXT = "المقبل|القادم|المقبلة|القادمة"
_CURRENT = "الجاري|الحالي|الجارية|الحالية"
DIRECTION = {**dict.fromkeys(_words(_PAST), -1), **dict.fromkeys(_words(_NEXT), 1)}
CURRENT_WORDS = _words(_CURRENT)

PERIOD_UNITS = {
    fold("الأسبوع"): "week",
    "الشهر": "month",
    "العام": "year",
    fold("السنة"): "year",
    "الموسم": "season",
    "الربع": "quarter",
}
# Modifiers that name the end of a week: with الأسبوع they mean the weekend (نهاية الأسبوع).
WEEK_END_MODS = _words("نهاية|أواخر")

# Words before a month or a year that make it a date ("in", "since", "by", "early in" ...).
CUES = _words(
    "في|منذ|حتى|بحلول|خلال|قبل|بعد|مطلع|أوائل|بداية|منتصف|أواسط|أواخر|نهاية|شهر|شهري|من|إلى"
    "|الى|طوال|اعتبارا|ابتداء|بين|مع"
)
# Prepositions that may stand before a bare year ("في 2022"); the year must not count a noun.
YEAR_PREPOSITIONS = _words("في|منذ|حتى|بحلول|خلال|قبل|بعد|من|إلى|الى|وحتى")
# Words after "في 2022" that do not count anything.
COUNT_EXCEPTIONS = _words("أيضا|تقريبا|تحديدا|فقط|وحدها|وحده")
# Words before "1600م" that make it metres, not a year.
LENGTH_WORDS = _words("مسافة|بطول|طول|ارتفاع|بارتفاع|عمق|بعمق|عرض|سباق")

RELATIVE_DAYS = _table(
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
NOT_TODAY = _words("ذلك|ذات|نفس|صحيفة|جريدة|مجلة|برنامج|قناة|عين|أخبار|المصري|روسيا|أمر")
# Words after اليوم that make it "that same day".
SAME = _words("ذاته|نفسه|ذاك|ذلك")
# Nouns that العام follows as an adjective, "general" or "public" (الأمين العام، الرأي العام).
GENERAL_HEADS = _words(
    "الأمين|المدعي|النائب|المدير|الرأي|القطاع|المراقب|المفتش|المنسق|القائد|المؤتمر|الإضراب"
    "|العفو|الصالح|النظام|المال|الشأن|الاتجاه|الإطار|الأمن|التعليم|المرشد|الوضع|المستوى"
    "|المعدل|المؤشر|الطابع|المجلس|الحق|الإنفاق|الدين|الموظف|الذوق|النقل|المشهد|الوعي|المزاج"
    "|الانطباع|الجمهور|المحامي|المقرر|المستشار|الحاكم|القائم|الناطق"
)
# Nouns before an ordinal that it counts instead of days (الأسبوع الأول من مارس).
ORDINAL_HEADS = _words("الأسبوع|النصف|الربع|الثلث|العشر|الشهر")
# Words before a bare weekday that make it something else (صلاة الجمعة, بين الاثنين "the two"),
# or a family name (محمد الخميس).
NOT_WEEKDAY = _words(
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
_WD = _alt(WEEKDAYS)
_MON = _alt(MONTHS)
_HMON = _alt(HIJRI_MONTHS)
_ORD = _alt(ORDINALS)
_UNIT_NUM_ALT = _alt(_UNIT_NUMBERS)
_TENS_ALT = _alt(TENS)
_NUMW = (
    rf"(?:{_UNIT_NUM_ALT}\s+و{_TENS_ALT}|{_UNIT_NUM_ALT}\s+عشره?|{_TENS_ALT}|{_UNIT_NUM_ALT}"
    r"|عشره?|مئه|مائه|نصف)"
)
_UNIT_ALT = _alt(UNITS)
_ADJ = _alt(_words(f"{_PAST}|{_NEXT}|{_CURRENT}"))
_MOD = _alt(_words("مطلع|أوائل|بداية|منتصف|أواسط|أواخر|نهاية"))
_SEASON = _alt(_words("صيف|شتاء|ربيع|خريف"))
_TOD = _alt(_words("مساء|صباح|ليلة|فجر|ظهر|عصر|ظهيرة|منتصف ليل"))
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
    rf"(?:(?P<yawm>يوم)\s+)?(?P<rd>{_alt(RELATIVE_DAYS)})"
    rf"(?:\s*[،,]?\s*(?:[(«\"]\s*(?P<wd>{_WD})\s*[)»\"]|(?P<wd2>{_WD})))?){_E}"
)
WEEKDAY_RE = _compile(
    rf"(?P<x>(?:(?P<tod>{_TOD})\s+)?(?:(?P<yawm>يومي?)\s+)?(?P<wd>{_WD})"
    rf"(?:\s+(?P<adj>{_alt(_words(f'{_PAST}|{_NEXT}'))}))?){_E}"
)
_QUANTITY = (
    rf"(?:(?P<num>\d{{1,4}}|{_NUMW})\s+)?(?P<unit>{_UNIT_ALT})(?:\s+(?P<one>واحده?|كامله?))?{_E}"
)
AGO_RE = _compile(rf"(?P<x>(?P<dir>منذ|قبل|بعد)\s+{_APPROX}{_QUANTITY})(?!\s*\d)")
# A verb of lasting may have its subject between it and the quantity: استمرت الاحتجاجات ثلاثة أيام.
DURATION_RE = re.compile(
    rf"{_B}[وف]?(?:{_alt(_words(_DURATION_NOUNS))}|{_alt(_words(_DURATION_VERBS))}(?:\s+ال\w+)?)\s+"
    rf"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من)\s+)?(?P<x>{_QUANTITY})(?!\s*\d)"
)
_PLURAL_ALT = _alt(PLURAL_UNITS)
# "الأيام الثلاثة الماضية", "الثلاث السنوات الماضية", "العامين الماضيين": spans up to now.
PAST_SPAN_RE = _compile(
    rf"(?P<x>ال(?:(?P<pu>{_PLURAL_ALT})\s+ال(?P<pn>{_NUMW})|(?P<pn2>{_NUMW})\s+(?:ال)?"
    rf"(?P<pu2>{_PLURAL_ALT}))\s+(?:الماضيه|الاخيره|المقبله|القادمه|المنصرمه|الفائته)"
    rf"|ال(?P<dual>{_alt(DUAL_UNITS)})\s+(?:الماضيين|الاخيرين|المقبلين|القادمين|المنصرمين))"
    rf"{_E}"
)

PREV_WORD_RE = re.compile(r"(\w+)\s*$")
NEXT_WORD_RE = re.compile(r"\s*(\w+)")
