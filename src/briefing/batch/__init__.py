"""Many articles -> one folder of briefings, with an index, summaries and a JUnit report.

`run_batch` finds the articles (files, folders searched recursively, globs), briefs each in a
pool of worker processes that load the fact table and the language pipelines once, writes every
output atomically, and then writes `index.html`, `summary.json`, `summary.md` and `junit.xml`.
An article that cannot be briefed is recorded with its reason; the others go on.

`inputs` finds the articles and names their outputs; `manifest` says which outputs are up to
date; `pool` briefs the others; `summary` and `pages` give the digests, summaries and pages;
`run` ties them together.
"""

from __future__ import annotations

from briefing.batch.inputs import ARTICLE_SUFFIXES, collect_inputs, output_file, output_names
from briefing.batch.manifest import MANIFEST
from briefing.batch.pages import index_html, summary_markdown
from briefing.batch.pool import default_jobs
from briefing.batch.records import (
    DEFAULT_FORMATS,
    ArticleResult,
    BatchOptions,
    BatchReport,
    Progress,
)
from briefing.batch.run import run_batch, write_summaries
from briefing.batch.summary import digest, summary, summary_json

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_FORMATS",
    "MANIFEST",
    "ArticleResult",
    "BatchOptions",
    "BatchReport",
    "Progress",
    "collect_inputs",
    "default_jobs",
    "digest",
    "index_html",
    "output_file",
    "output_names",
    "run_batch",
    "summary",
    "summary_json",
    "summary_markdown",
    "write_summaries",
]
