"""Speakers that any language may name around the clause: the name before a relative (X، الذي
وصف …), the source of "according to" (وفقا ل, بحسب), the subject of a participle ("…, saying",
قائلة), the name after a quote and its verb."""

from __future__ import annotations

import re

from briefing.analysis.claims.context import (
    Attribution,
    ClaimContext,
    Clause,
    content_after,
    key_of,
    mention_at,
    reading_in,
)
from briefing.models import Speaker


def relative_speaker(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the speaker of "X، الذي وصف الاتفاق بأنه …": the name just before the relative."""
    return _relative(ctx, clause, asides=False)


def relative_speaker_past_aside(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the speaker of a relative, or of "Joe Biden, who arrived on Friday, said …",
    where the aside ends at a comma and the sentence's own verb follows it."""
    return _relative(ctx, clause, asides=True)


def _relative(ctx: ClaimContext, clause: Clause, *, asides: bool) -> Attribution | None:
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    for r in range(clause.first, min(clause.last, clause.first + 2)):
        if wk.readings[r][0][1] not in rules.relative_pronouns:
            continue
        verb = r + 1
        if not ctx.reports(verb):
            if not asides:
                continue
            verb = next(
                (
                    v
                    for v in range(r + 2, min(clause.last, r + 12) + 1)
                    if "," in text[wk.words[v - 1].end : wk.words[v].start] and ctx.reports(v)
                ),
                -1,
            )
            if verb < 0:
                continue
        before_text = text[clause.sentence_start : wk.words[r].start].rstrip()
        if not before_text.endswith(("،", ",")):
            continue  # «إعلان جدة» الذي أكد: a restrictive relative, not a speaker
        before = [
            m
            for m in ctx.matches
            if clause.sentence_start <= m.start
            and m.end <= wk.words[r].start
            and m.entry.type in ("PERSON", "ORG", "GPE")
        ]
        if not before:
            continue
        m = before[-1]
        content = content_after(ctx, verb, clause) or wk.words[verb].end
        denied = reading_in(wk, verb, rules.denial_verbs)
        return Attribution(Speaker(text[m.start : m.end], m.entry.key, False), content, denied)
    return None


def said_after_a_quote(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the speaker of a quote inside the sentence with the verb right after it:
    …struggle "until real democracy comes", said Kilicdaroglu, who …"""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    closers = {c for _, c in rules.quote_pairs}
    for v in range(clause.first + 1, clause.last + 1):
        if not ctx.reports(v):
            continue
        gap = text[wk.words[v - 1].end : wk.words[v].start]
        if not any(c in gap for c in closers) or v + 1 > clause.last:
            continue
        mention = mention_at(ctx.matches, v + 1)
        if mention is None or mention.first_word != v + 1:
            continue
        speaker = Speaker(text[mention.start : mention.end], mention.entry.key, False)
        return Attribution(speaker, clause.start, reading_in(wk, v, rules.denial_verbs))
    return None


def trailing_source(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the attribution of "…, according to X": all of the clause is what X says."""
    trailing = trailing_speaker(ctx, clause)
    return Attribution(trailing, clause.start, False) if trailing is not None else None


def trailing_speaker(ctx: ClaimContext, clause: Clause) -> Speaker | None:
    """Return X of "…, according to X" (وفقا ل, بحسب, نقلا عن, حسبما ذكرت X)."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    # Longer phrases first: حسبما before حسب, وفقا لما before وفقا ل.
    for phrase in sorted(rules.trailing_attributions, key=len, reverse=True):
        p_words = rules.key(phrase).split()
        n = len(p_words)
        for i in range(clause.first, clause.last - n + 2):
            start = _after_phrase(ctx, i, p_words, clause)
            if start is None:
                continue
            tail = re.split(r"\s*[،,.]\s*", text[start : clause.end])[0]
            # بحسب X فإن …: a source that opens the sentence ends where what it says begins.
            for j in wk.within(start, start + len(tail))[1:]:
                if reading_in(wk, j, rules.complementizers):
                    tail = text[start : wk.words[j].start]
                    break
            words_ = tail.split()
            if words_ and any(k in rules.reporting_verbs for _, k in rules.variants(words_[0])):
                # حسبما ذكرت وكالة X: the verb is no part of the source's name.
                start += tail.index(words_[0]) + len(words_[0])
                tail = text[start : start + len(tail) - (tail.index(words_[0]) + len(words_[0]))]
            if not tail.strip():
                continue
            key = key_of(ctx.matches, start, start + len(tail))
            return Speaker(tail.strip(), key, False)
    return None


def _after_phrase(ctx: ClaimContext, i: int, p_words: list[str], clause: Clause) -> int | None:
    """Return where the source begins when the phrase `p_words` starts at word i, else None.

    Each word of the phrase is one reading of a word of the text (وبحسب reads بحسب); only a
    last one-letter preposition may be glued to the source (وفقا لتصريحات: ل + تصريحات)."""
    wk = ctx.wk
    last = i + len(p_words) - 1
    for t, pw in enumerate(p_words[:-1]):
        if not any(k == pw for _, k in wk.readings[i + t]):
            return None
    pw = p_words[-1]
    if any(k == pw for _, k in wk.readings[last]):
        return wk.words[last + 1].start if last + 1 <= clause.last else None
    for cut, k in wk.readings[last]:
        if pw in ctx.rules.preposition_clitics and k.startswith(pw) and len(k) > len(pw):
            return wk.words[last].start + cut + len(pw)
    return None


def participle_speaker(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the subject of "…, saying" (قائلة إن, متهماً): the last fitting name before it."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    for i in range(clause.first, clause.last + 1):
        if not reading_in(wk, i, rules.participle_attributions):
            continue
        feminine = rules.feminine(wk.readings[i][0][1])
        before = [
            m
            for m in ctx.matches
            if m.end <= wk.words[i].start and m.start >= clause.sentence_start
        ]
        # A feminine participle (قائلة) goes with a ministry or a country, not a man.
        wanted = ("ORG", "GPE") if feminine else ("PERSON", "ORG", "GPE")
        for m in reversed(before):
            if m.entry.type in wanted:
                return Attribution(
                    Speaker(text[m.start : m.end], m.entry.key, False), clause.start, False
                )
    return None
