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
    r"|can|may|might|would|could\s+be|faces?|meets?|hosts?|takes?\s+on|travels?\s+to)\b"
    r"|\w'll\b)"
)
# Where a clause starts: a comma opens a new one unless a conjunction carries the verb on
# ("will fly to Madrid on Monday, and play on Wednesday").
_CLAUSE_BREAK = re.compile(r"[,;:—–]\s+(?!(?:and|or|but|then)\b)")
_RELATIVE = re.compile(r"\b(?:who|whose|which)\b")
_ASIDE_WORDS = 4  # the most words of a clause without a verb before an expression
_A_VERB = re.compile(r"\b(?:\w+ed|said|says|told|is|are|was|were|has|have|had|will|would)\b", re.I)


def _an_aside(segment: str) -> bool:
    """Say whether the words between a comma and an expression are no clause of their own but
    an aside or a phrase ("near Kinross, from"): a few words and no verb."""
    return len(segment.split()) <= _ASIDE_WORDS and _A_VERB.search(segment) is None


def _sentence_before(text: str, pos: int) -> str:
    """Return the part of the sentence that comes before `pos`."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), 0)
    return text[start:pos]


def _clause_before(text: str, pos: int) -> str:
    """Return the part of the clause that comes before `pos`.

    A relative clause has a tense of its own ("will write to customers who bought tickets for
    the February gig"); an aside between commas has none, so the clause goes on past it
    ("will be held at Balado, near Kinross, from 9-10 July").
    """
    sentence = _sentence_before(text, pos)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]
    relative = [m.start() for m in _RELATIVE.finditer(sentence)]
    # An aside between two commas, then a word or two before the expression: the clause
    # before the aside goes on.
    while (
        len(breaks) >= 2
        and len(sentence[breaks[-1] :].split()) <= 2
        and _an_aside(sentence[breaks[-2] : breaks[-1]])
    ):
        del breaks[-2:]
    start = max([0, *breaks, *relative])
    return sentence[start:]


# The verb after an expression that opens its clause's subject: a noun or two, then the verb.
_VERB_AFTER = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|when|as|then)\b)[a-z][\w-]*){0,2}?"
    r"\s+(will|shall|would|\w+'ll|is\s+due\s+to|(?:is|are)\s+expected\s+to)\b"
)
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

    def last_year(self, pos: int) -> int | None:
        """Return the year the text last wrote before `pos`, in any sentence."""
        written = [y for at, y in self.years if at < pos]
        return written[-1] if written else None

    def story_year(self, pos: int) -> int | None:
        """Return the year last written in the sentence before `pos`, if any: "in 2011 ... in
        March" is March 2011, whatever the year of publication."""
        start = pos - len(_sentence_before(self.text, pos))
        written = [y for at, y in self.years if start <= at < pos]
        return written[-1] if written else None

    def future(self, pos: int, end: int | None = None) -> bool:
        """Say whether the clause before `pos` speaks of the future ("will meet on Friday").

        With `end`, where the expression ends, its clause may tell it after it too: the verb
        the expression is the subject of ("The June gig will open …"), or "is" before a day
        ("The deadline is 1 April"), which a past day would say "was".
        """
        if _FUTURE.search(_clause_before(self.text, pos)) is not None:
            return True
        if end is None:
            return False
        if self.prev_word(pos).lower() in ("is", "are"):
            return True
        after = _VERB_AFTER.match(self.text, end)
        return after is not None and _FUTURE.match(after.group(1)) is not None

    def starts_sentence(self, pos: int) -> bool:
        return _SENTENCE_START_RE.search(self.text, max(0, pos - 4), pos) is not None
