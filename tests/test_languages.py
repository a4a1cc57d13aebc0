"""A language is one `Language` in one registry: a toy third language, defined here, is briefed
through the real pipeline without a line of the analysis knowing it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing import languages
from briefing.analysis import times
from briefing.analysis.claims import sources, subject_first, verb_first
from briefing.analysis.entities import cues, titles
from briefing.languages import Language, LanguageRules
from briefing.models import TimeRef
from conftest import make_briefing


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "Toyish" (code xx): a made-up language written in Latin letters, subject first, with its own
# reporting verbs, titles and a one-word time grammar ("hodie": the day of publication).
_TODAY = re.compile(r"\bhodie\b")


def _toy_times(text: str, published: dt.date | None) -> list[TimeRef]:
    value = times.day_value(published) if published else times.UNRESOLVED
    return [times.date_expr(text, m.start(), m.end(), value) for m in _TODAY.finditer(text)]


TOYISH = Language(
    rules=LanguageRules(
        code="xx",
        direction="ltr",
        reporting_verbs=_words("diris diras anoncis neis"),
        belief_verbs=_words("kredas"),
        denial_verbs=_words("neis"),
        accusation_verbs=_words("akuzis"),
        complementizers=_words("ke"),
        trailing_attributions=("laux",),
        participle_attributions=_words("dirante"),
        carry_verbs=_words("aldonis"),
        anonymous_heads=_words("fonto fontoj"),
        anonymous_phrases=("sen nomo",),
        title_heads=_words("ministro prezidanto"),
        org_heads=_words("ministerio banko"),
        stop_words=_words("la de en kaj al kun ke por"),
        time_words=_words("hodie"),
        opinion_words=_words("eble"),
        prediction_words=_words("estos"),
        factual_verbs=_words("vizitis subskribis"),
        event_triggers={"vizitis": "visit", "subskribis": "agreement"},
        number_words={"unu": 1.0, "du": 2.0, "tri": 3.0},
        quote_pairs=(("“", "”"), ('"', '"')),
        place_prepositions=_words("en al"),
        visit_verbs=_words("vizitis"),
        pronouns=_words("li sxi"),
        person_pronouns=_words("li sxi"),
        has_case=True,
        modifiers_first=True,
    ),
    quote_marks=("“", "”"),
    time_grammar=_toy_times,
    attribution=(
        subject_first.subject_or_source,
        verb_first.speaker_after_verb,
        sources.trailing_source,
    ),
    speaker_names=(cues.subject_name,),
    titles=(titles.titles_before_names,),
)

_FACTS = """\
version: 1
title: Toyland
as_of: 2024-03-10
entities:
  - id: kalo-venn
    type: PERSON
    name: Kalo Venn
    aliases:
      xx: [Kalo Venn, Venn]
    roles:
      - title: Minister of Trade of Toyland
        cues:
          xx: [ministro]
        from: 2020-01-01
  - id: zarlando
    type: GPE
    name: Zarlando
    aliases:
      xx: [Zarlando]
facts: []
"""

_ARTICLE = (
    "Ministro Kalo Venn diris ke Zarlando subskribis tri akordojn hodie.\n"
    "Mira Solen anoncis ke la banko estos malfermita.\n"
    "La prezoj falis je du procentoj, laux fontoj sen nomo.\n"
)


@pytest.fixture
def toyish() -> Iterator[Language]:
    languages.register(TOYISH)
    try:
        yield TOYISH
    finally:
        languages.unregister("xx")


def _brief(tmp_path: Path) -> dict[str, Any]:
    article = tmp_path / "toy.txt"
    article.write_text(_ARTICLE, encoding="utf-8")
    facts = tmp_path / "toy.yaml"
    facts.write_text(_FACTS, encoding="utf-8")
    return make_briefing(str(article), facts=[facts], language="xx", published=dt.date(2024, 3, 10))


def _claim(b: dict[str, Any], piece: str) -> dict[str, Any]:
    return next(c for c in b["claims"] if piece in c["text"] and c["kind"] != "role")


def test_registry_serves_the_built_in_languages() -> None:
    assert languages.codes() == ("ar", "en")
    assert languages.get("ar").quote_marks == ("«", "»")
    assert languages.get("ar").direction == "rtl"
    assert languages.get("en").quote_marks == ("“", "”")
    assert languages.get("en").direction == "ltr"
    assert languages.get("en").number_words["three"] == 3.0
    assert languages.detect_language("قال وزير الخارجية") == "ar"
    assert languages.detect_language("The minister said") == "en"
    with pytest.raises(ValueError, match="choose one of ar, en"):
        languages.get("xx")


def test_a_registered_language_is_briefed_through_the_pipeline(
    tmp_path: Path, toyish: Language
) -> None:
    assert languages.codes() == ("ar", "en", "xx")
    # A language without a script of its own to tell it by is never guessed.
    assert languages.detect_language(_ARTICLE) == "en"
    b = _brief(tmp_path)
    assert b["article"]["language"] == "xx"

    entities = {e["name"]: e["type"] for e in b["entities"]}
    assert entities["Kalo Venn"] == "PERSON"
    assert entities["Zarlando"] == "GPE"
    assert entities["Mira Solen"] == "PERSON"  # two capitalised words before a reporting verb

    first = _claim(b, "subskribis")
    assert first["speaker"]["entity_id"] == "kalo-venn"
    assert first["kind"] == "reported"
    assert first["dates"] == ["2024-03-10"]  # its own time grammar
    assert first["entities"] == ["kalo-venn", "zarlando"]

    second = _claim(b, "banko")
    assert second["speaker"]["text"] == "Mira Solen"

    third = _claim(b, "prezoj")
    assert third["speaker"]["text"] == "fontoj sen nomo"  # "laux": according to

    # The title before the name is a role claim, checked against the table's role.
    roles = [c for c in b["claims"] if c["kind"] == "role"]
    assert [(r["text"], r["verdict"]) for r in roles] == [("Ministro Kalo Venn", "supported")]
    assert [(e["type"], e["date"]) for e in b["events"]] == [("agreement", "2024-03-10")]


def test_unregistered_language_is_gone(tmp_path: Path, toyish: Language) -> None:
    languages.unregister("xx")
    assert "xx" not in languages.codes()
    languages.register(toyish)  # the fixture unregisters it again
