"""Speakers written after their reporting verb, as Arabic does: قال وزير الخارجية إن …, وأضاف
أن … (the speaker carried over), «…»، قال عفيف."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.analysis.claims.context import (
    IMPLICIT,
    MAX_SPEAKER_WORDS,
    MAX_VERB_POSITION,
    Attribution,
    ClaimContext,
    Clause,
    addressed_person,
    anonymous,
    carried,
    content_after,
    introduces_content,
    is_and,
    key_of,
    mention_at,
    phrase_speaker,
    quote_first,
    reading_in,
)
from briefing.analysis.claims.sources import MAX_QUOTED_NAME
from briefing.models import Speaker

if TYPE_CHECKING:
    from briefing.analysis.lexicon import Match


def speaker_after_verb(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the speaker of a reporting verb near the clause's start: named after it (قال X
    إن), written before it (بعض المحللين يعتقدون أن), or carried from the claim before."""
    wk, rules = ctx.wk, ctx.rules
    limit = min(clause.last, clause.first + MAX_VERB_POSITION)
    for v in range(clause.first, limit + 1):
        if not ctx.reports(v) or mention_at(ctx.matches, v) is not None:
            continue
        denied = reading_in(wk, v, rules.denial_verbs)
        if reading_in(wk, v, rules.impersonal_verbs) and introduces_content(ctx, v, clause):
            return Attribution(None, clause.start, False)  # يذكر أن: the report's own voice
        named = _named_before(ctx, v, clause)
        if named is not None:
            # الطالبة إيمان. ق. قالت وصلت …: a name before the verb is its subject, and what
            # follows is what she said, even without إن.
            return Attribution(named, wk.words[v].end, denied)
        found = speaker_after(ctx, v, clause)
        if (
            found is not None
            and reading_in(wk, v, rules.belief_verbs)
            and not _says(ctx, v, clause)
        ):
            continue  # ويعتبر X أحد…: "X is considered", no one speaks
        if found is not None and found[0] is not IMPLICIT:
            return Attribution(found[0], found[1], denied)
        if found is not None or introduces_content(ctx, v, clause):
            before = _speaker_before(ctx, v, clause)
            content = wk.words[v].end
            if before is not None:
                return Attribution(before, content, denied)
            if previous is not None:
                return Attribution(carried(previous), content, denied)
    return None


