"""Speakers written before their reporting verb, as English does: "Karim Mansour said the visit
…", "the claim was denied by a UKIP spokesman", "…, an official who asked not to be named said",
"It added that …" (a pronoun carries the previous speaker)."""

from __future__ import annotations

import re

from briefing.analysis.claims.appositions import before_apposition, unclosed_apposition
from briefing.analysis.claims.context import (
    MAX_SPEAKER_WORDS,
    MAX_SUBJECT_WORDS,
    Attribution,
    ClaimContext,
    Clause,
    carried,
    introduces_content,
    mention_at,
    names_someone,
    phrase_speaker,
    quote_first,
    reading_in,
)
from briefing.analysis.claims.sources import trailing_speaker
from briefing.models import Speaker

MAX_OPENING_CLAUSE = 16  # words of an opening participle clause before its comma
APPOSITION = 6  # words an aside between commas adds to a subject ("X, Ambassador Y of Z,")


def subject_or_source(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the subject of a reporting verb, or the source of "according to" when the subject
    names no one: "Wang said …, according to a statement" is Wang's; otherwise "according to"
    names the speaker outright (a plural noun such as "states" is no verb with its subject)."""
    subject = (
        _subject_speaker(ctx, clause, previous)
        or _speaker_at_the_end(ctx, clause, previous)
        or _coordinated_speaker(ctx, clause, previous)
    )
    if subject is not None and names_someone(subject):
        return subject
    trailing = trailing_speaker(ctx, clause)
    if trailing is not None:
        return Attribution(trailing, clause.start, False)
    return subject


def subject_after_quote(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the subject after a quote that comes first: "…," Alexander Korolev, an expert on
    …, told the BBC; "…," she said."""
    quote = quote_first(ctx, clause)
    if quote is None:
        return None
    opened, after = quote
    text, wk = ctx.text, ctx.wk
    for v in after[1 : 2 * MAX_SUBJECT_WORDS]:
        if ctx.reports(v):
            subject = text[wk.words[after[0]].start : wk.words[v - 1].end]
            # The name before a comma.
            subject = re.split(r"\s*,\s*", subject)[0]
            if wk.readings[after[0]][0][1] in ctx.rules.pronouns:
                carried_ = pronoun_speaker(ctx, after[0], previous, clause.start)
                if carried_ is not None:
                    return Attribution(carried_, opened, False)
            start = wk.words[after[0]].start
            speaker = phrase_speaker(ctx, clause, start, start + len(subject))
            return Attribution(speaker, opened, False)
    return None


def _subject_speaker(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the speaker written before its verb, as English does: "Karim Mansour said the
    visit …", "It added that …" (a pronoun carries the previous speaker)."""
    wk, rules = ctx.wk, ctx.rules
    head = ctx.text[clause.start : clause.end].lstrip()
    if head[:1] in ctx.quote_openers:
        return None  # a quote first: its speaker comes after it
    first = _after_opening_phrase(ctx, clause)
    for v in range(first + 1, min(clause.last, first + MAX_SUBJECT_WORDS + APPOSITION) + 1):
        if not ctx.reports(v) or mention_at(ctx.matches, v) is not None:
            continue
        if _inverted_before_apposition(ctx, v, clause):
            return None  # "…, estimates X, report author": the speaker follows the verb
        commas = ctx.text.count(",", ctx.wk.words[first].start, ctx.wk.words[v].start)
        if (
            v > first + MAX_SUBJECT_WORDS
            and commas != 2
            and unclosed_apposition(ctx, first, v, clause) is None
        ):
            continue  # so far from its subject only past an aside between two commas
        passive = _passive_speaker(ctx, v, clause)
        if passive is not None:
            return passive  # "the claim was denied by a UKIP spokesman"
        if reading_in(wk, v, rules.object_verbs) and not _speech_follows(ctx, v, clause):
            continue  # "declared three days of mourning": an act, not speech
        return _subject_of_verb(ctx, clause, first, v, previous)
    return None


def _subject_of_verb(
    ctx: ClaimContext, clause: Clause, first: int, v: int, previous: Speaker | None
) -> Attribution | None:
    """Return the subject of reporting verb v, written from word `first` on."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    if v - 1 > first and rules.joined_by_and(wk.words[v - 1].text):
        return None  # "The actress stopped to sign autographs and joked": no subject ends in "and"
    restart = [b + 1 for b in range(first, v - 1) if wk.readings[b][0][1] in rules.clause_links]
    if restart:
        first = restart[-1]  # "They were released on bail but police say …"
    gap = text[wk.words[first].start : wk.words[v].start]
    last_subject = v - 1
    # A dash sets off an aside, not a subject ("four arrests - over alleged hunting"), and
    # "There were …" names no one.
    expletive = wk.readings[first][0][1] in rules.expletive_subjects
    if expletive or re.search(r"[;:“”\"]|\s[-–—]\s", gap):
        return None
    if "," in gap:
        found = before_apposition(ctx, first, v, gap)
        if found is None or isinstance(found, Attribution):
            return found
        last_subject = found
    while last_subject > first and wk.readings[last_subject][0][1] in rules.auxiliaries:
        last_subject -= 1  # "US band REM have announced": the subject ends before "have"
    # "a resident who gave his name only as Hassan told": the head before the relative.
    relative = next(
        (
            i
            for i in range(first + 1, last_subject + 1)
            if wk.readings[i][0][1] in rules.relative_pronouns
        ),
        None,
    )
    if relative is not None:
        last_subject = relative - 1
    content = wk.words[v].end
    if v + 1 <= clause.last and reading_in(wk, v + 1, rules.complementizers):
        content = wk.words[v + 1].end
    denied = reading_in(wk, v, rules.denial_verbs)
    if denied and _a_plea(ctx, v, clause):
        return Attribution(None, clause.start, False)  # "X has denied charges of fraud"
    between = range(first + 1, v)
    if wk.readings[first][0][1] in rules.pronouns and all(
        wk.readings[b][0][1] in rules.auxiliaries for b in between
    ):  # "He also said", "she has said"
        carried_ = pronoun_speaker(ctx, first, previous)
        if carried_ is None:
            return None
        return Attribution(carried_, content, denied)
    start, end = wk.words[first].start, wk.words[last_subject].end
    if not any(c.isalpha() for c in text[start:end]):
        return None  # "…, 13 reported growth": a count of things, no one who spoke
    speaker = phrase_speaker(ctx, clause, start, end)
    return Attribution(speaker, content, denied)


def _a_plea(ctx: ClaimContext, v: int, clause: Clause) -> bool:
    """Say whether denial verb v takes a charge for its object: a plea, not a statement."""
    wk, rules = ctx.wk, ctx.rules
    after = v + 1
    while after <= clause.last and wk.readings[after][0][1] in rules.determiners:
        after += 1
    return after <= clause.last and wk.readings[after][0][1] in rules.plea_objects


def _passive_speaker(ctx: ClaimContext, v: int, clause: Clause) -> Attribution | None:
    """Return the agent of a passive reporting verb ("was denied by X"): the speaker is X and
    what was said is the clause's subject."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    if v + 2 > clause.last or wk.readings[v - 1][0][1] not in rules.passive_auxiliaries:
        return None
    if wk.readings[v + 1][0][1] not in rules.agent_prepositions:
        return None
    end = v + 2
    while (
        end + 1 <= clause.last
        and end + 1 - (v + 2) < MAX_SPEAKER_WORDS
        and wk.readings[end + 1][0][1] not in rules.relative_pronouns
        and not re.search(r"[,;:(]", text[wk.words[end].end : wk.words[end + 1].start])
    ):
        end += 1
    start = wk.words[v + 2].start
    speaker = phrase_speaker(ctx, clause, start, wk.words[end].end)
    return Attribution(speaker, clause.start, reading_in(wk, v, rules.denial_verbs))


def _speech_follows(ctx: ClaimContext, v: int, clause: Clause) -> bool:
    """Say whether words are reported after verb v: "that", a colon, or a quote anywhere after
    it ("called the victory "a natural result""), or a clause of saying next ("criticised his
    record, saying …")."""
    if introduces_content(ctx, v, clause):
        return True
    wk = ctx.wk
    rest = ctx.text[wk.words[v].end : clause.end]
    nxt = clause.last + 1
    return any(o in rest for o, _ in ctx.rules.quote_pairs) or (
        nxt < len(wk.words)
        and "," in ctx.text[wk.words[clause.last].end : wk.words[nxt].start]
        and reading_in(wk, nxt, ctx.rules.participle_attributions)
    )


def past_linking_words(ctx: ClaimContext, clause: Clause) -> int:
    """Return the clause's first word past linking words: "But he denied …", "However, the
    minister said …" (a linking word is no subject)."""
    wk = ctx.wk
    first = clause.first
    while first < clause.last and wk.readings[first][0][1] in ctx.rules.discourse_openers:
        first += 1
    return first


def _after_opening_phrase(ctx: ClaimContext, clause: Clause) -> int:
    """Return the first word of a clause's subject: past an opening phrase of place or time
    ("In the village of Moulay Brahim, a resident told …"), else the clause's first word."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    first = past_linking_words(ctx, clause)
    key = wk.readings[first][0][1]
    reach = 8 if key in rules.prepositions or key in rules.time_words else 0
    if not reach and rules.opening_participle(key) and mention_at(ctx.matches, first) is None:
        reach = MAX_OPENING_CLAUSE  # "Speaking in court, Mr X said"
    if reach:
        for i in range(first + 1, min(clause.last, first + reach) + 1):
            gap = text[wk.words[i - 1].end : wk.words[i].start]
            if "," in gap:
                return i
            if re.search(r"[;:“”\"]", gap):
                break
    return first


def pronoun_speaker(
    ctx: ClaimContext, i: int, previous: Speaker | None, before: int | None = None
) -> Speaker | None:
    """Return who the pronoun at word i stands for: "he" or "she" is the last person named as
    a speaker or, failing that, mentioned shortly before; "it" or "they" the last speaker.
    `before`, when given, is where what the pronoun's speaker says begins: a name in it is
    someone spoken of ("Mr Y "made the decisions," he said"), not the speaker."""
    wk, rules = ctx.wk, ctx.rules
    if wk.readings[i][0][1] not in rules.person_pronouns:
        return carried(previous) if previous is not None else None
    start = wk.words[i].start if before is None else before
    return person_before(ctx, start, wk.readings[i][0][1], previous)


def person_before(
    ctx: ClaimContext, start: int, pronoun: str, previous: Speaker | None
) -> Speaker | None:
    """Return the person a pronoun or a description at `start` stands for: the subject of the
    last sentence that names someone fitting, or the speaker before when named there too."""
    text, rules, matches = ctx.text, ctx.rules, ctx.matches
    types = {m.entry.key: m.entry.type for m in matches}
    people = [
        m
        for m in matches
        if m.entry.type == "PERSON"
        and m.end <= start
        and start - m.end < 600
        and not ctx.quoted(m.start)  # a name a quote holds is no one the report goes on with
        and rules.pronoun_fits(pronoun, text[max(0, m.start - 12) : m.start])
    ]
    said_before = previous is not None and types.get(previous.entity_key or "") == "PERSON"
    if people:
        # The subject of the last sentence that names someone fitting: its first person,
        # unless the speaker before is named there too ("X said …. He added").
        opened = max(text.rfind(e, 0, people[-1].start) for e in (". ", "\n", "? ", "! "))
        there = [p for p in people if p.start > opened]
        again = [p for p in there if previous is not None and p.entry.key == previous.entity_key]
        m = again[0] if said_before and again else there[0]  # the name, without its title
        return Speaker(text[_with_honorific(ctx, m.start) : m.end], m.entry.key, False, True)
    if previous is not None and (said_before or previous.entity_key is None):
        return carried(previous)
    return None


def _with_honorific(ctx: ClaimContext, start: int) -> int:
    """Return where a name starts with the honorific written before it ("Mr Grant")."""
    before = ctx.text[max(0, start - 12) : start]
    m = re.search(r"([\w.]+)\s+$", before)
    if m is None or ctx.rules.key(m.group(1).rstrip(".")) not in ctx.rules.honorifics:
        return start
    return start - len(before) + m.start(1)


def _speaker_at_the_end(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the speaker of "…, an official who asked not to be named said." (English)."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    # The verb ends the clause, or nearly ("… told reporters on Monday."), or stands between
    # commas in it: "… rose to 2,122 on Sunday, the interior ministry said, with …".
    verbs = [
        i
        for i in range(clause.first, clause.last + 1)
        if ctx.reports(i)
        and mention_at(ctx.matches, i) is None  # "the United States" holds no verb
        and not reading_in(wk, i, rules.object_verbs)
        and (
            i >= clause.last - 4
            or _between_commas(ctx, i, clause)
            or _inverted_after_comma(ctx, i, clause)
            or _inverted_before_apposition(ctx, i, clause)
            # "…", he said adding that …: a participle goes on with the same speaker
            or (i < clause.last and reading_in(wk, i + 1, rules.participle_attributions))
        )
    ]
    # "…, when the deal was announced": a passive without its agent names no one who spoke.
    verbs = [
        i
        for i in verbs
        if not (i > clause.first and reading_in(wk, i - 1, rules.passive_auxiliaries))
        or any(_impersonal_passive(ctx, list(range(i - k, i))) for k in (2, 3, 4) if k <= i)
    ]
    if not verbs:
        return None
    last = verbs[-1]
    comma = text.rfind(",", clause.start, wk.words[last].start)
    if comma == -1:
        return None
    if (
        # "…," said X, or the quote's own comma: "…," said the American.
        not text[comma + 1 : wk.words[last].start].strip(' \n"”»')
        and last < clause.last
        and reading_in(wk, last, rules.inverting_verbs)
    ):
        return _inverted_speaker(ctx, clause, last)
    subject = [i for i in range(clause.first, last) if wk.words[i].start > comma]
    while subject and rules.joined_by_and(wk.words[subject[0]].text):
        subject = subject[1:]  # ", and declared": a second verb, and no subject of its own
    if not subject or len(subject) > MAX_SUBJECT_WORDS + 4:
        return None
    start, end = wk.words[subject[0]].start, wk.words[subject[-1]].end
    if not any(c.isalpha() for c in text[start:end]):
        return None  # "…, 13 reported growth": a count of things, no one who spoke
    if _impersonal_passive(ctx, subject):
        return Attribution(None, clause.start, False)  # "…, it has been announced."
    if len(subject) == 1 and wk.readings[subject[0]][0][1] in rules.pronouns:
        carried_ = pronoun_speaker(ctx, subject[0], previous, clause.start)
        if carried_ is None:
            return None
        return Attribution(carried_, clause.start, False)
    speaker = phrase_speaker(ctx, clause, start, end)
    return Attribution(speaker, clause.start, False)


def _impersonal_passive(ctx: ClaimContext, subject: list[int]) -> bool:
    """Say whether the words before a reporting verb are a pronoun and a passive ("it has been
    announced", "it was said"): no one is named as saying it."""
    wk, rules = ctx.wk, ctx.rules
    keys = [wk.readings[i][0][1] for i in subject]
    return (
        len(keys) > 1
        and keys[0] in rules.pronouns
        and keys[-1] in rules.passive_auxiliaries
        and all(k in rules.auxiliaries | rules.passive_auxiliaries for k in keys[1:])
    )


def _inverted_speaker(ctx: ClaimContext, clause: Clause, last: int) -> Attribution | None:
    """Return the speaker of "…, said Portugal defender Pepe.": the verb first, the speaker to
    the end."""
    text, wk = ctx.text, ctx.wk
    tail = text[wk.words[last].end : clause.end].rstrip(".!? ")
    final = clause.last
    if "," in tail and not re.search(r"[;:]", tail):
        # "…, estimates James Goodman, report author and adviser": the name before its title.
        comma = wk.words[last].end + tail.index(",")
        named = [i for i in range(last + 1, clause.last + 1) if wk.words[i].end <= comma]
        if named and any(mention_at(ctx.matches, i) is not None for i in named):
            final = named[-1]
    rest = range(last + 1, final + 1)
    if len(rest) > MAX_SPEAKER_WORDS or re.search(
        r"[,;:]", text[wk.words[last].end : wk.words[final].end]
    ):
        return None
    start, end = wk.words[last + 1].start, wk.words[final].end
    speaker = phrase_speaker(ctx, clause, start, end)
    return Attribution(speaker, clause.start, reading_in(wk, last, ctx.rules.denial_verbs))


def _inverted_after_comma(ctx: ClaimContext, v: int, clause: Clause) -> bool:
    """Say whether verb v opens the clause's last words after a comma, its speaker after it:
    "…, say those close to the negotiations"."""
    text, wk = ctx.text, ctx.wk
    return (
        v > 0
        and clause.last - v <= MAX_SPEAKER_WORDS
        and reading_in(wk, v, ctx.rules.plural_inverting_verbs)
        and "," in text[wk.words[v - 1].end : wk.words[v].start]
    )


def _inverted_before_apposition(ctx: ClaimContext, v: int, clause: Clause) -> bool:
    """Say whether verb v, after a comma, has its speaker's name next and the name's title
    after another comma: "…, estimates James Goodman, report author and adviser"."""
    text, wk = ctx.text, ctx.wk
    if v == 0 or v >= clause.last or "," not in text[wk.words[v - 1].end : wk.words[v].start]:
        return False
    named = mention_at(ctx.matches, v + 1)
    if named is None or named.last_word >= clause.last:
        return False
    after = text[wk.words[named.last_word].end : wk.words[named.last_word + 1].start]
    return "," in after and reading_in(wk, v, ctx.rules.inverting_verbs)


def _between_commas(ctx: ClaimContext, v: int, clause: Clause) -> bool:
    """Say whether verb v closes a short aside that a comma opened: ", the ministry said,"."""
    text, wk = ctx.text, ctx.wk
    if v >= clause.last or "," not in text[wk.words[v].end : wk.words[v + 1].start]:
        return False
    opened = text.rfind(",", clause.start, wk.words[v].start)
    return opened != -1 and len(text[opened : wk.words[v].start].split()) <= 6


def _coordinated_speaker(
    ctx: ClaimContext, clause: Clause, previous: Speaker | None
) -> Attribution | None:
    """Return the subject of a reporting verb joined by "and" to the clause's own verb: "Mr X
    played down his ties with Y and denied he met him" is X's denial. The subject is the
    clause's first name that no preposition governs, or its opening "He"."""
    wk, rules = ctx.wk, ctx.rules
    verb = next(
        (
            v
            for v in range(clause.first + 2, clause.last + 1)
            if rules.joined_by_and(wk.words[v - 1].text)
            and ctx.reports(v)
            and not (reading_in(wk, v, rules.object_verbs) and not _speech_follows(ctx, v, clause))
        ),
        None,
    )
    if verb is None:
        return None
    denied = reading_in(wk, verb, rules.denial_verbs)
    first = past_linking_words(ctx, clause)
    if wk.readings[first][0][1] in rules.person_pronouns:
        carried_ = pronoun_speaker(ctx, first, previous)
        return None if carried_ is None else Attribution(carried_, wk.words[verb].end, denied)
    for n, m in enumerate(ctx.matches):
        if not (clause.start <= m.start and m.last_word < verb - 1):
            continue
        if m.entry.type not in ("PERSON", "ORG", "GPE") or _governed(ctx, m.first_word):
            continue
        nxt = ctx.matches[n + 1] if n + 1 < len(ctx.matches) else None
        if (
            m.entry.type == "GPE"
            and nxt is not None
            and nxt.entry.type in ("PERSON", "ORG")
            and nxt.first_word - m.last_word <= 2
            and nxt.last_word < verb - 1
        ):
            continue  # "US behemoth General Electric": the country only qualifies the name
        speaker = Speaker(ctx.text[m.start : m.end], m.entry.key, False)
        return Attribution(speaker, wk.words[verb].end, denied)
    return None


def _governed(ctx: ClaimContext, i: int) -> bool:
    """Say whether a preposition (past a determiner) governs the name at word i: "in the New
    York trial", "with Mr Y"."""
    wk, rules = ctx.wk, ctx.rules
    before = i - 1
    while before >= 0 and wk.readings[before][0][1] in rules.determiners:
        before -= 1
    if before < 0:
        return False
    key = wk.readings[before][0][1]
    return key in rules.prepositions or key in rules.place_links
