"""The whole run as plain functions: article -> briefing dict -> bytes of a format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing import languages
from briefing.analysis.extract import analyse
from briefing.analysis.lexicon import build_lexicon
from briefing.articles import FETCH_TIMEOUT, MAX_BYTES, read_article
from briefing.crossref import cross_reference
from briefing.facts import FactTable, load_fact_tables
from briefing.report import build_briefing
from briefing.resources import bundled_facts


def make_briefing(
    location: str,
    *,
    facts: Sequence[Path] = (),
    published: dt.date | None = None,
    language: str | None = None,
    model: str | None = None,
    table: FactTable | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = FETCH_TIMEOUT,
) -> dict[str, Any]:
    """Return the briefing of the article at `location`, checked against the fact tables.

    `table` is a fact table already loaded (a batch loads it once per worker); `facts` is then
    not read. `location` is a path, an http(s) URL or '-'; `encoding`, `max_bytes` and `timeout`
    are read_article's.
    """
    if table is None:
        table = load_fact_tables(list(facts) or [bundled_facts()])
    article = read_article(
        location,
        language=language,
        published=published,
        encoding=encoding,
        max_bytes=max_bytes,
        timeout=timeout,
    )
    extraction = analyse(article, table, model=model)
    lexicon = build_lexicon(table, languages.get(article.language).rules)
    findings = cross_reference(extraction.claims, table, lexicon, article.published)
    import spacy

    from briefing.analysis.nlp import model_label

    models = {"ner": model_label(article.language, model), "spacy": spacy.__version__}
    return build_briefing(article, extraction, findings, table, models=models)


def render(
    briefing: dict[str, Any],
    fmt: str,
    *,
    paper: str = "A4",
    template_dir: Path | None = None,
    css: Sequence[Path] = (),
    report_language: str | None = None,
) -> str | bytes:
    """Return the briefing in one format: pdf (bytes), html, json, md or claimreview (text).

    `report_language` (ar or en) is the language of the labels; None means the article's.
    The JSON is the same whatever the report language.
    """
    if fmt == "claimreview":
        from briefing.deliver.claimreview import render_claimreview

        return render_claimreview(briefing)
    if fmt == "json":
        from briefing.render_json import render_json

        return render_json(briefing)
    from briefing import render as r

    if fmt == "md":
        return r.render_markdown(briefing, report_language=report_language)
    if fmt == "html":
        return r.render_html(
            briefing, template_dir=template_dir, css=css, report_language=report_language
        )
    return r.render_pdf(
        briefing, template_dir=template_dir, css=css, paper=paper, report_language=report_language
    )
