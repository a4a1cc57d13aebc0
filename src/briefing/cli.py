"""The command line: options in, one call to a plain function, output out.

This is the only module that prints, and the one place that turns errors into exit codes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from briefing import __version__
from briefing.errors import BriefingError, ExitStatus, OutputError, UsageError

app = typer.Typer(
    name="briefing",
    help="Turn a news article (Arabic or English) into a fact-check briefing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
facts_app = typer.Typer(help="Work with fact tables.", no_args_is_help=True)
app.add_typer(facts_app, name="facts")

FORMATS = ("pdf", "html", "json", "md")
REPORT_LANGUAGES = ("ar", "en")  # the catalogues under src/briefing/locale
_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".json": "json", ".md": "md"}
T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Turn a news article (Arabic or English) into a fact-check briefing."""


def _guard(fn: Callable[[], T]) -> T:
    """Run `fn`; a user's mistake becomes one line on stderr and its documented exit code."""
    try:
        return fn()
    except BriefingError as e:
        problems = getattr(e, "problems", None)
        # A fact table's problems are PATH:LINE: lines that editors can jump to, as they are.
        for line in problems or [f"briefing: {e}"]:
            typer.echo(line, err=True)
        raise typer.Exit(int(e.status)) from None


@app.command()
def generate(
    article: Annotated[
        str, typer.Argument(help="The article: a .txt or .md file, or - for stdin.")
    ],
    facts: Annotated[
        list[Path] | None,
        typer.Option("--facts", help="A fact table (YAML or JSON); repeat to merge several."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="pdf, html, json or md (default: from --out, else pdf)."),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option("--out", help="Where to write; - for stdout (default: NAME.briefing.EXT)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date YYYY-MM-DD (beats front matter)."),
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="ar or en (default: detected).")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="An installed spaCy pipeline to use instead of ours."),
    ] = None,
    paper: Annotated[str, typer.Option("--paper", help="PDF paper size: A4 or letter.")] = "A4",
    template_dir: Annotated[
        Path | None, typer.Option("--template-dir", help="Templates that override ours by name.")
    ] = None,
    css: Annotated[
        list[Path] | None, typer.Option("--css", help="A stylesheet to add; repeatable.")
    ] = None,
    report_language: Annotated[
        str | None,
        typer.Option(
            "--report-language",
            help="Language of the report's labels: ar or en (default: the article's).",
        ),
    ] = None,
) -> None:
    """Write a briefing of ARTICLE as PDF, HTML, JSON or Markdown."""

    def run() -> None:
        from briefing.articles import parse_date_option
        from briefing.pipeline import make_briefing, render

        fmt_ = _format(fmt, out)
        target = _target(article, out, fmt_)
        day = parse_date_option(published) if published else None
        if paper.casefold() not in ("a4", "letter"):
            raise UsageError(f"--paper: {paper!r} is not A4 or letter")
        if report_language is not None and report_language not in REPORT_LANGUAGES:
            choices = " or ".join(REPORT_LANGUAGES)
            raise UsageError(f"--report-language: {report_language!r} is not {choices}")
        briefing = make_briefing(
            article, facts=facts or [], published=day, language=language, model=model
        )
        data = render(
            briefing,
            fmt_,
            paper=paper,
            template_dir=template_dir,
            css=tuple(css or ()),
            report_language=report_language,
        )
        _write(target, data)

    _guard(run)


@facts_app.command("check")
def facts_check(
    path: Annotated[Path, typer.Argument(help="The fact table to check.")],
) -> None:
    """Check a fact table: every problem as PATH:LINE: problem, or a one-line summary."""

    def run() -> None:
        from briefing.facts import load_fact_tables, summarise

        table = load_fact_tables([path])
        typer.echo(summarise(table))

    _guard(run)


def _format(fmt: str | None, out: str | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
        return fmt
    if out and out != "-":
        suffix = Path(out).suffix.casefold()
        if suffix not in _SUFFIXES:
            raise UsageError(
                f"--out: cannot tell the format from {out!r}; add --format ({', '.join(FORMATS)})"
            )
        return _SUFFIXES[suffix]
    return "pdf"


def _target(article: str, out: str | None, fmt: str) -> str:
    if out == "-":
        return "-"
    if out is None:
        if article == "-":
            return "-"
        src = Path(article)
        stem = src.name.split(".")[0] if src.name else "article"
        return str(src.with_name(f"{stem}.briefing.{fmt}"))
    if article != "-" and Path(out).resolve() == Path(article).resolve():
        raise UsageError(f"--out: {out} is the article itself; choose another path")
    return out


def _write(target: str, data: str | bytes) -> None:
    """Write the briefing whole or not at all: a temporary file renamed into place."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
            # mkstemp makes the file private; give it the mode a plain write would have.
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise OutputError(f"{target}: cannot write ({e.strerror})") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def main(argv: list[str] | None = None) -> Any:
    """Run the command line (the console script's entry point)."""
    try:
        return app(args=argv, prog_name="briefing")
    except KeyboardInterrupt:
        sys.stderr.write("briefing: interrupted\n")
        raise SystemExit(int(ExitStatus.ERROR)) from None
