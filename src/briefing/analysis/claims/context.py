"""What every step of the claim finder shares: the document, a clause, an attribution, and the
small readings of words and names they all make."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from briefing.models import Speaker

if TYPE_CHECKING:
    from briefing.analysis.lexicon import Match
    from briefing.analysis.words import WordKeys
    from briefing.languages.base import LanguageRules

MAX_VERB_POSITION = 7  # a reporting verb this far into a clause still introduces it
MAX_SPEAKER_WORDS = 9
MAX_SUBJECT_WORDS = 10
MIN_CLAUSE_WORDS = 4


@dataclass(frozen=True)
class ClaimContext:
    """The document as the claim finder reads it: the body, its words, the language's rules,
    and the names found in it."""

    text: str
    wk: WordKeys
    rules: LanguageRules
    matches: Sequence[Match]

    @property
    def reporting(self) -> frozenset[str]:
        """Return the verbs that report speech, denials included."""
        return self.rules.reporting_verbs | self.rules.denial_verbs

    @property
    def quote_openers(self) -> set[str]:
        return {o for o, _ in self.rules.quote_pairs}

    @cached_property
    def quotes(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Return the starts and the ends of the text's quotes (see `quote_spans`)."""
        spans = quote_spans(self.text, self.rules.quote_pairs)
        return tuple(a for a, _ in spans), tuple(b for _, b in spans)

    def quoted(self, pos: int) -> bool:
        """Say whether the character at pos lies inside a quote (its marks excluded)."""
        starts, ends = self.quotes
        k = bisect_right(starts, pos) - 1
        return k >= 0 and starts[k] < pos < ends[k]

    def quoted_share(self, start: int, end: int) -> float:
        """Return how much of text[start:end] lies inside quotes, from 0 to 1."""
        starts, ends = self.quotes
        inside = 0
        for k in range(max(0, bisect_right(starts, start) - 1), bisect_right(starts, end)):
            inside += max(0, min(end, ends[k]) - max(start, starts[k]))
        return inside / max(1, end - start)

    def reports(self, i: int) -> bool:
        """Say whether word i is a reporting verb of the text, not of a quote in it: what a
        quote says never names who said the quote. A verb that is also another word (بين,
        "explained" and "between") reports only when what is said follows it in its sentence."""
        if self.quoted(self.wk.words[i].start):
            return False
        if reading_in(self.wk, i, self.reporting):
            return True
        if self._expresses(i):
            return True
        return reading_in(self.wk, i, self.rules.content_verbs) and self._content_follows(i)

    def _expresses(self, i: int) -> bool:
        """Say whether word i is a verb of expression with its particle a few words on (وعبر
        سموه عن استنكاره), not the same word as a preposition (عبر الإنترنت)."""
        wk, rules = self.wk, self.rules
        particle = next(
            (rules.expression_verbs[k] for _, k in wk.readings[i] if k in rules.expression_verbs),
            None,
        )
        if particle is None:
            return False
        wanted = rules.key(particle)
        return any(
            wk.readings[j][0][1] == wanted and wk.joined[j - 1]
            for j in range(i + 2, min(len(wk.words), i + 4))
        )

    def _content_follows(self, i: int) -> bool:
        """Say whether word i opens its sentence and a speaker, then إن/أن or a colon, follow it
        there (وبين الوزير أن), not a conjunction (بعد أن, إلا أن) as after "between"."""
        wk, text, rules = self.wk, self.text, self.rules
        before = text[: wk.words[i].start].rstrip()
        if before and before[-1] not in ".!?؟:\n":
            return False
        for j in range(i + 1, min(len(wk.words), i + MAX_SPEAKER_WORDS + 2)):
            gap = text[wk.words[j - 1].end : wk.words[j].start]
            if ":" in gap:
                return j > i + 1
            if any(mark in gap for mark in ".!?؟\n"):
                return False
            if reading_in(wk, j, rules.complementizers):
                return j > i + 1 and not reading_in(wk, j - 1, rules.stop_words)
            if "،" in gap or "," in gap:
                return False
        return False


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    first: int  # first word index
    last: int  # last word index (inclusive)
    sentence_start: int  # where the clause's sentence starts


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None
    content_start: int  # where what is said begins
    denied: bool


# One way a language writes who said a clause: the attribution, or None to let the next way try.
# A Language lists its ways in the order the claim finder tries them; `previous` is the speaker
# of the claim before, for a pronoun or a reporting verb without a written subject.
Strategy = Callable[[ClaimContext, Clause, "Speaker | None"], "Attribution | None"]

IMPLICIT = Speaker("", None)


