"""English: the words that mark speakers, titles and events."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analysis.claims import sources, subject_first, verb_first
from briefing.analysis.entities import cues, titles
from briefing.languages.base import (
    Language,
    LanguageRules,
    read_rule_lists,
)

if TYPE_CHECKING:
    from briefing.models import TimeRef


_DATA = Path(__file__).parent / "data"


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
    **read_rule_lists(_DATA, str.casefold),
    code="en",
    direction="ltr",
    quote_pairs=(("“", "”"), ('"', '"'), ("‘", "’")),
    has_case=True,
    modifiers_first=True,
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
