"""Eighth round of real articles (English titles): lower-case nouns that qualify a title's head
("race director", "ISM survey chairman") but not a verb before it ("hosted"); a name set between
commas after its title ("Hollywood's honorary mayor, Johnny Grant,"); the honorific before a
name whose title follows it ("Dr Alastair Brydon, author of …"); a study's findings; a title
checked at the time its sentence tells, unless it says "now"."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from conftest import brief_text, make_briefing, roles_of, speaker_of

_brief = partial(brief_text, language="en", headline="A headline")


def test_lower_case_nouns_before_a_title_head_are_part_of_the_title(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        '"It was a good month," said FTSE survey chairman Alan Morris.\n\n'
        '"She will run," said race director Tom Hale.\n\n'
        "The award was handed over by Blue Moon producer Kenji Sato on Monday.\n\n"
        "Mr Putin hosted North Korean leader Kim Jong Un in Vostochny.",
    )
    roles = roles_of(b)
    assert "FTSE survey chairman Alan Morris" in roles
    assert "race director Tom Hale" in roles
    assert "Blue Moon producer Kenji Sato" in roles
    assert "North Korean leader Kim Jong Un" in roles
    assert not any(r.startswith("hosted") for r in roles)


def test_a_name_between_commas_after_its_title(tmp_path: Path) -> None:
    b = _brief(tmp_path, "Leeds's honorary mayor, John Grey, unveiled the plaque on Monday.")
    assert "Leeds's honorary mayor, John Grey" in roles_of(b)


def test_an_honorific_opens_a_role_claim_whose_title_follows(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        '"Rates will be lower," said Dr Alan Brine, author of the Ovum report: Beyond 3G.\n\n'
        "Forensic pathologist Dr Jane Moss said she had seen the change.",
    )
    roles = roles_of(b)
    assert "Dr Alan Brine, author of the Ovum report" in roles
    assert "Forensic pathologist Dr Jane Moss" in roles


def test_findings_of_a_study_are_its_claims(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Research has found that in poorer nations old laptops can help close the gap. The "
        "report reveals that about 5 million laptops go out of use every year.\n\n"
        "Police found a bag near the station on Friday.",
    )
    assert speaker_of(b, "help close the gap") == "Research"
    assert speaker_of(b, "5 million laptops") == "The report"
    assert speaker_of(b, "found a bag") is None  # finding a thing is no statement


def test_an_inverted_verb_before_the_speakers_title(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The pile of old laptops has reached 9 million, the equivalent of 900 tonnes of waste, "
        "estimates Tom Hale, report author and an adviser at the Green Trust.",
    )
    assert speaker_of(b, "has reached 9 million") == "Tom Hale"


def test_a_count_before_a_verb_is_no_speaker(tmp_path: Path) -> None:
    b = _brief(tmp_path, "Of the 20 sectors surveyed by the institute, 13 reported growth.")
    assert speaker_of(b, "13 reported growth") is None


_TABLE = """\
version: 1
entities:
  - id: bakr
    type: PERSON
    name: Ahmed Hassan al-Bakr
    aliases: {ar: [أحمد حسن البكر], en: [Ahmed Hassan al-Bakr]}
    roles:
      - title: President of Iraq
        cues: {ar: [الرئيس العراقي], en: [Iraqi President]}
        from: 1968-07-17
        to: 1979-07-16
  - id: hale
    type: PERSON
    name: Tom Hale
    aliases: {en: [Tom Hale]}
    roles:
      - {title: Deputy leader, cues: {en: [Forward deputy leader]}, from: 2024-02-01}
"""


def _with_table(tmp_path: Path, body: str, language: str) -> dict[str, object]:
    table = tmp_path / "facts.yaml"
    table.write_text(_TABLE, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(body, encoding="utf-8")
    return make_briefing(
        str(article), facts=[table], language=language, published=dt.date(2024, 3, 7)
    )


def _role_verdict(b: dict[str, object], piece: str) -> str:
    claims = b["claims"]  # type: ignore[index]
    return str(next(c for c in claims if c["kind"] == "role" and piece in c["text"])["verdict"])


def test_a_title_is_checked_at_the_time_its_sentence_tells(tmp_path: Path) -> None:
    ar = _with_table(
        tmp_path,
        "ونقلت القصة إلى الرئيس العراقي أحمد حسن البكر فتأثر بها، فتزوجا عام 1969.",
        "ar",
    )
    assert _role_verdict(ar, "البكر") == "supported"  # president in 1969, not in 2024
    en = _with_table(
        tmp_path,
        "Iraqi President Ahmed Hassan al-Bakr signed the treaty in 2010.",
        "en",
    )
    assert _role_verdict(en, "al-Bakr") == "contradicted"  # dead long before 2010


def test_now_in_a_title_checks_it_at_publication(tmp_path: Path) -> None:
    b = _with_table(
        tmp_path,
        "A headline\n\nTom Hale, now Forward deputy leader, was elected in 2004 on the list.",
        "en",
    )
    assert _role_verdict(b, "Tom Hale") == "supported"


def test_a_stated_hope_is_its_subjects(tmp_path: Path) -> None:
    b = _brief(tmp_path, "Serbia hopes to finally become a member by early 2027.")
    assert speaker_of(b, "become a member") == "Serbia"


def test_a_known_places_head_names_another_place_with_of(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The firm won two licences covering areas in the Gulf of Aqaba last year. Oil prices "
        "in the Gulf rose.",
    )
    places = {e["name"] for e in b["entities"] if e["type"] in ("LOC", "GPE")}  # type: ignore[attr-defined,index]
    assert "the Gulf of Aqaba" in places
    assert "Aqaba" not in places


def test_the_plural_of_an_acronym_is_no_name(tmp_path: Path) -> None:
    b = _brief(
        tmp_path, "Shoppers bought DVDs and LCDs at the fair. The BBC said PCs were cheaper."
    )
    names = {e["name"] for e in b["entities"]}  # type: ignore[attr-defined,index]
    assert not names & {"DVDs", "LCDs", "PCs"}
    assert "BBC" in names
