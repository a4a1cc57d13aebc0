"""English reports, third round: what may come (can, may, could be) puts a bare weekday or
month ahead; "…, say X" with the verb before a plural speaker; a verb of judgement followed by
", saying" has its subject as the speaker; "Critics fear …"."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from conftest import brief_text, speaker_of

_brief = partial(brief_text, language="en", headline="A headline")


def test_what_may_come_puts_a_bare_day_or_month_ahead(tmp_path: Path) -> None:
    # 7 March 2024 is a Thursday.
    b = _brief(
        tmp_path,
        "A ruling could be reached in December, when the judges sit again.\n\n"
        "The young side can beat Italy on Sunday, the coach believes.\n\n"
        "The council may close the library in June.\n\n"
        "He could not train on Monday because of a cold.",
    )
    values = {d["text"]: d["value"] for d in b["dates"]}
    assert values["December"] == "2024-12"
    assert values["Sunday"] == "2024-03-10"
    assert values["June"] == "2024-06"
    assert values["Monday"] == "2024-03-04"  # "could not" tells of the past


def test_say_before_a_pluralspeaker_of(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The talks have made good progress, say those close to the negotiations.\n\n"
        "The scheme is too costly, say analysts at the ratings agency.",
    )
    assert speaker_of(b, "made good progress") == "those close to the negotiations"
    assert speaker_of(b, "too costly") == "analysts at the ratings agency"


def test_a_verb_of_judgement_then_saying_has_its_subject_asspeaker_of(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Carla Mendes said the bill was fair.\n\n"
        "A Green Party spokeswoman criticised Peter Lowe's record, saying rail fares had risen "
        "by 12% while he was transport secretary.\n\n"
        "Critics fear the levy could drive small shops out of business.",
    )
    assert speaker_of(b, "rail fares had risen") == "A Green Party spokeswoman"
    assert speaker_of(b, "drive small shops") == "Critics"


def test_a_fixture_in_the_present_is_the_coming_day(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Scotland lost to Ireland last week and face Italy at Murrayfield on Saturday.\n\n"
        "Scotland beat Wales on Saturday.",
    )
    values = [(d["text"], d["value"]) for d in b["dates"] if d["text"] == "Saturday"]
    assert values == [("Saturday", "2024-03-09"), ("Saturday", "2024-03-02")]


def test_an_aside_with_a_title_and_a_place_names_thespeaker_of(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "But the head of the review panel, Judge Maria Lindqvist of Sweden, warned that "
        'there was "a long way to go".\n\n'
        "Team captain Owen Pryce has rubbished suggestions that the squad is too old.",
    )
    assert speaker_of(b, "a long way to go") == "Maria Lindqvist"
    assert speaker_of(b, "too old") == "Team captain Owen Pryce"


def test_a_relative_aside_before_said_and_more_verbs_of_saying(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Anna Kowal, whose novel The Harbour went on to win the main prize, said winning at home "
        "meant a great deal to her.\n\n"
        'Tom Reyes questioned why there was "such a hurry" to close the pool.',
    )
    assert speaker_of(b, "meant a great deal") == "Anna Kowal"
    assert speaker_of(b, "such a hurry") == "Tom Reyes"


def test_according_to_plan_is_no_source(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The repairs went according to plan.\n\n"
        "Burglaries have fallen, according to police figures.\n\n"
        "Two men were arrested, according to the authorities.",
    )
    assert speaker_of(b, "repairs went") is None
    assert speaker_of(b, "Burglaries") == "police figures"
    assert speaker_of(b, "Two men") == "the authorities"


def test_no_subject_ends_in_and(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        'The singer stopped to pose for photographs and joked: "The shoes are killing me."',
    )
    speaker = speaker_of(b, "shoes are killing")
    assert speaker is None or not speaker.endswith("and")


def test_parts_of_a_year(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Profits rose in the fourth quarter, the bank said.\n\n"
        "Net income was $2bn for the final three months of 2023, while sales rose.\n\n"
        "Orders were 15% higher than in the same period of 2022.\n\n"
        "Full year 2023 gains were smaller.\n\n"
        "Sales in the first half of 2021 were weak.\n\n"
        "The striker scored twice in the second half.",
    )
    values = {d["text"]: d["value"] for d in b["dates"]}
    assert values["the fourth quarter"] == "2023"  # the last to have ended before 7 March 2024
    assert values["the final three months of 2023"] == "2023"
    assert values["the same period of 2022"] == "2022"
    assert values["Full year 2023"] == "2023"
    assert values["the first half of 2021"] == "2021"
    assert "the second half" not in values  # a match's half, as often as a year's


def test_a_second_verb_after_a_comma_goes_with_the_firm_not_its_country(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "US giant General Motors has posted a 9% rise in sales, and in profits, and declared "
        'itself "in good health".',
    )
    speaker = speaker_of(b, "in good health")
    assert speaker == "General Motors"


def test_titles_of_firms_players_and_professions_before_a_name(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Sales rose, said Acme's chief executive John Marlow.\n\n"
        "Police arrested ex-chief financial officer Paul Grange last week.\n\n"
        "Spanish international Pablo Ortiz was sent off.\n\n"
        "An identical letter has been sent to Omar Said, the family's solicitor says.",
    )
    roles = [c["text"] for c in b["claims"] if c["kind"] == "role"]
    assert "Acme's chief executive John Marlow" in roles
    assert "ex-chief financial officer Paul Grange" in roles
    assert "Spanish international Pablo Ortiz" in roles
    assert not any("solicitor" in r for r in roles)  # the solicitor says it; no title of Omar's
    assert speaker_of(b, "identical letter") == "the family's solicitor"


def test_seasons_without_a_year(tmp_path: Path) -> None:
    # 7 March 2024: spring has begun, winter is ending.
    b = _brief(
        tmp_path,
        "We proved that in the autumn, the coach said.\n\n"
        "The band will tour in the summer.\n\n"
        "Prices rose last autumn.\n\n"
        "The summer transfer window shuts soon.",
    )
    values = {d["text"]: d["value"] for d in b["dates"]}
    assert values["the autumn"] == "2023"
    assert values["the summer"] == "2024"
    assert values["last autumn"] == "2023"
    assert not any(t.startswith("The summer") for t in values)  # a window's name, no date
