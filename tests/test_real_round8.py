"""Eighth round of real articles (English titles): lower-case nouns that qualify a title's head
("race director", "ISM survey chairman") but not a verb before it ("hosted"); a name set between
commas after its title ("Hollywood's honorary mayor, Johnny Grant,"); the honorific before a
name whose title follows it ("Dr Alastair Brydon, author of …")."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from conftest import brief_text, speaker_of

_brief = partial(brief_text, language="en", headline="A headline")


def _roles(b: dict[str, object]) -> list[str]:
    return [str(c["text"]) for c in b["claims"] if c["kind"] == "role"]  # type: ignore[attr-defined,index]


def test_lower_case_nouns_before_a_title_head_are_part_of_the_title(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        '"It was a good month," said FTSE survey chairman Alan Morris.\n\n'
        '"She will run," said race director Tom Hale.\n\n'
        "The award was handed over by Blue Moon producer Kenji Sato on Monday.\n\n"
        "Mr Putin hosted North Korean leader Kim Jong Un in Vostochny.",
    )
    roles = _roles(b)
    assert "FTSE survey chairman Alan Morris" in roles
    assert "race director Tom Hale" in roles
    assert "Blue Moon producer Kenji Sato" in roles
    assert "North Korean leader Kim Jong Un" in roles
    assert not any(r.startswith("hosted") for r in roles)


def test_a_name_between_commas_after_its_title(tmp_path: Path) -> None:
    b = _brief(tmp_path, "Leeds's honorary mayor, John Grey, unveiled the plaque on Monday.")
    assert "Leeds's honorary mayor, John Grey" in _roles(b)


def test_an_honorific_opens_a_role_claim_whose_title_follows(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        '"Rates will be lower," said Dr Alan Brine, author of the Ovum report: Beyond 3G.\n\n'
        "Forensic pathologist Dr Jane Moss said she had seen the change.",
    )
    roles = _roles(b)
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
