"""English analysis on text we wrote: speakers in every structure, titles, anonymous sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from briefing.pipeline import make_briefing


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
