"""Speakers that any language may name around the clause: the name before a relative (X، الذي
وصف …), the source of "according to" (وفقا ل, بحسب), the subject of a participle ("…, saying",
قائلة), the name after a quote and its verb."""

from __future__ import annotations

import re

from briefing.analysis.claims.context import (
    MAX_SUBJECT_WORDS,
    Attribution,
    ClaimContext,
    Clause,
    carried,
    content_after,
    key_of,
    mention_at,
    reading_in,
)
from briefing.models import Speaker

MAX_QUOTED_NAME = 4  # words of a name written in quotes: «بي.سي ماجازين»


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
    # An aside may follow the sentence's subject inside the clause: "Best actress winner X,
    # who wore …, told …"; a plain relative opens the clause the splitter cut.
    reach = MAX_SUBJECT_WORDS if asides and clause.start == clause.sentence_start else 2
    for r in range(clause.first, min(clause.last, clause.first + reach)):
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
            start, tail = _past_the_verb(ctx, start, tail)
            if not tail.strip() or not _names_a_source(ctx, start, start + len(tail)):
                continue
            return _source(ctx, start, tail)
    return None


def _names_a_source(ctx: ClaimContext, start: int, end: int) -> bool:
    """Say whether text[start:end] can be who says a thing: it names someone, or opens with a
    source's noun, a title or an organisation's head (بحسب تقرير, وفقا لمصادر), not a rule or a
    plan (وفق السياسة المحاسبية, "according to plan")."""
    rules = ctx.rules
    if any(start <= m.start and m.end <= end for m in ctx.matches):
        return True
    heads = rules.source_heads | rules.anonymous_heads | rules.title_heads | rules.org_heads
    words = list(ctx.wk.touching(start, end))[:4]
    head = next((j for j in words if ctx.wk.readings[j][0][1] not in rules.stop_words), None)
    if head is not None and rules.is_name_like(ctx.wk.words[head].text):
        return True  # a name the article does not know yet (بحسب زاخارياديس, "the Turkish …")
    for j in words:
        for _, key in ctx.wk.readings[j]:
            bare = key[len(rules.article) :] if rules.definite(key) else key  # البيان
            if key in heads or bare in heads:
                return True
    return False


def _past_the_verb(ctx: ClaimContext, start: int, tail: str) -> tuple[int, str]:
    """Return the source without the verb it opens with: حسبما ذكرت وكالة X, بحسب ما أعلن X."""
    end = start + len(tail)
    for j in list(ctx.wk.within(start, end))[:2]:
        if any(k in ctx.rules.reporting_verbs for _, k in ctx.wk.readings[j]):
            start = ctx.wk.words[j].end
            return start, ctx.text[start:end]
    return start, tail


def _before_a_quote(ctx: ClaimContext, tail: str) -> str:
    """Return the source up to a quote that is what it says (بحسب التقرير «…»); a short name
    in quotes (صحيفة "آس") stays part of it."""
    for opener, closer in ctx.rules.quote_pairs:
        at = tail.find(opener)
        if at <= 0 or not tail[:at].strip():
            continue
        closed = tail.find(closer, at + 1)
        if closed == -1 or len(tail[at:closed].split()) > MAX_QUOTED_NAME:
            return tail[:at]
    return tail


def _source(ctx: ClaimContext, start: int, tail: str) -> Speaker:
    """Return the source written as text[start:] + tail: up to the person it names, when one
    ends it before a place or a time ("… توماس باخ من كوالالمبور")."""
    tail = _before_a_quote(ctx, tail)
    end = start + len(tail)
    people = [
        m for m in ctx.matches if start <= m.start and m.end <= end and m.entry.type == "PERSON"
    ]
    if people:
        offset = len(tail) - len(tail.lstrip())
        return Speaker(ctx.text[start + offset : people[0].end], people[0].entry.key, False)
    place = _place_after(ctx, start, end)
    if place is not None and ctx.text[start:place].strip():
        end = place  # … كريم العلوي من الرباط: where the source spoke is no part of it
    return Speaker(ctx.text[start:end].strip(), key_of(ctx.matches, start, end), False)


def _place_after(ctx: ClaimContext, start: int, end: int) -> int | None:
    """Return where a place ends the source (a preposition, then a place's name), else None."""
    wk, rules = ctx.wk, ctx.rules
    for m in ctx.matches:
        if not (start < m.start and m.end <= end) or m.entry.type not in ("GPE", "LOC"):
            continue
        before = m.first_word - 1
        if (
            before >= 0
            and wk.words[before].start >= start
            and reading_in(wk, before, rules.prepositions | rules.place_prepositions)
            and any(  # someone named before it: "statements from the US" is the source
                n.entry.type in ("PERSON", "ORG") and start <= n.start and n.end <= m.start
                for n in ctx.matches
            )
        ):
            return wk.words[before].start
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
    """Return the subject of "…, saying" (قائلة إن, متهماً): the first fitting name before it
    in its sentence."""
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
        # A feminine participle (قائلة) goes with a ministry or a country, not a man; a
        # masculine one (مؤكدا) with the man of the sentence, else the one who spoke last,
        # and only then with a body named in passing.
        people = [m for m in before if m.entry.type == "PERSON"]
        if not feminine and not people and previous is not None:
            return Attribution(carried(previous), clause.start, False)
        wanted = ("ORG", "GPE") if feminine else ("PERSON",) if people else ("ORG", "GPE")
        # The sentence's subject: the first that fits (أصدرت وزارة الداخلية في البحرين بيانا …،
        # مشيرة: the ministry, not the country named after it).
        for m in before:
            if m.entry.type in wanted:
                return Attribution(
                    Speaker(text[m.start : m.end], m.entry.key, False), clause.start, False
                )
    return None
