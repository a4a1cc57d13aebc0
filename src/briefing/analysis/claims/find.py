"""Who said what: the body's clauses as claims, each with its speaker, kind, names, times,
places, numbers and check-worthiness; and the events they tell."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.analysis.claims.clauses import only_a_quote, split_clauses
from briefing.analysis.claims.context import (
    MAX_SUBJECT_WORDS,
    Attribution,
    ClaimContext,
    Clause,
    Strategy,
    carried,
    has,
    reading_in,
)
from briefing.analysis.claims.descriptions import described_person
from briefing.analysis.claims.events import clause_event
from briefing.analysis.claims.places import event_places, named_words, names_only
from briefing.analysis.claims.subject_first import past_linking_words, pronoun_speaker
from briefing.analysis.claims.worthiness import check_worthiness, numbers
from briefing.analysis.sentences import is_heading, line_end, opens_footer
from briefing.models import Claim, Event, Speaker, TimeRef
from briefing.vocab import ClaimKind

QUOTED_SHARE = 0.5  # a clause at least this much quoted is a quote

if TYPE_CHECKING:
    from briefing.analysis.entities import TitleCue
    from briefing.analysis.lexicon import Match
    from briefing.analysis.words import WordKeys
    from briefing.languages.base import Language


def find_claims(
    text: str,
    wk: WordKeys,
    language: Language,
    sentences: Sequence[tuple[int, int]],
    matches: Sequence[Match],
    times: Sequence[TimeRef],
    titles: Sequence[TitleCue],
    references: Sequence[tuple[int, int, str]] = (),
) -> tuple[list[Claim], list[Event]]:
    """Return the claims of the body (clauses and role claims) and the events they tell.

    Who says a clause is found by the language's attribution strategies, tried in its order.
    """
    ctx = ClaimContext(text, wk, language.rules, matches)
    claims: list[Claim] = []
    events: list[Event] = []
    previous: Speaker | None = None
    named = names_only(wk, matches)
    footer_end = -1
    for s_start, s_end in sentences:
        if is_heading(text, s_start, s_end, ctx.rules) or s_start < footer_end:
            continue  # a heading, caption or byline states nothing to check
        if opens_footer(text, s_start, s_end, ctx.rules):
            footer_end = line_end(text, s_start)
            continue  # "للتواصل مع الكاتب أرسل …": how to write to the paper
        sentence_speaker: Attribution | None = None
        for clause in split_clauses(text, wk, ctx.rules, s_start, s_end):
            attribution = _attribute(ctx, clause, language.attribution, previous)
            attribution = _carried_over(ctx, clause, attribution, sentence_speaker, previous)
            person = described_person(ctx, clause, attribution, references, titles, previous)
            if person is not None:
                attribution = replace(attribution, speaker=person)
            if attribution.speaker is not None and sentence_speaker is None:
                sentence_speaker = attribution
            if attribution.speaker is not None:
                previous = attribution.speaker
            resolved = _resolved(ctx, clause, attribution, references)
            claim = _claim(ctx, clause, attribution, times, resolved, named)
            _said_before(ctx, clause, claims)
            if _states_nothing(claim, clause):
                continue  # "سنوات تمرّ..", "There are no DJs.": a fragment, nothing to check
            claims.append(claim)
            event = clause_event(ctx, clause, claim, (s_start, s_end))
            if event is not None:
                events.append(event)
    claims.extend(_role_claims(text, matches, titles, _sentence_dates(sentences, times)))
    claims.sort(key=lambda c: (c.start, c.kind != ClaimKind.ROLE))
    numbered = [replace(c, id=f"c{n}") for n, c in enumerate(claims, 1)]
    return numbered, events


FRAGMENT_WORDS = 5  # a clause shorter than this, by the narrator, with nothing checkable in it


def _states_nothing(claim: Claim, clause: Clause) -> bool:
    """Say whether a clause is a fragment with nothing to check: the narrator's (no speaker),
    under `FRAGMENT_WORDS` words, and no name, number or date in it — a line of verse, an
    exclamation ("آلافٌ وآلاف..", "وأقول:")."""
    short = clause.last - clause.first + 1 < FRAGMENT_WORDS
    checkable = claim.entity_keys or claim.numbers or any(t.value for t in claim.times)
    return claim.kind == ClaimKind.ASSERTION and short and not checkable


def _said_before(ctx: ClaimContext, clause: Clause, claims: list[Claim]) -> None:
    """Give the claim before to the person a clause names as having said it (تعهدت مصر …
    أوضح ذلك رئيس الوزراء X): a reporting verb, a word that refers back, then the person."""
    wk, rules = ctx.wk, ctx.rules
    v = clause.first
    if not claims or v + 2 > clause.last or not ctx.reports(v):
        return
    if wk.readings[v + 1][0][1] not in rules.back_references:
        return
    person = next(
        (
            m
            for m in ctx.matches
            if m.entry.type == "PERSON" and v + 1 < m.first_word <= v + 1 + MAX_SUBJECT_WORDS
        ),
        None,
    )
    if person is None or claims[-1].kind == ClaimKind.ROLE:
        return
    said = claims[-1].speaker
    people = {m.entry.key for m in ctx.matches if m.entry.type == "PERSON"}
    if said is not None and (said.entity_key is None or said.entity_key in people):
        return  # a person spoke first: the one named now only confirms
    speaker = Speaker(ctx.text[person.start : person.end], person.entry.key, False)
    claims[-1] = replace(claims[-1], speaker=speaker)


def _attribute(
    ctx: ClaimContext, clause: Clause, strategies: Sequence[Strategy], previous: Speaker | None
) -> Attribution:
    """Return who the clause attributes its content to, and where the content starts: the
    first strategy that finds a speaker, else no one."""
    for strategy in strategies:
        found = strategy(ctx, clause, previous)
        if found is not None:
            return found
    return Attribution(None, clause.start, False)


def _carried_over(
    ctx: ClaimContext,
    clause: Clause,
    attribution: Attribution,
    sentence_speaker: Attribution | None,
    previous: Speaker | None,
) -> Attribution:
    """Return the attribution, or for a clause with no speaker of its own the one it goes on
    with: its sentence's, or for a quote the last speaker's. A clause that opens with "saying"
    goes with the speaker of its sentence's verb ("…," he told the court, saying …)."""
    said = sentence_speaker.speaker if sentence_speaker is not None else None
    if (
        said is not None
        and attribution.speaker is not None
        and reading_in(ctx.wk, clause.first, ctx.rules.participle_attributions)
        # its own name, or one that does not hold the participle's pick ("A Labour spokesman
        # criticised Mr Howard's record, saying …" is the spokesman's, not Mr Howard's)
        and (said.entity_key is not None or attribution.speaker.text not in said.text)
    ):
        return replace(attribution, speaker=said)
    if attribution.speaker is None and sentence_speaker is not None:
        # A later clause of reported speech keeps its sentence's speaker.
        return Attribution(sentence_speaker.speaker, clause.start, False)
    if attribution.speaker is None and previous is not None and _a_quote(ctx, clause):
        # A quote with no speaker of its own goes on with the last one: "…," she said. "…",
        # and a quote over two paragraphs.
        return Attribution(carried(previous), clause.start, False)
    return attribution


