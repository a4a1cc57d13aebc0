"""briefing: turn a news article into a fact-check briefing.

The Python API (the command line is a thin layer over it)::

    import briefing
    table = briefing.load_facts(["desk.yaml"])        # no argument: the bundled table
    b = briefing.brief(Path("article.md"), facts=table, published="2023-09-18")
    pdf: bytes = briefing.render(b, "pdf", report_language="en", paper="letter")
    b.to_json()                                        # the same text as --format json

See docs/api.md. The names below are imported on first use, so that `import briefing` (which
`briefing --help` does) stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Each public name and the module that defines it.
_PUBLIC = {
    "brief": "briefing.api",
    "brief_article": "briefing.api",
    "load_facts": "briefing.api",
    "read_article": "briefing.api",
    "render": "briefing.api",
    "Briefing": "briefing.report.record",
    "ClaimEntry": "briefing.report.record",
    "ArticleError": "briefing.errors",
    "BriefingError": "briefing.errors",
    "FactTableError": "briefing.errors",
    "InvalidArgument": "briefing.errors",
    "OutputError": "briefing.errors",
    "RenderError": "briefing.errors",
    "UsageError": "briefing.errors",
    "ClaimKind": "briefing.vocab",
    "FailOn": "briefing.vocab",
    "Format": "briefing.vocab",
    "Paper": "briefing.vocab",
    "ReportLanguage": "briefing.vocab",
    "Verdict": "briefing.vocab",
}
__all__ = [
    "ArticleError",
    "Briefing",
    "BriefingError",
    "ClaimEntry",
    "ClaimKind",
    "FactTableError",
    "FailOn",
    "Format",
    "InvalidArgument",
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
    "read_article",
    "render",
]

if TYPE_CHECKING:
    from briefing.api import brief, brief_article, load_facts, read_article, render
    from briefing.errors import (
        ArticleError,
        BriefingError,
        FactTableError,
        InvalidArgument,
        OutputError,
        RenderError,
        UsageError,
    )
    from briefing.report.record import Briefing, ClaimEntry
    from briefing.vocab import ClaimKind, FailOn, Format, Paper, ReportLanguage, Verdict


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'briefing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
