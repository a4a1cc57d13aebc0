"""HTML -> PDF through WeasyPrint, fetching nothing but the package's own files.

This is the only module that imports WeasyPrint; `render.render_pdf` imports it on first use so
that `briefing --help` stays quick.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import mimetypes
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from briefing.errors import RenderError

# (family, package, file, weight, style): the faces the theme's CSS asks for. IBM Plex Sans
# Arabic sets the report (it has Latin glyphs too); Amiri sets quoted article text.
FONT_FACES: tuple[tuple[str, str, str, int, str], ...] = (
    (
        "IBM Plex Sans Arabic",
        "fontpkg_ibm_plex_sans_arabic",
        "IBMPlexSansArabic-Regular.ttf",
        400,
        "normal",
    ),
    (
        "IBM Plex Sans Arabic",
        "fontpkg_ibm_plex_sans_arabic",
        "IBMPlexSansArabic-SemiBold.ttf",
        600,
        "normal",
    ),
    (
        "IBM Plex Sans Arabic",
        "fontpkg_ibm_plex_sans_arabic",
        "IBMPlexSansArabic-Bold.ttf",
        700,
        "normal",
    ),
    ("Amiri", "fontpkg_amiri", "Amiri-Regular.ttf", 400, "normal"),
    ("Amiri", "fontpkg_amiri", "Amiri-Bold.ttf", 700, "normal"),
    ("Amiri", "fontpkg_amiri", "Amiri-Italic.ttf", 400, "italic"),
)


class FetchRefused(ValueError):
    """A URL outside the package's own assets; WeasyPrint reports it as a failed fetch."""


class PackageURLFetcher(URLFetcher):
    """Serves file:// URLs inside the given folders and refuses every other URL.

    The article is untrusted and its text is escaped, so nothing in it should ever reach the
    fetcher; this is the second wall. `fetched` and `refused` record what was asked for.
    """

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols=("file",))
        self.roots = tuple(dict.fromkeys(Path(root).resolve() for root in roots))
        self.fetched: list[str] = []
        self.refused: list[str] = []

    def local_path(self, url: str) -> Path | None:
        """Return the file that `url` names if it is one we may serve, else None."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_file():
            return None
        if any(path.is_relative_to(root) for root in self.roots):
            return path
        return None

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.local_path(url)
        if path is None:
            self.refused.append(url)
            raise FetchRefused(f"briefing fetches only its own theme and font files, not {url}")
        self.fetched.append(url)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": mime_type}
        )


def font_dir(package: str) -> Path:
    """Return the folder of TTF files inside an installed font package."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        dist = package.replace("_", "-")
        raise RenderError(f"the font package {dist} is not installed; reinstall briefing to get it")
    return Path(locations[0]).resolve() / "files"


def font_face_css() -> tuple[str, list[Path]]:
    """Return @font-face rules for the packaged fonts, and the folders they load from."""
    rules, folders = [], []
    for family, package, filename, weight, style in FONT_FACES:
        folder = font_dir(package)
        path = folder / filename
        if not path.is_file():
            raise RenderError(f"font file {path} is missing; reinstall {package}")
        folders.append(folder)
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules), folders


def write_pdf(
    html: str,
    *,
    page_css: str,
    base_dir: Path,
    roots: Sequence[Path],
    fetcher: PackageURLFetcher | None = None,
    attachment: tuple[str, str] | None = None,
    created: str | None = None,
    user_agent_css: Path | None = None,
) -> bytes:
    """Return the tagged PDF/UA-1 of `html`, packaged fonts embedded and nothing fetched.

    `attachment` is a (file name, text) pair embedded in the PDF; `created` (a W3C date, from
    SOURCE_DATE_EPOCH) dates it, else it carries a fixed date so that the bytes stay the same.
    Anything else the HTML or a stylesheet asks for (an image on a server, a remote @import,
    file:///etc/passwd) is refused by the fetcher and left out of the PDF. `user_agent_css`
    replaces WeasyPrint's user-agent stylesheet (see `LeanHTML`).
    """
    fonts, font_folders = font_face_css()
    if fetcher is None:
        fetcher = PackageURLFetcher([*roots, *font_folders])
        font_config, stylesheet = _stylesheet(fonts + "\n" + page_css, base_dir, tuple(roots))
    else:  # a caller's fetcher sees every request: nothing comes from the cache
        font_config = FontConfiguration()
        stylesheet = CSS(
            string=fonts + "\n" + page_css,
            base_url=base_dir.as_uri() + "/",
            url_fetcher=fetcher,
            font_config=font_config,
        )
    # The same HTML gives the same bytes: WeasyPrint writes no dates unless the HTML has
    # dcterms.created/modified, and the file identifier is derived from the HTML.
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    with fewer_collections():
        base_url = base_dir.as_uri() + "/"
        if user_agent_css is None:
            document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        else:
            document = LeanHTML(
                string=html, base_url=base_url, url_fetcher=fetcher, user_agent_css=user_agent_css
            )
        pdf: bytes = document.write_pdf(
            stylesheets=[stylesheet],
            font_config=font_config,
            pdf_identifier=identifier,
            attachments=[_attachment(*attachment, created=created)] if attachment else None,
            **pdf_options(),
        )
        return pdf


