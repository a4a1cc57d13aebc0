"""An http(s) URL -> the page's bytes, its media type and its declared charset.

Only what an article can be is accepted (HTML, plain text, Markdown), at most `max_bytes` of
it, within `timeout` seconds in all; redirects are followed only to other http(s) URLs.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from briefing import __version__
from briefing.errors import ArticleError

if TYPE_CHECKING:
    from email.message import Message

TIMEOUT = 20.0  # seconds for the whole fetch
MAX_REDIRECTS = 5
# Media types an article may come as, and how to read each.
MEDIA_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "text/x-markdown": "text",
}
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """What a server sent: the final URL (after redirects), the body and how to read it."""

    url: str
    data: bytes
    kind: str | None  # "html" | "text" | None when the server did not say
    charset: str | None


def is_url(location: str) -> bool:
    """Return whether `location` is written as a URL (scheme://…) rather than a path."""
    return _URL.match(location) is not None


def fetch(url: str, *, max_bytes: int, timeout: float = TIMEOUT) -> Fetched:
    """Return the article at the http(s) `url`, or raise ArticleError saying why not."""
    # Imported here: urllib.request brings ssl and http.client, which only URLs need.
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    _check_scheme(url, url)
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_no_redirects())
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": f"briefing/{__version__}",
                "Accept": "text/html, text/plain;q=0.9, text/markdown;q=0.9",
            },
        )
        try:
            with opener.open(request, timeout=_left(deadline, url, timeout)) as response:
                return _read(response, url, response.geturl(), max_bytes, deadline, timeout)
        except urllib.error.HTTPError as error:
            error.close()
            location = error.headers.get("Location") if error.code in _REDIRECTS else None
            if not location:
                raise ArticleError(
                    f"{url}: the server answered {error.code} {error.reason}"
                ) from None
            current = urljoin(current, location)
            _check_scheme(current, url, redirected=True)
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _timed_out(url, timeout) from None
            raise ArticleError(f"{url}: cannot be fetched ({_reason(error.reason)})") from None
        except TimeoutError:
            raise _timed_out(url, timeout) from None
        except (HTTPException, OSError) as error:
            raise ArticleError(f"{url}: cannot be fetched ({_reason(error)})") from None
    raise ArticleError(f"{url}: more than {MAX_REDIRECTS} redirects; give the final URL")


def _no_redirects() -> Any:
    """Return a handler that leaves redirects to `fetch`, which checks where each one leads."""
    import urllib.request

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    return NoRedirects()


def _read(
    response: object, url: str, final: str, max_bytes: int, deadline: float, timeout: float
) -> Fetched:
    headers: Message = response.headers  # type: ignore[attr-defined]
    kind = None
    if headers.get("Content-Type"):
        media_type = headers.get_content_type()
        kind = MEDIA_TYPES.get(media_type)
        if kind is None:
            accepted = ", ".join(MEDIA_TYPES)
            raise ArticleError(
                f"{url}: the server sends {media_type}, not an article; briefing reads {accepted}"
            )
    length = headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise _too_large(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        _left(deadline, url, timeout)
        chunk = response.read1(_CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
    charset = headers.get_content_charset()
    return Fetched(url=final, data=b"".join(chunks), kind=kind, charset=charset)


def _check_scheme(target: str, url: str, *, redirected: bool = False) -> None:
    parts = urlsplit(target)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return
    if redirected:
        raise ArticleError(f"{url}: redirects to {target}, which is not an http(s) URL; refused")
    raise ArticleError(f"{url}: only http:// and https:// URLs can be read")


def _left(deadline: float, url: str, timeout: float) -> float:
    """Return the seconds left before `deadline`, raising the timeout error when none are."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timed_out(url, timeout)
    return left


def _timed_out(url: str, timeout: float) -> ArticleError:
    return ArticleError(f"{url}: no complete answer within {timeout:g} seconds; try --timeout")


def _too_large(url: str, max_bytes: int) -> ArticleError:
    return ArticleError(f"{url}: larger than {max_bytes:,} bytes; raise --max-bytes to read it")


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror)
    return str(reason) or type(reason).__name__
