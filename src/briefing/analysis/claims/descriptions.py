"""Speakers written as a description of someone named before: "said the American", "The
14-year-old said", قال الوزير: the person the description stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.analysis.claims.subject_first import person_before
from briefing.models import Speaker

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.analysis.claims.context import Attribution, ClaimContext, Clause
    from briefing.analysis.entities import TitleCue

MAX_DESCRIPTION_WORDS = 4  # "the Dutchman", "the rural affairs minister", الوزير


def described_person(
    ctx: ClaimContext,
    clause: Clause,
    attribution: Attribution,
    references: Sequence[tuple[int, int, str]],
    titles: Sequence[TitleCue],
    previous: Speaker | None = None,
) -> Speaker | None:
    """Return the person a speaker written as a description stands for, or None when the
    speaker is named, anonymous, carried, or no description of a person.

    A title ("the minister") goes to the last person the article or the fact table gives that
    title, else to the last speaker when a person the text gives no other title; a word for a
    person, a nationality or an age to the subject of the last sentence naming someone, as a
    pronoun does."""
    speaker = attribution.speaker
    if speaker is None or speaker.entity_key or speaker.anonymous or speaker.carried:
        return None
    start = ctx.text.find(speaker.text, clause.start, clause.end)
    heads = _person_heads(ctx, start, start + len(speaker.text)) if start >= 0 else None
    if heads is None:
        return None
    end = start + len(speaker.text)
    names = {m.entry.key: ctx.text[m.start : m.end] for m in ctx.matches if m.end <= start}
    for a, _b, key in references:
        if start <= a < end and key in names:
            return Speaker(names[key], key, False, True)
    if heads & ctx.rules.title_heads:
        titled = _titled(ctx, heads, start, titles, names)
        people = {m.entry.key for m in ctx.matches if m.entry.type == "PERSON"}
        if titled is not None or previous is None or previous.entity_key not in people & set(names):
            return titled
        # "…, X has said. The rural affairs minister said …": the last speaker, whom the
        # text gives no other title.
        rules = ctx.rules
        bare = {h[len(rules.article) :] if rules.definite(h) else h for h in heads}
        generic = bare <= rules.anonymous_heads  # المسؤول: any office, the minister's too
        if not generic and _titled_otherwise(ctx, heads, previous.entity_key, titles):
            return None
        key = previous.entity_key
        return Speaker(names[key], key, False, True)
    found = person_before(ctx, start, "", None)
    if found is None or found.entity_key is None:
        return None
    return Speaker(found.text, found.entity_key, False, True)


def _titled(
    ctx: ClaimContext,
    heads: set[str],
    start: int,
    titles: Sequence[TitleCue],
    names: dict[str, str],
) -> Speaker | None:
    """Return the last person named before `start` with a title that has one of `heads`."""
    rules = ctx.rules
    for cue in sorted(titles, key=lambda c: c.start, reverse=True):
        if cue.start >= start or cue.person_key not in names:
            continue
        words = {k for w in cue.text.split() for _, k in rules.variants(w)}
        if words & heads:
            return Speaker(names[cue.person_key], cue.person_key, False, True)
    return None


def _titled_otherwise(
    ctx: ClaimContext, heads: set[str], key: str, titles: Sequence[TitleCue]
) -> bool:
    """Say whether the text gives person `key` a title with none of `heads`."""
    for cue in titles:
        if cue.person_key == key:
            words = {k for w in cue.text.split() for _, k in ctx.rules.variants(w)}
            if not words & heads:
                return True
    return False


def _person_heads(ctx: ClaimContext, start: int, end: int) -> set[str] | None:
    """Return the head's keys when text[start:end] is a definite description of a person: "the"
    or ال and at most a few words, whose head is a title, a word for a person, a nationality
    ("the American") or an age ("the 35-year-old"); else None."""
    wk, rules = ctx.wk, ctx.rules
    idx = [i for i in wk.touching(start, end) if wk.words[i].start >= start]
    if not idx or len(ctx.text[start:end].split()) > MAX_DESCRIPTION_WORDS:
        return None
    # The head ends the phrase where modifiers come first ("the former minister"), else
    # opens it (الوزير السابق); "the" is a word of its own, ال a part of the head.
    head = idx[-1] if rules.modifiers_first else idx[0]
    article = wk.readings[idx[0]][0][1] if head != idx[0] else None
    keys = {k for _, k in wk.readings[head]}
    bare = {b for k in keys if (b := rules.refers_back(article, k))}
    heads = bare | keys
    if not bare or heads & rules.org_heads:
        return None  # a source's word (المسؤول) is one too: marked anonymous, it never gets here
    word = wk.words[head].text
    described = (
        heads & (rules.title_heads | rules.person_cues)
        or any(c.isdigit() for c in ctx.text[start:end])  # an age: "the 14-year-old"
        or (rules.has_case and word[:1].isupper())  # a nationality: "the Dutchman"
    )
    return heads if described else None
