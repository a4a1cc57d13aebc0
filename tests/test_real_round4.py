"""Fourth round of real articles: the days and weeks next to publication ("in the coming days",
"خلال اليومين القادمين") are dates, resolved to the month those days fall in; Arabic sentences
chained by و and a verb with its own subject, no comma between, are claims of their own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import brief_text, make_briefing, roles_of, speaker_of


def _dates(b: dict[str, object]) -> dict[str, object]:
    return {d["text"]: d["value"] for d in b["dates"]}  # type: ignore[attr-defined]


def test_the_coming_and_recent_days_are_dates_english(tmp_path: Path) -> None:
    # Published Thursday 7 March 2024.
    b = brief_text(
        tmp_path,
        "The new coach is expected to arrive in the coming days, the club said.\n\n"
        "Ticket prices rose sharply in recent weeks, fans complained.\n\n"
        "Two more ferries will sail within the next two weeks.\n\n"
        "Rain fell over the past few days across the north.",
        language="en",
    )
    values = _dates(b)
    assert values["the coming days"] == "2024-03"
    assert values["recent weeks"] == "2024-02"  # 8 Feb - 6 Mar: mostly February
    assert values["the next two weeks"] == "2024-03"
    assert values["the past few days"] == "2024-03"


def test_the_coming_and_recent_days_are_dates_arabic(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "وسيصل المدرب الجديد إلى مقر الفريق خلال اليومين القادمين بعد حصوله على التأشيرة.\n\n"
        "وأعلنت الشركة أن الأسعار سترتفع خلال الأيام المقبلة في جميع المدن.\n\n"
        "وشهدت الأسواق تراجعا كبيرا في الأسابيع القليلة الماضية بحسب التجار.",
    )
    values = _dates(b)
    assert values["خلال اليومين القادمين"] == "2024-03"
    assert values["خلال الأيام المقبلة"] == "2024-03"
    assert values["في الأسابيع القليلة الماضية"] == "2024-02"


def _claims(b: dict[str, object]) -> list[dict[str, object]]:
    return [c for c in b["claims"] if c["kind"] != "role"]  # type: ignore[attr-defined,index]


def test_and_with_a_verb_and_its_subject_opens_a_sentence_arabic(tmp_path: Path) -> None:
    # Arabic chains a story's sentences with و and no comma: each verb with its own subject
    # starts a claim of its own, and its speaker is its own.
    b = brief_text(
        tmp_path,
        "خاض المنتخب الوطني مباراته الودية الثانية أمام فريق محلي في العاصمة وانتهت المباراة "
        "بفوز المنتخب بهدفين نظيفين وقال المدرب أحمد سالم إن اللاعبين قدموا مستوى جيدا في "
        "الشوط الثاني.",
    )
    texts = [str(c["text"]) for c in _claims(b)]
    assert texts[0].endswith("في العاصمة")
    assert texts[1].startswith("وانتهت المباراة بفوز المنتخب")
    assert "وانتهت" not in texts[0]
    assert speaker_of(b, "اللاعبين قدموا") == "المدرب أحمد سالم"
    assert speaker_of(b, "وانتهت المباراة") is None


def test_and_with_a_verb_but_no_subject_goes_on_arabic(tmp_path: Path) -> None:
    # وعادت للمملكة: the same subject goes on (a preposition follows, no subject): one claim.
    b = brief_text(
        tmp_path,
        "وغادرت البعثة الفندق صباح اليوم ثم توجهت إلى المطار وعادت للمملكة بعد رحلة طويلة "
        "استمرت عشر ساعات.",
    )
    assert len(_claims(b)) == 1


def test_a_month_or_day_of_a_clause_about_what_comes_is_the_coming_one(tmp_path: Path) -> None:
    # Published Thursday 7 March 2024. The verb after the expression tells the tense ("The
    # May show will open …"), "is" before a day makes it a deadline, an aside between commas
    # keeps the clause's future, and a relative clause has a tense of its own.
    b = brief_text(
        tmp_path,
        "The theatre will stage the play on Friday, 14 June. The June run will end a long tour "
        "of the north.\n\n"
        "The closing date for entries is 2 April, the organisers said.\n\n"
        "The fair will be held at Riverside, near Leeds, from 9-11 August.\n\n"
        "The office will write to customers who bought seats for the February show.\n\n"
        "He was arrested in June and will appear in court next month.",
        language="en",
    )
    found = [(d["text"], d["value"]) for d in b["dates"]]
    assert ("June", "2024-06") in found
    assert ("2 April", "2024-04-02") in found
    assert ("9-11 August", "2024-08") in found
    assert ("February", "2024-02") in found
    assert ("June", "2023-06") in found  # arrested in June: the past one


def test_days_later_count_from_the_month_the_story_returned_to(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "The band will play Leeds on Friday, 14 June. Fans who bought tickets for the cancelled "
        "2 March show can attend. The June show will warm up for a festival set in York four "
        "days later.",
        language="en",
    )
    values = {d["text"]: d["value"] for d in b["dates"]}
    assert values["four days later"] == "2024-06-18"


_VENUES = """\
version: 1
entities:
  - {id: band, type: ORG, name: The Larks, aliases: {en: [The Larks, Larks]}}
  - {id: city, type: GPE, name: Leeds, aliases: {en: [Leeds]}}
  - {id: park, type: LOC, name: Roundhay Park, aliases: {en: [Roundhay Park]}}
  - {id: arena, type: LOC, name: First Direct Arena, aliases: {en: [First Direct Arena]}}
