"""Appositions between a subject and its reporting verb: "Mark Mackie, director of Regular
Music, said", "The envoy, Volker Perthes, told", and one the writer left open ("X, president of
Y says that")."""

from __future__ import annotations

from briefing.analysis.claims.context import (
    MAX_SPEAKER_WORDS,
    Attribution,
    ClaimContext,
    Clause,
    introduces_content,
    mention_at,
    reading_in,
)
from briefing.models import Speaker


def before_apposition(ctx: ClaimContext, first: int, v: int, gap: str) -> int | Attribution | None:
    """Return the last word of a subject that an apposition follows ("Mark Mackie, director of
    Regular Music, said": the name before it), or the attribution to the person the aside
    names; None when the commas set no aside off."""
    text, wk = ctx.text, ctx.wk
    # One comma only ("The talks went well, said X") puts the speaker after the verb, unless
    # it opens a title after a name that the writer did not close ("X, president of Y says").
    if gap.count(",") == 1 and (named := unclosed_apposition(ctx, first, v)) is not None:
        return named
    if not gap.rstrip().endswith(",") or gap.count(",") < 2:
        return None
    before = [
        i for i in range(first, v) if "," not in text[wk.words[first].start : wk.words[i].end]
    ]
    if not before:
        return None
    # "The United Nations envoy to Sudan, Volker Perthes, told": the name between.
    aside = person_between_commas(ctx, before[-1], v)
    if aside is not None:
        content = wk.words[v].end
        return Attribution(aside, content, reading_in(wk, v, ctx.rules.denial_verbs))
    return before[-1]


def unclosed_apposition(
    ctx: ClaimContext, first: int, v: int, clause: Clause | None = None
) -> int | None:
    """Return the last word of a name followed by a comma and a title that no second comma
    closes before the verb ("Christoph Caselitz, president of the division at the firm says
    that"), when what follows the verb is speech; else None."""
    text, wk = ctx.text, ctx.wk
    commas = [i for i in range(first, v) if "," in text[wk.words[i].end : wk.words[i + 1].start]]
    if len(commas) != 1 or commas[0] + 1 >= v:
        return None
    name = mention_at(ctx.matches, commas[0])
    title = commas[0] + 1
    if wk.readings[title][0][1] in ctx.rules.determiners:
        title += 1
    if name is None or name.entry.type != "PERSON" or name.last_word != commas[0]:
        return None
    if not reading_in(wk, title, ctx.rules.title_heads):
        return None
    if clause is not None and not introduces_content(ctx, v, clause):
        return None
    return commas[0]


def person_between_commas(ctx: ClaimContext, before: int, v: int) -> Speaker | None:
    """Return the person who fills the aside between a title and its verb, alone or with a
    title and a place of their own ("the chairman, Ambassador Stefan Johannesson of Iceland,")."""
    text, wk = ctx.text, ctx.wk
    start, end = wk.words[before].end, wk.words[v].start
    aside = text[start:end].strip(" ,")
    people = [m for m in ctx.matches if m.entry.type == "PERSON" and start < m.start < end]
    if len(people) != 1 or "," in aside or len(aside.split()) > MAX_SPEAKER_WORDS:
        return None
    m = people[0]
    name = text[m.start : m.end]
    return Speaker(aside if name == aside else name, m.entry.key, False)
