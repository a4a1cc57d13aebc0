"""What checking each claim against one table shares: the table, the language, the day."""

from __future__ import annotations

import datetime as dt

from briefing.analysis.lexicon import Lexicon, phrase_key
from briefing.facts import Fact, FactTable
from briefing.languages.base import LanguageRules


class Context:
    """The table and lexicon claims are checked against, each fact's cue words in the article's
    language, and each fact's date window once worked out."""

    def __init__(self, table: FactTable, lexicon: Lexicon, published: dt.date | None) -> None:
        self.table = table
        self.lexicon = lexicon
        self.rules: LanguageRules = lexicon.rules
        self.published = published
        self.windows: dict[str, tuple[dt.date, dt.date]] = {}
        self.cues = {
            f.id: [phrase_key(c, self.rules).split() for c in _cues_for(f, self.rules.code)]
            for f in table.facts
        }


def _cues_for(fact: Fact, language: str) -> list[str]:
    return list(fact.cues.get(language, ()))
