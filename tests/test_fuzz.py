"""Property-based tests: whatever Unicode an article holds, the pipeline neither crashes nor
loses its place.

Arabic and Latin words, digits in three scripts, bidi controls (U+202A-202E, U+2066-2069),
control characters, zero-width joiners, tashkeel, emoji, very long lines and no newline at all:
the briefing is built, its JSON validates against the schema, and every offset slices back to
its text in the body. The budget is kept small (see the profile) so that the suite stays fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import schema

settings.register_profile(
    "briefing-fuzz",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples on every run: a failure is reproducible in CI
)
FUZZ = settings.get_profile("briefing-fuzz")


def _words(text: str) -> list[str]:
    return text.split()


ARABIC_WORDS = _words(
    "قال وزير الخارجية الصيني وانغ يي إن الزيارة ناجحة وأضاف أن بوتين سيزور بكين في "
    "سبتمبر/أيلول 2023 الأسبوع الماضي لمدة أربعة أيام المحكمة الجنائية الدولية موسكو "
    "وبحسب مصادر لم يذكر متى والرئيس الروسي فلاديمير كوريا الشمالية «تعاون» عسكري ١٢ ٣٤٥"
)
ENGLISH_WORDS = _words(
    "Chinese Foreign Minister Wang Yi said the visit was a success He added that Putin "
    "will visit Beijing on 18 September 2023 last week for four days the International "
    "Criminal Court Moscow according to sources did not say when President Vladimir "
    "North Korea's “military” cooperation, said: 12 345 U.S. Mr. Dr. 3.5% $1,000"
)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ODD = "\u200b\u200c\u200d\ufeff\u0640\u064b\u064e\u0651\u0652\u00a0\u2028\u2029\x85"
CONTROLS = "".join(chr(c) for c in range(1, 32)) + "\x7f"
PUNCTUATION = ".,;:!?،؛؟«»“”\"'()[]-–—/…"

characters = st.one_of(
    st.characters(min_codepoint=0x0621, max_codepoint=0x064A),  # Arabic letters
    st.characters(min_codepoint=0x0660, max_codepoint=0x0669),  # Arabic-Indic digits
    st.characters(min_codepoint=0x06F0, max_codepoint=0x06F9),  # Persian digits
    st.characters(min_codepoint=0x41, max_codepoint=0x7A),
    st.sampled_from(list(" \n\n\t" + PUNCTUATION + "0123456789")),
    st.sampled_from(list(BIDI + ODD + CONTROLS)),
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
)
tokens = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    st.sampled_from(ENGLISH_WORDS),
    st.sampled_from(list(PUNCTUATION + BIDI + ODD + "\n")),
    st.text(characters, min_size=1, max_size=6),
)
separators = st.sampled_from([" ", " ", " ", "\n", "", "\u200f ", " \u2067", "\t", ". "])


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Return an article's text: words of both languages, odd characters, any layout."""
    shape = draw(st.sampled_from(["words", "chars", "long-line", "one-word"]))
    if shape == "chars":
        return draw(st.text(characters, min_size=1, max_size=300))
    if shape == "one-word":
        return draw(tokens)
    words = draw(st.lists(tokens, min_size=1, max_size=80))
    gaps = draw(st.lists(separators, min_size=len(words), max_size=len(words)))
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=True))
    if shape == "long-line":  # thousands of characters and no newline at all
        text = ((text.replace("\n", " ") + " ") * draw(st.integers(5, 40)))[:6000]
    return text


def _check_offsets(doc: dict[str, Any]) -> None:
    body = doc["article"]["body"]
    spans: list[tuple[str, dict[str, Any]]] = []
    spans += [("mention", m) for e in doc["entities"] for m in e["mentions"]]
    spans += [("date", d) for d in doc["dates"]]
    spans += [("duration", d) for d in doc.get("durations", [])]
    spans += [("claim", c) for c in doc["claims"]]
    spans += [("event", e) for e in doc["events"] if "start" in e]
    for kind, span in spans:
        start, end = span["start"], span["end"]
        assert 0 <= start <= end <= len(body), (kind, span)
        assert body[start:end] == span["text"], (kind, span, body[start:end])
    for event in doc["events"]:
        assert 0 <= event["sentence_start"] <= event["sentence_end"] <= len(body), event


@pytest.fixture(scope="module")
def article_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "article.txt"


@FUZZ
@given(text=articles(), published=st.sampled_from([None, dt.date(2023, 9, 18)]))
def test_any_text_gives_a_valid_briefing_whose_offsets_hold(
    article_file: Path, text: str, published: dt.date | None
) -> None:
    from briefing.errors import ArticleError
    from briefing.read import read_article
    from conftest import make_briefing

    article_file.write_text(text, encoding="utf-8", newline="")
    if not text.strip() or text.startswith("---"):
        # No text, or front matter that a random text cannot close: a refusal, not a crash.
        with pytest.raises(ArticleError):
            read_article(str(article_file))
        return
    doc = make_briefing(str(article_file), published=published)

    jsonschema.validate(doc, schema())
    _check_offsets(doc)
    assert doc["article"]["characters"] == len(doc["article"]["body"])


@FUZZ
@given(text=articles())
def test_any_text_renders_as_html_and_markdown(article_file: Path, text: str) -> None:
    from briefing import Briefing
    from briefing.renderers.html import render_html
    from briefing.renderers.markdown import render_markdown
    from conftest import make_briefing

    if not text.strip() or text.startswith("---"):
        return
    article_file.write_text(text, encoding="utf-8", newline="")
    doc = Briefing.from_json(make_briefing(str(article_file), published=dt.date(2023, 9, 18)))

    assert render_html(doc).lower().startswith("<!doctype html>")
    assert render_markdown(doc).startswith("# ")


TAGS = [
    "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<nav>", "<br>", "<html>",
    "<body>", "<!--", "-->", "<title>", "</title>", "<meta charset=x>", "&amp;", "&#0;",
    "&#x202E;", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
]  # fmt: skip


@settings(FUZZ, max_examples=40)
@given(
    html=st.lists(
        st.one_of(
            st.sampled_from(TAGS),
            tokens,
        ),
        max_size=60,
    ).map("".join)
)
@example(html="<p></p>\x08")  # lxml refused the control character in the fallback's text
def test_any_markup_is_read_or_refused_never_a_crash(html: str) -> None:
    from briefing.read.html import extract

    page = extract("<!doctype html>" + html)

    assert "\x00" not in page.body
    assert all(line.strip() == line and line for line in page.body.split("\n") if page.body)
