"""Many articles -> one folder of briefings, with an index, summaries and a JUnit report.

`run_batch` finds the articles (files, folders searched recursively, globs), briefs each in a
pool of worker processes that load the fact table and the language pipelines once, writes every
output atomically, and then writes `index.html`, `summary.json`, `summary.md` and `junit.xml`.
An article that cannot be briefed is recorded with its reason; the others go on.

Outputs are skipped when they are up to date. An output is up to date when it exists, is not
older than the article and the fact tables, and the batch manifest (`DIR/.briefing-batch.json`)
says it was made from an article with the same sha256 with the same options: the briefing
version, the fact tables' contents and the analysis options, plus the report language for Markdown,
HTML and PDF, the templates and stylesheets for HTML and PDF, and the paper size for PDF.

Output names: `NAME.briefing.EXT` flat in the output folder, NAME being the article's file name
without its last suffix (`wang-yi-moscow.ar.md` -> `wang-yi-moscow.ar`). When two articles would
share a name, they take their full file names, then their parent folders' names in front
(`a-x.md`, `b-x.md`), and in the last resort a hash of their path: a name depends only on the
articles in the batch, never on the order they finish in.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import glob
import hashlib
import json
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from briefing import __version__
from briefing.deliver.junit import Suite, junit_xml
from briefing.deliver.verdicts import SEVERITY, claims_of, tripping
from briefing.errors import BriefingError, OutputError, UsageError
from briefing.output import EXTENSIONS, write_atomic

if TYPE_CHECKING:
    from briefing.facts import FactTable

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST = ".briefing-batch.json"
MANIFEST_VERSION = 1
INDEX, SUMMARY_JSON, SUMMARY_MD, JUNIT = "index.html", "summary.json", "summary.md", "junit.xml"
DEFAULT_FORMATS = ("pdf", "html", "json")
MAX_DEFAULT_JOBS = 4  # each worker holds its own spaCy pipelines (a few hundred MB)
ARTICLES_PER_WORKER = 20
# GitHub refuses a step summary over 1 MiB; stay well under it.
MARKDOWN_BUDGET = 900_000
MARKDOWN_CLAIM = 160
COUNT_KEYS = ("claims", "contradicted", "supported", "unverified")


@dataclass(frozen=True)
class BatchOptions:
    """Everything that decides what a batch writes, apart from the articles themselves."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    facts: tuple[Path, ...] = ()
    published: dt.date | None = None
    language: str | None = None
    model: str | None = None
    report_language: str | None = None
    paper: str = "A4"
    template_dir: Path | None = None
    css: tuple[Path, ...] = ()
    fail_on: str = "never"
    #: Options for reading articles (e.g. encoding, max_bytes), passed on to make_briefing.
    reading: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class ArticleResult:
    """What became of one article."""

    source: str  # the article's path as found (or the pattern that matched nothing)
    name: str = ""  # its output name; outputs are NAME.briefing.EXT
    outputs: Mapping[str, str] = field(default_factory=dict)  # format -> file name in the folder
    written: tuple[str, ...] = ()  # the formats written this time (the rest were up to date)
    digest: Mapping[str, Any] | None = None  # the briefing, short: article, summary, claims
    error: str | None = None  # one line, starting with the path

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def up_to_date(self) -> bool:
        return self.ok and not self.written


