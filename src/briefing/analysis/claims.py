"""Who said what: clauses, their speakers, kinds and check-worthiness; and the events they tell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.analysis.entities import TitleCue
from briefing.languages.base import LanguageRules
from briefing.lexicon import Match, WordKeys
from briefing.models import Claim, Event, Speaker, TimeRef

_MAX_VERB_POSITION = 7  # a reporting verb this far into a clause still introduces it
_MAX_SPEAKER_WORDS = 9
_MIN_CLAUSE_WORDS = 4
_NUMBER = re.compile(r"(?<![\d.,٫])\d+(?:[.,٫٬]\d+)*")
_CLAUSE_BREAK = re.compile(r"[،,;؛]\s+")
_PLACE_TYPES = ("GPE", "LOC")


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    first: int  # first word index
    last: int  # last word index (inclusive)


@dataclass(frozen=True)
class _Attribution:
    speaker: Speaker | None
    content_start: int  # where what is said begins
    denied: bool


def find_claims(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    sentences: Sequence[tuple[int, int]],
    matches: Sequence[Match],
    times: Sequence[TimeRef],
    titles: Sequence[TitleCue],
    references: Sequence[tuple[int, int, str]] = (),
) -> tuple[list[Claim], list[Event]]:
    """Return the claims of the body (clauses and role claims) and the events they tell."""
    claims: list[Claim] = []
    events: list[Event] = []
    previous: Speaker | None = None
    last_sentence: Speaker | None = None  # the speaker of the sentence just before
    named = _names_only(wk, matches)
    for s_start, s_end in sentences:
        sentence_speaker: _Attribution | None = None
        for clause in _clauses(text, wk, rules, s_start, s_end):
            attribution = _attribute(text, wk, rules, clause, matches, previous, s_start)
            if attribution.speaker is None and sentence_speaker is not None:
                # A later clause of reported speech keeps its sentence's speaker.
                attribution = _Attribution(sentence_speaker.speaker, clause.start, False)
            elif (
                attribution.speaker is None
                and last_sentence is not None
                and _only_a_quote(text, rules, clause)
            ):
                # A quote standing alone goes on with the sentence before: "…," she said. "…"
                attribution = _Attribution(_carried(last_sentence), clause.start, False)
            if attribution.speaker is not None and sentence_speaker is None:
                sentence_speaker = attribution
            if attribution.speaker is not None:
                previous = attribution.speaker
            resolved = [
                k
                for k in (
                    _antecedent(wk, rules, clause, matches, s_start),
                    # A speaker carried over (وأضاف أن…) is named by the clause all the same.
                    attribution.speaker.entity_key
                    if attribution.speaker is not None and attribution.speaker.carried
                    else None,
                    *(k for a, _b, k in references if clause.start <= a < clause.end),
                    _opening_pronoun(text, wk, rules, clause, matches),
                )
                if k
            ]
            claim = _claim(text, wk, rules, clause, attribution, matches, times, resolved, named)
            claims.append(claim)
            event = _event(text, wk, rules, clause, matches, claim, (s_start, s_end))
            if event is not None:
                events.append(event)
        last_sentence = sentence_speaker.speaker if sentence_speaker is not None else None
    for cue in titles:
        start = cue.start if cue.claim_start is None else cue.claim_start
        keys = tuple(dict.fromkeys(m.entry.key for m in matches if start <= m.start < cue.name_end))
        claims.append(
            Claim(
                id="",
                start=start,
                end=cue.name_end,
                text=text[start : cue.name_end],
                kind="role",
                speaker=None,
                entity_keys=keys,
                times=(),
                places=(),
                numbers=(),
                check_worthiness=0.6,
                role_title=cue.text,
                role_person=cue.person_key,
            )
        )
    claims.sort(key=lambda c: (c.start, c.kind != "role"))
    numbered = [_renumber(c, n) for n, c in enumerate(claims, 1)]
    return numbered, events


def _antecedent(
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    sentence_start: int,
) -> str | None:
    """Return who a clause that opens with a relative or a participle is about: the last name
    before it in the sentence (سنان أوغان، الذي حل ثالثاً…), so the claim counts it as named."""
    first = wk.readings[clause.first][0][1] if clause.last >= clause.first else ""
    opens = first in rules.relative_pronouns or _reading_in(
        wk, clause.first, rules.participle_attributions
    )
    if not opens or clause.start <= sentence_start:
        return None
    before = [
        m
        for m in matches
        if sentence_start <= m.start
        and m.end <= clause.start
        and m.entry.type in ("PERSON", "ORG", "GPE")
    ]
    return before[-1].entry.key if before else None


def _opening_pronoun(
    text: str, wk: WordKeys, rules: LanguageRules, clause: _Clause, matches: Sequence[Match]
) -> str | None:
    """Return who a clause that opens with "He" or "His" is about: "His last foreign trips were
    to Kyrgyzstan" names Putin, written in the sentence before."""
    first = _past_linking_words(wk, rules, clause)
    if wk.readings[first][0][1] not in rules.person_pronouns:
        return None
    found = _pronoun_speaker(text, wk, rules, first, matches, None)
    return found.entity_key if found is not None else None


def _only_a_quote(text: str, rules: LanguageRules, clause: _Clause) -> bool:
    """Say whether a clause is a quote and nothing else ("We will of course disagree.")."""
    body = text[clause.start : clause.end].strip().rstrip(".!?؟…")
    for opener, closer in rules.quote_pairs:
        inner = body[len(opener) : -len(closer)] if body.endswith(closer) else ""
        if body.startswith(opener) and inner and opener not in inner and closer not in inner:
            return True
    return False


