"""The bundled seed article through the whole pipeline: golden JSON and what an analyst expects."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from conftest import ROOT, check_golden, schema


def _stable(briefing: dict[str, Any]) -> dict[str, Any]:
    """The briefing without what depends on installed versions."""
    return {k: v for k, v in briefing.items() if k not in ("models", "generator")}


def test_seed_golden_json(seed_briefing: dict[str, Any]) -> None:
    text = json.dumps(_stable(seed_briefing), ensure_ascii=False, indent=2) + "\n"
    # Paths as the checkout has them: the same golden file serves any folder.
    check_golden("seed.briefing.json", text.replace(f"{ROOT}/", ""))


def test_seed_json_validates_and_offsets_slice(seed_briefing: dict[str, Any]) -> None:
    jsonschema.validate(seed_briefing, schema())
    body = seed_briefing["article"]["body"]
    for entity in seed_briefing["entities"]:
        for m in entity["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"]
    for d in seed_briefing["dates"]:
        assert body[d["start"] : d["end"]] == d["text"]
    for c in seed_briefing["claims"]:
        assert body[c["start"] : c["end"]] == c["text"]


def _entity(briefing: dict[str, Any], entity_id: str) -> dict[str, Any]:
    return next(e for e in briefing["entities"] if e["entity_id"] == entity_id)


def test_seed_entities_are_grouped_and_clitic_free(seed_briefing: dict[str, Any]) -> None:
    putin = _entity(seed_briefing, "vladimir-putin")
    forms = {m["text"] for m in putin["mentions"]}
    assert forms == {"بوتين", "فلاديمير بوتين"}
    assert len(putin["mentions"]) == 7
    # "لبيونغ يانغ" and "لموسكو": the preposition stays outside the span.
    assert {m["text"] for m in _entity(seed_briefing, "pyongyang")["mentions"]} == {"بيونغ يانغ"}
    assert {m["text"] for m in _entity(seed_briefing, "moscow")["mentions"]} == {"موسكو"}
    # Names that begin with clitic letters are never cut.
    assert "بكين" in {m["text"] for m in _entity(seed_briefing, "beijing")["mentions"]}
    assert "سيرجي لافروف" in {
        m["text"] for m in _entity(seed_briefing, "sergei-lavrov")["mentions"]
    }
    # A word broken by a stray space still counts.
    us = {m["text"] for m in _entity(seed_briefing, "united-states")["mentions"]}
    assert "الولايات المتحد ة" in us


def test_seed_dates_keep_their_precision(seed_briefing: dict[str, Any]) -> None:
    values = {d["text"]: d["value"] for d in seed_briefing["dates"]}
    assert values["مارس/آذار"] == "2023-03"
    assert values["ديسمبر/كانون الأول 2022"] == "2022-12"
    assert values["يوليو/تموز"] == "2023-07"
    assert values["في وقت سابق من هذا الشهر"] == "2023-09"
    assert values["العام الماضي"] == "2022"
    assert [d["value"] for d in seed_briefing["durations"]] == ["P4D"]
    assert seed_briefing["durations"][0]["quantity"] == 4


def _claim(briefing: dict[str, Any], piece: str, kind: str | None = None) -> dict[str, Any]:
    return next(
        c for c in briefing["claims"] if piece in c["text"] and (kind is None or c["kind"] == kind)
    )


def test_seed_speakers(seed_briefing: dict[str, Any]) -> None:
    expected = {
        "ستمهد الطريق": "وسائل إعلام روسية",
        "لمدة أربعة أيام": "وزارة الخارجية الصينية",
        "سيجتمع مع نظيره الروسي": "وكالة تاس",
        "التعاون العسكري": "روسيا وكوريا الشمالية",
        "رفضت التعليق": "وزارة الخارجية الصينية",
        "كل ما يحدث مع روسيا": "ألكسندر كوروليف",
        "كوكيل مفيد": "كوروليف",
        "كان أمامها أكثر من عام": "كوروليف",
        "وتنفي الصين باستمرار": "الصين",
    }
    for piece, speaker in expected.items():
        claim = _claim(seed_briefing, piece)
        assert claim["speaker"] is not None, piece
        assert speaker in claim["speaker"]["text"], (piece, claim["speaker"])
    assert _claim(seed_briefing, "كل ما يحدث مع روسيا")["kind"] == "quote"
    assert _claim(seed_briefing, "كوكيل مفيد")["speaker"]["carried"] is True
    assert _claim(seed_briefing, "عندما زار بيلاروسيا")["speaker"] is None


def test_seed_verdicts_with_bundled_table(seed_briefing: dict[str, Any]) -> None:
    role = _claim(seed_briefing, "وزير الخارجية الصيني وانغ يي", "role")
    assert role["verdict"] == "supported"
    assert role["evidence"][0]["attribute"] == "role"
    warrant = _claim(seed_briefing, "مذكرة اعتقال")
    assert warrant["verdict"] == "supported"
    assert any(
        e["attribute"] == "date" and e["claim_value"] == "2023-03" for e in warrant["evidence"]
    )
    visit = _claim(seed_briefing, "لمدة أربعة أيام")
    assert visit["verdict"] == "supported"
    assert any(e["attribute"] == "quantity" for e in visit["evidence"])
    assert _claim(seed_briefing, "ستمهد الطريق")["verdict"] == "unverified"
    assert seed_briefing["summary"]["contradicted"] == 0
    counts = seed_briefing["summary"]
    assert counts["claims"] == counts["supported"] + counts["unverified"]
