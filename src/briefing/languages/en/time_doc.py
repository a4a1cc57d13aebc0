"""The English text as the time rules read it: its words around a match, the years it writes,
and the tense of a clause (a bare weekday or month in a clause of the future is the coming one)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.analysis import times
from briefing.analysis.times import Resolved
from briefing.models import TimeRef

# A clause in the future tense, of what may come (can, may, could be) or of a fixture in the
# present ("face France on Sunday"): a bare weekday or month in it is the coming one.
_FUTURE = re.compile(
    r"(?:\b(?:will|shall|(?:is|are|was|were)\s+(?:due\s+|set\s+|going\s+|scheduled\s+)?to"
    r"|plans?\s+to|planning\s+to|intends?\s+to|(?:is|are)\s+expected\s+to|ahead\s+of"
    r"|agreed\s+to|decided\s+to|voted\s+to|hop(?:es?|ing)\s+to|aims?\s+to|expects?|forecasts?"
    r"|can|may|might|could\s+be|faces?|meets?|hosts?|takes?\s+on|travels?\s+to)\b|\w'll\b)"
)
# Where a clause starts: a comma opens a new one unless a conjunction carries the verb on
# ("will fly to Madrid on Monday, and play on Wednesday").
_CLAUSE_BREAK = re.compile(r"[,;:—–]\s+(?!(?:and|or|but|then)\b)")


def _sentence_before(text: str, pos: int) -> str:
    """Return the part of the sentence that comes before `pos`."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), 0)
    return text[start:pos]


def _clause_before(text: str, pos: int) -> str:
    """Return the part of the clause that comes before `pos`."""
    sentence = _sentence_before(text, pos)
    breaks = list(_CLAUSE_BREAK.finditer(sentence))
    return sentence[breaks[-1].end() :] if breaks else sentence


_PREV_WORD_RE = re.compile(r"([\w']+)\W{0,2}\s*$")
_NEXT_WORD_RE = re.compile(r"\s*([\w%]+)")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\"'“‘(:\n]\s*)$")


@dataclass(frozen=True)
class TimeDoc:
    """The text and what resolution needs."""

    text: str
    published: date | None
    day_first: bool
    years: tuple[tuple[int, int], ...] = ()  # (position, year) of the years the text writes

    def date(self, start: int, end: int, resolved: Resolved) -> TimeRef:
        return times.date_expr(self.text, start, end, resolved)

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD_RE.search(self.text, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD_RE.match(self.text, pos)
        return m.group(1) if m else ""

    def story_year(self, pos: int) -> int | None:
        """Return the year last written in the sentence before `pos`, if any: "in 2011 ... in
        March" is March 2011, whatever the year of publication."""
        start = pos - len(_sentence_before(self.text, pos))
        written = [y for at, y in self.years if start <= at < pos]
        return written[-1] if written else None

    def future(self, pos: int) -> bool:
        """Say whether the clause before `pos` speaks of the future ("will meet on Friday")."""
        return _FUTURE.search(_clause_before(self.text, pos)) is not None

    def starts_sentence(self, pos: int) -> bool:
        return _SENTENCE_START_RE.search(self.text, max(0, pos - 4), pos) is not None
