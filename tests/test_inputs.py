"""Articles as they arrive: HTML pages, URLs, stdin, legacy Arabic encodings, and every refusal.

Each refusal is checked through the CLI: its documented exit code, one line on stderr that
names the article, no traceback, and no output file left behind.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from local_http import Route, Server, serving
from typer.testing import CliRunner

from conftest import SEED, run_cli

SEED_BODY = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]

EN_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Wang Yi visits Moscow for security talks - The Alder Gazette</title>
<meta property="og:site_name" content="The Alder Gazette">
<meta property="og:title" content="Wang Yi visits Moscow for security talks">
<meta property="article:published_time" content="2023-09-18T08:30:00Z">
<meta name="author" content="Jane Roe">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
<a href="/subscribe">Subscribe today</a></nav></header>
<div class="advert">ADVERTISEMENT: Win a luxury cruise to the Mediterranean, click here</div>
<main><article>
<h1>Wang Yi visits Moscow for security talks</h1>
<p>Chinese Foreign Minister Wang Yi arrived in Moscow on Monday for four days of security
talks, the Chinese foreign ministry said.</p>
<p>He will meet his Russian counterpart Sergei Lavrov, the Kremlin said, and the war in
Ukraine will be discussed.</p>
<p>Vladimir Putin has not travelled abroad since the International Criminal Court issued a
warrant for his arrest in March.</p>
</article></main>
<aside><h2>Most read</h2><ul><li>Cup final ends in penalties</li>
<li>Ten recipes for autumn</li></ul></aside>
<footer><p>&copy; 2023 The Alder Gazette. All rights reserved.</p>
<p>Privacy policy | Cookie settings</p></footer>
</body></html>
"""
EN_BOILERPLATE = (
    "Home",
    "Subscribe",
    "ADVERTISEMENT",
    "Most read",
    "Cup final",
    "rights",
    "Cookie",
)

AR_PAGE = """\
<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>وزير الخارجية الصيني يزور موسكو | أخبار الشرق</title>
<meta property="og:site_name" content="أخبار الشرق">
<meta property="og:title" content="وزير الخارجية الصيني يزور موسكو">
<meta property="article:published_time" content="2023-09-18T08:30:00+03:00">
<meta name="author" content="سارة أحمد">
</head><body>
<header><nav><a href="/">الرئيسية</a> | <a href="/world">العالم</a> | <a href="/sport">رياضة</a>
</nav></header>
<div class="ad">إعلان: اشترك الآن في النشرة البريدية واحصل على خصم كبير</div>
<main><article><h1>وزير الخارجية الصيني يزور موسكو</h1>
<p>يزور وزير الخارجية الصيني وانغ يي روسيا لإجراء محادثات أمنية، في الوقت الذي تسعى فيه
موسكو إلى مواصلة الدعم لحربها في أوكرانيا.</p>
<p>وقالت وزارة الخارجية الصينية إن وانغ موجود في روسيا لمدة أربعة أيام لإجراء مشاورات أمنية
استراتيجية.</p>
<p>وقالت وكالة تاس الروسية للأنباء نقلاً عن الكرملين إن وانغ سيجتمع مع نظيره الروسي سيرجي
لافروف.</p>
</article></main>
<aside>الأكثر قراءة: مباراة الأهلي والزمالك</aside>
<footer>جميع الحقوق محفوظة © أخبار الشرق</footer>
</body></html>
"""
AR_BOILERPLATE = ("الرئيسية", "رياضة", "إعلان", "اشترك", "الأكثر قراءة", "الزمالك", "الحقوق")


