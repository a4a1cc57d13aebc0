"""Fact tables: the analyst's YAML (or JSON) files -> one validated, indexed FactTable.

Analysts write these files by hand, so every problem in every file is reported at once, each as
`PATH:LINE: what to do`, and never as a traceback. `model` holds the records, `load` reads the
files, `reader` and `validate` turn their YAML nodes into records, and `hints` words the fixes.
This package reads version 1 of the fact-table format.
"""

from __future__ import annotations

from briefing.facts.load import check_fact_table, load_fact_tables, summarise
from briefing.facts.model import (
    ENTITY_TYPES,
    PLACE_TYPES,
    RELIABILITY_GRADES,
    VERSION,
    Fact,
    FactTable,
    LanguageMap,
    Role,
    Source,
    TableEntity,
    date_bounds,
    precision_of,
)

__all__ = [
    "ENTITY_TYPES",
    "PLACE_TYPES",
    "RELIABILITY_GRADES",
    "VERSION",
    "Fact",
    "FactTable",
    "LanguageMap",
    "Role",
    "Source",
    "TableEntity",
    "check_fact_table",
    "date_bounds",
    "load_fact_tables",
    "precision_of",
    "summarise",
]
