"""Claims cut right on newspaper typography: a full stop with no space after it, a line broken
inside a sentence, quotes of several sentences, asides after a subject, stacked "and that"
clauses, and the lines (headings, captions, bylines) that state nothing.

Every text here is written for the test; the real articles only showed the shapes."""

from __future__ import annotations

from typing import Any

import briefing

PUBLISHED = "2024-03-12"


def _claims(text: str, language: str) -> list[dict[str, Any]]:
    record = briefing.brief(text, language=language, published=PUBLISHED).to_dict()
    return [c for c in record["claims"] if c["kind"] != "role"]


def _holding(claims: list[dict[str, Any]], words: str) -> dict[str, Any]:
    found = [c for c in claims if words in c["text"]]
    assert len(found) == 1, (words, [c["text"] for c in claims])
    return found[0]


def _speaker(claim: dict[str, Any]) -> str | None:
    return (claim.get("speaker") or {}).get("text")


def test_a_full_stop_with_no_space_after_it_ends_an_arabic_sentence() -> None:
    text = (
        "افتتحت البلدية مكتبة جديدة في وسط المدينة.وتضم المكتبة أكثر من عشرين ألف كتاب "
        "في مختلف المجالات.\n"
    )
    claims = _claims(text, "ar")
    first = _holding(claims, "افتتحت البلدية")
    assert "عشرين" not in first["text"]
    assert "عشرين ألف كتاب" in _holding(claims, "وتضم المكتبة")["text"]


def test_a_glued_full_stop_in_english_ends_a_sentence_but_not_a_number_or_a_domain() -> None:
    text = (
        "The council opened a library in the town centre on Monday.The library holds "
        "more than 20,000 books, the council said on its website council.gov.uk in a "
        "statement that put the cost at 3.5 million pounds.\n"
    )
    claims = _claims(text, "en")
    assert "20,000" not in _holding(claims, "opened a library")["text"]
    second = _holding(claims, "The library holds")
    assert "council.gov.uk" in second["text"] and "3.5 million" in second["text"]


def test_a_line_broken_inside_an_arabic_sentence_does_not_end_it() -> None:
    text = (
        "وقال خبراء في جامعة المدينة إن الثغرة التي اكتشفت في برنامج البريد خطيرة جدا\n"
        "لأن استغلالها لا يتطلب أي خطوة من المستخدم.\n"
        "وأصدرت الشركة تحديثا يعالج الثغرة يوم الأحد.\n"
    )
    claims = _claims(text, "ar")
    claim = _holding(claims, "خطيرة جدا")
    assert "لأن استغلالها" in claim["text"]
    assert _holding(claims, "وأصدرت الشركة")["text"].startswith("وأصدرت")


def test_a_line_broken_inside_an_english_sentence_does_not_end_it() -> None:
    text = (
        "Researchers at the city university said the flaw found in the mail program was serious\n"
        "because using it needs no step from the user.\n"
        "The company released a fix on Sunday.\n"
    )
    claims = _claims(text, "en")
    claim = _holding(claims, "was serious")
    assert "because using it" in claim["text"]
    assert _speaker(claim) is not None


def test_a_closed_quote_of_two_sentences_ends_before_the_narration_after_it() -> None:
    text = (
        '"Nobody expected the bridge to close so soon," said Maria Lopez, the mayor of '
        'Brookfield. "We will reopen it within a month. Repairs start on Friday." Traffic '
        "on the ring road doubled after the closure, according to police.\n"
    )
    claims = _claims(text, "en")
    quote = _holding(claims, "We will reopen it")
    assert "Traffic" not in quote["text"]
    assert "Repairs start on Friday" in quote["text"]
    narration = _holding(claims, "Traffic on the ring road doubled")
    assert _speaker(narration) == "police"
    # "…!" she said: an attribution after a closed quote stays in its sentence.
    claims = _claims('"Stop the works now!" she said. The mayor left early.\n', "en")
    assert _holding(claims, "Stop the works")["text"].endswith("she said.")


def test_a_closed_arabic_quote_ends_before_the_narration_after_it() -> None:
    text = (
        'وقال رئيس البلدية سامر الخطيب: "سنعيد فتح الجسر خلال شهر. وتبدأ أعمال الإصلاح يوم '
        'الجمعة." وتضاعفت حركة السير على الطريق الدائري بعد إغلاق الجسر.\n'
    )
    claims = _claims(text, "ar")
    quote = _holding(claims, "سنعيد فتح الجسر")
    assert "وتضاعفت" not in quote["text"]
    assert _holding(claims, "وتضاعفت حركة السير")


def test_a_relative_aside_keeps_its_subject_and_the_speaker() -> None:
    text = (
        "Veteran British singer Ann Marsh, who has sold ten million records, said the tour "
        "would be her last.\n"
    )
    claims = _claims(text, "en")
    claim = _holding(claims, "would be her last")
    assert "Ann Marsh" in claim["text"]
    assert _speaker(claim) == "Ann Marsh"
    assert not any(c["text"].startswith("who") for c in claims)


def test_an_arabic_relative_aside_keeps_its_subject() -> None:
    text = (
        'وكانت هيئة الأرصاد ذكرت أمس أن العاصفة "ليلى"، التي ترافقها أمطار غزيرة وسيول، '
        "تسببت في إغلاق ثلاثة طرق رئيسية في الشمال.\n"
    )
    claims = _claims(text, "ar")
    claim = _holding(claims, "تسببت في إغلاق")
    assert "العاصفة" in claim["text"]
    assert not any(c["text"].startswith("التي") for c in claims)


def test_stacked_that_clauses_are_claims_of_one_speaker() -> None:
    text = (
        "وأكد وزير الصحة خالد العمري أن المستشفى الجديد سيفتتح في مايو المقبل، وأن "
        "عدد الأسرّة فيه سيبلغ 400 سرير.\n"
    )
    claims = _claims(text, "ar")
    first = _holding(claims, "المستشفى الجديد")
    second = _holding(claims, "عدد الأسرّة")
    assert first is not second
    assert _speaker(second) == _speaker(first) and _speaker(first)
    text = (
        "Health Minister Carl Byrne said the new hospital would open in May, and that it "
        "would have 400 beds.\n"
    )
    claims = _claims(text, "en")
    first = _holding(claims, "would open in May")
    second = _holding(claims, "400 beds")
    assert first is not second
    assert _speaker(second) == _speaker(first) == "Health Minister Carl Byrne"


def test_headings_captions_and_bylines_are_no_claims() -> None:
    text = (
        "أداء المؤشرات\n"
        "ارتفع المؤشر العام للسوق بنسبة 2 في المائة خلال الأسبوع الماضي.\n"
        "سامر الخطيب\n"
        "وتراجعت أسهم قطاع النقل بنسبة 3 في المائة.\n"
        "*وحدة الأخبار الاقتصادية\n"
    )
    texts = [c["text"] for c in _claims(text, "ar")]
    assert len(texts) == 2, texts
    text = (
        "By Jane Doe\n"
        "The index rose 2 percent last week, its best week this year.\n"
        "Market overview\n"
        "Transport shares fell 3 percent.\n"
    )
    texts = [c["text"] for c in _claims(text, "en")]
    assert len(texts) == 2, texts