def _a_quote(ctx: ClaimContext, clause: Clause) -> bool:
    """Say whether a clause is mostly a quote and opens inside it (or with its mark)."""
    first = ctx.wk.words[clause.first].start
    return (ctx.quoted(first) or only_a_quote(ctx.text, ctx.rules, clause)) and (
        ctx.quoted_share(clause.start, clause.end) >= QUOTED_SHARE
    )


def _resolved(
    ctx: ClaimContext,
    clause: Clause,
    attribution: Attribution,
    references: Sequence[tuple[int, int, str]],
) -> list[str]:
    """Return the keys of who the clause names without writing the name: a relative's
    antecedent, a carried speaker, "the minister", an opening "He"."""
    return [
        k
        for k in (
            _antecedent(ctx, clause),
            # A speaker carried over (وأضاف أن…) is named by the clause all the same.
            attribution.speaker.entity_key
            if attribution.speaker is not None and attribution.speaker.carried
            else None,
            *(k for a, _b, k in references if clause.start <= a < clause.end),
            _opening_pronoun(ctx, clause),
        )
        if k
    ]


def _sentence_dates(
    sentences: Sequence[tuple[int, int]], times: Sequence[TimeRef]
) -> list[tuple[int, int, tuple[TimeRef, ...]]]:
    """Return each sentence with the dates it gives (resolved, not a noun's name)."""
    dated = sorted(
        (t for t in times if t.kind == "date" and t.value and not t.attributive),
        key=lambda t: t.start,
    )
    starts = [t.start for t in dated]
    return [
        (a, b, tuple(dated[bisect_left(starts, a) : bisect_left(starts, b)])) for a, b in sentences
    ]


