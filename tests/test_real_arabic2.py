"""Real Arabic reports, second round: an unknown name right before its title, a masculine
participle that goes on with the man who spoke, and a district after حي."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import brief_text, speaker_of

_brief = brief_text


def _people(b: dict[str, Any]) -> set[str]:
    return {e["name"] for e in b["entities"] if e["type"] == "PERSON"}


def test_an_unknown_name_before_a_title_is_a_person_with_a_role(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وأوضح سالم العتيبان مدير الجمعية الخيرية للإسكان، أن الجمعية سلمت 40 منزلا هذا العام.\n\n"
        "فيما أكد فهد الشمراني رئيس اللجنة المالية، أن الميزانية ارتفعت بنسبة 12%.",
    )
    assert {"سالم العتيبان", "فهد الشمراني"} <= _people(b)
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert any(r.startswith("سالم العتيبان مدير الجمعية") for r in roles)
    assert any(r.startswith("فهد الشمراني رئيس اللجنة المالية") for r in roles)
    assert speaker_of(b, "سلمت 40 منزلا") == "سالم العتيبان"
    assert speaker_of(b, "الميزانية ارتفعت") == "فهد الشمراني"


def test_a_common_noun_before_a_title_makes_no_person(tmp_path: Path) -> None:
    b = _brief(tmp_path, "وقال مصدر مطلع رئيس الوزراء سيزور المدينة غدا.")
    assert "مصدر مطلع" not in _people(b)


def test_a_masculine_participle_goes_on_with_the_man_who_spoke(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وقال وزير المالية الكويتي أنس الصالح إن العجز سيتراجع في العام المقبل.\n\n"
        "وأضاف أن الشهادات معتمدة من الهيئة العامة للتعليم التطبيقي والتدريب، وقال بأن الرسوم "
        "رمزية، مؤكدا بأن الرسوم لا تغطي ربع التكلفة.",
    )
    assert speaker_of(b, "لا تغطي ربع التكلفة") in ("أنس الصالح", "وزير المالية الكويتي أنس الصالح")


def test_titles_on_both_sides_of_a_name_make_one_role_claim(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وقال مصدر إن من بين المرشحين المستشار عادل زكي منصور رئيس محكمة النقض، "
        "وهو قاضي محاكمة الرئيس المخلوع حسني مبارك.",
    )
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert "المستشار عادل زكي منصور رئيس محكمة النقض" in roles
    # المخلوع qualifies the title; it is no one's name.
    assert "المخلوع" not in _people(b)
    assert any(r.startswith("الرئيس المخلوع") for r in roles)


def test_a_verb_with_that_gives_the_sentence_before_to_the_person(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "تعهدت الأردن بخفض العجز في الموازنة خلال عامين. أكد ذلك رئيس الوزراء الأردني "
        "عمر الرزاز خلال زيارته أمس مجلس النواب.",
    )
    assert speaker_of(b, "بخفض العجز") == "عمر الرزاز"
