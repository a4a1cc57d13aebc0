"""Briefing -> an email message (text, HTML, the PDF attached), and sending it over SMTP.

The plain-text part is written to be read as it is, in the report language; the HTML part is
built for mail clients rather than browsers: a table layout, every style inlined on its element
(css_inline), no stylesheet, script, image, font or anything else fetched, and the direction on
the elements themselves because many clients drop `<html>` and `<body>`. The PDF comes in as
bytes (rendering it is the pipeline's business). Nothing here prints; mistakes are
`UsageError`, a failed delivery `MailError`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from datetime import datetime
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jinja2

from briefing.errors import MailError, RenderError, UsageError
from briefing.render import QUOTES, VERDICT_ICONS, VERDICTS, build_view, template_environment
from briefing.render_labels import Labels
from briefing.render_text import bidi, first_strong
from briefing.resources import asset_dir

if TYPE_CHECKING:
    from briefing.deliver.settings import SmtpSettings

TEXT_TEMPLATE = "email.txt.j2"
HTML_TEMPLATE = "email.html.j2"
STYLESHEET = "email.css"
TEXT_WIDTH = 76  # RFC 5322 asks for lines under 78 characters
SUBJECT_TITLE = 70
RLM, LRM = "\u200f", "\u200e"
SIGNATURE = "-- "  # the signature separator, trailing space and all
_LIST_MARKER = re.compile(r"(?:- |\[\d+\] )")
_NUMBER_RUN = re.compile(r"(?<![\w\u200e])\d+(?:[-/.:–]\d+)+")  # dates, times, ranges


# ---------------------------------------------------------------------------------------------
# Addresses and headers


def check_address(value: str, option: str) -> Address:
    """Return `value` as one mail address, or raise UsageError naming `option`.

    Line breaks and other control characters are refused outright: they are how a header is
    smuggled into a message.
    """
    if _has_control(value):
        raise UsageError(f"{option}: {value!r} contains a line break or control character")
    try:
        header = policy.default.header_factory("to", value)
        addresses = header.addresses
        defects = header.defects
    except (HeaderParseError, IndexError, ValueError, TypeError):
        raise UsageError(f"{option}: {value!r} is not a mail address") from None
    if len(addresses) > 1:
        raise UsageError(f"{option}: {value!r} holds several addresses; give one per {option}")
    if defects or len(addresses) != 1 or not addresses[0].username or not addresses[0].domain:
        raise UsageError(f"{option}: {value!r} is not a mail address (like name@example.org)")
    return addresses[0]


def check_subject(value: str) -> str:
    """Return the subject as given, or raise UsageError if it could break the header."""
    if _has_control(value):
        raise UsageError(f"--subject: {value!r} contains a line break or control character")
    if not value.strip():
        raise UsageError("--subject: the subject is empty")
    return value


def _has_control(value: str) -> bool:
    return any(ord(char) < 32 or ord(char) == 127 or char in "\u2028\u2029" for char in value)


def default_subject(briefing: Mapping[str, Any], *, report_language: str | None = None) -> str:
    """Return the subject for a briefing: the article's title and the verdict counts."""
    view = build_view(briefing, report_language=report_language)
    return _subject(view)


def _subject(view: Mapping[str, Any]) -> str:
    labels = view["_"]
    title = " ".join(view["article"]["short_title"].split())
    subject = labels("email.subject", title=title, tally=labels("email.tally", **view["counts"]))
    return "".join(char if not _has_control(char) else " " for char in subject)


# ---------------------------------------------------------------------------------------------
# The two bodies


def render_text(
    briefing: Mapping[str, Any],
    *,
    report_language: str | None = None,
    attachment: str | None = None,
) -> str:
    """Return the plain-text body: BLUF, claims with verdicts and speakers, sources.

    Lines are wrapped for reading in a terminal. In a right-to-left report, each line that
    does not start with a right-to-left letter starts with a RIGHT-TO-LEFT MARK, so that a
    client which sets each paragraph's direction from its first letter (most do) keeps the
    report right to left; lines quoting the article keep their own direction. Dates and other
    numbers with separators get a LEFT-TO-RIGHT MARK in front, so they read in order.
    """
    return _render_text(_context(briefing, report_language, attachment))


def render_html(
    briefing: Mapping[str, Any],
    *,
    report_language: str | None = None,
    attachment: str | None = None,
) -> str:
    """Return the HTML body, every style inlined and nothing to fetch."""
    return _render_html(_context(briefing, report_language, attachment))


