"""The Python API: read an article, brief it against a fact table, render the briefing.

The command line is a thin layer over these functions. Heavy libraries (spaCy, WeasyPrint) are
imported when they are first needed, so `import briefing` stays quick.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from briefing.errors import UsageError
from briefing.facts import FactTable
from briefing.models import Article
from briefing.read import FETCH_TIMEOUT, MAX_BYTES, parse_date_option, read_text
from briefing.read import read_article as _read
from briefing.renderers import render
from briefing.report.record import Briefing

__all__ = ["brief", "brief_article", "load_facts", "read_article", "render"]


def load_facts(paths: Sequence[str | os.PathLike[str]] = ()) -> FactTable:
    """Return the fact tables at `paths` merged into one; with none, the bundled table.

    Raises FactTableError, whose `problems` are `PATH:LINE: problem` lines.
    """
    from briefing.facts import load_fact_tables
    from briefing.resources import bundled_facts

    return load_fact_tables(list(paths) or [bundled_facts()])


def read_article(
    location: str | os.PathLike[str],
    *,
    language: str | None = None,
    published: dt.date | str | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = FETCH_TIMEOUT,
) -> Article:
    """Return the article at `location`: a path, an http(s) URL, or '-' for stdin.

    Text and Markdown may start with YAML front matter; HTML pages give their main text.
    Raises ArticleError when there is no article to read.
    """
    return _read(
        os.fspath(location),
        language=language,
        published=_date(published),
        encoding=encoding,
        max_bytes=max_bytes,
        timeout=timeout,
    )


def brief(
    article: Path | str | Article,
    *,
    facts: FactTable | None = None,
    published: dt.date | str | None = None,
    language: str | None = None,
    model: str | None = None,
) -> Briefing:
    """Return the briefing of an article checked against a fact table (the bundled one when
    `facts` is None).

    `article` is a `Path` to a text, Markdown or HTML file, the article's text itself as a
    `str`, or an `Article` already read. `published` (a date or YYYY-MM-DD) beats the front
    matter's date; relative dates are resolved against it.

    >>> b = brief("Putin met Wang Yi in Moscow on Monday.", language="en", published="2023-09-18")
    >>> [e.name for e in b.entities]
    ['Vladimir Putin', 'Wang Yi', 'Moscow']
    """
    if isinstance(article, Path):
        article = read_article(article, language=language, published=published)
    elif isinstance(article, str):
        article = read_text(article, language=language, published=_date(published))
    elif published is not None or language is not None:
        raise UsageError("published and language are given by the Article itself")
    return brief_article(article, facts if facts is not None else load_facts(), model=model)


def brief_article(article: Article, table: FactTable, *, model: str | None = None) -> Briefing:
    """Return the briefing of an article already read, checked against `table`."""
    from briefing import languages
    from briefing.analysis.extract import analyse
    from briefing.analysis.lexicon import build_lexicon
    from briefing.analysis.nlp import model_label
    from briefing.check import cross_reference
    from briefing.report.build import build_briefing

    extraction = analyse(article, table, model=model)
    lexicon = build_lexicon(table, languages.get(article.language).rules)
    findings = cross_reference(extraction.claims, table, lexicon, article.published)
    from spacy import about

    models = {"ner": model_label(article.language, model), "spacy": about.__version__}
    return build_briefing(article, extraction, findings, table, models=models)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date_option(value, what="published")