def verb_of_the_subject(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the person a clause is about as the speaker of a verb of saying that goes on from
    the clause's own verb: ظهر الرئيس X في شريط فيديو يؤكد «…» (he appeared, affirming)."""
    wk = ctx.wk
    people = [
        m
        for m in ctx.matches
        if m.entry.type == "PERSON" and clause.start <= m.start and m.last_word < clause.last
    ]
    if not people:
        return None
    for v in range(people[0].last_word + 2, clause.last + 1):
        if ctx.reports(v) and introduces_content(ctx, v, clause):
            m = people[0]
            speaker = Speaker(ctx.text[m.start : m.end], m.entry.key, False)
            return Attribution(speaker, wk.words[v].end, reading_in(wk, v, ctx.rules.denial_verbs))
    return None


def verb_after_quote(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the speaker of a quote that comes first, named after the verb: «…»، قال عفيف."""
    quote = quote_first(ctx, clause)
    if quote is None:
        return None
    opened, after = quote
    for v in after[:2]:
        if not ctx.reports(v):
            continue
        found = speaker_after(ctx, v, clause)
        if found is not None and found[0] is not IMPLICIT:
            return Attribution(found[0], opened, False)
        named = past_honorific(ctx, v + 1, clause)
        mention = mention_at(ctx.matches, named) if v + 1 <= clause.last else None
        if mention is not None:
            start = ctx.wk.words[v + 1].start
            speaker = Speaker(ctx.text[start : mention.end], mention.entry.key, False)
            return Attribution(speaker, opened, False)
        if previous is not None:
            return Attribution(carried(previous), opened, False)
    return None


def past_honorific(ctx: ClaimContext, i: int, clause: Clause) -> int:
    """Return the word after an honorific at word i when a name follows it ("Dr Alan Brine",
    المهندس صالح قدح); else i."""
    honorific = i < clause.last and reading_in(ctx.wk, i, ctx.rules.honorifics)
    return i + 1 if honorific and mention_at(ctx.matches, i + 1) is not None else i


def _says(ctx: ClaimContext, v: int, clause: Clause) -> bool:
    """Say whether anything after verb v is what was said: إن/أن, a colon or a quote."""
    rest = ctx.text[ctx.wk.words[v].end : clause.end]
    return content_after(ctx, v, clause) is not None or any(o in rest for o in ctx.quote_openers)


def speaker_after(ctx: ClaimContext, v: int, clause: Clause) -> tuple[Speaker, int] | None:
    """Return the speaker named right after verb v (قال X إن) and where the content starts;
    past whom it was said to (وقال لـ"الرياض"، X إن …)."""
    i = v + 1
    if i > clause.last or introduces_content(ctx, v, clause):
        return None
    told = _addressee(ctx, i, clause)
    if told is not None:
        if reading_in(ctx.wk, told, ctx.rules.complementizers):
            return IMPLICIT, ctx.wk.words[told].start  # وقال للصحفيين إن: he is not named
        i = told
    if reading_in(ctx.wk, i, ctx.rules.honorific_pronouns):
        person = addressed_person(ctx, i)  # وعبر سموه: the prince named before
        if person is not None:
            carried_ = Speaker(ctx.text[person.start : person.end], person.entry.key, False, True)
            return carried_, ctx.wk.words[i].end
    honorific = past_honorific(ctx, i, clause)
    first_mention = mention_at(ctx.matches, honorific)
    if first_mention is not None:
        named = _possessor_speaker(ctx, first_mention, clause) or _named_run(
            ctx, first_mention, clause
        )
        if honorific == i:
            return named
        written = ctx.text[ctx.wk.words[i].start : first_mention.start] + named[0].text
        return replace(named[0], text=written), named[1]  # "said Dr Alan Brine"
    # Not a known name: a phrase (رئيس اللجنة الأولمبية الدولية توماس باخ) that ends at a comma, a
    # preposition or إن/أن/':' — provided what is said follows somewhere in the clause.
    found = content_after(ctx, i, clause)
    if found is None:
        return _named_subject(ctx, i, clause)
    return _phrase_after(ctx, i, found, clause)


def _addressee(ctx: ClaimContext, i: int, clause: Clause) -> int | None:
    """Return the word after whom a thing was said to, when word i opens that (للصحفيين إن,
    لـ«الحياة»، X): ل on a definite noun or before a quoted outlet, ended by a comma or by
    what is said. Else None (لجنة is a committee, not ل + جنة)."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    word = wk.words[i].text.replace("\u0640", "")
    to = rules.addressee_clitic
    if not to or not word.startswith(to):
        return None
    after = text[wk.words[i].end : wk.words[i + 1].start] if i < clause.last else ""
    quoted = word == to and any(o in after for o, _ in rules.quote_pairs)
    if not quoted and not (word.startswith(to + rules.article[1:]) and len(word) > 4):
        return None
    for j in range(i, min(clause.last, i + 4)):
        gap = text[wk.words[j].end : wk.words[j + 1].start]
        if re.search(r"[،,]", gap):
            return j + 1
        if reading_in(wk, j + 1, rules.complementizers):
            return j + 1
    return None


def _possessor_speaker(
    ctx: ClaimContext, first_mention: Match, clause: Clause
) -> tuple[Speaker, int] | None:
    """Return the person after a possessive name: "said China's top diplomat Wang Yi"."""
    text = ctx.text
    if text[first_mention.end : first_mention.end + 2] not in ("'s", "’s"):
        return None
    # The country only qualifies the speaker.
    later = [
        m
        for m in ctx.matches
        if m.entry.type == "PERSON"
        and first_mention.last_word < m.first_word <= first_mention.last_word + 5
    ]
    if not later:
        return None
    start, end = first_mention.start, later[0].end
    speaker = Speaker(text[start:end], later[0].entry.key, False)
    return speaker, _content_start(ctx, later[0].last_word, clause)


def _named_run(ctx: ClaimContext, first_mention: Match, clause: Clause) -> tuple[Speaker, int]:
    """Return the names after the verb as the speaker: one, or a run joined by "and" (روسيا
    وكوريا الشمالية), which names no one entity."""
    text, wk = ctx.text, ctx.wk
    end_word = first_mention.last_word
    keys = [first_mention.entry.key]
    while end_word + 1 <= clause.last and wk.joined[end_word]:
        nxt = mention_at(ctx.matches, end_word + 1)
        if nxt is None or nxt.first_word != end_word + 1:
            break
        if nxt.entry.key == keys[-1]:
            end_word = nxt.last_word  # معتز مغربل: the given name and the family name, one man
            continue
        if not is_and(wk, ctx.rules, end_word + 1):
            break
        keys.append(nxt.entry.key)
        end_word = nxt.last_word
    speaker_key = keys[0] if len(keys) == 1 else None
    speaker = Speaker(
        text[first_mention.start : wk.words[end_word].end],
        speaker_key,
        anonymous(text, ctx.rules, clause),
    )
    return speaker, _content_start(ctx, end_word, clause)


def _phrase_after(
    ctx: ClaimContext, i: int, content: int, clause: Clause
) -> tuple[Speaker, int] | None:
    """Return the phrase from word i that names the speaker, up to a comma, a preposition or
    what is said (which starts at `content`)."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    if wk.readings[i][0][1] in rules.stop_words or wk.readings[i][0][1] in rules.prepositions:
        return IMPLICIT, content  # وقال أمام القادة إن: the subject is not written
    end_word = i
    j = i
    while j <= clause.last:
        key = wk.readings[j][0][1]
        if j > i and (key in rules.prepositions or reading_in(wk, j, rules.complementizers)):
            break
        end_word = j
        gap = text[wk.words[j].end : wk.words[j + 1].start] if j < clause.last else ""
        quoted = _quoted_name(ctx, j, content, clause)
        if quoted is not None:
            end_word = j = quoted  # موقع «بي.سي ماجازين»: the name in quotes is the speaker's
            j += 1
            continue
        if re.search(r"[،,:;؛«“\"]", gap):
            break
        j += 1
    if end_word == i and _adverbial(ctx, i):
        return IMPLICIT, content  # وتابعت مشككة في …: how she went on, not who
    # A person named before what is said belongs to the phrase even past a preposition
    # (الخبير في الشؤون الخليجية كريم منصور: …).
    named = [
        m
        for m in ctx.matches
        if m.entry.type == "PERSON"
        and m.start > wk.words[end_word].end
        and m.end <= content
        and not re.search(r"[،,]", text[wk.words[i].start : m.start])
    ]
    if named:
        end_word = named[-1].last_word
    if end_word - i + 1 > MAX_SPEAKER_WORDS:
        # A long title after the name (العميد X الوكيل المساعد للمنافذ …): the speaker is the
        # name with what comes before it.
        person = next(
            (
                m
                for m in ctx.matches
                if m.entry.type == "PERSON"
                and wk.words[i].start <= m.start
                and m.last_word - i + 1 <= MAX_SPEAKER_WORDS
                and m.last_word <= end_word
            ),
            None,
        )
        if person is None:
            return None
        end_word = person.last_word
    start, end = wk.words[i].start, wk.words[end_word].end
    return phrase_speaker(ctx, clause, start, end), content


def _quoted_name(ctx: ClaimContext, j: int, content: int, clause: Clause) -> int | None:
    """Return the last word of a short name in quotes right after word j and before what is
    said (موقع «بي.سي ماجازين» المتخصص), else None."""
    text, wk = ctx.text, ctx.wk
    if j >= clause.last:
        return None
    gap = text[wk.words[j].end : wk.words[j + 1].start]
    pair = next(((o, c) for o, c in ctx.rules.quote_pairs if o in gap), None)
    if pair is None or re.search(r"[،,:;؛]", gap):
        return None
    closed = text.find(pair[1], wk.words[j + 1].start, content)
    inside = [k for k in range(j + 1, clause.last + 1) if wk.words[k].end <= closed]
    if closed == -1 or not inside or len(inside) > MAX_QUOTED_NAME:
        return None
    return inside[-1]


def _adverbial(ctx: ClaimContext, i: int) -> bool:
    """Say whether word i, alone after a verb, says how rather than who (مشككة, "doubting")."""
    wk, rules = ctx.wk, ctx.rules
    return (
        mention_at(ctx.matches, i) is None
        and not reading_in(wk, i, rules.anonymous_heads)
        and rules.adverbial(wk.words[i].text)
    )


def _named_subject(ctx: ClaimContext, i: int, clause: Clause) -> tuple[Speaker, int] | None:
    """Return a titled name right after the verb when nothing quoted follows (رحّب الرئيس
    الإماراتي الشيخ محمد بن زايد بالقرار): the name ends the phrase, before any preposition."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    for m in ctx.matches:
        if m.entry.type not in ("PERSON", "ORG") or m.start < wk.words[i].start:
            continue
        if m.first_word - i > MAX_SPEAKER_WORDS or m.last_word > clause.last:
            return None
        between = range(i, m.first_word)
        if any(
            wk.readings[j][0][1] in rules.stop_words
            or wk.readings[j][0][1] in rules.time_words
            or (  # دعمه: a noun with its owner
                bool(rules.pronoun_suffixes) and wk.words[j].text.endswith(rules.pronoun_suffixes)
            )
            for j in between
        ):
            return None
        if re.search(r"[،,:;؛]", text[wk.words[i].start : m.start]):
            return None
        person = next(  # رئيس الاتحاد الدولي توماس كيلر: the body's head is named after it
            (
                p
                for p in ctx.matches
                if p.entry.type == "PERSON"
                and p.first_word == m.last_word + 1
                and wk.joined[m.last_word]
            ),
            None,
        )
        if m.entry.type == "ORG" and person is not None:
            m = person
        return Speaker(text[wk.words[i].start : m.end], m.entry.key, False), m.end
    return None


def _content_start(ctx: ClaimContext, j: int, clause: Clause) -> int:
    """Return where what is said begins after a speaker ending at word j: after إن/أن or a
    colon, whichever comes first (وقال X، الخبير في …: “…”)."""
    text, wk = ctx.text, ctx.wk
    limit = min(clause.last, j + MAX_SPEAKER_WORDS * 2)
    for k in range(j + 1, limit + 1):
        gap = text[wk.words[k - 1].end : wk.words[k].start]
        if ":" in gap:
            return wk.words[k - 1].end + gap.index(":") + 1
        if reading_in(wk, k, ctx.rules.complementizers):
            return wk.words[k].start
    return wk.words[j].end


def _named_before(ctx: ClaimContext, v: int, clause: Clause) -> Speaker | None:
    """Return the person or body named right before verb v as its subject (وزارة الصحة
    أعلنت), not a place that sets the scene (وفي الرياض، قال)."""
    if v <= clause.first or re.search(
        r"[،,:]", ctx.text[ctx.wk.words[v - 1].end : ctx.wk.words[v].start]
    ):
        return None
    named = _speaker_before(ctx, v, clause)
    if named is None or named.entity_key is None:
        return None
    kinds = {m.entry.type for m in ctx.matches if m.entry.key == named.entity_key}
    return named if kinds & {"PERSON", "ORG"} else None


def _speaker_before(ctx: ClaimContext, v: int, clause: Clause) -> Speaker | None:
    """Return a subject written before its verb (بعض المحللين يعتقدون أن), if there is one."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    idx = [
        i
        for i in range(clause.first, v)
        if wk.readings[i][0][1] not in rules.stop_words
        and wk.readings[i][-1][1] not in rules.stop_words
    ]
    if not idx or v - clause.first > 5:
        return None
    if any(i not in idx for i in range(idx[0], v)):
        return None  # فيما بقيت 15 شركة لم تعلن: a clause, not a subject
    start, end = wk.words[idx[0]].start, wk.words[v - 1].end
    if re.search(r"[،,:]", text[start:end]):
        return None
    key = key_of(ctx.matches, start, end)
    return Speaker(
        text[start:end], key, key is None and reading_in(wk, idx[0], rules.anonymous_heads)
    )
