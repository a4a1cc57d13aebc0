"""Who said it in English reports the tool had not seen: a participle clause before the
subject, a reporting verb joined by "and" to another verb, a pronoun after what it says, a
"saying" that goes on with its sentence's speaker, and clauses that name no one ("There
were …", an aside between dashes)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from conftest import brief_text, speaker_of

_brief = partial(brief_text, language="en")


def test_an_opening_participle_clause_is_nospeaker_of(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The bridge in Carrow will reopen in May, Helen Marsh has said.\n\n"
        "Answering fears that the repairs were unsafe, Ms Marsh told local radio: "
        '"The engineers have checked every beam. Nothing was left to chance."\n\n'
        "Visiting the site on Tuesday, she said the work was ahead of schedule.",
    )
    assert speaker_of(b, "The engineers have checked") == "Ms Marsh"
    assert speaker_of(b, "Nothing was left") == "Ms Marsh"
    assert (speaker_of(b, "ahead of schedule") or "").endswith("Marsh")


def test_a_pronoun_after_the_quote_is_not_the_name_in_it(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Banker Oliver Grant denied on Monday that he had misled investors.\n\n"
        "Speaking in court, Mr Grant rejected claims he bullied his deputy Tom Reed. "
        'Mr Reed "handled every payment," he told the jury, saying his deputy had '
        '"full control of the accounts".',
    )
    assert speaker_of(b, "rejected claims he bullied") == "Mr Grant"
    assert speaker_of(b, "handled every payment") == "Mr Grant"
    assert speaker_of(b, "full control of the accounts") == "Mr Grant"


def test_a_reporting_verb_joined_by_and_keeps_the_subject(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Banker Oliver Grant went on trial in Leeds on Monday.\n\n"
        "On his third day of questioning in the Leeds trial Mr Grant played down his "
        "friendship with Tom Reed and denied he often met him outside the office.",
    )
    assert (speaker_of(b, "denied he often met him") or "").endswith("Grant")


def test_there_were_and_an_aside_between_dashes_name_no_one(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Police said the march in Dorley passed off peacefully.\n\n"
        "There were only six arrests - over alleged theft in the market - although it was "
        "unclear whether charges would follow.",
    )
    assert speaker_of(b, "There were only six arrests") is None


def test_he_said_adding_that_keeps_thespeaker_of(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Ramblers Association chairman Kate Dunmore spoke after the walk on Sunday.\n\n"
        'Walkers had come "to prove the footpath belongs to everyone", she said adding that '
        "landowners had blocked three gates as far as she knew.",
    )
    assert (speaker_of(b, "to prove the footpath") or "").endswith("Dunmore")
    assert (speaker_of(b, "landowners had blocked") or "").endswith("Dunmore")


def test_a_title_with_modifiers_stands_for_the_person_just_named(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The new rail timetable is reliable and fair, Gareth Pryce has said.\n\n"
        "The regional transport minister said complaints would fall once drivers were trained.",
    )
    assert speaker_of(b, "complaints would fall") == "Gareth Pryce"


def test_denying_charges_is_a_plea_the_report_states(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Former bank chief Oliver Grant has denied claims that he hid losses from auditors.\n\n"
        "Mr Grant has denied charges of theft and false accounting.",
    )
    assert (speaker_of(b, "hid losses") or "").endswith("Grant")
    assert speaker_of(b, "charges of theft") is None


def test_it_has_been_announced_names_no_one(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "Health Secretary Mary Lowe will open the new hospital wing in Derby next month, "
        "it has been announced.",
    )
    assert speaker_of(b, "open the new hospital wing") is None