def _render_text(view: Mapping[str, Any]) -> str:
    text = _template(view["lang"], TEXT_TEMPLATE).render(view)
    return _wrap(text, rtl=view["dir"] == "rtl")


def _render_html(view: Mapping[str, Any]) -> str:
    import css_inline

    html = _template(view["lang"], HTML_TEMPLATE).render(view)
    css = (asset_dir("styles") / STYLESHEET).read_text(encoding="utf-8")
    inliner = css_inline.CSSInliner(
        inline_style_tags=True,
        keep_style_tags=False,
        keep_link_tags=False,
        load_remote_stylesheets=False,
        extra_css=css,
        apply_width_attributes=True,
    )
    try:
        return str(inliner.inline(html))
    except ValueError as error:  # css_inline's InlineError is a ValueError
        raise RenderError(f"the email's HTML could not be built: {error}") from None


def _context(
    briefing: Mapping[str, Any], report_language: str | None, attachment: str | None
) -> dict[str, Any]:
    view = build_view(briefing, report_language=report_language)
    labels: Labels = view["_"]
    opening, closing = QUOTES.get(view["article"]["language"], QUOTES["en"])
    view |= {
        "subject": _subject(view),
        "tally": [
            {
                "verdict": verdict,
                "label": labels(f"verdict.{verdict}"),
                "icon": VERDICT_ICONS[verdict],
                "count": view["counts"][verdict],
            }
            for verdict in VERDICTS
        ],
        "tally_text": labels("email.tally", **view["counts"]),
        "attachment": attachment,
        "quotes": (opening, closing),
    }
    return view


@lru_cache(maxsize=8)
def _environment(language: str, html: bool) -> jinja2.Environment:
    environment = template_environment(
        jinja2.FileSystemLoader(asset_dir("templates")),
        autoescape=html,  # the HTML part carries untrusted article text
        language=language,
    )
    environment.filters["bidi"] = _bidi_filter
    environment.filters["oneline"] = _oneline
    return environment


def _template(language: str, name: str) -> jinja2.Template:
    environment = _environment(language, name.endswith(".html.j2"))
    try:
        return environment.get_template(name)
    except jinja2.TemplateError as error:
        raise RenderError(f"the email template {name} failed: {error}") from None


@jinja2.pass_context
def _bidi_filter(context: jinja2.runtime.Context, value: object, direction: str = "") -> Any:
    return bidi(value, direction or context.get("dir", "ltr"))


def _oneline(value: object) -> str:
    return " ".join(("" if value is None else str(value)).split())


def _wrap(text: str, *, rtl: bool) -> str:
    """Return `text` with long lines wrapped under their indent (and marked, when rtl)."""
    quote_marks = {opening for opening, _closing in QUOTES.values()}
    out: list[str] = []
    for line in text.splitlines():
        body = line.lstrip(" ")
        if not body or line == SIGNATURE:
            out.append(line)
            continue
        indent = " " * (len(line) - len(body))
        marker = _LIST_MARKER.match(body)
        hanging = indent + " " * (len(marker.group()) if marker else 0)
        quoted = body[0] in quote_marks
        pieces = textwrap.wrap(
            body,
            width=TEXT_WIDTH,
            initial_indent=indent,
            subsequent_indent=hanging,
            break_long_words=False,  # an address stays whole, however long
            break_on_hyphens=False,
        )
        for piece in pieces or [line]:
            if rtl:
                # After an Arabic letter, 2023-03-17 would read 17-03-2023: a LEFT-TO-RIGHT
                # MARK in front keeps the number's parts in order.
                piece = _NUMBER_RUN.sub(LRM + r"\g<0>", piece)
                if not quoted and first_strong(piece) != "rtl":
                    piece = RLM + piece
            out.append(piece)
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# The message


def build_message(
    briefing: Mapping[str, Any],
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
    from_address = sender if isinstance(sender, Address) else check_address(sender, "--from")
    recipients = [a if isinstance(a, Address) else check_address(a, "--to") for a in to]
    if not recipients:
        raise UsageError("--to: give at least one recipient")
    attachment = pdf_name if pdf is not None else None
    view = _context(briefing, report_language, attachment)
    text, html = _render_text(view), _render_html(view)

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
    cleaned = "".join(char for char in name if not _has_control(char) and char not in "/\\")
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