def _role_claims(
    text: str,
    matches: Sequence[Match],
    titles: Sequence[TitleCue],
    dates: Sequence[tuple[int, int, tuple[TimeRef, ...]]],
) -> list[Claim]:
    """Return a role claim for each title written next to a person (وزير الخارجية وانغ يي),
    with the dates its sentence gives: the title is checked at the time the sentence tells
    ("… الرئيس العراقي أحمد حسن البكر … فتزوجا عام 1969")."""
    claims = []
    for cue in titles:
        told = next((d for a, b, d in dates if a <= cue.start < b), ())
        start = cue.start if cue.claim_start is None else cue.claim_start
        keys = tuple(dict.fromkeys(m.entry.key for m in matches if start <= m.start < cue.name_end))
        claims.append(
            Claim(
                id="",
                start=start,
                end=cue.name_end,
                text=text[start : cue.name_end],
                kind=ClaimKind.ROLE,
                speaker=None,
                entity_keys=keys,
                times=told,
                places=(),
                numbers=(),
                check_worthiness=0.6,
                role_title=cue.text,
                role_person=cue.person_key,
            )
        )
    return claims


def _antecedent(ctx: ClaimContext, clause: Clause) -> str | None:
    """Return who a clause that opens with a relative or a participle is about: the last name
    before it in the sentence (سنان أوغان، الذي حل ثالثاً…), so the claim counts it as named."""
    wk, rules = ctx.wk, ctx.rules
    first = wk.readings[clause.first][0][1] if clause.last >= clause.first else ""
    opens = first in rules.relative_pronouns or reading_in(
        wk, clause.first, rules.participle_attributions
    )
    if not opens or clause.start <= clause.sentence_start:
        return None
    before = [
        m
        for m in ctx.matches
        if clause.sentence_start <= m.start
        and m.end <= clause.start
        and m.entry.type in ("PERSON", "ORG", "GPE")
    ]
    return before[-1].entry.key if before else None


def _opening_pronoun(ctx: ClaimContext, clause: Clause) -> str | None:
    """Return who a clause that opens with "He" or "His" is about: "His last foreign trips were
    to Kyrgyzstan" names Putin, written in the sentence before."""
    first = past_linking_words(ctx, clause)
    if ctx.wk.readings[first][0][1] not in ctx.rules.person_pronouns:
        return None
    found = pronoun_speaker(ctx, first, None)
    return found.entity_key if found is not None else None


def _claim(
    ctx: ClaimContext,
    clause: Clause,
    attribution: Attribution,
    times: Sequence[TimeRef],
    resolved: Sequence[str],
    named: frozenset[int],
) -> Claim:
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    inside = [m for m in ctx.matches if clause.start <= m.start and m.end <= clause.end]
    clause_times = tuple(t for t in times if clause.start <= t.start and t.end <= clause.end)
    content = text[attribution.content_start : clause.end].lstrip(" :")
    quoted = bool(content) and content[0] in ctx.quote_openers
    if attribution.speaker is None:
        kind = ClaimKind.ASSERTION
    elif quoted:
        kind = ClaimKind.QUOTE
    else:
        kind = ClaimKind.REPORTED
    found = numbers(text, wk, rules, clause, clause_times)
    # Names anywhere count; times only the clause's own.
    places = event_places(wk, rules, inside, named | named_words(wk, (), clause_times))
    return Claim(
        id="",
        start=clause.start,
        end=clause.end,
        text=text[clause.start : clause.end],
        kind=kind,
        speaker=attribution.speaker,
        entity_keys=tuple(dict.fromkeys([*resolved, *(m.entry.key for m in inside)])),
        times=clause_times,
        places=places,
        numbers=found,
        check_worthiness=check_worthiness(wk, rules, clause, inside, clause_times, found, kind),
        denied=attribution.denied or has(wk, rules.denial_verbs, clause),
        mention_spans=tuple((m.start, m.end, m.entry.key) for m in inside),
    )
