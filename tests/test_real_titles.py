"""Titles as real newspapers write them: after the name, through honorifics and organisations'
names, with the words that change which office is claimed ("shadow", السابق, نائب)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import make_briefing

TABLE = """\
version: 1
entities:
  - id: centre
    type: ORG
    name: King Faisal Centre for Research
    aliases: {ar: [مركز الملك فيصل للبحوث والدراسات], en: [King Faisal Centre]}
  - id: king
    type: PERSON
    name: King Faisal
    aliases: {ar: [الملك فيصل], en: [King Faisal]}
    roles:
      - title: King
        cues: {ar: [الملك], en: [King]}
  - id: hamdan
    type: PERSON
    name: Samir Hamdan
    aliases: {ar: [سمير حمدان], en: [Samir Hamdan]}
    roles:
      - title: Spokesman of the centre
        cues: {ar: [المتحدث باسم مركز الملك فيصل للبحوث والدراسات], en: [spokesman]}
  - id: nasser
    type: PERSON
    name: Khaled Nasser
    aliases: {ar: [خالد بن فهد الناصر, خالد الناصر], en: [Khaled Nasser]}
    roles:
      - title: Minister of Energy
        cues: {ar: [وزير الطاقة], en: [Energy Minister]}
  - id: walid
    type: PERSON
    name: Walid Jaber
    aliases: {ar: [وليد جابر], en: [Walid Jaber]}
    roles:
      - title: Minister of Trade
        cues: {ar: [وزير التجارة], en: [Trade Minister]}
  - id: omar
    type: PERSON
    name: Omar Saleh
    aliases: {ar: [عمر صالح], en: [Omar Saleh]}
  - id: harper
    type: PERSON
    name: Tom Harper
    aliases: {en: [Tom Harper], ar: []}
    roles:
      - title: Home Secretary
        cues: {en: [home secretary], ar: []}
  - id: mills
    type: PERSON
    name: Jane Mills
    aliases: {en: [Jane Mills], ar: []}
facts: []
"""

PUBLISHED = dt.date(2021, 3, 4)


def _brief(tmp_path: Path, text: str, language: str) -> dict[str, Any]:
    table = tmp_path / "facts.yaml"
    table.write_text(TABLE, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    return make_briefing(str(article), facts=[table], language=language, published=PUBLISHED)


def _roles(briefing: dict[str, Any]) -> dict[str, str]:
    return {c["text"]: c["verdict"] for c in briefing["claims"] if c["kind"] == "role"}


def test_arabic_title_after_a_name_is_a_role_claim(tmp_path: Path) -> None:
    text = (
        "وقال عمر صالح عضو المجلس البلدي للعاصمة إن الطريق سيفتح قريبا. "
        "واستقبل خالد بن فهد الناصر وزير الطاقة وزير الدولة للشؤون الخارجية الوفد أمس."
    )
    roles = _roles(_brief(tmp_path, text, "ar"))
    assert any(t.startswith("عمر صالح عضو المجلس البلدي") for t in roles)
    chain = next(t for t in roles if t.startswith("خالد بن فهد الناصر"))
    assert "وزير الطاقة وزير الدولة للشؤون الخارجية" in chain
    assert roles[chain] == "supported"


def test_arabic_organisation_name_is_no_title_and_is_not_contradicted(tmp_path: Path) -> None:
    # الملك inside مركز الملك فيصل names the centre: it is no title of the spokesman's.
    text = "وأكد المتحدث باسم مركز الملك فيصل للبحوث والدراسات سمير حمدان أن الندوة ستعقد غدا."
    roles = _roles(_brief(tmp_path, text, "ar"))
    [(title, verdict)] = roles.items()
    assert title.startswith("المتحدث باسم مركز الملك فيصل")
    assert verdict == "supported"


def test_arabic_honorifics_and_descriptions_before_a_name(tmp_path: Path) -> None:
    text = (
        "وحضر اللقاء وزير التجارة معالي الدكتور وليد جابر. وضم الوفد نجم كرة القدم السابق عمر صالح."
    )
    roles = _roles(_brief(tmp_path, text, "ar"))
    assert roles.get("وزير التجارة معالي الدكتور وليد جابر") == "supported"
    assert "نجم كرة القدم السابق عمر صالح" in roles


def test_arabic_deputy_and_former_are_not_the_office(tmp_path: Path) -> None:
    # Walid Jaber is the trade minister; Omar Saleh called his deputy or the former minister
    # claims neither that office nor to hold it now.
    text = "وحضر نائب وزير التجارة عمر صالح الاجتماع. وتحدث وزير التجارة السابق عمر صالح."
    roles = _roles(_brief(tmp_path, text, "ar"))
    assert roles and all(v != "contradicted" for v in roles.values())


def test_english_modifiers_stay_with_the_title_and_change_the_office(tmp_path: Path) -> None:
    text = (
        "Opposition shadow home secretary Jane Mills said the bill was rushed. "
        "Former home secretary Jane Mills has said so before. "
        "Home Secretary Tom Harper disagreed."
    )
    roles = _roles(_brief(tmp_path, text, "en"))
    assert "Opposition shadow home secretary Jane Mills" in roles
    assert "Former home secretary Jane Mills" in roles
    assert roles["Home Secretary Tom Harper"] == "supported"
    assert all(v != "contradicted" for t, v in roles.items() if "Mills" in t)


def test_english_descriptive_titles_before_and_after_names(tmp_path: Path) -> None:
    text = (
        "Leeds United striker Walid Jaber scored twice. "
        "2019 World Cup winner Omar Saleh watched. "
        "Dr Jane Mills, a network and fraud expert at Leeds University, said the risk was small."
    )
    roles = _roles(_brief(tmp_path, text, "en"))
    assert "Leeds United striker Walid Jaber" in roles
    assert "2019 World Cup winner Omar Saleh" in roles
    assert any("a network and fraud expert at Leeds University" in t for t in roles)


def test_english_list_of_names_keeps_each_title(tmp_path: Path) -> None:
    text = "The plan was signed by Omar Saleh, chief executive, and Jane Mills, finance director."
    roles = _roles(_brief(tmp_path, text, "en"))
    assert "Omar Saleh, chief executive" in roles
    assert "Jane Mills, finance director" in roles
