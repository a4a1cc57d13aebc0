"""Every article in the repository, briefed and rendered in every text format, against golden files.

These pin the behaviour while the code changes shape: a refactor must leave every byte of them
as it was. An intended change of output is regenerated with BRIEFING_REGEN_GOLDEN=1 and reviewed
as a diff of tests/golden/outputs/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, ROOT, check_golden

ARTICLES = sorted((ROOT / "seeds" / "articles").glob("*.md")) + sorted(
    (DATA / "articles").glob("*.md")
)
FORMATS = {"json": "json", "md": "md", "html": "html", "claimreview": "jsonld"}


def _facts(article: Path) -> list[Path]:
    """Return the fact table written for the article, or none (the bundled table)."""
    stem = article.name.split(".")[0]
    table = DATA / "facts" / f"{stem}.yaml"
    return [table] if table.exists() else []


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda p: p.name)
def briefed(request: pytest.FixtureRequest) -> tuple[str, Any]:
    import briefing as api

    article: Path = request.param
    # Paths as given show in the briefing: relative ones keep it the same in any checkout.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        table = api.load_facts([table.relative_to(ROOT) for table in _facts(article)])
        briefing = api.brief(article.relative_to(ROOT), facts=table)
    return article.name.removesuffix(".md"), briefing


def test_there_are_articles_to_pin() -> None:
    assert len(ARTICLES) >= 20


def test_json_meets_the_schema(briefed: tuple[str, Any]) -> None:
    import jsonschema

    from conftest import schema

    _name, briefing = briefed
    jsonschema.validate(json.loads(briefing.to_json()), schema())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_is_unchanged(briefed: tuple[str, Any], fmt: str) -> None:
    from briefing import render

    name, briefing = briefed
    text = render(briefing, fmt).decode("utf-8")
    check_golden(f"outputs/{name}.{FORMATS[fmt]}", text)


def test_junit_is_unchanged(briefed: tuple[str, Any]) -> None:
    from briefing.renderers.junit import junit_for_briefing

    name, briefing = briefed
    check_golden(f"outputs/{name}.junit.xml", junit_for_briefing(briefing))


def test_labels_in_the_other_language_are_unchanged(briefed: tuple[str, Any]) -> None:
    from briefing import render

    name, briefing = briefed
    other = "ar" if name.endswith(".en") else "en"
    text = render(briefing, "md", report_language=other).decode("utf-8")
    check_golden(f"outputs/{name}.{other}-labels.md", text)
