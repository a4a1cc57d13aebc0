"""SMTP settings from options, environment variables and a TOML config file, in that order.

Every setting is looked up in the command-line options first, then in a `BRIEFING_SMTP_*`
environment variable, then in the `[smtp]` table of the config file, then falls back to a
default. The password is never an option and never a config value: it comes from
`BRIEFING_SMTP_PASSWORD` or from a file (`--smtp-password-file`, `BRIEFING_SMTP_PASSWORD_FILE`
or the config's `password_file`), so that it does not land in shell history or `ps` output.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefing.deliver.settings import DEFAULT_PORTS, DEFAULT_TIMEOUT, SECURITIES, SmtpSettings
from briefing.errors import UsageError

CONFIG_SECTION = "smtp"

#: setting -> (option, environment variable, config key). The README's table mirrors this.
SOURCES: dict[str, tuple[str, str, str]] = {
    "host": ("--smtp-host", "BRIEFING_SMTP_HOST", "host"),
    "port": ("--smtp-port", "BRIEFING_SMTP_PORT", "port"),
    "security": ("--starttls / --ssl", "BRIEFING_SMTP_SECURITY", "security"),
    "user": ("--smtp-user", "BRIEFING_SMTP_USER", "user"),
    "password_file": ("--smtp-password-file", "BRIEFING_SMTP_PASSWORD_FILE", "password_file"),
    "ca_file": ("--smtp-ca-file", "BRIEFING_SMTP_CA_FILE", "ca_file"),
    "sender": ("--from", "BRIEFING_MAIL_FROM", "from"),
    "timeout": ("--smtp-timeout", "BRIEFING_SMTP_TIMEOUT", "timeout"),
}
PASSWORD_ENV = "BRIEFING_SMTP_PASSWORD"


def default_config_path(env: Mapping[str, str]) -> Path:
    """Return $XDG_CONFIG_HOME/briefing/config.toml (~/.config when the variable is unset)."""
    base = env.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "briefing" / "config.toml"


def load_config(path: Path | None, env: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    """Return the config file's [smtp] table and the file's name ({} and "" if there is none).

    An explicit `path` must exist; the default location is read only when it does.
    """
    explicit = path is not None
    target = path if path is not None else default_config_path(env)
    if not explicit and not target.is_file():
        return {}, ""
    try:
        raw = target.read_bytes()
    except OSError as e:
        raise UsageError(f"--config: cannot read {target} ({e.strerror})") from None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10; the environment and options still work there
        raise UsageError(f"{target}: reading a config file needs Python 3.11 or later") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{target}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{target}: not valid TOML: {e}") from None
    table = document.get(CONFIG_SECTION, {})
    if not isinstance(table, dict):
        raise UsageError(f"{target}: [{CONFIG_SECTION}] must be a table")
    known = {key for _option, _env, key in SOURCES.values()}
    for key in table:
        if key == "password":
            raise UsageError(
                f"{target}: [{CONFIG_SECTION}] password: a config file may not hold the "
                f"password; use password_file or {PASSWORD_ENV}"
            )
        if key not in known:
            raise UsageError(
                f"{target}: [{CONFIG_SECTION}] has an unknown key {key!r} "
                f"(known: {', '.join(sorted(known))})"
            )
    return table, str(target)


def resolve(
    options: Mapping[str, Any],
    *,
    env: Mapping[str, str] | None = None,
    config: Path | None = None,
    need_password: bool = True,
) -> SmtpSettings:
    """Return the SMTP settings: each from `options`, else the environment, else the config.

    `options` maps setting names (host, port, security, user, password_file, ca_file, sender,
    timeout) to the command line's values, None where an option was not given. With
    `need_password`, a login user without a password is an error, and the password file is
    read now, so that a mistake shows before the article is analysed.
    """
    env = os.environ if env is None else env
    table, config_name = load_config(config, env)
    lookup = _Lookup(options, env, table, config_name)
    security, where = lookup("security")
    security = "none" if security is None else str(security).strip().lower()
    if security not in SECURITIES:
        raise UsageError(f"{where}: {security!r} is not one of {', '.join(SECURITIES)}")
    host, where = lookup("host")
    host = "localhost" if host is None else _text(host, where)
    if not host or any(ch.isspace() for ch in host):
        raise UsageError(f"{where}: {host!r} is not a host name")
    port, where = lookup("port")
    port = DEFAULT_PORTS[security] if port is None else _port(port, where)
    timeout, where = lookup("timeout")
    timeout = DEFAULT_TIMEOUT if timeout is None else _timeout(timeout, where)
    user = _optional_text(*lookup("user"))
    ca_file = _ca_file(*lookup("ca_file"))
    sender = _optional_text(*lookup("sender"))
    password = None
    if user and need_password:
        password = _password(options, env, table, config_name)
        if security == "none" and not _is_loopback(host):
            raise UsageError(
                f"{host}: logging in without TLS would send the password in clear; "
                "add --starttls or --ssl"
            )
    return SmtpSettings(
        host=host,
        port=port,
        security=security,
        user=user or None,
        password=password,
        ca_file=ca_file,
        timeout=timeout,
        sender=sender,
    )


class _Lookup:
    """Finds a setting in the options, else the environment, else the config's table."""

    def __init__(
        self,
        options: Mapping[str, Any],
        env: Mapping[str, str],
        table: Mapping[str, Any],
        config_name: str,
    ) -> None:
        self.options, self.env, self.table, self.config_name = options, env, table, config_name

    def __call__(self, name: str) -> tuple[Any, str]:
        """Return a setting's value and where it came from (for messages), or (None, "")."""
        option, variable, key = SOURCES[name]
        given = self.options.get(name)
        if given is not None:
            return given, option
        if self.env.get(variable):
            return self.env[variable], variable
        if key in self.table:
            return self.table[key], f"{self.config_name}: [{CONFIG_SECTION}] {key}"
        return None, ""