def generate_json(*args: str | Path) -> dict[str, Any]:
    result = run_cli("generate", *args, "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_refused(result: Any, code: int, *needles: str, out: Path | None = None) -> str:
    """Assert a refusal: exit `code`, one stderr line holding each needle, nothing written."""
    assert result.exit_code == code, (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefing: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "Traceback" not in result.output
    if out is not None:
        assert not out.exists()
        assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")] == []
    return lines[0]


# ---------------------------------------------------------------------------------------------
# HTML files


def test_english_page_gives_its_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "wang-yi.html"
    page.write_text(EN_PAGE, encoding="utf-8")

    doc = generate_json(page)

    article = doc["article"]
    assert article["title"] == "Wang Yi visits Moscow for security talks"
    assert article["published"] == "2023-09-18"
    assert article["published_from"] == "html"
    assert article["outlet"] == "The Alder Gazette"
    assert article["author"] == "Jane Roe"
    assert article["language"] == "en"
    body = article["body"]
    assert body.startswith("Chinese Foreign Minister Wang Yi arrived in Moscow on Monday")
    assert "International Criminal Court" in body
    for boilerplate in EN_BOILERPLATE:
        assert boilerplate not in body, boilerplate
    assert "<" not in body and "&copy;" not in body
    assert {"Wang Yi", "Sergei Lavrov"} <= {e["name"] for e in doc["entities"]}


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_arabic_page_gives_its_main_text_and_metadata(tmp_path: Path, suffix: str) -> None:
    page = tmp_path / f"wang-yi{suffix}"
    page.write_text(AR_PAGE.format(charset="utf-8"), encoding="utf-8")

    doc = generate_json(page)

    article = doc["article"]
    assert article["title"] == "وزير الخارجية الصيني يزور موسكو"
    assert (article["published"], article["published_from"]) == ("2023-09-18", "html")
    assert article["outlet"] == "أخبار الشرق"
    assert article["author"] == "سارة أحمد"
    assert article["language"] == "ar"
    body = article["body"]
    assert body.startswith("يزور وزير الخارجية الصيني وانغ يي روسيا")
    assert len(body.splitlines()) == 3  # one line per paragraph, the title not repeated
    for boilerplate in AR_BOILERPLATE:
        assert boilerplate not in body, boilerplate
    assert any(c["speaker"] and "وزارة الخارجية" in c["speaker"]["text"] for c in doc["claims"])


def test_published_option_beats_the_page(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(EN_PAGE, encoding="utf-8")

    doc = generate_json(page, "--published", "2023-09-19")

    assert (doc["article"]["published"], doc["article"]["published_from"]) == (
        "2023-09-19",
        "option",
    )


def test_a_date_in_the_text_is_not_taken_for_the_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    text = EN_PAGE.replace(
        '<meta property="article:published_time" content="2023-09-18T08:30:00Z">\n', ""
    ).replace("in Moscow on Monday", "in Moscow on 18 September 2023")
    assert "2023-09-18" not in text
    page.write_text(text, encoding="utf-8")

    doc = generate_json(page)

    assert doc["article"]["published"] is None
    assert doc["article"]["published_from"] is None


def test_a_page_without_main_text_falls_back_to_its_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    from briefing.read.html import extract

    page = EN_PAGE.replace("<h1>", "<h1 hidden>")
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    found = extract(page)

    assert "Chinese Foreign Minister Wang Yi arrived in Moscow" in found.body
    for boilerplate in ("Subscribe", "Most read", "Cup final", "rights", "Cookie"):
        assert boilerplate not in found.body  # nav, aside and footer are left out
    assert all(line == " ".join(line.split()) and line for line in found.body.split("\n"))


def test_a_fragment_of_html_is_read(tmp_path: Path) -> None:
    page = tmp_path / "note.html"
    page.write_text("<p>Wang Yi met Sergei Lavrov.</p><nav>Home</nav>", encoding="utf-8")

    doc = generate_json(page)

    assert doc["article"]["body"] == "Wang Yi met Sergei Lavrov."


def test_an_html_page_without_text_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(
        "<!doctype html><html><head><title>x</title><script>var a = 1;</script></head>"
        "<body><nav>Home</nav></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"

    result = run_cli("generate", page, "--out", out)

    assert_refused(result, 3, str(page), "has no text", out=out)


def test_html_on_stdin_is_sniffed() -> None:
    from briefing.cli import app

    result = CliRunner().invoke(
        app, ["generate", "-", "--format", "json"], input=EN_PAGE.encode("utf-8")
    )

    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)["article"]
    assert article["source"] == "<stdin>"
    assert article["published_from"] == "html"
    assert "ADVERTISEMENT" not in article["body"] and "Subscribe" not in article["body"]


def test_text_on_stdin_that_starts_with_a_tag_stays_text() -> None:
    from briefing.cli import app

    text = "<b>Note</b> Wang Yi met Sergei Lavrov in Moscow on Monday."
    result = CliRunner().invoke(
        app, ["generate", "-", "--format", "json"], input=text.encode("utf-8")
    )

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["article"]["body"] == text


def test_a_text_file_holding_html_stays_text(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("<p>Wang Yi met Sergei Lavrov in Moscow.</p>", encoding="utf-8")

    doc = generate_json(article)

    assert doc["article"]["body"] == "<p>Wang Yi met Sergei Lavrov in Moscow.</p>"


# ---------------------------------------------------------------------------------------------
# Encodings

ISO_BODY = SEED_BODY.replace("“", '"').replace("”", '"')  # ISO-8859-6 has no curly quotes


@pytest.mark.parametrize(
    ("codec", "text", "encoding"),
    [
        ("utf-8", SEED_BODY, "utf-8"),
        ("utf-8-sig", SEED_BODY, "utf-8"),
        ("utf-16", SEED_BODY, "utf-16"),
        ("utf-32", SEED_BODY, "utf-32"),
        ("cp1256", SEED_BODY, "cp1256"),
        ("iso8859-6", ISO_BODY, "iso8859-6"),
    ],
)
def test_arabic_articles_decode_in_each_encoding(
    tmp_path: Path, codec: str, text: str, encoding: str
) -> None:
    from briefing.read import read_article

    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))

    article = read_article(str(path))

    assert article.body == text
    assert article.encoding == encoding
    assert article.language == "ar"


def test_utf16_big_endian_with_crlf(tmp_path: Path) -> None:
    from briefing.read import read_article

    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffWang Yi said.\r\nLavrov said.\r\n".encode("utf-16-be"))

    assert read_article(str(path)).body == "Wang Yi said.\nLavrov said.\n"


DEV_ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("*.ar.md"))


@pytest.mark.parametrize("source", DEV_ARTICLES[:5], ids=lambda p: p.name)
@pytest.mark.parametrize("codec", ["cp1256", "iso8859-6"])
def test_realistic_arabic_articles_are_told_apart(tmp_path: Path, source: Path, codec: str) -> None:
    from briefing.read import read_article

    text = source.read_text(encoding="utf-8")
    # ISO-8859-6 has no curly quotes or guillemets; their bytes become "?" below.
    text = text.translate(str.maketrans({"“": "(", "”": ")", "«": "(", "»": ")", "–": "-"}))
    text = text.encode(codec, errors="replace").decode(codec)
    path = tmp_path / source.name
    path.write_bytes(text.encode(codec))

    article = read_article(str(path))

    assert article.encoding == codec
    assert article.body == text.split("---\n", 2)[2].lstrip("\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "قال الوزير إن الزيارة ناجحة.",
        "وصل الرئيس إلى القاهرة يوم الأحد.",
        "ذهب الولد إلى المدرسة",
        "في 18 سبتمبر 2023، وصل وانغ يي إلى موسكو.",
    ],
)
@pytest.mark.parametrize("codec", ["cp1256", "iso8859-6"])
def test_short_arabic_texts_decode_in_both_code_pages(
    tmp_path: Path, sentence: str, codec: str
) -> None:
    # charset-normalizer takes most of these for Hebrew or Japanese code pages.
    from briefing.read import read_article

    path = tmp_path / "a.txt"
    path.write_bytes(sentence.encode(codec))

    assert read_article(str(path)).body == sentence


