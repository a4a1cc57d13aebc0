"""Who said what: clauses, their speakers, kinds and check-worthiness; and the events they tell.

`find_claims` is the entry point. The ways a language writes who said something are strategy
functions (`Strategy`) in `sources`, `verb_first` and `subject_first`, which each `Language`
lists in the order they are tried.
"""

from __future__ import annotations

from briefing.analysis.claims.context import Attribution, ClaimContext, Clause, Strategy
from briefing.analysis.claims.find import find_claims

__all__ = ["Attribution", "ClaimContext", "Clause", "Strategy", "find_claims"]
