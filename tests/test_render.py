"""Tests of the render stage: HTML (golden files), PDF (opened with pypdf), Markdown, JSON.

Regenerate the HTML golden files with `BRIEFING_REGEN_GOLDEN=1 pytest tests/test_render.py`
and read the diff before committing it.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pypdf
import pytest

import briefing
from briefing.errors import RenderError
from briefing.renderers import html, markdown, pdf, view
from briefing.renderers.labels import LANGUAGES, Labels, catalogue
from briefing.renderers.text import Span, annotate, bidi, claim_spans, truncate
from briefing.renderers.timeline import Period, build_timeline
from briefing.report.record import Briefing
from briefing.resources import asset_dir
from briefing.vocab import Verdict

DATA = Path(__file__).parent / "data" / "render"
GOLDEN = Path(__file__).parent / "golden"
FIXTURES = sorted(DATA.glob("*-briefing.json"))
REGENERATE = os.environ.get("BRIEFING_REGEN_GOLDEN") == "1"

HOSTILE = (
    'Breaking: <script>alert("x")</script> and {{ 7*7 }} and {% raw %}'
    ' <img src="file:///etc/passwd"> <link rel="stylesheet" href="http://example.com/x.css">'
    " & done.\nSecond paragraph with </style> and ]]> inside."
)


# The tests write briefings as the JSON objects programs exchange; the renderers take the record.
def render_html(data: dict[str, Any], **options: Any) -> str:
    return html.render_html(Briefing.from_json(data), **options)


def render_pdf(data: dict[str, Any], **options: Any) -> bytes:
    return pdf.render_pdf(Briefing.from_json(data), **options)


def render_markdown(data: dict[str, Any], **options: Any) -> str:
    return markdown.render_markdown(Briefing.from_json(data), **options)


def load(name: str) -> dict[str, Any]:
    return json.loads((DATA / f"{name}-briefing.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return load("seed")


@pytest.fixture(scope="module")
def english() -> dict[str, Any]:
    return load("en")


@pytest.fixture(scope="module")
def seed_html(seed: dict[str, Any]) -> str:
    return render_html(seed)


@pytest.fixture(scope="module")
def seed_pdf(seed: dict[str, Any]) -> bytes:
    return render_pdf(seed)


@pytest.fixture(scope="module")
def english_pdf(english: dict[str, Any]) -> bytes:
    return render_pdf(english)


def hostile_briefing() -> dict[str, Any]:
    """A small English briefing whose article tries to inject markup and fetch files."""
    body = HOSTILE
    claim_text = '<script>alert("x")</script>'
    start = body.index(claim_text)
    return {
        "article": {
            "title": "<b>Title</b> {{ 7*7 }}",
            "language": "en",
            "body": body,
            "url": "javascript:alert(1)",
            "outlet": "<i>Outlet</i>",
        },
        "claims": [
            {
                "id": "c1",
                "text": claim_text,
                "start": start,
                "end": start + len(claim_text),
                "kind": "assertion",
                "speaker": {"text": "<img src=x onerror=alert(1)>", "anonymous": True},
                "verdict": "contradicted",
                "check_worthiness": 0.5,
                "evidence": [
                    {
                        "fact_id": "f1",
                        "relation": "contradicts",
                        "attribute": "quantity",
                        "claim_value": "<u>1</u>",
                        "fact_value": "2",
                        "reason": "a | pipe <and> tags",
                    }
                ],
            }
        ],
        "facts": [
            {
                "id": "f1",
                "statement": "<svg onload=alert(1)>",
                "sources": [{"n": 1, "title": "T", "url": "javascript:alert(1)"}],
            }
        ],
        "sources": [
            {"n": 1, "title": "T", "url": "javascript:alert(1)"},
            {"n": 2, "title": "Data URL", "url": "data:text/html,<script>alert(1)</script>"},
        ],
        "entities": [
            {"name": "<Evil>", "type": "ORG", "mentions": [{"text": "<x>", "start": 0, "end": 3}]}
        ],
    }


# --------------------------------------------------------------------------------------------
# HTML


class _Collector(HTMLParser):
    """Collects ids, hrefs, start tags and the nesting of the document."""

    VOID = frozenset({"meta", "link", "br", "img", "hr", "input", "source", "col", "wbr"})
    SVG_SELF_CLOSING = frozenset({"line", "rect", "circle", "polygon", "path"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if values.get("href"):
            self.hrefs.append(str(values["href"]))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()


def collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_html_matches_golden_file(path: Path) -> None:
    briefing = json.loads(path.read_text(encoding="utf-8"))
    html = render_html(briefing)
    golden = GOLDEN / f"render-{path.stem.removesuffix('-briefing')}.html"
    if REGENERATE or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
        if not REGENERATE:
            pytest.fail(f"wrote missing golden file {golden}; check it and rerun")
    assert html == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; rerun with BRIEFING_REGEN_GOLDEN=1 and review the diff"
    )


def test_html_is_deterministic_and_well_formed(seed: dict[str, Any], seed_html: str) -> None:
    assert render_html(seed) == seed_html
    collector = collect(seed_html)
    assert collector.problems == []
    assert collector.stack == []
    duplicates = {i for i in collector.ids if collector.ids.count(i) > 1}
    assert duplicates == set()


def test_html_lang_and_dir_follow_the_article(seed_html: str, english: dict[str, Any]) -> None:
    assert '<html lang="ar" dir="rtl">' in seed_html
    assert '<html lang="en" dir="ltr">' in render_html(english)


def test_report_language_overrides_the_labels_and_marks_article_text(
    seed: dict[str, Any],
) -> None:
    html = render_html(seed, report_language="en")
    assert '<html lang="en" dir="ltr">' in html
    assert "Bottom line" in html and "الخلاصة" not in html
    # Article text keeps its own language and direction inside the English report.
    assert '<div class="article-body" lang="ar" dir="rtl">' in html
    assert '<blockquote class="quote" lang="ar" dir="rtl">' in html


def test_html_is_self_contained_without_scripts(seed_html: str) -> None:
    collector = collect(seed_html)
    assert "script" not in collector.tags
    assert "link" not in collector.tags
    assert "img" not in collector.tags
    assert "@import" not in seed_html
    assert not re.search(r"url\(", seed_html.split("</style>")[0])
    external = [h for h in collector.hrefs if not h.startswith("#")]
    assert external and all(h.startswith(("http://", "https://")) for h in external)
    assert "<style>" in seed_html and "@media print" in seed_html


def test_every_claim_has_an_anchor_links_and_a_highlight(
    seed: dict[str, Any], seed_html: str
) -> None:
    collector = collect(seed_html)
    for claim in seed["claims"]:
        claim_id = claim["id"]
        assert collector.ids.count(claim_id) == 1, claim_id
        assert f"a-{claim_id}" in collector.ids, claim_id  # its place in the article
        assert f"#{claim_id}" in collector.hrefs, claim_id  # the article links to it
        assert f"#a-{claim_id}" in collector.hrefs, claim_id  # it links to the article


def test_claims_are_sorted_contradicted_first_then_by_check_worthiness(
    seed: dict[str, Any], seed_html: str
) -> None:
    claims_section = seed_html.split('id="claims"')[1].split('id="who"')[0]
    order = re.findall(r'<article class="claim v-(\w+)" id="(c\d+)"', claims_section)
    assert order[0] == ("contradicted", "c9")
    worth = {c["id"]: c["check_worthiness"] for c in seed["claims"]}
    rest = [worth[claim_id] for _, claim_id in order[1:]]
    assert rest == sorted(rest, reverse=True)
    assert len(order) == len(seed["claims"])


def test_sections_come_in_order(seed_html: str) -> None:
    sections = ["bluf", "claims", "who", "when", "what", "article", "sources", "method"]
    positions = [seed_html.index(f'<section class="{name}" id="{name}"') for name in sections]
    assert positions == sorted(positions)


def test_bottom_line_quotes_contradicted_claims_with_reasons(seed_html: str) -> None:
    bluf = seed_html.split('id="bluf"')[1].split('id="claims"')[0]
    assert "ألكسندر كوروليف، الخبير في العلاقات الصينية الروسية بجامعة نيو ساوث" in bluf
    assert "University of New South" in bluf
    assert '<span class="tally-n">12</span>' in bluf
    assert "متعارض" in bluf and "مدعوم" in bluf


def test_verdicts_are_words_not_only_colours(seed_html: str) -> None:
    for word in ("متعارض", "مدعوم", "غير متحقَّق منه"):
        assert f"</span> {word}</span>" in seed_html


def test_latin_runs_in_arabic_are_isolated(seed_html: str) -> None:
    assert '<bdi dir="ltr">2022</bdi>' in seed_html  # a year inside the Arabic article
    assert '<td><bdi dir="ltr">Vladimir Putin</bdi></td>' in seed_html  # canonical name
    assert '<dd><bdi dir="ltr">2023-09-18</bdi></dd>' in seed_html  # ISO date


def test_bidi_filter() -> None:
    assert bidi("التقى Vladimir Putin في 2023-03-17.", "rtl") == (
        'التقى <bdi dir="ltr">Vladimir Putin</bdi> في <bdi dir="ltr">2023-03-17</bdi>.'
    )
    # A value wholly in Latin script is isolated whole, punctuation included.
    assert bidi("Wales (UNSW).", "rtl") == '<bdi dir="ltr">Wales (UNSW).</bdi>'
    assert bidi("قال <بوتين>", "ltr") == '<bdi dir="rtl">قال &lt;بوتين&gt;</bdi>'
    assert bidi("the speaker وسائل إعلام said", "ltr") == (
        'the speaker <bdi dir="rtl">وسائل إعلام</bdi> said'
    )
    assert bidi("<b>x</b>", "ltr") == "&lt;b&gt;x&lt;/b&gt;"
    assert bidi(None) == ""


def test_hostile_article_text_renders_as_text() -> None:
    html = render_html(hostile_briefing())
    collector = collect(html)
    assert collector.problems == []
    assert "script" not in collector.tags
    assert "img" not in collector.tags
    assert "svg" not in collector.tags  # no timeline here, and the fact's <svg> is text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "{{ 7*7 }}" in html and "{% raw %}" in html
    assert "&lt;/style&gt;" in html
    assert html.count("</style>") == 1
    assert "javascript:" not in " ".join(collector.hrefs)
    assert "data:" not in " ".join(collector.hrefs)
    assert "&lt;b&gt;Title&lt;/b&gt;" in html


def test_annotated_body_flattens_overlapping_claims() -> None:
    body = "alpha beta gamma delta\nepsilon zeta"
    spans = [
        Span("c1", 0, 16, "supported"),  # alpha beta gamma
        Span("c2", 6, 22, "contradicted"),  # beta gamma delta (overlaps c1)
        Span("c3", 6, 10, "unverified"),  # beta (nested in both)
        Span("c4", 17, 35, "supported"),  # delta\nepsilon zeta (crosses a paragraph)
    ]
    html = str(annotate(body, spans, direction="ltr"))
    collector = collect(html)
    assert collector.problems == [] and collector.stack == []
    assert collector.tags.count("p") == 2
    for claim_id in ("c1", "c2", "c3", "c4"):
        assert f'id="a-{claim_id}"' in html
        assert html.count(f'<bdi dir="ltr">{claim_id}</bdi>') == 1  # one end tag each
    assert 'data-claims="c1 c2 c3"' in html  # "beta" is covered by three claims
    assert 'class="v-unverified depth-3"' in html  # …and links to the innermost one

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.in_sup = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.in_sup += tag == "sup"

        def handle_endtag(self, tag: str) -> None:
            self.in_sup -= tag == "sup"

        def handle_data(self, data: str) -> None:
            if not self.in_sup:
                self.parts.append(data)

    text = Text()
    text.feed(html.replace("\n", ""))
    assert "".join(text.parts) == body.replace("\n", "")


def test_claim_spans_skip_offsets_outside_the_body() -> None:
    claims = [
        {"id": "c1", "start": 0, "end": 3, "verdict": "supported"},
        {"id": "c2", "start": 2, "end": 99},
        {"id": "c3", "start": "0", "end": 2},
        {"id": "c4", "start": 3, "end": 3},
        {"start": 0, "end": 2},
    ]
    records = Briefing.from_json({"claims": claims}).claims
    assert [s.claim_id for s in claim_spans("abcdef", records)] == ["c1"]


def test_timeline_is_svg_with_only_ascii_text(seed_html: str) -> None:
    svg = seed_html.split('<svg xmlns="http://www.w3.org/2000/svg"')[1].split("</svg>")[0]
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "2022-12" in texts and "2023-09-18" in texts
    # WeasyPrint lays SVG text out letter by letter: Arabic would fall apart there.
    assert all(text.isascii() for text in texts)
    assert "<script" not in svg


def test_timeline_runs_right_to_left_in_rtl_reports() -> None:
    dates = [
        {"text": "a", "value": "2020", "precision": "year"},
        {"text": "b", "value": "2021-06-01", "precision": "day"},
        {"text": "c", "value": None, "precision": "relative"},
        {"text": "d", "value": None, "kind": "duration"},
    ]

    def x_of(svg: str, label: str) -> float:
        return float(re.search(rf'<circle cx="([\d.]+)"[^>]*/><text[^>]*>{label}<', svg)[1])

    rtl = build_timeline(dates, "2021-07-01", rtl=True, title="t")
    ltr = build_timeline(dates, "2021-07-01", rtl=False, title="t")
    assert rtl.svg and ltr.svg
    assert x_of(str(rtl.svg), "1") > x_of(str(rtl.svg), "2")
    assert x_of(str(ltr.svg), "1") < x_of(str(ltr.svg), "2")
    assert rtl.unresolved == ["c"] and rtl.durations == ["d"]
    assert [row.publication for row in rtl.rows] == [False, False, True]


def test_period_parse() -> None:
    assert Period.parse("2023") == Period("2023", *_days("2023-01-01", "2024-01-01"), "year")
    assert Period.parse("2024-02") == Period("2024-02", *_days("2024-02-01", "2024-03-01"), "month")
    assert Period.parse("2023-09-18T10:00:00Z").precision == "day"  # type: ignore[union-attr]
    assert Period.parse("2023-13") is None
    assert Period.parse("soon") is None
    assert Period.parse(None) is None


def _days(start: str, end: str) -> tuple[Any, Any]:
    from datetime import date

    return date.fromisoformat(start), date.fromisoformat(end)


@pytest.mark.parametrize(
    "briefing",
    [
        {},
        {"article": {}},
        {"article": {"title": "Only a title", "language": "en"}},
        {"article": {"language": "ar", "body": "نص"}, "claims": [{"text": "نص"}]},
        {"claims": [{"id": "c1", "verdict": "bogus", "evidence": [{}]}], "entities": [{}]},
        {"dates": [{"value": "2023-02-30"}], "events": [{"participants": None}], "summary": 3},
        {"sources": [{"title": "no number"}, {"n": 1}, {"n": 1, "title": "dup"}]},
    ],
)
def test_missing_optional_keys_do_not_crash(briefing: dict[str, Any]) -> None:
    html = render_html(briefing)
    assert html.startswith("<!DOCTYPE html>")
    assert collect(html).problems == []
    assert render_markdown(briefing).startswith("# ")


def test_custom_template_dir_overrides_a_partial(tmp_path: Path, english: dict[str, Any]) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "method.html.j2").write_text(
        '<section class="method" id="method">Our desk: {{ article.title }}</section>\n'
    )
    html = render_html(english, template_dir=tmp_path)
    assert "Our desk: Port Alder council" in html
    assert 'id="claims"' in html  # the rest of the theme still applies


def test_template_errors_are_render_errors(tmp_path: Path, english: dict[str, Any]) -> None:
    (tmp_path / "briefing.html.j2").write_text("line one\n{% if %}\n")
    with pytest.raises(RenderError, match=r"briefing\.html\.j2:2: "):
        render_html(english, template_dir=tmp_path)
    (tmp_path / "briefing.html.j2").write_text("{{ no_such_value }}")
    with pytest.raises(RenderError, match="no_such_value"):
        render_html(english, template_dir=tmp_path)


def test_extra_css_is_inlined_and_cannot_close_the_style(
    tmp_path: Path, english: dict[str, Any]
) -> None:
    css = tmp_path / "desk.css"
    css.write_text(".claim { color: navy } /* </style><script>x</script> */\n")
    html = render_html(english, css=[css])
    assert ".claim { color: navy }" in html
    assert html.count("</style>") == 1 and "script" not in collect(html).tags
    with pytest.raises(RenderError, match="cannot read stylesheet"):
        render_html(english, css=[tmp_path / "missing.css"])


def test_print_html_has_paged_media_rules(seed: dict[str, Any]) -> None:
    html = render_html(seed, for_print=True)
    assert 'class="running-title"' in html
    assert '"صفحة " counter(page) " من " counter(pages)' in html
    assert "@top-right { content: element(runningTitle); }" in html  # start side in RTL
    english = render_html(seed, report_language="en", for_print=True)
    assert '"Page " counter(page) " of " counter(pages)' in english


# --------------------------------------------------------------------------------------------
# Labels


PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def template_messages() -> tuple[set[str], list[str]]:
    """Return the message ids the theme's templates pass to _(), parsed by Jinja, and the
    places where the id is built from a value."""
    import jinja2

    environment = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    used: set[str] = set()
    built: list[str] = []
    for path in sorted(asset_dir("templates").rglob("*.j2")):
        source = path.read_text(encoding="utf-8")
        for lineno, _function, message in environment.extract_translations(source):
            if isinstance(message, tuple):  # _("id", name=value): the id, then None per name
                message = message[0]
            if isinstance(message, str):
                used.add(message)
            else:
                built.append(f"{path.name}:{lineno}")
    return used, built


def test_catalogues_hold_the_same_messages_and_placeholders() -> None:
    english, arabic = catalogue("en"), catalogue("ar")
    assert len(english) > 100
    assert set(english) == set(arabic)
    for msgid, text in english.items():
        assert text and arabic[msgid], msgid
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(arabic[msgid])), msgid
        # Newstyle gettext always %-formats: a lone % must be written %%.
        assert "%" not in PLACEHOLDER.sub("", text).replace("%%", ""), msgid


def test_every_message_the_templates_use_is_in_both_catalogues() -> None:
    used, built = template_messages()
    assert {"section.claims", "doc.generated_by", "method.as_of"} <= used
    for language in LANGUAGES:
        assert used - set(catalogue(language)) == set(), language
    # Ids the templates build from values: "verdict." ~ verdict, "precision." ~ precision
    # (a new one elsewhere must add its ids to `expected` below)
    assert {place.split(":")[0] for place in built} == {
        "bluf.html.j2",
        "macros.html.j2",
        "when.html.j2",
    }, built
    expected = [f"verdict.{v}" for v in Verdict.values()]
    expected += [f"precision.{p}" for p in ("year", "month", "day", "relative")]
    # …and those the Python side asks for, literally or by attribute and relation.
    python = "\n".join(
        path.read_text(encoding="utf-8")
        for path in Path(html.__file__).parent.glob("*.py")
        if path.name != "labels.py"  # its docstring shows how ids are written
    )
    expected += re.findall(r"""(?:labels|_)\(\s*["']([\w.-]+)["']""", python)
    for attribute in ("date", "place", "quantity", "role", "rating", "match"):
        expected += [f"explain.{attribute}.supports"]
    for attribute in ("date", "place", "quantity", "role", "rating", "values"):
        expected += [f"explain.{attribute}.contradicts"]
    expected += ["explain.supports", "explain.contradicts", *view.RATING_VALUES.values()]
    for language in LANGUAGES:
        assert set(expected) - set(catalogue(language)) == set(), language


def test_labels_fall_back_to_english() -> None:
    assert Labels("fr")("section.claims") == "Claims"
    assert Labels("ar")("page.of", page=2, pages=5) == "صفحة 2 من 5"
    assert Labels("ar").direction == "rtl" and Labels("en").direction == "ltr"
    assert Labels("ar").maybe("type.NOPE", "NOPE") == "NOPE"
    with pytest.raises(KeyError, match="no message 'nope'"):
        Labels("en")("nope")


def test_english_report_of_the_arabic_seed(seed: dict[str, Any]) -> None:
    html = render_html(seed, report_language="en")
    assert '<html lang="en" dir="ltr">' in html
    assert "<title>Fact-check briefing: " in html
    assert ">Bottom line<" in html and ">الخلاصة<" not in html
    # The Arabic claim text keeps its own language and direction.
    assert '<blockquote class="quote" lang="ar" dir="rtl">' in html
    assert '<div class="article-body" lang="ar" dir="rtl">' in html
    # The explanation of the contradicted claim comes from the English catalogue, the
    # Arabic value isolated inside it.
    bluf = html.split('id="bluf"')[1].split('id="claims"')[0]
    assert (
        '<span class="label">Why:</span> the article names <bdi dir="rtl">جامعة نيو ساوث</bdi>;'
        " the table has University of New South Wales" in bluf
    )
    assert "the article and the table both place it in Malta" in html
    assert '<span class="event-type">visit</span>' in html
    assert html == render_html(seed, report_language="en")


def test_arabic_report_of_an_english_article(english: dict[str, Any]) -> None:
    html = render_html(english, report_language="ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert ">الخلاصة<" in html and ">Bottom line<" not in html
    assert '<h1 class="doc-title" lang="en" dir="ltr">' in html
    assert '<div class="article-body" lang="en" dir="ltr">' in html
    assert '<blockquote class="quote" lang="en" dir="ltr">' in html
    # Why c1 is contradicted, in Arabic, with the numbers isolated left to right.
    assert (
        '<span class="label">السبب:</span> يذكر المقال <bdi dir="ltr">45</bdi>؛ وفي الجدول '
        '<bdi dir="ltr">54</bdi>' in html
    )
    assert "The council approved $54 million, not $45 million." not in html  # crossref's English
    assert '"صفحة " counter(page)' in render_html(english, report_language="ar", for_print=True)
    markdown = render_markdown(english, report_language="ar")
    assert "## ادعاءات تتعارض مع جدول الحقائق" in markdown
    assert "  - السبب: يذكر المقال 45؛ وفي الجدول 54" in markdown


def test_json_reason_is_kept_whatever_the_report_language(english: dict[str, Any]) -> None:
    text = Briefing.from_json(english).to_json()
    assert "The council approved $54 million, not $45 million." in text


def test_evidence_explanations_fall_back_when_values_are_missing() -> None:
    briefing = copy.deepcopy(hostile_briefing())
    evidence = briefing["claims"][0]["evidence"][0]
    evidence.update(attribute="date", claim_value=None, fact_value="2024-01")
    html = render_html(briefing, report_language="ar")
    assert "في الجدول حقيقة تعارض هذا الادعاء" in html
    evidence.update(attribute="colour", claim_value="red", fact_value="<b>blue</b>")
    html = render_html(briefing)
    assert "the article says red; the table has &lt;b&gt;blue&lt;/b&gt;" in html
    evidence.update(relation="mentions")
    assert "a | pipe &lt;and&gt; tags" in render_html(briefing)  # crossref's reason


# --------------------------------------------------------------------------------------------
# PDF


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", text)


def pdf_fonts(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            if descriptor and any(
                k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3")
            ):
                names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names


def test_pdf_has_pages_metadata_and_language(seed: dict[str, Any], seed_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    assert len(reader.pages) >= 1
    metadata = reader.metadata
    assert metadata is not None
    assert metadata["/Title"] == f"إحاطة تدقيق: {seed['article']['title']}"
    assert "Vladimir Putin" in metadata["/Keywords"]
    assert metadata["/Subject"].startswith("إحاطة تدقيق لمقال")
    assert metadata["/Creator"] == "briefing 0.1.0"
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert "/CreationDate" not in metadata  # nothing that changes from run to run
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4


def test_pdf_text_holds_headings_claims_and_numbers(seed_pdf: bytes) -> None:
    text = pdf_text(seed_pdf)
    for piece in (
        "الخلاصة",
        "الادعاءات",
        "المصادر",
        "2023-09-18",
        "2022-12",
        "c9",
        "Vladimir Putin",
        "University of New South Wales",
        "korolev-unsw",
    ):
        assert piece in text, piece
    # The footer «صفحة X من Y»; pypdf may give its words in visual order.
    pages = len(pypdf.PdfReader(io.BytesIO(seed_pdf)).pages)
    footers = [line for line in text.splitlines() if "صفحة" in line and " من" in line]
    assert len(footers) == pages
    assert all(str(pages) in line for line in footers)


def test_pdf_embeds_the_arabic_fonts(seed_pdf: bytes) -> None:
    fonts = pdf_fonts(seed_pdf)
    assert any(name.startswith("IBM-Plex-Sans-Arabic") for name in fonts), fonts
    assert "Amiri" in fonts, fonts


def test_english_pdf(english: dict[str, Any], english_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(english_pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    text = pdf_text(english_pdf)
    pages = len(reader.pages)
    for piece in (
        "Bottom line",
        "Contradicted",
        "the article says 45; the table has 54",
        "Elena Sorensen",
        f"Page 1 of {pages}",
        "Method and limits",
    ):
        assert piece in text, piece


def test_pdf_bytes_are_reproducible(seed: dict[str, Any], seed_pdf: bytes) -> None:
    assert render_pdf(copy.deepcopy(seed)) == seed_pdf


def test_pdf_is_tagged_pdf_ua_1(seed: dict[str, Any], seed_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    tree = root["/StructTreeRoot"]["/K"][0].get_object()
    assert tree["/S"] == "/Document"
    assert root["/Lang"] == "ar"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata is not None and reader.metadata["/Title"].startswith("إحاطة تدقيق: ")
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp
    assert reader.pdf_header == "%PDF-1.7"


def test_pdf_metadata_follows_the_report_language(seed: dict[str, Any]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(seed, report_language="en")))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    metadata = reader.metadata
    assert metadata is not None
    assert metadata["/Title"] == f"Fact-check briefing: {seed['article']['title']}"
    assert metadata["/Subject"].startswith("Fact-check briefing on the article “")
    assert metadata["/Keywords"].startswith("Fact-check briefing, Russia, China")


def test_pdf_carries_the_briefing_json(seed: dict[str, Any], seed_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    assert list(reader.attachments) == ["briefing.json"]
    (data,) = reader.attachments["briefing.json"]
    assert data.decode("utf-8") == Briefing.from_json(seed).to_json()
    assert json.loads(data)["claims"][0]["text"] == seed["claims"][0]["text"]


def test_pdf_bytes_are_identical_in_both_report_languages(english: dict[str, Any]) -> None:
    for language in ("ar", "en"):
        first = render_pdf(english, report_language=language)
        assert render_pdf(copy.deepcopy(english), report_language=language) == first
        assert list(pypdf.PdfReader(io.BytesIO(first)).attachments) == ["briefing.json"]


def test_pdf_letter_paper_and_unknown_paper(english: dict[str, Any]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(english, paper="letter")))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (612, 792)
    with pytest.raises(RenderError, match="unknown paper size 'B7'"):
        render_pdf(english, paper="B7")


def test_pdf_dates_come_from_source_date_epoch(
    english: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render_pdf(english)
    assert render_pdf(english) == first
    metadata = pypdf.PdfReader(io.BytesIO(first)).metadata
    assert metadata is not None
    assert metadata["/CreationDate"] == "D:20231114221320Z"
    assert metadata["/ModDate"] == "D:20231114221320Z"


def test_pdf_fetches_nothing_from_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.renderers import printer as render_weasyprint

    asked: list[str] = []
    original = render_weasyprint.PackageURLFetcher.fetch

    def spy(self: Any, url: str, headers: object = None) -> Any:
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(render_weasyprint.PackageURLFetcher, "fetch", spy)
    render_weasyprint._STYLESHEETS.clear()  # the theme's fonts load again, through the spy
    data = render_pdf(hostile_briefing())
    assert asked, "the fonts should have been fetched through the fetcher"
    assert not [url for url in asked if "passwd" in url or "example.com" in url]
    assert all(url.endswith(".ttf") for url in asked)
    text = pdf_text(data)
    assert '<img src="file:///etc/passwd">' in text.replace("\n", " ")
    assert "{{ 7*7 }}" in text


def test_fetcher_serves_only_package_files(tmp_path: Path) -> None:
    from briefing.renderers.printer import FetchRefused, PackageURLFetcher

    fetcher = PackageURLFetcher([asset_dir("styles")])
    theme = (asset_dir("styles") / "briefing.css").resolve()
    assert fetcher.local_path(theme.as_uri()) == theme
    response = fetcher.fetch(theme.as_uri())
    assert response.read().startswith(b"/*")
    for url in (
        "file:///etc/passwd",
        (asset_dir("styles") / ".." / ".." / "pyproject.toml").as_uri(),
        "http://example.com/x.css",
        "https://example.com/font.ttf",
        "data:text/css,body{}",
        "file://evil.example/share/x.css",
    ):
        with pytest.raises(FetchRefused):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 6 and fetcher.fetched == [theme.as_uri()]


def test_user_css_cannot_fetch_outside_the_theme(
    tmp_path: Path, english: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.renderers import printer as render_weasyprint

    refused: list[str] = []
    original = render_weasyprint.PackageURLFetcher.fetch

    def spy(self: Any, url: str, headers: object = None) -> Any:
        try:
            return original(self, url, headers)
        except render_weasyprint.FetchRefused:
            refused.append(url)
            raise

    monkeypatch.setattr(render_weasyprint.PackageURLFetcher, "fetch", spy)
    css = tmp_path / "desk.css"
    css.write_text(
        '@font-face { font-family: Remote; src: url("http://example.com/remote.ttf"); }\n'
        'body { background: url("file:///etc/passwd"); font-family: Remote, sans-serif; }\n'
    )
    data = render_pdf(english, css=[css])
    assert data.startswith(b"%PDF-")
    assert "http://example.com/remote.ttf" in refused
    assert "file:///etc/passwd" in refused


def test_importing_render_does_not_import_weasyprint() -> None:
    code = (
        "import sys, briefing, briefing.renderers.pdf, briefing.renderers.html\n"
        "assert 'weasyprint' not in sys.modules"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(briefing.__file__).parents[1])}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


# --------------------------------------------------------------------------------------------
# Markdown and JSON


def test_markdown_summary(seed: dict[str, Any]) -> None:
    markdown = render_markdown(seed)
    lines = markdown.splitlines()
    assert lines[0] == f"# إحاطة تدقيق: {seed['article']['title']}"
    assert "| ادعاءات | متعارض | مدعوم | غير متحقَّق منه |" in markdown
    assert "| 12 | 1 | 7 | 4 |" in markdown
    assert markdown.index("## ادعاءات تتعارض مع جدول الحقائق") < markdown.index("## الادعاءات")
    assert "- **c9** «ألكسندر كوروليف، الخبير في العلاقات الصينية الروسية بجامعة نيو ساوث»" in (
        markdown
    )
    assert "| c9 | **متعارض** |" in markdown
    rows = [line for line in lines if re.match(r"\| c\d+ \|", line)]
    assert len(rows) == len(seed["claims"])
    assert rows[0].startswith("| c9 |")
    assert "**الأسماء:** Russia (15) · China (11)" in markdown
    assert "1. [Wang Yi to visit Russia, September 18 to 21](https://www.fmprc.gov.cn/eng/)" in (
        markdown
    )
    assert "7. Who's who in Chinese diplomacy (print edition) — Desk reference، 2023-08-01" in (
        markdown
    )
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_markdown_escapes_and_truncates() -> None:
    briefing = hostile_briefing()
    briefing["claims"][0]["evidence"][0]["claim_value"] = "<u>1</u> | 3"
    long_text = "word | " * 60
    briefing["claims"].append(
        {"id": "c2", "text": long_text, "verdict": "unverified", "speaker": None}
    )
    markdown = render_markdown(briefing)
    assert "<script>" not in markdown
    assert "&lt;script&gt;" in markdown
    assert "the article says &lt;u&gt;1&lt;/u&gt; \\| 3; the table has 2" in markdown
    assert "](javascript:" not in markdown and "](data:" not in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| c2 |"))
    cell = row.split(" | ", 3)[3]
    assert cell.endswith("… |")
    assert len(cell.replace("\\|", "|")) <= 160 + 2
    assert row.count(" | ") == 3  # every pipe in the claim text is escaped


def test_json_round_trips_through_the_record() -> None:
    """A briefing's JSON read back into the record writes the same text, keys in order."""
    golden = sorted((GOLDEN / "outputs").glob("*.json"))
    assert golden
    for path in golden:
        text = path.read_text(encoding="utf-8")
        assert Briefing.from_json(json.loads(text)).to_json() == text, path.name


def test_json_keeps_arabic_and_the_contract_order(seed: dict[str, Any]) -> None:
    text = Briefing.from_json(seed).to_json()
    assert text.endswith("}\n")
    assert "ألكسندر كوروليف" in text  # not \\u escapes
    head = ["schema_version", "generator", "article", "entities", "dates", "durations", "events"]
    assert list(json.loads(text))[: len(head)] == head


def test_json_of_an_odd_briefing_has_every_key_with_its_empty_value() -> None:
    data = json.loads(Briefing.from_json({"claims": [{"id": "c1", "verdict": "bogus"}]}).to_json())
    assert data["claims"][0]["verdict"] == "unverified"
    assert data["summary"] == {"claims": 1, "supported": 0, "contradicted": 0, "unverified": 1}
    assert data["article"]["body"] == "" and data["fact_table"] is None


def test_truncate() -> None:
    assert truncate("short", 10) == "short"
    assert truncate("one two three four five", 12) == "one two…"
    assert len(truncate("x" * 500, 160)) == 160


# --------------------------------------------------------------------------------------------
# House style: the README's worked example under docs/branding/

BRANDING = Path(__file__).resolve().parent.parent / "docs" / "branding"


def test_house_style_example_applies(english: dict[str, Any], seed: dict[str, Any]) -> None:
    options: dict[str, Any] = {
        "template_dir": BRANDING / "templates",
        "css": [BRANDING / "house-style.css"],
    }
    html = render_html(english, **options)
    collector = collect(html)
    assert collector.problems == [] and collector.stack == []
    assert "The Alder Gazette · Verification desk" in html  # the overridden masthead
    assert "--accent: #7a1e48;" in html  # the house stylesheet, after the theme's
    assert html.index("--accent: #1f4e79;") < html.index("--accent: #7a1e48;")
    assert '<a href="#claims">Claims</a>' in html and 'id="claims"' in html
    arabic = render_html(seed, **options)
    assert '<bdi lang="en">The Alder Gazette · Verification desk</bdi>' in arabic
    assert '<a href="#claims">الادعاءات</a>' in arabic
    text = pdf_text(render_pdf(english, **options))
    assert "The Alder Gazette · Verification desk" in text
    assert "Bottom line" in text
