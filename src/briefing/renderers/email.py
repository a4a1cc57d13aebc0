"""Briefing -> the two bodies of an email: plain text and HTML, in the report language.

The plain-text part is written to be read as it is; the HTML part is built for mail clients
rather than browsers: a table layout, every style inlined on its element (css_inline), no
stylesheet, script, image, font or anything else fetched, and the direction on the elements
themselves because many clients drop `<html>` and `<body>`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import jinja2

from briefing.errors import RenderError
from briefing.renderers.html import template_environment
from briefing.renderers.labels import Labels
from briefing.renderers.markdown import opening_quote_marks, quote_marks
from briefing.renderers.text import bidi, first_strong
from briefing.renderers.view import VERDICT_ICONS, build_view
from briefing.report.record import Briefing
from briefing.resources import asset_dir
from briefing.vocab import REPORT_ORDER

TEXT_TEMPLATE = "email.txt.j2"
HTML_TEMPLATE = "email.html.j2"
STYLESHEET = "email.css"
TEXT_WIDTH = 76  # RFC 5322 asks for lines under 78 characters
RLM, LRM = "\u200f", "\u200e"
SIGNATURE = "-- "  # the signature separator, trailing space and all
_LIST_MARKER = re.compile(r"(?:- |\[\d+\] )")
_NUMBER_RUN = re.compile(r"(?<![\w\u200e])\d+(?:[-/.:–]\d+)+")  # dates, times, ranges


def email_view(
    briefing: Briefing, *, report_language: str | None = None, attachment: str | None = None
) -> dict[str, Any]:
    """Return what the email's templates show: the briefing's view, the subject and the tally."""
    view = build_view(briefing, report_language=report_language)
    labels: Labels = view["_"]
    view |= {
        "subject": _subject(view),
        "tally": [
            {
                "verdict": verdict.value,
                "label": labels(f"verdict.{verdict}"),
                "icon": VERDICT_ICONS[verdict],
                "count": view["counts"][verdict.value],
            }
            for verdict in REPORT_ORDER
        ],
        "tally_text": labels("email.tally", **view["counts"]),
        "attachment": attachment,
        "quotes": quote_marks(view["article"]["language"]),
    }
    return view


def render_email_text(view: Mapping[str, Any]) -> str:
    """Return the plain-text body: BLUF, claims with verdicts and speakers, sources.

    Lines are wrapped for reading in a terminal. In a right-to-left report, each line that
    does not start with a right-to-left letter starts with a RIGHT-TO-LEFT MARK, so that a
    client which sets each paragraph's direction from its first letter (most do) keeps the
    report right to left; lines quoting the article keep their own direction. Dates and other
    numbers with separators get a LEFT-TO-RIGHT MARK in front, so they read in order.
    """
    text = _template(view["lang"], TEXT_TEMPLATE).render(view)
    return _wrap(text, rtl=view["dir"] == "rtl")


def render_email_html(view: Mapping[str, Any]) -> str:
    """Return the HTML body, every style inlined and nothing to fetch."""
    import css_inline

    html = _template(view["lang"], HTML_TEMPLATE).render(view)
    css = (asset_dir("styles") / STYLESHEET).read_text(encoding="utf-8")
    inliner = css_inline.CSSInliner(
        inline_style_tags=True,
        keep_style_tags=False,
        keep_link_tags=False,
        load_remote_stylesheets=False,
        extra_css=css,
        apply_width_attributes=True,
    )
    try:
        return str(inliner.inline(html))
    except ValueError as error:  # css_inline's InlineError is a ValueError
        raise RenderError(f"the email's HTML could not be built: {error}") from None


def _subject(view: Mapping[str, Any]) -> str:
    labels = view["_"]
    title = " ".join(view["article"]["short_title"].split())
    subject = labels("email.subject", title=title, tally=labels("email.tally", **view["counts"]))
    return "".join(char if not has_control(char) else " " for char in subject)


def has_control(value: str) -> bool:
    """Say whether `value` holds a line break or another control character (how a header is
    smuggled into a message)."""
    return any(ord(char) < 32 or ord(char) == 127 or char in "\u2028\u2029" for char in value)


@lru_cache(maxsize=8)
def _environment(language: str, html: bool) -> jinja2.Environment:
    environment = template_environment(
        jinja2.FileSystemLoader(asset_dir("templates")),
        autoescape=html,  # the HTML part carries untrusted article text
        language=language,
    )
    environment.filters["bidi"] = _bidi_filter
    environment.filters["oneline"] = _oneline
    return environment


def _template(language: str, name: str) -> jinja2.Template:
    environment = _environment(language, name.endswith(".html.j2"))
    try:
        return environment.get_template(name)
    except jinja2.TemplateError as error:
        raise RenderError(f"the email template {name} failed: {error}") from None


@jinja2.pass_context
def _bidi_filter(context: jinja2.runtime.Context, value: object, direction: str = "") -> Any:
    return bidi(value, direction or context.get("dir", "ltr"))


def _oneline(value: object) -> str:
    return " ".join(("" if value is None else str(value)).split())


def _wrap(text: str, *, rtl: bool) -> str:
    """Return `text` with long lines wrapped under their indent (and marked, when rtl)."""
    openings = opening_quote_marks()
    out: list[str] = []
    for line in text.splitlines():
        body = line.lstrip(" ")
        if not body or line == SIGNATURE:
            out.append(line)
            continue
        indent = " " * (len(line) - len(body))
        marker = _LIST_MARKER.match(body)
        hanging = indent + " " * (len(marker.group()) if marker else 0)
        quoted = body[0] in openings
        pieces = textwrap.wrap(
            body,
            width=TEXT_WIDTH,
            initial_indent=indent,
            subsequent_indent=hanging,
            break_long_words=False,  # an address stays whole, however long
            break_on_hyphens=False,
        )
        for piece in pieces or [line]:
            if rtl:
                # After an Arabic letter, 2023-03-17 would read 17-03-2023: a LEFT-TO-RIGHT
                # MARK in front keeps the number's parts in order.
                piece = _NUMBER_RUN.sub(LRM + r"\g<0>", piece)
                if not quoted and first_strong(piece) != "rtl":
                    piece = RLM + piece
            out.append(piece)
    return "\n".join(out).rstrip("\n") + "\n"