def _renumber(claim: Claim, n: int) -> Claim:
    from dataclasses import replace

    return replace(claim, id=f"c{n}")


def _word_range(wk: WordKeys, start: int, end: int) -> tuple[int, int]:
    idx = wk.within(start, end)
    return (idx[0], idx[-1]) if idx else (0, -1)


def _inside_quotes(text: str, start: int, pos: int, rules: LanguageRules) -> bool:
    segment = text[start:pos]
    for open_, close in rules.quote_pairs:
        if open_ == close:
            if segment.count(open_) % 2:
                return True
        elif segment.rfind(open_) > segment.rfind(close):
            return True
    return False


def _clauses(text: str, wk: WordKeys, rules: LanguageRules, start: int, end: int) -> list[_Clause]:
    """Split a sentence where a comma opens a new clause (، وهو / ، والذي / ", which")."""
    cuts = [start]
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        after = m.end()
        if _inside_quotes(text, start, m.start(), rules):
            continue
        nxt = re.match(r"\S+", text[after:end])
        if nxt is None:
            continue
        word = nxt.group()
        keys = {k for _, k in rules.variants(re.sub(r"\W+$", "", word))}
        opens = bool(
            keys & (rules.clause_openers | rules.relative_pronouns | rules.participle_attributions)
        ) or (word[:1] in rules.conjunction_clitics and len(word) > 3)
        quoted_first = text[start:end].lstrip()[:1] in {o for o, _ in rules.quote_pairs}
        if not opens or quoted_first or _starts_attribution(text[after:end], rules):
            continue
        before_words = len(_words_between(wk, cuts[-1], m.start()))
        after_words = len(_words_between(wk, after, end))
        if before_words >= _MIN_CLAUSE_WORDS and after_words >= _MIN_CLAUSE_WORDS:
            cuts.append(after)
    spans = [(a, b) for a, b in zip(cuts, [*cuts[1:], end], strict=True)]
    out = []
    for a, b in spans:
        b = len(text[:b].rstrip(" ،,;؛"))
        first, last = _word_range(wk, a, b)
        if last >= first:
            out.append(_Clause(a, b, first, last))
    return out


def _words_between(wk: WordKeys, start: int, end: int) -> range:
    return wk.within(start, end)


def _starts_attribution(fragment: str, rules: LanguageRules) -> bool:
    head = rules.key(" ".join(fragment.split()[:3]))
    return any(head.startswith(rules.key(a)) for a in rules.trailing_attributions) or any(
        head.startswith(c + rules.key(a))
        for a in rules.trailing_attributions
        for c in rules.conjunction_clitics
    )


def _reading_in(wk: WordKeys, i: int, words: frozenset[str]) -> bool:
    return any(k in words for _, k in wk.readings[i])


def _mention_at(matches: Sequence[Match], i: int) -> Match | None:
    for m in matches:
        if m.first_word <= i <= m.last_word:
            return m
    return None


def _attribute(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    previous: Speaker | None,
    sentence_start: int,
) -> _Attribution:
    """Return who the clause attributes its content to, and where the content starts."""
    relative = _relative_speaker(text, wk, rules, clause, matches, sentence_start)
    if relative is not None:
        return relative
    if rules.subject_first:
        # "…, according to the statement" names the speaker outright; a plural noun before it
        # ("the sovereignty of states") must not pass for a verb with its subject.
        subject = _subject_speaker(
            text, wk, rules, clause, matches, previous
        ) or _speaker_at_the_end(text, wk, rules, clause, matches, previous)
        if subject is not None and _names_someone(subject):
            return subject
        # "Wang said …, according to a statement" is Wang's; otherwise "according to" names
        # the speaker outright (a plural noun such as "states" is no verb with its subject).
        trailing = _trailing_speaker(text, wk, rules, clause, matches)
        if trailing is not None:
            return _Attribution(trailing, clause.start, False)
        if subject is not None:
            return subject
    reporting = rules.reporting_verbs | rules.denial_verbs
    limit = min(clause.last, clause.first + _MAX_VERB_POSITION)
    for v in range(clause.first, limit + 1):
        if not _reading_in(wk, v, reporting) or _mention_at(matches, v) is not None:
            continue
        denied = _reading_in(wk, v, rules.denial_verbs)
        found = _speaker_after(text, wk, rules, v, clause, matches)
        if found is not None and found[0] is not _IMPLICIT:
            return _Attribution(found[0], found[1], denied)
        if found is not None or _introduces_content(text, wk, rules, v, clause):
            before = _speaker_before(text, wk, rules, v, clause, matches)
            content = wk.words[v].end
            if before is not None:
                return _Attribution(before, content, denied)
            if previous is not None:
                return _Attribution(_carried(previous), content, denied)
    after_quote = _speaker_after_quote(text, wk, rules, clause, matches, previous)
    if after_quote is not None:
        return after_quote
    inverted = _said_after_a_quote(text, wk, rules, clause, matches)
    if inverted is not None:
        return inverted
    trailing = _trailing_speaker(text, wk, rules, clause, matches)
    if trailing is not None:
        return _Attribution(trailing, clause.start, False)
    participle = _participle_speaker(text, wk, rules, clause, matches, sentence_start)
    if participle is not None:
        return _Attribution(participle, clause.start, False)
    return _Attribution(None, clause.start, False)


