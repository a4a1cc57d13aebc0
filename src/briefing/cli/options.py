"""The command line's options, written once: their Typer declarations and the types that turn
their text into the project's vocabularies (a bad value is exit 2 with one line naming the flag).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from briefing.vocab import FailOn, Format, Paper, ReportLanguage


class OptionError(typer.BadParameter):
    """A bad option value: `briefing: --flag: …` on stderr and exit 2, with no usage block."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        typer.echo(f"briefing: {self.message}", err=True)


def choice(enum: type[Enum], flag: str, describe: str | None = None) -> Callable[[Any], Any]:
    """Return a Typer parser that turns an option's text into a member of `enum`; `describe`
    words the choices in the error (default: "one of a, b, c")."""
    values = [str(member.value) for member in enum]
    wanted = describe or f"one of {', '.join(values)}"

    def parse(value: Any) -> Any:
        if isinstance(value, enum):
            return value
        finder = getattr(enum, "parse", None)
        found = finder(str(value)) if finder is not None else None
        if found is None:
            found = next((m for m in enum if m.value == value), None)
        if found is None:
            raise OptionError(f"{flag}: {value!r} is not {wanted}")
        return found

    return parse


FactsOption = Annotated[
    list[Path] | None,
    typer.Option("--facts", help="A fact table (YAML or JSON); repeat to merge several."),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        parser=choice(Format, "--format"),
        help="pdf, html, json, md or claimreview (default: from --out, else pdf).",
    ),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        parser=choice(FailOn, "--fail-on"),
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
PaperOption = Annotated[
    Paper,
    typer.Option(
        "--paper",
        parser=choice(Paper, "--paper"),
        help="PDF paper size: A4, letter, legal, A3 or A5.",
    ),
]
TemplateDirOption = Annotated[
    Path | None, typer.Option("--template-dir", help="Templates that override ours by name.")
]
CssOption = Annotated[
    list[Path] | None, typer.Option("--css", help="A stylesheet to add; repeatable.")
]
ReportLanguageOption = Annotated[
    ReportLanguage | None,
    typer.Option(
        "--report-language",
        parser=choice(ReportLanguage, "--report-language", "ar or en"),
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
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print errors only (not the --fail-on line).")
]
