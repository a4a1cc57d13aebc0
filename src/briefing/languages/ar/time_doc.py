"""The Arabic text as the time rules read it: the text as given and its folded copy, the words
around a match, the years it writes and the tense before a match."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from briefing.analysis import times
from briefing.analysis.times import Resolved
from briefing.languages.ar import FOLD, MARKS
from briefing.languages.ar.tense import future_before, sentence_start
from briefing.languages.ar.time_patterns import NEXT_WORD_RE, PREV_WORD_RE
from briefing.models import TimeRef


@dataclass(frozen=True)
class TimeDoc:
    """The text as given, its folded copy, and what resolution needs."""

    text: str
    norm: str
    offsets: Sequence[int] | None  # folded index -> index in `text`; None when they agree
    published: date | None
    day_first: bool
    years: Sequence[tuple[int, int]] = ()  # (position, year) of the years the text writes

    def at(self, i: int) -> int:
        return i if self.offsets is None else self.offsets[i]

    def date(self, start: int, end: int, resolved: Resolved) -> TimeRef:
        return times.date_expr(self.text, self.at(start), self.at(end), resolved)

    def duration(self, start: int, end: int, quantity: float, unit: str) -> TimeRef:
        return times.duration_expr(self.text, self.at(start), self.at(end), quantity, unit)

    def prev_word(self, pos: int) -> str:
        """Return the word before `pos` when only spaces stand between, else ""."""
        m = PREV_WORD_RE.search(self.norm, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        """Return the word after `pos` when only spaces stand between, else ""."""
        words = self.words_after(pos, 1)
        return words[0] if words else ""

    def last_year(self, pos: int) -> int | None:
        """Return the year the text last wrote before `pos`, in any sentence."""
        written = [y for at, y in self.years if at < pos]
        return written[-1] if written else None

    def story_year(self, pos: int) -> int | None:
        """Return the year last written in the sentence before `pos`, if any: "في 2011 ...
        في مارس" is March 2011, whatever the year of publication."""
        start = sentence_start(self.norm, pos)
        written = [y for at, y in self.years if start <= at < pos]
        return written[-1] if written else None

    def future(self, pos: int) -> bool:
        return future_before(self.norm, pos)

    def words_after(self, pos: int, count: int) -> list[str]:
        """Return up to `count` words after `pos`, stopping at punctuation."""
        words: list[str] = []
        while len(words) < count:
            m = NEXT_WORD_RE.match(self.norm, pos)
            if not m:
                break
            words.append(m.group(1))
            pos = m.end()
        return words


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return the folded text and, when marks were dropped, where each of its letters came from."""
    folded = text.translate(FOLD)
    if not MARKS.search(folded):
        return folded, None
    keep = [i for i, ch in enumerate(folded) if not MARKS.match(ch)]
    norm = "".join(folded[i] for i in keep)
    keep.append(len(text))
    return norm, keep


def strip_clitic(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف", "ب") and word[1:3] == "ال" else word


def is_cue(word: str, cues: set[str]) -> bool:
    """Say whether a word is one of `cues`, perhaps behind و or ف."""
    return word in cues or (word[:1] in ("و", "ف") and word[1:] in cues)
