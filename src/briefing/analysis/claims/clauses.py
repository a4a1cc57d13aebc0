"""Sentences cut into clauses: where a comma opens a new one, and what a clause is made of."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis.claims.context import MIN_CLAUSE_WORDS, Clause

if TYPE_CHECKING:
    from briefing.analysis.words import WordKeys
    from briefing.languages.base import LanguageRules

_CLAUSE_BREAK = re.compile(r"[،,;؛]\s+")
SENTENCE_WORDS = 6  # words on each side of a sentence that "and" opens without a comma


def split_clauses(
    text: str, wk: WordKeys, rules: LanguageRules, start: int, end: int
) -> list[Clause]:
    """Split a sentence where a comma opens a new clause (، وهو / ، والذي / ", which")."""
    cuts = [start]
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        after = m.end()
        if _inside_quotes(text, start, m.start(), rules):
            continue
        nxt = re.match(r"\S+", text[after:end])
        if nxt is None:
            continue
        quoted_first = text[start:end].lstrip()[:1] in {o for o, _ in rules.quote_pairs}
        if (
            not _opens_clause(text, after, end, rules)
            or quoted_first
            or starts_attribution(text[after:end], rules)
            or _relative_aside(text, after, end, rules)
        ):
            continue
        before_words = len(wk.within(cuts[-1], m.start()))
        after_words = len(wk.within(after, end))
        if before_words >= MIN_CLAUSE_WORDS and after_words >= MIN_CLAUSE_WORDS:
            cuts.append(after)
    cuts = sorted({*cuts, *_unmarked_sentences(text, wk, rules, start, end)})
    spans = [(a, b) for a, b in zip(cuts, [*cuts[1:], end], strict=True)]
    out = []
    for a, b in spans:
        b = len(text[:b].rstrip(" ،,;؛"))
        first, last = _word_range(wk, a, b)
        if last >= first:
            out.append(Clause(a, b, first, last, start))
    return out


def _unmarked_sentences(
    text: str, wk: WordKeys, rules: LanguageRules, start: int, end: int
) -> list[int]:
    """Return where a new sentence starts with no comma or full stop before it, as Arabic
    chains a story's sentences with "and" (… الدرجة الثانية وانتهت المباراة بالتعادل …): at a
    verb of the story joined by "and" whose subject follows. Each piece keeps at least
    `SENTENCE_WORDS` words, and a quote is never cut."""
    idx = wk.within(start, end)
    cuts: list[int] = []
    last = start
    for n in range(SENTENCE_WORDS, len(idx) - SENTENCE_WORDS):
        word, following = wk.words[idx[n]], wk.words[idx[n + 1]]
        if not rules.opens_a_sentence(word.text, following.text):
            continue
        if (
            re.search(r"[،,;؛:]\s*$", text[last : word.start])
            or len(wk.within(last, word.start)) < SENTENCE_WORDS
        ):
            continue
        if _inside_quotes(text, start, word.start, rules):
            continue
        cuts.append(word.start)
        last = word.start
    return cuts


def _opens_clause(text: str, at: int, end: int, rules: LanguageRules) -> bool:
    """Say whether the words at `at`, after a comma, open a clause of their own: a clause
    opener, a relative, a participle, a word joined by "and" (وكان), or "and that" (وأن): a
    second thing said after one reporting verb."""
    words = text[at:end].split(maxsplit=2)
    if not words:
        return False
    word = words[0]
    keys = {k for _, k in rules.variants(re.sub(r"\W+$", "", word))}
    if keys & (rules.clause_openers | rules.relative_pronouns | rules.participle_attributions):
        return True
    if word[:1] in rules.conjunction_clitics and len(word) > 3:
        return True
    if not rules.joined_by_and(word):
        return False
    joined = keys if word[:1] in rules.conjunction_clitics else {rules.key(w) for w in words[1:2]}
    return bool(joined & rules.complementizers)


def _relative_aside(text: str, at: int, end: int, rules: LanguageRules) -> bool:
    """Say whether a relative clause at `at` is an aside that a comma closes before the
    sentence goes on ("British actor X, who has won…, said"): its subject stays with it."""
    word = text[at:end].split(maxsplit=1)[0]
    if not {k for _, k in rules.variants(re.sub(r"\W+$", "", word))} & rules.relative_pronouns:
        return False
    for m in _CLAUSE_BREAK.finditer(text, at, end):
        if not _inside_quotes(text, at, m.start(), rules):
            return not _opens_clause(text, m.end(), end, rules)
    return False


def only_a_quote(text: str, rules: LanguageRules, clause: Clause) -> bool:
    """Say whether a clause is a quote and nothing else ("We will of course disagree.")."""
    body = text[clause.start : clause.end].strip().rstrip(".!?؟…")
    for opener, closer in rules.quote_pairs:
        inner = body[len(opener) : -len(closer)] if body.endswith(closer) else ""
        if body.startswith(opener) and inner and opener not in inner and closer not in inner:
            return True
    return False


def starts_attribution(fragment: str, rules: LanguageRules) -> bool:
    head = rules.key(" ".join(fragment.split()[:3]))
    return any(head.startswith(rules.key(a)) for a in rules.trailing_attributions) or any(
        head.startswith(c + rules.key(a))
        for a in rules.trailing_attributions
        for c in rules.conjunction_clitics
    )


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
