"""The NER model's spans, trimmed to names: clitics, common words and titles taken off."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from briefing.analysis.entities.records import ModelSpan
from briefing.analysis.entities.shapes import (
    common_after_clitic,
    definite,
    gap,
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
            word = wk.words[i].text
            lower = rules.has_case and word[:1].islower()
            if common_after_clitic(wk, i, lex) or (
                lower and wk.readings[i][0][1] not in rules.name_particles
            ):
                idx = idx[:n]  # "Peter Lang of Barclays Capital": the name ends before "of"
                break
        while idx and (
            not rules.is_name_like(wk.words[idx[0]].text)
            or never_in_name(wk, wk.words[idx[0]].text)
            or wk.readings[idx[0]][0][1] in rules.stop_words | rules.honorifics  # "Mr Kennedy"
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
    if _ampersand(text, wk, idx):
        return _ampersand_name(text, wk, idx), "ORG"  # "Johnson & Johnson", a firm
    cut = _clitic_cut(wk, idx[0], lex, counts)
    start = wk.words[idx[0]].start + cut
    name = text[start : wk.words[idx[-1]].end]
    return _typed(name, keys, span.label, lex)


def affiliation(text: str, wk: WordKeys, lex: Lexicon, span: ModelSpan) -> str | None:
    """Return the body a person's span runs on into after "of" ("Peter Lang of Barclays
    Capital"): capitalised words to the span's end that the lexicon does not know, else None."""
    rules = lex.rules
    idx = list(wk.touching(span.start, span.end))
    if _MODEL_TYPES.get(span.label) != "PERSON" or not rules.has_case:
        return None
    links = [n for n, i in enumerate(idx[1:-1], 1) if wk.readings[i][0][1] in rules.place_links]
    if not links:
        return None
    tail = idx[links[0] + 1 :]
    if not all(wk.words[i].text[:1].isupper() for i in tail):
        return None
    name = text[wk.words[tail[0]].start : wk.words[tail[-1]].end]
    return None if lex.entry_for(name) is not None else name


def person_after_body(text: str, wk: WordKeys, lex: Lexicon, span: ModelSpan) -> str | None:
    """Return the person's name that ends an organisation of the model where bodies are
    definite and names are not (الاتحاد الدولي توماس كيلر: the federation, then its head), else
    None. The organisation itself is then only its definite words."""
    rules = lex.rules
    if _MODEL_TYPES.get(span.label) != "ORG" or not rules.article:
        return None
    idx = list(wk.touching(span.start, span.end))
    tail = len(idx)
    while (
        tail > 0
        and not definite(wk, idx[tail - 1])
        and rules.is_name_like(wk.words[idx[tail - 1]].text)
    ):
        tail -= 1
    if tail == 0 or len(idx) - tail < 2 or not definite(wk, idx[tail - 1]):
        return None
    return text[wk.words[idx[tail]].start : wk.words[idx[-1]].end]


def _typed(name: str, keys: list[str], label: str, lex: Lexicon) -> tuple[str, str] | None:
    """Return the name with the type its words and the model's label give it, or None."""
    rules = lex.rules
    if len(keys) > 1 and keys[-1] in rules.org_heads and rules.heads_a_name(name.split()[-1]):
        return name, "ORG"  # "Simon Wiesenthal Center", "Deutsche Bank Securities"
    if label in _MODEL_TYPES:
        if _adjective_and_noun(label, keys, lex):
            return None
        return name, _MODEL_TYPES[label]
    if label in _PLACE_LABELS:
        if rules.key(name) in lex.adjectives or all(rules.adjective_shape(k) for k in keys):
            return None  # "North Korean", "Scottish": an adjective, not a place
        return name, "GPE" if label != "LOC" else "LOC"
    return None


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _model_word_ok(wk: WordKeys, i: int, lex: Lexicon, counts: Counter[str]) -> bool:
    """Say whether a one-word span of the model may stand: the model trips on verbs and
    adjectives written once (سيعزز, وحضر, تحضيري), so the word must look like a name and stand
    in the article more than once."""
    rules = lex.rules
    key = wk.readings[i][0][1]
    if key in rules.title_heads or key in rules.org_heads or len(key) < 3:
        return False
    if rules.has_case and _ACRONYM_PLURAL.fullmatch(wk.words[i].text):
        return False  # DVDs, LCDs: the plural of a thing's acronym, not a name
    if not rules.is_name_like(wk.words[i].text) or key in rules.event_triggers:
        return False
    if any(k in rules.reporting_verbs or k in rules.carry_verbs for _, k in wk.readings[i]):
        return False  # اضافت: a verb of saying, however it is spelt, names no one
    if rules.inflected_common(key) or _after_number(wk, i):
        return False  # a verb or a noun in its case (تستضيف, أسبوعا); a unit (9 ريال)
    if any(k in lex.adjectives for _, k in wk.readings[i]):
        return False
    if sum(counts[k] for _, k in wk.readings[i]) > 1:
        return True
    # Written once: only a word with no clitic reading and no verb prefix of the future (س).
    return len(wk.readings[i]) == 1 and not key.startswith(("سي", "ست", "سن"))


def _ampersand(text: str, wk: WordKeys, idx: list[int]) -> bool:
    """Say whether the span stands on either side of "&" between capitalised words."""
    first, last = idx[0], idx[-1]
    after = last + 1 < len(wk.words) and gap(text, wk, last).strip() == "&"
    before = first > 0 and gap(text, wk, first - 1).strip() == "&"
    return (after and wk.words[last + 1].text[:1].isupper()) or (
        before and wk.words[first - 1].text[:1].isupper()
    )


def _ampersand_name(text: str, wk: WordKeys, idx: list[int]) -> str:
    """Return the firm's name that runs through "&" (Marks & Spencer), one word each side."""
    first, last = idx[0], idx[-1]
    if last + 1 < len(wk.words) and gap(text, wk, last).strip() == "&":
        last += 1
    if first > 0 and gap(text, wk, first - 1).strip() == "&":
        first -= 1
    return text[wk.words[first].start : wk.words[last].end]


def _adjective_and_noun(label: str, keys: list[str], lex: Lexicon) -> bool:
    """Say whether an organisation of the model is a demonym and a plain noun ("Chilean
    Olympic" gold medallist), not a body ("Scottish Parliament")."""
    return (
        label == "ORG"
        and len(keys) == 2
        and (keys[0] in lex.adjectives or lex.rules.adjective_shape(keys[0]))
        and keys[1] not in lex.rules.org_heads
    )


def _after_number(wk: WordKeys, i: int) -> bool:
    """Say whether word i follows a number, or a number and its scale (2 مليار): a unit or a
    currency (109 ريال), not a name."""
    for back in (1, 2):
        j = i - back
        if j < 0 or not wk.joined[j]:
            return False
        before = wk.readings[j][0][1]
        if (
            before.replace(".", "").isdigit()
            or before in wk.rules.number_words
            or before in wk.rules.scale_words
        ):
            return True
    return False


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
