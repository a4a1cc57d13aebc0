"""Path, URL or stdin -> Article: the body, its metadata, its language and publication date.

Text and Markdown files may start with YAML front matter; HTML pages (by suffix, by the
server's Content-Type, or sniffed on stdin) give their main text and metadata through
`read.html`; `encodings` turns bytes into text and `fetch` gets URLs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import ArticleError, InvalidArgument
from briefing.languages import codes, detect_language
from briefing.models import Article
from briefing.read import encodings, fetch, html

MAX_BYTES = 5_000_000
FETCH_TIMEOUT = fetch.TIMEOUT
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FRONT_MATTER_KEYS = {"title", "published", "source", "outlet", "url", "language", "author"}
_SIZE = re.compile(r"([0-9][0-9_]*(?:\.[0-9]+)?)\s*([kmg]i?b?|b)?", re.I)


def parse_date_option(value: str, *, what: str = "published") -> dt.date:
    """Return the date of a YYYY-MM-DD value, or raise InvalidArgument naming `what`."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgument(what, f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def parse_size_option(value: str, *, what: str = "max_bytes") -> int:
    """Return the bytes of a size such as 5000000, 500KB, 5MB or 2MiB, or raise
    InvalidArgument naming `what`."""
    match = _SIZE.fullmatch(value.strip())
    if match is None:
        raise InvalidArgument(
            what, f"{value!r} is not a size; write bytes, such as 5000000, 500KB or 5MB"
        )
    number, unit = match.group(1).replace("_", ""), (match.group(2) or "").lower()
    base = 1024 if "i" in unit else 1000
    scale = base ** "bkmg".index(unit[0]) if unit else 1
    size = int(float(number) * scale)
    if size < 1:
        raise InvalidArgument(what, f"{value!r} must be at least one byte")
    return size


def check_language(language: str | None) -> None:
    """Raise InvalidArgument unless `language` is None or the code of a registered language."""
    if language is not None and language not in codes():
        choices = ", ".join(codes())
        raise InvalidArgument("language", f"{language!r} is not supported; choose one of {choices}")


@dataclass(frozen=True)
class _Raw:
    label: str  # how messages name the article: its path, its URL or <stdin>
    data: bytes
    kind: str | None  # "html" | "text" | None: sniff
    charset: str | None = None  # what the server declared
    url: str | None = None  # where it was fetched from, after redirects


def read_article(
    location: str,
    *,
    language: str | None = None,
    published: dt.date | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = FETCH_TIMEOUT,
) -> Article:
    """Return the article at `location` (a path, an http(s) URL, or '-' for stdin).

    `encoding` forces a codec (else it is detected); `max_bytes` caps what is read; `timeout`
    bounds a URL's fetch in seconds. Raises ArticleError when there is no article to read,
    InvalidArgument when an argument is wrong.
    """
    check_language(language)
    if encoding is not None:
        encodings.check_encoding(encoding)
    return _article(_load(location, max_bytes, timeout), language, published, encoding)


def read_text(
    text: str,
    *,
    language: str | None = None,
    published: dt.date | None = None,
    source: str = "<text>",
) -> Article:
    """Return the article whose text (or HTML page) is `text`, named `source` in messages."""
    check_language(language)
    return _article(_Raw(source, text.encode("utf-8"), None), language, published, "utf-8")


def _article(
    raw: _Raw, language: str | None, published: dt.date | None, encoding: str | None
) -> Article:
    declared = raw.charset
    if raw.kind != "text" and declared is None:
        declared = encodings.declared_charset(raw.data)
    decoded = encodings.decode(raw.data, raw.label, encoding=encoding, declared=declared)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    kind = raw.kind or ("html" if html.looks_like_html(text) else "text")
    if kind == "html":
        page = html.extract(text, url=raw.url)
        body = page.body
        about = _About(
            title=page.title,
            outlet=page.outlet,
            author=page.author,
            url=page.url or raw.url,
            published=page.published,
            published_from="html",
        )
    else:
        meta, body, lines = _split_front_matter(text, raw.label)
        about = _front_matter(meta, lines, raw.label, raw.url)
    if not body.strip():
        raise ArticleError(f"{raw.label}: the article has no text")
    published_from: str | None = None
    if published is not None:
        published_from = "option"
    elif about.published is not None:
        published, published_from = about.published, about.published_from
    return Article(
        body=body,
        source=raw.label,
        language=language or about.language or detect_language(body),
        title=about.title or _first_line_title(body),
        published=published,
        published_from=published_from,
        outlet=about.outlet,
        url=about.url,
        sha256=hashlib.sha256(raw.data).hexdigest(),
        encoding=decoded.encoding,
        author=about.author,
    )


