"""Reading articles: a path, an http(s) URL or stdin -> Article.

`articles` reads the bytes and the front matter, `encodings` turns bytes into text, `fetch`
gets URLs (and nothing an article links to), `html` finds a page's main text and metadata.
"""

from __future__ import annotations

from briefing.read.articles import (
    FETCH_TIMEOUT,
    HTML_SUFFIXES,
    MAX_BYTES,
    parse_date_option,
    parse_size_option,
    read_article,
    read_text,
)
from briefing.read.encodings import check_encoding

__all__ = [
    "FETCH_TIMEOUT",
    "HTML_SUFFIXES",
    "MAX_BYTES",
    "check_encoding",
    "parse_date_option",
    "parse_size_option",
    "read_article",
    "read_text",
]
