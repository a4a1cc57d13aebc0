"""Path or stdin -> Article: the body, its front matter, its language and publication date."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import ArticleError, UsageError
from briefing.languages import LANGUAGES, detect_language
from briefing.models import Article

MAX_BYTES = 5_000_000
_FRONT_MATTER_KEYS = {"title", "published", "source", "outlet", "url", "language", "author"}


def parse_date_option(value: str, *, what: str = "--published") -> dt.date:
    """Return the date of a YYYY-MM-DD option value, or raise a UsageError that says why."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what}: {value!r} is not a date; write it as YYYY-MM-DD") from None


def read_article(
    location: str,
    *,
    language: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Return the article at `location` (a path, or '-' for stdin), or raise ArticleError."""
    label = "<stdin>" if location == "-" else location
    raw = _read_bytes(location, label, max_bytes)
    text = _decode(raw, label)
    meta, body, body_line = _split_front_matter(text, label)
    if not body.strip():
        raise ArticleError(f"{label}: the article has no text")
    if language is not None and language not in LANGUAGES:
        raise UsageError(f"--language: {language!r} is not supported; choose one of ar, en")
    lang = language or _meta_str(meta, "language", label) or detect_language(body)
    if lang not in LANGUAGES:
        raise ArticleError(f"{label}:1: front matter language {lang!r} is not one of ar, en")
    published_from: str | None = None
    if published is not None:
        published_from = "option"
    elif "published" in meta:
        published = _meta_date(meta["published"], label)
        published_from = "front-matter"
    del body_line
    return Article(
        body=body,
        source=label,
        language=lang,
        title=_meta_str(meta, "title", label) or _first_line_title(body),
        published=published,
        published_from=published_from,
        outlet=_meta_str(meta, "outlet", label) or _meta_str(meta, "source", label),
        url=_meta_str(meta, "url", label),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def _read_bytes(location: str, label: str, max_bytes: int) -> bytes:
    if location == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(location)
        if path.is_dir():
            raise ArticleError(f"{label}: is a folder, not an article file")
        try:
            with path.open("rb") as f:
                raw = f.read(max_bytes + 1)
        except FileNotFoundError:
            raise ArticleError(f"{label}: no such file") from None
        except OSError as e:
            raise ArticleError(f"{label}: cannot be read ({e.strerror})") from None
    if len(raw) > max_bytes:
        raise ArticleError(
            f"{label}: larger than {max_bytes:,} bytes; raise --max-bytes to read it"
        )
    return raw


def _decode(raw: bytes, label: str) -> str:
    if b"\x00" in raw[:8192]:
        raise ArticleError(f"{label}: looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ArticleError(f"{label}:{line}: not valid UTF-8 text") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(text: str, label: str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line number where the body starts)."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise ArticleError(f"{label}:1: front matter opened with '---' is never closed")
    block = text[4 : end + 1]
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(e, "problem", None) or "not valid YAML"
        raise ArticleError(f"{label}:{line}: front matter: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(f"{label}:2: front matter must be 'key: value' lines")
    unknown = sorted(str(k) for k in meta if k not in _FRONT_MATTER_KEYS)
    if unknown:
        allowed = ", ".join(sorted(_FRONT_MATTER_KEYS))
        raise ArticleError(f"{label}:2: unknown front matter key {unknown[0]!r} (known: {allowed})")
    body_start = end + len("\n---\n")
    body = text[body_start:].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return meta, body, body_line


def _meta_str(meta: dict[str, Any], key: str, label: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ArticleError(f"{label}:2: front matter {key!r} must be text")
    return str(value).strip() or None


def _meta_date(value: object, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ArticleError(
            f"{label}:2: front matter 'published: {value}' is not a date; write YYYY-MM-DD"
        ) from None


def _first_line_title(body: str) -> str | None:
    first = body.strip().split("\n", 1)[0].strip()
    return first[:120] + ("…" if len(first) > 120 else "") if first else None
