"""Briefing -> one self-contained HTML document, from the Jinja2 theme in `templates/` and
`styles/` (autoescaping on: the article is untrusted). The PDF is WeasyPrint's rendering of this
HTML with the paged-media rules added (see `render.pdf`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from briefing.errors import RenderError
from briefing.renderers.labels import Labels
from briefing.renderers.text import bidi, first_strong
from briefing.renderers.view import View, build_view
from briefing.report.record import Briefing
from briefing.resources import asset_dir

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "briefing.html.j2"
THEME_CSS = ("briefing.css",)
PAGED_CSS = ("paged.css",)  # for WeasyPrint: margin boxes, running header, page numbers
BROWSER_CSS = ("browser.css",)  # for printing the HTML from a browser


def render_html(
    briefing: Briefing,
    *,
    template_dir: Path | None = None,
    css: Sequence[Path] = (),
    for_print: bool = False,
    report_language: str | None = None,
) -> str:
    """Return the briefing as one self-contained HTML document.

    `template_dir` may override any of the theme's templates; `css` files are added after the
    theme's stylesheet. `for_print` adds the paged-media rules (running header, page numbers)
    that WeasyPrint uses for the PDF. `report_language` (ar or en) sets the language of every
    label; by default it is the article's language.
    """
    import jinja2  # only HTML and PDF need it: a JSON briefing does not import it

    view = build_view(
        briefing,
        for_print=for_print,
        report_language=report_language,
        created=source_date() if for_print else None,
    )
    view["stylesheet"] = _stylesheet(css, view=view, for_print=for_print)
    environment = _environment(template_dir.resolve() if template_dir else None, view["lang"])
    try:
        return environment.get_template(TEMPLATE).render(view)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(
            f"{error.filename or error.name}:{error.lineno}: {error.message}"
        ) from None
    except jinja2.TemplateError as error:
        raise RenderError(f"the briefing template failed: {error}") from None


def source_date() -> str | None:
    """Return SOURCE_DATE_EPOCH as a W3C date for reproducible PDF metadata, if it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def template_environment(
    loader: jinja2.BaseLoader, *, autoescape: bool = True, language: str | None = None
) -> jinja2.Environment:
    """Return a Jinja environment with the project's settings (undefined names are errors,
    block tags leave no blank lines), its `_()` speaking `language` when one is given."""
    import jinja2

    environment = jinja2.Environment(
        loader=loader,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"] if language else [],
    )
    if language:
        # newstyle: `_("doc.title", title=x)` formats %(title)s itself and escapes `x`.
        environment.install_gettext_translations(  # type: ignore[attr-defined]
            Labels(language).translations, newstyle=True
        )
    return environment


@lru_cache(maxsize=8)
def _environment(template_dir: Path | None, language: str) -> jinja2.Environment:
    """Return the Jinja environment for a theme folder, its `_()` speaking `language`."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise RenderError(f"template folder {template_dir} does not exist")
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.FileSystemLoader(asset_dir("templates")))
    # Autoescaped everywhere: article text is untrusted.
    environment = template_environment(jinja2.ChoiceLoader(loaders), language=language)
    environment.filters["bidi"] = jinja2.pass_context(_bidi_filter)
    environment.filters["number"] = _number
    environment.filters["textdir"] = jinja2.pass_context(_textdir_filter)
    return environment


def _bidi_filter(context: jinja2.runtime.Context, value: object, direction: str = "") -> Markup:
    return bidi(value, direction or context.get("dir", "ltr"))


def _textdir_filter(context: jinja2.runtime.Context, value: object) -> str:
    """Return 'ltr' or 'rtl' for a value's own direction, else the report's."""
    return first_strong("" if value is None else str(value)) or context.get("dir", "ltr")


def _number(value: object, digits: int = 2) -> str:
    return f"{value:.{digits}f}" if isinstance(value, (int, float)) else ""


def _stylesheet(css: Sequence[Path], *, view: View, for_print: bool) -> Markup:
    styles = asset_dir("styles")
    parts = [_read(styles / name) for name in THEME_CSS]
    if for_print:
        parts += [_read(styles / name) for name in PAGED_CSS]
        parts.append(_margin_boxes(view["_"], view["dir"]))
    else:
        parts += [_read(styles / name) for name in BROWSER_CSS]
    parts += [_read(Path(path)) for path in css]
    # Inlined in <style>: a stray "</style>" in a user stylesheet must not end the element.
    return Markup("\n".join(parts).replace("</", "<\\/"))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RenderError(f"cannot read stylesheet {path}: {error}") from None


def _margin_boxes(labels: Labels, direction: str) -> str:
    """Return the @page rules whose text depends on the report language."""
    start, end = ("right", "left") if direction == "rtl" else ("left", "right")
    marker = "\x00"
    footer = labels("page.of", page=f"{marker}page{marker}", pages=f"{marker}pages{marker}")
    pieces = []
    for index, piece in enumerate(footer.split(marker)):
        if index % 2:
            pieces.append(f"counter({piece})")
        elif piece:
            pieces.append(_css_string(piece))
    return (
        "@page {\n"
        f"  @top-{start} {{ content: element(runningTitle); }}\n"
        f"  @top-{end} {{ content: {_css_string(labels('doc.kind'))}; }}\n"
        f"  @bottom-center {{ content: {' '.join(pieces)}; }}\n"
        "}\n"
        f"@page :first {{ @top-{start} {{ content: none; }} @top-{end} {{ content: none; }} }}\n"
    )


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return '"' + escaped.replace("<", "\\3c ") + '"'
