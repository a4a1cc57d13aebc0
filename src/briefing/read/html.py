"""HTML -> an article's main text and what the page says about it: title, date, author, outlet.

trafilatura finds the main text (leaving navigation, footers, ads and comments out) and reads
the page's metadata (<meta property="article:published_time">, og:site_name, author, JSON-LD).
When it finds no main text, the page's visible text stands in, boilerplate elements removed.
The page is never rendered and nothing it links to is fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # lxml refuses them in text
# Elements whose text is never the article's (for the fallback; trafilatura knows its own).
_BOILERPLATE = (
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside",
    "form", "button", "select", "iframe", "svg", "math", "object", "embed", "canvas",
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
# Left out before trafilatura looks: on a short page it would keep a menu as text.
_PRUNE = [
    "//nav",
    "//aside",
    "//footer",
    "//header[not(ancestor::article)]",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary']",
]
# htmldate's extensive search guesses a date from anywhere in the text (a date the article
# mentions is not when it was published); only the page's own metadata is trusted.
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class HtmlArticle:
    """The main text of a page and its metadata; None where the page does not say."""

    body: str
    title: str | None
    published: dt.date | None
    author: str | None
    outlet: str | None
    url: str | None


def looks_like_html(text: str) -> bool:
    """Return whether text starts like an HTML page (<!doctype html> or <html>)."""
    return _HTML_START.match(text.removeprefix("\ufeff")) is not None


def extract(html: str, *, url: str | None = None) -> HtmlArticle:
    """Return the main text of the page `html` (fetched from `url`, if given) and its metadata."""
    import trafilatura  # slow to import; only HTML articles need it

    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str with an encoding declared
    document: Any = None
    if html.strip():
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params=_DATE_OPTIONS,
            prune_xpath=_PRUNE,
        )
    title = _clean(getattr(document, "title", None))
    text = getattr(document, "text", None) or ""
    if not text.strip():
        text = visible_text(html)
    return HtmlArticle(
        body=_paragraphs(text, title),
        title=title,
        published=_date(getattr(document, "date", None)),
        author=_clean(getattr(document, "author", None)),
        outlet=_clean(getattr(document, "sitename", None)),
        url=_web_url(getattr(document, "url", None)),
    )


def visible_text(html: str) -> str:
    """Return the text a reader would see in `html`, one block per line, boilerplate left out."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(_CONTROL.sub(" ", html))
    except (etree.ParserError, ValueError):
        return ""
    for element in root.xpath("|".join(f"//{tag}" for tag in _BOILERPLATE)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return str(root.text_content())


def _paragraphs(text: str, title: str | None) -> str:
    """Return the text one paragraph per line, blank lines and the repeated title left out."""
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == " ".join(title.split()).casefold():
        lines = lines[1:]
    return "\n".join(lines)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _web_url(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return value.strip()
    return None