def _speech_follows(text: str, wk: WordKeys, rules: LanguageRules, v: int, clause: _Clause) -> bool:
    """Say whether words are reported after verb v: "that", a colon, or a quote anywhere after
    it ("called the victory "a natural result"")."""
    if _introduces_content(text, wk, rules, v, clause):
        return True
    rest = text[wk.words[v].end : clause.end]
    return any(o in rest for o, _ in rules.quote_pairs)


def _names_someone(attribution: _Attribution) -> bool:
    speaker = attribution.speaker
    return speaker is not None and (speaker.entity_key is not None or speaker.carried)


def _introduces_content(
    text: str, wk: WordKeys, rules: LanguageRules, v: int, clause: _Clause
) -> bool:
    """Say whether what follows verb v is what was said (إن, أن, ':', a quote)."""
    gap = text[wk.words[v].end : wk.words[v + 1].start if v + 1 <= clause.last else clause.end]
    if ":" in gap or any(o in gap for o, _ in rules.quote_pairs):
        return True
    return v + 1 <= clause.last and _reading_in(wk, v + 1, rules.complementizers)


def _speaker_after(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    v: int,
    clause: _Clause,
    matches: Sequence[Match],
) -> tuple[Speaker, int] | None:
    """Return the speaker named right after verb v (قال X إن) and where the content starts."""
    i = v + 1
    if i > clause.last or _introduces_content(text, wk, rules, v, clause):
        return None
    first_mention = _mention_at(matches, i)
    if first_mention is not None and text[first_mention.end : first_mention.end + 2] in (
        "'s",
        "’s",
    ):
        # "said China's top diplomat Wang Yi": the country only qualifies the speaker.
        later = [
            m
            for m in matches
            if m.entry.type == "PERSON"
            and first_mention.last_word < m.first_word <= first_mention.last_word + 5
        ]
        if later:
            start, end = first_mention.start, later[0].end
            speaker = Speaker(text[start:end], later[0].entry.key, False)
            return speaker, _content_start(text, wk, rules, later[0].last_word, clause)
    if first_mention is not None:
        # A run of names joined by "and": روسيا وكوريا الشمالية.
        end_word = first_mention.last_word
        keys = [first_mention.entry.key]
        while end_word + 1 <= clause.last and wk.joined[end_word]:
            nxt = _mention_at(matches, end_word + 1)
            if (
                nxt is None
                or nxt.first_word != end_word + 1
                or not _is_and(wk, rules, end_word + 1)
            ):
                break
            keys.append(nxt.entry.key)
            end_word = nxt.last_word
        speaker_key = keys[0] if len(keys) == 1 else None
        speaker = Speaker(
            text[first_mention.start : wk.words[end_word].end],
            speaker_key,
            _anonymous(text, rules, clause),
        )
        return speaker, _content_start(text, wk, rules, end_word, clause)
    # Not a known name: a phrase (رئيس اللجنة الأولمبية الدولية توماس باخ) that ends at a comma, a
    # preposition or إن/أن/':' — provided what is said follows somewhere in the clause.
    found = _content_after(text, wk, rules, i, clause)
    if found is None:
        return _named_subject(text, wk, rules, i, clause, matches)
    content: int = found
    if wk.readings[i][0][1] in rules.stop_words or wk.readings[i][0][1] in rules.prepositions:
        return _IMPLICIT, content  # وقال أمام القادة إن: the subject is not written
    end_word = i
    for j in range(i, clause.last + 1):
        key = wk.readings[j][0][1]
        if j > i and (key in rules.prepositions or _reading_in(wk, j, rules.complementizers)):
            break
        end_word = j
        gap = text[wk.words[j].end : wk.words[j + 1].start] if j < clause.last else ""
        if re.search(r"[،,:;؛«“\"]", gap):
            break
    # A person named before what is said belongs to the phrase even past a preposition
    # (الخبير في الشؤون الخليجية كريم منصور: …).
    named = [
        m
        for m in matches
        if m.entry.type == "PERSON"
        and m.start > wk.words[end_word].end
        and m.end <= content
        and not re.search(r"[،,]", text[wk.words[i].start : m.start])
    ]
    if named:
        end_word = named[-1].last_word
    if end_word - i + 1 > _MAX_SPEAKER_WORDS:
        return None
    start, end = wk.words[i].start, wk.words[end_word].end
    return _phrase_speaker(text, wk, rules, clause, matches, start, end), content


def _named_subject(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    i: int,
    clause: _Clause,
    matches: Sequence[Match],
) -> tuple[Speaker, int] | None:
    """Return a titled name right after the verb when nothing quoted follows (رحّب الرئيس
    الإماراتي الشيخ محمد بن زايد بالقرار): the name ends the phrase, before any preposition."""
    for m in matches:
        if m.entry.type not in ("PERSON", "ORG") or m.start < wk.words[i].start:
            continue
        if m.first_word - i > _MAX_SPEAKER_WORDS or m.last_word > clause.last:
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
        return Speaker(text[wk.words[i].start : m.end], m.entry.key, False), m.end
    return None


_IMPLICIT = Speaker("", None)


