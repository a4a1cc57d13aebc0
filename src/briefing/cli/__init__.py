"""The command line: options in, one call to the Python API, output out.

This is the only package that prints and names flags, and `app.guard` the one place that
turns errors into exit codes.
"""

from __future__ import annotations

import sys
from typing import Any

from briefing.cli import batch, email, generate
from briefing.cli.app import app
from briefing.errors import ExitStatus

__all__ = ["app", "batch", "email", "generate", "main"]


def main(argv: list[str] | None = None) -> Any:
    """Run the command line (the console script's entry point)."""
    try:
        return app(args=argv, prog_name="briefing")
    except KeyboardInterrupt:
        sys.stderr.write("briefing: interrupted\n")
        raise SystemExit(int(ExitStatus.ERROR)) from None
