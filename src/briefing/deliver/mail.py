"""Briefing -> an email message (text, HTML, the PDF attached), and sending it over SMTP.

The bodies are rendered by `render.email`; the PDF comes in as bytes (rendering it is the
pipeline's business). Nothing here prints; mistakes are
`InvalidArgument`, a failed delivery `MailError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING, Any

from briefing.errors import InvalidArgument, MailError
from briefing.renderers.email import email_view, has_control, render_email_html, render_email_text
from briefing.report.record import Briefing

if TYPE_CHECKING:
    from briefing.deliver.settings import SmtpSettings


# ---------------------------------------------------------------------------------------------
# Addresses and headers


def check_address(value: str, option: str) -> Address:
    """Return `value` as one mail address, or raise InvalidArgument naming `option` (the
    parameter, or the command line's flag, that gave it).

    Line breaks and other control characters are refused outright: they are how a header is
    smuggled into a message.
    """
    if has_control(value):
        raise InvalidArgument(option, f"{value!r} contains a line break or control character")
    try:
        header = policy.default.header_factory("to", value)
        addresses = header.addresses
        defects = header.defects
    except (HeaderParseError, IndexError, ValueError, TypeError):
        raise InvalidArgument(option, f"{value!r} is not a mail address") from None
    if len(addresses) > 1:
        raise InvalidArgument(option, f"{value!r} holds several addresses; give one per {option}")
    if defects or len(addresses) != 1 or not addresses[0].username or not addresses[0].domain:
        raise InvalidArgument(option, f"{value!r} is not a mail address (like name@example.org)")
    address: Address = addresses[0]
    return address


def check_subject(value: str) -> str:
    """Return the subject as given, or raise InvalidArgument if it could break the header."""
    if has_control(value):
        raise InvalidArgument("subject", f"{value!r} contains a line break or control character")
    if not value.strip():
        raise InvalidArgument("subject", "the subject is empty")
    return value


# ---------------------------------------------------------------------------------------------
# The message


def build_message(
    briefing: Briefing,
    *,
    sender: str | Address,
    to: Sequence[str | Address],
    subject: str | None = None,
    report_language: str | None = None,
    pdf: bytes | None = None,
    pdf_name: str = "briefing.pdf",
    date: datetime | None = None,
) -> EmailMessage:
    """Return the briefing as a multipart email: text and HTML alternatives, the PDF attached.

    `subject` defaults to the article's title and the verdict counts in the report language;
    `pdf` (the rendered briefing) is attached as `pdf_name` when given.
    """
    from_address = sender if isinstance(sender, Address) else check_address(sender, "sender")
    recipients = [a if isinstance(a, Address) else check_address(a, "to") for a in to]
    if not recipients:
        raise InvalidArgument("to", "give at least one recipient")
    attachment = pdf_name if pdf is not None else None
    view = email_view(briefing, report_language=report_language, attachment=attachment)
    text, html = render_email_text(view), render_email_html(view)

    message = EmailMessage(policy=policy.default)
    message["Subject"] = check_subject(subject) if subject is not None else view["subject"]
    message["From"] = from_address
    message["To"] = recipients
    message["Date"] = format_datetime(date or datetime.now().astimezone())
    message["Message-ID"] = make_msgid("briefing", domain=from_address.domain.strip("[]"))
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    for part in message.iter_parts():
        part["Content-Language"] = view["lang"]
    if pdf is not None:
        message.add_attachment(
            pdf, maintype="application", subtype="pdf", filename=_attachment_name(pdf_name)
        )
    return message


def _attachment_name(name: str) -> str:
    cleaned = "".join(char for char in name if not has_control(char) and char not in "/\\")
    return cleaned.strip() or "briefing.pdf"


# ---------------------------------------------------------------------------------------------
# Sending


def send(message: EmailMessage, settings: SmtpSettings) -> list[str]:
    """Send `message` to its To addresses and return them; raise MailError if it fails.

    The server's certificate is checked against the system's CAs (or `settings.ca_file`);
    the password is sent only after TLS is up, unless the server is on this machine.
    """
    import smtplib
    import ssl

    server = settings.server
    context = ssl.create_default_context(
        cafile=str(settings.ca_file) if settings.ca_file is not None else None
    )
    client: smtplib.SMTP | None = None
    try:
        if settings.security == "ssl":
            client = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        if settings.security == "starttls":
            client.starttls(context=context)
        if settings.user:
            client.login(settings.user, settings.password or "")
        refused = client.send_message(message)
    except smtplib.SMTPAuthenticationError as e:
        raise MailError(f"{server}: login as {settings.user} refused ({_reply(e)})") from None
    except smtplib.SMTPNotSupportedError as e:
        raise MailError(f"{server}: {_not_supported(e, settings)}") from None
    except smtplib.SMTPRecipientsRefused as e:
        raise MailError(
            f"{server}: every recipient was refused: {_refused(e.recipients)}"
        ) from None
    except smtplib.SMTPSenderRefused as e:
        raise MailError(f"{server}: the sender {e.sender} was refused ({_reply(e)})") from None
    except smtplib.SMTPResponseException as e:
        raise MailError(f"{server}: the server refused the message ({_reply(e)})") from None
    except smtplib.SMTPServerDisconnected as e:
        raise MailError(f"{server}: the server closed the connection ({_line(e)})") from None
    except smtplib.SMTPException as e:
        raise MailError(f"{server}: {_line(e)}") from None
    except ssl.SSLCertVerificationError as e:
        reason = e.verify_message or e.reason or "not trusted"
        raise MailError(f"{server}: the server's TLS certificate failed ({reason})") from None
    except ssl.SSLError as e:
        raise MailError(f"{server}: TLS failed ({e.reason or _line(e)})") from None
    except TimeoutError:
        raise MailError(f"{server}: no answer within {settings.timeout:g} s") from None
    except OSError as e:
        reason = e.strerror or _line(e)
        raise MailError(f"cannot connect to the SMTP server {server} ({reason})") from None
    finally:
        if client is not None:
            _close(client)
    if refused:
        raise MailError(f"{server}: sent, but these recipients were refused: {_refused(refused)}")
    return [address.addr_spec for address in message["To"].addresses]


def _close(client: Any) -> None:
    import smtplib

    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _not_supported(error: Exception, settings: SmtpSettings) -> str:
    text = _line(error)
    if "STARTTLS" in text.upper():
        return "the server does not offer STARTTLS"
    if "AUTH" in text.upper():
        hint = "" if settings.security != "none" else "; try --starttls or --ssl"
        return f"the server offers no login (AUTH){hint}"
    return text


def _reply(error: Any) -> str:
    message = error.smtp_error
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return " ".join(f"{error.smtp_code} {message}".split())


def _refused(recipients: Mapping[str, tuple[int, bytes | str]]) -> str:
    parts = []
    for address, (code, message) in recipients.items():
        text = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
        parts.append(f"{address} ({' '.join(f'{code} {text}'.split())})")
    return ", ".join(parts)


def _line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
