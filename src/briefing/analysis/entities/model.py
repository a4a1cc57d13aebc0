"""The NER model's spans, trimmed to names: clitics, common words and titles taken off."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from briefing.analysis.entities.records import ModelSpan
from briefing.analysis.entities.shapes import (
    common_after_clitic,
    definite,
    never_in_name,
    office_after_of,
)
from briefing.analysis.lexicon import Lexicon
from briefing.analysis.words import WordKeys

if TYPE_CHECKING:
    pass


_MODEL_TYPES = {"PERSON": "PERSON", "PER": "PERSON", "PERS": "PERSON", "ORG": "ORG"}


_PLACE_LABELS = {"LOC", "GPE", "FAC"}


def model_name(
    text: str,
    wk: WordKeys,
    lex: Lexicon,
    span: ModelSpan,
    covered: set[int],
    counts: Counter[str],
) -> tuple[str, str] | None:
    """Return (name, type) of a model span with its clitics off, or None to drop it."""
    rules = lex.rules
    idx = list(wk.touching(span.start, span.end))
    if not idx or any(i in covered for i in idx):
        return None
    if _MODEL_TYPES.get(span.label) == "PERSON":
        # A person's name has no common words at its ends (علاقات حسن الجوار is no one) and
        # no preposition inside (الفخري لنادي الفروسية بمبلغ is a phrase, not a name).
        for n, i in enumerate(idx[1:], 1):
            if common_after_clitic(wk, i, lex):
                idx = idx[:n]
                break
        while idx and (
            not rules.is_name_like(wk.words[idx[0]].text)
            or never_in_name(wk, wk.words[idx[0]].text)
            or wk.readings[idx[0]][0][1] in rules.stop_words  # "Mr Kennedy"
            or (len(idx) > 1 and wk.readings[idx[0]][0][1] in rules.title_heads)  # "Prince X"
        ):
            idx = idx[1:]
        while idx and not rules.is_name_like(wk.words[idx[-1]].text):
            idx = idx[:-1]
        if not idx or (len(idx) > 1 and definite(wk, idx[0])):
            return None

    while idx and never_in_name(wk, wk.words[idx[-1]].text):
        idx = idx[:-1]  # ريال سنوياً: an adverb is no part of a name
    while len(idx) > 1 and not rules.heads_a_name(wk.words[idx[0]].text):
        idx = idx[1:]  # "bank Goldman Sachs": the common noun is no part of the name
    if len(idx) > 2 and rules.has_case and office_after_of(wk, idx[0], rules):
        idx = idx[1:]  # "(Secretary of) State Antony Blinken": the office is no name
    if not idx:
        return None
    keys = [wk.readings[i][0][1] for i in idx]
    if all(k in rules.stop_words or k in rules.time_words for k in keys):
        return None
    if not any(c.isalpha() for k in keys for c in k):
        return None  # "6.8": a number is no name
    if len(idx) == 1 and not _model_word_ok(wk, idx[0], lex, counts):
        return None
    cut = _clitic_cut(wk, idx[0], lex, counts)
    start = wk.words[idx[0]].start + cut
    name = text[start : wk.words[idx[-1]].end]
    if len(keys) > 1 and keys[-1] in rules.org_heads and rules.heads_a_name(name.split()[-1]):
        return name, "ORG"  # "Simon Wiesenthal Center", "Deutsche Bank Securities"
    if span.label in _MODEL_TYPES:
        return name, _MODEL_TYPES[span.label]
    if span.label in _PLACE_LABELS:
        if rules.key(name) in lex.adjectives or all(rules.adjective_shape(k) for k in keys):
            return None  # "North Korean", "Scottish": an adjective, not a place
        return name, "GPE" if span.label != "LOC" else "LOC"
    return None


def _model_word_ok(wk: WordKeys, i: int, lex: Lexicon, counts: Counter[str]) -> bool:
    """Say whether a one-word span of the model may stand: the model trips on verbs and
    adjectives written once (سيعزز, وحضر, تحضيري), so the word must look like a name and stand
    in the article more than once."""
    rules = lex.rules
    key = wk.readings[i][0][1]
    if key in rules.title_heads or key in rules.org_heads or len(key) < 3:
        return False
    if not rules.is_name_like(wk.words[i].text) or key in rules.event_triggers:
        return False
    if any(k in lex.adjectives for _, k in wk.readings[i]):
        return False
    if sum(counts[k] for _, k in wk.readings[i]) > 1:
        return True
    # Written once: only a word with no clitic reading and no verb prefix of the future (س).
    return len(wk.readings[i]) == 1 and not key.startswith(("سي", "ست", "سن"))


def _clitic_cut(wk: WordKeys, i: int, lex: Lexicon, counts: Counter[str]) -> int:
    """Return how many letters of word i are clitics, judged by the lexicon and the article.

    A reading that the lexicon knows wins; then one that the article writes alone more often
    than the whole word; otherwise و and ف come off a long word, and ب ل ك only before ال.
    """
    readings = wk.readings[i]
    whole = readings[0][1]
    for cut, key in readings:
        if key in lex.phrases:
            return cut
    best_cut, best = 0, counts[whole]
    for cut, key in readings[1:]:
        if counts[key] > best:
            best_cut, best = cut, counts[key]
    if best_cut or best > 1:
        return best_cut
    for cut, key in readings[1:]:
        clitic = wk.words[i].text[:cut]
        if clitic in lex.rules.conjunction_clitics and len(key) >= 4:
            return cut
        if lex.rules.definite(key):
            return cut
    return 0