def _phrase_speaker(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    start: int,
    end: int,
) -> Speaker:
    """Return the speaker written as text[start:end]: linked to the one name it holds, and
    anonymous when it names no one and is a source's head word (مصدر, "an official") or the
    clause says the name was withheld."""
    key = _key_of(matches, start, end)
    heads = [i for i in wk.touching(start, end) if wk.words[i].start >= start]
    anonymous = key is None and (
        any(_reading_in(wk, i, rules.anonymous_heads) for i in heads)
        or _anonymous(text, rules, clause)
    )
    return Speaker(text[start:end], key, anonymous)


def _carried(previous: Speaker) -> Speaker:
    """Return the previous speaker, marked as carried over to this claim."""
    return Speaker(
        previous.text, previous.entity_key, previous.anonymous, True
    )  # a reporting verb whose subject is not written


def _content_after(
    text: str, wk: WordKeys, rules: LanguageRules, i: int, clause: _Clause
) -> int | None:
    """Return where what is said begins after word i (إن/أن, ':' or a quote), or None."""
    for j in range(i, min(clause.last, i + 3 * _MAX_SPEAKER_WORDS) + 1):
        if j > i and _reading_in(wk, j, rules.complementizers):
            return wk.words[j].start
        gap = text[wk.words[j].end : wk.words[j + 1].start] if j < clause.last else ""
        if ":" in gap:
            return wk.words[j].end + gap.index(":") + 1
    return None


def _is_and(wk: WordKeys, rules: LanguageRules, i: int) -> bool:
    """Say whether word i is joined to the one before by "and" (وكوريا, "and Korea")."""
    return rules.joined_by_and(wk.words[i].text) or (
        i > 0 and rules.joined_by_and(wk.words[i - 1].text) and len(wk.words[i - 1].text) <= 3
    )


def _content_start(text: str, wk: WordKeys, rules: LanguageRules, j: int, clause: _Clause) -> int:
    """Return where what is said begins after a speaker ending at word j: after إن/أن or a
    colon, whichever comes first (وقال X، الخبير في …: “…”)."""
    limit = min(clause.last, j + _MAX_SPEAKER_WORDS * 2)
    for k in range(j + 1, limit + 1):
        gap = text[wk.words[k - 1].end : wk.words[k].start]
        if ":" in gap:
            return wk.words[k - 1].end + gap.index(":") + 1
        if _reading_in(wk, k, rules.complementizers):
            return wk.words[k].start
    return wk.words[j].end


def _key_of(matches: Sequence[Match], start: int, end: int) -> str | None:
    inside = {m.entry.key for m in matches if start <= m.start and m.end <= end}
    return inside.pop() if len(inside) == 1 else None


def _anonymous(text: str, rules: LanguageRules, clause: _Clause) -> bool:
    body = rules.key(text[clause.start : clause.end])
    return any(rules.key(p) in body for p in rules.anonymous_phrases)


def _speaker_before(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    v: int,
    clause: _Clause,
    matches: Sequence[Match],
) -> Speaker | None:
    """Return a subject written before its verb (بعض المحللين يعتقدون أن), if there is one."""
    idx = [
        i
        for i in range(clause.first, v)
        if wk.readings[i][0][1] not in rules.stop_words
        and wk.readings[i][-1][1] not in rules.stop_words
    ]
    if not idx or v - clause.first > 5:
        return None
    start, end = wk.words[idx[0]].start, wk.words[v - 1].end
    if re.search(r"[،,:]", text[start:end]):
        return None
    key = _key_of(matches, start, end)
    return Speaker(
        text[start:end], key, key is None and _reading_in(wk, idx[0], rules.anonymous_heads)
    )


_MAX_SUBJECT_WORDS = 10


def _subject_speaker(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    previous: Speaker | None,
) -> _Attribution | None:
    """Return the speaker written before its verb, as English does: "Karim Mansour said the
    visit …", "It added that …" (a pronoun carries the previous speaker)."""
    reporting = rules.reporting_verbs | rules.denial_verbs
    head = text[clause.start : clause.end].lstrip()
    if head[:1] in {o for o, _ in rules.quote_pairs}:
        return None  # a quote first: its speaker comes after it
    first = _after_opening_phrase(text, wk, rules, clause)
    for v in range(first + 1, min(clause.last, first + _MAX_SUBJECT_WORDS) + 1):
        if not _reading_in(wk, v, reporting) or _mention_at(matches, v) is not None:
            continue
        passive = _passive_speaker(text, wk, rules, v, clause, matches)
        if passive is not None:
            return passive  # "the claim was denied by a UKIP spokesman"
        if _reading_in(wk, v, rules.object_verbs) and not _speech_follows(
            text, wk, rules, v, clause
        ):
            continue  # "declared three days of mourning": an act, not speech
        restart = [b + 1 for b in range(first, v - 1) if wk.readings[b][0][1] in rules.clause_links]
        if restart:
            first = restart[-1]  # "They were released on bail but police say …"
        gap = text[wk.words[first].start : wk.words[v].start]
        last_subject = v - 1
        if re.search(r"[;:“”\"]", gap):
            return None
        if "," in gap:
            # "Mark Mackie, director of Regular Music, said": the name before the apposition.
            # One comma only ("The talks went well, said X") puts the speaker after the verb.
            if not gap.rstrip().endswith(",") or gap.count(",") < 2:
                return None
            before = [
                i
                for i in range(first, v)
                if "," not in text[wk.words[first].start : wk.words[i].end]
            ]
            if not before:
                return None
            last_subject = before[-1]
            # "The United Nations envoy to Sudan, Volker Perthes, told": the name between.
            aside = _person_between_commas(text, wk, matches, before[-1], v)
            if aside is not None:
                content = wk.words[v].end
                return _Attribution(aside, content, _reading_in(wk, v, rules.denial_verbs))
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
        if v + 1 <= clause.last and _reading_in(wk, v + 1, rules.complementizers):
            content = wk.words[v + 1].end
        denied = _reading_in(wk, v, rules.denial_verbs)
        between = range(first + 1, v)
        if wk.readings[first][0][1] in rules.pronouns and all(
            wk.readings[b][0][1] in rules.auxiliaries for b in between
        ):  # "He also said", "she has said"
            carried = _pronoun_speaker(text, wk, rules, first, matches, previous)
            if carried is None:
                return None
            return _Attribution(carried, content, denied)
        speaker = _phrase_speaker(
            text, wk, rules, clause, matches, wk.words[first].start, wk.words[last_subject].end
        )
        return _Attribution(speaker, content, denied)
    return None