facts:
  - id: larks-park
    statement: The Larks play Roundhay Park in Leeds on 14 June 2024.
    about: [band]
    cues: {en: [will play]}
    date: 2024-06-14
    place: park
    sources:
      - {title: Summer concerts, publisher: City Council, url: "https://example.org/concerts"}
"""


def _with_venues(tmp_path: Path, body: str) -> dict[str, object]:
    table = tmp_path / "facts.yaml"
    table.write_text(_VENUES, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("A headline\n\n" + body, encoding="utf-8")
    return make_briefing(str(article), facts=[table], language="en", published=dt.date(2024, 3, 7))


def _verdict(b: dict[str, object], piece: str) -> str:
    claim = next(c for c in _claims(b) if piece in str(c["text"]))
    return str(claim["verdict"])


def test_a_town_does_not_contradict_a_site_the_table_places_there(tmp_path: Path) -> None:
    b = _with_venues(tmp_path, "The Larks will play a big tent in Leeds on 14 June.")
    assert _verdict(b, "big tent") == "supported"
    b = _with_venues(tmp_path, "The Larks will play Roundhay Park in Leeds on 14 June.")
    assert _verdict(b, "Roundhay Park") == "supported"


def test_another_site_contradicts_even_with_the_town_beside_it(tmp_path: Path) -> None:
    b = _with_venues(tmp_path, "The Larks will play at First Direct Arena in Leeds on 14 June.")
    assert _verdict(b, "First Direct Arena") == "contradicted"


def test_this_summer_is_the_summer_of_the_year_of_publication(tmp_path: Path) -> None:
    # Published in March: "this summer" is the coming one, in both languages.
    en = brief_text(tmp_path, "This summer will see record crowds at the coast.", language="en")
    assert _dates(en)["This summer"] == "2024"
    ar = brief_text(
        tmp_path,
        "هذا الصيف سيكون استثنائيا للسياح في أوروبا. وارتفعت الأسعار في صيف العام الماضي.",
    )
    values = _dates(ar)
    assert values["هذا الصيف"] == "2024"
    assert values["صيف العام الماضي"] == "2023"


def test_a_day_that_names_an_event_is_that_day(tmp_path: Path) -> None:
    en = brief_text(
        tmp_path,
        "Airport checks have tightened since the September 11 attacks, officials said. "
        "The festival will open on 11 September.",
        language="en",
    )
    values = _dates(en)
    assert values["September 11 attacks"] == "2001-09-11"
    assert values["11 September"] == "2024-09-11"
    ar = brief_text(
        tmp_path,
        "وتغيرت إجراءات السفر كثيرا منذ أحداث 11 سبتمبر في الولايات المتحدة. "
        "وسيفتتح المعرض في 11 سبتمبر المقبل.",
    )
    values = _dates(ar)
    assert values["أحداث 11 سبتمبر"] == "2001-09-11"
    assert values["11 سبتمبر المقبل"] == "2024-09-11"


def test_a_footer_telling_how_to_write_to_the_paper_is_no_claim(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "وارتفع عدد السياح الخليجيين في النمسا إلى 300 ألف سائح هذا العام.\n\n"
        "للتواصل مع الكاتب أرسل رسالة SMS تبدأ بالرمز (52) ثم مسافة ثم نص الرسالة إلى 88548.",
    )
    texts = [str(c["text"]) for c in _claims(b)]
    assert len(texts) == 1 and "300 ألف" in texts[0]


def test_a_name_after_an_honorific_is_a_person_whole(tmp_path: Path) -> None:
    b = brief_text(tmp_path, "وأوضح المهندس ماجد قطب أن المشروع سيكتمل قبل نهاية العام.")
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}  # type: ignore[attr-defined,index]
    assert "ماجد قطب" in people
    assert speaker_of(b, "المشروع سيكتمل") == "المهندس ماجد قطب"


def test_a_bodys_short_form_between_title_and_name_keeps_the_role(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "وأوضح مدير عام الهيئة الوطنية للمياه «مياه» المهندس ماجد قطب أن المشروع سيكتمل "
        "قبل نهاية العام.",
    )
    assert any(
        r.startswith("مدير عام الهيئة الوطنية للمياه «مياه»") and r.endswith("ماجد قطب")
        for r in roles_of(b)
    )
    claim = next(c for c in _claims(b) if "المشروع سيكتمل" in str(c["text"]))
    speaker = claim["speaker"]
    assert isinstance(speaker, dict) and speaker["entity_id"] == "ماجد قطب"  # the person


def test_the_lineage_after_a_known_name_is_part_of_it(tmp_path: Path) -> None:
    table = tmp_path / "facts.yaml"
    table.write_text(
        "version: 1\nentities:\n"
        "  - {id: fahd, type: PERSON, name: Fahd bin Sultan, aliases: {ar: [فهد بن سلطان]}}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "وافتتح أمير المنطقة الأمير فهد بن سلطان بن عبدالعزيز المعرض مساء أمس.",
        encoding="utf-8",
    )
    b = make_briefing(str(article), facts=[table], language="ar", published=dt.date(2024, 3, 7))
    assert "أمير المنطقة الأمير فهد بن سلطان بن عبدالعزيز" in roles_of(b)


def test_years_written_as_a_years_own_or_at_a_clauses_end(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "Their best seller remains 1998's Blue Hour, which reached number three. A full "
        "service could be as far away as 2030, engineers said. The agency raised its estimate "
        "of 2024 coffee demand. As many as 2000 fans came, and the bill was more than 1500.",
        language="en",
    )
    found = {d["text"] for d in b["dates"]}
    assert {"1998", "2030", "2024"} <= found
    assert "2000" not in found and "1500" not in found


def test_the_same_year_is_the_year_last_written(tmp_path: Path) -> None:
    en = brief_text(
        tmp_path,
        "The band released its first album in 2011. A second record, released in the same "
        "year, sold better. Later that year they toured Japan.",
        language="en",
    )
    values = _dates(en)
    assert values["the same year"] == "2011"
    assert values["Later that year"] == "2011"
    ar = brief_text(
        tmp_path,
        "وأطلقت الفرقة ألبومها الأول في عام 2011. وفي العام نفسه أطلقت ألبوما ثانيا حقق "
        "مبيعات أكبر. وفي ذلك العام جالت في اليابان.",
    )
    values = _dates(ar)
    assert values["العام نفسه"] == "2011"
    assert values["ذلك العام"] == "2011"


def test_a_part_of_the_year_under_way_in_a_clause_of_what_comes(tmp_path: Path) -> None:
    # Published 7 March 2024: the first quarter is under way; "would" speaks of what comes.
    b = brief_text(
        tmp_path,
        "Analysts said demand in the first quarter would outstrip supply. Profits in the "
        "fourth quarter rose by 5%.",
        language="en",
    )
    values = _dates(b)
    assert values["the first quarter"] == "2024"
    assert values["the fourth quarter"] == "2023"


def test_a_hijri_feast_is_its_day(tmp_path: Path) -> None:
    # 7 March 2024: Eid al-Fitr 1444 fell on 21 April 2023, Eid al-Adha 1445 on 16 June 2024.
    b = brief_text(
        tmp_path,
        "وعادت الغرفة إلى العمل بعد عطلة عيد الفطر المبارك. وسيقام الحفل في عيد الأضحى المقبل.",
    )
    values = _dates(b)
    assert values["عطلة عيد الفطر المبارك"] == "2023-04-21"
    assert values["عيد الأضحى المقبل"] == "2024-06-16"


def test_two_years_in_order_are_a_span_even_before_1900(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "ملحمة بدأت بعشر سنوات (١٨٥٩-١٨٦٩) عمل خلالها مليون عامل. وارتفع العدد من 1500-1600 "
        "شخص في المدينة.",
    )
    values = _dates(b)
    assert values["١٨٥٩"] == "1859" and values["١٨٦٩"] == "1869"
    assert "1500" not in values
