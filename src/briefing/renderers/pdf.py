"""Briefing -> tagged PDF/UA-1 bytes: WeasyPrint's rendering of the HTML briefing with the
paged-media rules, fonts embedded and the briefing's JSON attached. WeasyPrint is imported only
when a PDF is asked for (see `render.printer`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.errors import RenderError
from briefing.renderers.html import render_html, source_date
from briefing.report.record import Briefing
from briefing.resources import asset_dir
from briefing.vocab import Paper

PRINT_UA_CSS = "print-ua.css"  # WeasyPrint's user-agent stylesheet for the theme's own templates
ATTACHMENT_NAME = "briefing.json"


def render_pdf(
    briefing: Briefing,
    *,
    template_dir: Path | None = None,
    css: Sequence[Path] = (),
    paper: Paper | str = Paper.A4,
    report_language: str | None = None,
) -> bytes:
    """Return the briefing as tagged PDF/UA-1 bytes, fonts embedded and the JSON attached.

    Nothing is fetched; the same briefing gives the same bytes.
    """
    size = paper if isinstance(paper, Paper) else Paper.parse(paper)
    if size is None:
        choices = ", ".join(Paper.values())
        raise RenderError(f"unknown paper size {paper!r}; use one of {choices}")
    html = render_html(
        briefing,
        template_dir=template_dir,
        css=css,
        for_print=True,
        report_language=report_language,
    )

    from briefing.renderers import printer  # WeasyPrint is slow to import; only PDFs need it

    roots = [asset_dir("styles"), asset_dir("templates")]
    if template_dir is not None:
        roots.append(template_dir)
    roots.extend(Path(path).parent for path in css)
    return printer.write_pdf(
        html,
        page_css=f"@page {{ size: {size.value}; }}",
        base_dir=asset_dir("styles"),
        roots=roots,
        attachment=(ATTACHMENT_NAME, briefing.to_json()),
        created=source_date(),
        # Another theme's templates may use any element: they get WeasyPrint's full defaults.
        user_agent_css=asset_dir("styles") / PRINT_UA_CSS if template_dir is None else None,
    )
