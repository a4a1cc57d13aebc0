"""The Python API: docs/api.md runs as doctests, every public name resolves, it is typed."""

from __future__ import annotations

import doctest
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import briefing
from conftest import ROOT

DOCS = ROOT / "docs" / "api.md"


def test_the_api_page_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # its paths are relative to the top of a checkout
    failures, tried = doctest.testfile(
        str(DOCS), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert tried > 15
    assert failures == 0


def test_the_api_module_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.api

    monkeypatch.chdir(ROOT)
    failures, tried = doctest.testmod(briefing.api, optionflags=doctest.ELLIPSIS)
    assert tried >= 1 and failures == 0


def test_every_public_name_resolves() -> None:
    for name in briefing.__all__:
        assert getattr(briefing, name) is not None, name
    with pytest.raises(AttributeError):
        _ = briefing.no_such_name  # type: ignore[attr-defined]


def test_render_gives_the_bytes_generate_writes(tmp_path: Path) -> None:
    from conftest import SEED, run_cli

    out = tmp_path / "seed.json"
    assert run_cli("generate", SEED, "--out", out).exit_code == 0
    b = briefing.brief(SEED)
    assert briefing.render(b, "json") == out.read_bytes()
    assert briefing.render(b, briefing.Format.JSON) == b.to_json().encode("utf-8")
    with pytest.raises(ValueError):
        briefing.render(b, "docx")


def test_an_article_read_once_keeps_its_own_date_and_language() -> None:
    from conftest import SEED

    article = briefing.read_article(SEED)
    with pytest.raises(briefing.UsageError):
        briefing.brief(article, published="2024-01-01")
    assert briefing.brief(article).article.published == "2023-09-18"


def test_the_wheel_ships_py_typed_and_the_language_data(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("briefing-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing/py.typed" in names
    assert "briefing/languages/ar/data/reporting_verbs.txt" in names
    assert "briefing/languages/ar/data/time/months.txt" in names
    assert "briefing/languages/en/data/time/months.txt" in names
    assert "briefing/templates/briefing.html.j2" in names
