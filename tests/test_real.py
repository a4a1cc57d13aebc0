"""The real development set: hand-annotated real articles, whose texts stay in ../shared/data.

Each article is briefed against its fact table and scored by ../shared/eval/score.py; the mean
figures may not fall below tests/data/real/floors.yaml (the first reads, raised as fixes land).
"""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

import pytest
import yaml

from conftest import DATA, ROOT, SHARED

REAL = DATA / "real"
CORPORA = [SHARED / "data" / "realnews-ar.jsonl", SHARED / "data" / "realnews-en.jsonl"]
pytestmark = pytest.mark.skipif(
    not all(path.exists() for path in [*CORPORA, SHARED / "eval" / "score.py"]),
    reason="the real articles and the scorer live in ../shared (research licences); absent here",
)


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "real_articles", ROOT / "scripts" / "real_articles.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


def _lines(language: str) -> list[int]:
    return sorted(int(path.name[:3]) for path in (REAL / language).glob("*.gold.yaml"))


def test_every_gold_has_its_fact_table_and_names_a_development_line(script: ModuleType) -> None:
    for language in ("ar", "en"):
        lines = _lines(language)
        assert len(lines) >= 8, language
        for line in lines:
            assert line in script.DEV_LINES[language]
            assert (REAL / language / f"{line:03d}.facts.yaml").exists()


def test_measurement_lines_are_refused(script: ModuleType) -> None:
    with pytest.raises(SystemExit, match="kept for measurement"):
        script.record("ar", 31)
    with pytest.raises(SystemExit, match="kept for measurement"):
        script.record("en", 101)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_real_articles_hold_their_figures(script: ModuleType, language: str) -> None:
    floors: dict[str, Any] = yaml.safe_load((REAL / "floors.yaml").read_text(encoding="utf-8"))
    figures = [script.score(language, line)[0] for line in _lines(language)]
    means = {key: sum(f[key] for f in figures) / len(figures) for key in floors[language]}
    for key, floor in floors[language].items():
        if key == "contradicted_false":
            assert means[key] <= floor, (language, key, round(means[key], 3))
        else:
            assert means[key] >= floor, (language, key, round(means[key], 3))
