"""The Typer application and the one place that turns errors into messages and exit codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from briefing import __version__
from briefing.errors import BriefingError, InvalidArgument

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
#: Arguments of the Python API whose flag is not `--` and their name with dashes.
RENAMED_FLAGS = {"sender": "--from"}


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
        message = str(e)
        if isinstance(e, InvalidArgument):  # the API names its parameter; we name our flag
            message = f"{flag(e.argument)}: {e.problem}"
        # A fact table's problems are PATH:LINE: lines that editors can jump to, as they are.
        for line in problems or [f"briefing: {message}"]:
            typer.echo(line, err=True)
        raise typer.Exit(int(e.status)) from None


def flag(argument: str) -> str:
    """Return the flag that gives an argument of the Python API (`max_bytes` -> `--max-bytes`)."""
    if argument.startswith("-"):  # already a flag: the command line named it
        return argument
    return RENAMED_FLAGS.get(argument, "--" + argument.replace("_", "-"))
