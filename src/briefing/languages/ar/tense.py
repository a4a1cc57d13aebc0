"""The tense of an Arabic clause, as far as time expressions need it: whether what a sentence
says before a bare weekday or month lies ahead (سيبدأ الأربعاء, من المقرر أن يعقد في سبتمبر).

Works on folded text (see `time`). The future prefix س counts only on a word whose rest is a
common imperfect verb (سيبدأ: يبدأ), so سياسة or ستة never do.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from briefing.languages.ar import arabic_key, common_words
from briefing.languages.base import read_words

_DATA = Path(__file__).parent / "data" / "time"

_SENTENCE_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"\w+")
_IMPERFECT = ("ي", "ت", "ن", "ا")
_CONJUNCTIONS = ("و", "ف")
# A comma or a relative pronoun opens a clause of its own: "لن تنسى الدعم ... الذي ضرب في فبراير".
_CLAUSE_PRONOUNS = "|".join(map(re.escape, read_words(_DATA / "clause_pronouns.txt")))
_CLAUSE_BREAK = re.compile(rf"[،,؛;]|(?<!\w)(?:{_CLAUSE_PRONOUNS})(?!\w)")


@cache
def _future_words() -> frozenset[str]:
    return frozenset(arabic_key(w) for w in read_words(_DATA / "future_words.txt"))


def _verb(imperfect: str, common: frozenset[str]) -> bool:
    """Say whether a word is an imperfect verb the common words know, as it is written or in
    its past form (يفتتح: افتتح, يلعب: لعب)."""
    return (
        imperfect in common
        or "ا" + imperfect[1:] in common
        or (len(imperfect) >= 4 and imperfect[1:] in common)
    )


def sentence_start(norm: str, pos: int) -> int:
    """Return where the sentence holding `pos` starts."""
    ends = [m.end() for m in _SENTENCE_END.finditer(norm, max(0, pos - 400), pos)]
    return ends[-1] if ends else max(0, pos - 400)


def future_before(norm: str, pos: int) -> bool:
    """Say whether the clause before `pos` speaks of the future."""
    start = sentence_start(norm, pos)
    breaks = list(_CLAUSE_BREAK.finditer(norm, start, pos))
    words = _WORD.findall(norm, breaks[-1].end() if breaks else start, pos)
    common = common_words()
    future = _future_words()
    for n, word in enumerate(words):
        bare = word[1:] if word[:1] in _CONJUNCTIONS and len(word) > 3 else word
        if bare in future or word in future:
            return True
        if len(bare) >= 4 and bare[0] == "س" and bare[1] in _IMPERFECT and _verb(bare[1:], common):
            return True
        if bare == "ان" and n + 1 < len(words):
            following = words[n + 1]
            # أن before a verb of the third person (أن يلعب); nouns in ت (تقرير) are too many.
            if following[:1] == "ي" and following in common and not following.startswith("يوم"):
                return True
    return False
