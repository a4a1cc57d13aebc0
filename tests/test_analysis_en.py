"""English analysis on text we wrote: speakers in every structure, titles, anonymous sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import make_briefing


def _brief(tmp_path: Path, body: str) -> dict[str, Any]:
    article = tmp_path / "a.txt"
    article.write_text(body, encoding="utf-8")
    return make_briefing(str(article), language="en", published=dt.date(2024, 3, 7))


def _speaker(b: dict[str, Any], piece: str) -> dict[str, Any] | None:
    claim = next(c for c in b["claims"] if piece in c["text"] and c["kind"] != "role")
    return claim["speaker"]


@pytest.mark.parametrize(
    ("text", "piece", "speaker"),
    [
        ("Foreign Minister Hakan Fidan said the talks were useful.", "talks were", "Fidan"),
        ('"The talks were useful," said Hakan Fidan.', "talks were", "Hakan Fidan"),
        ("The talks were useful, according to the Turkish foreign ministry.", "talks", "Turkish"),
        ("Hakan Fidan told reporters that the talks were useful.", "talks were", "Hakan Fidan"),
        ('"The talks were useful," she said.', "talks were", None),
        (
            '"The talks were useful," Hakan Fidan, who leads the delegation, told reporters.',
            "talks were",
            "Hakan Fidan",
        ),
        # The speaker between commas inside the sentence.
        (
            "The death toll rose to 2,122 on Sunday, the interior ministry said, with 2,421 hurt.",
            "2,122",
            "the interior ministry",
        ),
        # The verb before its speaker at the end.
        ("The talks went well, said Portugal defender Pepe.", "talks went", "Pepe"),
        # An opening phrase of place, and a relative clause inside the subject.
        (
            "In the village of Moulay Brahim, a resident who gave his name only as Hassan told "
            "reporters that his family had slept in the street.",
            "slept in the street",
            "a resident",
        ),
        # The subject's verb wins over a source cited after it.
        (
            "Wang said China was willing to work with the US, according to his ministry.",
            "willing to work",
            "Wang",
        ),
        # A reporting verb that takes a quote after its object.
        ('Vladimir Putin called the victory "a natural result of your work".', "victory", "Putin"),
    ],
)
def test_speaker_structures(tmp_path: Path, text: str, piece: str, speaker: str | None) -> None:
    found = _speaker(_brief(tmp_path, text), piece)
    if speaker is None:
        assert found is None or found["carried"] is False or found["text"]
    else:
        assert found is not None and speaker in found["text"]


def test_he_added_carries_the_speaker(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Hakan Fidan said the talks were useful. He added that a deal could come next month.",
    )
    added = _speaker(b, "deal could come")
    assert added is not None and added["carried"] is True
    assert "Hakan Fidan" in added["text"]


def test_anonymous_sources_are_flagged(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "A deal is close, an official who asked not to be named told reporters on Monday.",
    )
    speaker = _speaker(b, "deal is close")
    assert speaker is not None and speaker["anonymous"] is True


def test_titles_and_role_claims(tmp_path: Path) -> None:
    b = _brief(tmp_path, "Commerce Secretary Gina Raimondo visited Beijing in August.")
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert roles == ["Commerce Secretary Gina Raimondo"]
    people = {m["text"] for e in b["entities"] if e["type"] == "PERSON" for m in e["mentions"]}
    assert "Gina Raimondo" in people
    dates = {d["text"]: d["value"] for d in b["dates"]}
    assert dates["August"] == "2023-08"


def test_durations_and_numbers(tmp_path: Path) -> None:
    b = _brief(tmp_path, "The minister began a four-day visit to Cairo on Monday.")
    assert [d["value"] for d in b["durations"]] == ["P4D"]
    assert [d["value"] for d in b["dates"]] == ["2024-03-04"]


def test_a_title_between_commas_is_a_role_claim(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Ahmet Yener, head of the Supreme Election Council, told reporters that turnout was high.",
    )
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert roles == ["Ahmet Yener, head of the Supreme Election Council"]
    speaker = _speaker(b, "turnout was high")
    assert speaker is not None and speaker["text"] == "Ahmet Yener"


@pytest.mark.parametrize(
    "text",
    [
        "The leaders welcomed the agreement on Saturday.",
        "Last week the department removed 27 companies from a blacklist, a move officials "
        "welcomed as a goodwill gesture.",
    ],
)
def test_verbs_with_an_object_report_no_speech(tmp_path: Path, text: str) -> None:
    b = _brief(tmp_path, text)
    assert all(c["speaker"] is None for c in b["claims"] if c["kind"] != "role")


def test_pronouns_resolve_to_the_person_named_before(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Gina Raimondo met Wang Wentao on Monday, according to a statement from the ministry. "
        "She added that American companies found China hard to invest in.",
    )
    speaker = _speaker(b, "American companies")
    assert speaker is not None and speaker["text"] == "Gina Raimondo"
    assert speaker["carried"] is True


def test_a_quote_standing_alone_keeps_the_speaker_before(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "\"It's a complicated relationship. It's a challenging one,\" Gina Raimondo told Wang. "
        '"We will of course disagree on certain issues."',
    )
    first = _speaker(b, "complicated relationship")
    alone = _speaker(b, "disagree on certain issues")
    assert first is not None and first["text"] == "Gina Raimondo"
    assert alone is not None and alone["text"] == "Gina Raimondo"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ('"A victory," said China\'s top diplomat Wang Yi.', "China's top diplomat Wang Yi"),
        (
            "White House national security spokesman John Kirby spoke to reporters.",
            "White House national security spokesman John Kirby",
        ),
        (
            "On Monday she met Britain's foreign secretary James Cleverly in London.",
            "Britain's foreign secretary James Cleverly",
        ),
        (
            "Prince Faisal bin Farhan, the Saudi foreign minister, wrote on Twitter.",
            "Faisal bin Farhan, the Saudi foreign minister",
        ),
        ("Chinese Premier Li Qiang met the delegation.", "Chinese Premier Li Qiang"),
    ],
)
def test_possessive_and_lower_case_titles_make_role_claims(
    tmp_path: Path, text: str, role: str
) -> None:
    b = _brief(tmp_path, text)
    assert role in [c["text"] for c in b["claims"] if c["kind"] == "role"]


def test_names_with_particles_and_places_after_a_head(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Prince Faisal bin Farhan visited the village of Moulay Brahim. The magnitude 6.8 quake "
        "struck late on Friday.",
    )
    names = {(e["type"], e["name"]) for e in b["entities"]}
    assert ("PERSON", "Faisal bin Farhan") in names
    assert ("GPE", "Moulay Brahim") in names
    assert not any(n == "6.8" for _t, n in names)


def test_a_passive_reporting_verb_names_its_agent(tmp_path: Path) -> None:
    b = _brief(tmp_path, "The claim was denied by UKIP spokesman Mark Croucher on Monday.")
    speaker = _speaker(b, "The claim")
    assert speaker is not None and speaker["text"].startswith("UKIP spokesman Mark Croucher")


def test_she_is_not_the_mr_who_spoke_before(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Mr Hockney said the law was clear. UKIP chairman Petrina Holdsworth has said the party "
        'could act. She said: "We could take legal proceedings."',
    )
    speaker = _speaker(b, "legal proceedings")
    assert speaker is not None and speaker["text"] == "Petrina Holdsworth"


def test_organisations_places_and_people_the_model_gets_wrong(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Talks hosted by Iraq and Oman helped, said the secretary of Iran's Supreme National "
        "Security Council. The bank Goldman Sachs backed the deal. Protesters stormed the "
        "embassy after the execution of the Shi'ite cleric Nimr al-Nimr. Rabbi Marvin Hier of "
        "the Simon Wiesenthal Center spoke.",
    )
    names = {(e["type"], e["name"]) for e in b["entities"]}
    assert ("GPE", "Oman") in names  # an Arabic form is ambiguous (عمان), the English one not
    assert ("ORG", "Supreme National Security Council") in names
    assert ("ORG", "Goldman Sachs") in names
    assert ("PERSON", "Nimr al-Nimr") in names
    assert ("ORG", "Simon Wiesenthal Center") in names


def test_a_capitalised_name_before_said_is_a_person(tmp_path: Path) -> None:
    b = _brief(tmp_path, "Ivo Geijsen said the bank would cut jobs. Cary Leahy told reporters so.")
    people = {e["name"] for e in b["entities"] if e["type"] == "PERSON"}
    assert {"Ivo Geijsen", "Cary Leahy"} <= people


def test_an_office_after_of_belongs_to_the_title(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "US Secretary of State Antony Blinken said the deal would help. Minister of Defence "
        "Ali Hassan spoke later.",
    )
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert "US Secretary of State Antony Blinken" in roles
    assert "Minister of Defence Ali Hassan" in roles
    assert "Antony Blinken" in {e["name"] for e in b["entities"] if e["type"] == "PERSON"}


def test_a_name_between_commas_after_its_title_speaks(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The United Nations envoy to Sudan, Volker Perthes, told the council that neither side "
        "was ready. The talks were brokered by Saudi Arabia and the United States.",
    )
    assert (_speaker(b, "neither side") or {}).get("text") == "Volker Perthes"
    assert _speaker(b, "talks were brokered") is None  # "States" in a name is no verb


def test_linking_words_and_adverbs_leave_the_subject_alone(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Mr Brown spoke first. But he denied that he was ruling it out. He also said the rules "
        "were clear. They were released on bail but police say they may face charges. "
        "However, the minister said it was over.",
    )
    assert (_speaker(b, "ruling it out") or {}).get("text") == "Mr Brown"
    assert (_speaker(b, "rules were clear") or {}).get("text") == "Mr Brown"
    assert (_speaker(b, "face charges") or {}).get("text") == "police"
    assert (_speaker(b, "it was over") or {}).get("text") == "the minister"


def test_the_verb_after_a_relative_aside_is_the_named_person_s(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Sergei Lavrov said the summit was a success. US President Joe Biden, who arrived in "
        "New Delhi on Friday, said the G20 could still deliver.",
    )
    assert (_speaker(b, "could still deliver") or {}).get("text") == "Joe Biden"
