"""Entities as real news writes them: names in quotes after the noun that says what they name,
verbs and nouns in their case that the model takes for names, currencies after a number,
firms joined by "&", and demonyms that are no place or body.

Every sentence here was written for these tests; each goes through the whole pipeline.
"""

from __future__ import annotations

from datetime import date

import pytest

import briefing

MONDAY = date(2023, 9, 18)


def entities(text: str, language: str) -> dict[str, str]:
    """Return each entity of the briefing as name -> type."""
    record = briefing.brief(text, language=language, published=MONDAY)
    return {e.name: e.type for e in record.entities}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # A name in quotes after سهم, شركة, موقع, "the newspaper": an organisation.
        (
            'وتصدر الارتفاعات سهم "نماء للأسمدة" بنسبة 5 في المائة، يليه سهم "ريادة" بنسبة 3.',
            "ar",
            "نماء للأسمدة",
        ),
        (
            'وتصدر الارتفاعات سهم "نماء للأسمدة" بنسبة 5 في المائة، يليه سهم "ريادة" بنسبة 3.',
            "ar",
            "ريادة",
        ),
        ("ونقلت صحيفة «الوطن الجديد» عن مصادر مطلعة أن الاجتماع تأجل.", "ar", "الوطن الجديد"),
        (
            'The coach told the newspaper "Deportes Hoy" that he would stay another season.',
            "en",
            "Deportes Hoy",
        ),
    ],
)
def test_quoted_name_after_an_organisation_noun_is_an_organisation(
    text: str, language: str, name: str
) -> None:
    assert entities(text, language).get(name) == "ORG"


@pytest.mark.parametrize(
    ("text", "language", "work"),
    [
        ("وحذر باحثون من ثغرة «ظل الذئب» التي تصيب الهواتف القديمة.", "ar", "ظل الذئب"),
        ("وعرض المهرجان فيلم «ليلة في القاهرة» للمرة الأولى.", "ar", "ليلة في القاهرة"),
        ('Critics praised the film "Marian Holt" at the festival on Sunday.', "en", "Marian Holt"),
        ('Researchers found the virus "Kestrel" on thousands of phones.', "en", "Kestrel"),
    ],
)
def test_quoted_work_or_product_is_no_entity(text: str, language: str, work: str) -> None:
    found = entities(text, language)
    assert not any(work in name or name in work for name in found), found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A verb in another person of a common verb (تستضيف beside يستضيف), a noun in the
        # accusative (أسبوعا beside أسبوع), a currency after a number.
        ("قالت اللجنة إن المدينة تستضيف البطولة، وإن تستضيف الألعاب يعني الكثير.", "تستضيف"),
        ("سجلت الأسهم أسبوعا خاسرا، وكان أسبوعا صعبا على المتعاملين.", "أسبوعا"),
        ("وأغلق السهم عند 41.5 ريال، بعد تداولات بلغت 2.3 مليار ريال.", "ريال"),
    ],
)
def test_inflected_common_words_and_units_are_no_names(text: str, word: str) -> None:
    assert word not in entities(text, "ar")


def test_firm_joined_by_ampersand_is_one_organisation() -> None:
    found = entities(
        "Shares of Carter & Lowe rose after Carter & Lowe agreed to buy a smaller rival.", "en"
    )
    assert found.get("Carter & Lowe") == "ORG", found
    assert "Carter" not in found and "Lowe" not in found


def test_demonyms_are_no_places_or_bodies() -> None:
    found = entities(
        "The Briton won in three sets. Earlier, Chilean Olympic champion Nicolas Rios lost "
        "to a Briton in the first round in Melbourne.",
        "en",
    )
    assert "Briton" not in found and "Chilean Olympic" not in found, found


def test_country_written_as_the_adjective_of_a_definite_noun_is_no_place() -> None:
    # الأسهم السعودية, الطائرة الإغاثية السعودية: the adjective; في السعودية and إليه السعودية
    # (a preposition with its pronoun before it): the country.
    text = (
        "وتراجعت الأسهم السعودية في نهاية الأسبوع، بينما وصلت الطائرة الإغاثية السعودية "
        "إلى المطار. وقال مسؤولون في السعودية إن الرحلات ستستمر، بعد الاتفاق الذي توصلت "
        "إليه السعودية والكويت."
    )
    record = briefing.brief(text, language="ar", published=MONDAY)
    starts = [m.start for e in record.entities for m in e.mentions if m.text == "السعودية"]
    assert starts == [text.index("في السعودية") + 3, text.index("إليه السعودية") + 5]


def test_cities_listed_after_a_club_are_clubs_only_among_teams() -> None:
    ar = entities(
        "وجذب اللاعب انتباه الأندية الكبرى مثل ريال مدريد وبرشلونة وفالنسيا.\n\n"
        "ووقعت الأمم المتحدة وفرنسا الاتفاق.",
        "ar",
    )
    assert ar["برشلونة"] == "ORG" and ar["فالنسيا"] == "ORG"
    assert ar["فرنسا"] == "GPE"
    en = entities(
        "He drew interest from big clubs such as Real Madrid, Barcelona and Valencia.\n\n"
        "The UN and France signed the deal.",
        "en",
    )
    assert en["Barcelona"] == "ORG" and en["Valencia"] == "ORG"
    assert en["France"] == "GPE"
