"""Briefing -> bytes of a format. One registry maps each format to its file suffix and renderer;
`generate`, `batch` and `email` all go through it.

Renderers are imported when their format is asked for: a JSON briefing (what CI jobs ask for)
imports neither Jinja nor WeasyPrint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.report.record import Briefing
from briefing.vocab import Format, Paper


@dataclass(frozen=True)
class Options:
    """How a briefing is rendered; each format uses what applies to it."""

    paper: Paper | str = Paper.A4
    template_dir: Path | None = None
    css: Sequence[Path] = ()
    report_language: str | None = None


def _pdf(briefing: Briefing, options: Options) -> bytes:
    from briefing.renderers.pdf import render_pdf

    return render_pdf(
        briefing,
        template_dir=options.template_dir,
        css=options.css,
        paper=options.paper,
        report_language=options.report_language,
    )


def _html(briefing: Briefing, options: Options) -> str:
    from briefing.renderers.html import render_html

    return render_html(
        briefing,
        template_dir=options.template_dir,
        css=options.css,
        report_language=options.report_language,
    )


def _json(briefing: Briefing, options: Options) -> str:
    return briefing.to_json()


def _markdown(briefing: Briefing, options: Options) -> str:
    from briefing.renderers.markdown import render_markdown

    return render_markdown(briefing, report_language=options.report_language)


def _claimreview(briefing: Briefing, options: Options) -> str:
    from briefing.renderers.claimreview import render_claimreview

    return render_claimreview(briefing)


@dataclass(frozen=True)
class FormatSpec:
    """A format's file suffixes (the first is the one briefing writes) and its renderer."""

    suffixes: tuple[str, ...]
    renderer: Callable[[Briefing, Options], str | bytes]

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


FORMATS: dict[Format, FormatSpec] = {
    Format.PDF: FormatSpec(("pdf",), _pdf),
    Format.HTML: FormatSpec(("html", "htm"), _html),
    Format.JSON: FormatSpec(("json",), _json),
    Format.MD: FormatSpec(("md",), _markdown),
    Format.CLAIMREVIEW: FormatSpec(("jsonld",), _claimreview),
}


def format_of_suffix(suffix: str) -> Format | None:
    """Return the format a file suffix ('.pdf', 'HTM') names, or None."""
    wanted = suffix.lstrip(".").casefold()
    return next((f for f, spec in FORMATS.items() if wanted in spec.suffixes), None)


def render(
    briefing: Briefing,
    fmt: Format | str,
    *,
    paper: Paper | str = Paper.A4,
    template_dir: Path | None = None,
    css: Sequence[Path] = (),
    report_language: str | None = None,
) -> bytes:
    """Return the briefing in one format as the bytes `briefing generate` writes (text is UTF-8).

    `report_language` (ar or en) is the language of the labels; None means the article's.
    The JSON is the same whatever the report language. Raises ValueError for an unknown format.
    """
    options = Options(paper, template_dir, tuple(css), report_language)
    data = FORMATS[Format(fmt)].renderer(briefing, options)
    return data.encode("utf-8") if isinstance(data, str) else data