def test_html_declares_its_charset(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(AR_PAGE.format(charset="windows-1256").encode("cp1256"))

    doc = generate_json(page)

    assert doc["article"]["title"] == "وزير الخارجية الصيني يزور موسكو"
    assert doc["article"]["body"].startswith("يزور وزير الخارجية الصيني")


def test_encoding_option_forces_the_codec(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    # Bytes that are Arabic in ISO-8859-6, and also (other) Arabic letters in Windows-1256.
    path.write_bytes("مرحبا بالعالم".encode("iso8859-6"))

    assert generate_json(path, "--encoding", "iso-8859-6")["article"]["body"] == "مرحبا بالعالم"
    assert generate_json(path, "--encoding", "windows-1256")["article"]["body"] != "مرحبا بالعالم"


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "o.json"

    result = run_cli("generate", SEED, "--encoding", "klingon-8", "--out", out)

    assert_refused(result, 2, "--encoding", "klingon-8", out=out)
    assert_refused(run_cli("generate", SEED, "--encoding", "rot13", "--out", out), 2, out=out)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", "line one\nline two\nفي السطر الثالث".encode("cp1256")),
        ("iso-8859-6", "سطر أول\nسطر ثان\nفي السطر الثالث".encode("cp1256")),
        ("ascii", "line one\nline two\nthe café on line three".encode()),
    ],
)
def test_bytes_the_forced_encoding_cannot_read_name_the_line(
    tmp_path: Path, encoding: str, data: bytes
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    out = tmp_path / "o.json"

    result = run_cli("generate", path, "--encoding", encoding, "--out", out)

    line = assert_refused(result, 3, f"{path}:3:", "not valid", out=out)
    assert "--encoding" in line


# ---------------------------------------------------------------------------------------------
# --max-bytes


@pytest.mark.parametrize(
    ("value", "size"),
    [("5000000", 5_000_000), ("2MB", 2_000_000), ("500kb", 500_000), ("1KiB", 1024),
     ("1.5 MB", 1_500_000), ("2MiB", 2 * 1024 * 1024), ("10_000", 10_000)],
)  # fmt: skip
def test_sizes_are_read_with_their_unit(value: str, size: int) -> None:
    from briefing.read import parse_size_option

    assert parse_size_option(value) == size


@pytest.mark.parametrize("value", ["abc", "0", "-5", "5 parsecs", ""])
def test_a_bad_size_is_a_usage_error(tmp_path: Path, value: str) -> None:
    out = tmp_path / "o.json"

    result = run_cli("generate", SEED, "--max-bytes", value, "--out", out)

    assert_refused(result, 2, "--max-bytes", out=out)


def test_max_bytes_option_caps_the_article(tmp_path: Path) -> None:
    out = tmp_path / "o.json"

    result = run_cli("generate", SEED, "--max-bytes", "1KiB", "--out", out)

    assert_refused(result, 3, str(SEED), "larger than 1,024 bytes", "--max-bytes", out=out)
    assert run_cli("generate", SEED, "--max-bytes", "1MB", "--out", out).exit_code == 0


# ---------------------------------------------------------------------------------------------
# URLs

EN_TEXT = "Chinese Foreign Minister Wang Yi said on Monday that the talks in Moscow went well.\n"
MD_TEXT = "---\ntitle: Talks in Moscow\npublished: 2023-09-18\n---\n" + EN_TEXT
HTML = "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def server() -> Any:
    ar_cp1256 = AR_PAGE.format(charset="windows-1256").encode("cp1256")
    routes = {
        "/news/wang-yi.html": Route(EN_PAGE.encode(), headers={"Content-Type": HTML}),
        "/ar/cp1256": Route(ar_cp1256, headers={"Content-Type": "text/html; charset=windows-1256"}),
        "/story.txt": Route(EN_TEXT.encode(), headers={"Content-Type": "text/plain"}),
        "/iso.txt": Route(
            "قال الوزير إن الزيارة ناجحة.".encode("iso8859-6"),
            headers={"Content-Type": "text/plain; charset=iso-8859-6"},
        ),
        "/notes.md": Route(MD_TEXT.encode(), headers={"Content-Type": "text/markdown"}),
        "/untyped": Route(EN_PAGE.encode(), headers={"Content-Type": ""}),
        "/report.pdf": Route(b"%PDF-1.7\n", headers={"Content-Type": "application/pdf"}),
        "/photo.png": Route(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
        "/big.txt": Route(b"a " * 600, headers={"Content-Type": "text/plain"}),
        "/big-unsized.txt": Route(
            b"a " * 600, headers={"Content-Type": "text/plain", "Content-Length": ""}
        ),
        "/slow": Route(EN_TEXT.encode(), headers={"Content-Type": "text/plain"}, delay=3),
        "/moved": Route(status=302, headers={"Location": "/news/wang-yi.html"}),
        "/moved-twice": Route(status=301, headers={"Location": "/moved"}),
        "/to-file": Route(status=302, headers={"Location": "file:///etc/passwd"}),
        "/to-ftp": Route(status=307, headers={"Location": "ftp://127.0.0.1/x"}),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
        "/error": Route(b"oops", status=500),
    }
    with serving(routes) as running:
        yield running


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test server is local: a proxy from the environment must not stand in the way."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_a_page_from_a_url(server: Server) -> None:
    url = server.url("/news/wang-yi.html")

    doc = generate_json(url)

    article = doc["article"]
    assert article["source"] == url
    assert article["url"] == url
    assert article["title"] == "Wang Yi visits Moscow for security talks"
    assert article["published_from"] == "html"
    assert "Subscribe" not in article["body"]


def test_the_charset_comes_from_the_header(server: Server) -> None:
    doc = generate_json(server.url("/ar/cp1256"))
    assert doc["article"]["body"].startswith("يزور وزير الخارجية الصيني")

    doc = generate_json(server.url("/iso.txt"))
    assert doc["article"]["body"] == "قال الوزير إن الزيارة ناجحة."


def test_text_and_markdown_from_a_url(server: Server) -> None:
    assert generate_json(server.url("/story.txt"))["article"]["body"] == EN_TEXT

    doc = generate_json(server.url("/notes.md"))
    assert doc["article"]["title"] == "Talks in Moscow"
    assert doc["article"]["published_from"] == "front-matter"
    assert doc["article"]["body"] == EN_TEXT


def test_a_page_without_content_type_is_sniffed(server: Server) -> None:
    doc = generate_json(server.url("/untyped"))

    assert doc["article"]["published_from"] == "html"


def test_redirects_are_followed(server: Server) -> None:
    doc = generate_json(server.url("/moved-twice"))

    assert doc["article"]["source"] == server.url("/moved-twice")
    assert doc["article"]["url"] == server.url("/news/wang-yi.html")


def test_a_url_briefing_lands_in_the_current_folder(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    result = run_cli("generate", server.url("/news/wang-yi.html"), "--format", "md")

    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["wang-yi.briefing.md"]


@pytest.mark.parametrize(
    ("path", "needles"),
    [
        ("/missing", ["404"]),
        ("/error", ["500"]),
        ("/report.pdf", ["application/pdf", "text/html"]),
        ("/photo.png", ["image/png"]),
        ("/big.txt", ["larger than 1,000 bytes", "--max-bytes"]),
        ("/big-unsized.txt", ["larger than 1,000 bytes"]),
        ("/to-file", ["file:///etc/passwd", "not an http(s) URL"]),
        ("/to-ftp", ["ftp://127.0.0.1/x", "not an http(s) URL"]),
        ("/loop", ["redirects"]),
    ],
)
def test_url_refusals(server: Server, tmp_path: Path, path: str, needles: list[str]) -> None:
    url = server.url(path)
    out = tmp_path / "o.json"

    result = run_cli("generate", url, "--max-bytes", "1000", "--out", out)

    assert_refused(result, 3, f"briefing: {url}: ", *needles, out=out)


def test_a_slow_server_times_out(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "o.json"
    started = time.monotonic()

    result = run_cli("generate", server.url("/slow"), "--timeout", "0.3", "--out", out)

    assert time.monotonic() - started < 2.5
    assert_refused(result, 3, server.url("/slow"), "0.3 seconds", "--timeout", out=out)


def test_a_closed_port_is_refused(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = tmp_path / "o.json"

    result = run_cli("generate", f"http://127.0.0.1:{port}/x", "--timeout", "2", "--out", out)

    assert_refused(result, 3, "cannot be fetched", out=out)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt"])
def test_other_url_schemes_are_refused(tmp_path: Path, url: str) -> None:
    out = tmp_path / "o.json"

    assert_refused(run_cli("generate", url, "--out", out), 3, url, "http", out=out)


def test_bad_timeout_is_a_usage_error(server: Server) -> None:
    result = run_cli("generate", server.url("/story.txt"), "--timeout", "0", "--out", "-")

    assert_refused(result, 2, "--timeout")


# ---------------------------------------------------------------------------------------------
# Refusals of local articles


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


REFUSALS = [
    ("missing", None, 3, ["no such file"]),
    ("folder", "DIR", 3, ["is a folder"]),
    ("empty", "", 3, ["has no text"]),
    ("whitespace", " \n\t\n\u3000\n", 3, ["has no text"]),
    ("front-matter-only", "---\ntitle: X\n---\n\n", 3, ["has no text"]),
    ("nul-bytes", b"Wang Yi\x00\x00\x00said\x00", 3, ["binary", "NUL"]),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, ["PNG image"]),
    ("pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", 3, ["PDF document"]),
    ("docx", b"PK\x03\x04\x14\x00\x06\x00", 3, ["ZIP archive"]),
    ("too-large", "x " * 600, 3, ["larger than 1,000 bytes"]),
    ("front-matter-unclosed", "---\ntitle: X\nWang Yi said.\n", 3, [":1:", "never closed"]),
    ("front-matter-yaml", "---\ntitle: [unclosed\n---\nWang Yi said.\n", 3, ["front matter"]),
    ("front-matter-key", "---\ntitel: X\n---\nWang Yi said.\n", 3, [":2:", "'titel'"]),
    ("front-matter-date", "---\npublished: 2023-02-30\n---\nWang Yi said.\n", 3, [":2:"]),
    ("front-matter-language", "---\nlanguage: fr\n---\nWang Yi said.\n", 3, ["'fr'"]),
]


@pytest.mark.parametrize(
    ("name", "content", "code", "needles"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_articles_that_are_refused(
    tmp_path: Path, name: str, content: str | bytes | None, code: int, needles: list[str]
) -> None:
    path = tmp_path / f"{name}.md"
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        _write(path, content)
    out = tmp_path / "o.json"

    result = run_cli("generate", path, "--max-bytes", "1000", "--out", out)

    assert_refused(result, code, f"briefing: {path}", *needles, out=out)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_article_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.md", "Wang Yi said.")
    path.chmod(0)
    out = tmp_path / "o.json"
    try:
        result = run_cli("generate", path, "--out", out)
    finally:
        path.chmod(0o644)

    assert_refused(result, 3, str(path), "cannot be read", "ermission denied", out=out)


def test_binary_on_stdin_is_refused() -> None:
    from briefing.cli import app

    result = CliRunner().invoke(app, ["generate", "-", "--format", "json"], input=b"\x00\x01\x02")

    assert_refused(result, 3, "<stdin>", "binary")


def test_invalid_published_is_refused_before_reading(tmp_path: Path) -> None:
    out = tmp_path / "o.json"

    result = run_cli("generate", SEED, "--published", "2023-02-30", "--out", out)

    assert_refused(result, 2, "--published", "'2023-02-30'", "YYYY-MM-DD", out=out)


def test_the_output_may_not_be_the_article(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.md", SEED.read_text(encoding="utf-8"))

    result = run_cli("generate", article, "--format", "json", "--out", article)

    assert_refused(result, 2, "--out", str(article), "the article itself")
    assert article.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Fact tables through the CLI: every problem at once, each with its line (and column)

TABLE = """\
version: 1
entities:
  - id: wang-yi
    type: PERSON
    name: Wang Yi
  - id: wang-yi
    type: PERSON
    name: Wang Yi again
facts:
  - id: visit
    statement: Wang Yi visited Moscow.
    about: [wang-yi, sergei-lavrov]
    date: 2023-02-30
    sources:
      - title: Ministry
        url: file:///etc/passwd
  - id: visit
    statement: Twice.
    about: [wang-yi]
    quantity: lots
    sources: [{title: T, url: "javascript:alert(1)"}]
"""


def test_every_problem_of_a_table_is_printed_with_its_line(tmp_path: Path) -> None:
    table = _write(tmp_path / "facts.yaml", TABLE)
    out = tmp_path / "o.json"

    result = run_cli("generate", SEED, "--facts", table, "--out", out)

    assert result.exit_code == 4
    assert not out.exists()
    lines = result.stderr.strip().splitlines()
    expected = [
        (":6:", "entity id 'wang-yi' is already used on line 3"),
        (":12:", "names entity 'sergei-lavrov', which is not defined"),
        (":13:", "date 2023-02-30 is not a real calendar date"),
        (":16:", "url 'file:///etc/passwd' is not a web link"),
        (":17:", "fact id 'visit' is already used on line 10"),
        (":20:", "quantity must be a number"),
        (":21:", "url 'javascript:alert(1)' is not a web link"),
    ]
    assert len(lines) == len(expected), lines
    for line, (where, what) in zip(lines, expected, strict=True):
        assert line.startswith(f"{table}{where}"), line
        assert what in line, line


def test_yaml_syntax_errors_give_line_and_column(tmp_path: Path) -> None:
    table = _write(tmp_path / "facts.yaml", "version: 1\nentities:\n  - id: x\n   type: ORG\n")

    result = run_cli("facts", "check", table)

    assert result.exit_code == 4
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{table}:4:4: YAML syntax error"), line


def test_unknown_version_is_reported(tmp_path: Path) -> None:
    table = _write(tmp_path / "facts.yaml", "version: 3\nentities: []\n")

    result = run_cli("facts", "check", table)

    assert result.exit_code == 4
    assert result.stderr.strip() == f"{table}:1: unknown version 3: this briefing reads version 1"
