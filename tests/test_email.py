"""`briefing email` end to end: the message as a mail client parses it, and real SMTP servers
(aiosmtpd on 127.0.0.1: plain, STARTTLS with a throwaway CA and a login, implicit TLS)."""

from __future__ import annotations

import email
import io
import re
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from conftest import ROOT, SEED, run_cli

ENGLISH = ROOT / "seeds" / "articles" / "wang-yi-moscow.en.md"
USER, PASSWORD = "desk@example.org", "s3cret pass"
TO, FROM = "analyst@example.org", "desk@example.org"


# --------------------------------------------------------------------------------------------
# Servers


@dataclass
class Received:
    """What a test server accepted: envelopes and how each session looked."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    tls: list[bool] = field(default_factory=list)
    logins: list[Any] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.tls.append(session.ssl is not None)
        self.logins.append(session.auth_data if session.authenticated else None)
        return "250 OK"


@dataclass
class Server:
    port: int
    received: Received


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = (
        isinstance(data, LoginPassword)
        and data.login == USER.encode()
        and data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False, auth_data=data if ok else None)


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture
def start_server() -> Iterator[Callable[..., Server]]:
    controllers: list[Controller] = []

    def start(**smtp: Any) -> Server:
        received = Received()
        port = _free_port()
        controller = Controller(received, hostname="127.0.0.1", port=port, **smtp)
        controller.start()
        controllers.append(controller)
        return Server(port, received)

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def plain_server(start_server: Callable[..., Server]) -> Server:
    return start_server()


@pytest.fixture
def starttls_server(start_server: Callable[..., Server], server_tls: ssl.SSLContext) -> Server:
    return start_server(
        tls_context=server_tls,
        require_starttls=True,
        authenticator=_authenticator,
        auth_require_tls=True,
    )


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No setting leaks in from the machine running the tests (nor its config file)."""
    import os

    for name in list(os.environ):
        if name.startswith(("BRIEFING_SMTP_", "BRIEFING_MAIL_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))


def send(*args: str | Path, article: Path = SEED, pdf: bool = False) -> Any:
    extra = () if pdf else ("--no-pdf",)
    return run_cli("email", article, "--to", TO, "--from", FROM, *extra, *args)


def bodies(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


class Tags(HTMLParser):
    """Every element and attribute of an HTML document, as a mail client's parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def assert_mail_safe_html(html: str) -> None:
    """The HTML part needs nothing but itself: no stylesheet, script, image or font to load."""
    tags = Tags(html).tags
    names = {name for name, _attrs in tags}
    assert not names & {"script", "style", "link", "img", "svg", "iframe", "object", "embed"}
    for name, attrs in tags:
        assert not {"src", "srcset", "background", "poster"} & set(attrs), name
        assert "url(" not in attrs.get("style", ""), name
        assert not any(key.startswith("on") for key in attrs), name
        if "href" in attrs:  # a link the reader may follow, never something loaded
            assert name == "a" and attrs["href"].startswith(("https://", "http://")), attrs
    assert sum(1 for _name, attrs in tags if attrs.get("style")) > 20  # styles are inlined


# --------------------------------------------------------------------------------------------
# The message


def test_help_and_no_password_option() -> None:
    result = run_cli("email", "--help")
    assert result.exit_code == 0
    assert "--smtp-password-file" in result.output
    assert not re.search(r"--smtp-password(?!-file)", result.output)
    result = run_cli("email", SEED, "--to", TO, "--from", FROM, "--smtp-password", "x")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_eml_with_pdf_reads_right_to_left(tmp_path: Path) -> None:
    out = tmp_path / "briefing.eml"
    result = run_cli(
        "email", SEED, "--to", f"محلل <{TO}>", "--from", FROM, "--eml", out, "--published",
        "2023-09-18",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = list(message.iter_parts())
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "wang-yi-moscow.briefing.pdf"
    assert message["To"].addresses[0].display_name == "محلل"
    subject = str(message["Subject"])
    assert subject.startswith("تدقيق: وزير الخارجية الصيني وانغ يي")
    assert re.search(r"\d+ ادعاءً: \d+ متعارض، \d+ مدعوم", subject)

    text, html = bodies(message)
    assert "الخلاصة" in text and "الادعاءات" in text and "المصادر" in text
    assert "«يزور وزير الخارجية الصيني وانغ يي روسيا" in text  # a claim, quoted
    assert "القائل: " in text and "مدعوم" in text
    assert "wang-yi-moscow.briefing.pdf" in text
    assert "<" not in text.replace("<analyst", "")  # written as text, not stripped HTML
    # Wrapped under 78 characters (a right-to-left mark aside), except an unbreakable address.
    lines = [line.lstrip("\u200f") for line in text.splitlines()]
    assert all(len(line) <= 78 or " " not in line.strip() for line in lines)
    # Lines of the report's own text that start with a Latin letter or a digit carry a
    # right-to-left mark, so that clients keep the paragraph right to left.
    assert "\u200fc1 · " in text or re.search(r"^\u200fc\d+ · ", text, re.MULTILINE)
    assert "\u200e2023-09-18" in text  # kept in order after Arabic words
    assert "\n-- \n" in text  # the signature separator survives wrapping

    assert '<html lang="ar" dir="rtl">' in html
    assert html.count('dir="rtl"') >= 5  # on the containers too: clients drop <html>
    assert "يزور وزير الخارجية الصيني وانغ يي روسيا" in html
    assert_mail_safe_html(html)

    import pypdf

    pdf = attachment.get_content()
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    assert "briefing.json" in reader.attachments


def test_english_eml_to_stdout_no_pdf() -> None:
    result = send("--eml", "-", "--subject", "Desk: Wang Yi", article=ENGLISH)
    assert result.exit_code == 0, result.stderr
    message = email.message_from_bytes(result.stdout_bytes, policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert message.get_content_type() == "multipart/alternative"
    assert not any(part.get_filename() for part in message.walk())
    assert message["Subject"] == "Desk: Wang Yi"
    text, html = bodies(message)
    assert text.startswith("Fact-check briefing\nChina's top diplomat arrives in Moscow")
    assert "Bottom line\n===========" in text and "Speaker: " in text
    assert "\u200f" not in text
    assert "attached" not in text
    assert '<html lang="en" dir="ltr">' in html
    assert_mail_safe_html(html)


def test_default_subject_in_english_report() -> None:
    result = send("--eml", "-", "--report-language", "en")
    assert result.exit_code == 0, result.stderr
    message = email.message_from_bytes(result.stdout_bytes, policy=policy.default)
    subject = str(message["Subject"])
    assert subject.startswith("Fact-check: وزير الخارجية")
    assert re.search(r"— \d+ claims: \d+ contradicted, \d+ supported, \d+ unverified$", subject)
    text, html = bodies(message)
    assert "Bottom line" in text and "«يزور وزير الخارجية" in text
    # Arabic quotations keep their own direction inside the English report.
    assert '<html lang="en" dir="ltr">' in html and 'lang="ar" dir="rtl"' in html


# --------------------------------------------------------------------------------------------
# Refusals before anything is built or sent


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--to", "analyst@example.org\r\nBcc: all@example.org"], "--to: .* line break"),
        (["--to", "analyst@example.org\nBcc: all@example.org"], "--to: .* line break"),
        (["--to", "not-an-address"], "--to: 'not-an-address' is not a mail address"),
        (["--to", "a@example.org, b@example.org"], "several addresses"),
        (["--to", "alice@example.org)<bob@example.org>"], "not a mail address"),
        (["--to", TO, "--subject", "Hi\r\nBcc: all@example.org"], "--subject: .* line break"),
        (["--to", TO, "--from", "desk@example.org\nX-Evil: 1"], "--from: .* line break"),
        (["--to", TO, "--from", "desk"], "--from: 'desk' is not a mail address"),
        ([], "--to: give at least one recipient"),
        (["--to", TO, "--from", ""], "--from: '' is not a mail address"),
    ],
)
def test_header_injection_and_bad_addresses_refused(
    plain_server: Server, args: list[str], expected: str
) -> None:
    if "--from" not in args:
        args = [*args, "--from", FROM]
    result = run_cli(
        "email", SEED, *args, "--no-pdf", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(plain_server.port),
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.search(expected, lines[0]), result.stderr
    assert plain_server.received.messages == []


def test_sender_is_required() -> None:
    result = run_cli("email", SEED, "--to", TO, "--no-pdf")
    assert result.exit_code == 2
    assert "--from: give the sender's address" in result.stderr


def test_title_cannot_break_the_subject() -> None:
    from briefing import Briefing
    from briefing.deliver.mail import build_message

    data = {"article": {"title": "Talks\r\nBcc: all@example.org", "language": "en"}}
    briefing = Briefing.from_json(data)
    message = build_message(briefing, sender=FROM, to=[TO])
    assert message["Subject"].startswith("Fact-check: Talks Bcc: all@example.org — 0 claims")
    assert "Bcc" not in message
    parsed = email.message_from_bytes(message.as_bytes(), policy=policy.default)
    assert list(parsed.keys())[:3] == ["Subject", "From", "To"]
    assert parsed["Bcc"] is None


def test_article_text_is_escaped_in_the_html_part() -> None:
    from briefing import Briefing
    from briefing.renderers.email import email_view, render_email_html, render_email_text

    hostile = '<script>alert(1)</script><img src="http://evil.example/x.png">'
    briefing = {
        "article": {"title": hostile, "language": "en"},
        "claims": [{"id": "c1", "text": hostile, "verdict": "supported", "speaker": None}],
        "sources": [{"n": 1, "title": "t", "url": "javascript:alert(1)"}],
    }
    view = email_view(Briefing.from_json(briefing))
    html = render_email_html(view)
    assert "&lt;script&gt;" in html and "<script" not in html
    assert_mail_safe_html(html)  # and the javascript: address is not a link
    assert hostile in render_email_text(view)  # plain text is not HTML: shown as written


# --------------------------------------------------------------------------------------------
# Sending


def test_plain_send(plain_server: Server) -> None:
    result = send(
        "--to", "second@example.org", "--smtp-host", "127.0.0.1", "--smtp-port",
        str(plain_server.port), article=ENGLISH,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == (
        f"briefing: sent to {TO}, second@example.org via 127.0.0.1:{plain_server.port}"
    )
    (message,) = plain_server.received.messages
    assert plain_server.received.envelopes == [(FROM, [TO, "second@example.org"])]
    assert plain_server.received.tls == [False]
    text, html = bodies(message)
    assert "Chinese Foreign Minister Wang Yi" in text or "Wang Yi" in text
    assert_mail_safe_html(html)


def test_starttls_login_password_from_environment(
    starttls_server: Server, ca_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    result = send(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(starttls_server.port), "--starttls",
        "--smtp-user", USER, "--smtp-ca-file", ca_file,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (message,) = starttls_server.received.messages
    assert starttls_server.received.tls == [True]
    assert starttls_server.received.logins[0].login == USER.encode()
    text, html = bodies(message)
    assert "الخلاصة" in text
    assert "وانغ يي" in html and 'dir="rtl"' in html


def test_starttls_password_from_file(
    starttls_server: Server, ca_file: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    result = send(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(starttls_server.port), "--starttls",
        "--smtp-user", USER, "--smtp-ca-file", ca_file, "--smtp-password-file", secret,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(starttls_server.received.messages) == 1


def test_settings_from_config_file_and_environment(
    starttls_server: Server, ca_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "password"
    secret.write_text(PASSWORD, encoding="utf-8")
    home = tmp_path / "config-home" / "briefing"
    home.mkdir(parents=True)
    # The default location; the port in it is wrong, and the environment's wins.
    (home / "config.toml").write_text(
        "[smtp]\n"
        'host = "127.0.0.1"\n'
        "port = 1\n"
        'security = "starttls"\n'
        f'user = "{USER}"\n'
        f'password_file = "{secret}"\n'
        f'ca_file = "{ca_file}"\n'
        f'from = "{FROM}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEFING_SMTP_PORT", str(starttls_server.port))
    monkeypatch.setenv("BRIEFING_SMTP_HOST", "unreachable.invalid")  # the option wins
    result = run_cli("email", SEED, "--to", TO, "--no-pdf", "--smtp-host", "127.0.0.1")
    assert result.exit_code == 0, result.stderr
    assert starttls_server.received.envelopes == [(FROM, [TO])]
    assert starttls_server.received.tls == [True]


def test_implicit_tls_with_pdf(
    start_server: Callable[..., Server],
    server_tls: ssl.SSLContext,
    ca_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = start_server(
        ssl_context=server_tls, authenticator=_authenticator, auth_require_tls=False
    )
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    result = send(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port), "--ssl",
        "--smtp-user", USER, "--smtp-ca-file", ca_file, article=ENGLISH, pdf=True,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (message,) = server.received.messages
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "wang-yi-moscow.briefing.pdf"
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(attachment.get_content()))
    assert "Wang Yi" in "".join(page.extract_text() for page in reader.pages)


# --------------------------------------------------------------------------------------------
# Failures: exit 9, one line


def one_line(result: Any, status: int) -> str:
    assert result.exit_code == status, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return str(lines[0])


def test_wrong_password_exit_9(
    starttls_server: Server, ca_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", "wrong")
    result = send(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(starttls_server.port), "--starttls",
        "--smtp-user", USER, "--smtp-ca-file", ca_file,
    )  # fmt: skip
    line = one_line(result, 9)
    assert line.startswith(f"briefing: 127.0.0.1:{starttls_server.port}: login as {USER} refused")
    assert "535" in line
    assert starttls_server.received.messages == []


def test_unreachable_port_exit_9() -> None:
    port = _free_port()
    result = send("--smtp-host", "127.0.0.1", "--smtp-port", str(port))
    line = one_line(result, 9)
    assert line.startswith(f"briefing: cannot connect to the SMTP server 127.0.0.1:{port}")


def test_untrusted_certificate_exit_9(
    starttls_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No --smtp-ca-file: the system's CAs do not know the test's throwaway CA.
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    result = send(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(starttls_server.port), "--starttls",
        "--smtp-user", USER,
    )  # fmt: skip
    line = one_line(result, 9)
    assert "TLS certificate failed" in line
    assert starttls_server.received.messages == []


def test_login_without_tls_is_not_offered(starttls_server: Server) -> None:
    # Loopback may log in without TLS, but this server offers AUTH only after STARTTLS.
    result = send(
        "--smtp-host", "127.0.0.1", "--smtp-port", str(starttls_server.port),
        "--smtp-user", USER, "--smtp-password-file", ROOT / "pyproject.toml",
    )  # fmt: skip
    line = one_line(result, 9)
    assert "offers no login (AUTH); try --starttls or --ssl" in line


# --------------------------------------------------------------------------------------------
# Settings mistakes: exit 2 before the article is analysed


def test_password_missing_or_in_config_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = one_line(send("--smtp-user", USER, "--starttls"), 2)
    assert "no SMTP password: set BRIEFING_SMTP_PASSWORD or give --smtp-password-file" in line
    config = tmp_path / "c.toml"
    config.write_text('[smtp]\npassword = "hunter2"\n', encoding="utf-8")
    line = one_line(send("--config", config), 2)
    assert "a config file may not hold the password" in line
    line = one_line(send("--config", tmp_path / "missing.toml"), 2)
    assert "--config: cannot read" in line
    config.write_text("[smtp]\nport = \n", encoding="utf-8")
    assert "not valid TOML" in one_line(send("--config", config), 2)
    assert "choose one" in one_line(send("--starttls", "--ssl"), 2)
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    line = one_line(send("--smtp-host", "mail.example.org", "--smtp-user", USER), 2)
    assert line == (
        "briefing: mail.example.org: logging in without TLS would send the password in clear; "
        "add --starttls or --ssl"
    )
    monkeypatch.setenv("BRIEFING_SMTP_PORT", "smtp")
    assert "BRIEFING_SMTP_PORT: 'smtp' is not a port number" in one_line(send(), 2)


def test_resolve_precedence(tmp_path: Path) -> None:
    from briefing.cli.mail_settings import resolve

    config = tmp_path / "c.toml"
    config.write_text(
        '[smtp]\nhost = "config.example"\nport = 2525\nsecurity = "ssl"\nuser = "cfg"\n',
        encoding="utf-8",
    )
    env = {"BRIEFING_SMTP_PORT": "2600", "BRIEFING_SMTP_PASSWORD": "from-env"}
    settings = resolve(
        {"host": "option.example", "user": None}, env=env, config=config, need_password=True
    )
    assert (settings.host, settings.port, settings.security) == ("option.example", 2600, "ssl")
    assert settings.user == "cfg" and settings.password == "from-env"
    assert "from-env" not in repr(settings)
    isolated = {"XDG_CONFIG_HOME": str(tmp_path / "nothing-here")}
    defaults = resolve({}, env=isolated, config=None, need_password=True)
    assert (defaults.host, defaults.port, defaults.security) == ("localhost", 25, "none")
    assert resolve({"security": "starttls"}, env=isolated, need_password=False).port == 587


# --------------------------------------------------------------------------------------------
# The README's examples and settings table


def readme_email_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Email\n")[1].split("\n## ")[0]


def readme_commands() -> list[list[str]]:
    blocks = readme_email_section().split("```sh\n")[1:]
    commands = []
    for block in blocks:
        lines = block.split("```")[0].replace("\\\n", " ").splitlines()
        commands += [line.split("#")[0].split() for line in lines if line.startswith("briefing ")]
    return commands


def test_readme_eml_example_runs(tmp_path: Path) -> None:
    synopsis, eml, _sending = readme_commands()
    assert synopsis[:3] == ["briefing", "email", "ARTICLE"]
    args = [str(ROOT / a) if a.startswith("seeds/") else a for a in eml[2:]]
    args[args.index("--eml") + 1] = str(tmp_path / "wang-yi.eml")
    result = run_cli("email", *args, "--no-pdf")
    assert result.exit_code == 0, result.stderr
    message = email.message_from_bytes((tmp_path / "wang-yi.eml").read_bytes())
    assert message["To"] == "analyst@example.org"


def test_readme_starttls_example_runs(
    starttls_server: Server, ca_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    *_, sending = readme_commands()
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    args = [str(ROOT / a) if a.startswith("seeds/") else a for a in sending[2:]]
    args[args.index("--smtp-host") + 1] = "127.0.0.1"
    extra = ["--smtp-port", str(starttls_server.port), "--smtp-ca-file", str(ca_file)]
    result = run_cli("email", *args, *extra, "--no-pdf")
    assert result.exit_code == 0, result.stderr
    assert starttls_server.received.envelopes == [
        ("desk@example.org", ["analyst@example.org", "editor@example.org"])
    ]


def test_readme_settings_table_matches_the_code() -> None:
    from briefing.cli.mail_settings import PASSWORD_ENV, SOURCES

    section = readme_email_section()
    for option, variable, key in SOURCES.values():
        row = next(line for line in section.splitlines() if f"`{variable}`" in line)
        assert f"`{key}`" in row, variable
        for name in option.split(" / "):
            assert f"`{name}`" in row, variable
    assert f"`{PASSWORD_ENV}`" in section
