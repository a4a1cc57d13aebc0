"""Briefing a batch's articles: in this process (--jobs 1) or in a pool of worker processes.

Each worker loads the fact table and the language pipelines once, then briefs article after
article, writing every output atomically; an article that cannot be briefed becomes a result
with its reason.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.batch.inputs import output_file
from briefing.batch.records import ArticleResult, BatchOptions
from briefing.batch.summary import digest
from briefing.errors import BriefingError
from briefing.output import write_atomic

if TYPE_CHECKING:
    from briefing.facts import FactTable

MAX_DEFAULT_JOBS = 4  # each worker holds its own spaCy pipelines (a few hundred MB)
ARTICLES_PER_WORKER = 20


@dataclass(frozen=True)
class Task:
    """One article to brief: its path as found, its output name and the formats to write."""

    source: str
    name: str
    formats: tuple[str, ...]


def default_jobs(articles: int) -> int:
    """Return how many worker processes to start for this many articles by default.

    The CPUs, at most MAX_DEFAULT_JOBS, and one per ARTICLES_PER_WORKER articles: a worker
    takes a second or two to start, which a handful of articles does not repay.
    """
    wanted = -(-articles // ARTICLES_PER_WORKER)
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_JOBS, wanted))


_WORKER: dict[str, Any] = {}


def brief_all(
    tasks: Sequence[Task], out_dir: Path, options: BatchOptions, jobs: int, table: FactTable
) -> Iterator[ArticleResult]:
    """Yield each task's result as it finishes."""
    if not tasks:
        return
    workers = min(jobs, len(tasks))
    if workers == 1:
        _init_worker(out_dir, options, table)
        for task in tasks:
            yield _brief(task)
        return
    # spawn, not fork: a forked copy of a process with threads (a test runner, an SMTP server)
    # can deadlock, and Python 3.14 no longer forks by default either.
    context = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(out_dir, options),
    ) as pool:
        futures = {pool.submit(_brief, task): task for task in tasks}
        try:
            for future in cf.as_completed(futures):
                task = futures[future]
                try:
                    yield future.result()
                except BrokenProcessPool:
                    yield ArticleResult(
                        task.source, task.name, error=f"{task.source}: the worker process died"
                    )
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _init_worker(out_dir: Path, options: BatchOptions, table: FactTable | None = None) -> None:
    """Load what every article needs once per process: the fact table and the pipelines."""
    from briefing.analysis.nlp import load_pipeline
    from briefing.facts import load_fact_tables
    from briefing.languages import codes
    from briefing.resources import bundled_facts

    _WORKER["out_dir"] = out_dir
    _WORKER["options"] = options
    _WORKER["table"] = table or load_fact_tables(list(options.facts) or [bundled_facts()])
    for language in (options.language,) if options.language else codes():
        # A model that does not fit the language: each article in it will say so.
        with contextlib.suppress(BriefingError):
            load_pipeline(language, options.model)


def _brief(task: Task) -> ArticleResult:
    """Brief one article and write its outputs; a failure becomes the result's error."""
    from briefing import api

    out_dir: Path = _WORKER["out_dir"]
    options: BatchOptions = _WORKER["options"]
    outputs = {str(fmt): output_file(task.name, fmt) for fmt in options.formats}
    try:
        article = api.read_article(
            task.source,
            language=options.language,
            published=options.published,
            **dict(options.reading),
        )
        briefing = api.brief_article(article, _WORKER["table"], model=options.model)
        for fmt in task.formats:
            data = api.render(
                briefing,
                fmt,
                paper=options.paper,
                template_dir=options.template_dir,
                css=options.css,
                report_language=options.report_language,
            )
            write_atomic(out_dir / outputs[fmt], data)
    except BriefingError as error:
        return ArticleResult(task.source, task.name, error=_one_line(task.source, str(error)))
    except Exception as error:
        # A bug met on one article must not cost the batch the others; it is reported as one.
        message = f"unexpected failure ({type(error).__name__}: {error}); please report it"
        return ArticleResult(task.source, task.name, error=_one_line(task.source, message))
    return ArticleResult(task.source, task.name, outputs, task.formats, digest(briefing))


def _one_line(source: str, message: str) -> str:
    line = "; ".join(part.strip() for part in message.splitlines() if part.strip())
    return line if line.startswith(f"{source}:") else f"{source}: {line}"