def quote_spans(text: str, pairs: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """Return (opening mark, closing mark) of each quote in the text, in order.

    A mark that is both opener and closer (") opens after a space and closes before one. A quote
    that a new one opens before it closes ends there, and none runs past its paragraph: a
    speaker quoted over two paragraphs opens each without closing the first."""
    openers = {o: c for o, c in pairs}
    closers = {c for _, c in pairs}
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARKS.finditer(text):
        mark, pos = m.group(), m.start()
        if mark == "\n":
            if opened is not None:
                spans.append((opened, pos))
            opened = None
            continue
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        opens = mark in openers and (
            mark not in closers or ((before.isspace() or before in "([") and not after.isspace())
        )
        if opens:
            if opened is not None:
                spans.append((opened, pos))
            opened = pos
        elif mark in closers and opened is not None:
            spans.append((opened, pos))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


_MARKS = re.compile('["“”«»„\n]')  # not ‘’: ’ is also the apostrophe


def reading_in(wk: WordKeys, i: int, words: frozenset[str]) -> bool:
    return any(k in words for _, k in wk.readings[i])


def has(wk: WordKeys, words: frozenset[str], clause: Clause) -> bool:
    return any(reading_in(wk, i, words) for i in range(clause.first, clause.last + 1))


def mention_at(matches: Sequence[Match], i: int) -> Match | None:
    for m in matches:
        if m.first_word <= i <= m.last_word:
            return m
    return None


def addressed_person(ctx: ClaimContext, i: int) -> Match | None:
    """Return whom an honorific pronoun at word i stands for (سموه "His Highness"): the last
    person addressed so before it (صاحب السمو الملكي الأمير X), else the last person named."""
    wk = ctx.wk
    key = wk.readings[i][0][1]
    stem = key.removesuffix("ها") if key.endswith("ها") else key.removesuffix("ه")
    stem = stem[:-1] + "ه" if stem.endswith("ت") else stem  # فخامته: فخامة
    before = [m for m in ctx.matches if m.entry.type == "PERSON" and m.end <= wk.words[i].start]
    for m in reversed(before):
        address = {
            wk.readings[j][0][1].removeprefix("ال")
            for j in range(max(0, m.first_word - 4), m.first_word)
        }
        if stem in address:
            return m
    return before[-1] if before else None


def key_of(matches: Sequence[Match], start: int, end: int) -> str | None:
    """Return the one entity named in text[start:end], or the one person among several: the
    organisation in a speaker's title is not the speaker (مدير عام الشركة … المهندس X)."""
    inside = {m.entry.key: m.entry.type for m in matches if start <= m.start and m.end <= end}
    people = [k for k, t in inside.items() if t == "PERSON"]
    if len(inside) == 1 or len(people) == 1:
        return next(iter(inside)) if len(inside) == 1 else people[0]
    return None


def anonymous(text: str, rules: LanguageRules, clause: Clause) -> bool:
    body = rules.key(text[clause.start : clause.end])
    return any(rules.key(p) in body for p in rules.anonymous_phrases)


def carried(previous: Speaker) -> Speaker:
    """Return the previous speaker, marked as carried over to this claim."""
    return Speaker(
        previous.text, previous.entity_key, previous.anonymous, True
    )  # a reporting verb whose subject is not written


def names_someone(attribution: Attribution) -> bool:
    speaker = attribution.speaker
    return speaker is not None and (speaker.entity_key is not None or speaker.carried)


def phrase_speaker(ctx: ClaimContext, clause: Clause, start: int, end: int) -> Speaker:
    """Return the speaker written as text[start:end]: linked to the one name it holds, and
    anonymous when it names no one and is a source's head word (مصدر, "an official") or the
    clause says the name was withheld."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    for opener, closer in rules.quote_pairs:  # مدير «بنتلي»: the quote closes with the name
        opened = text.count(opener, start, end)
        shut = text.count(closer, start, end) if opener != closer else opened // 2
        if end < len(text) and text[end] == closer and opened - (opener == closer) * shut > shut:
            end += 1
            break
    key = key_of(ctx.matches, start, end)
    heads = [i for i in wk.touching(start, end) if wk.words[i].start >= start]
    anonymous_ = key is None and (
        any(reading_in(wk, i, rules.anonymous_heads) for i in heads)
        or anonymous(text, rules, clause)
    )
    return Speaker(text[start:end], key, anonymous_)


def is_and(wk: WordKeys, rules: LanguageRules, i: int) -> bool:
    """Say whether word i is joined to the one before by "and" (وكوريا, "and Korea")."""
    return rules.joined_by_and(wk.words[i].text) or (
        i > 0 and rules.joined_by_and(wk.words[i - 1].text) and len(wk.words[i - 1].text) <= 3
    )


def content_after(ctx: ClaimContext, i: int, clause: Clause) -> int | None:
    """Return where what is said begins after word i (إن/أن, ':' or a quote), or None."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    for j in range(i, min(clause.last, i + 3 * MAX_SPEAKER_WORDS) + 1):
        if j > i and reading_in(wk, j, rules.complementizers):
            return wk.words[j].start
        gap = text[wk.words[j].end : wk.words[j + 1].start] if j < clause.last else ""
        if ":" in gap:
            return wk.words[j].end + gap.index(":") + 1
    return None


def introduces_content(ctx: ClaimContext, v: int, clause: Clause) -> bool:
    """Say whether what follows verb v is what was said (إن, أن, ':', a quote)."""
    text, wk, rules = ctx.text, ctx.wk, ctx.rules
    gap = text[wk.words[v].end : wk.words[v + 1].start if v + 1 <= clause.last else clause.end]
    if ":" in gap or any(o in gap for o, _ in rules.quote_pairs):
        return True
    return v + 1 <= clause.last and reading_in(wk, v + 1, rules.complementizers)


def quote_first(ctx: ClaimContext, clause: Clause) -> tuple[int, list[int]] | None:
    """Return where a quote that opens the clause starts and the words after it closes, when
    the clause opens with one: «…»، قال عفيف / "…," she said."""
    text, wk = ctx.text, ctx.wk
    head = text[clause.start : clause.end].lstrip()
    pair = next(((o, c) for o, c in ctx.rules.quote_pairs if head.startswith(o)), None)
    if pair is None:
        return None
    opened = clause.start + text[clause.start : clause.end].index(pair[0])
    closed = text.find(pair[1], opened + 1, clause.end)
    if closed == -1:
        return None
    after = [i for i in range(clause.first, clause.last + 1) if wk.words[i].start > closed]
    return opened, after