def _person_between_commas(
    text: str, wk: WordKeys, matches: Sequence[Match], before: int, v: int
) -> Speaker | None:
    """Return the person who alone fills the aside between a title and its verb."""
    start, end = wk.words[before].end, wk.words[v].start
    aside = text[start:end].strip(" ,")
    for m in matches:
        inside = m.entry.type == "PERSON" and start < m.start and m.end < end
        if inside and text[m.start : m.end] == aside:
            return Speaker(aside, m.entry.key, False)
    return None


def _passive_speaker(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    v: int,
    clause: _Clause,
    matches: Sequence[Match],
) -> _Attribution | None:
    """Return the agent of a passive reporting verb ("was denied by X"): the speaker is X and
    what was said is the clause's subject."""
    if v + 2 > clause.last or wk.readings[v - 1][0][1] not in rules.passive_auxiliaries:
        return None
    if wk.readings[v + 1][0][1] not in rules.agent_prepositions:
        return None
    end = v + 2
    while (
        end + 1 <= clause.last
        and end + 1 - (v + 2) < _MAX_SPEAKER_WORDS
        and wk.readings[end + 1][0][1] not in rules.relative_pronouns
        and not re.search(r"[,;:(]", text[wk.words[end].end : wk.words[end + 1].start])
    ):
        end += 1
    start = wk.words[v + 2].start
    speaker = _phrase_speaker(text, wk, rules, clause, matches, start, wk.words[end].end)
    return _Attribution(speaker, clause.start, _reading_in(wk, v, rules.denial_verbs))


def _past_linking_words(wk: WordKeys, rules: LanguageRules, clause: _Clause) -> int:
    """Return the clause's first word past linking words: "But he denied …", "However, the
    minister said …" (a linking word is no subject)."""
    first = clause.first
    while first < clause.last and wk.readings[first][0][1] in rules.discourse_openers:
        first += 1
    return first


def _after_opening_phrase(text: str, wk: WordKeys, rules: LanguageRules, clause: _Clause) -> int:
    """Return the first word of a clause's subject: past an opening phrase of place or time
    ("In the village of Moulay Brahim, a resident told …"), else the clause's first word."""
    first = _past_linking_words(wk, rules, clause)
    key = wk.readings[first][0][1]
    if key in rules.prepositions or key in rules.time_words:
        for i in range(first + 1, min(clause.last, first + 8) + 1):
            gap = text[wk.words[i - 1].end : wk.words[i].start]
            if "," in gap:
                return i
            if re.search(r"[;:“”\"]", gap):
                break
    return first


def _pronoun_speaker(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    i: int,
    matches: Sequence[Match],
    previous: Speaker | None,
) -> Speaker | None:
    """Return who the pronoun at word i stands for: "he" or "she" is the last person named as
    a speaker or, failing that, mentioned shortly before; "it" or "they" the last speaker."""
    if wk.readings[i][0][1] not in rules.person_pronouns:
        return _carried(previous) if previous is not None else None
    types = {m.entry.key: m.entry.type for m in matches}
    pronoun = wk.readings[i][0][1]
    start = wk.words[i].start
    people = [
        m
        for m in matches
        if m.entry.type == "PERSON"
        and m.end <= start
        and start - m.end < 600
        and rules.pronoun_fits(pronoun, text[max(0, m.start - 12) : m.start])
    ]
    said_before = previous is not None and types.get(previous.entity_key or "") == "PERSON"
    if people:
        # The subject of the last sentence that names someone fitting: its first person,
        # unless the speaker before is named there too ("X said …. He added").
        opened = max(text.rfind(e, 0, people[-1].start) for e in (". ", "\n", "? ", "! "))
        there = [p for p in people if p.start > opened]
        if (
            previous is not None
            and said_before
            and any(p.entry.key == previous.entity_key for p in there)
        ):
            return _carried(previous)
        m = there[0]
        return Speaker(text[m.start : m.end], m.entry.key, False, True)
    if previous is not None and (said_before or previous.entity_key is None):
        return _carried(previous)
    return None


