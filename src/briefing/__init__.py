"""briefing: turn a news article into a fact-check briefing.

The Python API (the command line is a thin layer over it)::

    import briefing
    table = briefing.load_facts(["desk.yaml"])        # no argument: the bundled table
    b = briefing.brief(Path("article.md"), facts=table, published="2023-09-18")
    pdf: bytes = briefing.render(b, "pdf", report_language="en", paper="letter")
    b.to_json()                                        # the same text as --format json

See docs/api.md.
"""

from __future__ import annotations

__version__ = "0.1.0"

from briefing.api import brief, brief_article, load_facts, read, render
from briefing.errors import (
    ArticleError,
    BriefingError,
    FactTableError,
    OutputError,
    RenderError,
    UsageError,
)
from briefing.report.record import Briefing, ClaimEntry
from briefing.vocab import ClaimKind, FailOn, Format, Paper, ReportLanguage, Verdict

__all__ = [
    "ArticleError",
    "Briefing",
    "BriefingError",
    "ClaimEntry",
    "ClaimKind",
    "FactTableError",
    "FailOn",
    "Format",
    "OutputError",
    "Paper",
    "RenderError",
    "ReportLanguage",
    "UsageError",
    "Verdict",
    "__version__",
    "brief",
    "brief_article",
    "load_facts",
    "read",
    "render",
]
