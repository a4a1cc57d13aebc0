"""Time expressions as real news writes them: the tense of the clause, the story's own year,
the weekend, periods counted back (السابق, "the previous quarter"), and years that date a noun.

Every sentence here was written for these tests; each goes through the whole pipeline.
"""

from __future__ import annotations

from datetime import date

import pytest

import briefing

MONDAY = date(2023, 9, 18)
SATURDAY = date(2023, 9, 23)


def dates(text: str, language: str, published: date) -> dict[str, str | None]:
    """Return each date of the briefing as text -> value."""
    record = briefing.brief(text, language=language, published=published)
    return {d.text: d.value for d in record.dates}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # The future prefix, سوف and أن before a verb put a bare weekday or month ahead.
        ("قال المنظمون إن المعرض سيبدأ الأربعاء في العاصمة.", "ar", {"الأربعاء": "2023-09-20"}),
        ("أعلنت الوزارة أنها سوف تطلق الحملة في نوفمبر.", "ar", {"نوفمبر": "2023-11"}),
        ("قرر المجلس عقد اجتماع طارئ في أغسطس.", "ar", {"أغسطس": "2024-08"}),
        ("افتتح الوزير المعرض الأربعاء.", "ar", {"الأربعاء": "2023-09-13"}),
        ("The council will vote on Wednesday, officials said.", "en", {"Wednesday": "2023-09-20"}),
        ("The museum is going to reopen in November.", "en", {"November": "2023-11"}),
        # A weekday in a clause of its own keeps the past: "than Friday's price".
        (
            "The company will buy the shares for $10 each, 5% more than Friday's closing price.",
            "en",
            {"Friday": "2023-09-15"},
        ),
        # Written on the day it names, a weekday ahead is that day.
        ("The minister will speak on Monday evening.", "en", {"Monday evening": "2023-09-18"}),
    ],
)
def test_the_tense_of_the_clause_sets_the_direction(
    text: str, language: str, expected: dict[str, str]
) -> None:
    assert dates(text, language, MONDAY).items() >= expected.items()


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("اندلعت المواجهات في 2019 وتجددت في مارس.", "ar", {"مارس": "2019-03"}),
        ("The strike began in 2018 and ended in March.", "en", {"March": "2018-03"}),
    ],
)
def test_a_year_written_earlier_in_the_sentence_governs_a_bare_month(
    text: str, language: str, expected: dict[str, str]
) -> None:
    assert dates(text, language, MONDAY).items() >= expected.items()


def test_arabic_weekend_and_periods_counted_back() -> None:
    text = (
        "غرقت عشرات المنازل خلال عطلة نهاية الأسبوع. وارتفعت المبيعات مقارنة بالعام السابق، "
        "بعد هبوطها في الأسبوع السابق ثم صعودها مطلع الأسبوع. ويتوقع المدرب تحسنا الموسم المقبل."
    )
    found = dates(text, "ar", SATURDAY)
    assert found["عطلة نهاية الأسبوع"] == "2023-09"
    assert found["العام السابق"] == "2022"
    assert found["الأسبوع السابق"] == "2023-09"
    assert found["مطلع الأسبوع"] == "2023-09"
    assert found["الموسم المقبل"] == "2024"


def test_english_weekend_and_previous_quarter() -> None:
    text = "Shops were crowded over the weekend. Sales rose 4% on the previous quarter."
    found = dates(text, "en", MONDAY)
    assert found["the weekend"] == "2023-09"
    assert found["the previous quarter"] == "2023"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("شارك العداء في دورة الألعاب الآسيوية 2018.", "ar", {"2018": "2018"}),
        ("افتتح الملعب الوطني (1974) بعد ترميمه.", "ar", {"1974": "1974"}),
        ("She beat the 2019 Wimbledon finalist in two sets.", "en", {"2019": "2019"}),
        ("The 2016 campaign was his best.", "en", {"2016": "2016"}),
        ("They marked the city's 1944 liberation.", "en", {"1944": "1944"}),
        ("Fans waited in the damp November fog.", "en", {"November": "2022-11"}),
    ],
)
def test_a_year_or_month_before_or_after_the_noun_it_dates(
    text: str, language: str, expected: dict[str, str]
) -> None:
    assert dates(text, language, MONDAY).items() >= expected.items()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The 2000 people who marched were counted.", "en"),
        ("Thousands joined the March against the war.", "en"),
        ("التقى الأمين العام السابق بالوفد.", "ar"),
    ],
)
def test_counts_and_titles_stay_no_dates(text: str, language: str) -> None:
    assert dates(text, language, MONDAY) == {}
