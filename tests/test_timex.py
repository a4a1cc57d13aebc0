"""Time expressions in Arabic and English: spans, kinds, values and precisions.

Every sentence here was written for these tests. Publication is Monday 18 September 2023 unless
a test says otherwise, so "yesterday" is 2023-09-17 and a bare "December" is 2022-12.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import briefing
from briefing.analysis import times as timex
from briefing.analysis.times import find_times
from briefing.models import TimeRef

PUB = date(2023, 9, 18)  # a Monday
SEED = Path(__file__).resolve().parents[2] / "shared/seeds/000_c8deaa993d34b9d2.txt"

Row = tuple[str, str | None, str]


def found(text: str, language: str = "ar", published: date | None = PUB) -> list[Row]:
    """Return (text, value, precision) of each expression, after checking its offsets."""
    exprs = find_times(text, language, published)
    for e in exprs:
        assert text[e.start : e.end] == e.text
    starts = [e.start for e in exprs]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(exprs))
    return [(e.text, e.value, e.precision) for e in exprs]


def only(text: str, language: str = "ar", published: date | None = PUB) -> TimeRef:
    exprs = find_times(text, language, published)
    assert len(exprs) == 1, exprs
    return exprs[0]


# --- Arabic: Gregorian months ------------------------------------------------------------------

AR_MONTHS: list[tuple[str, list[Row]]] = [
    ("عقد المؤتمر في 18 سبتمبر 2023 بحضور الوزراء.", [("18 سبتمبر 2023", "2023-09-18", "day")]),
    (
        "وصل الوفد الاثنين 18 سبتمبر/أيلول إلى العاصمة.",
        [("الاثنين 18 سبتمبر/أيلول", "2023-09-18", "day")],
    ),
    (
        "جرت الانتخابات في ديسمبر/كانون الأول 2022 وسط إقبال ضعيف.",
        [("ديسمبر/كانون الأول 2022", "2022-12", "month")],
    ),
    ("صدرت مذكرة التوقيف في مارس/آذار.", [("مارس/آذار", "2023-03", "month")]),
    ("نشر التقرير في (يوليو) تموز.", [("(يوليو) تموز", "2023-07", "month")]),
    ("نشر التقرير في يوليو (تموز).", [("يوليو (تموز)", "2023-07", "month")]),
    ("افتتح المعرض في مايو أيار الماضي.", [("مايو أيار الماضي", "2023-05", "month")]),
    ("نشرت الدراسة في تشرين الأول 2021.", [("تشرين الأول 2021", "2021-10", "month")]),
    ("بدأت المحادثات في شباط.", [("شباط", "2023-02", "month")]),
    ("أعلنت الخطة في نيسان الماضي.", [("نيسان الماضي", "2023-04", "month")]),
    ("انتشر الوباء في كانون الثاني 2020.", [("كانون الثاني 2020", "2020-01", "month")]),
    ("تراجعت الأسعار في يونيه.", [("يونيه", "2023-06", "month")]),
    ("ارتفعت الصادرات في اغسطس/آب.", [("اغسطس/آب", "2023-08", "month")]),
    ("سافر الوزير في آب الماضي.", [("آب الماضي", "2023-08", "month")]),
    ("عاد الوزير في أيلول/ سبتمبر.", [("أيلول/ سبتمبر", "2023-09", "month")]),
    # Without a year, a month is the nearest one on or before publication.
    ("تنتهي المهلة في ديسمبر.", [("ديسمبر", "2022-12", "month")]),
    ("عقد الاجتماع في سبتمبر.", [("سبتمبر", "2023-09", "month")]),
    ("تجري الانتخابات في نوفمبر المقبل.", [("نوفمبر المقبل", "2023-11", "month")]),
    ("تجري البطولة في سبتمبر المقبل.", [("سبتمبر المقبل", "2024-09", "month")]),
    ("وقع الحادث في يونيو من العام الماضي.", [("يونيو من العام الماضي", "2022-06", "month")]),
    # With a day, المقبل and الماضي count from the day of publication, not its month.
    ("تنتهي المهلة في 20 سبتمبر المقبل.", [("20 سبتمبر المقبل", "2023-09-20", "day")]),
    ("انتهت المهلة في 20 سبتمبر الماضي.", [("20 سبتمبر الماضي", "2022-09-20", "day")]),
    ("انتهت المهلة في 10 سبتمبر الماضي.", [("10 سبتمبر الماضي", "2023-09-10", "day")]),
    ("يبدأ الموسم في منتصف مارس.", [("منتصف مارس", "2023-03", "month")]),
    ("تسلم منصبه مطلع شهر فبراير.", [("مطلع شهر فبراير", "2023-02", "month")]),
    # Days: digits, "من", ordinals, two days at once.
    ("وقع الاتفاق في الخامس من يونيو 2021.", [("الخامس من يونيو 2021", "2021-06-05", "day")]),
    ("وقع الاتفاق في 5 من يونيو.", [("5 من يونيو", "2023-06-05", "day")]),
    (
        "تعقد القمة في الحادي والعشرين من مارس 2024.",
        [("الحادي والعشرين من مارس 2024", "2024-03-21", "day")],
    ),
    (
        "تقام المباراة يومي 25 و26 سبتمبر المقبل.",
        [("يومي 25 و26 سبتمبر المقبل", "2024-09", "month")],
    ),
    # An ordinal that counts weeks leaves the month alone.
    ("بدأ البرنامج في الأسبوع الأول من مارس.", [("مارس", "2023-03", "month")]),
    # A range of two months gives two dates; the year after the second holds for both.
    (
        "خلال الفترة سبتمبر - نوفمبر 2021.",
        [("سبتمبر", "2021-09", "month"), ("نوفمبر 2021", "2021-11", "month")],
    ),
    ("في أبريل ومايو هطلت الأمطار.", [("أبريل", "2023-04", "month"), ("مايو", "2023-05", "month")]),
    # 31 February is no day: the month is still right.
    ("أرجئ الاجتماع إلى 31 فبراير 2023.", [("31 فبراير 2023", "2023-02", "month")]),
]


@pytest.mark.parametrize(("text", "expected"), AR_MONTHS)
def test_arabic_months(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_a_month_spelling_is_a_data_file_line(tmp_path: Path) -> None:
    """A spelling added to a copy of the Arabic month table (languages/ar/data/time/months.txt)
    is read as the month it names: no code changes for a new spelling."""
    text = "وقعت الحادثة في 5 أوغسطس 2023."
    assert found(text) == []  # not a spelling the table holds
    package = Path(briefing.__file__).parent
    copy = tmp_path / "briefing"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "models"))
    with (copy / "languages/ar/data/time/months.txt").open("a", encoding="utf-8") as table:
        table.write("8: أوغسطس\n")
    script = (
        "import json, sys, datetime, briefing\n"
        "from briefing.analysis.times import find_times\n"
        "found = find_times(sys.argv[1], 'ar', datetime.date(2023, 9, 18))\n"
        "print(json.dumps([briefing.__file__] + [[e.text, e.value, e.precision] for e in found]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, text],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr
    module, *dates = json.loads(run.stdout)
    assert Path(module).is_relative_to(copy)
    assert dates == [["5 أوغسطس 2023", "2023-08-05", "day"]]


def test_arabic_month_precision_is_kept() -> None:
    e = only("صدر القرار في مارس 2022.")
    assert (e.value, e.precision, e.kind) == ("2022-03", "month", "date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد في ١٨ سبتمبر ٢٠٢٢.", [("١٨ سبتمبر ٢٠٢٢", "2022-09-18", "day")]),
        ("وصل الوفد في ۱۸ سبتمبر ۲۰۲۲.", [("۱۸ سبتمبر ۲۰۲۲", "2022-09-18", "day")]),
        ("جرى ذلك عام ٢٠٢٢.", [("عام ٢٠٢٢", "2022", "year")]),
        ("وقع الزلزال في ١٨ سبتمبر.", [("١٨ سبتمبر", "2023-09-18", "day")]),
    ],
)
def test_arabic_eastern_and_persian_digits(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The proclitic stays outside; the preposition-word too.
        ("وفي مارس بدأ العمل.", [("مارس", "2023-03", "month")]),
        ("انتهى العمل بحلول ديسمبر.", [("ديسمبر", "2022-12", "month")]),
        ("وضعت خطة لعام 2022.", [("عام 2022", "2022", "year")]),
        ("تغير كل شيء منذ يناير.", [("يناير", "2023-01", "month")]),
        ("وبمارس الماضي تغير الوضع.", [("مارس الماضي", "2023-03", "month")]),
        # لل is ل + ال: the letters cannot be split, so the word stays whole.
        ("وهذه الأرقام للعام الماضي.", [("للعام الماضي", "2022", "year")]),
        # Fixed expressions keep their preposition.
        (
            "وفي وقت سابق من هذا الشهر قال الوزير.",
            [("في وقت سابق من هذا الشهر", "2023-09", "month")],
        ),
    ],
)
def test_arabic_clitics_and_spans(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتفعت الأسعار في 2022 بشكل حاد.", [("2022", "2022", "year")]),
        ("وفي 2022، ارتفعت الأسعار.", [("2022", "2022", "year")]),
        ("تأسست الشركة عام 2022.", [("عام 2022", "2022", "year")]),
        ("تأسست الشركة في العام 2022.", [("العام 2022", "2022", "year")]),
        ("تأسست الشركة سنة 2019.", [("سنة 2019", "2019", "year")]),
        ("بني الجسر عام 1995م.", [("عام 1995م", "1995", "year")]),
        ("توسعت المدينة منذ عام 2011.", [("عام 2011", "2011", "year")]),
        ("تراجعت البطالة مع بداية عام 2020.", [("بداية عام 2020", "2020", "year")]),
        ("اشتد الحر في صيف 2021.", [("صيف 2021", "2021", "year")]),
        (
            "تضاعف الإنتاج بين عامي 2000 و2010.",
            [("عامي 2000", "2000", "year"), ("2010", "2010", "year")],
        ),
    ],
)
def test_arabic_years(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "مارس الرئيس ضغوطا كبيرة على خصومه.",
        "قتل 14 شخصا في الهجوم.",
        "أصيب 2022 شخصاً بالمرض.",
        "يوافق العام الهجري 1444 من دون علامة.",
        "سجلت الوزارة في 2022 حالة جديدة.",
        "صدر القرار رقم 2216 عن مجلس الأمن.",
        "فاز الجواد في سباق على مسافة 2000م.",
        "بلغ المؤشر 2022.5 نقطة.",
        "جرى الحديث عن عام 2500 في رواية.",
        "اشترى سيارة نيسان جديدة.",
        "التقى رجب طيب أردوغان نظيره.",
        "انخفضت الحرارة إلى صفر.",
        "قال الأمين العام الحالي إن الوضع صعب.",
        "احتفلت المملكة باليوم الوطني.",
        "احتفلوا اليوم الوطني بالأعلام.",
        "أدى المصلون صلاة الجمعة في المسجد.",
        "يزداد الوضع سوءا يوما بعد يوم.",
        "وقف أب الشهيد أمام الباب.",
        "وأوضح محمد الخميس رئيس اللجنة أن العمل مستمر.",
        "تفتح السوق أيام الخميس والجمعة.",
        "نشرت صحيفة عين اليوم الخبر.",
        "في اليوم ذاته افتتح المعرض.",
        "بقي الحجاج هناك لمدة أيام.",
    ],
)
def test_arabic_non_dates(text: str) -> None:
    assert found(text) == []


# --- Arabic: weekdays and days around publication ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير أمس الأحد إن المحادثات بدأت.", [("أمس الأحد", "2023-09-17", "day")]),
        ("عقد اللقاء الأربعاء الماضي.", [("الأربعاء الماضي", "2023-09-13", "day")]),
        ("عقد اللقاء يوم الخميس في الرياض.", [("يوم الخميس", "2023-09-14", "day")]),
        ("يعقد اللقاء الخميس المقبل.", [("الخميس المقبل", "2023-09-21", "day")]),
        ("أعلنت الشرطة الجمعة اعتقال المشتبه به.", [("الجمعة", "2023-09-15", "day")]),
        ("وصل الوزير يوم الاثنين.", [("يوم الاثنين", "2023-09-18", "day")]),
        ("وصل الوزير الاثنين الماضي.", [("الاثنين الماضي", "2023-09-11", "day")]),
        ("يصل الوفد غداً.", [("غداً", "2023-09-19", "day")]),
        ("يصل الوفد غدا الثلاثاء.", [("غدا الثلاثاء", "2023-09-19", "day")]),
        ("يصل الوفد يوم غدٍ الثلاثاء.", [("يوم غدٍ الثلاثاء", "2023-09-19", "day")]),
        ("غادر الوفد أول أمس.", [("أول أمس", "2023-09-16", "day")]),
        ("غادر الوفد أمس الأول.", [("أمس الأول", "2023-09-16", "day")]),
        ("يفتتح المعرض اليوم.", [("اليوم", "2023-09-18", "day")]),
        ("يفتتح المعرض اليوم (الاثنين).", [("اليوم (الاثنين)", "2023-09-18", "day")]),
        ("وصل الوفد مساء أمس.", [("مساء أمس", "2023-09-17", "day")]),
        ("تحدث الرئيس بالأمس عن الأزمة.", [("الأمس", "2023-09-17", "day")]),
        ("تنتهي المهلة بعد غد.", [("بعد غد", "2023-09-20", "day")]),
        ("قصفت المدينة الليلة الماضية.", [("الليلة الماضية", "2023-09-17", "day")]),
        # "قبل يوم الجمعة" is "before Friday", not "a day ago".
        ("وصل الوفد قبل يوم الجمعة.", [("يوم الجمعة", "2023-09-15", "day")]),
    ],
)
def test_arabic_days(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


# --- Arabic: periods relative to publication ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The week before a Monday is 9-17 September under any first weekday: all in September.
        ("زار الوزير بكين الأسبوع الماضي.", [("الأسبوع الماضي", "2023-09", "month")]),
        ("زار الوزير بكين الشهر الماضي.", [("الشهر الماضي", "2023-08", "month")]),
        ("زار الوزير بكين العام الماضي.", [("العام الماضي", "2022", "year")]),
        ("زار الوزير بكين السنة الماضية.", [("السنة الماضية", "2022", "year")]),
        ("تنمو الصادرات هذا العام.", [("هذا العام", "2023", "year")]),
        ("تنمو الصادرات خلال العام الجاري.", [("العام الجاري", "2023", "year")]),
        ("تنمو الصادرات هذا الشهر.", [("هذا الشهر", "2023-09", "month")]),
        ("تصدر النتائج الشهر المقبل.", [("الشهر المقبل", "2023-10", "month")]),
        ("تصدر النتائج العام المقبل.", [("العام المقبل", "2024", "year")]),
        ("تصدر النتائج مطلع الشهر المقبل.", [("مطلع الشهر المقبل", "2023-10", "month")]),
        (
            "زار موسكو في وقت سابق من هذا العام.",
            [("في وقت سابق من هذا العام", "2023", "year")],
        ),
        # Next week runs from 23 September to 1 October: only the year covers it.
        ("تبدأ المفاوضات الأسبوع المقبل.", [("الأسبوع المقبل", "2023-09", "month")]),
    ],
)
def test_arabic_periods(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_arabic_last_week_across_new_year_takes_the_likelier_month() -> None:
    # Published Monday 8 January 2024: last week is 30 December to 7 January, mostly January
    # (the value is marked approximate, so the cross-reference gives it a week's reach).
    assert found("التقى الرئيسان الأسبوع الماضي.", published=date(2024, 1, 8)) == [
        ("الأسبوع الماضي", "2024-01", "month")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد منذ ثلاثة أيام.", [("منذ ثلاثة أيام", "2023-09-15", "day")]),
        ("وصل الوفد قبل أسبوع.", [("قبل أسبوع", "2023-09-11", "day")]),
        ("وصل الوفد قبل يومين.", [("قبل يومين", "2023-09-16", "day")]),
        ("يصل الوفد بعد يومين.", [("بعد يومين", "2023-09-20", "day")]),
        ("توقف المشروع منذ عامين.", [("منذ عامين", "2021", "year")]),
        ("توقف المشروع منذ سنتين.", [("منذ سنتين", "2021", "year")]),
        ("توقف المشروع قبل شهرين.", [("قبل شهرين", "2023-07", "month")]),
        ("بدأ البناء قبل خمسة عشر عاما.", [("قبل خمسة عشر عاما", "2008", "year")]),
        ("بدأ البناء قبل عشرين عاماً.", [("قبل عشرين عاماً", "2003", "year")]),
        ("بدأ البناء منذ ٣ أسابيع.", [("منذ ٣ أسابيع", "2023-08-28", "day")]),
        ("بدأ البناء قبل نحو 10 سنوات.", [("قبل نحو 10 سنوات", "2013", "year")]),
        ("يكتمل البناء بعد 35 عاماً من الآن.", [("بعد 35 عاماً", "2058", "year")]),
        # Hours move a date only by whole days.
        ("وصل الوفد منذ ساعتين.", [("منذ ساعتين", "2023-09-18", "day")]),
        ("وصل الوفد منذ 48 ساعة.", [("منذ 48 ساعة", "2023-09-16", "day")]),
        # Counted from another event of the story: no value.
        ("أعلن الحداد بعد يومين من الهجوم.", [("بعد يومين", None, "relative")]),
    ],
)
def test_arabic_offsets_from_publication(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


# --- Arabic: Hijri -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("صدر القرار في 15 شعبان 1445هـ.", [("15 شعبان 1445هـ", "2024-02-25", "day")]),
        (
            "صدر القرار في الأول من ذي الحجة 1444 للهجرة.",
            [("الأول من ذي الحجة 1444 للهجرة", "2023-06-19", "day")],
        ),
        ("توفي يوم الجمعة 1436/10/15هـ.", [("الجمعة 1436/10/15هـ", "2015-07-31", "day")]),
        ("وقدم الطلب بتاريخ ٣ / ٧ / ١٤٣٤هـ.", [("٣ / ٧ / ١٤٣٤هـ", "2013-05-13", "day")]),
        # Ramadan 1444 ran from 23 March to 20 April 2023: only the year covers it.
        ("جرى ذلك في رمضان 1444 هـ.", [("رمضان 1444 هـ", "2023", "year")]),
        ("جرى ذلك في محرم 1445 هجري.", [("محرم 1445 هجري", "2023", "year")]),
        # Ramadan 1446 ran from 1 to 29 March 2025: one month holds it.
        ("جرى ذلك في رمضان 1446هـ.", [("رمضان 1446هـ", "2025-03", "month")]),
        ("جرى ذلك في شوال 1443.", [("شوال 1443", "2022-05", "month")]),
        # Jumada al-Akhirah 1445 crosses a Gregorian new year: no value covers it.
        ("جرى ذلك في جمادى الآخرة 1445هـ.", [("جمادى الآخرة 1445هـ", None, "relative")]),
        ("رممت القلعة عام 1436هـ.", [("عام 1436هـ", None, "relative")]),
        # Without a year: the nearest past one (publication is in Rabi al-Awwal 1445).
        ("اجتمعوا في شهر رمضان.", [("شهر رمضان", "2023", "year")]),
        ("يجتمعون في رمضان المقبل.", [("رمضان المقبل", "2024", "year")]),
        ("اجتمعوا في 27 رمضان.", [("27 رمضان", "2023-04-18", "day")]),
    ],
)
def test_arabic_hijri(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


# --- Arabic: numeric dates and durations -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انتهت المهلة في 18/9/2023.", [("18/9/2023", "2023-09-18", "day")]),
        ("انتهت المهلة في 2023/9/18.", [("2023/9/18", "2023-09-18", "day")]),
        ("انتهت المهلة في 5-6-2023.", [("5-6-2023", "2023-06-05", "day")]),
        # A second number above 12 shows this text writes the month first.
        (
            "بين 9/18/2023 و5/6/2023.",
            [("9/18/2023", "2023-09-18", "day"), ("5/6/2023", "2023-05-06", "day")],
        ),
        ("انتهت المهلة في 31/02/2023.", []),
    ],
)
def test_arabic_numeric_dates(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "quantity", "unit"),
    [
        ("وانغ موجود في روسيا لمدة أربعة أيام.", "أربعة أيام", "P4D", 4, "day"),
        ("الوفد موجود لمدة ٤ أيام.", "٤ أيام", "P4D", 4, "day"),
        ("تستمر المعارك على مدى يومين.", "يومين", "P2D", 2, "day"),
        ("استمرت الاحتجاجات ثلاثة أسابيع.", "ثلاثة أسابيع", "P3W", 3, "week"),
        ("أعلن عن زيارة تستغرق أربعة أيام.", "أربعة أيام", "P4D", 4, "day"),
        ("وقع عقدا لمدة عام واحد.", "عام واحد", "P1Y", 1, "year"),
        ("وقع عقدا لمدة ثلاث سنوات.", "ثلاث سنوات", "P3Y", 3, "year"),
        ("أغلق الطريق لمدة ساعتين.", "ساعتين", "PT2H", 2, "hour"),
        ("أغلق الطريق لمدة 24 ساعة.", "24 ساعة", "PT24H", 24, "hour"),
        ("تغيب لمدة شهرين.", "شهرين", "P2M", 2, "month"),
        ("تراجعت الحوادث خلال الأيام الثلاثة الماضية.", "الأيام الثلاثة الماضية", "P3D", 3, "day"),
        ("تحسن الأداء خلال العامين الماضيين.", "العامين الماضيين", "P2Y", 2, "year"),
    ],
)
def test_arabic_durations(text: str, span: str, value: str, quantity: float, unit: str) -> None:
    e = only(text)
    assert (e.text, e.kind, e.value, e.precision) == (span, "duration", value, "duration")
    assert (e.quantity, e.unit) == (quantity, unit)


def test_arabic_without_publication_date() -> None:
    text = (
        "زار الوفد العاصمة الأسبوع الماضي وفي مارس، ثم في 18 سبتمبر 2023، وغادر أمس بعد زيارة "
        "لمدة يومين، وكان قد زارها في رمضان 1446هـ."
    )
    assert found(text, published=None) == [
        ("الأسبوع الماضي", None, "relative"),
        ("مارس", None, "relative"),
        ("18 سبتمبر 2023", "2023-09-18", "day"),
        ("أمس", None, "relative"),
        ("يومين", "P2D", "duration"),
        ("رمضان 1446هـ", "2025-03", "month"),
    ]


def test_arabic_harakat_and_tatweel_keep_offsets() -> None:
    text = "وَصَلَ الوفدُ غَداً، وفي شـهر مـارس ٢٠٢١م."
    assert found(text) == [("غَداً", "2023-09-19", "day"), ("شـهر مـارس ٢٠٢١م", "2021-03", "month")]


# --- English -------------------------------------------------------------------------------------

EN_CASES: list[tuple[str, list[Row]]] = [
    ("The minister arrived on 18 September 2023.", [("18 September 2023", "2023-09-18", "day")]),
    ("Talks began on September 18, 2023.", [("September 18, 2023", "2023-09-18", "day")]),
    ("Talks began on Sept. 18 in Geneva.", [("Sept. 18", "2023-09-18", "day")]),
    ("He was born on the 5th of May 1990.", [("the 5th of May 1990", "1990-05-05", "day")]),
    ("It closed in June 2004.", [("June 2004", "2004-06", "month")]),
    ("It opened in mid-June 2004.", [("mid-June 2004", "2004-06", "month")]),
    ("The vote took place in March.", [("March", "2023-03", "month")]),
    ("The vote takes place in December.", [("December", "2022-12", "month")]),
    ("The vote took place last May.", [("last May", "2023-05", "month")]),
    ("The vote takes place next March.", [("next March", "2024-03", "month")]),
    ("It ends in February next year.", [("February next year", "2024-02", "month")]),
    ("It ended at the end of June.", [("the end of June", "2023-06", "month")]),
    ("Growth slowed in 2022.", [("2022", "2022", "year")]),
    ("Growth has slowed since 2019.", [("2019", "2019", "year")]),
    ("Growth slowed in early 2021.", [("early 2021", "2021", "year")]),
    ("Prices rose in the summer of 2021.", [("summer of 2021", "2021", "year")]),
    ("Prices rose from 2001 to 2005.", [("2001", "2001", "year"), ("2005", "2005", "year")]),
    ("The minister spoke on Monday.", [("Monday", "2023-09-18", "day")]),
    ("The minister spoke on Wednesday.", [("Wednesday", "2023-09-13", "day")]),
    ("The minister spoke last Monday.", [("last Monday", "2023-09-11", "day")]),
    ("The minister speaks next Wednesday.", [("next Wednesday", "2023-09-20", "day")]),
    ("The minister speaks this Friday.", [("this Friday", "2023-09-22", "day")]),
    ("The minister spoke yesterday.", [("yesterday", "2023-09-17", "day")]),
    ("Today, the firm said it would cut jobs.", [("Today", "2023-09-18", "day")]),
    ("The firm will report tomorrow.", [("tomorrow", "2023-09-19", "day")]),
    ("Shares fell last week.", [("last week", "2023-09", "month")]),
    ("Shares fell earlier this month.", [("earlier this month", "2023-09", "month")]),
    ("Shares fell last year.", [("last year", "2022", "year")]),
    ("Shares fell earlier this year.", [("earlier this year", "2023", "year")]),
    ("Shares will rise next month.", [("next month", "2023-10", "month")]),
    ("Shares fell at the end of last year.", [("the end of last year", "2022", "year")]),
    # The past year is the twelve months before publication: no one year holds them.
    ("Shares fell 5% over the past year.", [("the past year", None, "relative")]),
    ("Shares fell 5% over the past week.", [("the past week", "2023-09", "month")]),
    ("The law passed three years ago.", [("three years ago", "2020", "year")]),
    ("The law passed two days ago.", [("two days ago", "2023-09-16", "day")]),
    ("The law passed a fortnight ago.", [("a fortnight ago", "2023-09-04", "day")]),
    ("The law passed 48 hours ago.", [("48 hours ago", "2023-09-16", "day")]),
    (
        "Talks began on Monday, September 11, 2023.",
        [("Monday, September 11, 2023", "2023-09-11", "day")],
    ),
    ("Sales fell in May and June.", [("May", "2023-05", "month"), ("June", "2023-06", "month")]),
    # Counted from an event of the story, not from publication.
    ("Two days later he resigned.", [("Two days later", None, "relative")]),
    ("The next day he resigned.", [("The next day", None, "relative")]),
    (
        "The month before, he had resigned the previous week.",
        [("the previous week", None, "relative")],
    ),
    # Numeric dates: day first by default...
    ("The deadline was 05/06/2023.", [("05/06/2023", "2023-06-05", "day")]),
    ("The deadline was 2023-09-14.", [("2023-09-14", "2023-09-14", "day")]),
    # ...month first when another date of the text proves it...
    (
        "Filed 09/18/2023, amended 05/06/2023.",
        [("09/18/2023", "2023-09-18", "day"), ("05/06/2023", "2023-05-06", "day")],
    ),
    # ...or when the text writes American dates.
    (
        "On September 10, 2023 the deadline moved to 05/06/2024.",
        [("September 10, 2023", "2023-09-10", "day"), ("05/06/2024", "2024-05-06", "day")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english(text: str, expected: list[Row]) -> None:
    assert found(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "Thousands joined the March against the war.",
        "Jan Smith and April Jones met June Brown.",
        "In 2000 people attended the rally.",
        "Coverage starts from 1900 GMT.",
        "Black Friday sales were strong.",
        "The Sunday Times said so.",
        "He told the BBC's Today programme.",
        "The shop opens on a Sunday now and then.",
        "The 2004-05 season was long.",
        "A 10-year-old boy was hurt.",
        "It happened in the 1990s.",
    ],
)
def test_english_non_dates(text: str) -> None:
    assert found(text, "en") == []


@pytest.mark.parametrize(
    ("text", "span", "value", "quantity", "unit"),
    [
        ("The minister began a four-day visit.", "four-day", "P4D", 4, "day"),
        ("They signed a two-year deal.", "two-year", "P2Y", 2, "year"),
        ("Workers began a 24-hour strike.", "24-hour", "PT24H", 24, "hour"),
        ("The talks lasted for three weeks.", "three weeks", "P3W", 3, "week"),
        ("He was jailed for five years.", "five years", "P5Y", 5, "year"),
        ("Prices rose over the past twenty-five years.", "twenty-five years", "P25Y", 25, "year"),
        ("The site ran for a couple of months.", "a couple of months", "P2M", 2, "month"),
        ("The ban lasts for a fortnight.", "a fortnight", "P2W", 2, "week"),
    ],
)
def test_english_durations(text: str, span: str, value: str, quantity: float, unit: str) -> None:
    e = only(text, "en")
    assert (e.text, e.kind, e.value, e.precision) == (span, "duration", value, "duration")
    assert (e.quantity, e.unit) == (quantity, unit)


def test_english_without_publication_date() -> None:
    text = "On Monday, two days ago and last year; in March; on 18 September 2023; in 2022."
    assert found(text, "en", published=None) == [
        ("Monday", None, "relative"),
        ("two days ago", None, "relative"),
        ("last year", None, "relative"),
        ("March", None, "relative"),
        ("18 September 2023", "2023-09-18", "day"),
        ("2022", "2022", "year"),
    ]


# --- The dispatcher and the calendar arithmetic ------------------------------------------------


def test_dispatch_by_language_code() -> None:
    assert found("زار الوزير بكين العام الماضي.", "ar-EG") == [("العام الماضي", "2022", "year")]
    assert found("Shares fell last year.", "EN") == [("last year", "2022", "year")]
    assert find_times("Le 18 septembre 2023.", "fr", PUB) == []


def test_select_longest_keeps_longest_and_sorts() -> None:
    def expr(start: int, end: int, value: str | None = "2023") -> TimeRef:
        return TimeRef(start, end, "x" * (end - start), "date", value, "year")

    candidates = [expr(5, 9), expr(0, 4), expr(3, 12, None), expr(12, 14), expr(3, 12)]
    kept = timex.select_longest(candidates)
    assert [(e.start, e.end, e.value) for e in kept] == [(3, 12, "2023"), (12, 14, "2023")]


@pytest.mark.parametrize(
    ("published", "offset", "first", "last"),
    [
        (date(2023, 9, 18), -1, date(2023, 9, 9), date(2023, 9, 17)),  # a Monday
        (date(2023, 9, 16), -1, date(2023, 9, 3), date(2023, 9, 15)),  # a Saturday
        (date(2023, 9, 18), 0, date(2023, 9, 16), date(2023, 9, 24)),
        (date(2023, 9, 18), 1, date(2023, 9, 23), date(2023, 10, 1)),
    ],
)
def test_week_span(published: date, offset: int, first: date, last: date) -> None:
    assert timex.week_span(published, offset) == (first, last)


def test_calendar_helpers() -> None:
    assert timex.covering(date(2023, 3, 1), date(2023, 3, 31)) == ("2023-03", "month")
    assert timex.covering(date(2023, 3, 23), date(2023, 4, 20)) == ("2023", "year")
    assert timex.covering(date(2023, 12, 20), date(2024, 1, 5)) == (None, "relative")
    assert timex.covering(date(2023, 3, 1), date(2023, 3, 1)) == ("2023-03-01", "day")
    assert timex.weekday_date(PUB, 0, 0) == PUB
    assert timex.weekday_date(PUB, 0, -1) == date(2023, 9, 11)
    assert timex.weekday_date(PUB, 0, 1) == date(2023, 9, 25)
    assert timex.weekday_date(PUB, 6, 0) == date(2023, 9, 17)
    assert timex.month_year(PUB, 9, 0) == 2023
    assert timex.month_year(PUB, 9, -1) == 2022
    assert timex.month_year(PUB, 9, 1) == 2024
    assert timex.month_year(PUB, 12, 0) == 2022
    assert timex.shift_month(2023, 1, -2) == (2022, 11)
    assert timex.offset_value(PUB, -3, "month") == ("2023-06", "month")
    assert timex.duration_value(1.5, "year") == "P1.5Y"
    assert timex.duration_value(5, "hour") == "PT5H"
    assert timex.day_first([(5, 6)], default=False) is False
    assert timex.day_first([(5, 6), (18, 9)], default=False) is True
    assert timex.day_first([(9, 18)], default=True) is False


# --- The seed article and speed ------------------------------------------------------------------

# The seed's gold dates (eval/seed.gold.yaml): a found date matches a gold one when either text
# holds the other, and its value must be one of the gold values.
SEED_GOLD = [
    ("في وقت سابق من هذا الشهر", {"2023-09"}),
    ("مارس/آذار", {"2023-03"}),
    ("ديسمبر/كانون الأول 2022", {"2022-12"}),
    ("الأسبوع الماضي", {"2023-09", "2023-09-11"}),
    ("العام الماضي", {"2022"}),
    ("يوليو/تموز", {"2023-07"}),
    ("في وقت سابق من هذا العام", {"2023"}),
]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not on this machine")
def test_seed_article_dates() -> None:
    text = SEED.read_text(encoding="utf-8")
    exprs = find_times(text, "ar", PUB)
    for e in exprs:
        assert text[e.start : e.end] == e.text
    dates = [e for e in exprs if e.kind == "date"]
    for gold, values in SEED_GOLD:
        matches = [e for e in dates if gold in e.text or e.text in gold]
        assert any(e.value in values for e in matches), (gold, matches)
    durations = [(e.text, e.value) for e in exprs if e.kind == "duration"]
    assert ("أربعة أيام", "P4D") in durations


def test_arabic_speed_on_100_kb() -> None:
    paragraph = (
        "وقال الوزير أمس الأحد إن المحادثات التي بدأت في مارس/آذار الماضي ستستمر لمدة ثلاثة أيام، "
        "وإن الوفد سيعود في 18 سبتمبر 2023 بعد جولة شملت عدة عواصم منذ عام 2021. وأضاف أن "
        "الاتفاق الذي وقع في 15 شعبان 1445هـ يغطي العام المقبل، وأن 2022 شخصاً استفادوا منه.\n"
    )
    text = paragraph * (100_000 // len(paragraph) + 1)
    find_times(text[:2000], "ar", PUB)  # warm up: imports and compiled patterns
    started = time.perf_counter()
    exprs = find_times(text, "ar", PUB)
    elapsed = time.perf_counter() - started
    assert len(exprs) > 1000
    assert elapsed < 1.0, f"{elapsed:.2f} s for {len(text)} characters"


def test_english_weekday_in_a_future_sentence_is_the_coming_one() -> None:
    published = date(2022, 12, 11)  # a Sunday
    found = find_times(
        "Morocco will face France on Wednesday. The coach spoke on Wednesday.", "en", published
    )
    assert [t.value for t in found] == ["2022-12-14", "2022-12-07"]


def test_english_days_later_count_from_the_day_the_story_named() -> None:
    import datetime as dt

    from briefing.analysis.times import find_times

    text = "Talks began on 3 May in Jeddah. Two days later the sides signed; a week earlier, none."
    found = {t.text: t.value for t in find_times(text, "en", dt.date(2023, 5, 10))}
    assert found["Two days later"] == "2023-05-05"
    assert found["a week earlier"] == "2023-04-28"
    alone = find_times("It ended two days later.", "en", dt.date(2023, 5, 10))
    assert [t.value for t in alone] == [None]  # no day before it to count from


def test_a_week_across_two_months_takes_the_likelier_month_marked_approximate() -> None:
    import datetime as dt

    from briefing.analysis.times import find_times

    (inside,) = find_times("They met last week.", "en", dt.date(2023, 9, 18))
    assert (inside.value, inside.approximate) == ("2023-09", False)
    (across,) = find_times("They met last week.", "en", dt.date(2022, 12, 11))
    assert (across.value, across.precision, across.approximate) == ("2022-12", "month", True)
    (arabic,) = find_times("التقيا الأسبوع الماضي.", "ar", dt.date(2022, 12, 4))
    assert (arabic.value, arabic.approximate) == ("2022-11", True)


def test_english_bare_month_in_a_future_sentence_is_the_coming_one() -> None:
    import datetime as dt

    from briefing.analysis.times import find_times

    published = dt.date(2023, 9, 10)
    (future,) = find_times("Brazil will take over the presidency in December.", "en", published)
    (past,) = find_times("The talks ended in December.", "en", published)
    (day,) = find_times("The leaders will meet on 3 March.", "en", published)
    assert (future.value, past.value, day.value) == ("2023-12", "2022-12", "2024-03-03")
