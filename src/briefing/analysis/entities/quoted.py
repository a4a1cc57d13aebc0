"""Names written in quotes after a noun that says what they name: سهم «سابك», موقع «X»,
"the newspaper 'Marca'" are organisations; ثغرة «X», "the film 'X'" are works and products,
which are no entity and which no later pass may type as a person or a place."""

from __future__ import annotations

from briefing.analysis.entities.shapes import is_word
from briefing.analysis.words import WordKeys

MAX_QUOTED_WORDS = 5
_MAX_QUOTED_CHARS = 60


def quoted_names(text: str, wk: WordKeys) -> list[tuple[int, int, str]]:
    """Return (start, end, type) of each name in quotes right after a naming noun: the type
    is the noun's (ORG, or WORK for a work or product)."""
    rules = wk.rules
    heads = rules.quoted_name_heads
    if not heads:
        return []
    closing = dict(rules.quote_pairs)
    words = frozenset(heads)
    out = []
    for i in range(len(wk.words) - 1):
        cut = is_word(wk, i, words)
        if cut is None:
            continue
        gap = text[wk.words[i].end : wk.words[i + 1].start].strip()
        if len(gap) != 1 or gap not in closing:
            continue
        start = wk.words[i + 1].start
        end = text.find(closing[gap], start, start + _MAX_QUOTED_CHARS)
        name = text[start:end].strip() if end > 0 else ""
        if not name or "\n" in name or len(name.split()) > MAX_QUOTED_WORDS:
            continue
        if any(c in name for c in ".!?؟،,") and " " in name and not _dotted(name):
            continue  # a sentence quoted, not a name
        key = next(k for c, k in wk.readings[i] if c == cut)
        out.append((start, start + len(name), heads[key]))
    return out


def _dotted(name: str) -> bool:
    """Say whether the only stops in a name are inside words (بي.سي ماجازين, "B.B.C. News")."""
    return not any(c in name for c in "!?؟،,") and all(
        not w.endswith(".") or len(w) <= 4 for w in name.split()
    )
