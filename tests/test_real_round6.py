"""Sixth round of real articles: a title after a name that the writer left unclosed ("X,
president of Y says that"), a person "of" a body ("analyst Peter Lang of Barclays Capital"), a
speaker behind an honorific ("said Dr Alan Brine"), and a passive with no agent ("when the deal
was announced"), which names no speaker."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from conftest import brief_text, roles_of, speaker_of

_brief = partial(brief_text, language="en", headline="A headline")


def _people(b: dict[str, object]) -> set[str]:
    return {str(e["name"]) for e in b["entities"] if e["type"] == "PERSON"}  # type: ignore[attr-defined,index]


def test_a_title_left_open_before_the_verb_keeps_its_speaker(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        "The plans may be more than buyers need, but Karl Meyer, president of the networks "
        'division at the firm says that: "By 2030, the need will grow."',
    )
    assert speaker_of(b, "the need will grow") == "Karl Meyer"


def test_a_person_of_a_body_is_the_person_and_the_body(tmp_path: Path) -> None:
    b = _brief(tmp_path, '"Demand is strong," said energy analyst Peter Lang of Harwick Capital.')
    assert "Peter Lang" in _people(b)
    assert "Peter Lang of Harwick Capital" not in _people(b)
    orgs = {e["name"] for e in b["entities"] if e["type"] == "ORG"}  # type: ignore[attr-defined,index]
    assert "Harwick Capital" in orgs
    assert "energy analyst Peter Lang of Harwick Capital" in roles_of(b)
    assert speaker_of(b, "Demand is strong") == "energy analyst Peter Lang"


def test_a_speaker_behind_an_honorific_and_an_authors_title(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        '"Rates will be lower," said Dr Alan Brine, author of the Ovum report: Beyond 3G.',
    )
    assert speaker_of(b, "Rates will be lower") == "Dr Alan Brine"
    assert "Alan Brine" in _people(b)
    assert "Dr Alan Brine, author of the Ovum report" in roles_of(b)


def test_a_passive_without_its_agent_names_no_speaker(tmp_path: Path) -> None:
    b = _brief(
        tmp_path,
        'We are "building our network to meet demand," said Anna Berg, the firm’s head of '
        "technology, when the deal was announced.",
    )
    assert speaker_of(b, "building our network") == "Anna Berg"
