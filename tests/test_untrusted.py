"""The article is untrusted: its markup and template syntax stay text in every format, and
nothing it (or a stylesheet) points at is ever fetched or embedded.

A web server on 127.0.0.1 counts the requests it gets; every test here expects none.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from local_http import Route, Server, serving

from conftest import run_cli

FORTY_NINE = re.compile(r"\b49\b")  # what {{ 7*7 }} would become if a template ran it


@pytest.fixture
def server() -> Any:
    with serving({"/pixel.png": Route(b"\x89PNG\r\n\x1a\n")}) as running:
        yield running


def hostile_article(server: Server) -> str:
    return f"""\
---
title: "<script>alert('title')</script> {{{{ 7*7 }}}} talks"
outlet: "<img src=x onerror=alert(1)>"
url: "javascript:alert(1)"
---
Chinese Foreign Minister Wang Yi said <script>alert('x')</script> the talks went well.
The ministry said {{{{ 7*7 }}}} and {{% for x in range(3) %}}loop{{% endfor %}} were discussed.
Sergei Lavrov said <img src="{server.url("/pixel.png")}"> that [a link](javascript:alert(1)) \
and <a href="javascript:alert(2)">this</a> matter.
He added <link rel="stylesheet" href="file:///etc/passwd"> and \
<style>@import url("{server.url("/x.css")}");</style> too.
"""


def generate(article: Path, fmt: str, tmp_path: Path, *extra: str | Path) -> Path:
    out = tmp_path / f"out.{fmt}"
    result = run_cli("generate", article, "--out", out, "--published", "2023-09-18", *extra)
    assert result.exit_code == 0, result.stderr
    return out


def pdf_text_and_links(path: Path) -> tuple[str, list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    links = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                links.append(str(action["/URI"]))
    return text, links


# ---------------------------------------------------------------------------------------------
# Markup and template syntax in the article stay text


def test_html_escapes_the_article(server: Server, tmp_path: Path) -> None:
    article = tmp_path / "hostile.md"
    article.write_text(hostile_article(server), encoding="utf-8")

    html = generate(article, "html", tmp_path).read_text(encoding="utf-8")

    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% for x in range(3) %}loop{% endfor %}" in html
    assert not FORTY_NINE.search(html)
    assert "looploop" not in html
    lowered = html.lower()
    for tag in ("<script", "<img", "<link", "<style>@import", '<a href="javascript'):
        assert tag not in lowered, tag
    assert not re.search(r"""href=["']?\s*(javascript|file|data):""", lowered)
    assert server.requests == []


def test_markdown_escapes_the_article(server: Server, tmp_path: Path) -> None:
    article = tmp_path / "hostile.md"
    article.write_text(hostile_article(server), encoding="utf-8")

    markdown = generate(article, "md", tmp_path).read_text(encoding="utf-8")

    assert "&lt;script&gt;" in markdown
    assert "<script" not in markdown and "<img" not in markdown and "<a " not in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)  # \[a link\](…) is no link
    assert not FORTY_NINE.search(markdown)


def test_json_keeps_the_article_as_data(server: Server, tmp_path: Path) -> None:
    article = tmp_path / "hostile.md"
    article.write_text(hostile_article(server), encoding="utf-8")

    raw = generate(article, "json", tmp_path).read_text(encoding="utf-8")

    doc = json.loads(raw)
    assert "<script>alert('x')</script>" in doc["article"]["body"]
    assert "{{ 7*7 }}" in doc["article"]["body"]
    assert doc["article"]["title"].startswith("<script>")
    assert not FORTY_NINE.search(raw)


def test_pdf_shows_the_article_as_text_and_fetches_nothing(server: Server, tmp_path: Path) -> None:
    article = tmp_path / "hostile.md"
    article.write_text(hostile_article(server), encoding="utf-8")

    text, links = pdf_text_and_links(generate(article, "pdf", tmp_path))

    assert "7*7" in text and "<script>" in text
    assert not FORTY_NINE.search(text)
    assert "root:" not in text
    assert all(link.startswith(("http://", "https://")) for link in links), links
    assert server.requests == []


def test_an_html_article_that_links_resources_fetches_nothing(
    server: Server, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"""<!doctype html><html><head>
<link rel="stylesheet" href="{server.url("/style.css")}">
<link rel="stylesheet" href="file:///etc/passwd">
<style>@import url("{server.url("/import.css")}");
body {{ background: url(file:///etc/passwd) }}</style>
<script src="{server.url("/app.js")}"></script>
</head><body><article>
<p>Chinese Foreign Minister Wang Yi arrived in Moscow for four days of security talks, the
ministry said, and he will meet Sergei Lavrov.</p>
<img src="{server.url("/pixel.png")}"><img src="file:///etc/passwd">
<iframe src="{server.url("/frame")}"></iframe><object data="file:///etc/passwd"></object>
<p>Vladimir Putin has not travelled abroad since the court issued a warrant in March.</p>
</article></body></html>""",
        encoding="utf-8",
    )

    text, _ = pdf_text_and_links(generate(page, "pdf", tmp_path))
    html = generate(page, "html", tmp_path).read_text(encoding="utf-8")

    assert "Wang Yi" in text and "root:" not in text
    assert server.url("/") not in html and "file:///etc/passwd" not in html
    assert server.requests == []


