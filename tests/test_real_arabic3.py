"""Real Arabic reports, third round: a family name that is also a weekday (الخميس), بين as a
verb of saying only where what is said follows it, the wider verbs and participles of saying,
and a currency after a scale word (مليوني ريال) that names no one."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from conftest import brief_text, speaker_of

_brief = partial(brief_text, language="ar")


def _dates(b: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in b["dates"]]


def test_a_family_name_that_is_a_weekday_speaks_and_the_day_stays_a_day(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وأوضح نايف السبت رئيس جمعية الصيادين، أن الموسم بدأ مبكرا هذا العام.\n\n"
        "وأضاف السبت أن الصيد تراجع بنسبة 15%.\n\n"
        "وقال خالد الخميس إن المزاد سيقام في الميناء.\n\n"
        "وأشار الخميس إلى أن الأسعار ارتفعت.\n\n"
        "ويبدأ المزاد يوم الخميس المقبل، وتعلن النتائج الجمعة.",
    )
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}
    assert "نايف السبت" in people
    assert speaker_of(b, "الصيد تراجع") == "السبت"
    assert speaker_of(b, "المزاد سيقام") == "خالد الخميس"
    assert speaker_of(b, "الأسعار ارتفعت") == "الخميس"
    texts = [t for t, _ in _dates(b)]
    assert "يوم الخميس المقبل" in texts and "الجمعة" in texts  # the days are still dates
    assert len(texts) == 3  # هذا العام, يوم الخميس المقبل, الجمعة: no name read as a day


def test_bayyana_reports_only_when_what_is_said_follows(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وبين مدير الشرطة أن الحادث وقع عند الفجر.\n\n"
        "وبينت الوزارة في بيانها أن عدد الإصابات بلغ 12 إصابة.\n\n"
        "وتأتي الاتفاقية بين البلدين بعد أن وقع الطرفان مذكرة تفاهم.\n\n"
        "ووقعت اشتباكات بين الجيش والمسلحين، إلا أن الهدوء عاد إلى المدينة.",
    )
    assert speaker_of(b, "الحادث وقع") == "مدير الشرطة"
    assert speaker_of(b, "عدد الإصابات") == "الوزارة"
    assert speaker_of(b, "وقع الطرفان") is None
    assert speaker_of(b, "الهدوء عاد") is None


def test_more_verbs_and_participles_of_saying(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "ونوه رئيس الغرفة التجارية بأن الصادرات زادت بنسبة 8%.\n\n"
        "وأبان مدير المستشفى أن المرضى غادروا جميعا.\n\n"
        "وافتتح وزير التجارة ماجد الحمدان المعرض، مبينا أن المعرض يضم 200 جناح.",
    )
    assert speaker_of(b, "الصادرات زادت") == "رئيس الغرفة التجارية"
    assert speaker_of(b, "المرضى غادروا") == "مدير المستشفى"
    assert speaker_of(b, "يضم 200 جناح") == "ماجد الحمدان"


def test_a_currency_after_a_scale_word_is_no_organisation(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وقال مدير الصندوق إن الميزانية بلغت مليوني ريال، وإن الدعم بلغ ثلاثة ملايين دولار.",
    )
    names = {e["name"] for e in b["entities"]}
    assert not names & {"ريال", "دولار"}


def test_whom_it_was_said_to_is_not_thespeaker_of(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        'وقال ل"الوطن"، سامر عبدالكريم الحداد نائب رئيس لجنة التعليم، بأن الرسوم ارتفعت.\n\n'
        "وبين سامر الحداد، بأن المدارس تواجه ارتفاع الإيجارات.\n\n"
        "وقال للصحفيين إن الوضع مستقر.\n\n"
        "وقالت لجنة الانتخابات إن النتائج ستعلن غدا.",
    )
    assert speaker_of(b, "الرسوم ارتفعت") == "سامر عبدالكريم الحداد"
    assert speaker_of(b, "ارتفاع الإيجارات") == "سامر الحداد"  # given and family name: one man
    assert speaker_of(b, "الوضع مستقر") != "للصحفيين"
    assert speaker_of(b, "النتائج ستعلن") == "لجنة الانتخابات"  # لجنة is no ل + جنة


def test_a_four_word_name_with_a_common_given_name_inside(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "بدورها قالت نورة محمد علي الزهراني رئيسة اللجنة النسائية بأن الطالبات زدن بنسبة 10%.\n\n"
        "وأكدت الزهراني أن العمل مستمر.",
    )
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}
    assert "نورة محمد علي الزهراني" in people and "محمد" not in people
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert any(r.startswith("نورة محمد علي الزهراني رئيسة اللجنة") for r in roles)


def test_a_rank_a_name_and_a_long_title_after_it(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وأوضح العميد سالم بن حمد الكواري الوكيل المساعد للمنافذ بالإدارة العامة للجوازات "
        "أن عدد المسافرين بلغ 12 ألفا.\n\nوأضاف الكواري أن الحركة تزيد في الصيف.",
    )
    assert speaker_of(b, "عدد المسافرين") == "العميد سالم بن حمد الكواري"
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert any(r.startswith("العميد سالم بن حمد الكواري الوكيل المساعد") for r in roles)
    assert speaker_of(b, "الحركة تزيد") == "الكواري"


def test_a_feminine_participle_goes_with_the_body_that_opens_the_sentence(
    tmp_path: Path,
) -> None:
    b = _brief(
        tmp_path,
        "أصدرت وزارة الصحة في مملكة البحرين بيانا عن الحالات الجديدة، مشيرة إلى أن "
        "عددها بلغ 40 حالة.",
    )
    assert speaker_of(b, "عددها بلغ 40") == "وزارة الصحة"


def test_a_first_name_and_an_initial_then_the_verb(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "الطالبة هند. ر. قالت وصلت أنا ووالدي إلى المدينة في الصيف.\n\n"
        "الطالب فارس . ع .يقول إن زملاءه استقبلوه في المطار.\n\n"
        "وزارة التعليم أعلنت أن الدراسة تبدأ مبكرا.\n\n"
        "وفي جدة، قال مدير الميناء إن الحركة زادت.",
    )
    texts = [c["text"] for c in b["claims"] if c["kind"] != "role"]
    assert not any(t.strip() in ("ر.", "ع .", "الطالبة هند.") for t in texts)  # one sentence
    assert "هند" in (speaker_of(b, "وصلت أنا ووالدي") or "")
    assert "فارس" in (speaker_of(b, "استقبلوه في المطار") or "")
    assert speaker_of(b, "الدراسة تبدأ") == "وزارة التعليم"
    assert speaker_of(b, "الحركة زادت") == "مدير الميناء"  # the place sets the scene


def test_products_named_in_quotes_are_no_entities(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وعرضت الشركة في المعرض فئة «فالكون إس تي» التي تعد الأسرع بين سياراتها.\n\n"
        "ويمكن تشغيل الموسيقى من أداة «سمارت بود» مباشرة.\n\n"
        "وقال مدير «فالكون» إن المبيعات زادت بنسبة 9%.",
    )
    names = {e["name"] for e in b["entities"]}
    assert not any("إس تي" in n or "سمارت" in n for n in names)
    assert speaker_of(b, "المبيعات زادت") == "مدير «فالكون»"  # the quote closes with the name


def test_a_family_name_after_bin_ends_the_name(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وأوضح العقيد ناصر بن حمد الدوسري مدير إدارة المرور أن الحوادث تراجعت.\n\n"
        "وأضاف الدوسري أن الدوريات زادت.",
    )
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}
    assert "ناصر بن حمد الدوسري" in people
    assert speaker_of(b, "الدوريات زادت") == "الدوسري"


def test_what_is_called_for_or_proposed_lies_ahead(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "ودعا الوزير إلى عقد اجتماع طارئ في يناير.\n\n"
        "واقترحت الهيئة تأجيل الانتخابات إلى فبراير.\n\n"
        "وقال دبلوماسي طلب عدم الكشف عن اسمه إن الاجتماع انتهى مساء الثلاثاء.",
    )
    values = {d["text"]: d["value"] for d in b["dates"]}
    assert values["يناير"] == "2025-01" and values["فبراير"] == "2025-02"
    assert values["مساء الثلاثاء"] == "2024-03-05"  # asked not to be named: still the past


def test_in_line_with_a_rule_is_no_source(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وتحاول الشركة تصحيح أوضاعها وفق السياسة المحاسبية الجديدة.\n\n"
        "وانطلقت الرحلة في الساعة العاشرة حسب التوقيت المحلي.\n\n"
        "وقتل خمسة أشخاص وفقا لمصادر طبية.\n\n"
        "وارتفع عدد الزوار إلى مليون زائر بحسب البيان.\n\n"
        "وغرق ثلاثة صيادين حسبما ذكرت السلطات.",
    )
    assert speaker_of(b, "تصحيح أوضاعها") is None
    assert speaker_of(b, "انطلقت الرحلة") is None
    assert speaker_of(b, "خمسة أشخاص") == "مصادر طبية"
    assert speaker_of(b, "مليون زائر") == "البيان"
    assert speaker_of(b, "ثلاثة صيادين") == "السلطات"


def test_appointed_to_a_title_in_the_accusative(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "كما تقرر تعيين المهندس سالم بن فهد الغامدي مديراً لتقنية المعلومات والمهندس خالد "
        "الدوسري مديراً لمركز البيانات.",
    )
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}
    assert {"سالم بن فهد الغامدي", "خالد الدوسري"} <= people
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert "المهندس سالم بن فهد الغامدي مديراً لتقنية المعلومات" in roles
    assert "المهندس خالد الدوسري مديراً لمركز البيانات" in roles
    assert not any(r.startswith("مديراً") for r in roles)  # never a title before a name


def test_a_body_and_its_head_named_after_it(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وأعلن رئيس الاتحاد الدولي توماس كيلر فوز المدينة بالتنظيم.\n\nوقال كيلر إن الملف قوي.",
    )
    types = {e["name"]: e["type"] for e in b["entities"]}
    assert types.get("توماس كيلر") == "PERSON"
    assert not any("كيلر" in n for n, t in types.items() if t == "ORG")
    assert speaker_of(b, "فوز المدينة") == "رئيس الاتحاد الدولي توماس كيلر"
    assert speaker_of(b, "الملف قوي") == "كيلر"


def test_a_verb_of_saying_that_goes_on_from_the_subjects_verb(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وأعلن رئيس الاتحاد الدولي توماس كيلر فوز المدينة بالتنظيم.\n\n"
        "وفي صباح يوم الإعلان، ظهر الرئيس الكوري مون جاي في شريط فيديو يؤكد «الدعم الكامل» "
        "من حكومته. وأضاف أن الألعاب «ستشجع التبادل بين الشعوب».",
    )
    assert speaker_of(b, "ستشجع التبادل") == "مون جاي"  # not the federation's head, named before


def test_the_official_after_a_named_minister_is_the_minister(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "وزار وزير الصحة فهد السالم المستشفى أمس.\n\nوقال الوزير إن قوائم الانتظار تراجعت.\n\n"
        "وأكد المسؤول أن العمل مستمر.\n\nوقال مسؤول في الوزارة إن الخطة جاهزة.",
    )
    assert speaker_of(b, "قوائم الانتظار") == "فهد السالم"
    assert speaker_of(b, "العمل مستمر") == "فهد السالم"
    assert speaker_of(b, "الخطة جاهزة") == "مسؤول"  # an official, unnamed: another person


def test_quarters_halves_and_seasons(tmp_path: Path) -> None:
    # 7 March 2024: the last quarter to have ended is 2023's fourth; winter is ending.
    b = _brief(
        tmp_path,
        "وتراجعت المبيعات في الربع الأخير من العام الماضي.\n\n"
        "وحقق البنك أرباحا في الربع الرابع.\n\n"
        "وبلغت الأرباح في النصف الأول من 2021 نحو مليار ريال.\n\n"
        "وارتفعت الأسعار في الصيف الماضي.\n\n"
        "وسيفتتح المعرض في الصيف المقبل.\n\n"
        "وجاء ذلك في أعقاب الربيع العربي.",
    )
    values = {d["text"]: d["value"] for d in b["dates"]}
    assert values["الربع الأخير من العام الماضي"] == "2023"
    assert values["الربع الرابع"] == "2023"
    assert values["النصف الأول من 2021"] == "2021"
    assert values["الصيف الماضي"] == "2023"
    assert values["الصيف المقبل"] == "2024"
    assert not any("الربيع" in t for t in values)  # the Arab Spring is no date
