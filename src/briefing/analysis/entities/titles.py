"""Titles written next to a person's name: before it (وزير الخارجية الصيني وانغ يي, "French
Foreign Minister X"), or after it between commas ("X, head of the council, told")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from briefing.analysis.entities.records import TitleCue
from briefing.analysis.entities.shapes import (
    MAX_TITLE_WORDS,
    is_word,
    office_after_of,
    possessive,
    title_continues,
)
from briefing.analysis.lexicon import Lexicon, Match
from briefing.analysis.words import WordKeys

if TYPE_CHECKING:
    pass


_MAX_APPOSITION_WORDS = 8


# A way a language writes a title next to a person's name: the title cues it finds among the
# body's names. A Language lists its ways in `titles`.
TitleFinder = Callable[[str, WordKeys, Lexicon, Sequence[Match]], "tuple[TitleCue, ...]"]


def titles_before_names(
    text: str, wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> tuple[TitleCue, ...]:
    """Return the titles written right before a person's name (وزير الخارجية الصيني وانغ يي)."""
    rules = lex.rules
    placed = {i: m.entry for m in matches for i in range(m.first_word, m.last_word + 1)}
    out = []
    for m in matches:
        if m.entry.type != "PERSON" or m.first_word == 0:
            continue
        head: tuple[int, int] | None = None
        leftmost: tuple[int, int] | None = None
        j = m.first_word - 1
        while j >= 0 and wk.joined[j] and m.first_word - j <= MAX_TITLE_WORDS:
            if placed.get(j) is not None and placed[j].type == "PERSON":
                break
            cut = is_word(wk, j, rules.title_heads)
            if cut is not None:
                head = (j, cut)
            elif not (
                title_continues(wk, j, lex, placed)
                # "US National Security Advisor": capitalised words before the head word, and
                # the lower-case ones of "national security spokesman".
                or (
                    head is not None
                    and rules.modifiers_first
                    and (
                        wk.words[j].text[:1].isupper()
                        or wk.readings[j][0][1] in rules.title_words
                        or possessive(text, wk, j)
                    )
                )
                # "Secretary of State": a capitalised office after the head word's "of".
                or (head is None and rules.has_case and j > 0 and office_after_of(wk, j, rules))
            ):
                break
            leftmost = (j, cut or 0)
            j -= 1
        if head is None or leftmost is None:
            continue
        # Where adjectives come first ("French Foreign Minister"), the title starts before its
        # head word; in Arabic the head leads (وزير الخارجية الفرنسي).
        first = leftmost if rules.modifiers_first else head
        start = wk.words[first[0]].start + first[1]
        end = wk.words[m.first_word - 1].end
        out.append(TitleCue(start, end, text[start:end], m.entry.key, m.end))
    return tuple(out)


def appositions(
    text: str, wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> tuple[TitleCue, ...]:
    """Return titles written after a name, between commas, where a language does so: "Ahmet
    Yener, head of the Supreme Election Council, told reporters"."""
    rules = lex.rules
    out = []
    for m in matches:
        if m.entry.type != "PERSON" or m.last_word + 2 >= len(wk.words):
            continue
        if text[m.end : wk.words[m.last_word + 1].start].strip() != ",":
            continue
        first = m.last_word + 1
        if wk.readings[first][0][1] == "the":
            first += 1
        # "the Saudi foreign minister": a demonym and lower-case title words before the head.
        head = first
        while (
            head < len(wk.words)
            and head - first < 3
            and is_word(wk, head, rules.title_heads) is None
            and (
                wk.readings[head][0][1] in rules.title_words
                or any(k in lex.adjectives for _, k in wk.readings[head])
                or (wk.words[head].text[:1].isupper() and head + 1 < len(wk.words))
                or possessive(text, wk, head)
            )
        ):
            head += 1
        if head >= len(wk.words) or is_word(wk, head, rules.title_heads) is None:
            continue
        last = first
        while (
            last + 1 < len(wk.words)
            and last - first < _MAX_APPOSITION_WORDS
            and not re.search(r"[,.;:()]", text[wk.words[last].end : wk.words[last + 1].start])
        ):
            last += 1
        start, end = wk.words[first].start, wk.words[last].end
        out.append(TitleCue(start, end, text[start:end], m.entry.key, end, m.start))
    return tuple(out)