def _ca_file(value: Any, where: str) -> Path | None:
    if value is None:
        return None
    path = Path(_text(value, where)).expanduser()
    if not path.is_file():
        raise UsageError(f"{where}: {path} is not a file")
    return path


def _optional_text(value: Any, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _password(
    options: Mapping[str, Any], env: Mapping[str, str], table: Mapping[str, Any], config: str
) -> str:
    """Return the login password: --smtp-password-file, the environment, the config's file."""
    given = options.get("password_file")
    if given is not None:
        return _read_password(Path(given), "--smtp-password-file")
    if env.get(PASSWORD_ENV):
        return env[PASSWORD_ENV]
    variable = SOURCES["password_file"][1]
    if env.get(variable):
        return _read_password(Path(env[variable]).expanduser(), variable)
    if "password_file" in table:
        where = f"{config}: [{CONFIG_SECTION}] password_file"
        return _read_password(Path(_text(table["password_file"], where)).expanduser(), where)
    raise UsageError(
        f"no SMTP password: set {PASSWORD_ENV} or give --smtp-password-file (the password "
        "is never taken from the command line)"
    )


def _read_password(path: Path, where: str) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{where}: {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) else "not UTF-8 text"
        raise UsageError(f"{where}: cannot read {path} ({reason})") from None
    # A file written by `echo` or an editor ends with a newline that is not part of it.
    password = text.removesuffix("\n").removesuffix("\r")
    if not password:
        raise UsageError(f"{where}: {path} is empty")
    return password


def _text(value: object, where: str) -> str:
    if isinstance(value, Path):
        return str(value)
    if not isinstance(value, str):  # a config value of the wrong TOML type
        raise UsageError(f"{where}: expected text, not {value!r}")
    return value.strip()


def _port(value: object, where: str) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or not 0 < int(text) < 65536:
        raise UsageError(f"{where}: {value!r} is not a port number (1 to 65535)")
    return int(text)


def _timeout(value: object, where: str) -> float:
    try:
        seconds = float(str(value).strip())
    except ValueError:
        seconds = -1.0
    if isinstance(value, bool) or not 0 < seconds <= 3600:
        raise UsageError(f"{where}: {value!r} is not a number of seconds (up to 3600)")
    return seconds


def _is_loopback(host: str) -> bool:
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