@dataclass(frozen=True)
class BatchReport:
    """The whole batch: every article's result in the order found, and the summaries."""

    out_dir: Path
    results: tuple[ArticleResult, ...]
    options: BatchOptions
    tripped: int  # claims at --fail-on's level or worse, over all briefed articles
    summaries: Mapping[str, Path]

    @property
    def failed(self) -> list[ArticleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def briefed(self) -> list[ArticleResult]:
        return [r for r in self.results if r.ok]


@dataclass(frozen=True)
class _Task:
    source: str
    name: str
    formats: tuple[str, ...]


Progress = Callable[[ArticleResult, int, int], None]


# ---------------------------------------------------------------------------------------------
# The batch


def default_jobs(articles: int) -> int:
    """Return how many worker processes to start for this many articles by default.

    The CPUs, at most MAX_DEFAULT_JOBS, and one per ARTICLES_PER_WORKER articles: a worker
    takes a second or two to start, which a handful of articles does not repay.
    """
    wanted = -(-articles // ARTICLES_PER_WORKER)
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_JOBS, wanted))


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
    from briefing.facts import load_fact_tables
    from briefing.resources import bundled_facts

    fact_paths = list(options.facts) or [bundled_facts()]
    table = load_fact_tables(fact_paths)  # a bad table stops everything, before any work
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"--out-dir: cannot make {out_dir} ({e.strerror})") from None
    found, missing = collect_inputs(inputs, exclude=out_dir)
    if not found and not missing:
        raise UsageError("no articles given")
    names = output_names([path for _, path in found])
    keys = {fmt: _options_key(fmt, options, table.sha256) for fmt in options.formats}
    inputs_newest = _newest_mtime([*fact_paths, *options.css])
    manifest = _load_manifest(out_dir)
    entries: dict[str, Any] = manifest.setdefault("articles", {})

    results: dict[str, ArticleResult] = {}
    order = [source for source, _ in found] + [source for source, _ in missing]
    total = len(order)
    done = 0

    def record(result: ArticleResult) -> None:
        nonlocal done
        results[result.source] = result
        done += 1
        if progress is not None:
            progress(result, done, total)

    for source, reason in missing:
        record(ArticleResult(source, error=f"{source}: {reason}"))
    tasks: list[_Task] = []
    for source, path in found:
        name = names[path]
        outputs = {fmt: output_file(name, fmt) for fmt in options.formats}
        entry = entries.get(name)
        stale = _stale_formats(path, out_dir, outputs, entry, keys, inputs_newest)
        if stale or not isinstance(entry, Mapping) or not isinstance(entry.get("digest"), Mapping):
            tasks.append(_Task(source, name, stale or options.formats))
        else:
            record(ArticleResult(source, name, outputs, (), _with_source(entry["digest"], source)))

    def finish(result: ArticleResult) -> None:
        if result.ok and result.digest is not None:
            old = entries.get(result.name)
            formats = dict(old.get("outputs", {})) if isinstance(old, Mapping) else {}
            for fmt in result.written:
                formats[fmt] = {"file": result.outputs[fmt], "options": keys[fmt]}
            entries[result.name] = {
                "source": str(Path(result.source).resolve()),
                "sha256": result.digest["article"].get("sha256"),
                "outputs": formats,
                "digest": result.digest,
            }
        else:
            entries.pop(result.name, None)
        record(result)

    try:
        workers = jobs if jobs is not None else default_jobs(len(tasks))
        for result in _brief_all(tasks, out_dir, options, workers, table):
            finish(result)
    finally:
        # Even when interrupted, keep what was done so that a re-run skips it.
        manifest["generator"] = f"briefing {__version__}"
        write_atomic(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")

    ordered = tuple(results[source] for source in order)
    tripped = sum(len(tripping(r.digest, options.fail_on)) for r in ordered if r.digest is not None)
    report = BatchReport(out_dir, ordered, options, tripped, {})
    return replace(report, summaries=write_summaries(report))


def output_file(name: str, fmt: str) -> str:
    """Return the file name of an article's output in one format."""
    return f"{name}.briefing.{EXTENSIONS[fmt]}"


def _check_options(options: BatchOptions, jobs: int | None) -> None:
    if not options.formats:
        raise UsageError("--formats: give at least one format")
    unknown = [fmt for fmt in options.formats if fmt not in EXTENSIONS]
    if unknown:
        raise UsageError(f"--formats: {unknown[0]!r} is not one of {', '.join(EXTENSIONS)}")
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs: {jobs} is not a positive number")
    # Checked here once, rather than failing every article with the same message.
    from briefing.languages import codes

    if options.language is not None and options.language not in codes():
        choices = ", ".join(codes())
        raise UsageError(
            f"--language: {options.language!r} is not supported; choose one of {choices}"
        )
    if options.model is not None and not Path(options.model).exists():
        import spacy.util

        if not spacy.util.is_package(options.model):
            raise UsageError(f"--model: cannot load spaCy pipeline {options.model!r}")
    if options.template_dir is not None and not options.template_dir.is_dir():
        raise UsageError(f"--template-dir: {options.template_dir} is not a folder")
    for path in options.css:
        if not path.is_file():
            raise UsageError(f"--css: {path} is not a file")


# ---------------------------------------------------------------------------------------------
# Finding articles and naming outputs


def collect_inputs(
    inputs: Sequence[str], *, exclude: Path | None = None
) -> tuple[list[tuple[str, Path]], list[tuple[str, str]]]:
    """Return the articles that `inputs` name, as (path as found, resolved path), and the
    inputs that name none, as (input, reason).

    A file is taken whatever its suffix; folders are searched recursively, and globs (expanded
    here, so a quoted glob works) matched, for *.txt, *.md, *.html and *.htm files, skipping
    hidden files and folders and anything under `exclude` (the output folder). An article
    reached twice is taken once.
    """
    skip = exclude.resolve() if exclude is not None else None
    found: list[tuple[str, Path]] = []
    missing: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def take(label: str, path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.append((label, resolved))

    for given in inputs:
        path = Path(given)
        if path.is_dir():
            before = len(found)
            for label, candidate in _walk(given, skip):
                take(label, candidate)
            if len(found) == before and not any(_walk(given, skip)):
                missing.append((given, "the folder has no *.txt, *.md, *.html or *.htm files"))
        elif path.exists() or path.is_symlink():
            take(given, path)
        elif any(char in given for char in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            taken = 0
            for match in matches:
                if Path(match).is_dir():
                    for label, candidate in _walk(match, skip):
                        take(label, candidate)
                        taken += 1
                elif _is_article(Path(match), skip):
                    take(match, Path(match))
                    taken += 1
            if not taken:
                missing.append((given, "the pattern matches no *.txt, *.md, *.html or *.htm files"))
        else:
            missing.append((given, "no such file or folder"))
    return found, list(dict(missing).items())


def _walk(folder: str, skip: Path | None) -> Iterator[tuple[str, Path]]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if _is_article(path, skip):
                yield os.path.join(root, name), path


def _is_article(path: Path, skip: Path | None) -> bool:
    if path.name.startswith(".") or path.suffix.casefold() not in ARTICLE_SUFFIXES:
        return False
    return skip is None or not path.resolve().is_relative_to(skip)


def output_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Return a distinct output name for each article path (compared without case)."""
    levels = dict.fromkeys(paths, 0)
    while True:
        groups: dict[str, list[Path]] = defaultdict(list)
        for path, level in levels.items():
            groups[_candidate(path, level).casefold()].append(path)
        clashes = [group for group in groups.values() if len(group) > 1]
        if not clashes:
            return {path: _candidate(path, level) for path, level in levels.items()}
        for group in clashes:
            for path in group:
                levels[path] += 1


def _candidate(path: Path, level: int) -> str:
    """Return the article's name at a level: stem, name, parent-name, … then name-hash."""
    if level == 0:
        return path.stem or path.name
    parents = [p.name for p in path.parents if p.name]
    if level - 1 <= len(parents):
        return "-".join([*reversed(parents[: level - 1]), path.name])
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return f"{path.name}-{digest}"


# ---------------------------------------------------------------------------------------------
# What is up to date


def _options_key(fmt: str, options: BatchOptions, facts_sha256: str) -> str:
    """Return a hash of everything that decides an output of this format, but the article."""
    parts: dict[str, Any] = {
        "version": __version__,
        "format": fmt,
        "facts": facts_sha256,
        "published": options.published.isoformat() if options.published else None,
        "language": options.language,
        "model": options.model,
        "reading": [list(pair) for pair in options.reading],
    }
    if fmt in ("md", "html", "pdf"):
        parts["report_language"] = options.report_language
    if fmt in ("html", "pdf"):
        parts["css"] = [_file_hash(path) for path in options.css]
        parts["templates"] = _folder_hash(options.template_dir) if options.template_dir else None
    if fmt == "pdf":
        parts["paper"] = options.paper.casefold()
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stale_formats(
    article: Path,
    out_dir: Path,
    outputs: Mapping[str, str],
    entry: object,
    keys: Mapping[str, str],
    inputs_newest: float,
) -> tuple[str, ...]:
    """Return the formats whose output must be (re)written."""
    if not isinstance(entry, Mapping):
        return tuple(outputs)
    try:
        article_time = article.stat().st_mtime
        sha = _file_hash(article)
    except OSError:
        return tuple(outputs)  # the worker will say what is wrong with it
    if entry.get("sha256") != sha:
        return tuple(outputs)
    recorded = entry.get("outputs")
    recorded = recorded if isinstance(recorded, Mapping) else {}
    stale = []
    for fmt, file_name in outputs.items():
        known = recorded.get(fmt)
        try:
            written = (out_dir / file_name).stat().st_mtime
        except OSError:
            written = None
        if (
            written is None
            or written < max(article_time, inputs_newest)
            or not isinstance(known, Mapping)
            or known.get("options") != keys[fmt]
            or known.get("file") != file_name
        ):
            stale.append(fmt)
    return tuple(stale)


def _newest_mtime(paths: Sequence[Path]) -> float:
    times = []
    for path in paths:
        try:
            times.append(Path(path).stat().st_mtime)
        except OSError:
            continue
    return max(times, default=0.0)


def _file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _folder_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load_manifest(out_dir: Path) -> dict[str, Any]:
    """Return the folder's manifest, or a fresh one when it is missing, unreadable or old."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("manifest_version") != MANIFEST_VERSION:
        return {"manifest_version": MANIFEST_VERSION, "articles": {}}
    if not isinstance(data.get("articles"), dict):
        data["articles"] = {}
    return data


# ---------------------------------------------------------------------------------------------
# Briefing articles: in this process (--jobs 1) or in worker processes

_WORKER: dict[str, Any] = {}


def _brief_all(
    tasks: Sequence[_Task], out_dir: Path, options: BatchOptions, jobs: int, table: FactTable
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
    from briefing.resources import bundled_facts

    _WORKER["out_dir"] = out_dir
    _WORKER["options"] = options
    _WORKER["table"] = table or load_fact_tables(list(options.facts) or [bundled_facts()])
    for language in (options.language,) if options.language else ("ar", "en"):
        # A model that does not fit the language: each article in it will say so.
        with contextlib.suppress(BriefingError):
            load_pipeline(language, options.model)


def _brief(task: _Task) -> ArticleResult:
    """Brief one article and write its outputs; a failure becomes the result's error."""
    from briefing.pipeline import make_briefing, render

    out_dir: Path = _WORKER["out_dir"]
    options: BatchOptions = _WORKER["options"]
    outputs = {fmt: output_file(task.name, fmt) for fmt in options.formats}
    try:
        briefing = make_briefing(
            task.source,
            table=_WORKER["table"],
            published=options.published,
            language=options.language,
            model=options.model,
            **dict(options.reading),
        )
        for fmt in task.formats:
            data = render(
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


def digest(briefing: Mapping[str, Any]) -> dict[str, Any]:
    """Return the part of a briefing that the summaries need: article, counts and claims."""
    article = briefing.get("article")
    article = article if isinstance(article, Mapping) else {}
    claims = []
    for claim in claims_of(briefing):
        speaker = claim.get("speaker")
        claims.append(
            {
                "id": claim.get("id"),
                "text": claim.get("text"),
                "kind": claim.get("kind"),
                "speaker": dict(speaker) if isinstance(speaker, Mapping) else None,
                "verdict": claim.get("verdict"),
                "evidence": [
                    {key: e.get(key) for key in _EVIDENCE_KEYS}
                    for e in claim.get("evidence") or ()
                    if isinstance(e, Mapping)
                ],
            }
        )
    keys = ("title", "language", "published", "source", "sha256", "outlet", "url")
    return {
        "article": {key: article.get(key) for key in keys},
        "summary": _counts(claims),
        "claims": claims,
    }


_EVIDENCE_KEYS = ("fact_id", "relation", "attribute", "claim_value", "fact_value", "reason")


def _counts(claims: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["claims"] = len(claims)
    for claim in claims:
        verdict = claim.get("verdict")
        counts[verdict if verdict in SEVERITY else "unverified"] += 1
    return counts


def _with_source(digest_: Mapping[str, Any], source: str) -> dict[str, Any]:
    """Return a recorded digest naming the article as this run found it."""
    article = dict(digest_.get("article") or {})
    article["source"] = source
    return {**digest_, "article": article}


# ---------------------------------------------------------------------------------------------
# Summaries


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


def summary(report: BatchReport) -> dict[str, Any]:
    """Return the batch summary: options, totals and every article (the same run, same dict)."""
    options = report.options
    articles = []
    totals = dict.fromkeys(("articles", "briefed", "failed", *COUNT_KEYS), 0)
    totals["articles"] = len(report.results)
    for result in report.results:
        if result.digest is None:
            totals["failed"] += 1
            articles.append({"source": result.source, "status": "failed", "error": result.error})
            continue
        totals["briefed"] += 1
        article = result.digest["article"]
        counts = result.digest["summary"]
        for key in COUNT_KEYS:
            totals[key] += counts.get(key, 0)
        entry = {
            "source": result.source,
            "status": "briefed",
            "title": article.get("title"),
            "language": article.get("language"),
            "published": article.get("published"),
            "sha256": article.get("sha256"),
            "outputs": dict(result.outputs),
            "summary": dict(counts),
        }
        if options.fail_on != "never":
            entry["tripped"] = len(tripping(result.digest, options.fail_on))
        articles.append(entry)
    if options.fail_on != "never":
        totals["tripped"] = report.tripped
    return {
        "generator": {"name": "briefing", "version": __version__},
        "options": {
            "formats": list(options.formats),
            "facts": [str(path) for path in options.facts],
            "published": options.published.isoformat() if options.published else None,
            "language": options.language,
            "report_language": options.report_language,
            "model": options.model,
            "fail_on": options.fail_on,
        },
        "totals": totals,
        "articles": articles,
    }


def summary_json(report: BatchReport) -> str:
    """Return summary.json's text."""
    return json.dumps(summary(report), ensure_ascii=False, indent=2) + "\n"


def summary_markdown(report: BatchReport) -> str:
    """Return summary.md: GitHub-flavoured Markdown for a CI job summary, under 1 MiB."""
    from briefing.render import md_inline

    data = summary(report)
    totals = data["totals"]
    lines = [
        f"# Briefing batch: {totals['articles']} article{'s' if totals['articles'] != 1 else ''}",
        "",
        f"**Briefed:** {totals['briefed']} · **Failed:** {totals['failed']} · "
        f"**Claims:** {totals['claims']} ({totals['contradicted']} contradicted, "
        f"{totals['supported']} supported, {totals['unverified']} unverified)",
        "",
    ]
    if "tripped" in totals:
        lines += [
            f"**--fail-on {report.options.fail_on}:** {totals['tripped']} claim"
            f"{'' if totals['tripped'] == 1 else 's'}",
            "",
        ]
    tail: list[str] = []
    failed = [a for a in data["articles"] if a["status"] == "failed"]
    if failed:
        tail += ["## Failed", ""]
        tail += [f"- {md_inline(a['error'])}" for a in failed]
        tail.append("")
    briefed = [a for a in data["articles"] if a["status"] == "briefed"]
    body: list[str] = []
    if briefed:
        body += [
            "## Articles",
            "",
            "| Article | Source | Claims | Contradicted | Supported | Unverified | Briefing |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- |",
        ]
        for a in briefed:
            counts = a["summary"]
            files = ", ".join(f"`{_md_code(name)}`" for name in a["outputs"].values())
            body.append(
                f"| {md_inline(_short(a['title'] or a['source'], 90))} "
                f"| `{_md_code(a['source'])}` | "
                + " | ".join(str(counts[key]) for key in COUNT_KEYS)
                + f" | {files} |"
            )
        body.append("")
    contradicted = [
        (result.source, claim)
        for result in report.results
        if result.digest is not None
        for claim in result.digest["claims"]
        if claim.get("verdict") == "contradicted"
    ]
    if contradicted:
        body += ["## Contradicted claims", ""]
        for source, claim in contradicted:
            reasons = [
                str(e.get("reason"))
                for e in claim.get("evidence") or ()
                if e.get("relation") == "contradicts" and e.get("reason")
            ]
            body.append(
                f"- `{_md_code(source)}` **{md_inline(claim.get('id'))}** "
                f"{md_inline(_short(str(claim.get('text') or ''), MARKDOWN_CLAIM))}"
                + (f" — {md_inline('; '.join(dict.fromkeys(reasons)))}" if reasons else "")
            )
        body.append("")
    # Whatever happens, the totals and the failures fit; the tables stop when the budget ends.
    used = len("\n".join(lines + tail).encode("utf-8")) + 200
    kept: list[str] = []
    for index, line in enumerate(body):
        size = len(line.encode("utf-8")) + 1
        if used + size > MARKDOWN_BUDGET:
            kept += ["", f"*… {len(body) - index} more lines: see summary.json.*", ""]
            break
        kept.append(line)
        used += size
    return "\n".join(lines + kept + tail).rstrip("\n") + "\n"


def index_html(report: BatchReport) -> str:
    """Return index.html: links to every briefing, verdict counts and the failures."""
    import jinja2

    from briefing.render import template_environment
    from briefing.resources import asset_dir

    data = summary(report)
    preferred = ("html", "pdf", "md", "json", "claimreview")
    rows = []
    for article in data["articles"]:
        if article["status"] != "briefed":
            continue
        outputs = article["outputs"]
        links = [
            {"format": fmt, "href": quote(outputs[fmt])} for fmt in preferred if fmt in outputs
        ]
        rows.append(article | {"links": links, "main": links[0]["href"] if links else None})
    # Autoescaped: titles and paths come from the articles.
    environment = template_environment(jinja2.FileSystemLoader(asset_dir("templates")))
    return environment.get_template("batch-index.html.j2").render(
        totals=data["totals"],
        options=data["options"],
        generator=data["generator"],
        articles=rows,
        failures=[a for a in data["articles"] if a["status"] == "failed"],
    )


def _md_code(value: str) -> str:
    """Return text safe inside `code` in a table cell: no backticks, no pipes, one line."""
    return " ".join(value.split()).replace("`", "'").replace("|", "\\|")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