class LeanHTML(HTML):
    """An HTML document whose user-agent stylesheet is the caller's instead of WeasyPrint's.

    WeasyPrint's own sheet styles every HTML element there is, and many of its selectors must
    be tried on every element; matching it took a seventh of the time of a briefing's PDF. The
    theme's `print-ua.css` gives the elements a briefing contains the same defaults (the PDFs
    come out the same, pixel for pixel). WeasyPrint asks the document for its sheets through
    `_ua_stylesheets`; if a later version stops asking, the PDF is still right, only slower.
    """

    def __init__(self, *, user_agent_css: Path, **options: Any) -> None:
        super().__init__(**options)
        self.user_agent_stylesheet = _user_agent_stylesheet(user_agent_css)

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [self.user_agent_stylesheet]


@cache
def _user_agent_stylesheet(path: Path) -> CSS:
    """Return the user-agent stylesheet at `path`, parsed once per process."""
    return CSS(filename=str(path))


_STYLESHEETS: dict[tuple[str, Path, tuple[Path, ...]], tuple[FontConfiguration, CSS]] = {}


def _stylesheet(css: str, base_dir: Path, roots: tuple[Path, ...]) -> tuple[FontConfiguration, CSS]:
    """Return the font configuration and the parsed stylesheet for `css`, made once per process.

    Parsing the theme and loading its @font-face fonts costs a sixth of a PDF; a batch worker
    renders many briefings with the same stylesheet. Keyed by the text and the folders it may
    load from, so another --css or paper size gets its own.
    """
    key = (css, base_dir, roots)
    if key not in _STYLESHEETS:
        if len(_STYLESHEETS) >= 4:
            _STYLESHEETS.pop(next(iter(_STYLESHEETS)))
        _fonts, font_folders = font_face_css()
        font_config = FontConfiguration()
        stylesheet = CSS(
            string=css,
            base_url=base_dir.as_uri() + "/",
            url_fetcher=PackageURLFetcher([*roots, *font_folders]),
            font_config=font_config,
        )
        _STYLESHEETS[key] = (font_config, stylesheet)
    return _STYLESHEETS[key]


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector working less; tidy up after it.

    A layout allocates millions of small objects, and the collector would walk them, and
    everything the process held before (spaCy's pipelines, in a batch worker), over and over:
    a tenth of the rendering. Objects made before the block are frozen (left out of
    collections, still freed when no longer referenced) and the young generation is collected
    every 10,000 allocations instead of 700. After the block one collection of what it made
    (the frozen objects still left out) frees the layout's reference cycles, so that a batch
    worker does not grow from one PDF to the next.
    """
    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # else someone else froze objects: leave theirs be
    if freeze:
        gc.freeze()
    gc.set_threshold(10_000, threshold[1], threshold[2])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.collect()
            gc.unfreeze()


def pdf_options() -> dict[str, object]:
    """Return the write_pdf options beyond the defaults.

    PDF/UA-1 makes WeasyPrint tag the structure (headings, tables, lists, figures with their
    SVG <title> as alternate text), mark the document, ask viewers to show the title rather
    than the file name, and declare the variant in XMP metadata. The title comes from
    <title>, the language from <html lang>, subject and keywords from the <meta> elements.
    """
    return {"custom_metadata": False, "pdf_variant": "pdf/ua-1"}


# WeasyPrint dates an attachment "now" unless told otherwise; a fixed date keeps the bytes
# the same from run to run (the PDF itself has no date unless SOURCE_DATE_EPOCH is set).
FIXED_DATE = datetime(2000, 1, 1)


def _attachment(name: str, text: str, *, created: str | None) -> Attachment:
    moment = FIXED_DATE
    if created:
        parsed = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
        moment = parsed.replace(tzinfo=timezone.utc).replace(tzinfo=None)
    return Attachment(
        string=text.encode("utf-8"),
        name=name,
        description="The briefing as JSON (schema briefing-1)",
        created=moment,
        modified=moment,
    )