def _speaker_at_the_end(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    previous: Speaker | None,
) -> _Attribution | None:
    """Return the speaker of "…, an official who asked not to be named said." (English)."""
    reporting = rules.reporting_verbs | rules.denial_verbs
    # The verb ends the clause, or nearly ("… told reporters on Monday."), or stands between
    # commas in it: "… rose to 2,122 on Sunday, the interior ministry said, with …".
    verbs = [
        i
        for i in range(clause.first, clause.last + 1)
        if _reading_in(wk, i, reporting)
        and _mention_at(matches, i) is None  # "the United States" holds no verb
        and not _reading_in(wk, i, rules.object_verbs)
        and (i >= clause.last - 4 or _between_commas(text, wk, i, clause))
    ]
    if not verbs:
        return None
    last = verbs[-1]
    comma = text.rfind(",", clause.start, wk.words[last].start)
    if comma == -1:
        return None
    if (
        not text[comma + 1 : wk.words[last].start].strip()
        and last < clause.last
        and _reading_in(wk, last, rules.inverting_verbs)
    ):
        # "…, said Portugal defender Pepe.": the verb first, the speaker to the end.
        rest = range(last + 1, clause.last + 1)
        if len(rest) > _MAX_SPEAKER_WORDS or re.search(
            r"[,;:]", text[wk.words[last].end : clause.end].rstrip(".!? ")
        ):
            return None
        start, end = wk.words[last + 1].start, wk.words[clause.last].end
        speaker = _phrase_speaker(text, wk, rules, clause, matches, start, end)
        return _Attribution(speaker, clause.start, _reading_in(wk, last, rules.denial_verbs))
    subject = [i for i in range(clause.first, last) if wk.words[i].start > comma]
    if not subject or len(subject) > _MAX_SUBJECT_WORDS + 4:
        return None
    start, end = wk.words[subject[0]].start, wk.words[subject[-1]].end
    if len(subject) == 1 and wk.readings[subject[0]][0][1] in rules.pronouns:
        carried = _pronoun_speaker(text, wk, rules, subject[0], matches, previous)
        if carried is None:
            return None
        return _Attribution(carried, clause.start, False)
    speaker = _phrase_speaker(text, wk, rules, clause, matches, start, end)
    return _Attribution(speaker, clause.start, False)


def _between_commas(text: str, wk: WordKeys, v: int, clause: _Clause) -> bool:
    """Say whether verb v closes a short aside that a comma opened: ", the ministry said,"."""
    if v >= clause.last or "," not in text[wk.words[v].end : wk.words[v + 1].start]:
        return False
    opened = text.rfind(",", clause.start, wk.words[v].start)
    return opened != -1 and len(text[opened : wk.words[v].start].split()) <= 6


def _relative_speaker(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    sentence_start: int,
) -> _Attribution | None:
    """Return the speaker of "X، الذي وصف الاتفاق بأنه …": the name just before the relative."""
    reporting = rules.reporting_verbs | rules.denial_verbs
    for r in range(clause.first, min(clause.last, clause.first + 2)):
        if wk.readings[r][0][1] not in rules.relative_pronouns:
            continue
        verb = r + 1
        if not _reading_in(wk, verb, reporting):
            # "Joe Biden, who arrived on Friday, said …": the aside ends at a comma and the
            # sentence's own verb follows it.
            verb = next(
                (
                    v
                    for v in range(r + 2, min(clause.last, r + 12) + 1)
                    if "," in text[wk.words[v - 1].end : wk.words[v].start]
                    and _reading_in(wk, v, reporting)
                ),
                -1,
            )
            if verb < 0 or not rules.subject_first:
                continue
        r_verb = verb
        before_text = text[sentence_start : wk.words[r].start].rstrip()
        if not before_text.endswith(("،", ",")):
            continue  # «إعلان جدة» الذي أكد: a restrictive relative, not a speaker
        before = [
            m
            for m in matches
            if sentence_start <= m.start
            and m.end <= wk.words[r].start
            and m.entry.type in ("PERSON", "ORG", "GPE")
        ]
        if not before:
            continue
        m = before[-1]
        content = _content_after(text, wk, rules, r_verb, clause) or wk.words[r_verb].end
        denied = _reading_in(wk, r_verb, rules.denial_verbs)
        return _Attribution(Speaker(text[m.start : m.end], m.entry.key, False), content, denied)
    return None


def _said_after_a_quote(
    text: str, wk: WordKeys, rules: LanguageRules, clause: _Clause, matches: Sequence[Match]
) -> _Attribution | None:
    """Return the speaker of a quote inside the sentence with the verb right after it:
    …struggle "until real democracy comes", said Kilicdaroglu, who …"""
    reporting = rules.reporting_verbs | rules.denial_verbs
    closers = {c for _, c in rules.quote_pairs}
    for v in range(clause.first + 1, clause.last + 1):
        if not _reading_in(wk, v, reporting):
            continue
        gap = text[wk.words[v - 1].end : wk.words[v].start]
        if not any(c in gap for c in closers) or v + 1 > clause.last:
            continue
        mention = _mention_at(matches, v + 1)
        if mention is None or mention.first_word != v + 1:
            continue
        speaker = Speaker(text[mention.start : mention.end], mention.entry.key, False)
        return _Attribution(speaker, clause.start, _reading_in(wk, v, rules.denial_verbs))
    return None


