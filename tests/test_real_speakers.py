"""Who said it, as real reports write it: quotes that run on over sentences and paragraphs,
names inside quotes, and speakers written as a description of someone named before."""

from __future__ import annotations

from pathlib import Path

from conftest import brief_text, speaker_of

_brief = brief_text


def test_a_quote_without_its_own_speaker_keeps_the_last_one_english(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Coach Maria Lindqvist praised her squad after the win on Sunday. "
        '"We defended with real discipline," Lindqvist said. "The second half was our best '
        "of the season.\n\n"
        '"Even Peter Holm said we had no chance in this stadium. We proved everyone wrong."\n\n'
        "Goalkeeper Tomas Berg said the pitch was heavy.",
        "en",
    )
    # The quote left open at the paragraph's end, and the next paragraph's quote, are hers.
    assert speaker_of(b, "The second half") == "Lindqvist"
    # A name and a verb inside the quote never make its speaker.
    assert speaker_of(b, "Even Peter Holm") == "Lindqvist"
    assert speaker_of(b, "pitch was heavy") == "Goalkeeper Tomas Berg"


def test_a_quote_without_its_own_speaker_keeps_the_last_one_arabic(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وقالت المدربة ليلى حداد: «لعبنا بانضباط كبير طوال المباراة.\n"
        "«الشوط الثاني كان الأفضل لنا في هذا الموسم كله. وسنستعد جيدا للمباراة المقبلة».\n"
        "وأكد الحارس سامي فرح أن أرض الملعب كانت ثقيلة.",
        "ar",
    )
    assert "ليلى حداد" in (speaker_of(b, "الشوط الثاني") or "")
    assert "سامي فرح" in (speaker_of(b, "أرض الملعب") or "")


def test_a_description_speaks_for_the_person_it_describes(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Andre Marsh beat Karl Olsen in straight sets later in the day. "
        '"I felt sharp all day," said the Canadian. '
        "The 19-year-old said he would rest before the final.",
        "en",
    )
    assert speaker_of(b, "I felt sharp") == "Andre Marsh"
    assert speaker_of(b, "rest before the final") == "Andre Marsh"


def test_a_title_speaks_for_the_last_person_with_that_title(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Finance Minister Lena Ford met union leader Joe Park on Monday. Officials at the "
        "meeting described it as calm. The minister said the budget would be balanced.",
        "en",
    )
    assert speaker_of(b, "budget would be balanced") == "Lena Ford"
    # A title nobody named holds stays as written.
    b = _brief(
        tmp_path,
        "Mr Brown spoke first. However, the minister said it was over.",
        "en",
    )
    assert speaker_of(b, "it was over") == "the minister"


def test_a_title_speaks_for_the_last_person_with_that_title_arabic(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "قال وزير المالية سامر الخوري إن الميزانية ستكون متوازنة هذا العام. وكان اللقاء مع "
        "النقابات هادئا.\nوأكد الوزير أن الحكومة لن ترفع الضرائب على الأسر.",
        "ar",
    )
    assert speaker_of(b, "لن ترفع الضرائب") == "سامر الخوري"


def test_verbs_that_name_no_speaker_arabic(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وقالت لجنة التحكيم إن الملاعب جاهزة بنسبة كبيرة للبطولة المقبلة.\n"
        "ويعتبر اللاعب سامي فرح أحد أبرز المواهب الشابة في الدوري المحلي هذا العام.\n"
        "يذكر أن النادي فاز باللقب ثلاث مرات في تاريخه الطويل.\n"
        "وتراجعت أرباح القطاع كثيرا هذا العام، فيما بقيت خمس شركات لم تعلن بعد عن أرباحها.",
        "ar",
    )
    assert speaker_of(b, "أبرز المواهب") is None  # "is considered": no one speaks
    assert speaker_of(b, "فاز باللقب") is None  # "it is worth noting that": the report's voice
    assert speaker_of(b, "لم تعلن بعد") is None  # a clause before a negated verb is no subject


def test_speakers_end_where_their_name_ends_arabic(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "فازت مدينة الزهراء بتنظيم البطولة القارية المقبلة بحسب ما أعلن رئيس الاتحاد القاري "
        "كريم العلوي من الرباط.\n"
        "وقالت لجنة التحكيم إن الملاعب جاهزة بنسبة كبيرة للبطولة المقبلة. وتابعت متسائلة في "
        "ختام تقريرها: «هل تكفي الفنادق لاستقبال الجماهير الكثيرة؟».\n"
        "وذكر موقع «سبورت نيوز» المتخصص في الرياضة أن النادي تلقى عروضا كثيرة للاعب.",
        "ar",
    )
    # The source stops at the name: the verb before it and the place after it are not his.
    assert speaker_of(b, "بتنظيم البطولة") == "رئيس الاتحاد القاري كريم العلوي"
    # A participle after the verb says how she went on: the speaker is still the committee.
    assert speaker_of(b, "هل تكفي الفنادق") == "لجنة التحكيم"
    # A name in guillemets belongs to the head before it.
    assert "سبورت نيوز" in (speaker_of(b, "عروضا كثيرة") or "")
