"""Seventh round of real articles (Arabic): an honorific pronoun (سموه, معاليه) stands for the
person addressed so before it; عبر reports only with its عن; a common noun with "his" (باسمه) is
no name, yet "المتحدث باسمه" is a title; a role cue matches a title whose first word carries a
clitic (لخادم الحرمين الشريفين)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import brief_text, make_briefing, roles_of, speaker_of


def test_an_honorific_pronoun_stands_for_the_person_addressed_so(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "نقل صاحب السمو الملكي الأمير نايف بن مساعد أمير المنطقة تعازيه إلى الرئيس أحمد "
        "سالم في وفاة والدته. وعبر سموه عن حزنه العميق لهذا المصاب الجلل الذي ألم بالأسرة، "
        "وقال: «نسأل الله أن يتغمد الفقيدة بواسع رحمته».",
    )
    named = ("الأمير نايف بن مساعد", "نايف بن مساعد")  # the prince, not the president
    assert speaker_of(b, "حزنه العميق") in named
    assert speaker_of(b, "يتغمد الفقيدة") in named


def test_abr_without_an_is_no_verb_of_saying(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "وزار الوزير خالد العمر المعرض أمس. وتابع الزوار العروض عبر الإنترنت طوال اليوم الأول.",
    )
    assert speaker_of(b, "العروض عبر الإنترنت") is None


def test_a_common_noun_with_his_is_no_name_but_his_spokesman_is_a_title(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "وقال المتحدث باسمه ستيفان دوجاريك إن الأمين العام يتابع الوضع. ورفع الأمير نايف بن "
        "مساعد أمير منطقة الجوف باسمه ونيابة عن الأهالي التهنئة للقيادة.",
    )
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}  # type: ignore[attr-defined,index]
    assert "ستيفان دوجاريك" in people
    assert not any(p.startswith("باسمه") for p in people)
    roles = roles_of(b)
    assert "المتحدث باسمه ستيفان دوجاريك" in roles
    assert not any(r.endswith("باسمه") or "باسمه ونيابة" in r for r in roles)


def test_a_role_cue_matches_a_title_with_a_clitic(tmp_path: Path) -> None:
    table = tmp_path / "facts.yaml"
    table.write_text(
        "version: 1\nentities:\n"
        "  - id: salman\n    type: PERSON\n    name: Salman bin Abdulaziz\n"
        "    aliases: {ar: [الملك سلمان بن عبدالعزيز, الملك سلمان]}\n"
        "    roles:\n      - title: King of Saudi Arabia\n"
        "        cues: {ar: [خادم الحرمين الشريفين]}\n        from: 2015-01-23\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "ورفع أمير المنطقة التهنئة لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز بمناسبة العيد.",
        encoding="utf-8",
    )
    b = make_briefing(str(article), facts=[table], language="ar", published=dt.date(2024, 3, 7))
    role = next(c for c in b["claims"] if c["kind"] == "role" and "لخادم" in c["text"])
    assert role["verdict"] == "supported"


def test_so_with_a_verb_and_its_subject_opens_a_sentence(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "لقد زار الوزير السابق العاصمة هذا العام في رحلة قصيرة فطالب المحامي سالم العمر "
        "بإلقاء القبض عليه ومحاكمته أمام القضاء.",
    )
    assert speaker_of(b, "زار الوزير السابق العاصمة") is None
    texts = [str(c["text"]) for c in b["claims"] if c["kind"] != "role"]  # type: ignore[index]
    assert any(t.startswith("فطالب المحامي") for t in texts)


def test_a_fragment_with_nothing_to_check_is_no_claim(tmp_path: Path) -> None:
    b = brief_text(
        tmp_path,
        "حفروا وحفروا.. ساعات وساعات.. ثم افتتحت القناة رسميا عام 1869 بحضور ملوك أوروبا.",
    )
    texts = [str(c["text"]) for c in b["claims"] if c["kind"] != "role"]  # type: ignore[index]
    assert not any(t.startswith(("حفروا", "ساعات")) for t in texts)
    assert any("عام 1869" in t for t in texts)
    en = brief_text(
        tmp_path, "There are no DJs. The station plays 40 songs an hour.", language="en"
    )
    texts = [str(c["text"]) for c in en["claims"]]  # type: ignore[index]
    assert texts == ["The station plays 40 songs an hour."]


def test_players_after_a_team_and_a_given_name_that_is_also_a_word(tmp_path: Path) -> None:
    # اللاعبان ends the team's name; تركي is a given name as well as "Turkish".
    b = brief_text(
        tmp_path,
        "وفي منافسات الفرق حقق المنتخب السعودي المركز الثالث، حيث مثله اللاعبان تركي السبيعي "
        "وفهد العتيبي في البطولة.",
    )
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}  # type: ignore[attr-defined,index]
    orgs = {e["name"] for e in b["entities"] if e["type"] == "ORG"}  # type: ignore[attr-defined,index]
    assert "تركي السبيعي" in people
    assert "المنتخب السعودي" in orgs and not any("اللاعب" in o for o in orgs)
