"""The places a clause ties to its event: "met X in Malta", زيارة إلى روسيا, زار بيلاروسيا
وقيرغيزستان — not "the war in Ukraine" (a place that only qualifies a noun)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.analysis.claims.context import is_and, reading_in

if TYPE_CHECKING:
    from briefing.analysis.lexicon import Match
    from briefing.analysis.words import WordKeys
    from briefing.languages.base import LanguageRules
    from briefing.models import TimeRef

_PLACE_TYPES = ("GPE", "LOC")


def named_words(wk: WordKeys, matches: Sequence[Match], times: Sequence[TimeRef]) -> frozenset[int]:
    """Return the words that a name or a time covers: what may stand before a place tied to an
    event (a time just before it belongs to the same event: أقيمت مساء أمس على استاد X)."""
    named = {i for m in matches for i in range(m.first_word, m.last_word + 1)}
    for t in times:
        named.update(i for i in wk.touching(t.start, t.end) if wk.words[i].start >= t.start)
    return frozenset(named)


def names_only(wk: WordKeys, matches: Sequence[Match]) -> frozenset[int]:
    return frozenset(i for m in matches for i in range(m.first_word, m.last_word + 1))


def event_places(
    wk: WordKeys,
    rules: LanguageRules,
    inside: Sequence[Match],
    named: frozenset[int],
) -> tuple[str, ...]:
    """Return the places the clause ties to its event, with those joined to one by "and"
    (زار بيلاروسيا وقيرغيزستان)."""
    out: list[str] = []
    previous: Match | None = None
    for m in inside:
        if m.entry.type not in _PLACE_TYPES:
            previous = None
            continue
        coordinated = (
            previous is not None
            and previous.entry.key in out
            and m.first_word == previous.last_word + 1
            and is_and(wk, rules, m.first_word)
        )
        if coordinated or _tied(wk, m, rules, named) or _visited(wk, rules, m, inside):
            out.append(m.entry.key)
        previous = m
    return tuple(dict.fromkeys(out))


def _visited(wk: WordKeys, rules: LanguageRules, m: Match, inside: Sequence[Match]) -> bool:
    """Say whether a place is what someone visits, named after the visitor: يزور الرئيس
    الفرنسي إيمانويل ماكرون القاهرة ("Macron visits Cairo")."""
    visitor = next(
        (p for p in inside if p.entry.type == "PERSON" and p.last_word == m.first_word - 1),
        None,
    )
    if visitor is None:
        return False
    return any(
        reading_in(wk, i, rules.visit_verbs)
        for i in range(max(0, visitor.first_word - 8), visitor.first_word)
    )


def _tied(wk: WordKeys, m: Match, rules: LanguageRules, named: frozenset[int]) -> bool:
    """Say whether a place is where the clause's event happens: "met X in Malta", "زيارة إلى
    روسيا", not "the war in Ukraine" (a place that only qualifies a noun)."""
    word = wk.words[m.first_word].text
    if m.start > wk.words[m.first_word].start:
        clitic = word[: m.start - wk.words[m.first_word].start]
        if clitic.lstrip("".join(rules.conjunction_clitics)) not in rules.locative_clitics:
            return False
        head = m.first_word - 1
    else:
        if m.first_word == 0:
            return False
        if reading_in(wk, m.first_word - 1, rules.visit_verbs):
            return True  # زار غازي عنتاب, "visited Adana": the place is the visit's object
        if wk.readings[m.first_word - 1][0][1] not in rules.place_prepositions:
            return False
        head = m.first_word - 2
    while head > 0 and any(c.isdigit() for c in wk.words[head].text):
        head -= 1  # a score or a count after the event's object: "beating Portugal 1-0 at X"
    if head < 0:
        return False
    events = rules.factual_verbs | rules.reporting_verbs | frozenset(rules.event_triggers)
    return head in named or reading_in(wk, head, events)