@dataclass(frozen=True)
class _About:
    """What the front matter or the page says about the article."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    language: str | None = None


def _front_matter(
    meta: dict[str, Any], lines: dict[str, int], label: str, url: str | None
) -> _About:
    def text(key: str) -> str | None:
        value = meta.get(key)
        if value is None:
            return None
        if not isinstance(value, str | int | float):
            raise ArticleError(f"{label}:{lines[key]}: front matter {key!r} must be text")
        return str(value).strip() or None

    language = text("language")
    if language is not None and language not in codes():
        raise ArticleError(
            f"{label}:{lines['language']}: front matter language {language!r} is not one of "
            f"{', '.join(codes())}"
        )
    published = None
    if meta.get("published") is not None:
        published = _meta_date(meta["published"], f"{label}:{lines['published']}")
    return _About(
        title=text("title"),
        outlet=text("outlet") or text("source"),
        author=text("author"),
        url=text("url") or url,
        published=published,
        published_from="front-matter",
        language=language,
    )


def _load(location: str, max_bytes: int, timeout: float) -> _Raw:
    """Return the bytes at `location` and what is known of their kind before decoding."""
    if location == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        _check_size(data, "<stdin>", max_bytes)
        return _Raw("<stdin>", data, None)
    if fetch.is_url(location):
        page = fetch.fetch(location, max_bytes=max_bytes, timeout=timeout)
        return _Raw(location, page.data, page.kind, page.charset, page.url)
    path = Path(location)
    if path.is_dir():
        raise ArticleError(f"{location}: is a folder, not an article file")
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise ArticleError(f"{location}: no such file") from None
    except OSError as e:
        raise ArticleError(f"{location}: cannot be read ({e.strerror or e})") from None
    _check_size(data, location, max_bytes)
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    return _Raw(location, data, kind)


def _check_size(data: bytes, label: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ArticleError(
            f"{label}: larger than {max_bytes:,} bytes; raise --max-bytes to read it"
        )


def _split_front_matter(text: str, label: str) -> tuple[dict[str, Any], str, dict[str, int]]:
    """Return (front matter, body, the line of each front matter key)."""
    if not text.startswith("---\n"):
        return {}, text, {}
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise ArticleError(f"{label}:1: front matter opened with '---' is never closed")
    block = text[4 : end + 1]
    try:
        meta = yaml.load(block, Loader=_FrontMatterLoader)  # a SafeLoader: plain data only
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(e, "problem", None) or "not valid YAML"
        raise ArticleError(f"{label}:{line}: front matter: {problem}") from None
    except RecursionError:
        raise ArticleError(f"{label}:2: front matter nests too deeply to be read") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(f"{label}:2: front matter must be 'key: value' lines")
    unknown = sorted(str(k) for k in meta if k not in _FRONT_MATTER_KEYS)
    if unknown:
        allowed = ", ".join(sorted(_FRONT_MATTER_KEYS))
        line = _key_line(block, unknown[0])
        raise ArticleError(
            f"{label}:{line}: unknown front matter key {unknown[0]!r} (known: {allowed})"
        )
    body = text[end + len("\n---\n") :].lstrip("\n")
    return meta, body, {str(key): _key_line(block, str(key)) for key in meta}


def _meta_date(value: object, where: str) -> dt.date:
    text = str(value).strip()
    try:
        if len(text) > 10 and text[10] in "T ":  # a time of day after the date
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArticleError(
            f"{where}: front matter 'published: {value}' is not a date; write YYYY-MM-DD"
        ) from None


class _FrontMatterLoader(yaml.SafeLoader):
    """A SafeLoader that leaves dates as text: an impossible one (2023-02-30) is then reported
    with its line instead of failing inside PyYAML, and a title such as 2023-09-18 stays text."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _key_line(block: str, key: str) -> int:
    """Return the line of the article on which the front matter's `key` is written."""
    match = re.search(rf"^{re.escape(key)}\s*:", block, re.M)
    return block.count("\n", 0, match.start()) + 2 if match else 2


def _first_line_title(body: str) -> str | None:
    first = body.strip().split("\n", 1)[0].strip()
    return first[:120] + ("…" if len(first) > 120 else "") if first else None
