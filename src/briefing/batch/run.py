"""Running a batch: check the options, find the articles, brief what is not up to date, and
write the manifest, index.html, summary.json, summary.md and junit.xml."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.batch.inputs import collect_inputs, output_file, output_names
from briefing.batch.manifest import (
    load_manifest,
    newest_mtime,
    options_key,
    record_result,
    save_manifest,
    stale_formats,
    with_source,
)
from briefing.batch.pages import index_html, summary_markdown
from briefing.batch.pool import Task, brief_all, default_jobs
from briefing.batch.records import ArticleResult, BatchOptions, BatchReport, Progress
from briefing.batch.summary import INDEX, JUNIT, SUMMARY_JSON, SUMMARY_MD, summary_json
from briefing.errors import InvalidArgument, OutputError, UsageError
from briefing.output import write_atomic
from briefing.renderers.junit import Suite, junit_xml
from briefing.report.gate import tripping
from briefing.vocab import FailOn, Format

if TYPE_CHECKING:
    from briefing.facts import FactTable


def run_batch(
    inputs: Sequence[str],
    out_dir: Path,
    options: BatchOptions,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Brief every article that `inputs` names into `out_dir`; return what became of each.

    Raises BriefingError only for what stops the whole batch (bad options, a bad fact table,
    an output folder that cannot be made or written); an article's own failure is recorded in
    its result. `jobs` is the number of worker processes (1: none, this process does the work;
    None: `default_jobs`).
    """
    _check_options(options, jobs)
    fact_paths, table = _fact_tables(options)
    _make_folder(out_dir)
    found, missing = collect_inputs(inputs, exclude=out_dir)
    if not found and not missing:
        raise UsageError("no articles given")
    names = output_names([path for _, path in found])
    keys = {str(fmt): options_key(fmt, options, table.sha256) for fmt in options.formats}
    inputs_newest = newest_mtime([*fact_paths, *options.css])
    manifest = load_manifest(out_dir)
    entries: dict[str, Any] = manifest.setdefault("articles", {})

    order = [source for source, _ in found] + [source for source, _ in missing]
    tally = _Tally(len(order), progress)
    for source, reason in missing:
        tally.record(ArticleResult(source, error=f"{source}: {reason}"))
    tasks = _plan(
        found,
        names,
        entries,
        tally,
        out_dir=out_dir,
        options=options,
        keys=keys,
        inputs_newest=inputs_newest,
    )
    try:
        workers = jobs if jobs is not None else default_jobs(len(tasks))
        for result in brief_all(tasks, out_dir, options, workers, table):
            record_result(entries, result, keys)
            tally.record(result)
    finally:
        # Even when interrupted, keep what was done so that a re-run skips it.
        save_manifest(out_dir, manifest)

    ordered = tuple(tally.results[source] for source in order)
    fail_on = FailOn(options.fail_on)
    tripped = sum(len(tripping(r.digest, fail_on)) for r in ordered if r.digest is not None)
    report = BatchReport(out_dir, ordered, options, tripped, {})
    return replace(report, summaries=write_summaries(report))


def _fact_tables(options: BatchOptions) -> tuple[list[Path], FactTable]:
    """Return the paths of the batch's fact tables (else the bundled one) and their table."""
    from briefing.facts import load_fact_tables
    from briefing.resources import bundled_facts

    fact_paths = list(options.facts) or [bundled_facts()]
    table = load_fact_tables(fact_paths)  # a bad table stops everything, before any work
    return fact_paths, table


def _make_folder(out_dir: Path) -> None:
    """Make the output folder (and its parents), or raise OutputError."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot make the folder ({e.strerror})") from None


class _Tally:
    """The results so far, by source; each one is told to `progress` as it comes."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.results: dict[str, ArticleResult] = {}
        self.total = total
        self.done = 0
        self.progress = progress

    def record(self, result: ArticleResult) -> None:
        self.results[result.source] = result
        self.done += 1
        if self.progress is not None:
            self.progress(result, self.done, self.total)


def _plan(
    found: Sequence[tuple[str, Path]],
    names: Mapping[Path, str],
    entries: Mapping[str, Any],
    tally: _Tally,
    *,
    out_dir: Path,
    options: BatchOptions,
    keys: Mapping[str, str],
    inputs_newest: float,
) -> list[Task]:
    """Return the articles to brief, with their stale formats; record the up-to-date others."""
    tasks: list[Task] = []
    for source, path in found:
        name = names[path]
        outputs = {str(fmt): output_file(name, fmt) for fmt in options.formats}
        entry = entries.get(name)
        stale = stale_formats(path, out_dir, outputs, entry, keys, inputs_newest)
        if stale or not isinstance(entry, Mapping) or not isinstance(entry.get("digest"), Mapping):
            tasks.append(Task(source, name, stale or options.formats))
        else:
            recorded = with_source(entry["digest"], source)
            tally.record(ArticleResult(source, name, outputs, (), recorded))
    return tasks


def _check_options(options: BatchOptions, jobs: int | None) -> None:
    """Raise InvalidArgument for an option no article could be briefed with, once, rather than
    failing every article with the same message."""
    if not options.formats:
        raise InvalidArgument("formats", "give at least one format")
    unknown = [fmt for fmt in options.formats if fmt not in Format.values()]
    if unknown:
        choices = ", ".join(Format.values())
        raise InvalidArgument("formats", f"{unknown[0]!r} is not one of {choices}")
    if jobs is not None and jobs < 1:
        raise InvalidArgument("jobs", f"{jobs} is not a positive number")
    from briefing.languages import codes

    if options.language is not None and options.language not in codes():
        choices = ", ".join(codes())
        raise InvalidArgument(
            "language", f"{options.language!r} is not supported; choose one of {choices}"
        )
    if options.model is not None and not Path(options.model).exists():
        import spacy.util

        if not spacy.util.is_package(options.model):
            raise InvalidArgument("model", f"cannot load spaCy pipeline {options.model!r}")
    if options.template_dir is not None and not options.template_dir.is_dir():
        raise InvalidArgument("template_dir", f"{options.template_dir} is not a folder")
    for path in options.css:
        if not path.is_file():
            raise InvalidArgument("css", f"{path} is not a file")


def write_summaries(report: BatchReport) -> dict[str, Path]:
    """Write index.html, summary.json, summary.md and junit.xml; return their paths."""
    out = report.out_dir
    files = {
        SUMMARY_JSON: summary_json(report),
        SUMMARY_MD: summary_markdown(report),
        JUNIT: junit_xml(
            [Suite(r.source, r.digest, r.error) for r in report.results],
            name="briefing batch",
        ),
        INDEX: index_html(report),
    }
    paths = {}
    for name, text in files.items():
        write_atomic(out / name, text)
        paths[name] = out / name
    return paths
