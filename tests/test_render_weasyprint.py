"""The PDF renderer: its own user-agent stylesheet, which must change nothing in the PDF, and
its handling of Python's garbage collector (less work during a layout, everything as it was
afterwards)."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest

from briefing.renderers import html as html_renderer
from briefing.renderers import pdf as pdf_renderer
from briefing.renderers import printer as render_weasyprint
from briefing.renderers.printer import LeanHTML, fewer_collections
from briefing.report.record import Briefing
from briefing.resources import asset_dir

DATA = Path(__file__).parent / "data" / "render"


@pytest.fixture(scope="module")
def arabic_html() -> str:
    briefing = json.loads((DATA / "seed-briefing.json").read_text(encoding="utf-8"))
    return html_renderer.render_html(Briefing.from_json(briefing), for_print=True)


def pdf(html: str, user_agent_css: Path | None) -> bytes:
    styles = asset_dir("styles")
    return render_weasyprint.write_pdf(
        html,
        page_css="@page { size: A4; }",
        base_dir=styles,
        roots=[styles, asset_dir("templates")],
        user_agent_css=user_agent_css,
    )


def test_the_theme_user_agent_sheet_changes_nothing_in_the_pdf(arabic_html: str) -> None:
    # An Arabic briefing with every section: tables, lists, headings in the outline, Latin
    # names and dates isolated inside Arabic text. Same bytes: same pages, text and drawing.
    lean = pdf(arabic_html, asset_dir("styles") / pdf_renderer.PRINT_UA_CSS)
    assert lean == pdf(arabic_html, None)


def test_weasyprint_still_asks_the_document_for_its_user_agent_sheet(
    arabic_html: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hook is WeasyPrint's private method: if a new version stops calling it, say so.
    asked: list[bool] = []
    original = LeanHTML._ua_stylesheets

    def spy(self: LeanHTML, forms: bool = False) -> list[Any]:
        asked.append(forms)
        return original(self, forms)

    monkeypatch.setattr(LeanHTML, "_ua_stylesheets", spy)
    pdf("<html><body><p>x</p></body></html>", asset_dir("styles") / pdf_renderer.PRINT_UA_CSS)
    assert asked


def test_another_themes_templates_get_weasyprints_own_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path | None] = []
    real = render_weasyprint.write_pdf

    def capture(html: str, **options: Any) -> bytes:
        seen.append(options.get("user_agent_css"))
        return real(html, **options)

    monkeypatch.setattr(render_weasyprint, "write_pdf", capture)
    data = json.loads((DATA / "en-briefing.json").read_text(encoding="utf-8"))
    briefing = Briefing.from_json(data)
    pdf_renderer.render_pdf(briefing)
    pdf_renderer.render_pdf(briefing, template_dir=tmp_path)  # overrides nothing, but could
    assert seen == [asset_dir("styles") / pdf_renderer.PRINT_UA_CSS, None]


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_the_collector_is_restored_and_the_cycles_freed() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()  # 0 unless something earlier in the session froze objects
    with fewer_collections():
        assert gc.get_threshold()[0] > before[0]
        assert gc.get_freeze_count() > 0
        for _ in range(1000):
            _Node()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
    if not frozen:
        assert not any(isinstance(o, _Node) for o in gc.get_objects())


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with fewer_collections():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_collector_is_restored_after_an_error() -> None:
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        with fewer_collections():
            raise ValueError("layout failed")
    except ValueError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
