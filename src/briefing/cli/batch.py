"""`briefing batch`: many articles into one folder, with an index, summaries and JUnit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from briefing.cli.app import app, guard
from briefing.cli.options import (
    CssOption,
    EncodingOption,
    FactsOption,
    FailOnOption,
    LanguageOption,
    MaxBytesOption,
    ModelOption,
    PaperOption,
    PublishedOption,
    ReportLanguageOption,
    TemplateDirOption,
)
from briefing.errors import ExitStatus, UsageError
from briefing.vocab import FailOn, Format, Paper

InputsArgument = Annotated[
    list[str],
    typer.Argument(help="Articles, folders (searched for *.txt *.md *.html *.htm) or globs."),
]
OutDirOption = Annotated[
    Path, typer.Option("--out-dir", help="Where the briefings and the summaries go.")
]
FormatsOption = Annotated[
    str, typer.Option("--formats", help="Comma-separated: pdf, html, json, md, claimreview.")
]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", help="Worker processes (default: by CPUs and articles; 1: none)."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print errors only: no progress, no totals.")
]


@app.command()
def batch(
    inputs: InputsArgument,
    out_dir: OutDirOption,
    formats: FormatsOption = "pdf,html,json",
    jobs: JobsOption = None,
    facts: FactsOption = None,
    fail_on: FailOnOption = FailOn.NEVER,
    quiet: QuietOption = False,
    published: PublishedOption = None,
    language: LanguageOption = None,
    report_language: ReportLanguageOption = None,
    paper: PaperOption = Paper.A4,
    model: ModelOption = None,
    template_dir: TemplateDirOption = None,
    css: CssOption = None,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = "5MB",
) -> None:
    """Brief many articles into one folder, with index.html, summaries and junit.xml."""

    def run() -> Any:
        from briefing.batch import BatchOptions, run_batch
        from briefing.cli.generate import reading_options

        reading = reading_options(published, encoding, max_bytes)
        options = BatchOptions(
            formats=_formats(formats),
            facts=tuple(facts or ()),
            published=reading.pop("published"),
            language=language,
            model=model,
            report_language=report_language,
            paper=paper,
            template_dir=template_dir,
            css=tuple(css or ()),
            fail_on=fail_on,
            reading=tuple(sorted(reading.items())),
        )
        progress = BatchProgress(quiet=quiet, bar=sys.stderr.isatty())
        try:
            return run_batch(inputs, out_dir, options, jobs=jobs, progress=progress)
        finally:
            progress.close()

    report = guard(run)
    if not quiet:
        _totals(report, fail_on)
    if report.failed:
        raise typer.Exit(int(ExitStatus.BATCH))
    if report.tripped:
        raise typer.Exit(int(ExitStatus.CLAIMS))


def _formats(text: str) -> tuple[Format, ...]:
    """Return the formats a comma-separated list names, each once, in order."""
    chosen = []
    for word in dict.fromkeys(f.strip() for f in text.split(",") if f.strip()):
        try:
            chosen.append(Format(word))
        except ValueError:
            raise UsageError(
                f"--formats: {word!r} is not one of {', '.join(Format.values())}"
            ) from None
    return tuple(chosen)


def _totals(report: Any, fail_on: FailOn) -> None:
    """Print how many articles were briefed and failed, and why the gate tripped."""
    from briefing.report.gate import gate_message, tripping

    briefed = len(report.briefed)
    fresh = sum(1 for r in report.briefed if r.up_to_date)
    total = len(report.results)
    typer.echo(
        f"briefing: {total} article{'' if total == 1 else 's'}: {briefed} briefed"
        f" ({fresh} up to date), {len(report.failed)} failed;"
        f" see {report.summaries['index.html']}",
        err=True,
    )
    if report.tripped:
        articles = sum(1 for r in report.briefed if r.digest and tripping(r.digest, fail_on))
        typer.echo(
            f"briefing: {gate_message(report.tripped, fail_on, articles=articles)}", err=True
        )


class BatchProgress:
    """Prints a batch's progress: a bar on a terminal, one line per article otherwise (CI).

    An article that fails is always one line, `PATH: reason`, even with --quiet.
    """

    WIDTH = 28

    def __init__(self, *, quiet: bool, bar: bool) -> None:
        self.quiet = quiet
        self.bar = bar and not quiet
        self.drawn = False

    def __call__(self, result: Any, done: int, total: int) -> None:
        if not result.ok:
            self._clear()
            typer.echo(result.error, err=True)
        if self.bar:
            filled = self.WIDTH * done // max(total, 1)
            name = result.source if len(result.source) <= 40 else "…" + result.source[-39:]
            line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} {name}"
            sys.stderr.write("\r" + line + "\x1b[K")
            sys.stderr.flush()
            self.drawn = True
        elif not self.quiet and result.ok:
            if result.up_to_date:
                what = "up to date"
            else:
                counts = result.digest.summary
                claims = counts.claims
                what = (
                    f"{result.name}.briefing.* ({claims} claim{'' if claims == 1 else 's'}, "
                    f"{counts.contradicted} contradicted)"
                )
            typer.echo(f"[{done}/{total}] {result.source}: {what}", err=True)

    def _clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.drawn = False
