"""The Typer application and the one place that turns errors into messages and exit codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from briefing import __version__
from briefing.errors import BriefingError

app = typer.Typer(
    name="briefing",
    help="Turn a news article (Arabic or English) into a fact-check briefing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
facts_app = typer.Typer(help="Work with fact tables.", no_args_is_help=True)
app.add_typer(facts_app, name="facts")
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


def guard(fn: Callable[[], T]) -> T:
    """Run `fn`; a user's mistake becomes one line on stderr and its documented exit code."""
    try:
        return fn()
    except BriefingError as e:
        problems = getattr(e, "problems", None)
        # A fact table's problems are PATH:LINE: lines that editors can jump to, as they are.
        for line in problems or [f"briefing: {e}"]:
            typer.echo(line, err=True)
        raise typer.Exit(int(e.status)) from None