def _speaker_after_quote(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    previous: Speaker | None,
) -> _Attribution | None:
    """Return the speaker of a quote that comes first: «…»، قال عفيف / "…," she said."""
    head = text[clause.start : clause.end].lstrip()
    pair = next(((o, c) for o, c in rules.quote_pairs if head.startswith(o)), None)
    if pair is None:
        return None
    opened = clause.start + text[clause.start : clause.end].index(pair[0])
    closed = text.find(pair[1], opened + 1, clause.end)
    if closed == -1:
        return None
    after = [i for i in range(clause.first, clause.last + 1) if wk.words[i].start > closed]
    reporting = rules.reporting_verbs | rules.denial_verbs
    if rules.subject_first:
        for v in after[1 : 2 * _MAX_SUBJECT_WORDS]:
            if _reading_in(wk, v, reporting):
                subject = text[wk.words[after[0]].start : wk.words[v - 1].end]
                # "…," Alexander Korolev, an expert on …, told the BBC: the name before a comma.
                subject = re.split(r"\s*,\s*", subject)[0]
                if wk.readings[after[0]][0][1] in rules.pronouns:
                    carried = _pronoun_speaker(text, wk, rules, after[0], matches, previous)
                    if carried is not None:
                        return _Attribution(carried, opened, False)
                start = wk.words[after[0]].start
                speaker = _phrase_speaker(
                    text, wk, rules, clause, matches, start, start + len(subject)
                )
                return _Attribution(speaker, opened, False)
    for v in after[:2]:
        if not _reading_in(wk, v, reporting):
            continue
        found = _speaker_after(text, wk, rules, v, clause, matches)
        if found is not None and found[0] is not _IMPLICIT:
            return _Attribution(found[0], opened, False)
        mention = _mention_at(matches, v + 1) if v + 1 <= clause.last else None
        if mention is not None:
            speaker = Speaker(text[mention.start : mention.end], mention.entry.key, False)
            return _Attribution(speaker, opened, False)
        if previous is not None:
            return _Attribution(_carried(previous), opened, False)
    return None


def _trailing_speaker(
    text: str, wk: WordKeys, rules: LanguageRules, clause: _Clause, matches: Sequence[Match]
) -> Speaker | None:
    """Return X of "…, according to X" (وفقا ل, بحسب, نقلا عن, حسبما ذكرت X)."""
    # Longer phrases first: حسبما before حسب, وفقا لما before وفقا ل.
    for phrase in sorted(rules.trailing_attributions, key=len, reverse=True):
        p_words = rules.key(phrase).split()
        n = len(p_words)
        for i in range(clause.first, clause.last - n + 2):
            start = _after_phrase(wk, rules, i, p_words, clause)
            if start is None:
                continue
            tail = re.split(r"\s*[،,.]\s*", text[start : clause.end])[0]
            # بحسب X فإن …: a source that opens the sentence ends where what it says begins.
            for j in wk.within(start, start + len(tail))[1:]:
                if _reading_in(wk, j, rules.complementizers):
                    tail = text[start : wk.words[j].start]
                    break
            words_ = tail.split()
            if words_ and any(k in rules.reporting_verbs for _, k in rules.variants(words_[0])):
                # حسبما ذكرت وكالة X: the verb is no part of the source's name.
                start += tail.index(words_[0]) + len(words_[0])
                tail = text[start : start + len(tail) - (tail.index(words_[0]) + len(words_[0]))]
            if not tail.strip():
                continue
            key = _key_of(matches, start, start + len(tail))
            return Speaker(tail.strip(), key, False)
    return None


def _after_phrase(
    wk: WordKeys, rules: LanguageRules, i: int, p_words: list[str], clause: _Clause
) -> int | None:
    """Return where the source begins when the phrase `p_words` starts at word i, else None.

    Each word of the phrase is one reading of a word of the text (وبحسب reads بحسب); only a
    last one-letter preposition may be glued to the source (وفقا لتصريحات: ل + تصريحات)."""
    last = i + len(p_words) - 1
    for t, pw in enumerate(p_words[:-1]):
        if not any(k == pw for _, k in wk.readings[i + t]):
            return None
    pw = p_words[-1]
    if any(k == pw for _, k in wk.readings[last]):
        return wk.words[last + 1].start if last + 1 <= clause.last else None
    for cut, k in wk.readings[last]:
        if pw in rules.preposition_clitics and k.startswith(pw) and len(k) > len(pw):
            return wk.words[last].start + cut + len(pw)
    return None


def _participle_speaker(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    sentence_start: int,
) -> Speaker | None:
    """Return the subject of "…, saying" (قائلة إن, متهماً): the last fitting name before it."""
    for i in range(clause.first, clause.last + 1):
        if not _reading_in(wk, i, rules.participle_attributions):
            continue
        feminine = rules.feminine(wk.readings[i][0][1])
        before = [m for m in matches if m.end <= wk.words[i].start and m.start >= sentence_start]
        # A feminine participle (قائلة) goes with a ministry or a country, not a man.
        wanted = ("ORG", "GPE") if feminine else ("PERSON", "ORG", "GPE")
        for m in reversed(before):
            if m.entry.type in wanted:
                return Speaker(text[m.start : m.end], m.entry.key, False)
    return None


def _claim(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    attribution: _Attribution,
    matches: Sequence[Match],
    times: Sequence[TimeRef],
    resolved: Sequence[str],
    named: frozenset[int],
) -> Claim:
    inside = [m for m in matches if clause.start <= m.start and m.end <= clause.end]
    clause_times = tuple(t for t in times if clause.start <= t.start and t.end <= clause.end)
    content = text[attribution.content_start : clause.end].lstrip(" :")
    quoted = bool(content) and content[0] in {o for o, _ in rules.quote_pairs}
    if attribution.speaker is None:
        kind = "assertion"
    elif quoted:
        kind = "quote"
    else:
        kind = "reported"
    numbers = _numbers(text, wk, rules, clause, clause_times)
    # Names anywhere count; times only the clause's own.
    places = _event_places(wk, rules, inside, named | _named_words(wk, (), clause_times))
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
        numbers=numbers,
        check_worthiness=_check_worthiness(wk, rules, clause, inside, clause_times, numbers, kind),
        denied=attribution.denied or _has(wk, rules.denial_verbs, clause),
        mention_spans=tuple((m.start, m.end, m.entry.key) for m in inside),
    )


