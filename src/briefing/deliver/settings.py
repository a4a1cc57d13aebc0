"""Where and how a briefing is sent by mail: the SMTP settings record.

The command line fills it from its options, the environment and a config file
(`cli.mail_settings`); a program may build one itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SECURITIES = ("none", "starttls", "ssl")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: the server, its security, and who logs in."""

    host: str = "localhost"
    port: int = DEFAULT_PORTS["none"]
    security: str = "none"  # none | starttls | ssl
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    sender: str | None = None

    @property
    def server(self) -> str:
        """Return host:port, as messages name the server."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"
