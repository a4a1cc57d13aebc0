"""The command line: options in, one call to a plain function, output out.

This is the only module that prints, and the one place that turns errors into exit codes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from briefing import __version__
from briefing.errors import BriefingError, ExitStatus, UsageError

app = typer.Typer(
    name="briefing",
    help="Turn a news article (Arabic or English) into a fact-check briefing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
facts_app = typer.Typer(help="Work with fact tables.", no_args_is_help=True)
app.add_typer(facts_app, name="facts")

FORMATS = ("pdf", "html", "json", "md", "claimreview")
FAIL_ON = ("contradicted", "unverified", "never")
REPORT_LANGUAGES = ("ar", "en")  # the catalogues under src/briefing/locale
_SUFFIXES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".md": "md",
    ".jsonld": "claimreview",
}
T = TypeVar("T")

# Options that several commands share, written once.
FactsOption = Annotated[
    list[Path] | None,
    typer.Option("--facts", help="A fact table (YAML or JSON); repeat to merge several."),
]
FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        help="Exit 7 when claims are contradicted, unverified (or worse), or never.",
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD (beats front matter)."),
]
LanguageOption = Annotated[
    str | None, typer.Option("--language", help="ar or en (default: detected).")
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="An installed spaCy pipeline to use instead of ours."),
]
PaperOption = Annotated[str, typer.Option("--paper", help="PDF paper size: A4 or letter.")]
TemplateDirOption = Annotated[
    Path | None, typer.Option("--template-dir", help="Templates that override ours by name.")
]
CssOption = Annotated[
    list[Path] | None, typer.Option("--css", help="A stylesheet to add; repeatable.")
]
ReportLanguageOption = Annotated[
    str | None,
    typer.Option(
        "--report-language",
        help="Language of the report's labels: ar or en (default: the article's).",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding", help="The article's encoding, e.g. windows-1256 (default: detected)."
    ),
]
MaxBytesOption = Annotated[
    str,
    typer.Option("--max-bytes", help="Refuse larger articles (bytes, or e.g. 500KB, 5MB)."),
]


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
        str,
        typer.Argument(
            help="The article: a .txt, .md or .html file, an http(s) URL, or - for stdin."
        ),
    ],
    facts: FactsOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="pdf, html, json, md or claimreview (default: from --out, else pdf).",
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option("--out", help="Where to write; - for stdout (default: NAME.briefing.EXT)."),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", help="Also write a JUnit XML report of the claims here."),
    ] = None,
    fail_on: FailOnOption = "never",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print errors only (not the --fail-on line).")
    ] = False,
    published: PublishedOption = None,
    language: LanguageOption = None,
    model: ModelOption = None,
    paper: PaperOption = "A4",
    template_dir: TemplateDirOption = None,
    css: CssOption = None,
    report_language: ReportLanguageOption = None,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = "5MB",
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for an article given as a URL.")
    ] = 20.0,
) -> None:
    """Write a briefing of ARTICLE as PDF, HTML, JSON, Markdown or ClaimReview JSON-LD."""

    def run() -> int:
        from briefing.pipeline import make_briefing, render
        from briefing.read import check_encoding, parse_date_option, parse_size_option

        fmt_ = _format(fmt, out)
        target = _target(article, out, fmt_)
        _check_fail_on(fail_on)
        if junit is not None and (
            str(junit) == "-" or (target != "-" and junit.resolve() == Path(target).resolve())
        ):
            raise UsageError(f"--junit: {junit} must be a file other than the briefing's")
        day = parse_date_option(published) if published else None
        if paper.casefold() not in ("a4", "letter"):
            raise UsageError(f"--paper: {paper!r} is not A4 or letter")
        if report_language is not None and report_language not in REPORT_LANGUAGES:
            choices = " or ".join(REPORT_LANGUAGES)
            raise UsageError(f"--report-language: {report_language!r} is not {choices}")
        size = parse_size_option(max_bytes)
        if encoding is not None:
            check_encoding(encoding)
        if not timeout > 0:
            raise UsageError(f"--timeout: {timeout:g} is not a number of seconds above 0")
        briefing = make_briefing(
            article,
            facts=facts or [],
            published=day,
            language=language,
            model=model,
            encoding=encoding,
            max_bytes=size,
            timeout=timeout,
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
        if junit is not None:
            from briefing.deliver.junit import junit_for_briefing

            _write(str(junit), junit_for_briefing(briefing))
        from briefing.deliver.verdicts import gate_message, tripping

        tripped = len(tripping(briefing, fail_on))
        if tripped and not quiet:
            typer.echo(f"briefing: {gate_message(tripped, fail_on)}", err=True)
        return tripped

    if _guard(run):
        raise typer.Exit(int(ExitStatus.CLAIMS))


@app.command()
def email(
    article: Annotated[
        str, typer.Argument(help="The article: a file, an http(s) URL, or - for stdin.")
    ],
    to: Annotated[
        list[str] | None, typer.Option("--to", help="A recipient's address; repeat for more.")
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option("--from", help="The sender's address (or BRIEFING_MAIL_FROM, or config)."),
    ] = None,
    subject: Annotated[
        str | None,
        typer.Option("--subject", help="The subject (default: the title and verdict counts)."),
    ] = None,
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Do not attach the PDF.")] = False,
    eml: Annotated[
        str | None,
        typer.Option("--eml", help="Write the message to this file (- for stdout); send nothing."),
    ] = None,
    facts: FactsOption = None,
    published: PublishedOption = None,
    language: LanguageOption = None,
    model: ModelOption = None,
    report_language: ReportLanguageOption = None,
    paper: PaperOption = "A4",
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="TOML file with an [smtp] table (default: $XDG_CONFIG_HOME/briefing/config.toml).",
        ),
    ] = None,
    smtp_host: Annotated[
        str | None, typer.Option("--smtp-host", help="SMTP server (default: localhost).")
    ] = None,
    smtp_port: Annotated[
        int | None,
        typer.Option("--smtp-port", help="SMTP port (default: 25, 587 --starttls, 465 --ssl)."),
    ] = None,
    starttls: Annotated[
        bool, typer.Option("--starttls", help="Upgrade the connection with STARTTLS.")
    ] = False,
    use_ssl: Annotated[
        bool, typer.Option("--ssl", help="Connect with TLS from the start (SMTPS).")
    ] = False,
    smtp_user: Annotated[
        str | None, typer.Option("--smtp-user", help="Log in as this user.")
    ] = None,
    smtp_password_file: Annotated[
        Path | None,
        typer.Option(
            "--smtp-password-file",
            help="File holding the password (else BRIEFING_SMTP_PASSWORD; never an option).",
        ),
    ] = None,
    smtp_ca_file: Annotated[
        Path | None,
        typer.Option("--smtp-ca-file", help="CA certificates to trust instead of the system's."),
    ] = None,
    smtp_timeout: Annotated[
        float | None, typer.Option("--smtp-timeout", help="Seconds to wait for the server.")
    ] = None,
) -> None:
    """Email a briefing of ARTICLE: text and HTML, the PDF attached; or write it with --eml."""

    def run() -> None:
        from briefing.deliver import mail
        from briefing.deliver.settings import resolve
        from briefing.pipeline import make_briefing, render
        from briefing.read import parse_date_option

        # Everything that could put a header in the wrong place is refused before any work.
        if not to:
            raise UsageError("--to: give at least one recipient")
        recipients = [mail.check_address(address, "--to") for address in to]
        if subject is not None:
            mail.check_subject(subject)
        if starttls and use_ssl:
            raise UsageError("--starttls and --ssl: choose one")
        settings = resolve(
            {
                "host": smtp_host,
                "port": smtp_port,
                "security": "starttls" if starttls else "ssl" if use_ssl else None,
                "user": smtp_user,
                "password_file": smtp_password_file,
                "ca_file": smtp_ca_file,
                "sender": sender,
                "timeout": smtp_timeout,
            },
            config=config,
            need_password=eml is None,
        )
        if settings.sender is None:
            raise UsageError("--from: give the sender's address (or set BRIEFING_MAIL_FROM)")
        from_address = mail.check_address(settings.sender, "--from")
        day = parse_date_option(published) if published else None
        if paper.casefold() not in ("a4", "letter"):
            raise UsageError(f"--paper: {paper!r} is not A4 or letter")
        if report_language is not None and report_language not in REPORT_LANGUAGES:
            choices = " or ".join(REPORT_LANGUAGES)
            raise UsageError(f"--report-language: {report_language!r} is not {choices}")
        local = eml not in (None, "-") and "://" not in article and article != "-"
        if local and Path(str(eml)).resolve() == Path(article).resolve():
            raise UsageError(f"--eml: {eml} is the article itself; choose another path")
        briefing = make_briefing(
            article, facts=facts or [], published=day, language=language, model=model
        )
        pdf = None
        if not no_pdf:
            data = render(briefing, "pdf", paper=paper, report_language=report_language)
            pdf = data if isinstance(data, bytes) else data.encode("utf-8")
        target = _target(article, None, "pdf")
        message = mail.build_message(
            briefing,
            sender=from_address,
            to=recipients,
            subject=subject,
            report_language=report_language,
            pdf=pdf,
            pdf_name="briefing.pdf" if target == "-" else Path(target).name,
        )
        if eml is not None:
            _write(eml, message.as_bytes())
            return
        sent = mail.send(message, settings)
        typer.echo(f"briefing: sent to {', '.join(sent)} via {settings.server}", err=True)

    _guard(run)


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Articles, folders (searched for *.txt *.md *.html *.htm) or globs."),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out-dir", help="Where the briefings and the summaries go.")
    ],
    formats: Annotated[
        str,
        typer.Option("--formats", help="Comma-separated: pdf, html, json, md, claimreview."),
    ] = "pdf,html,json",
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", help="Worker processes (default: by CPUs and articles; 1: none)."
        ),
    ] = None,
    facts: FactsOption = None,
    fail_on: FailOnOption = "never",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print errors only: no progress, no totals.")
    ] = False,
    published: PublishedOption = None,
    language: LanguageOption = None,
    report_language: ReportLanguageOption = None,
    paper: PaperOption = "A4",
    model: ModelOption = None,
    template_dir: TemplateDirOption = None,
    css: CssOption = None,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = "5MB",
) -> None:
    """Brief many articles into one folder, with index.html, summaries and junit.xml."""

    def run() -> Any:
        from briefing.batch import BatchOptions, run_batch
        from briefing.read import check_encoding, parse_date_option, parse_size_option

        _check_fail_on(fail_on)
        reading: dict[str, Any] = {"max_bytes": parse_size_option(max_bytes)}
        if encoding is not None:
            check_encoding(encoding)
            reading["encoding"] = encoding
        if paper.casefold() not in ("a4", "letter"):
            raise UsageError(f"--paper: {paper!r} is not A4 or letter")
        if report_language is not None and report_language not in REPORT_LANGUAGES:
            choices = " or ".join(REPORT_LANGUAGES)
            raise UsageError(f"--report-language: {report_language!r} is not {choices}")
        chosen = tuple(dict.fromkeys(f.strip() for f in formats.split(",") if f.strip()))
        options = BatchOptions(
            formats=chosen,
            facts=tuple(facts or ()),
            published=parse_date_option(published) if published else None,
            language=language,
            model=model,
            report_language=report_language,
            paper=paper,
            template_dir=template_dir,
            css=tuple(css or ()),
            fail_on=fail_on,
            reading=tuple(sorted(reading.items())),
        )
        progress = _BatchProgress(quiet=quiet, bar=sys.stderr.isatty())
        try:
            return run_batch(inputs, out_dir, options, jobs=jobs, progress=progress)
        finally:
            progress.close()

    report = _guard(run)
    failed = len(report.failed)
    if not quiet:
        briefed = len(report.briefed)
        fresh = sum(1 for r in report.briefed if r.up_to_date)
        total = len(report.results)
        typer.echo(
            f"briefing: {total} article{'' if total == 1 else 's'}: {briefed} briefed"
            f" ({fresh} up to date), {failed} failed; see {report.summaries['index.html']}",
            err=True,
        )
        if report.tripped:
            from briefing.deliver.verdicts import gate_message

            articles = sum(1 for r in report.briefed if r.digest and _trips(r.digest, fail_on))
            typer.echo(
                f"briefing: {gate_message(report.tripped, fail_on, articles=articles)}", err=True
            )
    if failed:
        raise typer.Exit(int(ExitStatus.BATCH))
    if report.tripped:
        raise typer.Exit(int(ExitStatus.CLAIMS))


def _trips(digest: Any, fail_on: str) -> bool:
    from briefing.deliver.verdicts import tripping

    return bool(tripping(digest, fail_on))


class _BatchProgress:
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
                counts = result.digest["summary"]
                claims = counts["claims"]
                what = (
                    f"{result.name}.briefing.* ({claims} claim{'' if claims == 1 else 's'}, "
                    f"{counts['contradicted']} contradicted)"
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


def _check_fail_on(value: str) -> None:
    if value not in FAIL_ON:
        raise UsageError(f"--fail-on: {value!r} is not one of {', '.join(FAIL_ON)}")


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
        from briefing.output import EXTENSIONS

        if "://" in article:  # a URL: the briefing lands in the current folder
            return f"{_url_stem(article)}.briefing.{EXTENSIONS.get(fmt, fmt)}"
        src = Path(article)
        stem = src.name.split(".")[0] if src.name else "article"
        return str(src.with_name(f"{stem}.briefing.{EXTENSIONS.get(fmt, fmt)}"))
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


def _write(target: str, data: str | bytes) -> None:
    """Write the briefing whole or not at all: a temporary file renamed into place."""
    from briefing.output import write_atomic

    write_atomic(target, data)


def main(argv: list[str] | None = None) -> Any:
    """Run the command line (the console script's entry point)."""
    try:
        return app(args=argv, prog_name="briefing")
    except KeyboardInterrupt:
        sys.stderr.write("briefing: interrupted\n")
        raise SystemExit(int(ExitStatus.ERROR)) from None
