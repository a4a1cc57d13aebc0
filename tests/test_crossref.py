"""Verdicts attribute by attribute, on Arabic and English sentences we wrote: a true claim, a
planted false one caught with the right attribute, and mentions that must not contradict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, make_briefing

TABLE = DATA / "facts" / "crossref.yaml"


def _claims(tmp_path: Path, text: str, language: str, published: str) -> list[dict[str, Any]]:
    article = tmp_path / f"a.{language}.txt"
    article.write_text(text, encoding="utf-8")
    briefing = make_briefing(
        str(article), facts=[TABLE], language=language, published=dt.date.fromisoformat(published)
    )
    return [c for c in briefing["claims"] if c["kind"] != "role"]


def _roles(tmp_path: Path, text: str, language: str, published: str) -> list[dict[str, Any]]:
    article = tmp_path / f"r.{language}.txt"
    article.write_text(text, encoding="utf-8")
    briefing = make_briefing(
        str(article), facts=[TABLE], language=language, published=dt.date.fromisoformat(published)
    )
    return [c for c in briefing["claims"] if c["kind"] == "role"]


def _conflicts(claim: dict[str, Any]) -> list[str]:
    return [e["attribute"] for e in claim["evidence"] if e["relation"] == "contradicts"]


CASES = [
    # (language, text, verdict, contradicted attribute or None)
    ("ar", "التقى وانغ يي وجيك سوليفان في مالطا يوم 16 سبتمبر/أيلول.", "supported", None),
    ("ar", "التقى وانغ يي وجيك سوليفان في مالطا في أغسطس/آب.", "contradicted", "date"),
    ("ar", "التقى وانغ يي وجيك سوليفان في فيينا.", "contradicted", "place"),
    ("ar", "وصل وانغ يي إلى روسيا في زيارة تستمر أربعة أيام.", "supported", None),
    ("ar", "وصل وانغ يي إلى روسيا في زيارة تستمر ٦ أيام.", "contradicted", "quantity"),
    ("ar", "وقالت مصادر إن الصين زودت روسيا بالأسلحة.", "contradicted", "rating"),
    ("en", "Wang Yi and Jake Sullivan met in Malta on 16 September.", "supported", None),
    ("en", "Wang Yi and Jake Sullivan met in Malta in August.", "contradicted", "date"),
    ("en", "Wang Yi and Jake Sullivan held talks in Vienna.", "contradicted", "place"),
    ("en", "Wang Yi arrived in Russia for a four-day visit.", "supported", None),
    ("en", "Wang Yi arrived in Russia for a two-day visit.", "contradicted", "quantity"),
    ("en", "Sources said China had supplied weapons to Russia.", "contradicted", "rating"),
]


@pytest.mark.parametrize(("language", "text", "verdict", "attribute"), CASES)
def test_attribute_verdicts(
    tmp_path: Path, language: str, text: str, verdict: str, attribute: str | None
) -> None:
    (claim,) = _claims(tmp_path, text, language, "2023-09-20")
    assert claim["verdict"] == verdict, claim["evidence"]
    if attribute is None:
        assert _conflicts(claim) == []
    else:
        assert _conflicts(claim) == [attribute]
        (why,) = [e for e in claim["evidence"] if e["relation"] == "contradicts"]
        assert why["claim_value"] and why["fact_value"] and why["reason"]


NOT_CONTRADICTED = [
    # A place named for context, not where the event happened.
    ("ar", "التقى وانغ يي وجيك سوليفان في مالطا لبحث الحرب في أوكرانيا."),
    ("en", "Wang Yi and Jake Sullivan met in Malta to discuss the war in Ukraine."),
    # A date that belongs to another event in the same sentence.
    ("ar", "التقى وانغ يي وجيك سوليفان في مالطا بعد حرب بدأت في فبراير/شباط 2022 في أوكرانيا."),
    # A relative date that cannot be resolved never contradicts.
    ("en", "Wang Yi and Jake Sullivan met in Malta two days later."),
    # A denial of the false claim reports it, it does not repeat it.
    ("ar", "ونفت الصين أنها زودت روسيا بالأسلحة."),
    ("en", "China denied that it had supplied weapons to Russia."),
]


@pytest.mark.parametrize(("language", "text"), NOT_CONTRADICTED)
def test_mentions_that_must_not_contradict(tmp_path: Path, language: str, text: str) -> None:
    for claim in _claims(tmp_path, text, language, "2023-09-20"):
        assert claim["verdict"] != "contradicted", (claim["text"], claim["evidence"])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "وصرح وزير الخارجية الصيني وانغ يي للصحفيين."),
        ("en", "Chinese Foreign Minister Wang Yi spoke to reporters."),
    ],
)
def test_roles_on_the_publication_date(tmp_path: Path, language: str, text: str) -> None:
    (held,) = _roles(tmp_path, text, language, "2023-09-20")
    assert held["verdict"] == "supported"
    # In March 2023 the office was Qin Gang's: the title is wrong on that date.
    (not_held,) = _roles(tmp_path, text, language, "2023-03-10")
    assert not_held["verdict"] == "contradicted"
    assert _conflicts(not_held) == ["role"]


def test_another_persons_title_contradicts(tmp_path: Path) -> None:
    (role,) = _roles(tmp_path, "وقال مستشار الأمن القومي الأمريكي وانغ يي إن …", "ar", "2023-09-20")
    assert role["verdict"] == "contradicted"
    (why,) = [e for e in role["evidence"] if e["relation"] == "contradicts"]
    assert "Jake Sullivan" in why["fact_value"]


def test_several_tables_merge(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("التقى وانغ يي وجيك سوليفان في مالطا.", encoding="utf-8")
    briefing = make_briefing(
        str(article), facts=[TABLE, DATA / "facts" / "paris-riyadh.yaml"], language="ar"
    )
    assert len(briefing["fact_table"]["paths"]) == 2
    assert briefing["summary"]["supported"] >= 1


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ar",
            "ووصل وزير الخارجية الصيني وانغ يي إلى موسكو. "
            "وقال الوزير إن الزيارة إلى روسيا تستمر ستة أيام.",
        ),
        (
            "en",
            "Chinese Foreign Minister Wang Yi arrived in Moscow. "
            "The minister said the visit to Russia would last six days.",
        ),
    ],
)
def test_the_minister_refers_back(tmp_path: Path, language: str, text: str) -> None:
    """A bare title names the one person in the article who holds it: the claim about the
    visit counts Wang Yi, so its planted number is caught."""
    claims = _claims(tmp_path, text, language, "2023-09-20")
    second = claims[-1]
    assert "wang-yi" in second["entities"]
    assert second["verdict"] == "contradicted"
    assert _conflicts(second) == ["quantity"]


def test_a_carried_speaker_counts_as_named(tmp_path: Path) -> None:
    text = "وقال وانغ يي إن العلاقات جيدة. وأضاف أن زيارته إلى روسيا تستمر ستة أيام."
    claims = _claims(tmp_path, text, "ar", "2023-09-20")
    assert claims[-1]["speaker"]["carried"] is True
    assert "wang-yi" in claims[-1]["entities"]
    assert _conflicts(claims[-1]) == ["quantity"]


def test_admiralty_grades(tmp_path: Path) -> None:
    """Reliability from the table's grading of the speaker (or the outlet for the article's
    own voice), F when ungraded or anonymous; credibility from the verdict and its evidence."""
    table = tmp_path / "graded.yaml"
    table.write_text(
        TABLE.read_text(encoding="utf-8").replace(
            "entities:\n",
            "entities:\n"
            "  - id: xinhua\n    type: ORG\n    name: Xinhua\n    reliability: C\n"
            "    aliases: {en: [Xinhua], ar: [شينخوا, وكالة شينخوا]}\n"
            "  - id: wire\n    type: ORG\n    name: The Test Wire\n    reliability: B\n",
        ),
        encoding="utf-8",
    )
    article = tmp_path / "a.md"
    article.write_text(
        "---\noutlet: The Test Wire\npublished: 2023-09-20\n---\n"
        "Wang Yi and Jake Sullivan held talks in Malta on 16 September.\n"
        "Xinhua said Wang Yi had talks with Jake Sullivan.\n"
        "Wang Yi and Jake Sullivan held talks in Vienna, an official who asked not to be "
        "named said.\n"
        "Xinhua said the weather in Beijing was fine.\n",
        encoding="utf-8",
    )
    briefing = make_briefing(str(article), facts=[table])
    codes = [c["grade"]["code"] for c in briefing["claims"] if c["kind"] != "role"]
    assert codes == ["B1", "C2", "F5", "C6"]


def test_last_week_across_two_months_contradicts_only_out_of_reach(tmp_path: Path) -> None:
    # Published Monday 2 October: last week runs from 23 September to 1 October, mostly
    # September; the meeting of 16 September is out of its reach, a 30 September one is not.
    text = "Wang Yi and Jake Sullivan met in Malta last week."
    far = _claims(tmp_path, text, "en", "2023-10-09")[0]
    assert far["dates"] and far["verdict"] == "contradicted"
    near = _claims(tmp_path, text, "en", "2023-10-02")[0]
    assert near["verdict"] != "contradicted"


def test_a_place_the_fact_is_about_does_not_date_its_event(tmp_path: Path) -> None:
    # The declaration is about the G20 and New Delhi; "arrived in New Delhi on Friday" dates an
    # arrival, so the Friday next to the place contradicts nothing. Next to the cue, it does.
    table = tmp_path / "g20.yaml"
    table.write_text(
        "version: 1\n"
        "entities:\n"
        "  - {id: g20, type: ORG, name: G20, aliases: {en: [G20], ar: []}}\n"
        "  - {id: delhi, type: GPE, name: New Delhi, aliases: {en: [New Delhi], ar: []}}\n"
        "facts:\n"
        "  - id: declaration\n"
        "    statement: G20 leaders adopted a declaration in New Delhi on 9 September 2023.\n"
        "    about: [g20, delhi]\n"
        "    cues: {en: [declaration], ar: []}\n"
        "    date: 2023-09-09\n"
        "    sources: [{title: A test source, url: 'https://example.org/g20'}]\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "The president arrived in New Delhi on Friday, days before he said at a dinner that "
        "the G20 could still deliver. "
        "The G20 adopted its declaration on Friday in New Delhi.",
        encoding="utf-8",
    )
    briefing = make_briefing(
        str(article), facts=[table], language="en", published=dt.date(2023, 9, 10)
    )
    arrival, adoption = (c for c in briefing["claims"] if c["kind"] != "role")
    assert "date" not in _conflicts(arrival)
    assert _conflicts(adoption) == ["date"]


def test_his_names_the_person_of_the_sentence_before(tmp_path: Path) -> None:
    from conftest import ROOT

    article = tmp_path / "a.txt"
    article.write_text(
        "Vladimir Putin has rarely left Russia. "
        "His last foreign trips were to Kyrgyzstan and Belarus in December 2022.",
        encoding="utf-8",
    )
    briefing = make_briefing(
        str(article),
        facts=[ROOT / "seeds" / "facts" / "wang-yi-moscow-2023.yaml"],
        language="en",
        published=dt.date(2023, 9, 18),
    )
    trips = next(c for c in briefing["claims"] if "Kyrgyzstan" in c["text"])
    assert "vladimir-putin" in trips["entities"] and trips["verdict"] == "supported"
