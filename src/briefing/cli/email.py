"""`briefing email`: brief an article and send it (text, HTML, the PDF attached), or write it
as an .eml file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.app import app, guard
from briefing.cli.options import (
    FactsOption,
    LanguageOption,
    ModelOption,
    PaperOption,
    PublishedOption,
    ReportLanguageOption,
)
from briefing.errors import UsageError
from briefing.vocab import Format, Paper

if TYPE_CHECKING:
    from email.headerregistry import Address

    from briefing.deliver.settings import SmtpSettings

ArticleArgument = Annotated[
    str, typer.Argument(help="The article: a file, an http(s) URL, or - for stdin.")
]
ToOption = Annotated[
    list[str] | None, typer.Option("--to", help="A recipient's address; repeat for more.")
]
FromOption = Annotated[
    str | None,
    typer.Option("--from", help="The sender's address (or BRIEFING_MAIL_FROM, or config)."),
]
SubjectOption = Annotated[
    str | None,
    typer.Option("--subject", help="The subject (default: the title and verdict counts)."),
]
NoPdfOption = Annotated[bool, typer.Option("--no-pdf", help="Do not attach the PDF.")]
EmlOption = Annotated[
    str | None,
    typer.Option("--eml", help="Write the message to this file (- for stdout); send nothing."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="TOML file with an [smtp] table (default: $XDG_CONFIG_HOME/briefing/config.toml).",
    ),
]
HostOption = Annotated[
    str | None, typer.Option("--smtp-host", help="SMTP server (default: localhost).")
]
PortOption = Annotated[
    int | None,
    typer.Option("--smtp-port", help="SMTP port (default: 25, 587 --starttls, 465 --ssl)."),
]
StartTlsOption = Annotated[
    bool, typer.Option("--starttls", help="Upgrade the connection with STARTTLS.")
]
SslOption = Annotated[bool, typer.Option("--ssl", help="Connect with TLS from the start (SMTPS).")]
UserOption = Annotated[str | None, typer.Option("--smtp-user", help="Log in as this user.")]
PasswordFileOption = Annotated[
    Path | None,
    typer.Option(
        "--smtp-password-file",
        help="File holding the password (else BRIEFING_SMTP_PASSWORD; never an option).",
    ),
]
CaFileOption = Annotated[
    Path | None,
    typer.Option("--smtp-ca-file", help="CA certificates to trust instead of the system's."),
]
SmtpTimeoutOption = Annotated[
    float | None, typer.Option("--smtp-timeout", help="Seconds to wait for the server.")
]


@app.command()
def email(
    article: ArticleArgument,
    to: ToOption = None,
    sender: FromOption = None,
    subject: SubjectOption = None,
    no_pdf: NoPdfOption = False,
    eml: EmlOption = None,
    facts: FactsOption = None,
    published: PublishedOption = None,
    language: LanguageOption = None,
    model: ModelOption = None,
    report_language: ReportLanguageOption = None,
    paper: PaperOption = Paper.A4,
    config: ConfigOption = None,
    smtp_host: HostOption = None,
    smtp_port: PortOption = None,
    starttls: StartTlsOption = False,
    use_ssl: SslOption = False,
    smtp_user: UserOption = None,
    smtp_password_file: PasswordFileOption = None,
    smtp_ca_file: CaFileOption = None,
    smtp_timeout: SmtpTimeoutOption = None,
) -> None:
    """Email a briefing of ARTICLE: text and HTML, the PDF attached; or write it with --eml."""
    # The --smtp-* options, by the names the settings file gives them.
    smtp = {key.removeprefix("smtp_"): value for key, value in locals().items() if "smtp_" in key}
    smtp |= {"sender": sender, "security": "starttls" if starttls else "ssl" if use_ssl else None}

    def run() -> None:
        from briefing import api
        from briefing.cli.generate import write
        from briefing.deliver import mail
        from briefing.read import parse_date_option

        # Everything that could put a header in the wrong place is refused before any work.
        recipients, sender, settings = _addresses(to, subject, smtp, config, eml, starttls, use_ssl)
        day = parse_date_option(published) if published else None
        _check_eml(eml, article)
        table = api.load_facts(facts or [])
        read = api.read_article(article, language=language, published=day)
        briefing = api.brief_article(read, table, model=model)
        pdf = None
        if not no_pdf:
            pdf = api.render(briefing, Format.PDF, paper=paper, report_language=report_language)
        message = mail.build_message(
            briefing,
            sender=sender,
            to=recipients,
            subject=subject,
            report_language=report_language,
            pdf=pdf,
            pdf_name=_pdf_name(article),
        )
        if eml is not None:
            write(eml, message.as_bytes())
            return
        sent = mail.send(message, settings)
        typer.echo(f"briefing: sent to {', '.join(sent)} via {settings.server}", err=True)

    guard(run)


def _addresses(
    to: list[str] | None,
    subject: str | None,
    smtp: dict[str, object],
    config: Path | None,
    eml: str | None,
    starttls: bool,
    use_ssl: bool,
) -> tuple[list[Address], Address, SmtpSettings]:
    """Return the recipients, the sender and the SMTP settings, or raise UsageError."""
    from briefing.cli.mail_settings import resolve
    from briefing.deliver import mail

    if not to:
        raise UsageError("--to: give at least one recipient")
    recipients = [mail.check_address(address, "--to") for address in to]
    if subject is not None:
        mail.check_subject(subject)
    if starttls and use_ssl:
        raise UsageError("--starttls and --ssl: choose one")
    settings = resolve(smtp, config=config, need_password=eml is None)
    if settings.sender is None:
        raise UsageError("--from: give the sender's address (or set BRIEFING_MAIL_FROM)")
    return recipients, mail.check_address(settings.sender, "--from"), settings


def _check_eml(eml: str | None, article: str) -> None:
    local = eml not in (None, "-") and "://" not in article and article != "-"
    if local and Path(str(eml)).resolve() == Path(article).resolve():
        raise UsageError(f"--eml: {eml} is the article itself; choose another path")


def _pdf_name(article: str) -> str:
    """Return the attached PDF's name: the one `generate` would give the briefing."""
    from briefing.cli.generate import output_target

    target = output_target(article, None, Format.PDF)
    return "briefing.pdf" if target == "-" else Path(target).name
