"""Shared fixtures: the bundled seed, a test article we wrote, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = ROOT / "seeds" / "articles" / "wang-yi-moscow.ar.md"
SHARED = ROOT.parent / "shared"
REGEN = os.environ.get("BRIEFING_REGEN_GOLDEN") == "1"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run_cli(*args: str | Path) -> Any:
    """Run the CLI in-process and return the click Result."""
    from briefing.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def check_golden(name: str, text: str) -> None:
    """Compare text with tests/golden/NAME (rewritten when BRIEFING_REGEN_GOLDEN=1)."""
    path = GOLDEN / name
    if REGEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file {name} was missing and has been written; run again")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def make_briefing(
    location: str | Path,
    *,
    facts: Sequence[str | Path] = (),
    published: dt.date | None = None,
    language: str | None = None,
    model: str | None = None,
    **reading: Any,
) -> dict[str, Any]:
    """Return an article's briefing as the JSON object CI jobs read, through the Python API."""
    import briefing

    article = briefing.read_article(location, language=language, published=published, **reading)
    return briefing.brief_article(article, briefing.load_facts(facts), model=model).to_dict()


def brief_text(
    tmp_path: Path, body: str, language: str = "ar", *, headline: str = ""
) -> dict[str, Any]:
    """Return the briefing of a text written for a test, published on Thursday 7 March 2024."""
    article = tmp_path / "a.txt"
    article.write_text(f"{headline}\n\n{body}" if headline else body, encoding="utf-8")
    return make_briefing(str(article), language=language, published=dt.date(2024, 3, 7))


def speaker_of(b: dict[str, Any], piece: str) -> str | None:
    """Return the speaker's text of the first claim (not a role) holding `piece`."""
    claim = next(c for c in b["claims"] if piece in c["text"] and c["kind"] != "role")
    return (claim["speaker"] or {}).get("text")


def roles_of(b: dict[str, Any]) -> list[str]:
    """Return the texts of a briefing's role claims."""
    return [str(c["text"]) for c in b["claims"] if c["kind"] == "role"]


@pytest.fixture(scope="session")
def seed_briefing() -> dict[str, Any]:
    """The seed's briefing as the pipeline builds it (once per test session)."""
    return make_briefing(SEED, published=dt.date(2023, 9, 18))


def schema() -> dict[str, Any]:
    from briefing.resources import PACKAGE_DIR

    return json.loads((PACKAGE_DIR / "schemas" / "briefing-1.schema.json").read_text())