# ---------------------------------------------------------------------------------------------
# The PDF renderer's own wall, and the user's stylesheets


def test_the_pdf_renderer_refuses_every_url_outside_its_folders(
    server: Server, tmp_path: Path
) -> None:
    from briefing.renderers import printer as render_weasyprint
    from briefing.resources import asset_dir

    html = f"""<html><head>
<link rel="stylesheet" href="{server.url("/a.css")}">
<style>body {{ background: url(file:///etc/passwd) }}</style></head>
<body><p>x</p><img src="{server.url("/pixel.png")}"><img src="file:///etc/hostname"></body></html>"""
    _, font_folders = render_weasyprint.font_face_css()
    fetcher = render_weasyprint.PackageURLFetcher([asset_dir("styles"), *font_folders])

    pdf = render_weasyprint.write_pdf(
        html, page_css="", base_dir=asset_dir("styles"), roots=[], fetcher=fetcher
    )

    assert pdf.startswith(b"%PDF-")
    assert set(fetcher.refused) == {
        server.url("/a.css"),
        server.url("/pixel.png"),
        "file:///etc/passwd",
        "file:///etc/hostname",
    }
    assert all(url.startswith("file://") for url in fetcher.fetched)  # the fonts only
    assert server.requests == []


@pytest.mark.parametrize(
    "css",
    [
        "body {{ background: url({server}/bg.png); }}",
        "body {{ background: url(file:///etc/passwd); }}",
        "@font-face {{ font-family: X; src: url({server}/x.woff); }} body {{ font-family: X }}",
        '@import url("{server}/remote.css");\nbody {{ color: black; }}',
        "body::after {{ content: url(file:///etc/passwd); }}",
    ],
)
def test_a_stylesheet_that_points_elsewhere_is_ignored_not_fetched(
    server: Server, tmp_path: Path, css: str
) -> None:
    # Decided: what a --css file asks for outside its own folder and the theme's is left out
    # of the PDF (the fetcher refuses it); the PDF is written without it.
    article = tmp_path / "a.txt"
    article.write_text("Wang Yi met Sergei Lavrov in Moscow on Monday.", encoding="utf-8")
    sheet = tmp_path / "house.css"
    sheet.write_text(css.format(server=server.base), encoding="utf-8")

    text, _ = pdf_text_and_links(generate(article, "pdf", tmp_path, "--css", sheet))

    assert "Wang Yi" in text and "root:" not in text
    assert server.requests == []


def test_the_html_forbids_browsers_to_fetch(server: Server, tmp_path: Path) -> None:
    from conftest import SEED

    sheet = tmp_path / "house.css"
    sheet.write_text(f"body {{ background: url({server.base}/bg.png); }}", encoding="utf-8")

    html = generate(SEED, "html", tmp_path, "--css", sheet).read_text(encoding="utf-8")

    # A browser opening the HTML applies this policy: no request leaves the page.
    assert "Content-Security-Policy\" content=\"default-src 'none';" in html


# ---------------------------------------------------------------------------------------------
# Only http(s) sources become links


BAD_URLS = ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "JaVaScRiPt:x"]


def test_a_source_url_that_is_not_http_is_no_link(
    seed_briefing: dict[str, Any], tmp_path: Path
) -> None:
    # The fact table already refuses such urls (below); this is the renderer's own wall.
    from briefing import Briefing
    from briefing.renderers.html import render_html
    from briefing.renderers.markdown import render_markdown
    from briefing.renderers.pdf import render_pdf

    briefing = copy.deepcopy(seed_briefing)
    for source, url in zip(briefing["sources"], BAD_URLS, strict=False):
        source["url"] = url
    briefing["article"]["url"] = BAD_URLS[0]
    record = Briefing.from_json(briefing)

    html = render_html(record)
    markdown = render_markdown(record)
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(render_pdf(record))
    _, links = pdf_text_and_links(pdf)

    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("#", "http://", "https://")) for h in hrefs), hrefs
    kept = briefing["sources"][len(BAD_URLS)]["url"]
    assert f'href="{kept}"' in html and kept in links  # http(s) sources still link
    for url in BAD_URLS:
        assert f"]({url}" not in markdown
    assert all(link.startswith(("http://", "https://")) for link in links), links


def test_fact_tables_refuse_a_source_url_that_is_not_http(tmp_path: Path) -> None:
    table = tmp_path / "facts.yaml"
    table.write_text(
        "version: 1\nentities:\n  - {id: x, type: ORG, name: X}\nfacts:\n"
        "  - id: f\n    statement: S.\n    about: [x]\n"
        "    sources: [{title: T, url: 'file:///etc/passwd'}, {title: U, url: 'data:,x'}]\n",
        encoding="utf-8",
    )

    result = run_cli("facts", "check", table)

    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{table}:8: ") and "is not a web link" in line for line in lines)