def _named_words(
    wk: WordKeys, matches: Sequence[Match], times: Sequence[TimeRef]
) -> frozenset[int]:
    """Return the words that a name or a time covers: what may stand before a place tied to an
    event (a time just before it belongs to the same event: أقيمت مساء أمس على استاد X)."""
    named = {i for m in matches for i in range(m.first_word, m.last_word + 1)}
    for t in times:
        named.update(i for i in wk.touching(t.start, t.end) if wk.words[i].start >= t.start)
    return frozenset(named)


def _names_only(wk: WordKeys, matches: Sequence[Match]) -> frozenset[int]:
    return frozenset(i for m in matches for i in range(m.first_word, m.last_word + 1))


def _event_places(
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
            and _is_and(wk, rules, m.first_word)
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
        _reading_in(wk, i, rules.visit_verbs)
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
        if _reading_in(wk, m.first_word - 1, rules.visit_verbs):
            return True  # زار غازي عنتاب, "visited Adana": the place is the visit's object
        if wk.readings[m.first_word - 1][0][1] not in rules.place_prepositions:
            return False
        head = m.first_word - 2
    if head < 0:
        return False
    events = rules.factual_verbs | rules.reporting_verbs | frozenset(rules.event_triggers)
    return head in named or _reading_in(wk, head, events)


def _has(wk: WordKeys, words: frozenset[str], clause: _Clause) -> bool:
    return any(_reading_in(wk, i, words) for i in range(clause.first, clause.last + 1))


def _numbers(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    times: Sequence[TimeRef],
) -> tuple[float, ...]:
    """Return the quantities the clause states: numbers (7.17, ٨٩٫٦, 1,200) and number words,
    durations' counts, but not the digits of dates."""
    out: list[float] = []
    for t in times:
        if t.kind == "duration" and t.quantity is not None:
            out.append(t.quantity)
    date_spans = [(t.start, t.end) for t in times]
    for m in _NUMBER.finditer(text, clause.start, clause.end):
        if any(a <= m.start() < b for a, b in date_spans):
            continue
        value = _number_value(m.group())
        if value is not None:
            out.append(value)
    for i in range(clause.first, clause.last + 1):
        w = wk.words[i]
        if any(a <= w.start < b for a, b in date_spans):
            continue
        for _, k in wk.readings[i]:
            if k in rules.number_words:
                out.append(rules.number_words[k])
                break
    return tuple(dict.fromkeys(out))


def _number_value(written: str) -> float | None:
    """Return the value of a written number: Arabic decimal and thousands marks, or a comma
    before three digits as thousands (1,200) and before others as a decimal mark (2,5)."""
    digits = written.replace("٫", ".").replace("٬", "")
    digits = re.sub(r",(?=\d{3}(?!\d))", "", digits).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def _check_worthiness(
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    inside: Sequence[Match],
    times: Sequence[TimeRef],
    numbers: Sequence[float],
    kind: str,
) -> float:
    """Return a score in [0, 1]: checkable facts (numbers, dates, names, deeds) raise it,
    opinion, prediction and questions lower it."""
    score = 0.3
    if numbers:
        score += 0.15
    if any(t.value for t in times):
        score += 0.15
    names = {m.entry.key for m in inside}
    score += 0.15 if len(names) >= 2 else 0.08 if names else 0.0
    if _has(wk, rules.factual_verbs, clause) or _has(wk, frozenset(rules.event_triggers), clause):
        score += 0.15
    if _has(wk, rules.opinion_words, clause) or _has(wk, rules.belief_verbs, clause):
        score -= 0.2
    if _has(wk, rules.prediction_words, clause):
        score -= 0.1
    if kind in ("reported", "quote"):
        score += 0.05
    if clause.last - clause.first < 5:
        score -= 0.15
    return round(min(1.0, max(0.0, score)), 2)


def _event(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: _Clause,
    matches: Sequence[Match],
    claim: Claim,
    sentence: tuple[int, int],
) -> Event | None:
    """Return the first event the clause tells (a visit, a meeting, a warrant…), if any."""
    for i in range(clause.first, clause.last + 1):
        etype = next(
            (rules.event_triggers[k] for _, k in wk.readings[i] if k in rules.event_triggers), None
        )
        if etype is None or _mention_at(matches, i) is not None:
            continue
        participants = tuple(
            dict.fromkeys(
                m.entry.key
                for m in matches
                if clause.start <= m.start < clause.end and m.entry.type in ("PERSON", "ORG", "GPE")
            )
        )
        date = next((t.value for t in claim.times if t.kind == "date" and t.value), None)
        return Event(
            type=etype,
            trigger=wk.words[i].text,
            start=wk.words[i].start,
            end=wk.words[i].end,
            participants=participants,
            place=claim.places[0] if claim.places else None,
            date=date,
            sentence_start=sentence[0],
            sentence_end=sentence[1],
        )
    return None
