"""What makes a clause worth checking: the quantities it states, and a score of its checkable
facts against its opinion and prediction."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.analysis.claims.context import Clause, has
from briefing.vocab import ClaimKind

if TYPE_CHECKING:
    from briefing.analysis.lexicon import Match
    from briefing.analysis.words import WordKeys
    from briefing.languages.base import LanguageRules
    from briefing.models import TimeRef

_NUMBER = re.compile(r"(?<![\d.,٫])\d+(?:[.,٫٬]\d+)*")


def numbers(
    text: str,
    wk: WordKeys,
    rules: LanguageRules,
    clause: Clause,
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


def check_worthiness(
    wk: WordKeys,
    rules: LanguageRules,
    clause: Clause,
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
    if has(wk, rules.factual_verbs, clause) or has(wk, frozenset(rules.event_triggers), clause):
        score += 0.15
    if has(wk, rules.opinion_words, clause) or has(wk, rules.belief_verbs, clause):
        score -= 0.2
    if has(wk, rules.prediction_words, clause):
        score -= 0.1
    if kind in (ClaimKind.REPORTED, ClaimKind.QUOTE):
        score += 0.05
    if clause.last - clause.first < 5:
        score -= 0.15
    return round(min(1.0, max(0.0, score)), 2)
