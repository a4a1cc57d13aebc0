"""Claims + fact table -> verdicts with evidence, as specs/fact-table.md says. Pure: no I/O.

`crossref` matches each claim to the table's facts and gathers the evidence; each attribute has
its own module: `dates`, `places`, `quantities`, `ratings`, `roles`.
"""

from __future__ import annotations

from briefing.check.crossref import cross_reference

__all__ = ["cross_reference"]
