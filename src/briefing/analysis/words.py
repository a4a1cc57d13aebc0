"""The body's words: each with its offsets, its readings (the language's keys, with and without
clitics) and whether it may run on into the next word of a name."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.languages.base import LanguageRules


# A word: letters and digits with their combining marks (Arabic harakat are marks, not letters,
# so a plain \w+ would cut يُسفر in two).
WORD_RE = re.compile(r"(?:[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+")


@dataclass(frozen=True)
class Word:
    """A word of the body with its character offsets."""

    start: int
    end: int
    text: str


def words(text: str) -> list[Word]:
    """Return the words of `text` in order, with offsets (punctuation is skipped)."""
    return [Word(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


# Letters that a stray space may cut off the end of a word (الولايات المتحد ة).
_STRAY_TAILS = frozenset("ةهى")


@dataclass(frozen=True)
class WordKeys:
    """The body's words with their readings, computed once per document."""

    words: tuple[Word, ...]
    readings: tuple[tuple[tuple[int, str], ...], ...]  # per word: (clitic chars, key)
    joined: tuple[bool, ...]  # joined[i]: only a space or hyphen between word i and i+1
    rules: LanguageRules

    @cached_property
    def _starts(self) -> list[int]:
        return [w.start for w in self.words]

    @cached_property
    def _ends(self) -> list[int]:
        return [w.end for w in self.words]

    def within(self, start: int, end: int) -> range:
        """Return the indices of the words that lie wholly inside text[start:end]."""
        first = bisect_left(self._starts, start)
        last = bisect_right(self._ends, end)  # ends rise with starts: words do not overlap
        return range(first, max(first, last))

    def touching(self, start: int, end: int) -> range:
        """Return the indices of the words that overlap text[start:end]."""
        first = bisect_right(self._ends, start)
        last = bisect_left(self._starts, end)
        return range(first, max(first, last))


def word_keys(text: str, rules: LanguageRules) -> WordKeys:
    """Return the body's words, merging a stray letter cut off by a space back into its word."""
    raw = words(text)
    merged: list[Word] = []
    for w in raw:
        if (
            merged
            and len(w.text) == 1
            and w.text in _STRAY_TAILS
            and text[merged[-1].end : w.start] == " "
        ):
            prev = merged.pop()
            merged.append(Word(prev.start, w.end, prev.text + w.text))
        else:
            merged.append(w)
    readings = tuple(tuple(rules.variants(w.text)) for w in merged)
    joined = tuple(_joined(text[a.end : b.start], a) for a, b in pairwise(merged))
    return WordKeys(tuple(merged), readings, (*joined, False), rules)


def _joined(gap: str, before: Word) -> bool:
    """Say whether two words may belong to one name: only a space or hyphen between them, or the
    dot of an initial (U.S., George W. Bush), or an ampersand (Johnson & Johnson)."""
    if "\n" in gap:
        return False
    chars = " -'’.&" if len(before.text) == 1 else " -'’&"
    return gap.strip(chars) == ""
