"""Fourth round of real articles: the days and weeks next to publication ("in the coming days",
"خلال اليومين القادمين") are dates, resolved to the month those days fall in; Arabic sentences
chained by و and a verb with its own subject, no comma between, are claims of their own."""

from __future__ import annotations

from pathlib import Path

from conftest import brief_text, speaker_of


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
