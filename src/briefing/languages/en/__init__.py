"""English: the words that mark speakers, titles and events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefing.analysis.claims import sources, subject_first, verb_first
from briefing.analysis.entities import cues, titles
from briefing.languages.base import (
    Language,
    LanguageRules,
    read_phrases,
    read_table,
    read_words,
)

if TYPE_CHECKING:
    from briefing.models import TimeRef


V = TypeVar("V")
_DATA = Path(__file__).parent / "data"


def _words(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in read_words(_DATA / f"{name}.txt"))


def _phrases(name: str) -> tuple[str, ...]:
    return read_phrases(_DATA / f"{name}.txt")


def _table(name: str, value: Callable[[str], V]) -> dict[str, V]:
    return {w.casefold(): value(v) for v, ws in read_table(_DATA / f"{name}.txt") for w in ws}


_MALE = frozenset({"mr", "sir", "lord", "king", "prince", "sheikh", "emir"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess"})


class EnglishRules(LanguageRules):
    """English rules: demonyms have a shape of their own."""

    def heads_a_name(self, word: str) -> bool:
        return word[:1].isupper()

    def pronoun_fits(self, pronoun: str, before: str) -> bool:
        # Only an honorific tells a name's gender here: "Mr Hockney" is no "she".
        last = before.split()[-1].casefold().rstrip(".") if before.split() else ""
        if last in ("a", "an"):
            return False  # "an Oscar nomination": a name with "a" before it is no one's
        if pronoun in ("she", "her"):
            return last not in _MALE
        if pronoun in ("he", "his"):
            return last not in _FEMALE
        return True

    def opening_participle(self, key: str) -> bool:
        # "Speaking in court, …", "Addressing claims that …, …": a long word in -ing that is
        # no noun of the things kind ("Nothing", "Everything").
        return len(key) > 5 and key.endswith("ing") and not key.endswith("thing")

    def adjective_shape(self, key: str) -> bool:
        # Russian, Scottish, Chinese, Korean: adjectives of nationality, which taggers often
        # take for places.
        return len(key) > 4 and key.endswith(("ish", "ese", "ian", "ean"))


ENGLISH_RULES = EnglishRules(
    code="en",
    direction="ltr",
    reporting_verbs=_words("reporting_verbs"),
    belief_verbs=_words("belief_verbs"),
    denial_verbs=_words("denial_verbs"),
    accusation_verbs=_words("accusation_verbs"),
    complementizers=_words("complementizers"),
    trailing_attributions=_phrases("trailing_attributions"),
    participle_attributions=_words("participle_attributions"),
    carry_verbs=_words("carry_verbs"),
    anonymous_heads=_words("anonymous_heads"),
    anonymous_phrases=_phrases("anonymous_phrases"),
    title_heads=_words("title_heads"),
    org_heads=_words("org_heads"),
    stop_words=_words("stop_words"),
    time_words=_words("time_words"),
    opinion_words=_words("opinion_words"),
    prediction_words=_words("prediction_words"),
    factual_verbs=_words("factual_verbs"),
    event_triggers=_table("event_triggers", str),
    number_words=_table("number_words", float),
    quote_pairs=(("“", "”"), ('"', '"'), ("‘", "’")),
    person_cues=_words("person_cues"),
    has_case=True,
    modifiers_first=True,
    auxiliaries=_words("auxiliaries"),
    visit_verbs=_words("visit_verbs"),
    place_prepositions=_words("place_prepositions"),
    pronouns=_words("pronouns"),
    name_particles=_words("name_particles"),
    title_modifiers=_words("title_modifiers"),
    honorifics=_words("honorifics"),
    determiners=_words("determiners"),
    role_qualifiers=_words("role_qualifiers"),
    ordinals=_words("ordinals"),
    prepositions=_words("prepositions"),
    relative_pronouns=_words("relative_pronouns"),
    clause_openers=_words("clause_openers"),
    continuation_words=_words("continuation_words"),
    byline_words=_words("byline_words"),
    quoted_name_heads=_table("quoted_name_heads", str),
    # Verbs of judgement whose object is no statement ("welcomed the move"); verbs that pass
    # on information ("noted", "announced", "denied") keep their subject as the speaker even
    # before a plain object, as the project's gold annotation has it.
    object_verbs=_words("object_verbs"),
    title_words=_words("title_words"),
    place_heads=_table("place_heads", str),
    place_links=_words("place_links"),
    person_pronouns=_words("person_pronouns"),
    passive_auxiliaries=_words("passive_auxiliaries"),
    agent_prepositions=_words("agent_prepositions"),
    discourse_openers=_words("discourse_openers"),
    clause_links=_words("clause_links"),
    inverting_verbs=_words("inverting_verbs"),
    expletive_subjects=_words("expletive_subjects"),
    plea_objects=_words("plea_objects"),
)


def _find_times(text: str, published: date | None) -> list[TimeRef]:
    # The month and weekday patterns are compiled on first use: Arabic never loads them.
    from briefing.languages.en.time import find_times

    return find_times(text, published)


def _latin_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


ENGLISH = Language(
    rules=ENGLISH_RULES,
    quote_marks=("“", "”"),
    time_grammar=_find_times,
    script_letter=_latin_letter,
    # The subject first ("Wang said …"), and the verb-first forms English shares with Arabic
    # ("said Portugal defender Pepe", "…, according to X").
    attribution=(
        sources.relative_speaker_past_aside,
        subject_first.subject_or_source,
        verb_first.speaker_after_verb,
        subject_first.subject_after_quote,
        verb_first.verb_after_quote,
        sources.said_after_a_quote,
        sources.trailing_source,
        sources.participle_speaker,
    ),
    # After the verb as in Arabic (said Pepe), and before it: "Ivo Geijsen said".
    speaker_names=(cues.speaker_name, cues.subject_name),
    titles=(titles.titles_before_names, titles.appositions),
)
