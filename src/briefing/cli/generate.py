"""`briefing generate` and `briefing facts check`: one article in, one briefing out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer

from briefing.cli.app import app, facts_app, guard
from briefing.cli.options import (
    CssOption,
    EncodingOption,
    FactsOption,
    FailOnOption,
    FormatOption,
    LanguageOption,
    MaxBytesOption,
    ModelOption,
    PaperOption,
    PublishedOption,
    QuietOption,
    ReportLanguageOption,
    TemplateDirOption,
)
from briefing.errors import ExitStatus, UsageError
from briefing.vocab import FailOn, Format, Paper

ArticleArgument = Annotated[
    str,
    typer.Argument(help="The article: a .txt, .md or .html file, an http(s) URL, or - for stdin."),
]
OutOption = Annotated[
    str | None,
    typer.Option("--out", help="Where to write; - for stdout (default: NAME.briefing.EXT)."),
]
JunitOption = Annotated[
    Path | None,
    typer.Option("--junit", help="Also write a JUnit XML report of the claims here."),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for an article given as a URL.")
]


@app.command()
def generate(
    article: ArticleArgument,
    facts: FactsOption = None,
    fmt: FormatOption = None,
    out: OutOption = None,
    junit: JunitOption = None,
    fail_on: FailOnOption = FailOn.NEVER,
    quiet: QuietOption = False,
    published: PublishedOption = None,
    language: LanguageOption = None,
    model: ModelOption = None,
    paper: PaperOption = Paper.A4,
    template_dir: TemplateDirOption = None,
    css: CssOption = None,
    report_language: ReportLanguageOption = None,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = "5MB",
    timeout: TimeoutOption = 20.0,
) -> None:
    """Write a briefing of ARTICLE as PDF, HTML, JSON, Markdown or ClaimReview JSON-LD."""

    def run() -> int:
        from briefing import api
        from briefing.report.gate import gate_message, tripping

        fmt_ = output_format(fmt, out)
        target = output_target(article, out, fmt_)
        if junit is not None and (
            str(junit) == "-" or (target != "-" and junit.resolve() == Path(target).resolve())
        ):
            raise UsageError(f"--junit: {junit} must be a file other than the briefing's")
        reading = reading_options(published, encoding, max_bytes, timeout)
        table = api.load_facts(facts or [])
        briefing = api.brief_article(
            api.read_article(article, language=language, **reading), table, model=model
        )
        data = api.render(
            briefing,
            fmt_,
            paper=paper,
            template_dir=template_dir,
            css=tuple(css or ()),
            report_language=report_language,
        )
        write(target, data)
        if junit is not None:
            from briefing.renderers.junit import junit_for_briefing

            write(str(junit), junit_for_briefing(briefing))
        tripped = len(tripping(briefing, fail_on))
        if tripped and not quiet:
            typer.echo(f"briefing: {gate_message(tripped, fail_on)}", err=True)
        return tripped

    if guard(run):
        raise typer.Exit(int(ExitStatus.CLAIMS))


@facts_app.command("check")
def facts_check(
    path: Annotated[Path, typer.Argument(help="The fact table to check.")],
) -> None:
    """Check a fact table: every problem as PATH:LINE: problem, or a one-line summary."""

    def run() -> None:
        from briefing.facts import load_fact_tables, summarise

        table = load_fact_tables([path])
        typer.echo(summarise(table))

    guard(run)


def reading_options(
    published: str | None, encoding: str | None, max_bytes: str, timeout: float | None = None
) -> dict[str, Any]:
    """Return how articles are to be read, from the options' text, or raise UsageError."""
    from briefing.read import check_encoding, parse_date_option, parse_size_option

    reading: dict[str, Any] = {
        "published": parse_date_option(published) if published else None,
        "max_bytes": parse_size_option(max_bytes),
    }
    if encoding is not None:
        check_encoding(encoding)
        reading["encoding"] = encoding
    if timeout is not None:
        if not timeout > 0:
            raise UsageError(f"--timeout: {timeout:g} is not a number of seconds above 0")
        reading["timeout"] = timeout
    return reading


def output_format(fmt: Format | None, out: str | None) -> Format:
    """Return the format asked for, else the one `--out`'s suffix names, else PDF."""
    from briefing.renderers import FORMATS, format_of_suffix

    if fmt is not None:
        return fmt
    if out and out != "-":
        found = format_of_suffix(Path(out).suffix)
        if found is None:
            raise UsageError(
                f"--out: cannot tell the format from {out!r}; add --format ({', '.join(FORMATS)})"
            )
        return found
    return Format.PDF


def output_target(article: str, out: str | None, fmt: Format) -> str:
    """Return where the briefing goes: `--out`, else next to the article (a URL's in the
    current folder), else stdout for an article read from stdin."""
    from briefing.renderers import FORMATS

    if out == "-":
        return "-"
    if out is None:
        if article == "-":
            return "-"
        suffix = FORMATS[fmt].suffix
        if "://" in article:  # a URL: the briefing lands in the current folder
            return f"{_url_stem(article)}.briefing.{suffix}"
        src = Path(article)
        stem = src.name.split(".")[0] if src.name else "article"
        return str(src.with_name(f"{stem}.briefing.{suffix}"))
    is_path = article != "-" and "://" not in article
    if is_path and Path(out).resolve() == Path(article).resolve():
        raise UsageError(f"--out: {out} is the article itself; choose another path")
    return out


def _url_stem(url: str) -> str:
    """Return a file name stem for an article fetched from `url`: its last path segment's."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    stem = segments[-1].split(".")[0] if segments else (parts.hostname or "")
    return re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "article"


def write(target: str, data: str | bytes) -> None:
    """Write the briefing whole or not at all: a temporary file renamed into place."""
    from briefing.output import write_atomic

    write_atomic(target, data)
